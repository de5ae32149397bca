// QCustomPlot chart base (see weights_plot.h).
#include "weights_plot.h"

#include <qcustomplot.h>

namespace rapidun::ui {

WeightsPlot::WeightsPlot(QWidget * parent) : PlotWidget(QStringLiteral("weightsPlot"), Title::Normal, parent) {
    plot()->resize(sizeHint());   // no layout: resizeEvent() keeps it the chart's size (never empty)
    plot()->setPlottingHint(QCP::phCacheLabels, true);
    placeLegendBelow(1);   // a plot is ~350 px wide: one entry a line
}

void WeightsPlot::redraw() {
    if (drawable())   // else showEvent() replots
        plot()->replot(QCustomPlot::rpImmediateRefresh);
}

} // namespace rapidun::ui
