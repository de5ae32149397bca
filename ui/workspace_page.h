// The "Workspace" page: what a workspace is (name, kind, folder), its data sets (a table of roles with
// row and poisoned counts, and a per-category bar chart of the train set), the lab's facts (metrics
// before unlearning, build timings, settings), on the "Model" tab the model card, and on the
// "Pipeline" tab the one-click pipeline (PipelinePanel).
// Display only: the window opens the workspace off the GUI thread and hands the result here.
//
// Fact keys (fact()): name, kind, folder; seen_asr, ood_asr, false_trigger_rate, clean_exact_match,
// clean_rouge_l, clean_ppl; scale, seed, parameters, shape, recipe, data_seconds, tokenizer_seconds,
// train_seconds, evaluate_seconds, retrain_seconds, total_seconds; model, tokenizer, detector,
// prompt_template, max_len, max_new_tokens.
#pragma once
#include "workspace_facts.h"

#include <QWidget>

class QLabel;
class QTabWidget;
class QTableWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace rapidun::ui {

class CategoryChart;
class ModelCard;
class PipelinePanel;

class WorkspacePage : public QWidget {
    Q_OBJECT
public:
    explicit WorkspacePage(QWidget * parent = nullptr);

    void setWorkspace(const OpenedWorkspace & workspace, const QString & runtime);
    void clear();

    QString fact(const QString & key) const;   // empty when the key is unknown
    QStringList datasetRoles() const;           // in table order
    qint64 datasetRows(const QString & role) const;       // -1 when the role is not shown
    qint64 datasetPoisoned(const QString & role) const;   // -1 when the role is not shown

    ModelCard *     modelCard() const { return card_; }
    CategoryChart * chart() const { return chart_; }
    QTabWidget *    tabs() const { return tabs_; }
    PipelinePanel * pipelinePanel() const { return pipeline_; }

private:
    QWidget * createOverview();
    QWidget * createModelTab();
    void fillDatasets(const OpenedWorkspace & workspace);
    void fillChart(const OpenedWorkspace & workspace);
    void fillLabFacts(const OpenedWorkspace & workspace);
    QTreeWidgetItem * addGroup(const QString & title);
    void addFact(QTreeWidgetItem * group, const QString & key, const QString & label, const QString & value,
                 const QString & toolTip = {});
    QString kindLabel(const QString & kind) const;
    QString roleToolTip(const QString & role) const;
    const DatasetSummary * summary(const QString & role) const;

    QLabel *        name_ = nullptr;
    QLabel *        kind_ = nullptr;
    QLabel *        folder_ = nullptr;
    QTabWidget *    tabs_ = nullptr;
    QTableWidget *  datasets_ = nullptr;
    CategoryChart * chart_ = nullptr;
    QTreeWidget *   lab_ = nullptr;
    ModelCard *     card_ = nullptr;
    QLabel *        modelError_ = nullptr;
    PipelinePanel * pipeline_ = nullptr;

    QVector<DatasetSummary> shown_;
    QString kindKey_;
};

} // namespace rapidun::ui
