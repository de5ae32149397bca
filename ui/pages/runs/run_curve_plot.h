// The curves of one unlearning run on QCustomPlot: the training loss L(B) of every optimiser step
// (live while the run goes) and the evaluation curve of metrics.jsonl (forget poisoned CE, forget
// clean CE, retain CE; nats, means over the evaluated rows) against the step. One x axis (step), one
// y axis (nats): the loss and the CEs share the unit. Qt-only interface: QCustomPlot stays inside
// rapidun_page_runs_plots (compiled without QT_NO_KEYWORDS). No user-visible text of its own: the
// caller passes translated names.
#pragma once
#include "plot_widget.h"

#include <QPointF>
#include <QStringList>
#include <QVector>

class QCPGraph;

namespace rapidun::ui {

class RunCurvePlot : public PlotWidget {
    Q_OBJECT
public:
    enum Series { Loss = 0, ForgetPoisoned, ForgetClean, Retain, SeriesCount };

    explicit RunCurvePlot(QWidget * parent = nullptr);

    // names: one per Series, in enum order (legend entries).
    void setSeriesNames(const QStringList & names);
    using PlotWidget::setTitle;

    // Appends (step, value) points to one series; NaN values are skipped (a set without rows).
    void append(Series s, const QVector<double> & steps, const QVector<double> & values);
    // Replaces one series.
    void setSeries(Series s, const QVector<double> & steps, const QVector<double> & values);
    void clear();   // every series, and the title

    // What is drawn (tests, accessibility).
    int pointCount(Series s) const;
    QVector<QPointF> points(Series s) const;
    using PlotWidget::title;

    QSize sizeHint() const override { return {520, 300}; }
    QSize minimumSizeHint() const override { return {320, 200}; }

protected:
    void beforeRefresh() override;   // rescales the axes to the data

private:
    QCPGraph * graphs_[SeriesCount] = {};
};

} // namespace rapidun::ui
