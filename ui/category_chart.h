// A stacked bar chart of counts per category (QCustomPlot's QCPBars), with a title, axis labels and a
// legend. Qt-only interface: QCustomPlot stays inside rapidun_plots, which is compiled without
// QT_NO_KEYWORDS (qcustomplot.h uses `signals:`). The chart holds no user-visible text of its own:
// the caller passes translated strings.
#pragma once
#include "plot_widget.h"

#include <QStringList>

namespace rapidun::ui {

class CategoryChart : public PlotWidget {
    Q_OBJECT
public:
    using Series = BarSeries;   // one layer of the stack, bottom first

    explicit CategoryChart(QWidget * parent = nullptr);

    using PlotWidget::setTitle;
    // Category names may contain spaces: they become line breaks when the labels stand upright, and
    // the labels are tilted (on one line) when even the wrapped names would touch.
    void setData(const QStringList & categories, const QVector<Series> & stack);
    void clear();

    // What is drawn (tests, accessibility); xLabel(), yLabel(), legendNames(): see PlotWidget.
    using PlotWidget::title;
    QStringList categories() const { return categories_; }
    int seriesCount() const;
    double seriesTotal(int series) const;

    QSize sizeHint() const override { return {480, 300}; }
    QSize minimumSizeHint() const override { return {320, 220}; }

protected:
    // Wraps or tilts the category labels so that they never touch (they depend on the plot's width).
    void beforeRefresh() override;

private:
    QStringList categories_;
};

} // namespace rapidun::ui
