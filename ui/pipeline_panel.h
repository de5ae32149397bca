// "Run the whole pipeline" on the workspace page: influence (FF FR RF RR) -> weights -> each chosen
// method x seed -> evaluation, through core's run_pipeline on a worker (JobRunner), with a progress
// bar, stage, ETA and Cancel. The result (W/reports/pipeline.json, also read at open) is a table:
// per method the mean seen-trigger ASR before -> after, OOD ASR, false-trigger rate and clean exact
// match after, seconds, and the efficiency ratio (clean-retrain time / pipeline time).
#pragma once
#include <QWidget>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace rapidun::ui {

class JobRunner;

class PipelinePanel : public QWidget {
    Q_OBJECT
public:
    explicit PipelinePanel(QWidget * parent = nullptr);
    ~PipelinePanel() override;

    void setWorkspace(const QString & dir);   // shows W/reports/pipeline.json when there is one
    void clear();
    bool start();                              // false when no workspace is set or a job runs
    void cancel();
    // Cancels the panel's job, waits for its worker without running the event loop and drops its
    // outcome (JobRunner::shutdown); later jobs are refused. The window calls it before any page goes.
    void shutdown();
    bool isRunning() const;
    void setMethods(const QStringList & names);   // core names: rapidun ga gagd loreun fisher npo
    void setSeeds(int n);

    QProgressBar * progressBar() const { return bar_; }
    QTableWidget * results() const { return results_; }
    QPushButton *  runButton() const { return run_; }

Q_SIGNALS:
    void finished();   // results shown; runs were added under W/runs/
    void failure(const QString & title, const QString & details);
    void busyChanged(bool busy, const QString & state);

private:
    void showSummary(const QByteArray & json);
    void setRunning(bool running);

    QString          dir_;
    JobRunner *      runner_ = nullptr;
    QList<QCheckBox *> methods_;
    QSpinBox *       seeds_ = nullptr;
    QPushButton *    run_ = nullptr;
    QPushButton *    cancel_ = nullptr;
    QProgressBar *   bar_ = nullptr;
    QLabel *         stage_ = nullptr;
    QTableWidget *   results_ = nullptr;
};

} // namespace rapidun::ui
