#include "pipeline_panel.h"

#include "job_runner.h"

#include "rapidun/unlearn/unlearn_job.h"
#include "rapidun/workspace/workspace.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rapidun::ui {
namespace {

QString reportPath(const QString & dir) { return QDir(dir).filePath(QStringLiteral("reports/pipeline.json")); }

QString etaText(double seconds) {
    if (seconds < 0)
        return {};
    const int s = int(seconds + 0.5);
    return s >= 60 ? QObject::tr("%1 min %2 s left").arg(s / 60).arg(s % 60) : QObject::tr("%1 s left").arg(s);
}

} // namespace

PipelinePanel::PipelinePanel(QWidget * parent) : QWidget(parent), runner_(new JobRunner(this)) {
    setObjectName(QStringLiteral("pipelinePanel"));
    auto * methodRow = new QHBoxLayout;
    methodRow->addWidget(new QLabel(tr("Methods:")));
    const QList<QPair<QString, QString>> names = {{QStringLiteral("rapidun"), tr("RapidUn")},
                                                  {QStringLiteral("ga"), tr("GA")},
                                                  {QStringLiteral("gagd"), tr("GA+GD")},
                                                  {QStringLiteral("loreun"), tr("LoReUn")},
                                                  {QStringLiteral("fisher"), tr("Fisher")},
                                                  {QStringLiteral("npo"), tr("NPO")}};
    for (const auto & [key, label] : names) {
        auto * box = new QCheckBox(label);
        box->setProperty("method", key);
        box->setChecked(key == QLatin1String("rapidun"));
        methods_.append(box);
        methodRow->addWidget(box);
    }
    seeds_ = new QSpinBox;
    seeds_->setRange(1, 10);
    seeds_->setValue(1);
    methodRow->addSpacing(12);
    methodRow->addWidget(new QLabel(tr("Seeds:")));
    methodRow->addWidget(seeds_);
    methodRow->addStretch(1);

    run_ = new QPushButton(tr("Run the Whole Pipeline"));
    run_->setObjectName(QStringLiteral("runPipeline"));
    run_->setToolTip(tr("Influence -> weights -> unlearning -> evaluation, with the lab preset"));
    cancel_ = new QPushButton(tr("Cancel"));
    cancel_->setEnabled(false);
    bar_ = new QProgressBar;
    bar_->setRange(0, 1000);
    bar_->setValue(0);
    stage_ = new QLabel(tr("Not run yet."));
    stage_->setObjectName(QStringLiteral("pipelineStage"));
    auto * runRow = new QHBoxLayout;
    runRow->addWidget(run_);
    runRow->addWidget(cancel_);
    runRow->addWidget(bar_, 1);

    results_ = new QTableWidget(0, 8);
    results_->setObjectName(QStringLiteral("pipelineResults"));
    results_->setHorizontalHeaderLabels({tr("Method"), tr("Seen ASR before"), tr("Seen ASR after"), tr("OOD ASR after"),
                                         tr("False trigger after"), tr("Clean EM after"), tr("Seconds"),
                                         tr("Efficiency ratio")});
    results_->verticalHeader()->setVisible(false);
    results_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    results_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto * layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(methodRow);
    layout->addLayout(runRow);
    layout->addWidget(stage_);
    layout->addWidget(results_, 1);

    connect(run_, &QPushButton::clicked, this, &PipelinePanel::start);
    connect(cancel_, &QPushButton::clicked, this, &PipelinePanel::cancel);
    connect(runner_, &JobRunner::progress, this, [this](double f, const QString & stage, const QString & msg, double eta) {
        bar_->setValue(int(qBound(0.0, f, 1.0) * 1000));
        stage_->setText(tr("%1: %2 %3").arg(stage, msg, etaText(eta)).trimmed());
    });
    connect(runner_, &JobRunner::failed, this, [this](const QString & e) {
        stage_->setText(tr("The pipeline failed."));
        Q_EMIT failure(tr("Run the Whole Pipeline"), e);
    });
    connect(runner_, &JobRunner::cancelled, this, [this] { stage_->setText(tr("Cancelled; finished runs were kept.")); });
    connect(runner_, &JobRunner::idle, this, [this] { setRunning(false); });
}

void PipelinePanel::setWorkspace(const QString & dir) {
    dir_ = dir;
    results_->setRowCount(0);
    QFile f(reportPath(dir));
    if (f.open(QIODevice::ReadOnly))
        showSummary(f.readAll());
    else
        stage_->setText(tr("Not run yet."));
    setRunning(runner_->isBusy());
}

PipelinePanel::~PipelinePanel() { shutdown(); }

void PipelinePanel::shutdown() { runner_->shutdown(); }

void PipelinePanel::clear() {
    dir_.clear();
    results_->setRowCount(0);
}

bool PipelinePanel::isRunning() const { return runner_->isBusy(); }
void PipelinePanel::cancel() { runner_->cancel(); }
void PipelinePanel::setSeeds(int n) { seeds_->setValue(n); }
void PipelinePanel::setMethods(const QStringList & names) {
    for (QCheckBox * b : methods_)
        b->setChecked(names.contains(b->property("method").toString()));
}

void PipelinePanel::setRunning(bool running) {
    run_->setEnabled(!running && !dir_.isEmpty());
    cancel_->setEnabled(running);
    Q_EMIT busyChanged(running, running ? tr("Running the pipeline...") : tr("Ready"));
}

bool PipelinePanel::start() {
    if (dir_.isEmpty() || runner_->isBusy())
        return false;
    PipelineOptions opt;
    opt.methods.clear();
    for (QCheckBox * b : methods_)
        if (b->isChecked())
            opt.methods.push_back(parse_unlearn_method(b->property("method").toString().toStdString()));
    if (opt.methods.empty()) {
        Q_EMIT failure(tr("Run the Whole Pipeline"), tr("Choose at least one method."));
        return false;
    }
    opt.seeds = seeds_->value();
    const std::string dir = QFile::encodeName(dir_).toStdString();
    const QString shownDir = dir_;
    bar_->setValue(0);
    stage_->setText(tr("Starting..."));
    const bool ok = runner_->start<std::string>(
        tr("Pipeline"),
        [dir, opt](JobHandle & h) {
            const Workspace w = Workspace::load(dir);
            QElapsedTimer clock;
            clock.start();
            const nlohmann::json summary = run_pipeline(
                w, opt,
                [&h, &clock](const std::string & stage, double fraction, const std::string & msg) {
                    const double t = clock.elapsed() / 1000.0;
                    h.report(fraction, QString::fromStdString(stage), QString::fromStdString(msg),
                             fraction > 0.02 ? t / fraction - t : -1.0);
                },
                h.tokenPtr());
            return summary.dump();
        },
        [this, shownDir](std::string && json) {
            if (shownDir == dir_)
                showSummary(QByteArray::fromStdString(json));
            Q_EMIT finished();
        });
    if (ok)
        setRunning(true);
    return ok;
}

void PipelinePanel::showSummary(const QByteArray & json) {
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    const QJsonObject methods = root.value(QStringLiteral("methods")).toObject();
    results_->setRowCount(0);
    for (auto it = methods.begin(); it != methods.end(); ++it) {
        const QJsonObject m = it.value().toObject().value(QStringLiteral("mean")).toObject();
        const int row = results_->rowCount();
        results_->insertRow(row);
        auto num = [&](const char * key, int digits) {
            const QJsonValue v = m.value(QLatin1String(key));
            return v.isDouble() ? QString::number(v.toDouble(), 'f', digits) : tr("n/a");
        };
        const QStringList cells = {it.key(), num("seen_asr_before", 3), num("seen_asr_after", 3), num("ood_asr_after", 3),
                                   num("false_trigger_rate_after", 3), num("clean_exact_match_after", 3),
                                   num("total_seconds", 1), num("efficiency_ratio", 1)};
        for (int c = 0; c < cells.size(); ++c)
            results_->setItem(row, c, new QTableWidgetItem(cells[c]));
    }
    stage_->setText(methods.isEmpty() ? tr("Not run yet.")
                                      : tr("Last pipeline: %n method(s), means over seeds.", nullptr, int(methods.size())));
}

} // namespace rapidun::ui
