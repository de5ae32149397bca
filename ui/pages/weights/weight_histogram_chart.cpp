// Weight histogram (see weight_histogram_chart.h).
#include "weight_histogram_chart.h"

#include <qcustomplot.h>

#include <algorithm>
#include <numeric>

namespace rapidun::ui {

WeightHistogramChart::WeightHistogramChart(QWidget * parent) : WeightsPlot(parent) {
    bars_ = new QCPBars(plot()->xAxis, plot()->yAxis);
    bars_->setWidthType(QCPBars::wtPlotCoords);
    auto counts = QSharedPointer<QCPAxisTickerFixed>::create();   // counts: integer ticks only
    counts->setTickStep(1.0);
    counts->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    plot()->yAxis->setTicker(counts);
    plot()->yAxis->setNumberFormat(QStringLiteral("f"));   // no exponents, no decimals
    plot()->yAxis->setNumberPrecision(0);
    setColor(QColor(0x2c, 0x7f, 0xb8));
}

void WeightHistogramChart::setSeriesName(const QString & name) {
    name_ = name;
    bars_->setName(name.arg(0));
}

void WeightHistogramChart::setColor(const QColor & color) {
    QColor fill = color;
    fill.setAlpha(170);
    bars_->setBrush(fill);
    bars_->setPen(QPen(color.darker(130)));
}

void WeightHistogramChart::setData(const QVector<double> & edges, const QVector<double> & counts) {
    edges_ = edges;
    QVector<double> centers;
    for (int b = 0; b + 1 < edges.size(); ++b)
        centers.append(0.5 * (edges[b] + edges[b + 1]));
    bars_->setData(centers, counts, true);
    bars_->setWidth(edges.size() > 1 ? (edges.last() - edges.first()) / (edges.size() - 1) : 1.0);
    bars_->setName(name_.arg(qint64(std::accumulate(counts.begin(), counts.end(), 0.0))));
    if (edges.size() > 1)
        plot()->xAxis->setRange(edges.first(), edges.last());
    const double top = counts.isEmpty() ? 1.0 : *std::max_element(counts.begin(), counts.end());
    plot()->yAxis->setRange(0, std::max(1.0, top) * 1.15);
}

void WeightHistogramChart::clear() {
    bars_->data()->clear();
    edges_.clear();
    bars_->setName(name_.arg(0));
    redraw();
}

QVector<double> WeightHistogramChart::binCounts() const {
    QVector<double> out;
    for (auto it = bars_->data()->constBegin(); it != bars_->data()->constEnd(); ++it)
        out.append(it->value);
    return out;
}

} // namespace rapidun::ui
