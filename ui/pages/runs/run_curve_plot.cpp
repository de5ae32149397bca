#include "run_curve_plot.h"

#include "plot_legend.h"

#include <qcustomplot.h>

#include <QResizeEvent>
#include <QShowEvent>

#include <cmath>

namespace rapidun::ui {

RunCurvePlot::RunCurvePlot(QWidget * parent) : QWidget(parent) {
    plot_ = new QCustomPlot(this);
    plot_->resize(sizeHint());   // no layout: resizeEvent() keeps it the widget's size (never empty)
    plot_->setObjectName(QStringLiteral("runCurvePlot"));
    plot_->setBackground(palette().base());
    plot_->setNoAntialiasingOnDrag(true);

    QFont titleFont = font();
    titleFont.setBold(true);
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

    // Loss: thin and grey (noisy, one point a step); the evaluation curves: coloured, with markers
    // (a few points: step 0, every eval_every steps, the end).
    const QColor colors[SeriesCount] = {QColor(140, 140, 140), QColor(200, 60, 50), QColor(40, 150, 70), QColor(50, 100, 200)};
    for (int s = 0; s < SeriesCount; ++s) {
        QCPGraph * g = plot_->addGraph();
        QPen pen(colors[s]);
        pen.setWidthF(s == Loss ? 1.0 : 2.0);
        g->setPen(pen);
        if (s != Loss)
            g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
        graphs_[s] = g;
    }

    plot_->legend->setVisible(true);
    plot_->legend->setFont(font());
    plot_->legend->setTextColor(text);
    plot_->legend->setBrush(QBrush(palette().color(QPalette::Base)));
    plot_->legend->setBorderPen(QPen(palette().color(QPalette::Mid)));
    placeLegendBelow(plot_);
}

void RunCurvePlot::setSeriesNames(const QStringList & names) {
    for (int s = 0; s < SeriesCount && s < names.size(); ++s)
        graphs_[s]->setName(names.at(s));
    refresh();
}

void RunCurvePlot::setAxisLabels(const QString & x, const QString & y) {
    plot_->xAxis->setLabel(x);
    plot_->yAxis->setLabel(y);
    refresh();
}

void RunCurvePlot::setTitle(const QString & title) {
    title_->setText(title);
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
    title_->setText(QString());
    refresh();
}

int RunCurvePlot::pointCount(Series s) const { return graphs_[s]->data()->size(); }

QVector<QPointF> RunCurvePlot::points(Series s) const {
    QVector<QPointF> out;
    for (auto it = graphs_[s]->data()->constBegin(); it != graphs_[s]->data()->constEnd(); ++it)
        out << QPointF(it->key, it->value);
    return out;
}

QString RunCurvePlot::title() const { return title_->text(); }

void RunCurvePlot::refresh() {
    plot_->rescaleAxes();
    // A single point or a flat curve gives an empty range: widen it so the point is drawn inside.
    if (plot_->xAxis->range().size() <= 0)
        plot_->xAxis->setRange(plot_->xAxis->range().lower - 1, plot_->xAxis->range().upper + 1);
    else   // 2 % each side: the first and last markers are drawn whole
        plot_->xAxis->scaleRange(1.04, plot_->xAxis->range().center());
    if (plot_->yAxis->range().size() <= 0)
        plot_->yAxis->setRange(plot_->yAxis->range().lower - 0.5, plot_->yAxis->range().upper + 0.5);
    else
        plot_->yAxis->scaleRange(1.1, plot_->yAxis->range().center());
    if (isVisible() && plot_->width() > 0 && plot_->height() > 0)
        plot_->replot(QCustomPlot::rpQueuedReplot);
}

void RunCurvePlot::resizeEvent(QResizeEvent * event) {
    QWidget::resizeEvent(event);
    // Never an empty plot: a hidden page is laid out to sizes like 24x0, and QCustomPlot would replot
    // into a 0-pixel buffer (warnings).
    if (!event->size().isEmpty())
        plot_->setGeometry(rect());
    refresh();
}

void RunCurvePlot::showEvent(QShowEvent * event) {
    QWidget::showEvent(event);
    refresh();
}

} // namespace rapidun::ui
