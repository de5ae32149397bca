// A histogram of one group's final weights: equal-width bins as bars, with a legend entry naming the
// group and its size. GUI thread only.
#pragma once
#include "weights_plot.h"

#include <QColor>
#include <QVector>

class QCPBars;

namespace rapidun::ui {

class WeightHistogramChart : public WeightsPlot {
    Q_OBJECT
public:
    explicit WeightHistogramChart(QWidget * parent = nullptr);

    // "%1" in name is replaced by the sample count.
    void setSeriesName(const QString & name);
    void setColor(const QColor & color);
    // edges: [n_bins + 1] ascending; counts: [n_bins]. Call redraw() to draw.
    void setData(const QVector<double> & edges, const QVector<double> & counts);
    void clear();

    QVector<double> binEdges() const { return edges_; }
    QVector<double> binCounts() const;   // read back from the bars (tests)

private:
    QCPBars *       bars_ = nullptr;
    QString         name_ = QStringLiteral("%1");
    QVector<double> edges_;
};

} // namespace rapidun::ui
