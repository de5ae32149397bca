// The "Influence" page: every training row with its influence on the forget set, where a forget set
// gets curated. A sortable, filterable table (InfluenceTableModel), a score histogram (poisoned and
// clean stacked; a brushed range filters the table), a detail pane (the row in full and its
// token-wise influence against a forget query) and actions on the selection.
//
// Choices where the issue is silent:
//  - Score = train_ranking.jsonl's score (rank_by, default cos_abs); the view aggregates are the
//    signed TracIn mean and max over the forget rows (forget_x_train.bin) and the mean over the
//    retain rows (retain_x_train.bin).
//  - Set membership: a forget / retain row is the train row with the same id, else the one with the
//    same instruction + context + response. Weight = that row's weight in W/weights/*.jsonl when the
//    file has one weight per set row (else blank).
//  - Editing a set re-reads its file, changes it and writes it atomically; the last row of a set
//    cannot be removed. The ranking is then marked stale (it ranks against the old forget set) and
//    a banner offers to recompute.
//  - The forget query of the heat map follows the selected row (the forget row it moves most,
//    argmax |I|) until the user picks one; that pick then sticks until the workspace changes.
//  - Token-wise errors (e.g. a row without answer tokens) show in the detail pane; failure() is for
//    loading, computing, editing and exporting.
//  - Export: JSONL in the data-set layout (a selection becomes a data set); CSV with the scores.
// GUI thread only; loading, computing and explaining run on JobRunners.
#pragma once
#include "influence_table_model.h"

#include <QWidget>

#include <vector>

class QAction;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;
class QToolBar;

namespace rapidun::ui {

class InfluenceFilterBar;
class JobRunner;
class SampleDetail;
class ScoreHistogram;

class InfluencePage : public QWidget {
    Q_OBJECT
public:
    enum class ExportFormat { Jsonl, Csv };

    explicit InfluencePage(QWidget * parent = nullptr);
    ~InfluencePage() override;

    // Loads the workspace's rows and influence files on a worker; loaded() follows.
    void setWorkspace(const QString & dir);
    void clear();
    // Cancels this page's jobs, waits for their workers without running the event loop and drops their
    // outcomes (JobRunner::shutdown); later jobs are refused. The window calls it before any page goes.
    void shutdown();
    QString workspace() const { return dir_; }
    InfluenceTableModel * tableModel() const { return model_; }

    // Actions; rows are train rows (InfluenceTableModel::SampleRowRole). false: nothing done (a
    // failure() was emitted where something went wrong).
    bool computeInfluence();   // run_workspace_influence with rank_train, the last run's settings
    void cancelCompute();
    bool addToForget(const std::vector<int> & rows);
    bool removeFromForget(const std::vector<int> & rows);
    bool addToRetain(const std::vector<int> & rows);
    bool removeFromRetain(const std::vector<int> & rows);
    bool exportRows(const std::vector<int> & rows, const QString & path, ExportFormat format);

    std::vector<int> selectedSamples() const;                  // in view order
    void selectSamples(const std::vector<int> & rows);       // the first becomes current (detail pane)
    void setForgetQuery(int forgetIndex);                    // as if picked in the detail pane
    bool isBusy() const;
    bool hasRanking() const;
    bool isStale() const { return stale_; }
    // The GUI-thread half of a load (public for bench_influence_table): fills the model, histogram,
    // filter choices and detail pane. Ignored unless result.data->dir is workspace().
    void showLoaded(LoadedInfluence && result);

    // For tests and screenshots.
    QTableView *         tableView() const { return table_; }
    ScoreHistogram *     histogram() const { return histogram_; }
    SampleDetail *       detail() const { return detail_; }
    InfluenceFilterBar * filterBar() const { return filterBar_; }
    QWidget *            emptyState() const { return empty_; }
    QPushButton *        computeButton() const { return computeButton_; }
    QProgressBar *       progressBar() const { return progress_; }
    QLabel *             summaryLabel() const { return summary_; }
    JobRunner *          loadRunner() const { return loadRunner_; }
    JobRunner *          computeRunner() const { return computeRunner_; }
    JobRunner *          explainRunner() const { return explainRunner_; }

Q_SIGNALS:
    void datasetsChanged();
    void failure(const QString & title, const QString & details);
    void busyChanged(bool busy, const QString & state);
    void loaded();      // a setWorkspace() or a finished computation reached the page (table or empty state)
    void explained();   // the detail pane got a heat map or a message for the current (row, query)

private:
    QWidget * createEmptyState();
    QWidget * createContent();
    QWidget * createProgressPanel();
    void createActions(QToolBar * bar);
    void connectRunners();
    void startLoad();
    void showEmptyState(const QString & message, bool offerCompute);
    void applyFilter();
    void updateSummary();
    void updateActions();
    void onCurrentChanged();
    void showCurrentSample();
    void requestExplain();
    void startExplain(int sample, int query);
    bool editSet(const std::string & role, bool add, const std::vector<int> & rows);
    void exportSelection(ExportFormat format);
    void refreshBusy();

    QString               dir_;
    InfluenceTableModel * model_ = nullptr;
    QStackedWidget *      stack_ = nullptr;
    QWidget *             empty_ = nullptr;
    QLabel *              emptyText_ = nullptr;
    QPushButton *         computeButton_ = nullptr;
    QWidget *             content_ = nullptr;
    InfluenceFilterBar *  filterBar_ = nullptr;
    QLabel *              summary_ = nullptr;
    QLabel *              staleBanner_ = nullptr;
    QTableView *          table_ = nullptr;
    ScoreHistogram *      histogram_ = nullptr;
    SampleDetail *        detail_ = nullptr;
    QWidget *             progressPanel_ = nullptr;
    QLabel *              progressStage_ = nullptr;
    QProgressBar *        progress_ = nullptr;
    QLabel *              progressEta_ = nullptr;
    QPushButton *         cancelButton_ = nullptr;
    QAction *             addForget_ = nullptr, * removeForget_ = nullptr, * addRetain_ = nullptr,
                          * removeRetain_ = nullptr, * exportJsonl_ = nullptr, * exportCsv_ = nullptr,
                          * recompute_ = nullptr;
    QTimer *              selectionTimer_ = nullptr;   // debounces the detail pane (100 ms)
    JobRunner *           loadRunner_ = nullptr;
    JobRunner *           computeRunner_ = nullptr;
    JobRunner *           explainRunner_ = nullptr;
    bool                  reloadPending_ = false;   // setWorkspace while a load ran
    bool                  stale_ = false;
    bool                  queryPicked_ = false;     // the user chose the forget query
    int                   pendingSample_ = -1, pendingQuery_ = -1;   // explain asked while one ran
    int                   explainSample_ = -1, explainQuery_ = -1;   // the running explanation
    bool                  wasBusy_ = false;
};

} // namespace rapidun::ui
