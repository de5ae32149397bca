#include "workspace_loader.h"

#include "model_loader.h"

#include "rapidun/data/records.h"
#include "rapidun/workspace/workspace.h"

#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QMap>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>
#include <optional>
#include <vector>

namespace rapidun::ui {
namespace {

struct OpenOutcome {
    std::optional<OpenedWorkspace> value;
    QString error;
};

std::string localPath(const QString & path) { return QFile::encodeName(path).toStdString(); }
QString fromLocal(const std::string & path) { return QFile::decodeName(QByteArray::fromStdString(path)); }
QString text(const std::string & s) { return QString::fromStdString(s); }

DatasetSummary summarize(const QString & role, const QString & path) {
    DatasetSummary d;
    d.role = role;
    d.path = path;
    try {
        const std::vector<Record> rows = read_records(localPath(path));
        QMap<QString, CategoryCount> byCategory;
        QSet<QString> variants;
        for (const Record & r : rows) {
            CategoryCount & c = byCategory[text(r.category)];
            c.category = text(r.category);
            if (r.is_poisoned) {
                ++d.poisoned;
                ++c.poisoned;
                if (!r.trigger_variant.empty())
                    variants.insert(text(r.trigger_variant));
            } else {
                ++c.clean;
            }
        }
        d.rows = static_cast<qint64>(rows.size());
        d.triggerVariants = static_cast<int>(variants.size());
        d.categories = QVector<CategoryCount>(byCategory.cbegin(), byCategory.cend());
    } catch (const std::exception & e) {
        d.error = QString::fromUtf8(e.what());
    }
    return d;
}

OpenOutcome openWork(const QString & dir) {
    OpenOutcome out;
    try {
        out.value = openWorkspaceNow(dir);
    } catch (const std::exception & e) {
        out.error = QString::fromUtf8(e.what());
    } catch (...) {
        out.error = QStringLiteral("unknown error");
    }
    return out;
}

} // namespace

OpenedWorkspace openWorkspaceNow(const QString & dir) {
    const Workspace w = Workspace::load(localPath(dir));
    OpenedWorkspace ws;
    ws.dir = fromLocal(w.dir);
    ws.name = text(w.name);
    ws.kind = text(w.kind);
    ws.modelPath = fromLocal(w.resolve(w.model));
    ws.tokenizerPath = w.tokenizer.empty() ? QString() : fromLocal(w.resolve(w.tokenizer));
    ws.detectorPath = w.detector.empty() ? QString() : fromLocal(w.resolve(w.detector));
    ws.promptTemplate = text(w.prompt_template);
    ws.maxLen = w.max_len;
    ws.maxNewTokens = w.max_new_tokens;
    ws.labJson = text(w.lab_json);

    QStringList roles = standardDatasetRoles();
    for (const auto & entry : w.datasets)
        if (!roles.contains(text(entry.first)))
            roles << text(entry.first);
    for (const QString & role : roles) {
        const auto it = w.datasets.find(role.toStdString());
        if (it != w.datasets.end())
            ws.datasets << summarize(role, fromLocal(w.resolve(it->second)));
    }

    try {
        ws.model = loadModelNow(ws.modelPath, ws.tokenizerPath);
    } catch (const std::exception & e) {
        ws.model = {};
        ws.modelError = QString::fromUtf8(e.what());
    }
    return ws;
}

WorkspaceLoader::WorkspaceLoader(QObject * parent) : QObject(parent) {}

WorkspaceLoader::~WorkspaceLoader() {
    if (wait_)
        wait_();   // the worker never outlives the loader
}

bool WorkspaceLoader::start(const QString & dir) {
    if (busy_)
        return false;
    busy_ = true;
    QFuture<OpenOutcome> future = QtConcurrent::run(openWork, dir);
    auto * watcher = new QFutureWatcher<OpenOutcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, dir] {
        OpenOutcome out = watcher->result();
        watcher->deleteLater();
        busy_ = false;
        wait_ = nullptr;
        if (out.value)
            Q_EMIT opened(*out.value);
        else
            Q_EMIT failed(dir, out.error);
    });
    watcher->setFuture(future);   // connect first, then set the future
    wait_ = [future]() mutable { future.waitForFinished(); };
    return true;
}

} // namespace rapidun::ui
