// Where the studio's plots put their legends: in a row of their own under the axis rectangle, filled
// left to right, so a legend never hides a bar, a point or a curve (inside the axes it did, whatever
// corner it took, once the data filled the plot).
#pragma once

class QCustomPlot;

namespace rapidun::ui {

void placeLegendBelow(QCustomPlot * plot);

} // namespace rapidun::ui
