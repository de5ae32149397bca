// The whole journey on a copy of the tiny synthetic lab (RAPIDUN_JOURNEY_LAB: another lab, e.g. the
// default-scale one for the README's screenshots), through the main window as a user walks it:
// open the workspace, compute influence and pick a top-ranked row (token heat map), tune a weight
// knob and save, run RapidUn from the Runs page's form, compare "before" with the run. Along the way
// it saves a screenshot of every page (RAPIDUN_SCREENSHOT_DIR, else the build folder); docs/screenshots
// holds the copies the README shows.
#include "compare_models.h"
#include "compare_page.h"
#include "influence_page.h"
#include "influence_table_model.h"
#include "knob_row.h"
#include "main_window.h"
#include "run_form.h"
#include "run_history_model.h"
#include "runs_page.h"
#include "settings.h"
#include "weights_page.h"
#include "workspace_page.h"

#include "rapidun/data/records.h"
#include "rapidun/model/model.h"
#include "rapidun/workspace/workspace.h"
#include "rapidun/unlearn/weights.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace rapidun::ui;

namespace {

QString journeyLab() {
    const QString env = qEnvironmentVariable("RAPIDUN_JOURNEY_LAB");
    return env.isEmpty() ? QStringLiteral(RAPIDUN_TEST_LAB_DIR) : env;
}

int rowsOf(const QString & lab, const char * role) {
    const rapidun::Workspace ws = rapidun::Workspace::load(QFile::encodeName(lab).toStdString());
    return int(rapidun::read_records(ws.dataset(role)).size());
}

QString shotDir() {
    const QString env = qEnvironmentVariable("RAPIDUN_SCREENSHOT_DIR");
    return env.isEmpty() ? QStringLiteral(RAPIDUN_TEST_OUT_DIR "/screenshots") : env;
}

// Shows the page, lets it lay out and paint, and saves it; false when the PNG could not be written.
bool shoot(MainWindow & w, MainWindow::StudioPage page, const QString & name) {
    w.showStudioPage(page);
    QTest::qWait(400);
    QDir().mkpath(shotDir());
    return w.grab().save(QDir(shotDir()).filePath(name + QStringLiteral(".png")));
}

} // namespace

class TestStudioJourney : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void wholeJourney();
};

void TestStudioJourney::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings(QString::fromLatin1(Settings::organization()), QString::fromLatin1(Settings::application())).clear();
    rapidun::init_runtime();
}

void TestStudioJourney::wholeJourney() {
    QTemporaryDir tmp;
    QProcess cp;
    // The lab's files, not its caches or earlier runs: the journey computes and runs everything itself.
    cp.start(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("cp -r \"$0\"/. \"$1\" && rm -rf \"$1\"/cache \"$1\"/influence \"$1\"/weights \"$1\"/runs \"$1\"/reports"),
                                    journeyLab(), tmp.path()});
    QVERIFY(cp.waitForFinished(120000) && cp.exitCode() == 0);
    const int nTrain = rowsOf(tmp.path(), "train");
    const int nEval = rowsOf(tmp.path(), "test_seen_trig") + rowsOf(tmp.path(), "test_ood_trig") + rowsOf(tmp.path(), "test_clean");

    MainWindow w;
    w.setInteractive(false);
    w.resize(1280, 860);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QSignalSpy failures(&w, &MainWindow::workspaceFailed);

    // 1. Open.
    QSignalSpy opened(&w, &MainWindow::workspaceOpened);
    w.openWorkspace(tmp.path());
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 30000);
    QCOMPARE(w.studioTabs()->currentIndex(), int(MainWindow::kWorkspaceTab));
    QVERIFY(shoot(w, MainWindow::kWorkspaceTab, QStringLiteral("workspace")));

    // 2. Influence: compute, every train row ranked, the top row's token heat map.
    InfluencePage * infl = w.influencePage();
    QTRY_VERIFY_WITH_TIMEOUT(!infl->isBusy(), 30000);
    QVERIFY(!infl->hasRanking());
    QSignalSpy loaded(infl, &InfluencePage::loaded);
    QVERIFY(infl->computeInfluence());
    QTRY_VERIFY_WITH_TIMEOUT(infl->hasRanking() && !infl->isBusy(), 600000);
    QCOMPARE(infl->tableModel()->rowCount(), nTrain);
    infl->tableView()->sortByColumn(InfluenceTableModel::Score, Qt::DescendingOrder);
    const int top = infl->tableView()->model()->index(0, 0).data(InfluenceTableModel::SampleRowRole).toInt();
    QSignalSpy explained(infl, &InfluencePage::explained);
    infl->selectSamples({top});
    QTRY_VERIFY_WITH_TIMEOUT(explained.count() > 0, 60000);
    QVERIFY(shoot(w, MainWindow::kInfluenceTab, QStringLiteral("influence")));

    // 3. Weights: the window reloaded the page with the new views; a knob move re-maps; Save writes.
    WeightsPage * wp = w.weightsPage();
    QTRY_VERIFY_WITH_TIMEOUT(wp->valid() && !wp->isLoading(), 60000);
    w.showStudioPage(MainWindow::kWeightsTab);
    wp->knob(QStringLiteral("tauF"))->setValue(0.5);
    wp->recomputeNow();
    QCOMPARE(wp->options().tau_f, 0.5);
    QVERIFY(wp->save());
    QVERIFY(QFileInfo::exists(tmp.filePath(QStringLiteral("weights/forget_weights.jsonl"))));
    const std::vector<double> saved = rapidun::read_weights_jsonl(
        QFile::encodeName(tmp.filePath(QStringLiteral("weights/forget_weights.jsonl"))).toStdString());
    QCOMPARE(saved.size(), wp->weights().forget.weight.size());
    for (size_t i = 0; i < saved.size(); ++i)
        QVERIFY(qAbs(saved[i] - wp->weights().forget.weight[i]) < 1e-9);
    QVERIFY(shoot(w, MainWindow::kWeightsTab, QStringLiteral("weights")));

    // 4. Runs: RapidUn from the form's defaults (the lab preset).
    RunsPage * runs = w.runsPage();
    rapidun::UnlearnJobOptions job;
    QString why;
    QVERIFY2(runs->form()->jobOptions(&job, &why), qPrintable(why));
    QCOMPARE(job.opt.method, rapidun::UnlearnMethod::RapidUn);
    if (qEnvironmentVariableIsEmpty("RAPIDUN_JOURNEY_LAB"))
        job.opt.epochs = 1;   // the fixture lab: one epoch keeps the test short; another lab: the preset
    QSignalSpy finished(runs, &RunsPage::runFinished);
    QVERIFY(runs->enqueue(job));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 600000);
    const QString runId = finished.first().first().toString();
    QCOMPARE(runs->historyModel()->rowCount(), 1);
    runs->showRunCurve(runId);
    QVERIFY(shoot(w, MainWindow::kRunsTab, QStringLiteral("runs")));

    // 5. Compare: the window told the page about the run; before vs the run, both generations shown.
    ComparePage * cmp = w.comparePage();
    QTRY_VERIFY_WITH_TIMEOUT(cmp->sides().contains(runId), 10000);
    cmp->setModels(QStringLiteral("before"), runId);
    QCOMPARE(cmp->generationsModel()->rowCount(), nEval);   // seen, OOD and clean test prompts
    QVERIFY(!cmp->generationsModel()->index(0, 0).data().toString().isEmpty());
    QVERIFY(cmp->metricsModel()->rowCount() > 0);
    QVERIFY(shoot(w, MainWindow::kCompareTab, QStringLiteral("compare")));
    cmp->tabs()->setCurrentIndex(1);
    QVERIFY(shoot(w, MainWindow::kCompareTab, QStringLiteral("compare-generations")));

    QCOMPARE(failures.count(), 0);
    w.close();
}

QTEST_MAIN(TestStudioJourney)
#include "test_studio_journey.moc"
