// The "Runs" page: configure unlearning runs (RunForm: method, preset, hyper-parameters), queue them,
// watch the running one (stage, progress bar, elapsed time and ETA, live curves), cancel it, and
// browse the finished runs of the workspace (RunHistoryModel over W/runs/*/run.json).
//
// Queue. "Add to queue" appends the form's configuration; runs start one after the other, in queue
// order, on one JobRunner (core's run_unlearn_job on a worker thread). The queue list shows the
// waiting runs only; "Remove" drops the selected waiting runs, "Clear queue" all of them. Cancel
// stops the running run only: the next queued run then starts. A run that fails emits failure() and
// the queue goes on as well. Runs are named when they start, "<method>-s<seed>-<yyyyMMdd-HHmmss>"
// (UTC, as core's default), with "-2", "-3", ... when that folder exists already.
//
// Cancel. Core's unlearning loop stops at the next step and run_unlearn_job still writes a record
// marked cancelled; the page then deletes that run's folder, so a cancelled run never shows up in
// the history (a cancel during the final evaluation, which core cannot interrupt, is also discarded).
//
// Progress and ETA. run_unlearn_job reports a fraction of the whole run (0..0.8 unlearning, 0.85
// evaluation, 1 done). ETA = elapsed * (1 - f) / f, shown once f >= 2 % (before that: "estimating").
//
// Curves. One plot: the training loss of every step (arriving live, in batches of 10 steps, through
// UnlearnJobProgress::steps) and the evaluation curve (forget poisoned / clean CE, retain CE, nats;
// the curve so far arrives with every report through UnlearnJobProgress::curve, so it grows at each
// evaluation, every eval_every steps). The worker appends to a locked
// buffer; a 100 ms GUI timer drains it into the plot. Selecting a history row shows that run's
// evaluation curve from its metrics.jsonl and its loss curve from loss.jsonl (runs written before
// loss.jsonl existed show the loss only when they ran in this session). A new run takes the plot
// over when it starts.
//
// setWorkspace() and clear() cancel the running run and empty the queue.
#pragma once
#include "rapidun/unlearn/unlearn_job.h"
#include "rapidun/workspace/workspace.h"

#include <QElapsedTimer>
#include <QHash>
#include <QVector>
#include <QWidget>

#include <deque>
#include <memory>
#include <optional>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableView;
class QTimer;

namespace rapidun::ui {

class JobRunner;
class RunCurvePlot;
class RunForm;
class RunHistoryModel;

class RunsPage : public QWidget {
    Q_OBJECT
public:
    explicit RunsPage(QWidget * parent = nullptr);
    ~RunsPage() override;

    void setWorkspace(const QString & dir);   // loads W/workspace.json and the history; failure() when unreadable
    void clear();
    // Cancels this page's jobs, waits for their workers without running the event loop and drops their
    // outcomes (JobRunner::shutdown); later jobs are refused. The window calls it before any page goes.
    void shutdown();
    QString workspaceDir() const { return dir_; }

    // Queues a configured run (job.run_id is ignored: runs are named when they start) and starts it
    // when nothing runs. False (nothing queued) without a workspace.
    bool enqueue(const UnlearnJobOptions & job);
    void removeQueued(int index);          // index into the waiting runs
    void clearQueue();
    int queueSize() const { return int(queue_.size()); }   // waiting runs, the running one not counted
    bool isRunning() const;
    QString currentRunId() const { return currentId_; }   // the running run's id; empty when idle
    void cancel();                          // cancels the running run (the queue goes on)
    void waitForIdle();                     // blocks until the running run ended (tests only: runs the event loop)

    RunForm *         form() const { return form_; }
    RunHistoryModel * historyModel() const { return history_; }
    QTableView *      historyView() const { return historyView_; }
    RunCurvePlot *    curvePlot() const { return plot_; }
    QProgressBar *    progressBar() const { return bar_; }
    QString stageText() const;
    QString etaText() const;
    QString statusText() const;
    QString plotRunId() const { return plotRunId_; }   // whose curves the plot shows

    void showRunCurve(const QString & runId);   // as selecting the run in the history does

Q_SIGNALS:
    void runFinished(const QString & runId);
    void failure(const QString & title, const QString & details);
    void busyChanged(bool busy, const QString & state);
    // The plot received live points of the running run (totals so far).
    void liveCurveUpdated(const QString & runId, int lossPoints, int evalPoints);

private:
    struct Live;   // the worker's curve buffer
    struct Queued {
        UnlearnJobOptions job;
        QString           label;
    };

    QWidget * createProgressBox();
    void addFromForm();
    void startNext();
    void onProgress(double fraction, const QString & stage, const QString & message);
    void onFinished(const QString & runId);
    void onFailed(const QString & error);
    void onCancelled();
    void onIdle();
    void drainLive();
    void updateClock();
    void refreshQueueList();
    void setIdleDisplay(const QString & status);
    QString describe(const UnlearnJobOptions & job) const;
    QString newRunId(const UnlearnJobOptions & job) const;
    static QString stageLabel(const QString & stage);

    RunForm *         form_ = nullptr;
    QListWidget *     queueList_ = nullptr;
    QPushButton *     remove_ = nullptr;
    QPushButton *     clearQueue_ = nullptr;
    QLabel *          runTitle_ = nullptr;
    QLabel *          stage_ = nullptr;
    QProgressBar *    bar_ = nullptr;
    QLabel *          message_ = nullptr;
    QLabel *          eta_ = nullptr;
    QLabel *          status_ = nullptr;
    QPushButton *     cancel_ = nullptr;
    RunCurvePlot *    plot_ = nullptr;
    RunHistoryModel * history_ = nullptr;
    QTableView *      historyView_ = nullptr;
    JobRunner *       runner_ = nullptr;
    QTimer *          liveTimer_ = nullptr;
    QTimer *          clock_ = nullptr;

    QString                  dir_;
    std::optional<Workspace> workspace_;
    std::deque<Queued>       queue_;
    QString                  currentId_, currentLabel_, plotRunId_;
    std::shared_ptr<Live>    live_;
    QElapsedTimer            started_;
    double                   fraction_ = 0;
    // Loss curves of the runs of this session, by run id: (steps, loss) as the plot shows them.
    QHash<QString, QPair<QVector<double>, QVector<double>>> losses_;
};

} // namespace rapidun::ui
