// The Compare page's item models.
//
// MetricsModel: one row per compared metric (seen ASR, OOD ASR, false-trigger rate, clean exact
// match, clean ROUGE-L, the triggered prompts' exact match and ROUGE-L against their clean twins'
// answers, clean perplexity, unlearning time), columns Metric | left | right | delta
// (right - left). Rates show as percent (delta in percentage points), perplexity with 3 decimals,
// time in seconds. RawValueRole: the number as recorded (double), invalid where missing; the
// delta's ForegroundRole is green when the right side is better, red when worse.
//
// GenerationsModel: one row per evaluation prompt, columns Set | Prompt | left output | right output
// | Outputs ("same" / "differ"). Rows are joined on (set, id) in the left side's order (right-only
// rows after). A filter by set (seen / ood / clean) and "only differing rows" keeps a row index
// list; changing it resets the model. DisplayRole is plain text; HtmlRole of the output columns is
// the text with the poison words and the differing words marked (compare_text.h).
#pragma once
#include "compare_text.h"

#include "rapidun/eval/compare.h"

#include <QAbstractTableModel>
#include <QSet>
#include <QStringList>
#include <QStyledItemDelegate>

#include <vector>

namespace rapidun::ui {

enum CompareRole {
    RawValueRole = Qt::UserRole + 1,   // MetricsModel: double; GenerationsModel: the plain text
    HtmlRole,                          // GenerationsModel output columns: marked HTML
    SetRole,                           // "seen" | "ood" | "clean"
    DiffersRole,                       // bool: the two outputs differ
    PoisonedRole,                      // bool: the detector flags this output (output columns)
    KeywordSpansRole,                  // QVariantList of QPoint(start, length), output columns
    ChangedSpansRole,                  // QVariantList of QPoint(start, length), output columns
};

class MetricsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Metric { SeenAsr, OodAsr, FalseTriggerRate, CleanExactMatch, CleanRougeL, TwinExactMatch, TwinRougeL, CleanPpl,
                  UnlearnSeconds, MetricCount };
    enum Column { NameColumn, LeftColumn, RightColumn, DeltaColumn, ColumnCount };

    explicit MetricsModel(QObject * parent = nullptr);
    void setSides(const QString & leftName, const SideMetrics & left, const QString & rightName, const SideMetrics & right);
    void clear();

    static double valueOf(const SideMetrics & m, int metric);   // NaN when missing
    static bool lowerIsBetter(int metric);
    static bool isRate(int metric);                             // a fraction shown as percent
    QString metricName(int metric) const;
    double leftValue(int metric) const { return valueOf(left_, metric); }
    double rightValue(int metric) const { return valueOf(right_, metric); }

    int rowCount(const QModelIndex & parent = {}) const override;
    int columnCount(const QModelIndex & parent = {}) const override;
    QVariant data(const QModelIndex & index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString format(int metric, double value, bool delta) const;
    bool        filled_ = false;
    QString     leftName_, rightName_;
    SideMetrics left_, right_;
};

class GenerationsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { SetColumn, PromptColumn, LeftColumn, RightColumn, StatusColumn, ColumnCount };

    explicit GenerationsModel(QObject * parent = nullptr);
    // keywords: lower case; highlighted in both outputs.
    void setSides(const QString & leftName, const std::vector<GenerationRow> & left, const QString & rightName,
                  const std::vector<GenerationRow> & right, const QSet<QString> & keywords);
    void clear();

    // Sets shown (any of "seen", "ood", "clean"); onlyDiffering hides rows with equal outputs.
    void setFilter(const QSet<QString> & sets, bool onlyDiffering);
    QSet<QString> setFilter() const { return sets_; }
    bool onlyDiffering() const { return onlyDiffering_; }
    int totalRows() const { return int(rows_.size()); }
    int differingRows() const;

    int rowCount(const QModelIndex & parent = {}) const override;
    int columnCount(const QModelIndex & parent = {}) const override;
    QVariant data(const QModelIndex & index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString set, id, prompt, left, right;
        bool leftPoisoned = false, rightPoisoned = false, differs = false;
        QVector<TextSpan> leftKeywords, rightKeywords;
        WordDiff diff;
    };
    void applyFilter();   // rebuilds shown_; callers wrap it in a reset
    QVariant outputData(const Row & r, bool left, int role) const;
    QString setLabel(const QString & set) const;

    QString leftName_, rightName_;
    std::vector<Row> rows_;
    std::vector<int> shown_;   // indexes into rows_, in order
    QSet<QString> sets_{QStringLiteral("seen"), QStringLiteral("ood"), QStringLiteral("clean")};
    bool onlyDiffering_ = false;
};

// Paints a cell's HtmlRole (falling back to DisplayRole) as rich text, wrapped to the cell width.
class HtmlDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter * painter, const QStyleOptionViewItem & option, const QModelIndex & index) const override;
};

} // namespace rapidun::ui
