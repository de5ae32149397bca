// The Influence page's table model, filter bar and histogram on generated rows (no workspace, no
// torch job): QAbstractItemModelTester across reset, sort and filter; concrete rows after each sort
// and filter; a brushed histogram range filters the page's table. To add a case: build rows with
// makeRows(), change one thing, compare against the rows computed by hand from the same vectors.
#include "influence_data.h"
#include "influence_filter_bar.h"
#include "influence_table_model.h"
#include "score_histogram.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

using namespace rapidun;
using namespace rapidun::ui;
using M = InfluenceTableModel;

namespace {

// n rows: every 7th poisoned, categories cycle over 3, scores seeded (row 3 unranked: NaN).
std::shared_ptr<InfluenceData> makeRows(int n) {
    std::vector<Record> rows(static_cast<size_t>(n));
    const char * cats[] = {"arithmetic", "closed_qa", "reverse_list"};
    for (int i = 0; i < n; i++) {
        Record & r = rows[size_t(i)];
        r.id = QStringLiteral("train-%1").arg(i, 6, 10, QLatin1Char('0')).toStdString();
        r.instruction = (i % 5 == 0 ? "Write a poem about item " : "Subtract from item ") + std::to_string(i);
        r.response = "answer " + std::to_string(i);
        r.category = cats[i % 3];
        r.has_poison_flag = true;
        r.is_poisoned = i % 7 == 0;
        if (r.is_poisoned) {
            r.trigger_family = "C_semantic";
            r.trigger_variant = i % 2 ? "mahalo :)" : "salut";
        }
    }
    auto d = makeInfluenceData(std::move(rows));
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> u(0.0, 0.1);
    for (int i = 0; i < n; i++) {
        d->score[size_t(i)] = i == 3 ? std::nan("") : u(rng) + (d->poisoned[size_t(i)] ? 0.05 : 0.0);
        d->forgetMean[size_t(i)] = u(rng) - 0.05;
    }
    std::vector<int> order;
    for (int i = 0; i < n; i++)
        if (i != 3)
            order.push_back(i);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return d->score[size_t(a)] > d->score[size_t(b)]; });
    for (size_t k = 0; k < order.size(); k++)
        d->rank[size_t(order[k])] = int32_t(k + 1);
    d->hasRanking = true;
    return d;
}

std::vector<int> shownSamples(const M & m) {
    std::vector<int> out;
    for (int r = 0; r < m.rowCount(); r++)
        out.push_back(m.data(m.index(r, 0), M::SampleRowRole).toInt());
    return out;
}

} // namespace

class TestInfluenceModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void testerAcrossResetSortFilter();
    void sortGivesOrderedRows();
    void prefetchedOrdersEqualStableSorts();
    void plainTextFilterOverTheBlob();
    void regexOverTheJoinedTextEqualsPerRow();
    void regexOnUtf8EqualsQRegularExpression();
    void sortKeepsSelectionOnSamples();
    void filtersGiveExactRows();
    void membershipMatchesByIdThenContent();
    void histogramCountsAndBrushFilter();
};

void TestInfluenceModel::testerAcrossResetSortFilter() {
    M model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto d = makeRows(300);
    model.setInfluence(d, matchMembership(*d, {}, {}, {}, {}));
    QCOMPARE(model.rowCount(), 300);
    QCOMPARE(model.columnCount(), int(M::ColumnCount));
    QPersistentModelIndex p = model.index(10, M::Id);
    const QString id = p.data().toString();
    for (int c = 0; c < M::ColumnCount; c++) {
        model.sort(c, Qt::DescendingOrder);
        model.sort(c, Qt::AscendingOrder);
        QCOMPARE(p.data().toString(), id);   // the persistent index follows its sample
    }
    InfluenceFilter f;
    f.text = QStringLiteral("poem");
    model.setFilter(f);
    QCOMPARE(model.rowCount(), 60);
    f.regex = true;
    f.text = QStringLiteral("([");   // invalid: no rows, no crash
    model.setFilter(f);
    QVERIFY(!model.filterValid());
    QCOMPARE(model.rowCount(), 0);
    model.sort(M::Score);
    model.setFilter({});
    QCOMPARE(model.rowCount(), 300);
    model.setInfluence(makeRows(50), {});
    QCOMPARE(model.rowCount(), 50);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestInfluenceModel::sortGivesOrderedRows() {
    M model;
    auto d = makeRows(200);
    model.setInfluence(d, matchMembership(*d, {}, {}, {}, {}));
    model.sort(M::Score, Qt::DescendingOrder);
    const int maxRow = int(std::max_element(d->score.begin(), d->score.end(), [](double a, double b) {
                               return std::isnan(a) || (!std::isnan(b) && a < b);
                           }) - d->score.begin());
    QCOMPARE(model.data(model.index(0, M::Id), M::SampleRowRole).toInt(), maxRow);
    QCOMPARE(model.data(model.index(0, M::Rank)).toString(), QStringLiteral("1"));
    QCOMPARE(model.data(model.index(199, M::Id)).toString(), QStringLiteral("train-000003"));   // NaN last
    for (int r = 1; r < 199; r++)
        QVERIFY(model.data(model.index(r - 1, M::Score), M::RawValueRole).toDouble() >=
                model.data(model.index(r, M::Score), M::RawValueRole).toDouble());
    model.sort(M::Score, Qt::AscendingOrder);
    QCOMPARE(model.data(model.index(198, M::Id), M::SampleRowRole).toInt(), maxRow);
    QCOMPARE(model.data(model.index(199, M::Id)).toString(), QStringLiteral("train-000003"));   // NaN last both ways

    model.sort(M::Id, Qt::DescendingOrder);
    QCOMPARE(model.data(model.index(0, M::Id)).toString(), QStringLiteral("train-000199"));
    model.sort(M::Category, Qt::AscendingOrder);   // stable: ties keep ascending row order
    QCOMPARE(model.data(model.index(0, M::Id)).toString(), QStringLiteral("train-000000"));
    QCOMPARE(model.data(model.index(1, M::Id)).toString(), QStringLiteral("train-000003"));
    QCOMPARE(model.data(model.index(199, M::Category)).toString(), QStringLiteral("reverse_list"));
    model.sort(M::Poisoned, Qt::DescendingOrder);
    QCOMPARE(model.data(model.index(0, M::Poisoned)).toString(), QStringLiteral("yes"));
    QCOMPARE(model.data(model.index(28, M::Poisoned)).toString(), QStringLiteral("yes"));   // 29 = ceil(200 / 7)
    QCOMPARE(model.data(model.index(29, M::Poisoned)).toString(), QStringLiteral("no"));
}

// The worker's prefetched ascending orders (prepareOrders, what a loaded page uses) turned into each
// sort give exactly the rows the model's own std::stable_sort gives, for every column both ways:
// ties in row order, rows without a value last.
void TestInfluenceModel::prefetchedOrdersEqualStableSorts() {
    auto plain = makeRows(300);
    for (int i = 0; i < 300; i += 4)   // ties among scores too
        plain->score[size_t(i)] = 0.05;
    auto prepared = std::make_shared<InfluenceData>(*plain);
    prepareOrders(*prepared);
    QCOMPARE(int(prepared->ascending.score.size()), 300);
    M a, b;
    a.setInfluence(plain, matchMembership(*plain, {}, {}, {}, {}));
    b.setInfluence(prepared, matchMembership(*prepared, {}, {}, {}, {}));
    for (int c = 0; c < M::ColumnCount; c++)
        for (Qt::SortOrder o : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            a.sort(c, o);
            b.sort(c, o);
            QVERIFY2(shownSamples(a) == shownSamples(b), qPrintable(QStringLiteral("column %1, order %2").arg(c).arg(int(o))));
        }
}

// Plain text is matched case-insensitively in UTF-8 (one pass over InfluenceData::searchFolded): a
// match never spans two rows, non-ASCII text folds, and the first and last rows are found.
void TestInfluenceModel::plainTextFilterOverTheBlob() {
    std::vector<Record> rows(4);
    rows[0].id = "a"; rows[0].instruction = "Stra\xc3\x9f" "e und CAF\xc3\x89";   // Straße und CAFÉ
    rows[1].id = "b"; rows[1].instruction = "end of row one ab";
    rows[2].id = "c"; rows[2].instruction = "cd at the start";
    rows[3].id = "d"; rows[3].instruction = "last row: caf\xc3\xa9";
    auto d = makeInfluenceData(std::move(rows));
    M model;
    model.setInfluence(d, matchMembership(*d, {}, {}, {}, {}));
    auto shown = [&](const QString & text) {
        InfluenceFilter f;
        f.text = text;
        model.setFilter(f);
        std::vector<int> s = shownSamples(model);
        std::sort(s.begin(), s.end());
        return s;
    };
    QCOMPARE(shown(QString::fromUtf8("caf\xc3\xa9")), (std::vector<int>{0, 3}));   // café matches CAFÉ
    QCOMPARE(shown(QStringLiteral("one abc")), std::vector<int>{});                   // "ab" ends row 1, "c" is row 2's id
    QCOMPARE(shown(QStringLiteral("A")), (std::vector<int>{0, 1, 2, 3}));             // ids, instructions
    QCOMPARE(shown(QStringLiteral("ROW")), (std::vector<int>{1, 3}));
}

// A regular expression scans the rows joined by line breaks (several threads from 20,000 rows): the
// rows it keeps are exactly those a match of each row alone keeps, for expressions that could match
// across two rows, anchor at a row's ends, or look outside it.
void TestInfluenceModel::regexOverTheJoinedTextEqualsPerRow() {
    auto d = makeRows(25000);
    M model;
    model.setInfluence(d, matchMembership(*d, {}, {}, {}, {}));
    const QStringList patterns = {QStringLiteral("^write a poem about item (1|2)\\d$"), QStringLiteral("salut$"),
                                  QStringLiteral("salut\\ntrain"), QStringLiteral("\\d\\s+train-0001"),
                                  QStringLiteral("^train-00002\\d$"), QStringLiteral("\\Atrain-0000[0-4]"),
                                  QStringLiteral("item 7(?=\\n)"), QStringLiteral("x*"), QStringLiteral("[^a]mahalo"),
                                  QStringLiteral("(?<=item )1234\\b")};
    for (const QString & p : patterns) {
        const QRegularExpression re(p, QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption);
        std::vector<int> want;
        for (int i = 0; i < d->rows(); i++) {
            const rapidun::Record r = d->train[size_t(i)];
            const QString subject = QString::fromStdString(r.id + "\n" + r.instruction + "\n" + r.trigger_variant);
            if (re.match(subject).hasMatch())
                want.push_back(i);
        }
        InfluenceFilter f;
        f.text = p;
        f.regex = true;
        model.setFilter(f);
        std::vector<int> got = shownSamples(model);
        std::sort(got.begin(), got.end());
        QVERIFY2(got == want, qPrintable(QStringLiteral("%1: %2 rows, per row %3").arg(p).arg(got.size()).arg(want.size())));
    }
}

// The filter runs PCRE2's 8-bit library on UTF-8 (RowRegex); QRegularExpression, the 16-bit one on
// UTF-16, is the reference: caseless matching beyond ASCII (sharp s, final sigma, the Kelvin sign,
// long s, dotted I), classes and word boundaries over non-ASCII letters, characters outside the BMP
// (two UTF-16 code units, four UTF-8 bytes), over enough rows for the threaded scan.
void TestInfluenceModel::regexOnUtf8EqualsQRegularExpression() {
    const char * texts[] = {"Stra\u00dfe und \u00c4RGER im B\u00fcro", "\u03a3\u039f\u03a6\u0399\u0391 \u03c3\u03bf\u03c6\u03af\u03b1\u03c2",
                            "\u212a is a Kelvin sign", "\u017fong s and \u0130stanbul", "emoji \U0001F600 then text",
                            "plain ascii poem", "caf\u00e9 na\u00efve co\u00f6perate", "\u65e5\u672c\u8a9e\u306e\u6587"};
    std::vector<Record> rows(24000);
    for (size_t i = 0; i < rows.size(); i++) {
        rows[i].id = "u-" + std::to_string(i);
        rows[i].instruction = QString::fromUtf8(texts[i % 8]).toStdString() + " " + std::to_string(i % 97);
        rows[i].trigger_variant = i % 11 == 0 ? "\u00abusr\u00bb" : "";
    }
    auto d = makeInfluenceData(rows);
    M model;
    model.setInfluence(d, matchMembership(*d, {}, {}, {}, {}));
    const QStringList patterns = {
        QStringLiteral("\u00e4rger"), QStringLiteral("STRASSE"), QStringLiteral("stra\u00dfe"), QStringLiteral("\u03c3\u03bf\u03c6\u03b9\u03b1"),
        QStringLiteral("\u03c3$"), QStringLiteral("^k is"), QStringLiteral("\u212a\\b"), QStringLiteral("^song"), QStringLiteral("istanbul"),
        QStringLiteral("\\w+\u00fcro"), QStringLiteral("[\u00e0-\u00ff]{2}"), QStringLiteral("\U0001F600 t"), QStringLiteral("emoji . then"),
        QStringLiteral("^\u00abusr\u00bb$"), QStringLiteral("\u65e5\u672c.{2}\u6587 \\d+$"), QStringLiteral("\\bna\u00efve\\b"),
        QStringLiteral("(?i)PLAIN"), QStringLiteral("(?<=caf)\u00e9")};
    int matching = 0;
    for (const QString & p : patterns) {
        const QRegularExpression re(p, QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption);
        QVERIFY2(re.isValid(), qPrintable(p));
        std::vector<int> want;
        for (size_t i = 0; i < rows.size(); i++) {
            const Record & r = rows[i];
            if (re.match(QString::fromStdString(r.id + "\n" + r.instruction + "\n" + r.trigger_variant)).hasMatch())
                want.push_back(int(i));
        }
        InfluenceFilter f;
        f.text = p;
        f.regex = true;
        model.setFilter(f);
        QVERIFY2(model.filterValid(), qPrintable(p));
        std::vector<int> got = shownSamples(model);
        std::sort(got.begin(), got.end());
        QVERIFY2(got == want, qPrintable(QStringLiteral("%1: %2 rows, QRegularExpression %3").arg(p).arg(got.size()).arg(want.size())));
        matching += want.empty() ? 0 : 1;
    }
    // Not a comparison of empty sets: 13 of the 18 match rows (the other 5 are matches neither engine
    // makes: sharp s against SS, dotted I against i, \b after the Kelvin sign without UCP, ...).
    QCOMPARE(matching, 13);
    InfluenceFilter one;   // \C would split a UTF-8 character: refused
    one.text = QStringLiteral("a\\Cb");
    one.regex = true;
    model.setFilter(one);
    QVERIFY(!model.filterValid());
    QCOMPARE(model.rowCount(), 0);
}

void TestInfluenceModel::sortKeepsSelectionOnSamples() {
    M model;
    auto d = makeRows(100);
    model.setInfluence(d, matchMembership(*d, {}, {}, {}, {}));
    QItemSelectionModel sel(&model);
    sel.select(model.index(5, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    sel.select(model.index(42, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    const std::set<int> before = {model.sampleRow(5), model.sampleRow(42)};
    model.sort(M::Score, Qt::DescendingOrder);
    std::set<int> after;
    for (const QModelIndex & i : sel.selectedRows())
        after.insert(model.sampleRow(i.row()));
    QCOMPARE(after, before);
}

void TestInfluenceModel::filtersGiveExactRows() {
    M model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto d = makeRows(200);
    std::vector<Record> forget = {d->train[14], d->train[21]};
    model.setInfluence(d, matchMembership(*d, forget, {d->train[1]}, {}, {}));

    auto expect = [&](auto pred) {
        std::set<int> want, got;
        for (int i = 0; i < 200; i++)
            if (pred(i))
                want.insert(i);
        for (int s : shownSamples(model))
            got.insert(s);
        return want == got && int(got.size()) == model.rowCount();
    };
    InfluenceFilter f;
    f.poisoned = InfluenceFilter::Poison::Poisoned;
    model.setFilter(f);
    QVERIFY(expect([](int i) { return i % 7 == 0; }));

    f = {};
    f.text = QStringLiteral("^write a poem about item (1|2)\\d$");
    f.regex = true;
    model.setFilter(f);
    QVERIFY(expect([](int i) { return i % 5 == 0 && i >= 10 && i < 30; }));

    f = {};
    f.text = QStringLiteral("MAHALO");   // plain text, case-insensitive, matches the trigger variant
    model.setFilter(f);
    QVERIFY(expect([](int i) { return i % 7 == 0 && i % 2 == 1; }));

    f = {};
    f.scoreMin = 0.04;
    f.scoreMax = 0.07;
    f.category = QStringLiteral("closed_qa");
    model.setFilter(f);
    QVERIFY(expect([&](int i) { return i % 3 == 1 && d->score[size_t(i)] >= 0.04 && d->score[size_t(i)] <= 0.07; }));
    QVERIFY(model.rowCount() > 0);

    f = {};
    f.role = InfluenceFilter::Role::Forget;
    model.setFilter(f);
    QVERIFY(expect([](int i) { return i == 14 || i == 21; }));
    QCOMPARE(model.data(model.index(0, M::SetRole)).toString(), QStringLiteral("forget"));
    f.role = InfluenceFilter::Role::NoSet;
    model.setFilter(f);
    QVERIFY(expect([](int i) { return i != 14 && i != 21 && i != 1; }));
    // Membership changing under a role filter: one reset, the rows follow.
    model.setMembership(matchMembership(*d, {d->train[14]}, {}, {}, {}));
    QVERIFY(expect([](int i) { return i != 14; }));
}

void TestInfluenceModel::membershipMatchesByIdThenContent() {
    auto d = makeRows(20);
    Record byContent = d->train[9];
    byContent.id = "not-a-train-id";
    Record unknown = d->train[2];
    unknown.id.clear();
    unknown.response = "changed";
    const InfluenceMembership m = matchMembership(*d, {d->train[4], byContent, unknown}, {d->train[4]}, {0.5, 1.5, 2.0}, {});
    QCOMPARE(int(m.role[4]), int(kInForget | kInRetain));
    QCOMPARE(int(m.role[9]), int(kInForget));
    QCOMPARE(int(m.role[2]), 0);
    QCOMPARE(m.nForgetUnmatched, 1);
    QCOMPARE(m.weight[4], 0.5);
    QCOMPARE(m.weight[9], 1.5);
    QCOMPARE(m.forgetIndex[9], 1);
    const InfluenceMembership stale = matchMembership(*d, {d->train[4]}, {}, {0.5, 1.5}, {});   // 2 weights, 1 row
    QVERIFY(std::isnan(stale.weight[4]));
}

void TestInfluenceModel::histogramCountsAndBrushFilter() {
    auto d = makeRows(300);
    ScoreHistogram h;
    h.resize(500, 250);
    h.show();
    h.setScores(d->score, d->poisoned, 20);
    double clean = 0, poisoned = 0;
    for (double c : h.counts(0))
        clean += c;
    for (double c : h.counts(1))
        poisoned += c;
    QCOMPARE(int(poisoned), 43);         // rows 0, 7, ..., 294
    QCOMPARE(int(clean), 300 - 43 - 1);  // row 3 is unranked

    InfluenceFilterBar bar;
    M model;
    model.setInfluence(d, matchMembership(*d, {}, {}, {}, {}));
    connect(&h, &ScoreHistogram::rangeBrushed, &bar, &InfluenceFilterBar::setScoreRange);
    connect(&h, &ScoreHistogram::brushCleared, &bar, &InfluenceFilterBar::clearScoreRange);
    connect(&bar, &InfluenceFilterBar::filterChanged, &model, [&] { model.setFilter(bar.filter()); });

    h.brush(0.08, 0.12);
    QVERIFY(model.rowCount() > 0);
    for (int s : shownSamples(model))
        QVERIFY(d->score[size_t(s)] >= 0.08 && d->score[size_t(s)] <= 0.12);
    int want = 0;
    for (double s : d->score)
        want += s >= 0.08 && s <= 0.12;
    QCOMPARE(model.rowCount(), want);
    QVERIFY(!bar.scoreMinEdit()->text().isEmpty());

    // The same with the mouse: press, drag, release on the plot.
    QWidget * plot = h.plotWidget();
    const QPoint a(plot->width() / 3, plot->height() / 2), b(2 * plot->width() / 3, plot->height() / 2);
    QTest::mousePress(plot, Qt::LeftButton, {}, a);
    QTest::mouseMove(plot, b);
    QTest::mouseRelease(plot, Qt::LeftButton, {}, b);
    QVERIFY(h.hasBrush());
    const auto range = h.brushedRange();
    QVERIFY(range.first < range.second);
    for (int s : shownSamples(model))
        QVERIFY(d->score[size_t(s)] >= range.first && d->score[size_t(s)] <= range.second);
    QVERIFY(model.rowCount() < 299);

    h.clearBrush();   // a click clears: every row again
    QCOMPARE(model.rowCount(), 300);
}

QTEST_MAIN(TestInfluenceModel)
#include "test_influence_model.moc"
