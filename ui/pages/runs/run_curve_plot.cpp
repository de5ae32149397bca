#include "run_curve_plot.h"

#include <qcustomplot.h>

#include <cmath>

namespace rapidun::ui {

RunCurvePlot::RunCurvePlot(QWidget * parent) : PlotWidget(QStringLiteral("runCurvePlot"), Title::Normal, parent) {
    plot()->resize(sizeHint());   // no layout: resizeEvent() keeps it the widget's size (never empty)

    // Loss: thin and grey (noisy, one point a step); the evaluation curves: coloured, with markers
    // (a few points: step 0, every eval_every steps, the end).
    const QColor colors[SeriesCount] = {QColor(140, 140, 140), QColor(200, 60, 50), QColor(40, 150, 70), QColor(50, 100, 200)};
    for (int s = 0; s < SeriesCount; ++s) {
        QCPGraph * g = plot()->addGraph();
        QPen pen(colors[s]);
        pen.setWidthF(s == Loss ? 1.0 : 2.0);
        g->setPen(pen);
        if (s != Loss)
            g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
        graphs_[s] = g;
    }
    placeLegendBelow();
}

void RunCurvePlot::setSeriesNames(const QStringList & names) {
    for (int s = 0; s < SeriesCount && s < names.size(); ++s)
        graphs_[s]->setName(names.at(s));
    refresh();
}

void RunCurvePlot::append(Series s, const QVector<double> & steps, const QVector<double> & values) {
    QVector<double> k, v;
    for (int i = 0; i < steps.size() && i < values.size(); ++i)
        if (std::isfinite(values.at(i))) {
            k << steps.at(i);
            v << values.at(i);
        }
    if (k.isEmpty())
        return;
    graphs_[s]->addData(k, v, true);
    refresh();
}

void RunCurvePlot::setSeries(Series s, const QVector<double> & steps, const QVector<double> & values) {
    graphs_[s]->data()->clear();
    append(s, steps, values);
    refresh();
}

void RunCurvePlot::clear() {
    for (QCPGraph * g : graphs_)
        g->data()->clear();
    setTitle(QString());   // refreshes
}

int RunCurvePlot::pointCount(Series s) const { return graphs_[s]->data()->size(); }

QVector<QPointF> RunCurvePlot::points(Series s) const {
    QVector<QPointF> out;
    for (auto it = graphs_[s]->data()->constBegin(); it != graphs_[s]->data()->constEnd(); ++it)
        out << QPointF(it->key, it->value);
    return out;
}

void RunCurvePlot::beforeRefresh() {
    plot()->rescaleAxes();
    QCPAxis * x = plot()->xAxis;
    QCPAxis * y = plot()->yAxis;
    // A single point or a flat curve gives an empty range: widen it so the point is drawn inside.
    if (x->range().size() <= 0)
        x->setRange(x->range().lower - 1, x->range().upper + 1);
    else   // 2 % each side: the first and last markers are drawn whole
        x->scaleRange(1.04, x->range().center());
    if (y->range().size() <= 0)
        y->setRange(y->range().lower - 0.5, y->range().upper + 0.5);
    else
        y->scaleRange(1.1, y->range().center());
}

} // namespace rapidun::ui
