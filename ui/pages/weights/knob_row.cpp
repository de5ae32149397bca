// Slider + spin box knob (see knob_row.h).
#include "knob_row.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>

#include <cmath>

namespace rapidun::ui {

KnobRow::KnobRow(const QString & name, const QString & label, double min, double max, double step, int decimals,
                 const QString & toolTip, QWidget * parent)
    : QWidget(parent), min_(min), step_(step) {
    setObjectName(name);
    label_ = new QLabel(label, this);
    label_->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("w_max (retain)")));
    slider_ = new QSlider(Qt::Horizontal, this);
    slider_->setObjectName(name + QStringLiteral("Slider"));
    spin_ = new QDoubleSpinBox(this);
    spin_->setObjectName(name + QStringLiteral("Spin"));
    spin_->setDecimals(decimals);
    spin_->setSingleStep(step);
    spin_->setRange(min, max);
    spin_->setKeyboardTracking(false);   // typed digits apply on Enter / focus out, not per keystroke
    spin_->setAccelerated(true);
    slider_->setRange(0, int(std::lround((max - min) / step)));
    slider_->setPageStep(std::max(1, slider_->maximum() / 20));
    label_->setBuddy(spin_);
    for (QWidget * w : {static_cast<QWidget *>(label_), static_cast<QWidget *>(slider_), static_cast<QWidget *>(spin_)})
        w->setToolTip(toolTip);

    auto * row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(label_);
    row->addWidget(slider_, 1);
    row->addWidget(spin_);

    connect(slider_, &QSlider::valueChanged, this, &KnobRow::onSliderMoved);
    connect(spin_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (!syncing_)
            syncSlider();
        Q_EMIT valueChanged(v);
    });
    syncSlider();
}

double KnobRow::value() const {
    return spin_->value();
}

void KnobRow::setValue(double v) {
    spin_->setValue(v);
}

void KnobRow::setMaximum(double max) {
    syncing_ = true;
    spin_->setMaximum(max);   // may clamp the value (emits valueChanged)
    slider_->setMaximum(int(std::lround((max - min_) / step_)));
    syncing_ = false;
    syncSlider();
}

void KnobRow::syncSlider() {
    const QSignalBlocker block(slider_);
    slider_->setValue(int(std::lround((spin_->value() - min_) / step_)));
}

void KnobRow::onSliderMoved(int position) {
    syncing_ = true;
    spin_->setValue(min_ + position * step_);   // rounded to the spin box's decimals
    syncing_ = false;
}

} // namespace rapidun::ui
