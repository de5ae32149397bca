// The "Compare" page: two models of the open workspace side by side.
//
// Sides: "before" (the workspace model as the lab left it) or any unlearning run (W/runs/<id>/):
//   - "before": metrics and generations from W/eval_before.json; no unlearning time.
//   - a run: the workspace model plus the run's PEFT adapter (a Fisher run: its own model/ folder);
//     metrics = run.json's metrics_after, generations = generations.jsonl (the same evaluation prompts),
//     time = run.json's seconds.unlearn (wall-clock seconds of the unlearning steps).
//   Both records are read on the GUI thread (a few hundred KB of JSON); models load only for the free
//   prompt, on a worker (JobRunner).
// Metrics tab: a table (Metric | left | right | delta = right - left; green when the right side is
//   better, red when worse) and two grouped bar charts in the two sides' colours (blue left, orange
//   right), each with a title, axis labels and a legend: the rates (ASR seen / OOD, false-trigger rate,
//   clean exact match, clean ROUGE-L; 0-1) and the costs (clean perplexity, unlearning seconds). A
//   missing value is "n/a" and draws no bar.
// Generations tab: one row per evaluation prompt, joined on (set, id): Set | Prompt | left output |
//   right output | same/differ; filter by set (seen / OOD / clean check boxes) and "only differing";
//   the poison words of the workspace's detector (W/keywords.txt, whole words, case-insensitive as the
//   detector matches them) are red and bold in both outputs; the words in which two outputs differ
//   (word-level LCS diff) are underlined on yellow, and the row's last cell is yellow.
// Free prompt tab: a prompt box (an instruction, formatted with the workspace's template unless the
//   box is unticked) generated greedily with both models at once (evaluate()'s settings: the workspace's
//   max_new_tokens, stop at EOS). The two loaded models are cached between prompts (keyed by side; the
//   cache is used by one job at a time and dropped when the workspace changes); outputs carry the same
//   marks as the table.
// Scenarios tab: W/reports/scenarios.json (rapidun scenarios) as a table and a chart (ScenariosView).
// Errors (unreadable records, a model that does not load) emit failure(title, details); the page
// stays usable. busyChanged(true, state) while a free-prompt generation runs.
#pragma once
#include <QSet>
#include <QString>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QTabWidget;
class QTextEdit;

namespace rapidun {
struct CompareSide;
struct Workspace;
} // namespace rapidun

namespace rapidun::ui {

class GenerationsModel;
class GroupedBarChart;
class JobRunner;
class MetricsModel;
class ScenariosView;
struct CompareModelCache;

class ComparePage : public QWidget {
    Q_OBJECT
public:
    explicit ComparePage(QWidget * parent = nullptr);
    ~ComparePage() override;

    void setWorkspace(const QString & dir);   // loads workspace.json and the runs; failure() when it cannot
    void reloadRuns();                         // re-lists W/runs/ (after a new run), keeping the choice when it still exists
    void clear();
    // Cancels this page's jobs, waits for their workers without running the event loop and drops their
    // outcomes (JobRunner::shutdown); later jobs are refused. The window calls it before any page goes.
    void shutdown();
    void setModels(const QString & left, const QString & right);   // "before" or a run id each

    QString leftSide() const;
    QString rightSide() const;
    QStringList sides() const;   // "before" (when it has a record) and the run ids, in combo order

    // For tests and the window.
    MetricsModel *     metricsModel() const { return metrics_; }
    GenerationsModel * generationsModel() const { return generations_; }
    GroupedBarChart *  ratesChart() const { return ratesChart_; }
    GroupedBarChart *  costChart() const { return costChart_; }
    QPlainTextEdit *   promptBox() const { return prompt_; }
    QTextEdit *        leftOutput() const { return leftOut_; }
    QTextEdit *        rightOutput() const { return rightOut_; }
    QPushButton *      generateButton() const { return generate_; }
    JobRunner *        runner() const { return runner_; }
    QTabWidget *       tabs() const { return tabs_; }
    ScenariosView *    scenariosView() const { return scenarios_; }
    void setSetFilter(const QSet<QString> & sets, bool onlyDiffering);   // ticks the boxes too

public Q_SLOTS:
    void generate();   // the free prompt with both models; does nothing while a generation runs
    void cancelPrompt();   // stops a running generation at its next token (no-op when idle)

Q_SIGNALS:
    void failure(const QString & title, const QString & details);
    void busyChanged(bool busy, const QString & state);

private:
    QWidget * createMetricsTab();
    QWidget * createGenerationsTab();
    QWidget * createPromptTab();
    void fillCombos(const QString & left, const QString & right);
    void refresh();                     // reads both sides' records and fills every view
    void fillCharts(const QString & leftName, const QString & rightName);
    void applyFilterBoxes();
    void updateCounts();
    void updateButtons();
    QString sideLabel(const QString & side, const QString & method) const;
    void showOutputs(const QString & left, const QString & right);

    std::unique_ptr<Workspace>         workspace_;
    QSet<QString>                      keywords_;
    std::shared_ptr<CompareModelCache> cache_;
    bool                               filling_ = false;   // combos being refilled: no refresh per change
    int                                epoch_ = 0;          // bumped per workspace/pair: late outputs are dropped

    QComboBox *        leftCombo_ = nullptr;
    QComboBox *        rightCombo_ = nullptr;
    QLabel *           note_ = nullptr;
    QTabWidget *       tabs_ = nullptr;
    MetricsModel *     metrics_ = nullptr;
    GenerationsModel * generations_ = nullptr;
    QTableView *       metricsView_ = nullptr;
    QTableView *       generationsView_ = nullptr;
    GroupedBarChart *  ratesChart_ = nullptr;
    GroupedBarChart *  costChart_ = nullptr;
    QCheckBox *        seenBox_ = nullptr;
    QCheckBox *        oodBox_ = nullptr;
    QCheckBox *        cleanBox_ = nullptr;
    QCheckBox *        differingBox_ = nullptr;
    QLabel *           counts_ = nullptr;
    QPlainTextEdit *   prompt_ = nullptr;
    QCheckBox *        useTemplate_ = nullptr;
    QSpinBox *         maxNew_ = nullptr;
    QPushButton *      generate_ = nullptr;
    QPushButton *      cancel_ = nullptr;
    QLabel *           status_ = nullptr;
    QLabel *           leftTitle_ = nullptr;
    QLabel *           rightTitle_ = nullptr;
    QTextEdit *        leftOut_ = nullptr;
    QTextEdit *        rightOut_ = nullptr;
    JobRunner *        runner_ = nullptr;
    ScenariosView *    scenarios_ = nullptr;
};

} // namespace rapidun::ui
