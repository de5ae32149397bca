#include "category_chart.h"

#include <qcustomplot.h>

#include <QFontMetrics>
#include <QResizeEvent>
#include <QShowEvent>

#include <algorithm>

namespace rapidun::ui {

CategoryChart::CategoryChart(QWidget * parent) : QWidget(parent) {
    plot_ = new QCustomPlot(this);
    plot_->resize(sizeHint());   // no layout: resizeEvent() keeps it the chart's size (never empty)
    plot_->setObjectName(QStringLiteral("categoryPlot"));
    plot_->setBackground(palette().base());
    plot_->setNoAntialiasingOnDrag(true);

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
    plot_->yAxis->setNumberFormat(QStringLiteral("f"));   // counts: no exponents, no decimals
    plot_->yAxis->setNumberPrecision(0);
    plot_->yAxis->ticker()->setTickCount(5);
    plot_->yAxis->setPadding(6);

    plot_->legend->setVisible(true);
    plot_->legend->setFont(font());
    plot_->legend->setTextColor(text);
    plot_->legend->setBrush(QBrush(palette().color(QPalette::Base)));
    plot_->legend->setBorderPen(QPen(palette().color(QPalette::Mid)));
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
}

void CategoryChart::setTitle(const QString & title) {
    title_->setText(title);
    refresh();
}

void CategoryChart::setAxisLabels(const QString & x, const QString & y) {
    plot_->xAxis->setLabel(x);
    plot_->yAxis->setLabel(y);
    refresh();
}

void CategoryChart::clear() {
    plot_->clearPlottables();
    categories_.clear();
    fitTickLabels();
    refresh();
}

void CategoryChart::setData(const QStringList & categories, const QVector<Series> & stack) {
    plot_->clearPlottables();
    categories_ = categories;

    QVector<double> keys;
    for (int i = 0; i < categories.size(); ++i)
        keys << i + 1;

    QVector<double> totals(categories.size(), 0.0);
    QCPBars * below = nullptr;
    for (const Series & s : stack) {
        auto * bars = new QCPBars(plot_->xAxis, plot_->yAxis);
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
    plot_->xAxis->setRange(0.4, categories.size() + 0.6);
    plot_->yAxis->setRange(0, top * 1.5);   // room for the two-row legend above the tallest bar
    fitTickLabels();
    refresh();
}

void CategoryChart::refresh() {
    if (isVisible() && plot_->width() > 0 && plot_->height() > 0)
        plot_->replot(QCustomPlot::rpQueuedReplot);
}

void CategoryChart::resizeEvent(QResizeEvent * event) {
    QWidget::resizeEvent(event);
    // The plot follows the chart's size, but never to an empty one: a hidden, never-shown page is
    // laid out to sizes like 24x0, and QCustomPlot would replot into a 0-pixel buffer (warnings).
    if (!event->size().isEmpty())
        plot_->setGeometry(rect());
    fitTickLabels();
    refresh();
}

void CategoryChart::showEvent(QShowEvent * event) {
    QWidget::showEvent(event);
    fitTickLabels();
    refresh();
}

void CategoryChart::fitTickLabels() {
    auto ticker = qSharedPointerCast<QCPAxisTickerText>(plot_->xAxis->ticker());
    ticker->clear();
    if (categories_.isEmpty())
        return;
    const QFontMetrics fm(plot_->xAxis->tickLabelFont());
    int widestWord = 0;
    for (const QString & label : categories_)
        for (const QString & word : label.split(QLatin1Char(' ')))
            widestWord = std::max(widestWord, fm.horizontalAdvance(word));
    const int available = plot_->width() - 90;   // the y axis, its label and the margins
    const int slot = available / int(categories_.size());
    const bool tilt = widestWord + fm.averageCharWidth() * 2 > slot;
    plot_->xAxis->setTickLabelRotation(tilt ? -30.0 : 0.0);
    for (int i = 0; i < categories_.size(); ++i) {
        QString label = categories_.at(i);
        if (!tilt)
            label.replace(QLatin1Char(' '), QLatin1Char('\n'));
        ticker->addTick(i + 1, label);
    }
}

QString CategoryChart::title() const { return title_->text(); }
QString CategoryChart::xLabel() const { return plot_->xAxis->label(); }
QString CategoryChart::yLabel() const { return plot_->yAxis->label(); }
int CategoryChart::seriesCount() const { return plot_->plottableCount(); }

QStringList CategoryChart::legendNames() const {
    QStringList names;
    if (!plot_->legend->visible())
        return names;
    for (int i = 0; i < plot_->legend->itemCount(); ++i)
        if (auto * item = qobject_cast<QCPPlottableLegendItem *>(plot_->legend->item(i)))
            names << item->plottable()->name();
    return names;
}

double CategoryChart::seriesTotal(int series) const {
    auto * bars = qobject_cast<QCPBars *>(plot_->plottable(series));
    double sum = 0;
    if (bars)
        for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
            sum += it->value;
    return sum;
}

} // namespace rapidun::ui
