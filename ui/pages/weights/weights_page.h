// The "Weights" page: RapidUn's score -> weight mapping (method doc 4-5, rapidun/unlearn/weights.h)
// with every knob live, on the workspace's four influence views (W/influence, as `rapidun weights
// --workspace W` reads them), and Save, which writes what that command writes.
//
// Choices where the issue is silent:
//  - Knobs: top-k, value / rank mode, per-test robust scaling, alpha, beta, gamma, delta, the four
//    harmful coefficients, tau, w_min and w_max per group, the sigma (MAD floor / mean-AD fallback)
//    and bounds (before / after normalising) alternatives. Numbers are slider + spin box; modes are
//    combo boxes / a check box. Presets: the paper's and the documented alternative (both fixes);
//    the box shows "Custom" when the knobs match neither.
//  - Plots, per group (forget top, retain bottom): score -> weight (the mapping as a line, each
//    sample as a point, the clip levels dashed) and a 40-bin histogram of the final weights over
//    [0, upper clip level]. Above 4,000 samples the scatter draws one sample per 2x2 px cell
//    (MappingCurveChart); the legend counts all. Summary table: samples, median score, MAD, sigma,
//    clipped low / high, min / median / max / mean weight.
//  - Recompute: 10 ms after the last knob move (coalesces a preset's 20 changes), synchronous on the
//    GUI thread (it takes milliseconds: see WeightsEngine); the status line shows the time spent.
//    Invalid combinations (w_min > w_max; bounds after normalising with 1 outside [w_min, w_max])
//    show core's message there and disable Save; they are not failures.
//  - Loading reads the four JSON files off the GUI thread (JobRunner). Save also writes
//    W/weights/weights_settings.json; when it exists, loading restores the knobs from it.
//  - weightsSaved(dir) names the weights folder (W/weights).
#pragma once
#include "rapidun/unlearn/weights.h"

#include <QPointF>
#include <QVector>
#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;

namespace rapidun::ui {

class JobRunner;
class KnobRow;
class MappingCurveChart;
class WeightHistogramChart;
class WeightsEngine;
class WeightsKnobPanel;
class WeightsSummaryModel;

class WeightsPage : public QWidget {
    Q_OBJECT
public:
    enum class Group { Forget, Retain };
    struct Timing {
        double computeMs = 0, redrawMs = 0;   // wall time of the mapping and of the four charts + table
    };

    explicit WeightsPage(QWidget * parent = nullptr);
    ~WeightsPage() override;

    void setWorkspace(const QString & dir);   // loads W/influence (asynchronously); again = reload
    void clear();
    // Cancels this page's jobs, waits for their workers without running the event loop and drops their
    // outcomes (JobRunner::shutdown); later jobs are refused. The window calls it before any page goes.
    void shutdown();

    // State (tests, the window).
    WeightOptions          options() const;              // what the knobs show
    const RapidUnWeights & weights() const { return weights_; }   // last computed (valid() tells)
    bool valid() const { return valid_; }
    bool isLoading() const;
    bool hasInfluence() const { return engine_ != nullptr; }
    bool recomputePending() const;
    bool showsEmptyState() const;
    QString emptyStateText() const;
    QString statusText() const;

    // What is plotted, as (score, weight) / bin edges and counts.
    QVector<QPointF> plottedSamples(Group g) const;
    QVector<QPointF> plottedCurve(Group g) const;
    QVector<double>  histogramEdges(Group g) const;
    QVector<double>  histogramCounts(Group g) const;

    // Widgets (tests find knobs by name: see WeightsKnobPanel).
    KnobRow *              knob(const QString & name) const;
    WeightsKnobPanel *     knobPanel() const { return knobs_; }
    MappingCurveChart *    curveChart(Group g) const { return curve_[int(g)]; }
    WeightHistogramChart * histogramChart(Group g) const { return histogram_[int(g)]; }
    WeightsSummaryModel *  summaryModel() const { return summary_; }
    QPushButton *          saveButton() const { return save_; }

    Timing recomputeNow();   // recompute + redraw now, timed (the benchmark; pending moves included)
    bool   save();           // what Save does: true when the three files were written

Q_SIGNALS:
    void weightsSaved(const QString & dir);
    void failure(const QString & title, const QString & details);

private:
    QWidget * createContent();
    void showEmpty(const QString & text);
    void startLoad();
    void redraw();
    void drawGroup(Group g, const GroupWeights & w, double tau, double wMin, double wMax);

    QStackedWidget *       stack_ = nullptr;
    QLabel *               empty_ = nullptr;
    QLabel *               loading_ = nullptr;
    QWidget *              content_ = nullptr;
    WeightsKnobPanel *     knobs_ = nullptr;
    MappingCurveChart *    curve_[2] = {};
    WeightHistogramChart * histogram_[2] = {};
    WeightsSummaryModel *  summary_ = nullptr;
    QTableView *           summaryView_ = nullptr;
    QPushButton *          save_ = nullptr;
    QLabel *               status_ = nullptr;
    QTimer *               debounce_ = nullptr;
    JobRunner *            loader_ = nullptr;

    QString                        workspaceDir_, influenceDir_, weightsDir_;
    std::shared_ptr<WeightsEngine> engine_;
    RapidUnWeights                 weights_;
    WeightOptions                  computedWith_;
    bool                           valid_ = false;
    bool                           reloadPending_ = false;   // setWorkspace while a load ran
    int                            generation_ = 0;          // drops a finished load that is stale
    std::vector<int64_t>           order_[2];                // samples by score, per group (reused)
};

} // namespace rapidun::ui
