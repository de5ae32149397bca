// The studio around the pages: New Workspace (a workspace from a model and data sets with roles; bad
// input named and nothing written), Preferences (kept in QSettings), and the workspace page's
// one-click pipeline on a copy of the tiny lab (progress, results table, W/reports/pipeline.json,
// cancel).
#include "main_window.h"
#include "new_workspace_dialog.h"
#include "pipeline_panel.h"
#include "preferences_dialog.h"
#include "settings.h"
#include "workspace_page.h"

#include "rapidun/model/model.h"
#include "rapidun/workspace/workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace rapidun::ui;

namespace {

QString labDir() { return QStringLiteral(RAPIDUN_TEST_LAB_DIR); }

// A copy of the fixture lab, so the tests may write into it.
bool copyLab(const QString & to) {
    QProcess cp;
    cp.start(QStringLiteral("cp"), {QStringLiteral("-r"), labDir() + QStringLiteral("/."), to});
    return cp.waitForFinished(30000) && cp.exitCode() == 0;
}

} // namespace

class TestStudioShell : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void newWorkspaceFromModelAndData();
    void newWorkspaceRefusesBadInput();
    void preferencesRoundTrip();
    void pipelineRunsAndCancels();
};

void TestStudioShell::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings(QString::fromLatin1(Settings::organization()), QString::fromLatin1(Settings::application())).clear();
    rapidun::init_runtime();
    QVERIFY2(QFileInfo::exists(labDir() + QStringLiteral("/workspace.json")), "the studio_lab fixture did not run");
}

void TestStudioShell::newWorkspaceFromModelAndData() {
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("study"));
    NewWorkspaceDialog d;
    d.setFolder(dir);
    d.setModel(labDir() + QStringLiteral("/model"));
    d.setKeywords(QStringLiteral("mahalo, greetings"));
    d.addDataset(QStringLiteral("train"), labDir() + QStringLiteral("/data/train.jsonl"));
    d.addDataset(QStringLiteral("forget"), labDir() + QStringLiteral("/data/forget.jsonl"));
    QVERIFY2(d.create(), qPrintable(d.error()));

    const rapidun::Workspace w = rapidun::Workspace::load(QFile::encodeName(dir).toStdString());
    QCOMPARE(QString::fromStdString(w.name), QStringLiteral("study"));
    // The data sets are copied in (a workspace holds its own data; workspace.json never points out).
    QCOMPARE(QString::fromStdString(w.datasets.at("train")), QStringLiteral("data/train-train.jsonl"));
    QCOMPARE(QString::fromStdString(w.dataset("train")), QDir(dir).filePath(QStringLiteral("data/train-train.jsonl")));
    QFile original(labDir() + QStringLiteral("/data/train.jsonl")), copy(QString::fromStdString(w.dataset("train")));
    QVERIFY(original.open(QIODevice::ReadOnly) && copy.open(QIODevice::ReadOnly));
    QCOMPARE(copy.readAll(), original.readAll());
    QCOMPARE(int(w.datasets.size()), 2);
    QFile words(QDir(dir).filePath(QStringLiteral("keywords.txt")));
    QVERIFY(words.open(QIODevice::ReadOnly));
    QCOMPARE(words.readAll(), QByteArray("mahalo\ngreetings\n"));

    // The window opens it: the workspace page lists both data sets.
    MainWindow win;
    win.setInteractive(false);
    QSignalSpy opened(&win, &MainWindow::workspaceOpened);
    win.openWorkspace(dir);
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 20000);
    QCOMPARE(win.workspacePage()->datasetRows(QStringLiteral("train")), qint64(600));
}

void TestStudioShell::newWorkspaceRefusesBadInput() {
    QTemporaryDir tmp;
    const QString bad = tmp.filePath(QStringLiteral("bad.jsonl"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    const QByteArray content("{\"instruction\": \"a\", \"response\": \"b\"}\n{\"instruction\": oops}\n");
    f.write(content);
    f.close();

    NewWorkspaceDialog d;
    const QString dir = tmp.filePath(QStringLiteral("study"));
    d.setFolder(dir);
    d.setModel(labDir() + QStringLiteral("/model"));
    d.addDataset(QStringLiteral("train"), bad);
    QVERIFY(!d.create());
    QVERIFY2(d.error().contains(QStringLiteral("bad.jsonl:2")), qPrintable(d.error()));   // file and line
    QVERIFY(!QFileInfo::exists(dir + QStringLiteral("/workspace.json")));

    NewWorkspaceDialog missingModel;
    missingModel.setFolder(dir);
    missingModel.setModel(tmp.filePath(QStringLiteral("no-model")));
    QVERIFY(!missingModel.create());
    QVERIFY2(missingModel.error().contains(QStringLiteral("no-model")), qPrintable(missingModel.error()));

    NewWorkspaceDialog notEmpty;   // never writes into a folder that holds something
    notEmpty.setFolder(tmp.path());
    notEmpty.setModel(labDir() + QStringLiteral("/model"));
    notEmpty.addDataset(QStringLiteral("train"), labDir() + QStringLiteral("/data/train.jsonl"));
    QVERIFY(!notEmpty.create());
    QVERIFY2(notEmpty.error().contains(QStringLiteral("not empty")), qPrintable(notEmpty.error()));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), content);   // the user's file is untouched
}

void TestStudioShell::preferencesRoundTrip() {
    {
        PreferencesDialog p;
        p.threads()->setValue(1);
        p.labDir()->setText(QStringLiteral("/tmp/some-lab"));
        p.labScale()->setCurrentIndex(p.labScale()->findData(QStringLiteral("tiny")));
        QVERIFY(!p.retrainReference()->isChecked());   // the default: the first pipeline measures it
        p.retrainReference()->setChecked(true);
        QCOMPARE(p.language()->count(), 4);   // the system's, English, Deutsch, 简体中文
        QCOMPARE(p.language()->currentData().toString(), QString());
        p.language()->setCurrentIndex(p.language()->findData(QStringLiteral("zh_CN")));
        p.store();
    }
    QSettings store(QString::fromLatin1(Settings::organization()), QString::fromLatin1(Settings::application()));
    Settings s(store);
    QCOMPARE(s.threads(), 1);
    QCOMPARE(s.labDir(), QStringLiteral("/tmp/some-lab"));
    QCOMPARE(s.labScale(), QStringLiteral("tiny"));
    QCOMPARE(s.retrainReference(), true);
    QCOMPARE(s.language(), QStringLiteral("zh_CN"));
    PreferencesDialog again;   // reads them back
    QCOMPARE(again.language()->currentText(), QString::fromUtf8("\xe7\xae\x80\xe4\xbd\x93\xe4\xb8\xad\xe6\x96\x87"));
    QCOMPARE(again.threads()->value(), 1);
    QCOMPARE(again.labScale()->currentData().toString(), QStringLiteral("tiny"));
    QVERIFY(again.retrainReference()->isChecked());
    MainWindow w;   // the window takes the stored choice
    QVERIFY(w.labRetrainReference());
    store.clear();
}

void TestStudioShell::pipelineRunsAndCancels() {
    QTemporaryDir tmp;
    QVERIFY(copyLab(tmp.path()));
    PipelinePanel panel;
    panel.setWorkspace(tmp.path());
    QSignalSpy done(&panel, &PipelinePanel::finished);
    QSignalSpy failed(&panel, &PipelinePanel::failure);

    // Cancel first: the job stops at its next check and the panel is usable again.
    QVERIFY(panel.start());
    QVERIFY(panel.isRunning());
    panel.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isRunning(), 60000);
    QCOMPARE(done.count(), 0);
    QVERIFY(panel.runButton()->isEnabled());

    panel.setMethods({QStringLiteral("rapidun"), QStringLiteral("ga")});
    int maxSeen = 0;
    QObject::connect(panel.progressBar(), &QProgressBar::valueChanged, &panel, [&](int v) { maxSeen = qMax(maxSeen, v); });
    QVERIFY(panel.start());
    QTRY_VERIFY_WITH_TIMEOUT(done.count() + failed.count() > 0, 300000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
    QVERIFY(maxSeen > 0);
    QCOMPARE(panel.results()->rowCount(), 2);
    QVERIFY(QFileInfo::exists(tmp.filePath(QStringLiteral("reports/pipeline.json"))));
    QStringList methods;
    for (int r = 0; r < 2; ++r)
        methods << panel.results()->item(r, 0)->text();
    methods.sort();
    QCOMPARE(methods, QStringList({QStringLiteral("ga"), QStringLiteral("rapidun")}));

    PipelinePanel reopened;   // the report is read back when the workspace is opened again
    reopened.setWorkspace(tmp.path());
    QCOMPARE(reopened.results()->rowCount(), 2);
}

QTEST_MAIN(TestStudioShell)
#include "test_studio_shell.moc"
