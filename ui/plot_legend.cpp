#include "plot_legend.h"

#include <qcustomplot.h>

namespace rapidun::ui {

void placeLegendBelow(QCustomPlot * plot, int columns) {
    plot->legend->setVisible(true);
    plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    plot->legend->setWrap(columns);
    auto * row = new QCPLayoutGrid;
    plot->plotLayout()->addElement(plot->plotLayout()->rowCount(), 0, row);
    row->setMargins(QMargins(5, 0, 5, 5));
    row->addElement(0, 0, plot->legend);   // takes it out of the axis rectangle's inset layout
    plot->plotLayout()->setRowStretchFactor(plot->plotLayout()->rowCount() - 1, 0.001);
}

} // namespace rapidun::ui
