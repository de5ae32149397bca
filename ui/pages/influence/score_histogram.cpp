#include "score_histogram.h"

#include <qcustomplot.h>

#include <QMouseEvent>
#include <QResizeEvent>

#include <algorithm>
#include <cmath>

namespace rapidun::ui {
namespace {

constexpr int kMinDragPixels = 3;   // a shorter drag is a click: it clears the brush

} // namespace

ScoreHistogram::ScoreHistogram(QWidget * parent) : QWidget(parent) {
    plot_ = new QCustomPlot(this);
    plot_->resize(sizeHint());   // no layout: resizeEvent() keeps it the widget's size
    plot_->setObjectName(QStringLiteral("scoreHistogramPlot"));
    plot_->setBackground(palette().base());
    plot_->setNoAntialiasingOnDrag(true);

    const QColor text = palette().color(QPalette::Text);
    for (QCPAxis * axis : {plot_->xAxis, plot_->yAxis}) {
        axis->setLabelColor(text);
        axis->setTickLabelColor(text);
        axis->setLabelFont(font());
        axis->setTickLabelFont(font());
    }
    plot_->yAxis->setNumberFormat(QStringLiteral("f"));
    plot_->yAxis->setNumberPrecision(0);
    plot_->xAxis->grid()->setVisible(false);

    clean_ = new QCPBars(plot_->xAxis, plot_->yAxis);
    clean_->setPen(Qt::NoPen);
    clean_->setBrush(QColor(70, 130, 180));
    poisoned_ = new QCPBars(plot_->xAxis, plot_->yAxis);
    poisoned_->setPen(Qt::NoPen);
    poisoned_->setBrush(QColor(200, 60, 50));
    poisoned_->moveAbove(clean_);

    rect_ = new QCPItemRect(plot_);
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

    plot_->legend->setVisible(true);
    plot_->legend->setFont(font());
    plot_->legend->setTextColor(text);
    plot_->legend->setBrush(QBrush(palette().color(QPalette::Base)));
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);

    connect(plot_, &QCustomPlot::mousePress, this, &ScoreHistogram::onPress);
    connect(plot_, &QCustomPlot::mouseMove, this, &ScoreHistogram::onMove);
    connect(plot_, &QCustomPlot::mouseRelease, this, &ScoreHistogram::onRelease);
    connect(plot_, &QCustomPlot::mouseDoubleClick, this, [this](QMouseEvent *) { clearBrush(); });
}

void ScoreHistogram::setLabels(const QString & title, const QString & x, const QString & y, const QString & poisoned,
                               const QString & clean) {
    setToolTip(title);
    plot_->xAxis->setLabel(x);
    plot_->yAxis->setLabel(y);
    poisoned_->setName(poisoned);
    clean_->setName(clean);
    plot_->replot();
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
    plot_->xAxis->setRange(min_ - width, max_ + width);
    double top = 1;
    for (int b = 0; b < bins; b++)
        top = std::max(top, nClean[b] + nPoisoned[b]);
    plot_->yAxis->setRange(0, top * 1.08);
    plot_->replot();
}

void ScoreHistogram::clear() {
    clean_->data()->clear();
    poisoned_->data()->clear();
    min_ = max_ = 0;
    hasBrush_ = false;
    rect_->setVisible(false);
    plot_->replot();
}

void ScoreHistogram::drawRange(double lo, double hi) {
    rect_->topLeft->setCoords(std::min(lo, hi), 0);
    rect_->bottomRight->setCoords(std::max(lo, hi), 1);
    rect_->setVisible(true);
    plot_->replot();
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
        plot_->replot();
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
    plot_->replot();
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

QWidget * ScoreHistogram::plotWidget() const { return plot_; }

void ScoreHistogram::onPress(QMouseEvent * event) {
    if (event->button() != Qt::LeftButton)
        return;
    dragging_ = true;
    pressPixel_ = int(event->position().x());
    pressX_ = plot_->xAxis->pixelToCoord(event->position().x());
}

void ScoreHistogram::onMove(QMouseEvent * event) {
    if (dragging_ && std::abs(int(event->position().x()) - pressPixel_) >= kMinDragPixels)
        drawRange(pressX_, plot_->xAxis->pixelToCoord(event->position().x()));
}

void ScoreHistogram::onRelease(QMouseEvent * event) {
    if (!dragging_ || event->button() != Qt::LeftButton)
        return;
    dragging_ = false;
    if (std::abs(int(event->position().x()) - pressPixel_) < kMinDragPixels) {
        clearBrush();
        return;
    }
    brush(pressX_, plot_->xAxis->pixelToCoord(event->position().x()));
}

void ScoreHistogram::resizeEvent(QResizeEvent * event) {
    QWidget::resizeEvent(event);
    plot_->resize(event->size());
}

} // namespace rapidun::ui
