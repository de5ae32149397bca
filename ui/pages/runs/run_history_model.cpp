#include "run_history_model.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace rapidun::ui {

namespace {

double num(const QJsonObject & o, const char * key) {
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? v.toDouble() : qQNaN();
}

bool readRecord(const QString & dir, RunRecord * r) {
    QFile f(dir + QStringLiteral("/run.json"));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    const QJsonObject run = doc.object();
    r->dir = dir;
    r->id = run.value(QLatin1String("id")).toString(QFileInfo(dir).fileName());
    r->method = run.value(QLatin1String("method")).toString();
    r->preset = run.value(QLatin1String("preset")).toString();
    r->seed = run.value(QLatin1String("settings")).toObject().value(QLatin1String("seed")).toInteger();
    const QJsonObject res = run.value(QLatin1String("result")).toObject();
    r->steps = res.value(QLatin1String("steps")).toInteger();
    r->totalSteps = res.value(QLatin1String("total_steps")).toInteger();
    r->reason = res.value(QLatin1String("reason")).toString();
    const QJsonObject before = run.value(QLatin1String("metrics_before")).toObject();
    const QJsonValue afterValue = run.value(QLatin1String("metrics_after"));
    const QJsonObject after = afterValue.toObject();
    if (res.value(QLatin1String("cancelled")).toBool())
        r->status = RunRecord::Status::Cancelled;
    else if (res.value(QLatin1String("stopped_early")).toBool())
        r->status = RunRecord::Status::StoppedEarly;
    else if (!afterValue.isObject())
        r->status = RunRecord::Status::NotEvaluated;
    else
        r->status = RunRecord::Status::Finished;
    r->seenBefore = num(before, "seen_asr");
    r->seenAfter = num(after, "seen_asr");
    r->oodAfter = num(after, "ood_asr");
    r->falseTriggerAfter = num(after, "false_trigger_rate");
    r->cleanEmAfter = num(after, "clean_exact_match");
    const QJsonObject secs = run.value(QLatin1String("seconds")).toObject();
    r->unlearnSeconds = num(secs, "unlearn");
    r->evaluateSeconds = num(secs, "evaluate");
    r->modified = QFileInfo(f).lastModified().toMSecsSinceEpoch();
    return true;
}

QString percent(double v) {
    return std::isnan(v) ? QStringLiteral("\u2013") : QLocale().toString(100.0 * v, 'f', 1) + QLatin1Char('%');
}

} // namespace

RunHistoryModel::RunHistoryModel(QObject * parent) : QAbstractTableModel(parent) {}

int RunHistoryModel::reload(const QString & workspaceDir) {
    beginResetModel();
    workspace_ = workspaceDir;
    records_.clear();
    int skipped = 0;
    const QDir runs(workspaceDir + QStringLiteral("/runs"));
    if (!workspaceDir.isEmpty() && runs.exists()) {
        for (const QString & name : runs.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            RunRecord r;
            if (readRecord(runs.absoluteFilePath(name), &r))
                records_.push_back(std::move(r));
            else
                ++skipped;
        }
    }
    std::stable_sort(records_.begin(), records_.end(), [](const RunRecord & a, const RunRecord & b) { return a.modified < b.modified; });
    rows_.resize(records_.size());
    for (size_t i = 0; i < rows_.size(); ++i)
        rows_[i] = int(i);
    sortRows();
    endResetModel();
    return skipped;
}

void RunHistoryModel::clear() {
    beginResetModel();
    workspace_.clear();
    records_.clear();
    rows_.clear();
    endResetModel();
}

int RunHistoryModel::rowOfRun(const QString & id) const {
    for (size_t r = 0; r < rows_.size(); ++r)
        if (records_[size_t(rows_[r])].id == id)
            return int(r);
    return -1;
}

QString RunHistoryModel::methodLabel(const QString & method) {
    if (method == QLatin1String("rapidun"))
        return tr("RapidUn");
    if (method == QLatin1String("ga"))
        return tr("GA");
    if (method == QLatin1String("gagd"))
        return tr("GA+GD");
    if (method == QLatin1String("loreun"))
        return tr("LoReUn");
    if (method == QLatin1String("fisher"))
        return tr("Fisher");
    if (method == QLatin1String("npo"))
        return tr("NPO");
    return method;
}

QString RunHistoryModel::statusLabel(RunRecord::Status s) {
    switch (s) {
    case RunRecord::Status::Finished: return tr("finished");
    case RunRecord::Status::StoppedEarly: return tr("stopped early");
    case RunRecord::Status::Cancelled: return tr("cancelled");
    case RunRecord::Status::NotEvaluated: return tr("not evaluated");
    }
    return {};
}

int RunHistoryModel::rowCount(const QModelIndex & parent) const { return parent.isValid() ? 0 : int(rows_.size()); }
int RunHistoryModel::columnCount(const QModelIndex & parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RunHistoryModel::rawValue(const RunRecord & r, int column) const {
    switch (column) {
    case Id: return r.id;
    case Method: return methodLabel(r.method);
    case Preset: return r.preset;
    case Seed: return r.seed;
    case Status: return int(r.status);
    case SeenAsr: return r.seenAfter;
    case OodAsr: return r.oodAfter;
    case FalseTrigger: return r.falseTriggerAfter;
    case CleanEm: return r.cleanEmAfter;
    case Steps: return r.steps;
    case Seconds: return r.unlearnSeconds;
    }
    return {};
}

QString RunHistoryModel::display(const RunRecord & r, int column) const {
    switch (column) {
    case Status: return statusLabel(r.status);
    case SeenAsr: return tr("%1 \u2192 %2").arg(percent(r.seenBefore), percent(r.seenAfter));
    case OodAsr: return percent(r.oodAfter);
    case FalseTrigger: return percent(r.falseTriggerAfter);
    case CleanEm: return percent(r.cleanEmAfter);
    case Steps: return r.totalSteps > 0 && r.steps != r.totalSteps ? tr("%1 of %2").arg(r.steps).arg(r.totalSteps) : QString::number(r.steps);
    case Seconds: return std::isnan(r.unlearnSeconds) ? QStringLiteral("\u2013") : QLocale().toString(r.unlearnSeconds, 'f', 1);
    default: return rawValue(r, column).toString();
    }
}

QVariant RunHistoryModel::data(const QModelIndex & index, int role) const {
    if (!index.isValid() || index.row() >= int(rows_.size()) || index.column() >= ColumnCount)
        return {};
    const RunRecord & r = records_[size_t(rows_[size_t(index.row())])];
    switch (role) {
    case Qt::DisplayRole: return display(r, index.column());
    case RawValueRole: return rawValue(r, index.column());
    case RunIdRole: return r.id;
    case Qt::TextAlignmentRole:
        return index.column() >= Seed && index.column() != Status ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == Status && !r.reason.isEmpty())
            return r.reason;
        if (index.column() == Seconds && !std::isnan(r.evaluateSeconds))
            return tr("Unlearning %1 s, evaluation after %2 s").arg(r.unlearnSeconds, 0, 'f', 2).arg(r.evaluateSeconds, 0, 'f', 2);
        if (index.column() == Id)
            return r.dir;
        return {};
    default: return {};
    }
}

QVariant RunHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Id: return tr("Run");
        case Method: return tr("Method");
        case Preset: return tr("Preset");
        case Seed: return tr("Seed");
        case Status: return tr("Status");
        case SeenAsr: return tr("Seen ASR");
        case OodAsr: return tr("OOD ASR");
        case FalseTrigger: return tr("False triggers");
        case CleanEm: return tr("Clean EM");
        case Steps: return tr("Steps");
        case Seconds: return tr("Seconds");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case SeenAsr: return tr("Attack success rate on prompts with the seen triggers, before \u2192 after unlearning (sorted by after)");
        case OodAsr: return tr("Attack success rate on prompts with unseen (out-of-distribution) trigger variants, after unlearning");
        case FalseTrigger: return tr("Share of clean prompts answered with the backdoor behaviour, after unlearning");
        case CleanEm: return tr("Exact match on the clean test set, after unlearning");
        case Seconds: return tr("Wall-clock seconds of the unlearning itself (curve evaluations included)");
        default: return {};
        }
    }
    return {};
}

void RunHistoryModel::sortRows() {
    if (sortColumn_ < 0 || sortColumn_ >= ColumnCount)
        return;
    const int col = sortColumn_;
    const bool asc = sortOrder_ == Qt::AscendingOrder;
    auto less = [this, col](int a, int b) {
        const QVariant va = rawValue(records_[size_t(a)], col), vb = rawValue(records_[size_t(b)], col);
        if (va.typeId() == QMetaType::QString)
            return va.toString() < vb.toString();
        const double x = va.toDouble(), y = vb.toDouble();
        if (std::isnan(x) || std::isnan(y))
            return !std::isnan(x) && std::isnan(y);   // numbers before NaN
        return x < y;
    };
    std::stable_sort(rows_.begin(), rows_.end(), [&](int a, int b) { return asc ? less(a, b) : less(b, a); });
}

void RunHistoryModel::sort(int column, Qt::SortOrder order) {
    sortColumn_ = column;
    sortOrder_ = order;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<int> recordOf(size_t(before.size()));
    for (int n = 0; n < before.size(); ++n)
        recordOf[size_t(n)] = rows_[size_t(before[n].row())];
    sortRows();
    std::vector<int> newRowOf(records_.size(), -1);
    for (size_t r = 0; r < rows_.size(); ++r)
        newRowOf[size_t(rows_[r])] = int(r);
    QModelIndexList after;
    for (int n = 0; n < before.size(); ++n)
        after.append(index(newRowOf[size_t(recordOf[size_t(n)])], before[n].column()));
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

bool readRunCurve(const QString & runDir, RunCurve * out) {
    *out = RunCurve{};
    QFile f(runDir + QStringLiteral("/metrics.jsonl"));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return false;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (!doc.isObject()) {
            *out = RunCurve{};
            return false;
        }
        const QJsonObject o = doc.object();
        out->step << num(o, "step");
        out->forgetPoisoned << num(o, "forget_poisoned_ce");
        out->forgetClean << num(o, "forget_clean_ce");
        out->retain << num(o, "retain_ce");
    }
    // The per-step loss, when the run wrote it; a missing or bad file leaves the loss empty only.
    QFile lossFile(runDir + QStringLiteral("/loss.jsonl"));
    if (lossFile.open(QIODevice::ReadOnly | QIODevice::Text)) {
        while (!lossFile.atEnd()) {
            const QJsonDocument doc = QJsonDocument::fromJson(lossFile.readLine().trimmed());
            if (!doc.isObject())
                continue;
            out->lossStep << num(doc.object(), "step");
            out->loss << num(doc.object(), "loss");
        }
    }
    return true;
}

} // namespace rapidun::ui
