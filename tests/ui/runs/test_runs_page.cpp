// The Runs page on the tiny synthetic lab (a copy in a temporary folder, with influence and weights
// computed through core as `rapidun influence` + `rapidun weights` do): a short RapidUn run that
// finishes (live curve during the run, the record's metrics in the history, runFinished), progress
// and cancel of a long run (bar rising, stage, ETA; nothing kept; usable again), the queue (runs
// one after the other; a removed run never runs), failures that leave the page usable, and closing
// the page during a run.
#include "run_curve_plot.h"
#include "run_form.h"
#include "run_history_model.h"
#include "runs_page.h"

#include "rapidun/influence/workspace_influence.h"
#include "rapidun/unlearn/weights.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <memory>

using rapidun::UnlearnJobOptions;
using rapidun::UnlearnMethod;
using rapidun::ui::RunCurvePlot;
using rapidun::ui::RunHistoryModel;
using rapidun::ui::RunRecord;
using rapidun::ui::RunsPage;

namespace {

QString fixtureLab() { return QStringLiteral(RAPIDUN_TEST_LAB_DIR); }

// A short run of `method` on the lab preset: `epochs` epochs (GA: 12 steps an epoch on the tiny
// lab, the others 48), evaluated after.
UnlearnJobOptions shortJob(UnlearnMethod method, int epochs, uint64_t seed = 42) {
    UnlearnJobOptions job;
    job.preset = "lab";
    job.opt = rapidun::unlearn_preset(job.preset, method);
    job.opt.epochs = epochs;
    job.opt.seed = seed;
    return job;
}

QJsonObject readJson(const QString & path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

int lineCount(const QString & path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    int n = 0;
    while (!f.atEnd())
        if (!f.readLine().trimmed().isEmpty())
            ++n;
    return n;
}

} // namespace

class TestRunsPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void shortRunFinishes();
    void progressAndCancel();
    void queueRunsOneAfterTheOther();
    void failuresKeepThePageUsable();
    void closingDuringARun();

private:
    QTemporaryDir tmp_;
    QString       ws_;
};

void TestRunsPage::initTestCase() {
    if (!QFileInfo::exists(fixtureLab() + QStringLiteral("/workspace.json")))
        QSKIP("the fixture lab is missing (run the studio_test_lab test first)");
    QVERIFY(tmp_.isValid());
    ws_ = tmp_.path() + QStringLiteral("/lab");
    std::filesystem::copy(fixtureLab().toStdString(), ws_.toStdString(), std::filesystem::copy_options::recursive);
    std::filesystem::remove_all((ws_ + QStringLiteral("/runs")).toStdString());

    // Influence (the four views) and the weights, as run_pipeline computes them.
    const rapidun::Workspace w = rapidun::Workspace::load(ws_.toStdString());
    const nlohmann::json infl = rapidun::run_workspace_influence(w, {});
    auto view = [&](const char * v) { return rapidun::read_rapidin_json(w.resolve(infl["views"][v]["rapidin_json"].get<std::string>())); };
    const rapidun::RapidUnWeights wts = rapidun::rapidun_weights(view("FF"), view("FR"), view("RF"), view("RR"),
                                                                 infl["n_forget"].get<int64_t>(), infl["n_retain"].get<int64_t>(), {});
    QDir().mkpath(ws_ + QStringLiteral("/weights"));
    rapidun::write_weights_jsonl(w.resolve("weights/forget_weights.jsonl"), wts.forget.weight);
    rapidun::write_weights_jsonl(w.resolve("weights/retain_weights.jsonl"), wts.retain.weight);
}

void TestRunsPage::shortRunFinishes() {
    RunsPage page;
    page.resize(1200, 800);
    page.show();
    page.setWorkspace(ws_);
    QCOMPARE(page.workspaceDir(), QDir(ws_).absolutePath());
    const int rowsBefore = page.historyModel()->rowCount();
    QSignalSpy finished(&page, &RunsPage::runFinished);
    QSignalSpy failures(&page, &RunsPage::failure);
    int livePointsWhileRunning = 0;
    connect(&page, &RunsPage::liveCurveUpdated, this, [&](const QString &, int loss, int) {
        if (page.isRunning())
            livePointsWhileRunning = std::max(livePointsWhileRunning, loss);
    });

    QVERIFY(page.enqueue(shortJob(UnlearnMethod::RapidUn, 3)));   // 144 steps
    QVERIFY(page.isRunning());
    const QString id = page.currentRunId();
    QVERIFY(id.startsWith(QStringLiteral("rapidun-s42-")));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
    QCOMPARE(failures.size(), 0);
    QCOMPARE(finished.at(0).at(0).toString(), id);
    QVERIFY(!page.isRunning());
    QVERIFY2(livePointsWhileRunning > 0, "the loss curve got no point while the run was going");

    // The history row carries run.json's numbers.
    const QString runDir = ws_ + QStringLiteral("/runs/") + id;
    const QJsonObject run = readJson(runDir + QStringLiteral("/run.json"));
    QCOMPARE(run.value(QStringLiteral("id")).toString(), id);
    const QJsonObject after = run.value(QStringLiteral("metrics_after")).toObject();
    const QJsonObject before = run.value(QStringLiteral("metrics_before")).toObject();
    QVERIFY(after.contains(QStringLiteral("seen_asr")));
    RunHistoryModel * m = page.historyModel();
    QCOMPARE(m->rowCount(), rowsBefore + 1);
    const int row = m->rowOfRun(id);
    QVERIFY(row >= 0);
    const RunRecord & r = m->recordAt(row);
    QCOMPARE(r.status, RunRecord::Status::Finished);
    QCOMPARE(r.method, QStringLiteral("rapidun"));
    QCOMPARE(r.preset, QStringLiteral("lab"));
    QCOMPARE(r.seed, 42);
    QCOMPARE(r.seenBefore, before.value(QStringLiteral("seen_asr")).toDouble());
    QCOMPARE(r.seenAfter, after.value(QStringLiteral("seen_asr")).toDouble());
    QCOMPARE(r.oodAfter, after.value(QStringLiteral("ood_asr")).toDouble());
    QCOMPARE(r.falseTriggerAfter, after.value(QStringLiteral("false_trigger_rate")).toDouble());
    QCOMPARE(r.cleanEmAfter, after.value(QStringLiteral("clean_exact_match")).toDouble());
    const qint64 steps = run.value(QStringLiteral("result")).toObject().value(QStringLiteral("steps")).toInteger();
    QCOMPARE(steps, 144);
    QCOMPARE(m->index(row, RunHistoryModel::Steps).data(RunHistoryModel::RawValueRole).toLongLong(), steps);

    // The plot: one loss point per step (all arrived live), the evaluation curve of metrics.jsonl.
    const int evalPoints = lineCount(runDir + QStringLiteral("/metrics.jsonl"));
    QVERIFY(evalPoints >= 2);
    QCOMPARE(page.plotRunId(), id);
    QCOMPARE(page.curvePlot()->pointCount(RunCurvePlot::Loss), int(steps));
    QCOMPARE(page.curvePlot()->pointCount(RunCurvePlot::ForgetPoisoned), evalPoints);
    QCOMPARE(page.curvePlot()->points(RunCurvePlot::Loss).last().x(), double(steps));
    QCOMPARE(page.progressBar()->value(), page.progressBar()->maximum());
    if (qEnvironmentVariableIsSet("RAPIDUN_RUNS_SCREENSHOT"))   // a look at the page, for humans
        page.grab().save(qEnvironmentVariable("RAPIDUN_RUNS_SCREENSHOT"));

    // Another page (a new session) shows the finished run's curves from its files: metrics.jsonl
    // and loss.jsonl (one line per step, the same losses the live plot got).
    QCOMPARE(lineCount(runDir + QStringLiteral("/loss.jsonl")), int(steps));
    const QVector<QPointF> live = page.curvePlot()->points(RunCurvePlot::Loss);
    RunsPage other;
    other.setWorkspace(ws_);
    other.showRunCurve(id);
    QCOMPARE(other.plotRunId(), id);
    QCOMPARE(other.curvePlot()->pointCount(RunCurvePlot::ForgetPoisoned), evalPoints);
    const QVector<QPointF> stored = other.curvePlot()->points(RunCurvePlot::Loss);
    QCOMPARE(stored.size(), live.size());
    for (int i = 0; i < stored.size(); ++i) {
        QCOMPARE(stored[i].x(), live[i].x());
        QVERIFY(qAbs(stored[i].y() - live[i].y()) <= 1e-12 * (1 + qAbs(live[i].y())));   // JSON keeps 17 digits
    }
}

void TestRunsPage::progressAndCancel() {
    RunsPage page;
    page.show();
    page.setWorkspace(ws_);
    QSignalSpy finished(&page, &RunsPage::runFinished);
    QSignalSpy busy(&page, &RunsPage::busyChanged);
    QVERIFY(page.enqueue(shortJob(UnlearnMethod::GA, 1000)));   // 12,000 steps: far longer than the test waits
    const QString id = page.currentRunId();
    QCOMPARE(busy.size(), 1);
    QCOMPARE(busy.at(0).at(0).toBool(), true);

    QTRY_VERIFY_WITH_TIMEOUT(page.progressBar()->value() > 0, 60000);
    const int first = page.progressBar()->value();
    QTRY_VERIFY_WITH_TIMEOUT(page.progressBar()->value() > first, 30000);
    QCOMPARE(page.stageText(), QStringLiteral("Unlearning"));
    QTRY_VERIFY_WITH_TIMEOUT(page.etaText().contains(QStringLiteral("left")) && !page.etaText().contains(QStringLiteral("estimating")), 60000);
    QVERIFY(page.progressBar()->value() < page.progressBar()->maximum());

    page.cancel();
    QCOMPARE(page.stageText(), QStringLiteral("Cancelling..."));
    page.waitForIdle();
    QTRY_VERIFY(!page.isRunning());
    QTRY_COMPARE(busy.size(), 2);
    QCOMPARE(busy.at(1).at(0).toBool(), false);
    QCOMPARE(finished.size(), 0);
    QCOMPARE(page.stageText(), QStringLiteral("Cancelled"));
    QVERIFY(page.statusText().contains(QStringLiteral("cancelled")));
    QCOMPARE(page.historyModel()->rowOfRun(id), -1);
    QVERIFY(!QFileInfo::exists(ws_ + QStringLiteral("/runs/") + id));
    QVERIFY(page.currentRunId().isEmpty());

    // Usable again: a short run goes through.
    QVERIFY(page.form()->addButton()->isEnabled());
    QVERIFY(page.enqueue(shortJob(UnlearnMethod::GA, 1)));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    QVERIFY(page.historyModel()->rowOfRun(finished.at(0).at(0).toString()) >= 0);
}

void TestRunsPage::queueRunsOneAfterTheOther() {
    RunsPage page;
    page.setWorkspace(ws_);
    QStringList order;
    QStringList started;
    connect(&page, &RunsPage::busyChanged, this, [&](bool b, const QString &) {
        if (b)
            started << page.currentRunId();
    });
    connect(&page, &RunsPage::runFinished, this, [&](const QString & id) {
        QVERIFY(!page.isRunning() || page.currentRunId() != id);
        order << id;
    });
    QSignalSpy failures(&page, &RunsPage::failure);
    // The first run through the form, as a user adds it.
    page.form()->setJobOptions(shortJob(UnlearnMethod::GA, 2, 1));
    QTest::mouseClick(page.form()->addButton(), Qt::LeftButton);
    QVERIFY(page.isRunning());
    QVERIFY(page.enqueue(shortJob(UnlearnMethod::GAGD, 1, 2)));
    QVERIFY(page.enqueue(shortJob(UnlearnMethod::NPO, 1, 3)));
    QCOMPARE(page.queueSize(), 2);   // the first runs, two wait
    QVERIFY(page.currentRunId().startsWith(QStringLiteral("ga-s1-")));
    page.removeQueued(1);            // the NPO run never runs
    QCOMPARE(page.queueSize(), 1);

    QTRY_COMPARE_WITH_TIMEOUT(order.size(), 2, 120000);
    QTRY_VERIFY(!page.isRunning());
    QCOMPARE(failures.size(), 0);
    QCOMPARE(page.queueSize(), 0);
    QVERIFY(order.at(0).startsWith(QStringLiteral("ga-s1-")));
    QVERIFY(order.at(1).startsWith(QStringLiteral("gagd-s2-")));
    QCOMPARE(started, order);   // the second started only after the first had finished
    for (const QString & id : order)
        QCOMPARE(page.historyModel()->recordAt(page.historyModel()->rowOfRun(id)).status, RunRecord::Status::Finished);
    for (int r = 0; r < page.historyModel()->rowCount(); ++r)
        QVERIFY(page.historyModel()->recordAt(r).method != QStringLiteral("npo"));
}

void TestRunsPage::failuresKeepThePageUsable() {
    RunsPage page;
    QSignalSpy failures(&page, &RunsPage::failure);
    page.setWorkspace(tmp_.path() + QStringLiteral("/no-such-workspace"));
    QCOMPARE(failures.size(), 1);
    QVERIFY(!page.enqueue(shortJob(UnlearnMethod::GA, 1)));
    QVERIFY(!page.form()->addButton()->isEnabled());

    // RapidUn without weights: refused with a message; the next queued run still goes.
    const QString bare = tmp_.path() + QStringLiteral("/bare");
    std::filesystem::copy(fixtureLab().toStdString(), bare.toStdString(), std::filesystem::copy_options::recursive);
    std::filesystem::remove_all((bare + QStringLiteral("/weights")).toStdString());
    page.setWorkspace(bare);
    QSignalSpy finished(&page, &RunsPage::runFinished);
    QVERIFY(page.enqueue(shortJob(UnlearnMethod::RapidUn, 1)));
    QVERIFY(page.enqueue(shortJob(UnlearnMethod::GA, 1)));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    QCOMPARE(failures.size(), 2);
    QVERIFY(failures.at(1).at(1).toString().contains(QStringLiteral("weights")));
    QVERIFY(finished.at(0).at(0).toString().startsWith(QStringLiteral("ga-")));

    // A run that fails inside core (a data set file gone): failure(), no crash, still usable.
    QFile::rename(bare + QStringLiteral("/data/forget.jsonl"), bare + QStringLiteral("/data/forget.moved"));
    QVERIFY(page.enqueue(shortJob(UnlearnMethod::GA, 1)));
    QTRY_COMPARE_WITH_TIMEOUT(failures.size(), 3, 60000);
    QTRY_VERIFY(!page.isRunning());
    QVERIFY(failures.at(2).at(1).toString().contains(QStringLiteral("forget")));
    QFile::rename(bare + QStringLiteral("/data/forget.moved"), bare + QStringLiteral("/data/forget.jsonl"));
    QVERIFY(page.enqueue(shortJob(UnlearnMethod::GA, 1)));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 60000);
}

// The window closes while a run goes: the page cancels and waits; the run leaves nothing behind.
void TestRunsPage::closingDuringARun() {
    auto page = std::make_unique<RunsPage>();
    page->setWorkspace(ws_);
    QVERIFY(page->enqueue(shortJob(UnlearnMethod::GA, 1000)));
    QVERIFY(page->enqueue(shortJob(UnlearnMethod::GA, 1)));
    const QString id = page->currentRunId();
    QTRY_VERIFY_WITH_TIMEOUT(page->progressBar()->value() > 0, 60000);
    QElapsedTimer clock;
    clock.start();
    page.reset();
    QVERIFY(clock.elapsed() < 10000);   // the cancel is seen at the next step
    QVERIFY(!QFileInfo::exists(ws_ + QStringLiteral("/runs/") + id));
}

QTEST_MAIN(TestRunsPage)
#include "test_runs_page.moc"
