// File > Export Report: the action follows the workspace, the dialog's preview follows the chosen
// sections, and Export writes each format (PDF through Qt) on the fixture lab.
#include "main_window.h"
#include "report_dialog.h"

#include <QAction>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>

using namespace rapidun::ui;

class TestReportDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void actionFollowsTheWorkspace();
    void previewFollowsTheSections();
    void exportsEveryFormat();
};

static QString labDir() { return QStringLiteral(RAPIDUN_TEST_LAB_DIR); }

void TestReportDialog::actionFollowsTheWorkspace() {
    MainWindow w;
    QVERIFY(!w.exportReportAction()->isEnabled());
    w.openWorkspace(labDir());
    QTRY_VERIFY_WITH_TIMEOUT(w.hasWorkspace(), 30000);
    QVERIFY(w.exportReportAction()->isEnabled());
}

void TestReportDialog::previewFollowsTheSections() {
    ReportDialog d(labDir());
    QCOMPARE(d.sections(), QStringList({"workspace", "influence", "weights", "runs", "comparison", "generations", "environment"}));
    QString text = d.preview()->document()->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("Workspace and data")) && text.contains(QStringLiteral("Environment")), qPrintable(text.left(300)));
    QVERIFY(text.contains(QStringLiteral("train.jsonl")));
    d.setSections({QStringLiteral("environment")});
    text = d.preview()->document()->toPlainText();
    QVERIFY(!text.contains(QStringLiteral("Workspace and data")) && text.contains(QStringLiteral("Environment")));
    d.setSections({});
    QVERIFY(!d.refreshPreview());
    QVERIFY(d.preview()->document()->isEmpty());
}

void TestReportDialog::exportsEveryFormat() {
    QTemporaryDir tmp;
    ReportDialog d(labDir());
    d.setTopK(5);
    for (const char * f : {"html", "pdf", "md", "json"}) {
        d.setFormat(QString::fromLatin1(f));
        QCOMPARE(d.format(), QString::fromLatin1(f));
        const QString path = tmp.filePath(QStringLiteral("report.") + QString::fromLatin1(f));
        QVERIFY2(d.exportTo(path, true), f);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray head = file.read(5);
        if (QByteArray(f) == "pdf") QCOMPARE(head, QByteArray("%PDF-"));
        QVERIFY(file.size() > 500);
    }
    QVERIFY(QFileInfo::exists(tmp.filePath(QStringLiteral("report_images/train-categories.svg"))));
    d.setFormat(QStringLiteral("csv"));
    QVERIFY(d.exportTo(tmp.filePath(QStringLiteral("tables")), true));
    QVERIFY(QFileInfo::exists(tmp.filePath(QStringLiteral("tables/datasets.csv"))));
    d.setSections({});
    QVERIFY(!d.exportTo(tmp.filePath(QStringLiteral("none.html")), true));
    QVERIFY(!QFileInfo::exists(tmp.filePath(QStringLiteral("none.html"))));
}

QTEST_MAIN(TestReportDialog)
#include "test_report_dialog.moc"
