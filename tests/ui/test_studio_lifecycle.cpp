// Issue 13: the window is closed, destroyed or switched to another workspace while a job runs,
// finishes, or hands its result to the pages, and nothing may crash. For every kind of job the
// studio runs (opening a workspace, which also loads the influence and weights pages; loading a
// model; computing influence; token-wise influence; an unlearning run; the pipeline; a free prompt;
// building a lab) the test first times one whole job (T, until the window and every page are idle
// again), then repeats it ROUNDS times (default 50; RAPIDUN_LIFECYCLE_ROUNDS overrides) on a fresh
// window and ends it at moments spread evenly over 0 .. 1.25 T: even rounds close() the window and
// destroy it, odd rounds destroy it without close() (as a test or a crash handler does). A second
// case opens another workspace at those moments instead and checks that every page then shows it.
// Afterwards the workspaces still open, and no run folder was left half-written.
#include "compare_page.h"
#include "influence_page.h"
#include "job_runner.h"
#include "main_window.h"
#include "pipeline_panel.h"
#include "runs_page.h"
#include "settings.h"
#include "weights_page.h"
#include "workspace_page.h"

#include "rapidun/influence/workspace_influence.h"
#include "rapidun/unlearn/unlearn_job.h"
#include "rapidun/unlearn/weights.h"
#include "rapidun/workspace/workspace.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <memory>

using namespace rapidun::ui;

namespace {

QString fixtureLab() { return QStringLiteral(RAPIDUN_TEST_LAB_DIR); }

int rounds() {
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("RAPIDUN_LIFECYCLE_ROUNDS", &ok);
    return ok && n > 0 ? n : 50;
}

// A copy of the fixture lab with influence (ranking included) and weights, as the pipeline leaves it.
void makeWorkspace(const QString & dir) {
    std::filesystem::copy(fixtureLab().toStdString(), dir.toStdString(), std::filesystem::copy_options::recursive);
    std::filesystem::remove_all((dir + QStringLiteral("/runs")).toStdString());
    const rapidun::Workspace w = rapidun::Workspace::load(dir.toStdString());
    rapidun::WorkspaceInfluenceOptions o;
    o.rank_train = true;
    const nlohmann::json infl = rapidun::run_workspace_influence(w, o);
    auto view = [&](const char * v) {
        return rapidun::read_rapidin_json(w.resolve(infl["views"][v]["rapidin_json"].get<std::string>()));
    };
    const rapidun::RapidUnWeights wts = rapidun::rapidun_weights(view("FF"), view("FR"), view("RF"), view("RR"),
                                                                 infl["n_forget"].get<int64_t>(),
                                                                 infl["n_retain"].get<int64_t>(), {});
    QDir().mkpath(dir + QStringLiteral("/weights"));
    rapidun::write_weights_jsonl(w.resolve("weights/forget_weights.jsonl"), wts.forget.weight);
    rapidun::write_weights_jsonl(w.resolve("weights/retain_weights.jsonl"), wts.retain.weight);
}

// Any job of the window or a page still running (or a debounced one about to start).
bool busy(const MainWindow & w) {
    return w.isLoading() || w.influencePage()->isBusy() || w.influencePage()->explainRunner()->isBusy() ||
           w.weightsPage()->isLoading() || w.runsPage()->isRunning() || w.runsPage()->queueSize() > 0 ||
           w.workspacePage()->pipelinePanel()->isRunning() || w.comparePage()->runner()->isBusy();
}

std::unique_ptr<MainWindow> newWindow() {
    auto w = std::make_unique<MainWindow>();
    w->setInteractive(false);   // failures are signalled, never a modal dialog
    w->setLabRetrainReference(false);
    w->resize(1100, 760);
    w->show();
    return w;
}

bool openAndSettle(MainWindow & w, const QString & dir) {
    QSignalSpy opened(&w, &MainWindow::workspaceOpened);
    w.openWorkspace(dir);
    if (!opened.wait(60000) && opened.isEmpty())
        return false;
    QElapsedTimer t;
    t.start();
    while (busy(w) && t.elapsed() < 60000)   // the pages' own loads
        QTest::qWait(5);
    return !busy(w);
}

struct JobKind {
    const char * name;
    bool         needsWorkspace;   // the window has the workspace open before the job starts
    std::function<bool(MainWindow &, int round)> start;
};

} // namespace

class TestStudioLifecycle : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void closeAtAnyMoment_data();
    void closeAtAnyMoment();
    void switchAtAnyMoment_data();
    void switchAtAnyMoment();
    void workspacesStillOpen();

private:
    void addKinds();
    QList<JobKind> kinds() const;
    void sweep(const QString & kindName, bool switchWorkspace);

    QTemporaryDir tmp_;
    QString       a_, b_;
};

void TestStudioLifecycle::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings(QString::fromLatin1(Settings::organization()), QString::fromLatin1(Settings::application())).clear();
    rapidun::init_runtime();
    if (!QFileInfo::exists(fixtureLab() + QStringLiteral("/workspace.json")))
        QSKIP("the fixture lab is missing (run the studio_test_lab test first)");
    QVERIFY(tmp_.isValid());
    a_ = tmp_.filePath(QStringLiteral("a"));
    b_ = tmp_.filePath(QStringLiteral("b"));
    makeWorkspace(a_);
    makeWorkspace(b_);
}

QList<JobKind> TestStudioLifecycle::kinds() const {
    const QString a = a_, tmp = tmp_.path();
    return {
        {"open workspace", false, [a](MainWindow & w, int) { w.openWorkspace(a); return true; }},
        {"open model", false, [a](MainWindow & w, int) { w.openModel(a + QStringLiteral("/model")); return true; }},
        {"influence", true, [](MainWindow & w, int) { return w.influencePage()->computeInfluence(); }},
        {"token influence", true,
         [](MainWindow & w, int round) {
             w.showStudioPage(MainWindow::kInfluenceTab);
             w.influencePage()->selectSamples({round % 40});   // the detail pane explains it (debounced)
             return true;
         }},
        {"unlearning run", true,
         [](MainWindow & w, int round) {
             rapidun::UnlearnJobOptions job;
             job.opt = rapidun::unlearn_preset("lab", rapidun::UnlearnMethod::GA);   // 12 steps + evaluation
             job.opt.epochs = 1;
             job.opt.seed = uint64_t(round);
             return w.runsPage()->enqueue(job);
         }},
        {"pipeline", true,
         [](MainWindow & w, int) {
             PipelinePanel * p = w.workspacePage()->pipelinePanel();
             p->setMethods({QStringLiteral("ga")});
             return p->start();
         }},
        {"free prompt", true,
         [](MainWindow & w, int) {
             w.comparePage()->promptBox()->setPlainText(QStringLiteral("Where is the nearest library?"));
             w.comparePage()->generate();
             return w.comparePage()->runner()->isBusy();
         }},
        {"lab build", false,
         [tmp](MainWindow & w, int round) {
             w.openSyntheticLab(QDir(tmp).filePath(QStringLiteral("built-%1").arg(round)), QStringLiteral("tiny"));
             return w.isBuildingLab();
         }},
    };
}

void TestStudioLifecycle::addKinds() {
    QTest::addColumn<QString>("kind");
    for (const JobKind & k : kinds())
        QTest::newRow(k.name) << QString::fromLatin1(k.name);
}

void TestStudioLifecycle::closeAtAnyMoment_data() { addKinds(); }
void TestStudioLifecycle::switchAtAnyMoment_data() { addKinds(); }

void TestStudioLifecycle::closeAtAnyMoment() {
    QFETCH(QString, kind);
    sweep(kind, false);
}

void TestStudioLifecycle::switchAtAnyMoment() {
    QFETCH(QString, kind);
    sweep(kind, true);
}

void TestStudioLifecycle::sweep(const QString & kindName, bool switchWorkspace) {
    const QList<JobKind> all = kinds();
    const auto it = std::find_if(all.begin(), all.end(), [&](const JobKind & k) { return kindName == QLatin1String(k.name); });
    QVERIFY(it != all.end());
    const JobKind & kind = *it;
    // A tiny lab build takes about 40 s; its moments are taken over its first 1 s (data, tokenizer,
    // the start of training: cancelling then must leave nothing), its end is the "open workspace" kind.
    const qint64 cap = kindName == QLatin1String("lab build") ? 1000 : 60000;

    // T: one whole job, until the window and every page are idle again.
    qint64 whole = 0;
    {
        auto w = newWindow();
        if (kind.needsWorkspace)
            QVERIFY(openAndSettle(*w, a_));
        QElapsedTimer t;
        t.start();
        QVERIFY2(kind.start(*w, 0), "the job did not start");
        while (t.elapsed() < cap && (busy(*w) || t.elapsed() < 150))   // 150 ms: the explain debounce
            QTest::qWait(2);
        whole = std::min(t.elapsed(), cap);
    }
    const int n = rounds();
    qInfo("%s: one whole job %lld ms; %d rounds ending it at 0 .. %lld ms", qPrintable(kindName), whole, n,
          whole * 5 / 4);

    QElapsedTimer total;
    total.start();
    for (int round = 0; round < n; ++round) {
        const qint64 moment = n > 1 ? whole * 5 / 4 * round / (n - 1) : 0;
        auto w = newWindow();
        if (kind.needsWorkspace)
            QVERIFY(openAndSettle(*w, a_));
        kind.start(*w, round);   // may be refused at some moments (e.g. a page still busy): still a moment
        QTest::qWait(int(moment));
        if (switchWorkspace) {
            // Another workspace at this moment. While the window's own job runs it is refused (and
            // retried once that job ended); otherwise every page must end up showing it.
            const QString b = QDir(b_).absolutePath();
            w->openWorkspace(b_);
            QElapsedTimer t;
            t.start();
            while ((w->workspaceDir() != b || w->isLoading()) && t.elapsed() < 120000) {
                QTest::qWait(5);
                if (w->isBuildingLab())
                    w->cancelLabBuild();    // as a user does before opening something else (no-op twice)
                if (!w->isLoading() && w->workspaceDir() != b)
                    w->openWorkspace(b_);   // refused while the window's own job ran: again
            }
            QCOMPARE(w->workspaceDir(), b);
            QCOMPARE(QDir(w->influencePage()->workspace()).absolutePath(), b);
            QCOMPARE(QDir(w->runsPage()->workspaceDir()).absolutePath(), b);
            QTest::qWait(int(moment % 97));   // and let the old job's ending meet the new pages
        }
        if (round % 2 == 0)
            w->close();
        w.reset();   // must neither crash nor hang
    }
    qInfo("%s: %d rounds in %.1f s", qPrintable(kindName), n, total.elapsed() / 1000.0);
}

void TestStudioLifecycle::workspacesStillOpen() {
    // Every workspace the rounds touched opens, with its ranking, and no run folder lacks its record.
    for (const QString & dir : {a_, b_}) {
        auto w = newWindow();
        QSignalSpy failures(w->influencePage(), &InfluencePage::failure);
        QVERIFY(openAndSettle(*w, dir));
        QVERIFY(w->influencePage()->hasRanking());
        QCOMPARE(failures.count(), 0);
        QVERIFY2(!w->runsPage()->statusText().contains(QStringLiteral("skipped")), qPrintable(w->runsPage()->statusText()));
        for (const QFileInfo & run : QDir(dir + QStringLiteral("/runs")).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot))
            QVERIFY2(QFileInfo::exists(run.filePath() + QStringLiteral("/run.json")), qPrintable(run.filePath()));
    }
}

QTEST_MAIN(TestStudioLifecycle)
#include "test_studio_lifecycle.moc"
