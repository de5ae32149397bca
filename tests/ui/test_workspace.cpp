// The workspace page and the synthetic lab through the main window: opening the fixture lab (a tiny
// lab built once by the studio_test_lab test), opening the cached lab without building, building a
// tiny lab in a temporary folder (progress signals, the build panel, then the page), cancelling a
// build (no workspace.json, the window stays usable), a failing build, and closing during a build;
// the Dolly lab at its tiny scale from the release in ../shared (skipped when absent), and refused
// with a message when no release folder is known.
#include "category_chart.h"
#include "main_window.h"
#include "model_card.h"
#include "settings.h"
#include "workspace_page.h"

#include "rapidun/model/model.h"

#include <QAction>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <utility>

using rapidun::ui::MainWindow;
using rapidun::ui::WorkspacePage;

namespace {

QString fixtureLab() { return QStringLiteral(RAPIDUN_TEST_LAB_DIR); }
bool haveFixtureLab() { return QFileInfo::exists(fixtureLab() + QStringLiteral("/workspace.json")); }

const QStringList kRoles = {QStringLiteral("train"),          QStringLiteral("val_clean"),
                            QStringLiteral("test_clean"),     QStringLiteral("test_seen_trig"),
                            QStringLiteral("test_ood_trig"),  QStringLiteral("forget"),
                            QStringLiteral("retain")};

QAction * actionNamed(QWidget & w, const QString & text) {
    for (QAction * a : w.findChildren<QAction *>())
        if (a->text() == text)
            return a;
    return nullptr;
}

// The page as a user sees it after a lab opened: seven data sets with rows, a poisoned train set,
// the chart with title/axes/legend, the metrics before unlearning, the model card.
void checkLabPage(MainWindow & w) {
    WorkspacePage * page = w.workspacePage();
    QVERIFY(page);
    QVERIFY(page->isVisible());
    QCOMPARE(page->fact(QStringLiteral("kind")), QStringLiteral("synthetic"));
    QVERIFY(page->fact(QStringLiteral("name")).contains(QStringLiteral("tiny")));
    QCOMPARE(page->datasetRoles(), kRoles);
    auto * table = page->findChild<QTableWidget *>(QStringLiteral("datasetTable"));
    QVERIFY(table);
    QCOMPARE(table->rowCount(), 7);
    for (const QString & role : kRoles) {
        QVERIFY2(page->datasetRows(role) > 0, qPrintable(role));
        QVERIFY2(table->item(kRoles.indexOf(role), 1)->text() != QStringLiteral("0"), qPrintable(role));
    }
    QVERIFY(page->datasetPoisoned(QStringLiteral("train")) > 0);
    QVERIFY(page->datasetPoisoned(QStringLiteral("train")) < page->datasetRows(QStringLiteral("train")));
    QCOMPARE(page->datasetPoisoned(QStringLiteral("test_clean")), qint64(0));
    QCOMPARE(page->datasetPoisoned(QStringLiteral("test_seen_trig")), page->datasetRows(QStringLiteral("test_seen_trig")));
    QCOMPARE(page->datasetPoisoned(QStringLiteral("forget")), page->datasetRows(QStringLiteral("forget")));
    QCOMPARE(page->datasetPoisoned(QStringLiteral("retain")), qint64(0));

    rapidun::ui::CategoryChart * chart = page->chart();
    QVERIFY(chart->isVisible());
    QCOMPARE(chart->title(), QStringLiteral("Train set by category"));
    QCOMPARE(chart->xLabel(), QStringLiteral("Category"));
    QCOMPARE(chart->yLabel(), QStringLiteral("Rows"));
    QCOMPARE(chart->seriesCount(), 2);
    QCOMPARE(chart->legendNames(), (QStringList{QStringLiteral("Clean"), QStringLiteral("Poisoned")}));
    QVERIFY(chart->categories().size() >= 2);
    QCOMPARE(qint64(chart->seriesTotal(0) + chart->seriesTotal(1)), page->datasetRows(QStringLiteral("train")));
    QCOMPARE(qint64(chart->seriesTotal(1)), page->datasetPoisoned(QStringLiteral("train")));

    // The chart's context menu saves it: PNG, SVG and PDF by the suffix, nothing for another.
    QTemporaryDir charts;
    const QList<std::pair<QString, QByteArray>> formats = {
        {QStringLiteral("png"), QByteArray("\x89PNG")}, {QStringLiteral("svg"), QByteArray("<?xml")}, {QStringLiteral("pdf"), QByteArray("%PDF-")}};
    for (const auto & [suffix, magic] : formats) {
        const QString path = charts.filePath(QStringLiteral("chart.") + suffix);
        QVERIFY2(chart->saveChart(path), qPrintable(path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY2(bytes.startsWith(magic), qPrintable(suffix + QStringLiteral(": ") + QString::fromLatin1(bytes.left(16).toHex())));
        QVERIFY2(bytes.size() > 1000, qPrintable(suffix));
        if (suffix == QLatin1String("svg"))
            QVERIFY(bytes.contains("Train set by category") || bytes.contains("Clean"));
    }
    QVERIFY(!chart->saveChart(charts.filePath(QStringLiteral("chart.bmp"))));
    QVERIFY(!QFileInfo::exists(charts.filePath(QStringLiteral("chart.bmp"))));

    for (const char * key : {"seen_asr", "ood_asr", "false_trigger_rate", "clean_exact_match"}) {
        const QString v = page->fact(QString::fromLatin1(key));
        QVERIFY2(v.endsWith(QLatin1Char('%')), qPrintable(QStringLiteral("%1 = '%2'").arg(QLatin1String(key), v)));
    }
    QVERIFY(!page->fact(QStringLiteral("clean_rouge_l")).isEmpty());
    QVERIFY(page->fact(QStringLiteral("clean_rouge_l")) != QStringLiteral("n/a"));
    QVERIFY(page->fact(QStringLiteral("clean_ppl")).toDouble() > 1.0);
    QVERIFY(page->fact(QStringLiteral("train_seconds")).endsWith(QStringLiteral(" s")));
    QCOMPARE(page->fact(QStringLiteral("scale")), QStringLiteral("tiny"));
    QVERIFY(!page->fact(QStringLiteral("retrain_seconds")).isEmpty());

    // The model card of the workspace (the tiny recipe: dim 64, 2 layers).
    QVERIFY(w.hasModel());
    QCOMPARE(page->modelCard()->factText(QStringLiteral("dim")), QStringLiteral("64"));
    QCOMPARE(page->modelCard()->factText(QStringLiteral("layers")), QStringLiteral("2"));
    QCOMPARE(w.factText(QStringLiteral("layers")), QStringLiteral("2"));
    QVERIFY(!page->modelCard()->factText(QStringLiteral("tokenizer_vocab")).isEmpty());
}

} // namespace

class TestWorkspace : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void opensFixtureLab();
    void opensCachedLabWithoutBuilding();
    void missingWorkspaceFails();
    void buildsTinyLabWithProgress();
    void cancelStopsBuild();
    void badScaleFailsAndWindowStillWorks();
    void closesCleanlyWhileBuilding();
    void buildsTinyDollyLab();
    void dollyLabWithoutReleaseFails();
};

void TestWorkspace::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings(QString::fromLatin1(rapidun::ui::Settings::organization()),
              QString::fromLatin1(rapidun::ui::Settings::application()))
        .clear();
    QLocale::setDefault(QLocale::c());
    rapidun::init_runtime();
}

void TestWorkspace::init() {
    qunsetenv("RAPIDUN_LAB_DIR");
    qunsetenv("RAPIDUN_LAB_SCALE");
    qunsetenv("RAPIDUN_RELEASE");
    qunsetenv("RAPIDUN_DOLLY_LAB_DIR");
}

void TestWorkspace::opensFixtureLab() {
    if (!haveFixtureLab())
        QSKIP(qPrintable(QStringLiteral("no fixture lab at %1 (run the studio_test_lab test)").arg(fixtureLab())));
    MainWindow w;
    w.setInteractive(false);
    w.show();
    QSignalSpy opened(&w, &MainWindow::workspaceOpened);
    QSignalSpy failed(&w, &MainWindow::workspaceFailed);
    w.openWorkspace(fixtureLab());
    QVERIFY(w.isLoading());   // read off the GUI thread
    QCOMPARE(w.findChild<QLabel *>(QStringLiteral("jobState"))->text(), QStringLiteral("Opening workspace..."));
    QTRY_VERIFY_WITH_TIMEOUT(opened.count() + failed.count() > 0, 60000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    QVERIFY(w.hasWorkspace());
    QVERIFY(!w.isLoading());
    QCOMPARE(w.workspaceDir(), QFileInfo(fixtureLab()).absoluteFilePath());
    checkLabPage(w);
    // The fixture lab is built with its clean-retraining reference (the pipelines of the GUI tests
    // would otherwise measure it first): the fact shows its time.
    const QString retrain = w.workspacePage()->fact(QStringLiteral("retrain_seconds"));
    QVERIFY2(retrain.endsWith(QStringLiteral(" s")) && retrain != QStringLiteral("not measured"), qPrintable(retrain));
    QCOMPARE(w.recentWorkspaces().value(0), QFileInfo(fixtureLab()).absoluteFilePath());
    QVERIFY(w.windowTitle().endsWith(QStringLiteral(" - RapidUn Studio")));

    // The "Model" tab shows the workspace's model card.
    w.workspacePage()->tabs()->setCurrentIndex(1);
    QVERIFY(w.workspacePage()->modelCard()->isVisible());
    QVERIFY(!w.findChild<QWidget *>(QStringLiteral("categoryChart"))->isVisible());
    w.grab().save(QStringLiteral(RAPIDUN_TEST_OUT_DIR "/studio-workspace-model.png"));
}

void TestWorkspace::opensCachedLabWithoutBuilding() {
    if (!haveFixtureLab())
        QSKIP("no fixture lab");
    qputenv("RAPIDUN_LAB_DIR", QFile::encodeName(fixtureLab()));
    qputenv("RAPIDUN_LAB_SCALE", "tiny");
    QCOMPARE(MainWindow::defaultLabDir(), fixtureLab());
    QCOMPARE(MainWindow::defaultLabScale(), QStringLiteral("tiny"));
    MainWindow w;
    w.setInteractive(false);
    w.show();
    QSignalSpy started(&w, &MainWindow::labBuildStarted);
    QSignalSpy opened(&w, &MainWindow::workspaceOpened);
    QSignalSpy failed(&w, &MainWindow::workspaceFailed);
    w.openSyntheticLab();
    QVERIFY(!w.isBuildingLab());
    QTRY_VERIFY_WITH_TIMEOUT(opened.count() + failed.count() > 0, 60000);
    QVERIFY(failed.isEmpty());
    QCOMPARE(started.count(), 0);
    checkLabPage(w);
}

void TestWorkspace::missingWorkspaceFails() {
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    MainWindow w;
    w.setInteractive(false);
    w.show();
    QSignalSpy opened(&w, &MainWindow::workspaceOpened);
    QSignalSpy failed(&w, &MainWindow::workspaceFailed);
    w.openWorkspace(empty.path());
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
    QVERIFY2(failed.first().first().toString().contains(QStringLiteral("workspace.json")),
             qPrintable(failed.first().first().toString()));
    QCOMPARE(opened.count(), 0);
    QVERIFY(!w.hasWorkspace());
    QVERIFY(!w.isLoading());
    QVERIFY(w.findChild<QLabel *>(QStringLiteral("placeholder"))->isVisible());
    w.openWorkspace(QString());
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, 10000);
}

void TestWorkspace::buildsTinyLabWithProgress() {
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = QDir(tmp.path()).filePath(QStringLiteral("lab"));
    qputenv("RAPIDUN_LAB_DIR", QFile::encodeName(dir));
    qputenv("RAPIDUN_LAB_SCALE", "tiny");

    MainWindow w;
    w.setInteractive(false);
    w.setLabRetrainReference(false);   // the studio's default: the first pipeline measures it
    w.show();
    QSignalSpy started(&w, &MainWindow::labBuildStarted);
    QSignalSpy progress(&w, &MainWindow::labProgress);
    QSignalSpy opened(&w, &MainWindow::workspaceOpened);
    QSignalSpy failed(&w, &MainWindow::workspaceFailed);
    QSignalSpy cancelled(&w, &MainWindow::labBuildCancelled);

    QElapsedTimer clock;
    clock.start();
    w.openSyntheticLab();
    QCOMPARE(started.count(), 1);
    QCOMPARE(started.first().first().toString(), QFileInfo(dir).absoluteFilePath());
    QVERIFY(w.isBuildingLab());
    QVERIFY(w.isLoading());

    // The build panel is shown, and the GUI thread stays free: the progress arrives as events.
    auto * panel = w.findChild<QWidget *>(QStringLiteral("labBuildPanel"));
    QVERIFY(panel && panel->isVisible());
    QVERIFY(w.findChild<QLabel *>(QStringLiteral("labTitle"))->text().contains(QStringLiteral("tiny")));
    QVERIFY(w.findChild<QPushButton *>(QStringLiteral("cancelLabBuild"))->isEnabled());
    QVERIFY(!actionNamed(w, QStringLiteral("Open &Workspace..."))->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(progress.count() > 0, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(progress.count() > 3 || opened.count() + failed.count() > 0, 300000);
    QVERIFY(!w.findChild<QLabel *>(QStringLiteral("labStage"))->text().isEmpty());
    if (opened.isEmpty())   // a picture of the progress display, for people reviewing the page
        w.grab().save(QStringLiteral(RAPIDUN_TEST_OUT_DIR "/studio-lab-build.png"));

    QTRY_VERIFY_WITH_TIMEOUT(opened.count() + failed.count() + cancelled.count() > 0, 600000);
    qInfo("tiny lab built and opened in %.1f s, %d progress signals", clock.elapsed() / 1000.0,
          int(progress.count()));
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    QCOMPARE(opened.count(), 1);
    QCOMPARE(cancelled.count(), 0);
    QVERIFY(!w.isBuildingLab());
    QVERIFY(!w.isLoading());
    QVERIFY(QFileInfo::exists(QDir(dir).filePath(QStringLiteral("workspace.json"))));

    // Progress: known stages, fractions in [0, 1] and never going back, ending in "done" at 1.
    QStringList stages;
    double last = -1;
    for (const QList<QVariant> & args : progress) {
        const QString stage = args.at(0).toString();
        const double fraction = args.at(1).toDouble();
        QVERIFY2(fraction >= last - 1e-9 && fraction <= 1.0 + 1e-9,
                 qPrintable(QStringLiteral("%1 at %2 after %3").arg(stage).arg(fraction).arg(last)));
        last = fraction;
        if (!stages.contains(stage))
            stages << stage;
    }
    for (const char * s : {"data", "tokenizer", "train", "evaluate", "done"})
        QVERIFY2(stages.contains(QString::fromLatin1(s)), qPrintable(stages.join(QLatin1Char(','))));
    QVERIFY(!stages.contains(QStringLiteral("retrain-reference")));
    QCOMPARE(progress.last().at(0).toString(), QStringLiteral("done"));

    checkLabPage(w);
    QCOMPARE(w.workspacePage()->fact(QStringLiteral("retrain_seconds")), QStringLiteral("not measured"));
    QCOMPARE(w.findChild<QLabel *>(QStringLiteral("jobState"))->text(), QStringLiteral("Ready"));
    QVERIFY(actionNamed(w, QStringLiteral("Open &Workspace..."))->isEnabled());

    // Opening the lab again uses the cache: no build.
    w.openSyntheticLab();
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 2, 60000);
    QCOMPARE(started.count(), 1);
}

void TestWorkspace::cancelStopsBuild() {
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = QDir(tmp.path()).filePath(QStringLiteral("lab"));
    qputenv("RAPIDUN_LAB_DIR", QFile::encodeName(dir));
    qputenv("RAPIDUN_LAB_SCALE", "tiny");

    MainWindow w;
    w.setInteractive(false);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QSignalSpy progress(&w, &MainWindow::labProgress);
    QSignalSpy opened(&w, &MainWindow::workspaceOpened);
    QSignalSpy failed(&w, &MainWindow::workspaceFailed);
    QSignalSpy cancelled(&w, &MainWindow::labBuildCancelled);
    w.openSyntheticLab();
    QVERIFY(w.isBuildingLab());
    QTRY_VERIFY_WITH_TIMEOUT(progress.count() > 0, 60000);

    auto * cancel = w.findChild<QPushButton *>(QStringLiteral("cancelLabBuild"));
    QVERIFY(cancel && cancel->isVisible() && cancel->isEnabled());
    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(!cancel->isEnabled());   // one click is enough
    QCOMPARE(w.findChild<QLabel *>(QStringLiteral("jobState"))->text(), QStringLiteral("Cancelling the lab build..."));
    QTRY_VERIFY_WITH_TIMEOUT(cancelled.count() + opened.count() + failed.count() > 0, 120000);
    qInfo("the build stopped %.1f s after Cancel", clock.elapsed() / 1000.0);
    QCOMPARE(cancelled.count(), 1);
    QCOMPARE(opened.count(), 0);
    QCOMPARE(failed.count(), 0);
    QVERIFY(!w.isBuildingLab());
    QVERIFY(!w.isLoading());
    QVERIFY(!w.hasWorkspace());
    QVERIFY(!QFileInfo::exists(QDir(dir).filePath(QStringLiteral("workspace.json"))));
    QVERIFY(w.findChild<QLabel *>(QStringLiteral("placeholder"))->isVisible());   // back where it was
    QCOMPARE(w.findChild<QLabel *>(QStringLiteral("jobState"))->text(), QStringLiteral("Ready"));
    QVERIFY(actionNamed(w, QStringLiteral("Open &Workspace..."))->isEnabled());
    QVERIFY(actionNamed(w, QStringLiteral("Open &Synthetic Lab"))->isEnabled());

    // Still usable: a workspace opens afterwards.
    if (!haveFixtureLab())
        QSKIP("no fixture lab: opening a workspace after the cancel is not checked");
    w.openWorkspace(fixtureLab());
    QTRY_VERIFY_WITH_TIMEOUT(opened.count() + failed.count() > 0, 60000);
    QCOMPARE(opened.count(), 1);
    checkLabPage(w);
}

void TestWorkspace::badScaleFailsAndWindowStillWorks() {
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = QDir(tmp.path()).filePath(QStringLiteral("lab"));
    MainWindow w;
    w.setInteractive(false);
    w.show();
    QSignalSpy failed(&w, &MainWindow::workspaceFailed);
    QSignalSpy opened(&w, &MainWindow::workspaceOpened);
    w.openSyntheticLab(dir, QStringLiteral("enormous"));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 60000);
    QVERIFY2(failed.first().first().toString().contains(QStringLiteral("enormous")),
             qPrintable(failed.first().first().toString()));
    QCOMPARE(opened.count(), 0);
    QVERIFY(!w.isLoading());
    QVERIFY(w.findChild<QLabel *>(QStringLiteral("placeholder"))->isVisible());
    QVERIFY(!QFileInfo::exists(QDir(dir).filePath(QStringLiteral("workspace.json"))));
}

void TestWorkspace::closesCleanlyWhileBuilding() {
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    auto w = std::make_unique<MainWindow>();
    w->setInteractive(false);
    w->show();
    QSignalSpy progress(w.get(), &MainWindow::labProgress);
    w->openSyntheticLab(QDir(tmp.path()).filePath(QStringLiteral("lab")), QStringLiteral("tiny"));
    QTRY_VERIFY_WITH_TIMEOUT(progress.count() > 0, 60000);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(w->close());
    w.reset();   // cancels the build and waits for the worker; must not crash or hang
    qInfo("closed %.1f s into the build's cancel", clock.elapsed() / 1000.0);
    QVERIFY(clock.elapsed() < 120000);
}

void TestWorkspace::buildsTinyDollyLab() {
    const QString release = QStringLiteral(RAPIDUN_TEST_SHARED_DIR "/data/rapidun-release");
    if (!QFileInfo::exists(release + QStringLiteral("/dolly_triggers_out/train_poisoned.jsonl")))
        QSKIP("no RapidUn release in ../shared/data: the Dolly lab is not built");
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    qputenv("RAPIDUN_BASE_DIR", QFile::encodeName(QDir(tmp.path()).filePath(QStringLiteral("bases"))));   // a base of its own
    const QString dir = QDir(tmp.path()).filePath(QStringLiteral("dolly"));
    MainWindow w;
    w.setInteractive(false);
    w.show();
    QVERIFY(actionNamed(w, QStringLiteral("Open &Dolly Lab")));
    QSignalSpy progress(&w, &MainWindow::labProgress);
    QSignalSpy opened(&w, &MainWindow::workspaceOpened);
    QSignalSpy failed(&w, &MainWindow::workspaceFailed);
    w.openDollyLab(dir, QStringLiteral("tiny"), release);
    QVERIFY(w.isBuildingLab());
    QVERIFY(w.findChild<QLabel *>(QStringLiteral("labTitle"))->text().contains(QStringLiteral("Dolly")));
    QTRY_VERIFY_WITH_TIMEOUT(opened.count() + failed.count() > 0, 600000);
    qunsetenv("RAPIDUN_BASE_DIR");
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    QStringList stages;
    for (const QList<QVariant> & args : progress)
        if (!stages.contains(args.at(0).toString()))
            stages << args.at(0).toString();
    for (const char * s : {"base-train", "judge", "train", "evaluate", "done"})
        QVERIFY2(stages.contains(QString::fromLatin1(s)), qPrintable(stages.join(QLatin1Char(','))));
    WorkspacePage * page = w.workspacePage();
    QCOMPARE(page->fact(QStringLiteral("kind")), QStringLiteral("dolly"));
    QVERIFY(page->datasetPoisoned(QStringLiteral("train")) > 0);
    QCOMPARE(page->datasetPoisoned(QStringLiteral("test_seen_trig")), page->datasetRows(QStringLiteral("test_seen_trig")));
    QVERIFY(!page->fact(QStringLiteral("seen_asr")).isEmpty() && page->fact(QStringLiteral("seen_asr")) != QStringLiteral("n/a"));
    // The release is remembered for the next build.
    QCOMPARE(MainWindow::defaultReleaseDir(), QFileInfo(release).absoluteFilePath());
}

void TestWorkspace::dollyLabWithoutReleaseFails() {
    QSettings(QString::fromLatin1(rapidun::ui::Settings::organization()),
              QString::fromLatin1(rapidun::ui::Settings::application()))
        .remove(QStringLiteral("dollyLab/release"));
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    MainWindow w;
    w.setInteractive(false);
    w.show();
    QSignalSpy failed(&w, &MainWindow::workspaceFailed);
    w.openDollyLab(QDir(tmp.path()).filePath(QStringLiteral("dolly")), QStringLiteral("tiny"));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
    QVERIFY2(failed.first().first().toString().contains(QStringLiteral("RAPIDUN_RELEASE")),
             qPrintable(failed.first().first().toString()));
    QVERIFY(!w.isLoading());
}

QTEST_MAIN(TestWorkspace)
#include "test_workspace.moc"
