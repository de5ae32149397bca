// A histogram of ranking scores, poisoned and clean rows stacked (QCustomPlot's QCPBars), on which
// the user brushes a score range with the mouse (press, drag, release; a click without a drag or a
// double click clears it). Qt-only interface: QCustomPlot stays inside rapidun_page_influence_plots,
// which is compiled without QT_NO_KEYWORDS. The caller passes every user-visible string.
#pragma once
#include "plot_widget.h"

#include <QPair>
#include <QString>
#include <QVector>

#include <cstdint>
#include <vector>

class QCPBars;
class QCPItemRect;
class QMouseEvent;

namespace rapidun::ui {

class ScoreHistogram : public PlotWidget {
    Q_OBJECT
public:
    explicit ScoreHistogram(QWidget * parent = nullptr);

    void setLabels(const QString & title, const QString & x, const QString & y, const QString & poisoned,
                   const QString & clean);
    // score[i] NaN rows are not counted; poisoned[i] != 0 stacks row i on the poisoned bars. bins >= 1
    // equal-width bins over [min, max] of the finite scores.
    void setScores(const std::vector<double> & score, const std::vector<uint8_t> & poisoned, int bins = 40);
    void clear();

    // Brushes [lo, hi] as a release of the mouse would (draws it, emits rangeBrushed).
    void brush(double lo, double hi);
    // Draws [lo, hi] without emitting (the filter bar's spin boxes changed it); lo > hi hides it.
    void showRange(double lo, double hi);
    void clearBrush();   // emits brushCleared when a range was shown
    bool hasBrush() const { return hasBrush_; }
    QPair<double, double> brushedRange() const { return {lo_, hi_}; }

    // What is drawn (tests): counts per bin of the clean (series 0) and poisoned (series 1) bars.
    QVector<double> counts(int series) const;
    QPair<double, double> scoreRange() const { return {min_, max_}; }
    QWidget * plotWidget() const;   // the QCustomPlot (mouse events in tests)

    QSize sizeHint() const override { return {420, 200}; }
    QSize minimumSizeHint() const override { return {240, 140}; }

Q_SIGNALS:
    void rangeBrushed(double lo, double hi);
    void brushCleared();

private:
    void onPress(QMouseEvent * event);
    void onMove(QMouseEvent * event);
    void onRelease(QMouseEvent * event);
    void drawRange(double lo, double hi);

    QCPBars *     clean_ = nullptr;
    QCPBars *     poisoned_ = nullptr;
    QCPItemRect * rect_ = nullptr;
    double        min_ = 0, max_ = 0, lo_ = 0, hi_ = 0;
    double        pressX_ = 0;
    int           pressPixel_ = 0;
    bool          dragging_ = false, hasBrush_ = false;
};

} // namespace rapidun::ui
