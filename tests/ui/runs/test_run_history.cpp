// The Runs page's history model over hand-written run records (the shape run_unlearn_job writes):
// QAbstractItemModelTester through reloads and sorts, skipped folders, the values of each column,
// sorting by numbers (not by their text), NaN after numbers, the selection following its run, and
// the curve reader.
#include "run_history_model.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>

using rapidun::ui::RunCurve;
using rapidun::ui::RunHistoryModel;
using rapidun::ui::RunRecord;

namespace {

void writeFile(const QString & path, const QByteArray & text) {
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}

// A record as core writes it; after < 0 means "metrics_after": null (not evaluated / cancelled).
QByteArray record(const QString & id, const QString & method, int seed, double seenAfter, double unlearnSeconds,
                  bool cancelled = false, bool stopped = false) {
    QJsonObject before{{QStringLiteral("seen_asr"), 0.7}, {QStringLiteral("ood_asr"), 0.3}};
    QJsonObject run{{QStringLiteral("id"), id},
                    {QStringLiteral("method"), method},
                    {QStringLiteral("preset"), QStringLiteral("lab")},
                    {QStringLiteral("settings"), QJsonObject{{QStringLiteral("seed"), seed}}},
                    {QStringLiteral("result"), QJsonObject{{QStringLiteral("steps"), 96}, {QStringLiteral("total_steps"), 96},
                                                           {QStringLiteral("cancelled"), cancelled},
                                                           {QStringLiteral("stopped_early"), stopped},
                                                           {QStringLiteral("reason"), stopped ? QStringLiteral("retain CE blew up") : QString()}}},
                    {QStringLiteral("seconds"), QJsonObject{{QStringLiteral("unlearn"), unlearnSeconds}, {QStringLiteral("evaluate"), 0.25}}},
                    {QStringLiteral("metrics_before"), before}};
    if (seenAfter >= 0)
        run.insert(QStringLiteral("metrics_after"),
                   QJsonObject{{QStringLiteral("seen_asr"), seenAfter}, {QStringLiteral("ood_asr"), seenAfter / 2},
                               {QStringLiteral("false_trigger_rate"), 0.01}, {QStringLiteral("clean_exact_match"), 0.2}});
    else
        run.insert(QStringLiteral("metrics_after"), QJsonValue::Null);
    return QJsonDocument(run).toJson();
}

QStringList idsInRowOrder(const RunHistoryModel & m) {
    QStringList ids;
    for (int r = 0; r < m.rowCount(); ++r)
        ids << m.index(r, RunHistoryModel::Id).data(RunHistoryModel::RunIdRole).toString();
    return ids;
}

} // namespace

class TestRunHistory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void readsRecordsAndSkipsBrokenOnes();
    void sortsByRawValues();
    void selectionFollowsItsRunThroughSortAndReload();
    void readsCurves();

private:
    QTemporaryDir ws_;
};

void TestRunHistory::initTestCase() {
    QVERIFY(ws_.isValid());
    const QString runs = ws_.path() + QStringLiteral("/runs/");
    // Seconds chosen so that text order ("10.0" < "9.5") differs from numeric order.
    writeFile(runs + QStringLiteral("a/run.json"), record(QStringLiteral("a"), QStringLiteral("rapidun"), 10, 0.05, 9.5));
    writeFile(runs + QStringLiteral("b/run.json"), record(QStringLiteral("b"), QStringLiteral("ga"), 2, 0.40, 10.0));
    writeFile(runs + QStringLiteral("c/run.json"), record(QStringLiteral("c"), QStringLiteral("gagd"), 7, -1, 1.5, true));
    writeFile(runs + QStringLiteral("d/run.json"), record(QStringLiteral("d"), QStringLiteral("npo"), 3, 0.20, 100.0, false, true));
    writeFile(runs + QStringLiteral("broken/run.json"), QByteArrayLiteral("{\"id\": "));
    QDir().mkpath(runs + QStringLiteral("half"));   // a run that never wrote its record
    writeFile(runs + QStringLiteral("a/metrics.jsonl"),
              QByteArrayLiteral("{\"step\":0,\"forget_poisoned_ce\":0.78,\"forget_clean_ce\":null,\"retain_ce\":1.08}\n"
                                "{\"step\":80,\"forget_poisoned_ce\":2.5,\"forget_clean_ce\":null,\"retain_ce\":1.1}\n"));
}

void TestRunHistory::readsRecordsAndSkipsBrokenOnes() {
    RunHistoryModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(m.reload(ws_.path()), 2);   // "broken" and "half"
    QCOMPARE(m.rowCount(), 4);
    QCOMPARE(m.columnCount(), int(RunHistoryModel::ColumnCount));

    const int a = m.rowOfRun(QStringLiteral("a"));
    QVERIFY(a >= 0);
    QCOMPARE(m.index(a, RunHistoryModel::Method).data().toString(), QStringLiteral("RapidUn"));
    QCOMPARE(m.index(a, RunHistoryModel::Seed).data(RunHistoryModel::RawValueRole).toLongLong(), 10);
    QCOMPARE(m.index(a, RunHistoryModel::SeenAsr).data(RunHistoryModel::RawValueRole).toDouble(), 0.05);
    QVERIFY(m.index(a, RunHistoryModel::SeenAsr).data().toString().contains(QStringLiteral("70.0%")));
    QVERIFY(m.index(a, RunHistoryModel::SeenAsr).data().toString().contains(QStringLiteral("5.0%")));
    QCOMPARE(m.index(a, RunHistoryModel::OodAsr).data(RunHistoryModel::RawValueRole).toDouble(), 0.025);
    QCOMPARE(m.index(a, RunHistoryModel::CleanEm).data(RunHistoryModel::RawValueRole).toDouble(), 0.2);
    QCOMPARE(m.index(a, RunHistoryModel::Seconds).data(RunHistoryModel::RawValueRole).toDouble(), 9.5);
    QCOMPARE(m.recordAt(a).status, RunRecord::Status::Finished);

    const int c = m.rowOfRun(QStringLiteral("c"));
    QCOMPARE(m.recordAt(c).status, RunRecord::Status::Cancelled);
    QVERIFY(std::isnan(m.index(c, RunHistoryModel::SeenAsr).data(RunHistoryModel::RawValueRole).toDouble()));
    QCOMPARE(m.index(c, RunHistoryModel::Status).data().toString(), RunHistoryModel::statusLabel(RunRecord::Status::Cancelled));
    const int d = m.rowOfRun(QStringLiteral("d"));
    QCOMPARE(m.recordAt(d).status, RunRecord::Status::StoppedEarly);
    QCOMPARE(m.index(d, RunHistoryModel::Status).data(Qt::ToolTipRole).toString(), QStringLiteral("retain CE blew up"));
    QCOMPARE(m.rowOfRun(QStringLiteral("broken")), -1);

    m.clear();
    QCOMPARE(m.rowCount(), 0);
    QCOMPARE(m.reload(ws_.path() + QStringLiteral("/missing")), 0);
    QCOMPARE(m.rowCount(), 0);
}

void TestRunHistory::sortsByRawValues() {
    RunHistoryModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.reload(ws_.path());

    m.sort(RunHistoryModel::SeenAsr, Qt::AscendingOrder);   // after: a 0.05, d 0.20, b 0.40, c NaN (last)
    QCOMPARE(idsInRowOrder(m), (QStringList{"a", "d", "b", "c"}));
    m.sort(RunHistoryModel::SeenAsr, Qt::DescendingOrder);
    QCOMPARE(idsInRowOrder(m), (QStringList{"c", "b", "d", "a"}));
    m.sort(RunHistoryModel::Seconds, Qt::AscendingOrder);   // numbers, not text: 1.5 < 9.5 < 10 < 100
    QCOMPARE(idsInRowOrder(m), (QStringList{"c", "a", "b", "d"}));
    m.sort(RunHistoryModel::Seed, Qt::DescendingOrder);     // 10 7 3 2
    QCOMPARE(idsInRowOrder(m), (QStringList{"a", "c", "d", "b"}));
    m.sort(RunHistoryModel::Method, Qt::AscendingOrder);    // GA, GA+GD, NPO, RapidUn
    QCOMPARE(idsInRowOrder(m), (QStringList{"b", "c", "d", "a"}));
    m.reload(ws_.path());                                   // a reload keeps the sort
    QCOMPARE(idsInRowOrder(m), (QStringList{"b", "c", "d", "a"}));
}

void TestRunHistory::selectionFollowsItsRunThroughSortAndReload() {
    RunHistoryModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.reload(ws_.path());
    QItemSelectionModel sel(&m);
    m.sort(RunHistoryModel::Seed, Qt::AscendingOrder);   // b d c a
    sel.setCurrentIndex(m.index(m.rowOfRun(QStringLiteral("d")), 0), QItemSelectionModel::SelectCurrent | QItemSelectionModel::Rows);
    QCOMPARE(sel.currentIndex().row(), 1);
    m.sort(RunHistoryModel::Seed, Qt::DescendingOrder);  // a c d b
    QCOMPARE(sel.currentIndex().row(), 2);
    QCOMPARE(sel.currentIndex().data(RunHistoryModel::RunIdRole).toString(), QStringLiteral("d"));
    QCOMPARE(sel.selectedRows().size(), 1);
    QCOMPARE(sel.selectedRows().first().data(RunHistoryModel::RunIdRole).toString(), QStringLiteral("d"));
}

void TestRunHistory::readsCurves() {
    RunCurve c;
    QVERIFY(rapidun::ui::readRunCurve(ws_.path() + QStringLiteral("/runs/a"), &c));
    QCOMPARE(c.step, (QVector<double>{0, 80}));
    QCOMPARE(c.forgetPoisoned, (QVector<double>{0.78, 2.5}));
    QVERIFY(std::isnan(c.forgetClean.at(0)));
    QCOMPARE(c.retain.at(1), 1.1);
    QVERIFY(!rapidun::ui::readRunCurve(ws_.path() + QStringLiteral("/runs/b"), &c));   // no metrics.jsonl
    QVERIFY(c.step.isEmpty());
}

QTEST_MAIN(TestRunHistory)
#include "test_run_history.moc"
