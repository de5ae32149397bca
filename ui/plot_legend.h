// Where the studio's plots put their legends: in a row of their own under the axis rectangle, filled
// left to right, so a legend never hides a bar, a point or a curve (inside the axes it did, whatever
// corner it took, once the data filled the plot).
#pragma once

class QCustomPlot;

namespace rapidun::ui {

// columns: legend entries per line (narrow plots with long names: 1).
void placeLegendBelow(QCustomPlot * plot, int columns = 4);

} // namespace rapidun::ui
