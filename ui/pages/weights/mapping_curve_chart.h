// The score -> weight curve of one group: the mapping w(S) as a line, every sample (S_i, w_i) as a
// point, and the clip levels as dashed lines. GUI thread only.
//
// Above kDecimateAbove samples only one point per kCellPx x kCellPx screen cell is handed to
// QCustomPlot (the others would be drawn onto it): 52,002 antialiased discs cost ~90-130 ms a redraw,
// and QCustomPlot's adaptive sampling does not thin a scatter whose points share a few pixel columns
// (most retain scores are exactly 0 after top-k and the median).
#pragma once
#include "weights_plot.h"

#include <QColor>
#include <QPointF>
#include <QVector>

class QCPGraph;

namespace rapidun::ui {

class MappingCurveChart : public WeightsPlot {
    Q_OBJECT
public:
    explicit MappingCurveChart(QWidget * parent = nullptr);

    // Legend entries (translated by the caller); samples: "%1" is replaced by the sample count.
    void setSeriesNames(const QString & curve, const QString & samples, const QString & clipLevels);
    void setColor(const QColor & color);
    // score and weight: [n] samples sorted by score; curve: the mapping, sorted by score; clipLow /
    // clipHigh: the final weight of a sample clipped at w_min / w_max. Call redraw() to draw.
    void setData(const QVector<double> & score, const QVector<double> & weight, const QVector<QPointF> & curve,
                 double clipLow, double clipHigh);
    void clear();

    static constexpr int kDecimateAbove = 4000;
    static constexpr int kCellPx = 2;

    // What is plotted (tests): the samples and the curve as (score, weight), in key order. Above
    // kDecimateAbove samples, samplePoints() holds one sample per screen cell (sampleCount() all).
    QVector<QPointF> samplePoints() const;
    int              sampleCount() const { return nSamples_; }
    QVector<QPointF> curvePoints() const;
    QPointF          clipLevels() const { return {clipLow_, clipHigh_}; }   // (low, high)

private:
    QCPGraph * curve_ = nullptr;
    QCPGraph * samples_ = nullptr;
    QCPGraph * low_ = nullptr;
    QCPGraph * high_ = nullptr;
    QString    samplesName_ = QStringLiteral("%1");
    double     clipLow_ = 0, clipHigh_ = 0;
    int        nSamples_ = 0;
};

} // namespace rapidun::ui
