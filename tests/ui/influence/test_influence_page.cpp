// The Influence page on a copy of the tiny synthetic lab (600 train rows): the empty state, computing
// influence through the page's JobRunner (progress, then the table), a cancelled computation, the
// token-wise heat map against chosen forget queries (contributions sum to the score, which equals
// the forget x train matrix entry), curating the forget set (forget.jsonl read back with core) and
// exporting a selection as JSONL and CSV. To add a case: work on labDir() (computed once) or copy
// the lab again with copyLab().
#include "influence_page.h"
#include "influence_table_model.h"
#include "influence_filter_bar.h"
#include "job_runner.h"
#include "score_histogram.h"
#include "sample_detail.h"
#include "token_heat_map.h"

#include "rapidun/data/records.h"
#include "rapidun/influence/influence.h"

#include <QComboBox>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>

using namespace rapidun;
using namespace rapidun::ui;
using M = InfluenceTableModel;
namespace fs = std::filesystem;

namespace {

constexpr int kWaitMs = 180000;

QString copyLab(const QTemporaryDir & tmp, const QString & name) {
    const fs::path to = fs::path(tmp.path().toStdString()) / name.toStdString();
    fs::copy(RAPIDUN_TEST_LAB_DIR, to, fs::copy_options::recursive);
    fs::remove_all(to / "influence");   // never rely on what a fixture run left behind
    fs::remove_all(to / "cache");
    return QString::fromStdString(to.string());
}

// RFC 4180 records (quoted fields may hold commas, quotes and line breaks).
std::vector<std::vector<std::string>> readCsv(const std::string & path) {
    std::ifstream in(path, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<std::vector<std::string>> out(1);
    std::string field;
    bool quoted = false;
    for (size_t i = 0; i < text.size(); i++) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                i++;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            out.back().push_back(field);
            field.clear();
        } else if (c == '\r') {
        } else if (c == '\n') {
            out.back().push_back(field);
            field.clear();
            out.emplace_back();
        } else {
            field += c;
        }
    }
    if (out.back().empty())
        out.pop_back();
    return out;
}

} // namespace

class TestInfluencePage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cancelLeavesTheEmptyState();
    void computeThroughThePage();
    void heatMapSumsToTheScore();
    void curateTheForgetSet();
    void exportSelection();
    void filterBarAndBrushFilterTheTable();
    void cleanupTestCase();

private:
    QTemporaryDir tmp_;
    QString       dir_;
    std::unique_ptr<InfluencePage> page_;
};

void TestInfluencePage::initTestCase() {
    QVERIFY(tmp_.isValid());
    QVERIFY2(fs::exists(fs::path(RAPIDUN_TEST_LAB_DIR) / "workspace.json"), "the studio_lab fixture is missing");
    dir_ = copyLab(tmp_, QStringLiteral("lab"));
    page_ = std::make_unique<InfluencePage>();
    page_->resize(1400, 900);
    page_->show();
}

void TestInfluencePage::cancelLeavesTheEmptyState() {
    const QString dir = copyLab(tmp_, QStringLiteral("cancel"));
    InfluencePage page;
    QSignalSpy loaded(&page, &InfluencePage::loaded);
    page.setWorkspace(dir);
    QVERIFY(loaded.wait(kWaitMs));
    QVERIFY(!page.hasRanking());
    QVERIFY(page.emptyState()->isVisibleTo(&page));
    QSignalSpy cancelled(page.computeRunner(), &JobRunner::cancelled);
    QVERIFY(page.computeInfluence());
    QVERIFY(page.progressBar()->isVisibleTo(&page));
    page.cancelCompute();
    QVERIFY(cancelled.wait(kWaitMs));
    QTRY_VERIFY_WITH_TIMEOUT(!page.isBusy(), kWaitMs);
    QVERIFY(!fs::exists(fs::path(dir.toStdString()) / "influence" / "train_ranking.jsonl"));
    QVERIFY(!page.progressBar()->isVisibleTo(&page));
    QVERIFY(page.emptyState()->isVisibleTo(&page));
    QVERIFY(page.computeButton()->isEnabled());
}

void TestInfluencePage::computeThroughThePage() {
    InfluencePage & page = *page_;
    QSignalSpy loaded(&page, &InfluencePage::loaded);
    QSignalSpy busy(&page, &InfluencePage::busyChanged);
    page.setWorkspace(dir_);
    QVERIFY(loaded.wait(kWaitMs));
    QVERIFY(page.emptyState()->isVisible());
    QVERIFY(page.computeButton()->isVisible());

    QSignalSpy progress(page.computeRunner(), &JobRunner::progress);
    QTest::mouseClick(page.computeButton(), Qt::LeftButton);
    QVERIFY(page.computeRunner()->isBusy());
    QVERIFY(page.progressBar()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(page.hasRanking() && !page.isBusy(), kWaitMs);
    QVERIFY(progress.count() > 1);
    QCOMPARE(progress.last().at(0).toDouble(), 1.0);
    QVERIFY(!busy.isEmpty() && busy.last().at(0).toBool() == false);

    const M & model = *page.tableModel();
    QCOMPARE(model.rowCount(), 600);
    QVERIFY(page.tableView()->isVisible());
    QVERIFY(!page.progressBar()->isVisible());
    // The first line of the ranking file is the table's rank 1 (sorted by rank on open).
    std::ifstream in(dir_.toStdString() + "/influence/train_ranking.jsonl");
    std::string first;
    std::getline(in, first);
    const auto j = nlohmann::json::parse(first);
    QCOMPARE(model.data(model.index(0, M::Id)).toString(), QString::fromStdString(j["id"].get<std::string>()));
    QCOMPARE(model.data(model.index(0, M::Score), M::RawValueRole).toDouble(), j["score"].get<double>());
    QVERIFY(!std::isnan(model.data(model.index(0, M::ForgetMean), M::RawValueRole).toDouble()));
    // The retain aggregate: the mean of the row's column of retain_x_train.bin.
    const InfluenceMatrix rm = read_influence_matrix(dir_.toStdString() + "/influence/retain_x_train.bin");
    QCOMPARE(rm.n_train, int64_t(600));
    QCOMPARE(rm.n_test, int64_t(read_records(dir_.toStdString() + "/data/retain.jsonl").size()));
    const int z = model.sampleRow(0);
    double mean = 0;
    for (int64_t t = 0; t < rm.n_test; t++)
        mean += rm.at(t, z);
    mean /= double(rm.n_test);
    QVERIFY(std::abs(model.data(model.index(0, M::RetainMean), M::RawValueRole).toDouble() - mean) <= 1e-12 * (1 + std::abs(mean)));
    // The forget rows are train rows: 12 of them show "forget", with the same ids as forget.jsonl.
    int nForget = 0;
    for (int r = 0; r < 600; r++)
        nForget += model.data(model.index(r, M::SetRole), M::RawValueRole).toInt() & kInForget ? 1 : 0;
    QCOMPARE(nForget, int(read_records(dir_.toStdString() + "/data/forget.jsonl").size()));
}

void TestInfluencePage::heatMapSumsToTheScore() {
    InfluencePage & page = *page_;
    const M & model = *page.tableModel();
    QVERIFY(model.rowCount() == 600);
    const InfluenceMatrix m = read_influence_matrix(dir_.toStdString() + "/influence/forget_x_train.bin");
    QSignalSpy explained(&page, &InfluencePage::explained);
    const int sample = model.sampleRow(0);
    page.selectSamples({sample});
    QVERIFY(explained.wait(kWaitMs));
    for (int query : {-1, 2}) {
        if (query >= 0) {
            page.setForgetQuery(query);
            QVERIFY(explained.wait(kWaitMs));
        }
        const int q = page.detail()->query();
        QVERIFY(q >= 0);
        QCOMPARE(page.detail()->sample(), sample);
        const TokenHeatMap * heat = page.detail()->heatMap();
        QVERIFY2(heat->tokenCount() > 0, qPrintable(page.detail()->explainStatus()));
        double sum = 0;
        for (double c : heat->contributions())
            sum += c;
        const double score = heat->score();
        QVERIFY2(std::abs(sum - score) <= 1e-4 * std::max(std::abs(score), 1e-12), qPrintable(QString::number(sum - score)));
        const double matrix = m.at(q, sample);   // the same pair from the computation's cached sketches
        QVERIFY2(std::abs(matrix - score) <= 1e-3 * std::abs(matrix), qPrintable(QStringLiteral("%1 vs %2").arg(matrix).arg(score)));
    }
    QCOMPARE(page.detail()->query(), 2);
}

void TestInfluencePage::curateTheForgetSet() {
    InfluencePage & page = *page_;
    const M & model = *page.tableModel();
    const std::string forgetPath = dir_.toStdString() + "/data/forget.jsonl";
    const size_t n0 = read_records(forgetPath).size();
    int sample = -1;
    for (int r = 0; r < model.rowCount() && sample < 0; r++)
        if (model.data(model.index(r, M::SetRole), M::RawValueRole).toInt() == 0)
            sample = model.sampleRow(r);
    QVERIFY(sample >= 0);
    const std::string id = model.influence()->train[size_t(sample)].id;
    auto forgetIds = [&] {
        std::set<std::string> ids;
        for (const Record & r : read_records(forgetPath))
            ids.insert(r.id);
        return ids;
    };

    QSignalSpy changed(&page, &InfluencePage::datasetsChanged);
    QSignalSpy failed(&page, &InfluencePage::failure);
    page.selectSamples({sample});
    QCOMPARE(page.selectedSamples(), std::vector<int>{sample});
    QVERIFY(page.addToForget(page.selectedSamples()));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(read_records(forgetPath).size(), n0 + 1);
    QVERIFY(forgetIds().count(id));
    QVERIFY(model.membership().role[size_t(sample)] & kInForget);
    QVERIFY(page.isStale());
    QVERIFY(!page.addToForget({sample}));   // already there: nothing written
    QCOMPARE(read_records(forgetPath).size(), n0 + 1);

    QVERIFY(page.removeFromForget({sample}));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(read_records(forgetPath).size(), n0);
    QVERIFY(!forgetIds().count(id));
    QCOMPARE(int(model.membership().role[size_t(sample)] & kInForget), 0);

    // Removing every forget row is refused with a failure and leaves the file as it was.
    std::vector<int> all;
    for (int s = 0; s < model.totalRows(); s++)
        if (model.membership().role[size_t(s)] & kInForget)
            all.push_back(s);
    QCOMPARE(all.size(), n0);
    QVERIFY(!page.removeFromForget(all));
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.last().at(1).toString().contains(QStringLiteral("empty")));
    QCOMPARE(read_records(forgetPath).size(), n0);

    const std::string retainPath = dir_.toStdString() + "/data/retain.jsonl";
    const size_t r0 = read_records(retainPath).size();
    QVERIFY(page.addToRetain({sample}));
    QCOMPARE(read_records(retainPath).size(), r0 + 1);
    QVERIFY(page.removeFromRetain({sample}));
    QCOMPARE(read_records(retainPath).size(), r0);
}

void TestInfluencePage::exportSelection() {
    InfluencePage & page = *page_;
    const M & model = *page.tableModel();
    const std::vector<int> rows = {model.sampleRow(0), model.sampleRow(5), model.sampleRow(17)};
    page.selectSamples(rows);
    const std::vector<int> selected = page.selectedSamples();
    QCOMPARE(std::set<int>(selected.begin(), selected.end()), std::set<int>(rows.begin(), rows.end()));

    const QString jsonl = tmp_.filePath(QStringLiteral("selection.jsonl"));
    const QString csv = tmp_.filePath(QStringLiteral("selection.csv"));
    QVERIFY(page.exportRows(selected, jsonl, InfluencePage::ExportFormat::Jsonl));
    QVERIFY(page.exportRows(selected, csv, InfluencePage::ExportFormat::Csv));

    const std::vector<Record> back = read_records(jsonl.toStdString());
    QCOMPARE(back.size(), selected.size());
    for (size_t k = 0; k < back.size(); k++) {
        const Record & want = model.influence()->train[size_t(selected[k])];
        QCOMPARE(back[k].id, want.id);
        QCOMPARE(back[k].instruction, want.instruction);
        QCOMPARE(back[k].response, want.response);
        QCOMPARE(back[k].is_poisoned, want.is_poisoned);
    }
    const auto table = readCsv(csv.toStdString());
    QCOMPARE(table.size(), selected.size() + 1);
    QCOMPARE(table[0][1], std::string("id"));
    QCOMPARE(table[0][2], std::string("score"));
    for (size_t k = 0; k < selected.size(); k++) {
        const auto & row = table[k + 1];
        QCOMPARE(row.size(), table[0].size());
        const size_t s = size_t(selected[k]);
        QCOMPARE(row[1], model.influence()->train[s].id);
        QCOMPARE(std::stod(row[2]), model.influence()->score[s]);   // 17 digits: exact
        QCOMPARE(table[0][5], std::string("retain_mean"));
        QCOMPARE(std::stod(row[5]), model.influence()->retainMean[s]);
        QCOMPARE(row[11], std::string(model.influence()->train[s].is_poisoned ? "true" : "false"));
        QCOMPARE(row[12], model.influence()->train[s].instruction);
    }
}

void TestInfluencePage::filterBarAndBrushFilterTheTable() {
    InfluencePage & page = *page_;
    const M & model = *page.tableModel();
    const int keep = model.sampleRow(0);   // rank 1: its id is train-000xxx
    page.selectSamples({keep});
    const QString id = model.influence()->id(size_t(keep));
    QTest::keyClicks(page.filterBar()->textEdit(), id.left(10));   // "train-0004" style prefix
    QVERIFY(model.rowCount() > 0 && model.rowCount() < 600);
    for (int r = 0; r < model.rowCount(); r++)
        QVERIFY(model.data(model.index(r, M::Id)).toString().startsWith(id.left(10)) ||
                model.influence()->instruction(size_t(model.sampleRow(r))).contains(id.left(10), Qt::CaseInsensitive));
    QCOMPARE(page.selectedSamples(), std::vector<int>{keep});   // the filter kept the selected row
    page.filterBar()->textEdit()->clear();
    QCOMPARE(model.rowCount(), 600);

    // Brushing the page's histogram: exactly the rows whose score lies in the range.
    const auto [lo, hi] = page.histogram()->scoreRange();
    const double a = lo + 0.5 * (hi - lo), b = hi;
    page.histogram()->brush(a, b);
    int want = 0;
    for (double s : model.influence()->score)
        want += s >= a && s <= b;
    QVERIFY(want > 0);
    QCOMPARE(model.rowCount(), want);
    QVERIFY(!page.filterBar()->scoreMinEdit()->text().isEmpty());
    page.histogram()->clearBrush();
    QCOMPARE(model.rowCount(), 600);
    QVERIFY(page.filterBar()->scoreMinEdit()->text().isEmpty());
}

void TestInfluencePage::cleanupTestCase() {
    // RAPIDUN_INFLUENCE_SCREENSHOT=<png>: the page as the tests left it (a row selected, its heat map).
    const QString png = qEnvironmentVariable("RAPIDUN_INFLUENCE_SCREENSHOT");
    if (!png.isEmpty() && page_) {
        const int sample = page_->tableModel()->sampleRow(0);
        page_->selectSamples({sample});
        QTRY_VERIFY_WITH_TIMEOUT(page_->detail()->sample() == sample && page_->detail()->heatMap()->tokenCount() > 0 &&
                                     !page_->explainRunner()->isBusy(), kWaitMs);
        page_->grab().save(png);
    }
    page_.reset();
}

QTEST_MAIN(TestInfluencePage)
#include "test_influence_page.moc"
