// One numeric mapping knob: a label, a slider and a spin box that always show the same value.
// The spin box holds the value (rounded to its decimals); the slider moves in steps of `step` from
// `min` (position p = round((v - min) / step)). Either one moved by the user moves the other and
// emits valueChanged once. GUI thread only.
#pragma once
#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QSlider;

namespace rapidun::ui {

class KnobRow : public QWidget {
    Q_OBJECT
public:
    // name: objectName (tests find knobs by it); label and toolTip: translated by the caller.
    KnobRow(const QString & name, const QString & label, double min, double max, double step, int decimals,
            const QString & toolTip, QWidget * parent = nullptr);

    double value() const;
    void   setValue(double v);   // as the user would: emits valueChanged when the value changes
    void   setMaximum(double max);

    QSlider *        slider() const { return slider_; }
    QDoubleSpinBox * spinBox() const { return spin_; }
    QLabel *         label() const { return label_; }

Q_SIGNALS:
    void valueChanged(double value);

private:
    void syncSlider();
    void onSliderMoved(int position);

    QLabel *         label_ = nullptr;
    QSlider *        slider_ = nullptr;
    QDoubleSpinBox * spin_ = nullptr;
    double           min_ = 0, step_ = 1;
    bool             syncing_ = false;   // true while one control follows the other
};

} // namespace rapidun::ui
