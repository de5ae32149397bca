// The Weights page on the tiny synthetic lab (copied to a temporary folder; influence computed there
// with core's run_workspace_influence): the empty state before influence, knob moves against
// rapidun_weights() called directly, slider / spin box sync, presets, Save read back with
// read_weights_jsonl, the summary model under QAbstractItemModelTester, and the page's sparse
// aggregation against core on synthetic lists (odd test counts, ties, negative values, repeats).
// To add a case: move a knob as a user would, wait for !recomputePending(), call expectCore().
#include "knob_row.h"
#include "mapping_curve_chart.h"
#include "weights_engine.h"
#include "weights_knob_panel.h"
#include "weights_page.h"
#include "weights_settings.h"
#include "weights_summary_model.h"

#include "rapidun/influence/workspace_influence.h"
#include "rapidun/workspace/workspace.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <filesystem>
#include <random>

using namespace rapidun;
using rapidun::ui::WeightsPage;
using Group = WeightsPage::Group;

namespace {

constexpr double kTol = 1e-9;

// Stops the test when a helper's check failed (QVERIFY in a helper only leaves the helper).
#define CHECK(call)                      \
    do {                                 \
        call;                            \
        if (QTest::currentTestFailed())  \
            return;                      \
    } while (false)

QString fixtureLab() { return QStringLiteral(RAPIDUN_TEST_LAB_DIR); }

// (score, weight) pairs in plot order: by score, then weight.
QVector<QPointF> sortedPairs(const GroupWeights & g) {
    QVector<QPointF> out;
    for (size_t i = 0; i < g.score.size(); i++)
        out.append(QPointF(g.score[i], g.weight[i]));
    std::sort(out.begin(), out.end(), [](const QPointF & a, const QPointF & b) {
        return a.x() < b.x() || (a.x() == b.x() && a.y() < b.y());
    });
    return out;
}

QVector<QPointF> sortedPoints(QVector<QPointF> p) {
    std::sort(p.begin(), p.end(), [](const QPointF & a, const QPointF & b) {
        return a.x() < b.x() || (a.x() == b.x() && a.y() < b.y());
    });
    return p;
}

void expectClose(const std::vector<double> & a, const std::vector<double> & b, const char * what) {
    QVERIFY2(a.size() == b.size(), what);
    for (size_t i = 0; i < a.size(); i++)
        QVERIFY2(std::fabs(a[i] - b[i]) <= kTol, qPrintable(QStringLiteral("%1[%2]: %3 vs %4").arg(what).arg(i).arg(a[i]).arg(b[i])));
}

// Random RapidIn lists: n_test rows over n_train items, each listing `listed` items (helpful
// descending, harmful ascending), values on a coarse grid so that ties and exact zeros occur.
RapidInResults syntheticResults(int nTest, int nTrain, int listed, uint64_t seed, bool repeat = false) {
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<int> grid(-6, 9);
    RapidInResults r;
    for (int t = 0; t < nTest; t++) {
        std::vector<std::pair<int64_t, double>> all;
        for (int i = 0; i < nTrain; i++)
            all.push_back({i, grid(rng) * 0.25});
        std::shuffle(all.begin(), all.end(), rng);
        all.resize(size_t(listed));
        if (repeat && t == 1)
            all[1].first = all[0].first;   // a train index listed twice in one test row
        RapidInEntry e;
        auto byValue = all;
        std::stable_sort(byValue.begin(), byValue.end(), [](auto & a, auto & b) { return a.second > b.second; });
        for (auto & p : byValue)
            e.helpful.push_back(p.first), e.helpful_infl.push_back(p.second);
        std::reverse(byValue.begin(), byValue.end());
        for (auto & p : byValue)
            e.harmful.push_back(p.first), e.harmful_infl.push_back(p.second);
        r.tests.push_back(e);
    }
    return r;
}

} // namespace

class TestWeightsPage : public QObject {
    Q_OBJECT

private:
    QTemporaryDir  tmp_;
    QString        ws_;
    RapidInResults ff_, fr_, rf_, rr_;
    int64_t        nForget_ = 0, nRetain_ = 0;

    RapidUnWeights core(const WeightOptions & o) const { return rapidun_weights(ff_, fr_, rf_, rr_, nForget_, nRetain_, o); }

    static void waitLoaded(WeightsPage & page) {
        QTRY_VERIFY_WITH_TIMEOUT(!page.isLoading(), 30000);
        QVERIFY2(page.hasInfluence(), qPrintable(page.emptyStateText()));
    }

    // The page's plots equal core's weights for the options the knobs show.
    void expectCore(WeightsPage & page) {
        QTRY_VERIFY(!page.recomputePending());
        QVERIFY2(page.valid(), qPrintable(page.statusText()));
        const RapidUnWeights w = core(page.options());
        const GroupWeights * groups[2] = {&w.forget, &w.retain};
        for (int g = 0; g < 2; g++) {
            const QVector<QPointF> want = sortedPairs(*groups[g]);
            const QVector<QPointF> got = sortedPoints(page.plottedSamples(Group(g)));
            QCOMPARE(got.size(), want.size());
            for (int i = 0; i < got.size(); i++) {
                QVERIFY2(std::fabs(got[i].x() - want[i].x()) <= kTol, qPrintable(QStringLiteral("score %1").arg(i)));
                QVERIFY2(std::fabs(got[i].y() - want[i].y()) <= kTol, qPrintable(QStringLiteral("weight %1").arg(i)));
            }
            // Histogram: the core weights counted into the page's bins (last bin closed).
            const QVector<double> edges = page.histogramEdges(Group(g)), counts = page.histogramCounts(Group(g));
            QCOMPARE(counts.size(), edges.size() - 1);
            QVector<double> expect(counts.size(), 0.0);
            for (double x : groups[g]->weight)
                for (int b = 0; b < counts.size(); b++)
                    if (x >= edges[b] && (x < edges[b + 1] || (b == counts.size() - 1 && x <= edges[b + 1]))) {
                        expect[b] += 1;
                        break;
                    }
            QCOMPARE(counts, expect);
        }
    }

private Q_SLOTS:
    void initTestCase() {
        if (!QFileInfo::exists(fixtureLab() + QStringLiteral("/workspace.json")))
            QSKIP("the studio_lab fixture (build/test-lab) is missing");
        QVERIFY(tmp_.isValid());
        ws_ = tmp_.filePath(QStringLiteral("lab"));
        std::filesystem::copy(fixtureLab().toStdString(), ws_.toStdString(), std::filesystem::copy_options::recursive);
        std::filesystem::remove_all((ws_ + QStringLiteral("/influence")).toStdString());
        std::filesystem::remove_all((ws_ + QStringLiteral("/weights")).toStdString());
    }

    // Before influence: the empty state, no failure; after influence, setWorkspace again loads it.
    void emptyStateThenReload() {
        WeightsPage page;
        QSignalSpy failures(&page, &WeightsPage::failure);
        page.setWorkspace(ws_);
        QVERIFY(page.showsEmptyState());
        QVERIFY(page.emptyStateText().contains(QStringLiteral("Influence")));
        QVERIFY(!page.saveButton()->isEnabled());
        QCOMPARE(failures.count(), 0);

        const Workspace w = Workspace::load(ws_.toStdString());
        const nlohmann::json summary = run_workspace_influence(w, WorkspaceInfluenceOptions{});
        auto file = [&](const char * v) { return w.resolve(summary["views"][v]["rapidin_json"].get<std::string>()); };
        ff_ = read_rapidin_json(file("FF")), fr_ = read_rapidin_json(file("FR"));
        rf_ = read_rapidin_json(file("RF")), rr_ = read_rapidin_json(file("RR"));
        nForget_ = summary["n_forget"].get<int64_t>(), nRetain_ = summary["n_retain"].get<int64_t>();

        page.setWorkspace(ws_);
        CHECK(waitLoaded(page));
        QVERIFY(!page.showsEmptyState());
        QVERIFY(page.saveButton()->isEnabled());
        QCOMPARE(int64_t(page.weights().forget.weight.size()), nForget_);
        QCOMPARE(failures.count(), 0);
        CHECK(expectCore(page));
        QVERIFY(ui::sameOptions(page.options(), WeightOptions{}));   // no saved settings: the paper's
    }

    void knobMovesChangeThePlots() {
        if (ff_.tests.empty())
            QSKIP("needs emptyStateThenReload");
        WeightsPage page;
        page.resize(1400, 900);
        page.show();
        page.setWorkspace(ws_);
        CHECK(waitLoaded(page));
        CHECK(expectCore(page));
        auto changed = [&](const QVector<QPointF> & beforeF, const QVector<QPointF> & beforeR) {
            return page.plottedSamples(Group::Forget) != beforeF || page.plottedSamples(Group::Retain) != beforeR;
        };
        QVector<QPointF> f = page.plottedSamples(Group::Forget), r = page.plottedSamples(Group::Retain);

        // tau_f by its slider: 0.05 + 30 x 0.01 = 0.35.
        page.knob(QStringLiteral("tauF"))->slider()->setValue(30);
        CHECK(expectCore(page));
        QCOMPARE(page.options().tau_f, 0.35);
        QVERIFY(changed(f, r));
        f = page.plottedSamples(Group::Forget), r = page.plottedSamples(Group::Retain);

        // An upper clip bound by its slider: 0.5 + 0 x 0.01 = 0.5. It binds whatever the lab's data:
        // the median score has z = 0, a weight of exp(0) = 1 > 0.5 before normalising (a bound of
        // 1.0 bound nothing on a lab whose forget scores all sat at or below their median). Before
        // top-k = 3: on a fresh build of the tiny lab the top-3 aggregate of every forget row was 0,
        // so every weight was 1 and no bound could move them.
        page.knob(QStringLiteral("wMaxF"))->slider()->setValue(0);
        CHECK(expectCore(page));
        QCOMPARE(page.options().w_max_f, 0.5);
        QVERIFY(changed(f, r));
        f = page.plottedSamples(Group::Forget), r = page.plottedSamples(Group::Retain);

        // top-k typed into its spin box.
        QDoubleSpinBox * topk = page.knob(QStringLiteral("topk"))->spinBox();
        topk->setFocus();
        topk->selectAll();
        QTest::keyClicks(topk, QStringLiteral("3"));
        QTest::keyClick(topk, Qt::Key_Return);
        CHECK(expectCore(page));
        QCOMPARE(page.options().agg.topk, int64_t(3));
        QVERIFY(changed(f, r));
        f = page.plottedSamples(Group::Forget), r = page.plottedSamples(Group::Retain);

        // The preset switch to the documented alternative.
        QComboBox * preset = page.knobPanel()->presetBox();
        preset->setCurrentIndex(preset->findData(int(ui::WeightsPreset::Alternative)));
        CHECK(expectCore(page));
        QVERIFY(ui::sameOptions(page.options(), ui::weightsPreset(ui::WeightsPreset::Alternative)));
        QVERIFY(changed(f, r));

        // Rank mode, per-test robust, a harmful term: still core's numbers.
        page.knobPanel()->rankModeBox()->setCurrentIndex(1);
        CHECK(expectCore(page));
        page.knobPanel()->perTestRobustBox()->setChecked(true);
        CHECK(expectCore(page));
        page.knob(QStringLiteral("deltaH"))->spinBox()->setValue(0.5);
        CHECK(expectCore(page));
        QCOMPARE(preset->currentData().toInt(), int(ui::WeightsPreset::Custom));
    }

    void sliderAndSpinBoxStayInSync() {
        WeightsPage page;
        for (const QString & name : page.knobPanel()->knobNames()) {
            ui::KnobRow * k = page.knob(name);
            QVERIFY(k);
            const int pos = k->slider()->maximum() / 3;
            k->slider()->setValue(pos);
            QCOMPARE(k->spinBox()->value(), k->spinBox()->minimum() + pos * k->spinBox()->singleStep());
            const double v = k->spinBox()->minimum() + 7 * k->spinBox()->singleStep();
            k->spinBox()->setValue(v);
            QCOMPARE(k->slider()->value(), 7);
            QCOMPARE(k->value(), k->spinBox()->value());
        }
    }

    void presetsSetAllKnobs() {
        WeightsPage page;
        for (const QString & name : page.knobPanel()->knobNames())
            page.knob(name)->slider()->setValue(page.knob(name)->slider()->maximum() / 2 + 1);
        page.knobPanel()->rankModeBox()->setCurrentIndex(1);
        page.knobPanel()->perTestRobustBox()->setChecked(true);
        QComboBox * preset = page.knobPanel()->presetBox();
        QCOMPARE(preset->currentData().toInt(), int(ui::WeightsPreset::Custom));
        for (ui::WeightsPreset p : {ui::WeightsPreset::Alternative, ui::WeightsPreset::Paper}) {
            preset->setCurrentIndex(preset->findData(int(p)));
            QVERIFY(ui::sameOptions(page.options(), ui::weightsPreset(p)));
            QCOMPARE(preset->currentData().toInt(), int(p));
        }
        QCOMPARE(page.knob(QStringLiteral("tauR"))->slider()->value(), int(std::lround((1.2 - 0.05) / 0.01)));
    }

    void saveWritesTheFiles() {
        if (ff_.tests.empty())
            QSKIP("needs emptyStateThenReload");
        WeightsPage page;
        QSignalSpy saved(&page, &WeightsPage::weightsSaved);
        QSignalSpy failures(&page, &WeightsPage::failure);
        page.setWorkspace(ws_);
        CHECK(waitLoaded(page));
        page.knob(QStringLiteral("tauR"))->spinBox()->setValue(0.9);
        page.knobPanel()->scaleBox()->setCurrentIndex(1);
        QTest::mouseClick(page.saveButton(), Qt::LeftButton);   // applies the pending move first
        QCOMPARE(saved.count(), 1);
        QCOMPARE(failures.count(), 0);
        const QString dir = saved.first().first().toString();
        QCOMPARE(dir, ws_ + QStringLiteral("/weights"));
        const RapidUnWeights w = core(page.options());
        expectClose(read_weights_jsonl((dir + QStringLiteral("/forget_weights.jsonl")).toStdString()), w.forget.weight, "forget");
        expectClose(read_weights_jsonl((dir + QStringLiteral("/retain_weights.jsonl")).toStdString()), w.retain.weight, "retain");
        QVERIFY(ui::sameOptions(read_saved_weight_options(dir.toStdString()), page.options()));

        // Opening the workspace again restores the saved knobs.
        WeightsPage again;
        again.setWorkspace(ws_);
        CHECK(waitLoaded(again));
        QCOMPARE(again.options().tau_r, 0.9);
        QVERIFY(ui::sameOptions(again.options(), page.options()));
    }

    void invalidSettingsAreNoFailure() {
        if (ff_.tests.empty())
            QSKIP("needs emptyStateThenReload");
        WeightsPage page;
        QSignalSpy failures(&page, &WeightsPage::failure);
        page.setWorkspace(ws_);
        CHECK(waitLoaded(page));
        page.knob(QStringLiteral("wMinF"))->spinBox()->setValue(1.5);
        page.knob(QStringLiteral("wMaxF"))->spinBox()->setValue(1.0);
        QTRY_VERIFY(!page.recomputePending());
        QVERIFY(!page.valid());
        QVERIFY(!page.saveButton()->isEnabled());
        QVERIFY(page.statusText().contains(QStringLiteral("w_min")));
        QCOMPARE(failures.count(), 0);
        page.knob(QStringLiteral("wMaxF"))->spinBox()->setValue(3.0);
        CHECK(expectCore(page));
    }

    // A broken influence file and a missing view: failure(title, details) naming the file, the empty
    // state, no crash; a folder that is not a workspace: the same.
    void unreadableInfluenceIsAFailure() {
        if (ff_.tests.empty())
            QSKIP("needs emptyStateThenReload");
        QTemporaryDir other;
        const QString ws = other.filePath(QStringLiteral("lab"));
        std::filesystem::copy(ws_.toStdString(), ws.toStdString(), std::filesystem::copy_options::recursive);
        const auto views = ui::findInfluenceViews((ws + QStringLiteral("/influence")).toStdString());
        QVERIFY(views.has_value());
        {
            QFile f(QString::fromStdString(views->rf));
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write("{\"config\": ");
        }
        WeightsPage page;
        QSignalSpy failures(&page, &WeightsPage::failure);
        page.setWorkspace(ws);
        QTRY_COMPARE(failures.count(), 1);
        QVERIFY(failures.first().at(1).toString().contains(QStringLiteral("RTF")));
        QVERIFY(page.showsEmptyState());
        QVERIFY(!page.hasInfluence());

        QVERIFY(QFile::remove(QString::fromStdString(views->rf)));
        page.setWorkspace(ws);
        QTRY_COMPARE(failures.count(), 2);
        QVERIFY(failures.last().at(1).toString().contains(QStringLiteral("3 of the four")));
        QVERIFY(page.showsEmptyState());

        page.setWorkspace(other.filePath(QStringLiteral("nowhere")));
        QTRY_COMPARE(failures.count(), 3);
        QVERIFY(page.showsEmptyState());
    }

    void summaryModelPassesTester() {
        if (ff_.tests.empty())
            QSKIP("needs emptyStateThenReload");
        WeightsPage page;
        QAbstractItemModelTester tester(page.summaryModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.setWorkspace(ws_);
        CHECK(waitLoaded(page));
        page.knob(QStringLiteral("tauF"))->spinBox()->setValue(1.5);
        QTRY_VERIFY(!page.recomputePending());
        const RapidUnWeights w = core(page.options());
        using M = ui::WeightsSummaryModel;
        QCOMPARE(page.summaryModel()->value(M::Samples, 0), double(nForget_));
        QCOMPARE(page.summaryModel()->value(M::Sigma, 1), w.retain.sigma);
        QCOMPARE(page.summaryModel()->value(M::AtLower, 0), double(w.forget.n_at_min));
        QCOMPARE(page.summaryModel()->data(page.summaryModel()->index(M::Mad, 0), M::RawValueRole).toDouble(), w.forget.mad);
        for (int g = 0; g < 2; g++) {   // the O(n) statistics against the CLI's summary (sorts)
            const nlohmann::json s = group_summary_json(g ? w.retain : w.forget);
            QCOMPARE(page.summaryModel()->value(M::MinWeight, g), s["min"].get<double>());
            QCOMPARE(page.summaryModel()->value(M::MedianWeight, g), s["median"].get<double>());
            QCOMPARE(page.summaryModel()->value(M::MaxWeight, g), s["max"].get<double>());
            QVERIFY(std::fabs(page.summaryModel()->value(M::MeanWeight, g) - 1.0) < 1e-12);
        }
        page.clear();
        QCOMPARE(page.summaryModel()->rowCount(), 0);
    }

    // Above kDecimateAbove samples the chart draws one sample per 2x2 px cell: fewer points, each one
    // a real sample, and every sample within one cell of a drawn one.
    void largeScattersAreThinnedNotMoved() {
        ui::MappingCurveChart chart;
        chart.resize(600, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        const int n = 20000;
        QVector<double> x(n), y(n);
        for (int i = 0; i < n; i++)
            x[i] = -1.0 + 2.0 * i / (n - 1), y[i] = 0.2 + 2.8 / (1.0 + std::exp(-6 * x[i]));
        chart.setData(x, y, {{-1, 0.2}, {1, 3}}, 0.2, 3.0);
        chart.redraw();
        const QVector<QPointF> drawn = chart.samplePoints();
        QCOMPARE(chart.sampleCount(), n);
        QVERIFY2(drawn.size() > 100 && drawn.size() < n / 4, qPrintable(QString::number(drawn.size())));
        const double cellX = 4.0 * 2.12 / 480, cellY = 4.0 * 3.3 / 300;   // 2 cells of 2 px, axis rect >= 480 x 300
        int j = 0;
        for (int i = 0; i < n; i++) {
            while (j + 1 < drawn.size() && drawn[j + 1].x() <= x[i])
                j++;
            QCOMPARE(drawn[j].x() <= x[i], true);
            QVERIFY2(x[i] - drawn[j].x() <= cellX && std::fabs(y[i] - drawn[j].y()) <= cellY, qPrintable(QString::number(i)));
        }
        for (const QPointF & p : drawn)
            QVERIFY(std::find(x.begin(), x.end(), p.x()) != x.end());
    }

    // The sparse, cached aggregation equals core's on lists with odd and even test counts, ties,
    // negative values, partial lists and a repeated index (which goes through core).
    void engineEqualsCore() {
        for (bool repeat : {false, true}) {
            const int nF = 9, nR = 31;
            RapidInResults ff = syntheticResults(7, nF, nF, 1), fr = syntheticResults(6, nF, 5, 2);
            RapidInResults rf = syntheticResults(7, nR, 12, 3, repeat), rr = syntheticResults(5, nR, 20, 4);
            ui::WeightsEngine engine(ff, fr, rf, rr, nF, nR);
            for (int64_t k : {1, 2, 4, 40})
                for (bool rank : {false, true})
                    for (bool robust : {false, true})
                        for (bool harmful : {false, true})
                            for (bool alt : {false, true}) {
                                WeightOptions o = ui::weightsPreset(alt ? ui::WeightsPreset::Alternative : ui::WeightsPreset::Paper);
                                o.agg.topk = k, o.agg.rank_mode = rank, o.agg.per_test_robust = robust;
                                if (harmful)
                                    o.alpha_h = 0.3, o.beta_h = 0.2, o.gamma_h = 0.7, o.delta_h = 1.1;
                                const RapidUnWeights a = engine.compute(o), b = rapidun_weights(ff, fr, rf, rr, nF, nR, o);
                                if (QTest::currentTestFailed())
                                    return;
                                expectClose(a.forget.score, b.forget.score, "forget score");
                                expectClose(a.retain.score, b.retain.score, "retain score");
                                expectClose(a.forget.weight, b.forget.weight, "forget weight");
                                expectClose(a.retain.weight, b.retain.weight, "retain weight");
                            }
        }
    }
};

QTEST_MAIN(TestWeightsPage)
#include "test_weights_page.moc"
