// bench_weights_page: what one knob move costs on the Weights page at Alpaca scale. Not a test.
//
// Data, generated deterministically (seed 20251128) and written as a workspace's RapidIn files:
// 64 forget rows and a retain set of 52,002 rows (52,066 samples); the retain queries of FR and RR
// are 32 sampled retain rows; every list holds every train row (so top-k can reach 52,002).
// Influence I(t, i) = b_i + e_ti with b_i, e_ti ~ N(0, 1) (float32). Two settings: top-k 40 (the
// paper's; after the median most retain scores are exactly 0) and top-k 52,002 (every retain row
// has its own score and weight: the most points to draw). The page is shown offscreen at 1600x1000;
// each knob is moved 20 times (a new value each time) and the page's own timing of the mapping
// (recompute) and of the four charts + summary table (redraw, an immediate repaint) is taken; total
// is the wall time of the move itself (spin box set + recompute + redraw). Medians are printed.
//
//   build/bin/bench_weights_page            (QT_QPA_PLATFORM defaults to offscreen)
#include "knob_row.h"
#include "mapping_curve_chart.h"
#include "weights_knob_panel.h"
#include "weights_page.h"

#include "rapidun/influence/influence.h"
#include "rapidun/io/atomic_file.h"
#include "rapidun/workspace/workspace.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QPixmap>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <random>

using namespace rapidun;
using rapidun::ui::WeightsPage;

namespace {

constexpr int64_t  kForget = 64, kRetain = 52002, kQueries = 32;
constexpr uint64_t kSeed = 20251128;
constexpr int      kMoves = 20;

// [n_test, n_train] with I(t, i) = bias[i] + N(0, 1).
InfluenceMatrix matrix(int64_t nTest, const std::vector<float> & bias, std::mt19937_64 & rng) {
    std::normal_distribution<float> noise(0.f, 1.f);
    InfluenceMatrix m;
    m.n_test = nTest;
    m.n_train = int64_t(bias.size());
    m.values.resize(size_t(m.n_test * m.n_train));
    for (int64_t t = 0; t < nTest; t++)
        for (int64_t i = 0; i < m.n_train; i++)
            m.values[size_t(t * m.n_train + i)] = bias[size_t(i)] + noise(rng);
    return m;
}

void writeView(const std::string & dir, InfluenceView v, const InfluenceMatrix & m) {
    std::vector<nlohmann::json> tests;
    for (int64_t t = 0; t < m.n_test; t++)
        tests.push_back({{"id", t}});
    write_rapidin_json(dir + "/" + rapidin_file_name(v, m.n_train), m, tests, "bench_weights_page", m.n_train);
}

void writeWorkspace(const std::string & dir) {
    Workspace w;
    w.dir = dir;
    w.name = "bench_weights_page";
    w.save();
    make_directories(dir + "/influence");
    std::mt19937_64 rng(kSeed);
    std::normal_distribution<float> unit(0.f, 1.f);
    std::vector<float> forgetBias(kForget), retainBias(kRetain);
    for (float & b : forgetBias) b = unit(rng);
    for (float & b : retainBias) b = unit(rng);
    const std::string infl = dir + "/influence";
    writeView(infl, InfluenceView::FF, matrix(kForget, forgetBias, rng));
    writeView(infl, InfluenceView::FR, matrix(kQueries, forgetBias, rng));
    writeView(infl, InfluenceView::RF, matrix(kForget, retainBias, rng));
    writeView(infl, InfluenceView::RR, matrix(kQueries, retainBias, rng));
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// Moves each knob kMoves times from the current settings; returns the worst median total (ms).
double runKnobs(QApplication & app, WeightsPage & page, int64_t topk) {
    for (int g = 0; g < 2; g++)
        std::printf("%s: %d samples, %lld points drawn (one per 2x2 px cell above %d)\n", g ? "retain" : "forget",
                    page.curveChart(WeightsPage::Group(g))->sampleCount(),
                    (long long)page.plottedSamples(WeightsPage::Group(g)).size(), ui::MappingCurveChart::kDecimateAbove);
    if (!qEnvironmentVariableIsEmpty("BENCH_SCREENSHOT"))   // a PNG of the page as loaded, to look at
        page.grab().save(qEnvironmentVariable("BENCH_SCREENSHOT") + QStringLiteral("-topk%1.png").arg(topk));
    auto spinMoves = [&](const char * name, double v0, double dv) {
        return std::function<void(int)>([&page, name, v0, dv](int k) { page.knob(QLatin1String(name))->spinBox()->setValue(v0 + dv * k); });
    };
    struct Knob {
        const char *              name;
        std::function<void(int)>  move;   // move k of kMoves
    };
    const std::vector<Knob> knobs = {
        {"tau_f", spinMoves("tauF", 0.40, 0.05)},
        {"tau_r", spinMoves("tauR", 0.60, 0.05)},
        {"w_max_r", spinMoves("wMaxR", 1.5, 0.1)},
        {"gamma", spinMoves("gamma", 0.5, 0.05)},
        {"top-k (new k each move)", spinMoves("topk", double(topk) - 1, -std::max(1.0, double(topk / 100)))},
        {"sigma scale (toggle)", [&page](int k) { page.knobPanel()->scaleBox()->setCurrentIndex(k % 2 ? 0 : 1); }},
        {"bounds (toggle)", [&page](int k) { page.knobPanel()->boundsBox()->setCurrentIndex(k % 2 ? 0 : 1); }},
        {"preset (paper <-> alternative; top-k 40)", [&page](int k) { page.knobPanel()->presetBox()->setCurrentIndex(k % 2 ? 0 : 1); }},
    };
    double worst = 0;
    std::printf("%-42s %12s %12s %12s %10s\n", "knob (median of 20 moves)", "recompute ms", "redraw ms", "total ms", "max total");
    for (const Knob & knob : knobs) {
        std::vector<double> compute, redraw, total;
        for (int k = 0; k < kMoves; k++) {
            QElapsedTimer move;
            move.start();
            knob.move(k);
            const WeightsPage::Timing t = page.recomputeNow();
            total.push_back(move.nsecsElapsed() / 1e6);
            compute.push_back(t.computeMs);
            redraw.push_back(t.redrawMs);
            app.processEvents();
            if (!page.valid()) {
                std::fprintf(stderr, "bench_weights_page: %s gave no weights: %s\n", knob.name, qPrintable(page.statusText()));
                std::exit(1);
            }
        }
        const double mx = *std::max_element(total.begin(), total.end());
        worst = std::max(worst, median(total));
        std::printf("%-42s %12.1f %12.1f %12.1f %10.1f\n", knob.name, median(compute), median(redraw), median(total), mx);
    }
    page.knobPanel()->presetBox()->setCurrentIndex(0);   // back to the paper's for the next setting
    return worst;
}

} // namespace

int main(int argc, char ** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTemporaryDir tmp;
    const std::string dir = tmp.filePath(QStringLiteral("ws")).toStdString();

    QElapsedTimer clock;
    clock.start();
    writeWorkspace(dir);
    std::printf("data: %lld forget + %lld retain rows (%lld samples), %lld retain queries, full lists, seed %llu; "
                "written in %.1f s\n",
                (long long)kForget, (long long)kRetain, (long long)(kForget + kRetain), (long long)kQueries,
                (unsigned long long)kSeed, clock.nsecsElapsed() / 1e9);

    WeightsPage page;
    page.resize(1600, 1000);
    page.show();
    clock.restart();
    page.setWorkspace(QString::fromStdString(dir));
    while (page.isLoading())
        app.processEvents(QEventLoop::WaitForMoreEvents, 50);
    app.processEvents();
    if (!page.hasInfluence()) {
        std::fprintf(stderr, "bench_weights_page: the page did not load: %s\n", qPrintable(page.emptyStateText()));
        return 1;
    }
    std::printf("load (4 JSON files + first mapping + first draw): %.0f ms\n", clock.nsecsElapsed() / 1e6);

    double worst = 0;
    for (const int64_t topk : {int64_t(40), kRetain}) {
        page.knob(QStringLiteral("topk"))->spinBox()->setValue(double(topk));
        page.recomputeNow();
        std::printf("\n== top-k %lld ==\n", (long long)topk);
        worst = std::max(worst, runKnobs(app, page, topk));
    }
    std::printf("\nworst median total: %.1f ms (target < 50 ms)\n", worst);
    return worst < 50 ? 0 : 2;
}
