// A grouped bar chart: one group of bars per category, one bar per series (QCustomPlot's QCPBars in
// a QCPBarsGroup), with a title, axis labels and a legend. Qt-only interface: QCustomPlot stays in
// rapidun_page_compare_plots, which is compiled without QT_NO_KEYWORDS (qcustomplot.h uses
// `signals:`). The chart holds no user-visible text of its own: the caller passes translated strings.
#pragma once
#include <QColor>
#include <QStringList>
#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPBarsGroup;
class QCPTextElement;

namespace rapidun::ui {

class GroupedBarChart : public QWidget {
    Q_OBJECT
public:
    // values[i] belongs to categories[i]; NaN draws no bar (a value the side does not have).
    struct Series {
        QString         name;
        QColor          color;
        QVector<double> values;
    };

    explicit GroupedBarChart(QWidget * parent = nullptr);

    void setTitle(const QString & title);
    void setAxisLabels(const QString & x, const QString & y);
    void setData(const QStringList & categories, const QVector<Series> & series);
    void clear();

    // What is drawn (tests, accessibility).
    QString title() const;
    QString xLabel() const;
    QString yLabel() const;
    QStringList categories() const { return categories_; }
    int seriesCount() const;
    QStringList legendNames() const;
    double value(int series, int category) const;   // NaN where no bar is drawn

    QSize sizeHint() const override { return {420, 280}; }
    QSize minimumSizeHint() const override { return {280, 200}; }

protected:
    void resizeEvent(QResizeEvent * event) override;
    void showEvent(QShowEvent * event) override;

private:
    void refresh();   // replots when drawable; a hidden chart replots when shown

    QCustomPlot *    plot_ = nullptr;
    QCPBarsGroup *   group_ = nullptr;
    QCPTextElement * title_ = nullptr;
    QStringList      categories_;
};

} // namespace rapidun::ui
