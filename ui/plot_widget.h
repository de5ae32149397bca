// Base of the studio's QCustomPlot charts: owns the plot (a child kept the widget's size, never an
// empty one), an optional bold title row, and the palette's look (base background, text-coloured axes
// and legend). Qt-only interface: QCustomPlot stays inside the *_plots libraries, which are compiled
// without QT_NO_KEYWORDS (qcustomplot.h uses `signals:`). No user-visible text of its own: callers pass
// translated strings. GUI thread only.
#pragma once
#include <QColor>
#include <QString>
#include <QStringList>
#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPTextElement;

namespace rapidun::ui {

// One series of the bar charts (CategoryChart, GroupedBarChart): values[i] belongs to categories[i].
struct BarSeries {
    QString         name;
    QColor          color;
    QVector<double> values;
};

class PlotWidget : public QWidget {
    Q_OBJECT
public:
    void setAxisLabels(const QString & x, const QString & y);   // refreshes

    // What is drawn (tests, accessibility).
    QString     xLabel() const;
    QString     yLabel() const;
    QStringList legendNames() const;   // the legend's entries, in order; empty when it is hidden

    // Every chart's context menu offers these: the chart as drawn, at its size on screen, written
    // atomically as PNG (2x pixels), SVG or PDF (vector), chosen by the path's suffix. Returns false
    // and leaves any existing file as it was when it cannot be written (or the suffix is another).
    bool saveChart(const QString & path);

protected:
    enum class Title { None, Normal, Large };   // Large: 1.1 x the widget font

    // plotName: the QCustomPlot's object name. Subclasses without a layout-given size resize plot()
    // to their sizeHint() (the base cannot call it while constructing).
    PlotWidget(const QString & plotName, Title title, QWidget * parent);

    QCustomPlot * plot() const { return plot_; }

    // Titled subclasses publish these (`using`); a plot without a title row has none to set.
    void    setTitle(const QString & title);   // refreshes
    QString title() const;

    // Moves the legend to a row of its own under the axis rectangle, filled left to right, so it never
    // hides a bar, a point or a curve (inside the axes it did, whatever corner it took, once the data
    // filled the plot). columns: entries per line (narrow plots with long names: 1).
    void placeLegendBelow(int columns = 4);

    // beforeRefresh(), then a queued replot when drawable (many changes in one event-loop turn replot
    // once); a hidden or empty-sized plot replots when shown.
    void refresh();
    bool drawable() const;
    virtual void beforeRefresh() {}   // e.g. rescale the axes, refit the tick labels

    void resizeEvent(QResizeEvent * event) override;
    void showEvent(QShowEvent * event) override;

private:
    void showChartMenu(const QPoint & pos);

    QCustomPlot *    plot_ = nullptr;
    QCPTextElement * title_ = nullptr;
};

} // namespace rapidun::ui
