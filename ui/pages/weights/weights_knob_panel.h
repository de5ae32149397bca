// Every knob of RapidUn's score -> weight mapping (rapidun/unlearn/weights.h), grouped as the
// method doc's stages: aggregation (top-k, value or rank mode, per-test robust scaling), fusion
// (alpha, beta, gamma, delta and the harmful terms), the map per group (tau, w_min, w_max) and the
// two documented alternatives (scale, bounds); a preset box on top. GUI thread only.
//
// Knob object names (knob()): topk, alpha, beta, gamma, delta, alphaH, betaH, gammaH, deltaH, tauF,
// tauR, wMinF, wMaxF, wMinR, wMaxR. Other controls: preset, rankMode, perTestRobust, scale, bounds
// (combo boxes / check box, by objectName()).
#pragma once
#include "rapidun/unlearn/weights.h"

#include "weights_settings.h"

#include <QMap>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;

namespace rapidun::ui {

class KnobRow;

class WeightsKnobPanel : public QWidget {
    Q_OBJECT
public:
    explicit WeightsKnobPanel(QWidget * parent = nullptr);

    WeightOptions options() const;                 // what the knobs show
    void          setOptions(const WeightOptions & o);   // emits optionsChanged once when anything moved
    void          applyPreset(WeightsPreset p);    // Custom: nothing to apply
    void          setTopkMaximum(int64_t max);     // the longest influence list (at least 1,000)

    KnobRow *   knob(const QString & name) const { return knobs_.value(name); }
    QStringList knobNames() const { return knobs_.keys(); }
    QComboBox * presetBox() const { return preset_; }
    QComboBox * rankModeBox() const { return rankMode_; }
    QCheckBox * perTestRobustBox() const { return robust_; }
    QComboBox * scaleBox() const { return scale_; }
    QComboBox * boundsBox() const { return bounds_; }

Q_SIGNALS:
    void optionsChanged();   // after any knob, combo or preset change (once per setOptions / preset)

private:
    KnobRow * addKnob(QFormLayout * form, const QString & name, const QString & label, double min, double max,
                      double step, int decimals, const QString & toolTip);
    QGroupBox * createAggregation();
    QGroupBox * createFusion();
    QGroupBox * createHarmful();
    QGroupBox * createGroupMap(bool forget);
    QGroupBox * createAlternatives();
    void onControlChanged();
    void showMatchingPreset();

    QMap<QString, KnobRow *> knobs_;
    QComboBox * preset_ = nullptr;
    QComboBox * rankMode_ = nullptr;
    QCheckBox * robust_ = nullptr;
    QComboBox * scale_ = nullptr;
    QComboBox * bounds_ = nullptr;
    bool        bulk_ = false;   // setOptions in progress: one optionsChanged at the end
};

} // namespace rapidun::ui
