// A grouped bar chart: one group of bars per category, one bar per series (QCustomPlot's QCPBars in
// a QCPBarsGroup), with a title, axis labels and a legend. Qt-only interface: QCustomPlot stays in
// rapidun_page_compare_plots, which is compiled without QT_NO_KEYWORDS (qcustomplot.h uses
// `signals:`). The chart holds no user-visible text of its own: the caller passes translated strings.
#pragma once
#include "plot_widget.h"

#include <QStringList>

class QCPBarsGroup;

namespace rapidun::ui {

class GroupedBarChart : public PlotWidget {
    Q_OBJECT
public:
    using Series = BarSeries;   // a NaN value draws no bar (a value the side does not have)

    explicit GroupedBarChart(QWidget * parent = nullptr);

    using PlotWidget::setTitle;
    void setData(const QStringList & categories, const QVector<Series> & series);
    void clear();

    // What is drawn (tests, accessibility); xLabel(), yLabel(), legendNames(): see PlotWidget.
    using PlotWidget::title;
    QStringList categories() const { return categories_; }
    int seriesCount() const;
    double value(int series, int category) const;   // NaN where no bar is drawn

    QSize sizeHint() const override { return {420, 280}; }
    QSize minimumSizeHint() const override { return {280, 200}; }

private:
    QCPBarsGroup * group_ = nullptr;
    QStringList    categories_;
};

} // namespace rapidun::ui
