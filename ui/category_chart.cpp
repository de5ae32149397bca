#include "category_chart.h"

#include <qcustomplot.h>

#include <QFontMetrics>

#include <algorithm>

namespace rapidun::ui {

CategoryChart::CategoryChart(QWidget * parent) : PlotWidget(QStringLiteral("categoryPlot"), Title::Large, parent) {
    plot()->resize(sizeHint());   // no layout: resizeEvent() keeps it the chart's size (never empty)
    plot()->xAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    plot()->xAxis->setSubTicks(false);
    plot()->xAxis->setTickLength(0, 4);
    plot()->xAxis->grid()->setVisible(false);
    plot()->yAxis->setNumberFormat(QStringLiteral("f"));   // counts: no exponents, no decimals
    plot()->yAxis->setNumberPrecision(0);
    plot()->yAxis->ticker()->setTickCount(5);
    plot()->yAxis->setPadding(6);
}

void CategoryChart::clear() {
    plot()->clearPlottables();
    categories_.clear();
    refresh();
}

void CategoryChart::setData(const QStringList & categories, const QVector<Series> & stack) {
    plot()->clearPlottables();
    categories_ = categories;

    QVector<double> keys;
    for (int i = 0; i < categories.size(); ++i)
        keys << i + 1;

    QVector<double> totals(categories.size(), 0.0);
    QCPBars * below = nullptr;
    for (const Series & s : stack) {
        auto * bars = new QCPBars(plot()->xAxis, plot()->yAxis);
        bars->setName(s.name);
        bars->setWidth(0.6);
        bars->setAntialiased(false);
        bars->setPen(QPen(s.color.darker(130)));
        bars->setBrush(s.color);
        QVector<double> values = s.values;
        values.resize(categories.size());
        bars->setData(keys, values, true);
        if (below)
            bars->moveAbove(below);
        below = bars;
        for (int i = 0; i < values.size(); ++i)
            totals[i] += values.at(i);
    }

    const double top = totals.isEmpty() ? 1.0 : std::max(1.0, *std::max_element(totals.cbegin(), totals.cend()));
    plot()->xAxis->setRange(0.4, categories.size() + 0.6);
    plot()->yAxis->setRange(0, top * 1.5);   // room for the two-row legend above the tallest bar
    refresh();
}

void CategoryChart::beforeRefresh() {
    auto ticker = qSharedPointerCast<QCPAxisTickerText>(plot()->xAxis->ticker());
    ticker->clear();
    if (categories_.isEmpty())
        return;
    const QFontMetrics fm(plot()->xAxis->tickLabelFont());
    int widestWord = 0;
    for (const QString & label : categories_)
        for (const QString & word : label.split(QLatin1Char(' ')))
            widestWord = std::max(widestWord, fm.horizontalAdvance(word));
    const int available = plot()->width() - 90;   // the y axis, its label and the margins
    const int slot = available / int(categories_.size());
    const bool tilt = widestWord + fm.averageCharWidth() * 2 > slot;
    plot()->xAxis->setTickLabelRotation(tilt ? -30.0 : 0.0);
    for (int i = 0; i < categories_.size(); ++i) {
        QString label = categories_.at(i);
        if (!tilt)
            label.replace(QLatin1Char(' '), QLatin1Char('\n'));
        ticker->addTick(i + 1, label);
    }
}

int CategoryChart::seriesCount() const { return plot()->plottableCount(); }

double CategoryChart::seriesTotal(int series) const {
    auto * bars = qobject_cast<QCPBars *>(plot()->plottable(series));
    double sum = 0;
    if (bars)
        for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
            sum += it->value;
    return sum;
}

} // namespace rapidun::ui
