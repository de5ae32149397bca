// The mapping knobs (see weights_knob_panel.h).
#include "weights_knob_panel.h"

#include "knob_row.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>

namespace rapidun::ui {

namespace {
constexpr double kCoefMax = 5.0;    // alpha ... delta_h: 0..5 in steps of 0.01
constexpr double kTauMin = 0.05;    // tau: 0.05..5
constexpr double kTauMax = 5.0;
constexpr double kWMin = 0.01;      // w_min: 0.01..2, w_max: 0.5..10
constexpr int    kTopkMax = 1000;   // RapidIn lists hold 1,000 entries by default
} // namespace

WeightsKnobPanel::WeightsKnobPanel(QWidget * parent) : QWidget(parent) {
    auto * presetRow = new QFormLayout;
    preset_ = new QComboBox(this);
    preset_->setObjectName(QStringLiteral("preset"));
    preset_->addItem(tr("Paper (RapidUn pipeline)"), int(WeightsPreset::Paper));
    preset_->addItem(tr("Documented alternative (mean-AD scale, bounds after normalising)"), int(WeightsPreset::Alternative));
    preset_->addItem(tr("Custom"), int(WeightsPreset::Custom));
    preset_->setToolTip(tr("Paper: value mode, top-k 40, alpha = beta = gamma = delta = 1, tau_f 0.7, tau_r 1.2, "
                           "bounds 0.2-3 applied before the mean normalisation, sigma floored at 1e-3.\n"
                           "Alternative: the same with both documented fixes (sigma from the mean absolute "
                           "deviation when MAD = 0; bounds that hold for the final weights)."));
    presetRow->addRow(tr("Preset"), preset_);

    auto * column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(presetRow);
    column->addWidget(createAggregation());
    column->addWidget(createFusion());
    column->addWidget(createHarmful());
    column->addWidget(createGroupMap(true));
    column->addWidget(createGroupMap(false));
    column->addWidget(createAlternatives());
    column->addStretch(1);

    connect(preset_, &QComboBox::currentIndexChanged, this, [this](int index) {   // blocked when knobs move it
        applyPreset(WeightsPreset(preset_->itemData(index).toInt()));
    });
    setOptions(weightsPreset(WeightsPreset::Paper));
}

KnobRow * WeightsKnobPanel::addKnob(QFormLayout * form, const QString & name, const QString & label, double min,
                                    double max, double step, int decimals, const QString & toolTip) {
    auto * knob = new KnobRow(name, label, min, max, step, decimals, toolTip, this);
    form->addRow(knob);
    knobs_.insert(name, knob);
    connect(knob, &KnobRow::valueChanged, this, &WeightsKnobPanel::onControlChanged);
    return knob;
}

QGroupBox * WeightsKnobPanel::createAggregation() {
    auto * box = new QGroupBox(tr("Aggregation over test rows"), this);
    auto * form = new QFormLayout(box);
    addKnob(form, QStringLiteral("topk"), tr("Top-k"), 1, kTopkMax, 1, 0,
            tr("Per test row, the k most helpful train rows keep their influence (or rank); the rest count 0. "
               "The aggregate is the median over test rows."));
    rankMode_ = new QComboBox(box);
    rankMode_->setObjectName(QStringLiteral("rankMode"));
    rankMode_->addItem(tr("Influence value"), false);
    rankMode_->addItem(tr("Rank (k for the top row, k-1 next, ...)"), true);
    form->addRow(tr("Top-k entries count as"), rankMode_);
    robust_ = new QCheckBox(tr("Per-test robust scaling before top-k"), box);
    robust_->setObjectName(QStringLiteral("perTestRobust"));
    robust_->setToolTip(tr("Each test row's influences become (I - median) / max(1.4826 MAD, 1e-3) first."));
    form->addRow(robust_);
    connect(rankMode_, &QComboBox::currentIndexChanged, this, &WeightsKnobPanel::onControlChanged);
    connect(robust_, &QCheckBox::toggled, this, &WeightsKnobPanel::onControlChanged);
    return box;
}

QGroupBox * WeightsKnobPanel::createFusion() {
    auto * box = new QGroupBox(tr("Fusion: S_f = alpha FF - beta FR,  S_r = gamma RR - delta RF"), this);
    auto * form = new QFormLayout(box);
    addKnob(form, QStringLiteral("alpha"), tr("alpha (FF)"), 0, kCoefMax, 0.01, 2,
            tr("Weight of how much a forget row supports the forget (poison) behaviour."));
    addKnob(form, QStringLiteral("beta"), tr("beta (FR)"), 0, kCoefMax, 0.01, 2,
            tr("Weight of how much a forget row supports the retain (clean) behaviour; subtracted."));
    addKnob(form, QStringLiteral("gamma"), tr("gamma (RR)"), 0, kCoefMax, 0.01, 2,
            tr("Weight of how much a retain row supports the retain behaviour."));
    addKnob(form, QStringLiteral("delta"), tr("delta (RF)"), 0, kCoefMax, 0.01, 2,
            tr("Weight of how much a retain row supports the forget behaviour; subtracted."));
    return box;
}

QGroupBox * WeightsKnobPanel::createHarmful() {
    auto * box = new QGroupBox(tr("Harmful terms (k most negative influences, subtracted; off in the paper)"), this);
    auto * form = new QFormLayout(box);
    addKnob(form, QStringLiteral("alphaH"), tr("alpha_h (FF)"), 0, kCoefMax, 0.01, 2, tr("S_f -= alpha_h FF_harm"));
    addKnob(form, QStringLiteral("betaH"), tr("beta_h (FR)"), 0, kCoefMax, 0.01, 2, tr("S_f -= beta_h FR_harm"));
    addKnob(form, QStringLiteral("gammaH"), tr("gamma_h (RR)"), 0, kCoefMax, 0.01, 2, tr("S_r -= gamma_h RR_harm"));
    addKnob(form, QStringLiteral("deltaH"), tr("delta_h (RF)"), 0, kCoefMax, 0.01, 2, tr("S_r -= delta_h RF_harm"));
    return box;
}

QGroupBox * WeightsKnobPanel::createGroupMap(bool forget) {
    auto * box = new QGroupBox(forget ? tr("Forget set map: w = exp(clip(z / tau_f, ln w_min, ln w_max)) / mean")
                                      : tr("Retain set map: w = exp(clip(z / tau_r, ln w_min, ln w_max)) / mean"),
                               this);
    auto * form = new QFormLayout(box);
    const QString g = forget ? QStringLiteral("F") : QStringLiteral("R");
    addKnob(form, QStringLiteral("tau") + g, forget ? tr("tau_f") : tr("tau_r"), kTauMin, kTauMax, 0.01, 2,
            tr("Temperature: a smaller tau spreads the weights further for the same robust z."));
    addKnob(form, QStringLiteral("wMin") + g, forget ? tr("w_min (forget)") : tr("w_min (retain)"), kWMin, 2.0, 0.01, 2,
            tr("Lower clip bound (before normalising in the paper; of the final weights in the alternative)."));
    addKnob(form, QStringLiteral("wMax") + g, forget ? tr("w_max (forget)") : tr("w_max (retain)"), 0.5, 10.0, 0.01, 2,
            tr("Upper clip bound (before normalising in the paper; of the final weights in the alternative)."));
    return box;
}

QGroupBox * WeightsKnobPanel::createAlternatives() {
    auto * box = new QGroupBox(tr("Scale and bounds"), this);
    auto * form = new QFormLayout(box);
    scale_ = new QComboBox(box);
    scale_->setObjectName(QStringLiteral("scale"));
    scale_->addItem(tr("1.4826 MAD, floored at 1e-3 (paper)"), int(WeightOptions::Scale::MadFloor));
    scale_->addItem(tr("Mean absolute deviation when MAD = 0"), int(WeightOptions::Scale::MeanAdFallback));
    scale_->setToolTip(tr("When most scores are equal (MAD = 0) the paper's sigma is 1e-3 and the weights collapse "
                          "to three values; the fallback uses sigma = 1.2533 x the mean absolute deviation."));
    bounds_ = new QComboBox(box);
    bounds_->setObjectName(QStringLiteral("bounds"));
    bounds_->addItem(tr("Clip, then normalise to mean 1 (paper)"), int(WeightOptions::Bounds::BeforeNormalize));
    bounds_->addItem(tr("Normalise so that the clipped mean is 1"), int(WeightOptions::Bounds::AfterNormalize));
    bounds_->setToolTip(tr("The paper's final weights can leave [w_min, w_max]; the alternative keeps them inside "
                           "(needs w_min <= 1 <= w_max)."));
    form->addRow(tr("Sigma"), scale_);
    form->addRow(tr("Bounds"), bounds_);
    connect(scale_, &QComboBox::currentIndexChanged, this, &WeightsKnobPanel::onControlChanged);
    connect(bounds_, &QComboBox::currentIndexChanged, this, &WeightsKnobPanel::onControlChanged);
    return box;
}

WeightOptions WeightsKnobPanel::options() const {
    WeightOptions o;
    auto v = [this](const char * name) { return knobs_.value(QLatin1String(name))->value(); };
    o.agg.topk = int64_t(std::llround(v("topk")));
    o.agg.rank_mode = rankMode_->currentData().toBool();
    o.agg.per_test_robust = robust_->isChecked();
    o.alpha = v("alpha"), o.beta = v("beta"), o.gamma = v("gamma"), o.delta = v("delta");
    o.alpha_h = v("alphaH"), o.beta_h = v("betaH"), o.gamma_h = v("gammaH"), o.delta_h = v("deltaH");
    o.tau_f = v("tauF"), o.tau_r = v("tauR");
    o.w_min_f = v("wMinF"), o.w_max_f = v("wMaxF"), o.w_min_r = v("wMinR"), o.w_max_r = v("wMaxR");
    o.scale = WeightOptions::Scale(scale_->currentData().toInt());
    o.bounds = WeightOptions::Bounds(bounds_->currentData().toInt());
    return o;
}

void WeightsKnobPanel::setOptions(const WeightOptions & o) {
    const WeightOptions before = options();
    bulk_ = true;
    auto set = [this](const char * name, double v) { knobs_.value(QLatin1String(name))->setValue(v); };
    set("topk", double(o.agg.topk));
    rankMode_->setCurrentIndex(o.agg.rank_mode ? 1 : 0);
    robust_->setChecked(o.agg.per_test_robust);
    set("alpha", o.alpha), set("beta", o.beta), set("gamma", o.gamma), set("delta", o.delta);
    set("alphaH", o.alpha_h), set("betaH", o.beta_h), set("gammaH", o.gamma_h), set("deltaH", o.delta_h);
    set("tauF", o.tau_f), set("tauR", o.tau_r);
    set("wMinF", o.w_min_f), set("wMaxF", o.w_max_f), set("wMinR", o.w_min_r), set("wMaxR", o.w_max_r);
    scale_->setCurrentIndex(o.scale == WeightOptions::Scale::MadFloor ? 0 : 1);
    bounds_->setCurrentIndex(o.bounds == WeightOptions::Bounds::BeforeNormalize ? 0 : 1);
    bulk_ = false;
    showMatchingPreset();
    if (!sameOptions(before, options()))
        Q_EMIT optionsChanged();
}

void WeightsKnobPanel::applyPreset(WeightsPreset p) {
    if (p != WeightsPreset::Custom)
        setOptions(weightsPreset(p));
    else
        showMatchingPreset();
}

void WeightsKnobPanel::setTopkMaximum(int64_t max) {
    knobs_.value(QStringLiteral("topk"))->setMaximum(double(std::max<int64_t>(kTopkMax, max)));
}

void WeightsKnobPanel::onControlChanged() {
    if (bulk_)
        return;
    showMatchingPreset();
    Q_EMIT optionsChanged();
}

void WeightsKnobPanel::showMatchingPreset() {
    const int index = preset_->findData(int(matchingPreset(options())));
    const QSignalBlocker block(preset_);
    preset_->setCurrentIndex(index);
}

} // namespace rapidun::ui
