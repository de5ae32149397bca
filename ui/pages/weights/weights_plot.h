// Base of the Weights page's charts: a QCustomPlot with a title, axis labels and a legend.
// Qt-only interface: QCustomPlot stays inside rapidun_page_weights_plots, which is compiled without
// QT_NO_KEYWORDS (qcustomplot.h uses `signals:`). No user-visible text of its own: callers pass
// translated strings. GUI thread only.
#pragma once
#include <QStringList>
#include <QWidget>

class QCustomPlot;
class QCPTextElement;

namespace rapidun::ui {

class WeightsPlot : public QWidget {
    Q_OBJECT
public:
    explicit WeightsPlot(QWidget * parent = nullptr);

    void setTitle(const QString & title);
    void setAxisLabels(const QString & x, const QString & y);

    QString     title() const;
    QString     xLabel() const;
    QString     yLabel() const;
    QStringList legendNames() const;   // the legend's entries, in order

    // Draws now when visible (the time a knob move costs); a hidden chart draws when shown.
    void redraw();

    QSize sizeHint() const override { return {420, 280}; }
    QSize minimumSizeHint() const override { return {280, 200}; }

protected:
    void showEvent(QShowEvent * event) override;

    QCustomPlot * plot_ = nullptr;

private:
    QCPTextElement * title_ = nullptr;
    bool             dirty_ = true;
};

} // namespace rapidun::ui
