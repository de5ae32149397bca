#include "grouped_bar_chart.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace rapidun::ui {

GroupedBarChart::GroupedBarChart(QWidget * parent) : PlotWidget(QStringLiteral("groupedBarPlot"), Title::Large, parent) {
    plot()->resize(sizeHint());   // no layout: resizeEvent() keeps it the chart's size (never empty)
    group_ = new QCPBarsGroup(plot());
    group_->setSpacingType(QCPBarsGroup::stPlotCoords);
    group_->setSpacing(0.03);   // key units: a category is 1.0 wide

    plot()->xAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    plot()->xAxis->setSubTicks(false);
    plot()->xAxis->setTickLength(0, 4);
    plot()->xAxis->grid()->setVisible(false);
    plot()->yAxis->ticker()->setTickCount(5);
    plot()->yAxis->setPadding(6);
    placeLegendBelow(2);
}

void GroupedBarChart::clear() {
    plot()->clearPlottables();   // deleting a QCPBars removes it from the group
    categories_.clear();
    qSharedPointerCast<QCPAxisTickerText>(plot()->xAxis->ticker())->clear();
    refresh();
}

void GroupedBarChart::setData(const QStringList & categories, const QVector<Series> & series) {
    plot()->clearPlottables();
    categories_ = categories;
    auto ticker = qSharedPointerCast<QCPAxisTickerText>(plot()->xAxis->ticker());
    ticker->clear();
    for (int i = 0; i < categories.size(); ++i)
        ticker->addTick(i + 1, categories.at(i));   // category i sits at key i + 1

    // Bars share a category's 0.8 key units; a group of one bar is as wide as half of that.
    const double width = series.isEmpty() ? 0.4 : std::min(0.4, 0.8 / double(series.size()));
    double top = 0;
    for (const Series & s : series) {
        auto * bars = new QCPBars(plot()->xAxis, plot()->yAxis);
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
    plot()->xAxis->setRange(0.4, categories.size() + 0.6);
    plot()->yAxis->setRange(0, top > 0 ? top * 1.1 : 1.0);
    refresh();
}

int GroupedBarChart::seriesCount() const { return plot()->plottableCount(); }

double GroupedBarChart::value(int series, int category) const {
    auto * bars = qobject_cast<QCPBars *>(plot()->plottable(series));
    if (bars)
        for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
            if (it->key == double(category + 1))
                return it->value;
    return std::numeric_limits<double>::quiet_NaN();
}

} // namespace rapidun::ui
