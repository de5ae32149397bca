// A stacked bar chart of counts per category (QCustomPlot's QCPBars), with a title, axis labels and a
// legend. Qt-only interface: QCustomPlot stays inside rapidun_plots, which is compiled without
// QT_NO_KEYWORDS (qcustomplot.h uses `signals:`). The chart holds no user-visible text of its own:
// the caller passes translated strings.
#pragma once
#include <QColor>
#include <QStringList>
#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPTextElement;

namespace rapidun::ui {

class CategoryChart : public QWidget {
    Q_OBJECT
public:
    // One layer of the stack, bottom first; values[i] belongs to categories[i].
    struct Series {
        QString         name;
        QColor          color;
        QVector<double> values;
    };

    explicit CategoryChart(QWidget * parent = nullptr);

    void setTitle(const QString & title);
    void setAxisLabels(const QString & x, const QString & y);
    // Category names may contain spaces: they become line breaks when the labels stand upright, and
    // the labels are tilted (on one line) when even the wrapped names would touch.
    void setData(const QStringList & categories, const QVector<Series> & stack);
    void clear();

    // What is drawn (tests, accessibility).
    QString title() const;
    QString xLabel() const;
    QString yLabel() const;
    QStringList categories() const { return categories_; }
    int seriesCount() const;
    QStringList legendNames() const;   // the legend's entries, empty when the legend is hidden
    double seriesTotal(int series) const;

    QSize sizeHint() const override { return {480, 300}; }
    QSize minimumSizeHint() const override { return {320, 220}; }

protected:
    void resizeEvent(QResizeEvent * event) override;
    void showEvent(QShowEvent * event) override;

private:
    void fitTickLabels();   // wraps or tilts the category labels so that they never touch
    void refresh();         // replots when drawable; a hidden or empty-sized chart replots when shown

    QCustomPlot *    plot_ = nullptr;
    QCPTextElement * title_ = nullptr;
    QStringList      categories_;
};

} // namespace rapidun::ui
