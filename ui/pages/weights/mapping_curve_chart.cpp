// Score -> weight chart (see mapping_curve_chart.h).
#include "mapping_curve_chart.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace rapidun::ui {

namespace {
QVector<QPointF> points(const QCPGraph * g) {
    QVector<QPointF> out;
    out.reserve(g->data()->size());
    for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it)
        out.append(QPointF(it->key, it->value));
    return out;
}
} // namespace

MappingCurveChart::MappingCurveChart(QWidget * parent) : WeightsPlot(parent) {
    samples_ = plot()->addGraph();
    samples_->setLineStyle(QCPGraph::lsNone);
    samples_->setAdaptiveSampling(true);
    curve_ = plot()->addGraph();
    curve_->setAdaptiveSampling(true);
    low_ = plot()->addGraph();
    high_ = plot()->addGraph();
    high_->removeFromLegend();   // one legend entry for both clip levels
    QPen dashed(palette().color(QPalette::Text));
    dashed.setStyle(Qt::DashLine);
    low_->setPen(dashed);
    high_->setPen(dashed);
    setColor(QColor(0x2c, 0x7f, 0xb8));
}

void MappingCurveChart::setSeriesNames(const QString & curve, const QString & samples, const QString & clipLevels) {
    curve_->setName(curve);
    samplesName_ = samples;
    samples_->setName(samples.arg(samples_->data()->size()));
    low_->setName(clipLevels);
}

void MappingCurveChart::setColor(const QColor & color) {
    QColor point = color;
    point.setAlpha(140);
    samples_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, point, point, 5));
    curve_->setPen(QPen(color.darker(130), 2));
}

void MappingCurveChart::setData(const QVector<double> & score, const QVector<double> & weight,
                                const QVector<QPointF> & curve, double clipLow, double clipHigh) {
    nSamples_ = score.size();
    samples_->setName(samplesName_.arg(score.size()));
    QVector<double> cx, cy;
    cx.reserve(curve.size());
    cy.reserve(curve.size());
    for (const QPointF & p : curve)
        cx.append(p.x()), cy.append(p.y());
    curve_->setData(cx, cy, true);
    clipLow_ = clipLow;
    clipHigh_ = clipHigh;

    double x0 = cx.isEmpty() ? 0 : cx.first(), x1 = cx.isEmpty() ? 1 : cx.last();
    if (!score.isEmpty())
        x0 = std::min(x0, score.first()), x1 = std::max(x1, score.last());
    if (x1 <= x0)
        x0 -= 0.5, x1 += 0.5;
    low_->setData({x0, x1}, {clipLow, clipLow}, true);
    high_->setData({x0, x1}, {clipHigh, clipHigh}, true);
    const double pad = 0.03 * (x1 - x0);
    plot()->xAxis->setRange(x0 - pad, x1 + pad);
    double y1 = clipHigh;
    for (double w : weight)
        y1 = std::max(y1, w);
    plot()->yAxis->setRange(0, y1 * 1.08);

    if (score.size() <= kDecimateAbove) {
        samples_->setData(score, weight, true);   // sorted by the caller
        return;
    }
    // One point per kCellPx x kCellPx screen cell (the first by score): the rest would be drawn on top
    // of it. Columns come in order (scores sorted), so a stamp per cell row finds repeats in O(n).
    const QRect rect = plot()->axisRect()->rect().width() > 50 ? plot()->axisRect()->rect() : plot()->rect();
    const double cellX = kCellPx * plot()->xAxis->range().size() / std::max(1, rect.width());
    const double cellY = kCellPx * plot()->yAxis->range().size() / std::max(1, rect.height());
    const double xMin = plot()->xAxis->range().lower;
    const int    nRows = rect.height() / kCellPx + 2;
    std::vector<qint64> stamp(size_t(nRows), -1);
    QVector<double> keepX, keepY;
    for (int i = 0; i < score.size(); ++i) {
        if (!std::isfinite(score[i]) || !std::isfinite(weight[i]))
            continue;   // not drawable; the legend still counts it
        const qint64 col = qint64(std::floor((score[i] - xMin) / cellX));
        const int row = std::clamp(int(std::floor(weight[i] / cellY)), 0, nRows - 1);
        if (stamp[size_t(row)] == col)
            continue;
        stamp[size_t(row)] = col;
        keepX.append(score[i]);
        keepY.append(weight[i]);
    }
    samples_->setData(keepX, keepY, true);
}

void MappingCurveChart::clear() {
    for (QCPGraph * g : {samples_, curve_, low_, high_})
        g->data()->clear();
    samples_->setName(samplesName_.arg(0));
    nSamples_ = 0;
    clipLow_ = clipHigh_ = 0;
    redraw();
}

QVector<QPointF> MappingCurveChart::samplePoints() const {
    return points(samples_);
}

QVector<QPointF> MappingCurveChart::curvePoints() const {
    return points(curve_);
}

} // namespace rapidun::ui
