// The Weights page (see weights_page.h).
#include "weights_page.h"

#include "job_runner.h"
#include "knob_row.h"
#include "mapping_curve_chart.h"
#include "weight_histogram_chart.h"
#include "weights_engine.h"
#include "weights_knob_panel.h"
#include "weights_plot_data.h"
#include "weights_settings.h"
#include "weights_summary_model.h"

#include "rapidun/error.h"
#include "rapidun/io/atomic_file.h"
#include "rapidun/workspace/workspace.h"

#include <QElapsedTimer>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace rapidun::ui {

namespace {
constexpr int kDebounceMs = 10;
constexpr int kHistogramBins = 40;
const QColor kForgetColor(0xc0, 0x39, 0x2b);
const QColor kRetainColor(0x2c, 0x7f, 0xb8);

QVector<double> toQVector(const std::vector<double> & v) {
    return QVector<double>(v.begin(), v.end());
}
} // namespace

WeightsPage::WeightsPage(QWidget * parent) : QWidget(parent) {
    loader_ = new JobRunner(this);
    debounce_ = new QTimer(this);
    debounce_->setSingleShot(true);
    debounce_->setInterval(kDebounceMs);
    connect(debounce_, &QTimer::timeout, this, [this] { recomputeNow(); });

    empty_ = new QLabel(this);
    empty_->setObjectName(QStringLiteral("weightsEmptyState"));
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setWordWrap(true);
    empty_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    loading_ = new QLabel(tr("Reading the influence results…"), this);
    loading_->setAlignment(Qt::AlignCenter);
    content_ = createContent();

    stack_ = new QStackedWidget(this);
    stack_->addWidget(empty_);
    stack_->addWidget(loading_);
    stack_->addWidget(content_);
    auto * layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(stack_);

    connect(knobs_, &WeightsKnobPanel::optionsChanged, debounce_, qOverload<>(&QTimer::start));
    connect(save_, &QPushButton::clicked, this, [this] { save(); });
    connect(loader_, &JobRunner::failed, this, [this](const QString & error) {
        if (reloadPending_ || workspaceDir_.isEmpty())
            return;   // a read for a workspace that is no longer shown
        showEmpty(tr("The influence results in %1 could not be read:\n%2").arg(influenceDir_, error));
        Q_EMIT failure(tr("Cannot read the influence results"), error);
    });
    connect(loader_, &JobRunner::idle, this, [this] {
        if (reloadPending_) {
            reloadPending_ = false;
            startLoad();
        }
    });
    clear();
}

WeightsPage::~WeightsPage() { shutdown(); }   // before the widgets the continuation touches go

void WeightsPage::shutdown() {
    reloadPending_ = false;
    debounce_->stop();
    loader_->shutdown();
}

QWidget * WeightsPage::createContent() {
    auto * content = new QWidget(this);
    knobs_ = new WeightsKnobPanel(content);
    save_ = new QPushButton(tr("Save weights"), content);
    save_->setObjectName(QStringLiteral("saveWeights"));
    save_->setToolTip(tr("Writes forget_weights.jsonl, retain_weights.jsonl and weights_settings.json into the "
                         "workspace's weights folder; `rapidun unlearn --method rapidun` uses them."));
    status_ = new QLabel(content);
    status_->setObjectName(QStringLiteral("weightsStatus"));
    status_->setWordWrap(true);
    summary_ = new WeightsSummaryModel(this);
    summaryView_ = new QTableView(content);
    summaryView_->setObjectName(QStringLiteral("weightsSummary"));
    summaryView_->setModel(summary_);
    summaryView_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    summaryView_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    summaryView_->setMinimumHeight(summaryView_->verticalHeader()->defaultSectionSize() * 11 + 8);

    auto * left = new QWidget(content);
    auto * leftColumn = new QVBoxLayout(left);
    leftColumn->addWidget(knobs_);
    leftColumn->addWidget(save_);
    leftColumn->addWidget(status_);
    leftColumn->addWidget(summaryView_);
    auto * scroll = new QScrollArea(content);
    scroll->setWidget(left);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(left->sizeHint().width() + 24);   // room for the vertical scroll bar

    auto * charts = new QWidget(content);
    auto * grid = new QGridLayout(charts);
    const QString groupName[2] = {tr("Forget"), tr("Retain")};
    const QString scoreLabel[2] = {tr("fused score S_f = alpha FF - beta FR"), tr("fused score S_r = gamma RR - delta RF")};
    const QString samples[2] = {tr("forget samples (n = %1)"), tr("retain samples (n = %1)")};
    for (int g = 0; g < 2; ++g) {
        const QColor color = g == 0 ? kForgetColor : kRetainColor;
        curve_[g] = new MappingCurveChart(charts);
        curve_[g]->setObjectName(g == 0 ? QStringLiteral("forgetCurve") : QStringLiteral("retainCurve"));
        curve_[g]->setTitle(tr("%1 set: score → weight").arg(groupName[g]));
        curve_[g]->setAxisLabels(scoreLabel[g], tr("weight"));
        curve_[g]->setSeriesNames(tr("mapping w(S)"), samples[g], tr("clip levels"));
        curve_[g]->setColor(color);
        histogram_[g] = new WeightHistogramChart(charts);
        histogram_[g]->setObjectName(g == 0 ? QStringLiteral("forgetHistogram") : QStringLiteral("retainHistogram"));
        histogram_[g]->setTitle(tr("%1 set: weight histogram").arg(groupName[g]));
        histogram_[g]->setAxisLabels(tr("weight"), tr("samples"));
        histogram_[g]->setSeriesName(samples[g]);
        histogram_[g]->setColor(color);
        grid->addWidget(curve_[g], g, 0);
        grid->addWidget(histogram_[g], g, 1);
    }
    auto * splitter = new QSplitter(Qt::Horizontal, content);
    splitter->addWidget(scroll);
    splitter->addWidget(charts);
    splitter->setStretchFactor(1, 1);
    auto * layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    return content;
}

void WeightsPage::clear() {
    ++generation_;
    reloadPending_ = false;
    loader_->cancel();
    debounce_->stop();
    workspaceDir_.clear();
    influenceDir_.clear();
    weightsDir_.clear();
    engine_.reset();
    weights_ = {};
    valid_ = false;
    order_[0].clear();
    order_[1].clear();
    for (int g = 0; g < 2; ++g) {
        curve_[g]->clear();
        histogram_[g]->clear();
    }
    summary_->clear();
    status_->clear();
    showEmpty(tr("Open a workspace to map its influence results to RapidUn weights."));
}

void WeightsPage::showEmpty(const QString & text) {
    empty_->setText(text);
    stack_->setCurrentWidget(empty_);
    save_->setEnabled(false);
}

void WeightsPage::setWorkspace(const QString & dir) {
    clear();
    workspaceDir_ = dir;
    if (loader_->isBusy()) {   // the old read cannot be interrupted; its result is dropped
        reloadPending_ = true;
        stack_->setCurrentWidget(loading_);
        return;
    }
    startLoad();
}

void WeightsPage::startLoad() {
    std::optional<InfluenceViewFiles> files;
    try {
        const Workspace w = Workspace::load(workspaceDir_.toStdString());
        influenceDir_ = QString::fromStdString(w.resolve("influence"));
        weightsDir_ = QString::fromStdString(w.resolve("weights"));
        files = findInfluenceViews(influenceDir_.toStdString());
    } catch (const std::exception & e) {
        showEmpty(tr("The workspace %1 could not be read:\n%2").arg(workspaceDir_, QString::fromUtf8(e.what())));
        Q_EMIT failure(tr("Cannot open the influence results"), QString::fromUtf8(e.what()));
        return;
    }
    if (!files) {
        showEmpty(tr("No influence results yet in %1.\n\nCompute influence first on the Influence page (or run "
                     "`rapidun influence --workspace %2`): the weights are mapped from its four views FF, FR, "
                     "RF and RR. This page reloads when the workspace is opened again.")
                      .arg(influenceDir_, workspaceDir_));
        return;
    }
    stack_->setCurrentWidget(loading_);
    const int generation = generation_;
    const InfluenceViewFiles f = *files;
    loader_->start<std::shared_ptr<WeightsEngine>>(
        tr("Reading influence results"), [f](JobHandle &) { return WeightsEngine::load(f); },
        [this, generation](std::shared_ptr<WeightsEngine> && engine) {
            if (generation != generation_)
                return;
            engine_ = std::move(engine);
            knobs_->setTopkMaximum(engine_->longestList());
            QString note;
            if (file_exists((weightsDir_ + QLatin1Char('/') + QLatin1String(kWeightsSettingsFile)).toStdString())) {
                try {
                    knobs_->setOptions(read_saved_weight_options(weightsDir_.toStdString()));
                    note = tr("Knobs restored from the saved %1.").arg(QLatin1String(kWeightsSettingsFile));
                } catch (const std::exception & e) {
                    note = tr("Saved settings ignored: %1").arg(QString::fromUtf8(e.what()));
                }
            }
            stack_->setCurrentWidget(content_);
            recomputeNow();
            if (!note.isEmpty())
                status_->setText(note + QLatin1Char('\n') + status_->text());
        });
}

WeightsPage::Timing WeightsPage::recomputeNow() {
    debounce_->stop();
    Timing t;
    if (!engine_)
        return t;
    QElapsedTimer clock;
    clock.start();
    const WeightOptions o = knobs_->options();
    try {
        weights_ = engine_->compute(o);
        computedWith_ = o;
        valid_ = true;
    } catch (const std::exception & e) {
        valid_ = false;
        save_->setEnabled(false);
        status_->setText(tr("These settings give no weights: %1").arg(QString::fromUtf8(e.what())));
        return t;
    }
    t.computeMs = clock.nsecsElapsed() / 1e6;
    clock.restart();
    redraw();
    t.redrawMs = clock.nsecsElapsed() / 1e6;
    save_->setEnabled(true);
    status_->setText(tr("%1 forget and %2 retain weights; mapping %3 ms, drawing %4 ms.")
                         .arg(weights_.forget.weight.size())
                         .arg(weights_.retain.weight.size())
                         .arg(t.computeMs, 0, 'f', 1)
                         .arg(t.redrawMs, 0, 'f', 1));
    return t;
}

void WeightsPage::redraw() {
    const WeightOptions & o = computedWith_;
    drawGroup(Group::Forget, weights_.forget, o.tau_f, o.w_min_f, o.w_max_f);
    drawGroup(Group::Retain, weights_.retain, o.tau_r, o.w_min_r, o.w_max_r);
    summary_->setWeights(weights_);
}

void WeightsPage::drawGroup(Group g, const GroupWeights & w, double tau, double wMin, double wMax) {
    const int i = int(g);
    const CurveData d = curveData(w, tau, wMin, wMax, computedWith_.bounds, order_[i]);
    QVector<QPointF> curve;
    curve.reserve(int(d.curveScore.size()));
    for (size_t k = 0; k < d.curveScore.size(); k++)
        curve.append(QPointF(d.curveScore[k], d.curveWeight[k]));
    curve_[i]->setData(toQVector(d.sampleScore), toQVector(d.sampleWeight), curve, d.clipLow, d.clipHigh);
    curve_[i]->redraw();
    // Over [0, upper clip level]: the axis stays put while a knob moves (the max weight is there up to rounding).
    const double top = std::max(d.clipHigh, *std::max_element(w.weight.begin(), w.weight.end()));
    const auto [edges, counts] = histogram(w.weight, 0.0, top, kHistogramBins);
    histogram_[i]->setData(toQVector(edges), toQVector(counts));
    histogram_[i]->redraw();
}

bool WeightsPage::save() {
    if (debounce_->isActive())
        recomputeNow();
    if (!engine_ || !valid_) {
        Q_EMIT failure(tr("Nothing to save"), engine_ ? status_->text() : tr("No influence results are loaded."));
        return false;
    }
    try {
        save_weights(weightsDir_.toStdString(), weights_, computedWith_, influenceDir_.toStdString());
    } catch (const std::exception & e) {
        Q_EMIT failure(tr("Cannot save the weights"), QString::fromUtf8(e.what()));
        return false;
    }
    status_->setText(tr("Saved to %1.").arg(weightsDir_));
    Q_EMIT weightsSaved(weightsDir_);
    return true;
}

WeightOptions WeightsPage::options() const {
    return knobs_->options();
}

bool WeightsPage::isLoading() const {
    return loader_->isBusy() || reloadPending_;
}

bool WeightsPage::recomputePending() const {
    return debounce_->isActive();
}

bool WeightsPage::showsEmptyState() const {
    return stack_->currentWidget() == empty_;
}

QString WeightsPage::emptyStateText() const {
    return empty_->text();
}

QString WeightsPage::statusText() const {
    return status_->text();
}

QVector<QPointF> WeightsPage::plottedSamples(Group g) const {
    return curve_[int(g)]->samplePoints();
}

QVector<QPointF> WeightsPage::plottedCurve(Group g) const {
    return curve_[int(g)]->curvePoints();
}

QVector<double> WeightsPage::histogramEdges(Group g) const {
    return histogram_[int(g)]->binEdges();
}

QVector<double> WeightsPage::histogramCounts(Group g) const {
    return histogram_[int(g)]->binCounts();
}

KnobRow * WeightsPage::knob(const QString & name) const {
    return knobs_->knob(name);
}

} // namespace rapidun::ui
