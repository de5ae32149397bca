#include "compare_models.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QColor>
#include <QHash>
#include <QPainter>
#include <QPoint>
#include <QTextDocument>

#include <cmath>
#include <limits>

namespace rapidun::ui {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QVariantList spansVariant(const QVector<TextSpan> & spans) {
    QVariantList out;
    for (const TextSpan & s : spans)
        out << QPoint(s.start, s.length);
    return out;
}

QString fromUtf8(const std::string & s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

} // namespace

// ---- MetricsModel -------------------------------------------------------------------------------

MetricsModel::MetricsModel(QObject * parent) : QAbstractTableModel(parent) {}

void MetricsModel::setSides(const QString & leftName, const SideMetrics & left, const QString & rightName,
                            const SideMetrics & right) {
    beginResetModel();
    leftName_ = leftName;
    rightName_ = rightName;
    left_ = left;
    right_ = right;
    filled_ = true;
    endResetModel();
    Q_EMIT headerDataChanged(Qt::Horizontal, LeftColumn, RightColumn);
}

void MetricsModel::clear() {
    beginResetModel();
    filled_ = false;
    leftName_.clear();
    rightName_.clear();
    left_ = right_ = SideMetrics{};
    endResetModel();
}

double MetricsModel::valueOf(const SideMetrics & m, int metric) {
    double v = -1;
    switch (metric) {
    case SeenAsr: v = m.seen_asr; break;
    case OodAsr: v = m.ood_asr; break;
    case FalseTriggerRate: v = m.false_trigger_rate; break;
    case CleanExactMatch: v = m.clean_exact_match; break;
    case CleanRougeL: v = m.clean_rouge_l; break;
    case TwinExactMatch: v = m.twin_exact_match; break;
    case TwinRougeL: v = m.twin_rouge_l; break;
    case CleanPpl: v = m.clean_ppl; break;
    case UnlearnSeconds: v = m.unlearn_seconds; break;
    default: break;
    }
    return v < 0 ? kNaN : v;   // core's -1 = not recorded
}

bool MetricsModel::lowerIsBetter(int metric) {
    return metric == SeenAsr || metric == OodAsr || metric == FalseTriggerRate || metric == CleanPpl || metric == UnlearnSeconds;
}

bool MetricsModel::isRate(int metric) { return metric <= TwinRougeL; }

QString MetricsModel::metricName(int metric) const {
    switch (metric) {
    case SeenAsr: return tr("Seen-trigger ASR");
    case OodAsr: return tr("OOD-trigger ASR");
    case FalseTriggerRate: return tr("False-trigger rate");
    case CleanExactMatch: return tr("Clean exact match");
    case CleanRougeL: return tr("Clean ROUGE-L");
    case TwinExactMatch: return tr("Triggered: clean-twin exact match");
    case TwinRougeL: return tr("Triggered: clean-twin ROUGE-L");
    case CleanPpl: return tr("Clean perplexity");
    case UnlearnSeconds: return tr("Unlearning time");
    default: return {};
    }
}

QString MetricsModel::format(int metric, double value, bool delta) const {
    if (std::isnan(value))
        return tr("n/a");
    const QString sign = delta && value > 0 ? QStringLiteral("+") : QString();
    if (isRate(metric))
        return delta ? tr("%1%2 pp").arg(sign, QString::number(value * 100.0, 'f', 1))
                     : tr("%1%").arg(QString::number(value * 100.0, 'f', 1));
    if (metric == UnlearnSeconds)
        return tr("%1%2 s").arg(sign, QString::number(value, 'f', 2));
    return sign + QString::number(value, 'f', 3);
}

int MetricsModel::rowCount(const QModelIndex & parent) const { return parent.isValid() || !filled_ ? 0 : MetricCount; }
int MetricsModel::columnCount(const QModelIndex & parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant MetricsModel::data(const QModelIndex & index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int metric = index.row();
    const double l = leftValue(metric), r = rightValue(metric), d = r - l;   // NaN when either is missing
    const double v = index.column() == LeftColumn ? l : index.column() == RightColumn ? r : d;
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == NameColumn ? metricName(metric) : format(metric, v, index.column() == DeltaColumn);
    case RawValueRole:
        return index.column() == NameColumn || std::isnan(v) ? QVariant() : QVariant(v);
    case Qt::TextAlignmentRole:
        return index.column() == NameColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter) : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (index.column() != DeltaColumn || std::isnan(d) || d == 0)
            return {};
        return QColor((d < 0) == lowerIsBetter(metric) ? QStringLiteral("#1b7a1b") : QStringLiteral("#b00020"));
    case Qt::ToolTipRole:
        if (index.column() == DeltaColumn)
            return lowerIsBetter(metric) ? tr("Right minus left; lower is better") : tr("Right minus left; higher is better");
        if (metric == UnlearnSeconds)
            return tr("Wall-clock seconds of the unlearning steps (run.json seconds.unlearn); none before unlearning");
        return {};
    default:
        return {};
    }
}

QVariant MetricsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Metric");
    case LeftColumn: return leftName_.isEmpty() ? tr("Left") : leftName_;
    case RightColumn: return rightName_.isEmpty() ? tr("Right") : rightName_;
    default: return tr("Delta (right - left)");
    }
}

// ---- GenerationsModel ---------------------------------------------------------------------------

GenerationsModel::GenerationsModel(QObject * parent) : QAbstractTableModel(parent) {}

void GenerationsModel::setSides(const QString & leftName, const std::vector<GenerationRow> & left, const QString & rightName,
                                const std::vector<GenerationRow> & right, const QSet<QString> & keywords) {
    beginResetModel();
    leftName_ = leftName;
    rightName_ = rightName;
    rows_.clear();
    // Join on (set, id): the left side's order, then the rows only the right side has.
    QHash<QString, size_t> rowOf;
    auto key = [](const GenerationRow & g) { return fromUtf8(g.set) + QChar(0x1f) + fromUtf8(g.id); };
    auto prompt = [](const GenerationRow & g) {
        return g.context.empty() ? fromUtf8(g.instruction) : fromUtf8(g.instruction) + QStringLiteral("\n") + fromUtf8(g.context);
    };
    for (const GenerationRow & g : left) {
        Row r;
        r.set = fromUtf8(g.set);
        r.id = fromUtf8(g.id);
        r.prompt = prompt(g);
        r.left = fromUtf8(g.generated);
        r.leftPoisoned = g.poisoned;
        rowOf.insert(key(g), rows_.size());
        rows_.push_back(std::move(r));
    }
    for (const GenerationRow & g : right) {
        auto it = rowOf.constFind(key(g));
        if (it == rowOf.constEnd()) {
            Row r;
            r.set = fromUtf8(g.set);
            r.id = fromUtf8(g.id);
            r.prompt = prompt(g);
            it = rowOf.insert(key(g), rows_.size());
            rows_.push_back(std::move(r));
        }
        Row & r = rows_[*it];
        r.right = fromUtf8(g.generated);
        r.rightPoisoned = g.poisoned;
    }
    for (Row & r : rows_) {
        r.differs = r.left != r.right;
        r.diff = wordDiff(r.left, r.right);
        r.leftKeywords = keywordSpans(r.left, keywords);
        r.rightKeywords = keywordSpans(r.right, keywords);
    }
    applyFilter();
    endResetModel();
    Q_EMIT headerDataChanged(Qt::Horizontal, LeftColumn, RightColumn);
}

void GenerationsModel::clear() {
    beginResetModel();
    rows_.clear();
    shown_.clear();
    leftName_.clear();
    rightName_.clear();
    endResetModel();
}

void GenerationsModel::setFilter(const QSet<QString> & sets, bool onlyDiffering) {
    beginResetModel();
    sets_ = sets;
    onlyDiffering_ = onlyDiffering;
    applyFilter();
    endResetModel();
}

void GenerationsModel::applyFilter() {
    shown_.clear();
    for (size_t i = 0; i < rows_.size(); ++i)
        if (sets_.contains(rows_[i].set) && (!onlyDiffering_ || rows_[i].differs))
            shown_.push_back(int(i));
}

int GenerationsModel::differingRows() const {
    int n = 0;
    for (const Row & r : rows_)
        n += r.differs ? 1 : 0;
    return n;
}

int GenerationsModel::rowCount(const QModelIndex & parent) const { return parent.isValid() ? 0 : int(shown_.size()); }
int GenerationsModel::columnCount(const QModelIndex & parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString GenerationsModel::setLabel(const QString & set) const {
    if (set == QLatin1String("seen"))
        return tr("seen trigger");
    if (set == QLatin1String("ood"))
        return tr("OOD trigger");
    if (set == QLatin1String("clean"))
        return tr("clean");
    return set;
}

QVariant GenerationsModel::outputData(const Row & r, bool left, int role) const {
    const QString & text = left ? r.left : r.right;
    const QVector<TextSpan> & keywords = left ? r.leftKeywords : r.rightKeywords;
    const QVector<TextSpan> & changed = left ? r.diff.left : r.diff.right;
    const bool poisoned = left ? r.leftPoisoned : r.rightPoisoned;
    switch (role) {
    case Qt::DisplayRole:
    case RawValueRole: return text;
    case HtmlRole: return markedHtml(text, keywords, changed);
    case PoisonedRole: return poisoned;
    case KeywordSpansRole: return spansVariant(keywords);
    case ChangedSpansRole: return spansVariant(changed);
    case Qt::ToolTipRole: return poisoned ? tr("%1\n\nFlagged by the keyword detector").arg(text) : text;
    default: return {};
    }
}

QVariant GenerationsModel::data(const QModelIndex & index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row & r = rows_[size_t(shown_[size_t(index.row())])];
    if (role == SetRole)
        return r.set;
    if (role == DiffersRole)
        return r.differs;
    switch (index.column()) {
    case SetColumn:
        if (role == Qt::DisplayRole)
            return setLabel(r.set);
        if (role == RawValueRole)
            return r.set;
        if (role == Qt::ToolTipRole)
            return r.id;
        return {};
    case PromptColumn:
        if (role == Qt::DisplayRole || role == RawValueRole || role == Qt::ToolTipRole)
            return r.prompt;
        return {};
    case LeftColumn: return outputData(r, true, role);
    case RightColumn: return outputData(r, false, role);
    default:
        if (role == Qt::DisplayRole)
            return r.differs ? tr("differ") : tr("same");
        if (role == RawValueRole)
            return r.differs;
        if (role == Qt::BackgroundRole && r.differs)
            return QColor(QStringLiteral("#fff0a8"));
        return {};
    }
}

QVariant GenerationsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SetColumn: return tr("Set");
    case PromptColumn: return tr("Prompt");
    case LeftColumn: return leftName_.isEmpty() ? tr("Left") : leftName_;
    case RightColumn: return rightName_.isEmpty() ? tr("Right") : rightName_;
    default: return tr("Outputs");
    }
}

// ---- HtmlDelegate -------------------------------------------------------------------------------

void HtmlDelegate::paint(QPainter * painter, const QStyleOptionViewItem & option, const QModelIndex & index) const {
    const QVariant html = index.data(HtmlRole);
    if (!html.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();   // the background and selection only; the text is drawn below
    QStyle * style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    QTextDocument doc;
    doc.setDefaultFont(opt.font);
    doc.setDocumentMargin(2);
    doc.setHtml(html.toString());
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget);
    doc.setTextWidth(textRect.width());
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.palette = opt.palette;
    if (opt.state & QStyle::State_Selected)
        ctx.palette.setColor(QPalette::Text, opt.palette.color(QPalette::HighlightedText));
    painter->save();
    painter->translate(textRect.topLeft());
    painter->setClipRect(textRect.translated(-textRect.topLeft()));
    doc.documentLayout()->draw(painter, ctx);
    painter->restore();
}

} // namespace rapidun::ui
