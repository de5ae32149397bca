// QCustomPlot chart base (see weights_plot.h).
#include "weights_plot.h"

#include "plot_legend.h"

#include <qcustomplot.h>

#include <QShowEvent>
#include <QVBoxLayout>

namespace rapidun::ui {

WeightsPlot::WeightsPlot(QWidget * parent) : QWidget(parent) {
    plot_ = new QCustomPlot(this);
    plot_->setObjectName(QStringLiteral("weightsPlot"));
    plot_->setBackground(palette().base());
    plot_->setNoAntialiasingOnDrag(true);
    plot_->setPlottingHint(QCP::phCacheLabels, true);
    auto * layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);

    QFont titleFont = font();
    titleFont.setBold(true);
    plot_->plotLayout()->insertRow(0);
    title_ = new QCPTextElement(plot_, QString(), titleFont);
    const QColor text = palette().color(QPalette::Text);
    title_->setTextColor(text);
    plot_->plotLayout()->addElement(0, 0, title_);
    for (QCPAxis * axis : {plot_->xAxis, plot_->yAxis}) {
        axis->setLabelColor(text);
        axis->setTickLabelColor(text);
        axis->setLabelFont(font());
        axis->setTickLabelFont(font());
    }
    plot_->legend->setVisible(true);
    plot_->legend->setFont(font());
    plot_->legend->setTextColor(text);
    plot_->legend->setBrush(QBrush(palette().color(QPalette::Base)));
    plot_->legend->setBorderPen(QPen(palette().color(QPalette::Mid)));
    placeLegendBelow(plot_, 1);   // a plot is ~350 px wide: one entry a line
}

void WeightsPlot::setTitle(const QString & title) {
    title_->setText(title);
}

void WeightsPlot::setAxisLabels(const QString & x, const QString & y) {
    plot_->xAxis->setLabel(x);
    plot_->yAxis->setLabel(y);
}

QString WeightsPlot::title() const {
    return title_->text();
}

QString WeightsPlot::xLabel() const {
    return plot_->xAxis->label();
}

QString WeightsPlot::yLabel() const {
    return plot_->yAxis->label();
}

QStringList WeightsPlot::legendNames() const {
    QStringList names;
    for (int i = 0; i < plot_->legend->itemCount(); ++i)
        if (auto * item = qobject_cast<QCPPlottableLegendItem *>(plot_->legend->item(i)))
            names << item->plottable()->name();
    return names;
}

void WeightsPlot::redraw() {
    if (!isVisible() || plot_->width() <= 0 || plot_->height() <= 0) {
        dirty_ = true;
        return;
    }
    dirty_ = false;
    plot_->replot(QCustomPlot::rpImmediateRefresh);
}

void WeightsPlot::showEvent(QShowEvent * event) {
    QWidget::showEvent(event);
    if (dirty_)
        plot_->replot(QCustomPlot::rpQueuedReplot);
    dirty_ = false;
}

} // namespace rapidun::ui
