// The Runs page's run lifecycle (see runs_page.h): starting the next queued run on the JobRunner,
// its progress and ETA, the live curve buffer, and the endings (finished, failed, cancelled).
#include "runs_page.h"

#include "job_runner.h"
#include "run_curve_plot.h"
#include "run_history_model.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <mutex>

namespace rapidun::ui {

// Filled on the worker thread (run_unlearn_job's progress callback), drained on the GUI thread.
struct RunsPage::Live {
    std::mutex                     mutex;
    QVector<double>                steps, loss;   // not yet drained
    std::vector<UnlearnCurvePoint> curve;         // the complete evaluation curve, once known
    bool                           curveNew = false;
};

namespace {

QString clockText(qint64 s) { return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0')); }

} // namespace

void RunsPage::startNext() {
    if (isRunning() || queue_.empty() || !workspace_)
        return;
    Queued q = std::move(queue_.front());
    queue_.pop_front();
    refreshQueueList();

    if (q.job.opt.method == UnlearnMethod::RapidUn && q.job.weights_dir.empty() &&
        !QFileInfo::exists(dir_ + QStringLiteral("/weights/forget_weights.jsonl"))) {
        Q_EMIT failure(tr("RapidUn needs the influence weights"),
                       tr("%1: no weights/forget_weights.jsonl in the workspace. Compute the influence and the weights first.").arg(q.label));
        QMetaObject::invokeMethod(this, &RunsPage::onIdle, Qt::QueuedConnection);   // the queue goes on
        return;
    }

    q.job.run_id = newRunId(q.job).toStdString();
    currentId_ = QString::fromStdString(q.job.run_id);
    currentLabel_ = q.label;
    live_ = std::make_shared<Live>();
    plot_->clear();
    plot_->setTitle(currentId_);
    plotRunId_ = currentId_;
    losses_.insert(currentId_, {});

    runTitle_->setText(tr("Run %1").arg(currentId_));
    runTitle_->setToolTip(q.label);
    stage_->setText(tr("Loading the model"));
    message_->setText(q.label);
    status_->clear();
    bar_->setValue(0);
    fraction_ = 0;
    cancel_->setEnabled(true);
    started_.start();
    updateClock();
    clock_->start();
    liveTimer_->start();

    const Workspace w = *workspace_;
    const UnlearnJobOptions job = q.job;
    const QString runDir = dir_ + QStringLiteral("/runs/") + currentId_;
    std::shared_ptr<Live> live = live_;
    runner_->start<QString>(
        tr("Unlearning run %1").arg(currentId_),
        [w, job, runDir, live](JobHandle & h) {
            run_unlearn_job(w, job, [&h, live](const UnlearnJobProgress & p) {
                {
                    std::lock_guard<std::mutex> lock(live->mutex);
                    for (const UnlearnProgress & s : p.steps) {
                        live->steps << double(s.step);
                        live->loss << s.loss;
                    }
                    if (!p.curve.empty()) {
                        live->curve = p.curve;
                        live->curveNew = true;
                    }
                }
                h.report(p.fraction, QString::fromStdString(p.stage), QString::fromStdString(p.message));
            }, h.tokenPtr());
            if (h.cancelled()) {   // core wrote a record marked cancelled: a cancelled run leaves nothing
                QDir(runDir).removeRecursively();
                throw Cancelled();
            }
            return QString::fromStdString(job.run_id);
        },
        [this](QString && id) { onFinished(id); });
    Q_EMIT busyChanged(true, tr("Running %1 (%n more queued)", nullptr, int(queue_.size())).arg(currentId_));
}

QString RunsPage::stageLabel(const QString & stage) {
    if (stage == QLatin1String("unlearn"))
        return tr("Unlearning");
    if (stage == QLatin1String("evaluate"))
        return tr("Evaluating the unlearned model");
    if (stage == QLatin1String("done"))
        return tr("Writing the run record");
    return stage;
}

void RunsPage::onProgress(double fraction, const QString & stage, const QString & message) {
    if (!cancel_->isEnabled())
        return;   // cancelling: keep saying so
    fraction_ = std::clamp(fraction, 0.0, 1.0);
    stage_->setText(stageLabel(stage));
    bar_->setValue(int(fraction_ * 1000.0 + 0.5));
    message_->setText(message);
    updateClock();
}

void RunsPage::updateClock() {
    const double s = started_.isValid() ? double(started_.elapsed()) / 1000.0 : 0.0;
    const QString elapsed = tr("Elapsed %1").arg(clockText(qint64(s)));
    if (fraction_ >= 0.02 && fraction_ < 1.0)
        eta_->setText(tr("%1, about %2 left").arg(elapsed, clockText(qint64(s * (1.0 - fraction_) / fraction_ + 0.5))));
    else
        eta_->setText(tr("%1, estimating the time left").arg(elapsed));
}

void RunsPage::drainLive() {
    if (!live_)
        return;
    QVector<double> steps, loss;
    std::vector<UnlearnCurvePoint> curve;
    bool curveNew = false;
    {
        std::lock_guard<std::mutex> lock(live_->mutex);
        steps.swap(live_->steps);
        loss.swap(live_->loss);
        if (live_->curveNew) {
            curve = live_->curve;
            curveNew = true;
            live_->curveNew = false;
        }
    }
    if (steps.isEmpty() && !curveNew)
        return;
    auto & kept = losses_[currentId_];
    kept.first += steps;
    kept.second += loss;
    if (plotRunId_ != currentId_)
        return;   // the user looks at another run; the loss is kept for later
    plot_->append(RunCurvePlot::Loss, steps, loss);
    if (curveNew) {
        RunCurve c;
        for (const UnlearnCurvePoint & p : curve) {
            c.step << double(p.step);
            c.forgetPoisoned << p.forget_poisoned_ce;
            c.forgetClean << p.forget_clean_ce;
            c.retain << p.retain_ce;
        }
        plot_->setSeries(RunCurvePlot::ForgetPoisoned, c.step, c.forgetPoisoned);
        plot_->setSeries(RunCurvePlot::ForgetClean, c.step, c.forgetClean);
        plot_->setSeries(RunCurvePlot::Retain, c.step, c.retain);
    }
    Q_EMIT liveCurveUpdated(currentId_, plot_->pointCount(RunCurvePlot::Loss), plot_->pointCount(RunCurvePlot::ForgetPoisoned));
}

void RunsPage::showRunCurve(const QString & runId) {
    const int row = history_->rowOfRun(runId);
    if (row < 0)
        return;
    plot_->clear();
    plotRunId_ = runId;
    plot_->setTitle(runId);
    RunCurve c;
    if (readRunCurve(history_->recordAt(row).dir, &c)) {
        plot_->setSeries(RunCurvePlot::ForgetPoisoned, c.step, c.forgetPoisoned);
        plot_->setSeries(RunCurvePlot::ForgetClean, c.step, c.forgetClean);
        plot_->setSeries(RunCurvePlot::Retain, c.step, c.retain);
    }
    const auto it = losses_.constFind(runId);   // this session's live loss, else the run's loss.jsonl
    if (it != losses_.constEnd())
        plot_->setSeries(RunCurvePlot::Loss, it->first, it->second);
    else if (!c.loss.isEmpty())
        plot_->setSeries(RunCurvePlot::Loss, c.lossStep, c.loss);
}

void RunsPage::onFinished(const QString & runId) {
    drainLive();
    history_->reload(dir_);
    historyView_->resizeColumnsToContents();
    setIdleDisplay(tr("Run %1 finished.").arg(runId));
    stage_->setText(tr("Finished"));
    message_->setText(currentLabel_);
    bar_->setValue(1000);
    const int row = history_->rowOfRun(runId);
    if (row >= 0 && plotRunId_ == runId)
        historyView_->selectRow(row);   // shows the record's curve (the file's, plus this session's loss)
    Q_EMIT runFinished(runId);
}

void RunsPage::onFailed(const QString & error) {
    drainLive();
    const QString id = currentId_;
    setIdleDisplay(tr("Run %1 failed.").arg(id));
    stage_->setText(tr("Failed"));
    history_->reload(dir_);
    Q_EMIT failure(tr("The unlearning run failed"), tr("%1 (%2): %3").arg(id, currentLabel_, error));
}

void RunsPage::onCancelled() {
    drainLive();
    losses_.remove(currentId_);
    if (plotRunId_ == currentId_)
        plotRunId_.clear();
    setIdleDisplay(tr("Run %1 cancelled; nothing was kept.").arg(currentId_));
    stage_->setText(tr("Cancelled"));
    history_->reload(dir_);
}

void RunsPage::setIdleDisplay(const QString & status) {
    if (!currentId_.isEmpty() && started_.isValid())
        eta_->setText(tr("Ran for %1").arg(clockText(started_.elapsed() / 1000)));
    else
        eta_->clear();
    clock_->stop();
    liveTimer_->stop();
    live_.reset();
    currentId_.clear();
    cancel_->setEnabled(false);
    status_->setText(status);
}

void RunsPage::onIdle() {
    if (!queue_.empty() && workspace_) {
        startNext();
        return;
    }
    if (!isRunning())
        Q_EMIT busyChanged(false, status_->text());
}

} // namespace rapidun::ui
