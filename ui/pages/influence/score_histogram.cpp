#include "score_histogram.h"

#include <qcustomplot.h>

#include <QMouseEvent>

#include <algorithm>
#include <cmath>

namespace rapidun::ui {
namespace {

constexpr int kMinDragPixels = 3;   // a shorter drag is a click: it clears the brush

} // namespace

// No title row: setLabels() gives the title to the tooltip.
ScoreHistogram::ScoreHistogram(QWidget * parent) : PlotWidget(QStringLiteral("scoreHistogramPlot"), Title::None, parent) {
    plot()->resize(sizeHint());   // no layout: resizeEvent() keeps it the widget's size
    plot()->legend->setBorderPen(QPen(Qt::black, 0));   // QCustomPlot's default, as it always had
    plot()->yAxis->setNumberFormat(QStringLiteral("f"));
    plot()->yAxis->setNumberPrecision(0);
    plot()->xAxis->grid()->setVisible(false);

    clean_ = new QCPBars(plot()->xAxis, plot()->yAxis);
    clean_->setPen(Qt::NoPen);
    clean_->setBrush(QColor(70, 130, 180));
    poisoned_ = new QCPBars(plot()->xAxis, plot()->yAxis);
    poisoned_->setPen(Qt::NoPen);
    poisoned_->setBrush(QColor(200, 60, 50));
    poisoned_->moveAbove(clean_);

    rect_ = new QCPItemRect(plot());
    rect_->topLeft->setTypeX(QCPItemPosition::ptPlotCoords);
    rect_->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
    rect_->bottomRight->setTypeX(QCPItemPosition::ptPlotCoords);
    rect_->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
    QColor fill = palette().color(QPalette::Highlight);
    fill.setAlpha(60);
    rect_->setBrush(fill);
    rect_->setPen(QPen(palette().color(QPalette::Highlight)));
    rect_->setVisible(false);
    rect_->setSelectable(false);

    connect(plot(), &QCustomPlot::mousePress, this, &ScoreHistogram::onPress);
    connect(plot(), &QCustomPlot::mouseMove, this, &ScoreHistogram::onMove);
    connect(plot(), &QCustomPlot::mouseRelease, this, &ScoreHistogram::onRelease);
    connect(plot(), &QCustomPlot::mouseDoubleClick, this, [this](QMouseEvent *) { clearBrush(); });
}

void ScoreHistogram::setLabels(const QString & title, const QString & x, const QString & y, const QString & poisoned,
                               const QString & clean) {
    setToolTip(title);
    plot()->xAxis->setLabel(x);
    plot()->yAxis->setLabel(y);
    poisoned_->setName(poisoned);
    clean_->setName(clean);
    plot()->replot();
}

void ScoreHistogram::setScores(const std::vector<double> & score, const std::vector<uint8_t> & poisoned, int bins) {
    bins = std::max(1, bins);
    min_ = std::numeric_limits<double>::infinity();
    max_ = -std::numeric_limits<double>::infinity();
    for (double s : score)
        if (std::isfinite(s)) {
            min_ = std::min(min_, s);
            max_ = std::max(max_, s);
        }
    if (!std::isfinite(min_)) {
        clear();
        return;
    }
    const double width = max_ > min_ ? (max_ - min_) / bins : 1.0;
    QVector<double> keys(bins), nClean(bins, 0.0), nPoisoned(bins, 0.0);
    for (int b = 0; b < bins; b++)
        keys[b] = min_ + (b + 0.5) * width;
    for (size_t i = 0; i < score.size(); i++) {
        if (!std::isfinite(score[i]))
            continue;
        const int b = std::clamp(int((score[i] - min_) / width), 0, bins - 1);   // max falls in the last bin
        (i < poisoned.size() && poisoned[i] ? nPoisoned : nClean)[b] += 1;
    }
    clean_->setWidth(width);
    poisoned_->setWidth(width);
    clean_->setData(keys, nClean, true);
    poisoned_->setData(keys, nPoisoned, true);
    plot()->xAxis->setRange(min_ - width, max_ + width);
    double top = 1;
    for (int b = 0; b < bins; b++)
        top = std::max(top, nClean[b] + nPoisoned[b]);
    plot()->yAxis->setRange(0, top * 1.08);
    plot()->replot();
}

void ScoreHistogram::clear() {
    clean_->data()->clear();
    poisoned_->data()->clear();
    min_ = max_ = 0;
    hasBrush_ = false;
    rect_->setVisible(false);
    plot()->replot();
}

void ScoreHistogram::drawRange(double lo, double hi) {
    rect_->topLeft->setCoords(std::min(lo, hi), 0);
    rect_->bottomRight->setCoords(std::max(lo, hi), 1);
    rect_->setVisible(true);
    plot()->replot();
}

void ScoreHistogram::brush(double lo, double hi) {
    lo_ = std::min(lo, hi);
    hi_ = std::max(lo, hi);
    hasBrush_ = true;
    drawRange(lo_, hi_);
    Q_EMIT rangeBrushed(lo_, hi_);
}

void ScoreHistogram::showRange(double lo, double hi) {
    if (!(lo <= hi)) {
        hasBrush_ = false;
        rect_->setVisible(false);
        plot()->replot();
        return;
    }
    lo_ = lo;
    hi_ = hi;
    hasBrush_ = true;
    drawRange(lo, hi);
}

void ScoreHistogram::clearBrush() {
    const bool had = hasBrush_ || rect_->visible();
    hasBrush_ = false;
    rect_->setVisible(false);
    plot()->replot();
    if (had)
        Q_EMIT brushCleared();
}

QVector<double> ScoreHistogram::counts(int series) const {
    QVector<double> out;
    QCPBars * bars = series == 0 ? clean_ : poisoned_;
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
        out << it->value;
    return out;
}

QWidget * ScoreHistogram::plotWidget() const { return plot(); }

void ScoreHistogram::onPress(QMouseEvent * event) {
    if (event->button() != Qt::LeftButton)
        return;
    dragging_ = true;
    pressPixel_ = int(event->position().x());
    pressX_ = plot()->xAxis->pixelToCoord(event->position().x());
}

void ScoreHistogram::onMove(QMouseEvent * event) {
    if (dragging_ && std::abs(int(event->position().x()) - pressPixel_) >= kMinDragPixels)
        drawRange(pressX_, plot()->xAxis->pixelToCoord(event->position().x()));
}

void ScoreHistogram::onRelease(QMouseEvent * event) {
    if (!dragging_ || event->button() != Qt::LeftButton)
        return;
    dragging_ = false;
    if (std::abs(int(event->position().x()) - pressPixel_) < kMinDragPixels) {
        clearBrush();
        return;
    }
    brush(pressX_, plot()->xAxis->pixelToCoord(event->position().x()));
}

} // namespace rapidun::ui
