// Base of the Weights page's charts: a PlotWidget with a title, axis labels and a legend under the
// axes, drawn on demand (redraw()). Qt-only interface: QCustomPlot stays inside
// rapidun_page_weights_plots, which is compiled without QT_NO_KEYWORDS (qcustomplot.h uses `signals:`).
// No user-visible text of its own: callers pass translated strings. GUI thread only.
#pragma once
#include "plot_widget.h"

namespace rapidun::ui {

class WeightsPlot : public PlotWidget {
    Q_OBJECT
public:
    explicit WeightsPlot(QWidget * parent = nullptr);

    using PlotWidget::setTitle;
    using PlotWidget::title;

    // Draws now when visible (the time a knob move costs); a hidden chart draws when shown.
    void redraw();

    QSize sizeHint() const override { return {420, 280}; }
    QSize minimumSizeHint() const override { return {280, 200}; }
};

} // namespace rapidun::ui
