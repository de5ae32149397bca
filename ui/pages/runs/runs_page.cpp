#include "runs_page.h"

#include "job_runner.h"
#include "run_curve_plot.h"
#include "run_form.h"
#include "run_history_model.h"

#include <QDateTime>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace rapidun::ui {

RunsPage::RunsPage(QWidget * parent) : QWidget(parent) {
    setObjectName(QStringLiteral("runsPage"));
    runner_ = new JobRunner(this);
    history_ = new RunHistoryModel(this);

    form_ = new RunForm;
    form_->addButton()->setEnabled(false);
    connect(form_, &RunForm::addRequested, this, &RunsPage::addFromForm);
    auto * formBox = new QGroupBox(tr("New run"));
    (new QVBoxLayout(formBox))->addWidget(form_);

    queueList_ = new QListWidget;
    queueList_->setObjectName(QStringLiteral("runQueue"));
    queueList_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    remove_ = new QPushButton(tr("Remove"));
    remove_->setObjectName(QStringLiteral("removeQueued"));
    clearQueue_ = new QPushButton(tr("Clear queue"));
    clearQueue_->setObjectName(QStringLiteral("clearQueue"));
    connect(remove_, &QPushButton::clicked, this, [this] {
        QList<int> rows;
        for (QListWidgetItem * item : queueList_->selectedItems())
            rows << queueList_->row(item);
        std::sort(rows.begin(), rows.end(), std::greater<int>());   // last first: indexes stay valid
        for (int r : rows)
            removeQueued(r);
    });
    connect(clearQueue_, &QPushButton::clicked, this, &RunsPage::clearQueue);
    auto * queueBox = new QGroupBox(tr("Queue"));
    auto * queueLayout = new QVBoxLayout(queueBox);
    queueLayout->addWidget(queueList_);
    auto * queueButtons = new QHBoxLayout;
    queueButtons->addStretch(1);
    queueButtons->addWidget(remove_);
    queueButtons->addWidget(clearQueue_);
    queueLayout->addLayout(queueButtons);

    auto * left = new QWidget;
    auto * leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(formBox);
    leftLayout->addWidget(queueBox, 1);
    auto * leftScroll = new QScrollArea;
    leftScroll->setWidget(left);
    leftScroll->setWidgetResizable(true);
    leftScroll->setFrameShape(QFrame::NoFrame);
    leftScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);   // as wide as the form needs instead
    leftScroll->setMinimumWidth(left->minimumSizeHint().width() + leftScroll->verticalScrollBar()->sizeHint().width());

    plot_ = new RunCurvePlot;
    plot_->setSeriesNames({tr("training loss"), tr("forget CE (poisoned answer)"), tr("forget CE (clean answer)"), tr("retain CE")});
    plot_->setAxisLabels(tr("step"), tr("nats"));

    historyView_ = new QTableView;
    historyView_->setObjectName(QStringLiteral("runHistory"));
    historyView_->setModel(history_);
    historyView_->setSortingEnabled(true);
    historyView_->sortByColumn(-1, Qt::AscendingOrder);   // load order until the user sorts
    historyView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    historyView_->setSelectionMode(QAbstractItemView::SingleSelection);
    historyView_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    historyView_->verticalHeader()->hide();
    historyView_->horizontalHeader()->setStretchLastSection(true);
    connect(historyView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex & cur) {
        if (cur.isValid())
            showRunCurve(cur.data(RunHistoryModel::RunIdRole).toString());
    });
    auto * historyBox = new QGroupBox(tr("Finished runs"));
    (new QVBoxLayout(historyBox))->addWidget(historyView_);

    // Top: the form and queue beside the current run and its curves; below, over the full width
    // (its dozen columns need it), the finished runs.
    auto * right = new QWidget;
    auto * rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(createProgressBox());
    rightLayout->addWidget(plot_, 1);

    auto * top = new QSplitter(Qt::Horizontal);
    top->addWidget(leftScroll);
    top->addWidget(right);
    top->setStretchFactor(0, 1);
    top->setStretchFactor(1, 3);

    auto * split = new QSplitter(Qt::Vertical);
    split->addWidget(top);
    split->addWidget(historyBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    (new QVBoxLayout(this))->addWidget(split);

    connect(runner_, &JobRunner::progress, this,
            [this](double f, const QString & stage, const QString & msg, double) { onProgress(f, stage, msg); });
    connect(runner_, &JobRunner::failed, this, &RunsPage::onFailed);
    connect(runner_, &JobRunner::cancelled, this, &RunsPage::onCancelled);
    // Queued: the next run starts from the event loop, not from inside the runner's own handler.
    connect(runner_, &JobRunner::idle, this, &RunsPage::onIdle, Qt::QueuedConnection);

    liveTimer_ = new QTimer(this);
    liveTimer_->setInterval(100);
    connect(liveTimer_, &QTimer::timeout, this, &RunsPage::drainLive);
    clock_ = new QTimer(this);
    clock_->setInterval(1000);
    connect(clock_, &QTimer::timeout, this, &RunsPage::updateClock);
    setIdleDisplay(tr("Open a workspace to run unlearning."));
}

RunsPage::~RunsPage() { shutdown(); }   // before the widgets the continuations touch go

void RunsPage::shutdown() {
    queue_.clear();
    liveTimer_->stop();
    clock_->stop();
    runner_->shutdown();   // a cancelled run removes its own folder on the worker, as Cancel does
}

QWidget * RunsPage::createProgressBox() {
    auto * box = new QGroupBox(tr("Current run"));
    runTitle_ = new QLabel;
    runTitle_->setObjectName(QStringLiteral("runTitle"));
    QFont bold = runTitle_->font();
    bold.setBold(true);
    runTitle_->setFont(bold);
    stage_ = new QLabel;
    stage_->setObjectName(QStringLiteral("runStage"));
    bar_ = new QProgressBar;
    bar_->setObjectName(QStringLiteral("runProgress"));
    bar_->setRange(0, 1000);
    bar_->setFormat(QStringLiteral("%p%"));
    message_ = new QLabel;
    message_->setObjectName(QStringLiteral("runMessage"));
    eta_ = new QLabel;
    eta_->setObjectName(QStringLiteral("runEta"));
    status_ = new QLabel;
    status_->setObjectName(QStringLiteral("runStatus"));
    status_->setWordWrap(true);
    cancel_ = new QPushButton(tr("Cancel"));
    cancel_->setObjectName(QStringLiteral("cancelRun"));
    cancel_->setToolTip(tr("Stop the running run and discard it; the next queued run starts"));
    connect(cancel_, &QPushButton::clicked, this, &RunsPage::cancel);

    auto * layout = new QVBoxLayout(box);
    auto * head = new QHBoxLayout;
    head->addWidget(runTitle_, 1);
    head->addWidget(stage_);
    layout->addLayout(head);
    layout->addWidget(bar_);
    auto * row = new QHBoxLayout;
    row->addWidget(message_, 1);
    row->addWidget(eta_);
    row->addWidget(cancel_);
    layout->addLayout(row);
    layout->addWidget(status_);
    return box;
}

void RunsPage::setWorkspace(const QString & dir) {
    clear();
    try {
        workspace_ = Workspace::load(dir.toStdString());
    } catch (const std::exception & e) {
        Q_EMIT failure(tr("Cannot open the workspace for runs"), QString::fromUtf8(e.what()));
        return;
    }
    dir_ = QString::fromStdString(workspace_->dir);
    const int skipped = history_->reload(dir_);
    historyView_->resizeColumnsToContents();
    form_->setWorkspaceKind(QString::fromStdString(workspace_->kind));
    form_->addButton()->setEnabled(true);
    setIdleDisplay(skipped > 0 ? tr("%n run folder(s) without a readable run.json were skipped.", nullptr, skipped) : QString());
}

void RunsPage::clear() {
    clearQueue();
    cancel();
    dir_.clear();
    workspace_.reset();
    history_->clear();
    plot_->clear();
    plotRunId_.clear();
    losses_.clear();
    form_->addButton()->setEnabled(false);
    if (!isRunning())
        setIdleDisplay(tr("Open a workspace to run unlearning."));
}

bool RunsPage::isRunning() const { return runner_->isBusy(); }

void RunsPage::cancel() {
    if (!isRunning())
        return;
    runner_->cancel();
    cancel_->setEnabled(false);
    stage_->setText(tr("Cancelling..."));
    message_->setText(tr("Waiting for the current step to finish"));
}

void RunsPage::waitForIdle() { runner_->waitForIdle(); }

bool RunsPage::enqueue(const UnlearnJobOptions & job) {
    if (!workspace_)
        return false;
    Queued q{job, describe(job)};
    q.job.run_id.clear();
    queue_.push_back(std::move(q));
    refreshQueueList();
    if (!isRunning())
        startNext();
    return true;
}

void RunsPage::addFromForm() {
    UnlearnJobOptions job;
    QString why;
    if (!form_->jobOptions(&job, &why)) {
        Q_EMIT failure(tr("The run's settings are not valid"), why);
        return;
    }
    enqueue(job);
}

void RunsPage::removeQueued(int index) {
    if (index < 0 || index >= int(queue_.size()))
        return;
    queue_.erase(queue_.begin() + index);
    refreshQueueList();
}

void RunsPage::clearQueue() {
    queue_.clear();
    refreshQueueList();
}

void RunsPage::refreshQueueList() {
    queueList_->clear();
    for (const Queued & q : queue_)
        queueList_->addItem(q.label);
    remove_->setEnabled(!queue_.empty());
    clearQueue_->setEnabled(!queue_.empty());
}

QString RunsPage::describe(const UnlearnJobOptions & job) const {
    const UnlearnOptions & o = job.opt;
    const QString method = RunHistoryModel::methodLabel(QString::fromLatin1(unlearn_method_name(o.method)));
    if (o.method == UnlearnMethod::Fisher)
        return tr("%1, %2 preset, seed %3, lambda %4").arg(method, QString::fromStdString(job.preset)).arg(o.seed).arg(o.fisher_lambda);
    QString s = tr("%1, %2 preset, seed %3, lr %4, %n epoch(s), batch %5", nullptr, o.epochs)
                    .arg(method, QString::fromStdString(job.preset))
                    .arg(o.seed)
                    .arg(o.lr)
                    .arg(o.batch_size);
    if (o.max_steps > 0)
        s += tr(", at most %n step(s)", nullptr, int(o.max_steps));
    return s;
}

QString RunsPage::newRunId(const UnlearnJobOptions & job) const {
    const QString base = QStringLiteral("%1-s%2-%3")
                             .arg(QString::fromLatin1(unlearn_method_name(job.opt.method)))
                             .arg(job.opt.seed)
                             .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    QString id = base;
    for (int n = 2; QFileInfo::exists(dir_ + QStringLiteral("/runs/") + id); ++n)
        id = base + QStringLiteral("-%1").arg(n);
    return id;
}

QString RunsPage::stageText() const { return stage_->text(); }
QString RunsPage::etaText() const { return eta_->text(); }
QString RunsPage::statusText() const { return status_->text(); }

} // namespace rapidun::ui