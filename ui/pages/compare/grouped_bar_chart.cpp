#include "grouped_bar_chart.h"

#include "plot_legend.h"

#include <qcustomplot.h>

#include <QResizeEvent>
#include <QShowEvent>

#include <algorithm>
#include <cmath>
#include <limits>

namespace rapidun::ui {

GroupedBarChart::GroupedBarChart(QWidget * parent) : QWidget(parent) {
    plot_ = new QCustomPlot(this);
    plot_->resize(sizeHint());   // no layout: resizeEvent() keeps it the chart's size (never empty)
    plot_->setObjectName(QStringLiteral("groupedBarPlot"));
    plot_->setBackground(palette().base());
    group_ = new QCPBarsGroup(plot_);
    group_->setSpacingType(QCPBarsGroup::stPlotCoords);
    group_->setSpacing(0.03);   // key units: a category is 1.0 wide

    QFont titleFont = font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    plot_->plotLayout()->insertRow(0);
    title_ = new QCPTextElement(plot_, QString(), titleFont);
    title_->setTextColor(palette().color(QPalette::Text));
    plot_->plotLayout()->addElement(0, 0, title_);

    const QColor text = palette().color(QPalette::Text);
    for (QCPAxis * axis : {plot_->xAxis, plot_->yAxis}) {
        axis->setLabelColor(text);
        axis->setTickLabelColor(text);
        axis->setLabelFont(font());
        axis->setTickLabelFont(font());
    }
    plot_->xAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    plot_->xAxis->setSubTicks(false);
    plot_->xAxis->setTickLength(0, 4);
    plot_->xAxis->grid()->setVisible(false);
    plot_->yAxis->ticker()->setTickCount(5);
    plot_->yAxis->setPadding(6);

    plot_->legend->setVisible(true);
    plot_->legend->setFont(font());
    plot_->legend->setTextColor(text);
    plot_->legend->setBrush(QBrush(palette().color(QPalette::Base)));
    plot_->legend->setBorderPen(QPen(palette().color(QPalette::Mid)));
    placeLegendBelow(plot_, 2);
}

void GroupedBarChart::setTitle(const QString & title) {
    title_->setText(title);
    refresh();
}

void GroupedBarChart::setAxisLabels(const QString & x, const QString & y) {
    plot_->xAxis->setLabel(x);
    plot_->yAxis->setLabel(y);
    refresh();
}

void GroupedBarChart::clear() {
    plot_->clearPlottables();   // deleting a QCPBars removes it from the group
    categories_.clear();
    qSharedPointerCast<QCPAxisTickerText>(plot_->xAxis->ticker())->clear();
    refresh();
}

void GroupedBarChart::setData(const QStringList & categories, const QVector<Series> & series) {
    plot_->clearPlottables();
    categories_ = categories;
    auto ticker = qSharedPointerCast<QCPAxisTickerText>(plot_->xAxis->ticker());
    ticker->clear();
    for (int i = 0; i < categories.size(); ++i)
        ticker->addTick(i + 1, categories.at(i));   // category i sits at key i + 1

    // Bars share a category's 0.8 key units; a group of one bar is as wide as half of that.
    const double width = series.isEmpty() ? 0.4 : std::min(0.4, 0.8 / double(series.size()));
    double top = 0;
    for (const Series & s : series) {
        auto * bars = new QCPBars(plot_->xAxis, plot_->yAxis);
        bars->setName(s.name);
        bars->setWidth(width);
        bars->setAntialiased(false);
        bars->setPen(QPen(s.color.darker(130)));
        bars->setBrush(s.color);
        bars->setBarsGroup(group_);
        for (int i = 0; i < categories.size() && i < s.values.size(); ++i) {
            const double v = s.values.at(i);
            if (std::isnan(v))
                continue;
            bars->addData(i + 1, v);
            top = std::max(top, v);
        }
    }
    plot_->xAxis->setRange(0.4, categories.size() + 0.6);
    plot_->yAxis->setRange(0, top > 0 ? top * 1.1 : 1.0);
    refresh();
}

void GroupedBarChart::refresh() {
    if (isVisible() && plot_->width() > 0 && plot_->height() > 0)
        plot_->replot(QCustomPlot::rpQueuedReplot);
}

void GroupedBarChart::resizeEvent(QResizeEvent * event) {
    QWidget::resizeEvent(event);
    // Never an empty plot: QCustomPlot would replot into a 0-pixel buffer (warnings).
    if (!event->size().isEmpty())
        plot_->setGeometry(rect());
    refresh();
}

void GroupedBarChart::showEvent(QShowEvent * event) {
    QWidget::showEvent(event);
    refresh();
}

QString GroupedBarChart::title() const { return title_->text(); }
QString GroupedBarChart::xLabel() const { return plot_->xAxis->label(); }
QString GroupedBarChart::yLabel() const { return plot_->yAxis->label(); }
int GroupedBarChart::seriesCount() const { return plot_->plottableCount(); }

QStringList GroupedBarChart::legendNames() const {
    QStringList names;
    if (!plot_->legend->visible())
        return names;
    for (int i = 0; i < plot_->legend->itemCount(); ++i)
        if (auto * item = qobject_cast<QCPPlottableLegendItem *>(plot_->legend->item(i)))
            names << item->plottable()->name();
    return names;
}

double GroupedBarChart::value(int series, int category) const {
    auto * bars = qobject_cast<QCPBars *>(plot_->plottable(series));
    if (bars)
        for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
            if (it->key == double(category + 1))
                return it->value;
    return std::numeric_limits<double>::quiet_NaN();
}

} // namespace rapidun::ui
