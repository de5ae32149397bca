// QCustomPlot chart base (see plot_widget.h).
#include "plot_widget.h"

#include <qcustomplot.h>

#include <QResizeEvent>
#include <QShowEvent>

namespace rapidun::ui {

PlotWidget::PlotWidget(const QString & plotName, Title title, QWidget * parent) : QWidget(parent) {
    plot_ = new QCustomPlot(this);
    plot_->setObjectName(plotName);
    plot_->setBackground(palette().base());
    plot_->setNoAntialiasingOnDrag(true);

    const QColor text = palette().color(QPalette::Text);
    if (title != Title::None) {
        QFont titleFont = font();
        titleFont.setBold(true);
        if (title == Title::Large)
            titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
        plot_->plotLayout()->insertRow(0);
        title_ = new QCPTextElement(plot_, QString(), titleFont);
        title_->setTextColor(text);
        plot_->plotLayout()->addElement(0, 0, title_);
    }
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
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
}

void PlotWidget::setTitle(const QString & title) {
    title_->setText(title);
    refresh();
}

QString PlotWidget::title() const { return title_->text(); }

void PlotWidget::setAxisLabels(const QString & x, const QString & y) {
    plot_->xAxis->setLabel(x);
    plot_->yAxis->setLabel(y);
    refresh();
}

QString PlotWidget::xLabel() const { return plot_->xAxis->label(); }
QString PlotWidget::yLabel() const { return plot_->yAxis->label(); }

QStringList PlotWidget::legendNames() const {
    QStringList names;
    if (!plot_->legend->visible())
        return names;
    for (int i = 0; i < plot_->legend->itemCount(); ++i)
        if (auto * item = qobject_cast<QCPPlottableLegendItem *>(plot_->legend->item(i)))
            names << item->plottable()->name();
    return names;
}

void PlotWidget::placeLegendBelow(int columns) {
    plot_->legend->setVisible(true);
    plot_->legend->setFillOrder(QCPLegend::foColumnsFirst);
    plot_->legend->setWrap(columns);
    auto * row = new QCPLayoutGrid;
    plot_->plotLayout()->addElement(plot_->plotLayout()->rowCount(), 0, row);
    row->setMargins(QMargins(5, 0, 5, 5));
    row->addElement(0, 0, plot_->legend);   // takes it out of the axis rectangle's inset layout
    plot_->plotLayout()->setRowStretchFactor(plot_->plotLayout()->rowCount() - 1, 0.001);
}

bool PlotWidget::drawable() const {
    return isVisible() && plot_->width() > 0 && plot_->height() > 0;
}

void PlotWidget::refresh() {
    beforeRefresh();
    if (drawable())
        plot_->replot(QCustomPlot::rpQueuedReplot);
}

void PlotWidget::resizeEvent(QResizeEvent * event) {
    QWidget::resizeEvent(event);
    // The plot follows the widget's size, but never to an empty one: a hidden, never-shown page is
    // laid out to sizes like 24x0, and QCustomPlot would replot into a 0-pixel buffer (warnings).
    if (!event->size().isEmpty())
        plot_->setGeometry(rect());
    refresh();
}

void PlotWidget::showEvent(QShowEvent * event) {
    QWidget::showEvent(event);
    refresh();
}

} // namespace rapidun::ui
