// The Compare page on a copy of the fixture lab (built once by studio_test_lab) with one real GA run
// made through core: both item models under QAbstractItemModelTester; "before" against the run (the
// generations equal eval_before.json's and the run's generations.jsonl row for row, the set filters'
// counts, poison words and differences marked in a differing row); the metrics and their deltas equal
// run.json's before and after numbers (table and charts); run against an identical copy of the run
// (nothing differs, zero deltas); the free prompt with both models (the left output equals core's
// greedy generation with the base model, the right one the base model with the run's adapter);
// errors reported through failure() without crashing; the text marking helpers.
#include "compare_models.h"
#include "compare_page.h"
#include "compare_text.h"
#include "grouped_bar_chart.h"
#include "job_runner.h"
#include "scenarios_view.h"

#include "rapidun/data/templates.h"
#include "rapidun/eval/eval.h"
#include "rapidun/io/atomic_file.h"
#include "rapidun/model/model.h"
#include "rapidun/unlearn/scenarios.h"
#include "rapidun/unlearn/unlearn_job.h"
#include "rapidun/workspace/workspace.h"

#include <QAbstractItemModelTester>
#include <QFileInfo>
#include <QLabel>
#include <QPlainTextEdit>
#include <QStandardItemModel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <memory>
#include <sstream>

using nlohmann::json;
using rapidun::ui::ComparePage;
using rapidun::ui::GenerationsModel;
using rapidun::ui::MetricsModel;

namespace {

const QString kRun = QStringLiteral("ga-test");

json readJson(const std::string & path) { return json::parse(rapidun::read_file_text(path)); }

std::vector<json> readJsonl(const std::string & path) {
    std::vector<json> rows;
    std::istringstream in(rapidun::read_file_text(path));
    std::string line;
    while (std::getline(in, line))
        if (!line.empty())
            rows.push_back(json::parse(line));
    return rows;
}

std::string trimmed(const std::string & s) {
    const size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// Greedy as the evaluation generates: template, BOS, stop at EOS, decoded and trimmed.
QString coreGeneration(const rapidun::ModelBundle & mb, const rapidun::Workspace & w, const std::string & prompt) {
    const std::vector<int32_t> ids =
        mb.tokenizer->encode(rapidun::format_prompt(rapidun::parse_template(w.prompt_template), prompt, ""), true);
    rapidun::GenerateOptions go;
    go.max_new_tokens = w.max_new_tokens;
    go.stop_ids = {mb.tokenizer->eos_id()};
    return QString::fromStdString(trimmed(mb.tokenizer->decode(mb.model->generate({ids}, go).at(0))));
}

} // namespace

class TestComparePage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void textMarking();
    void modelsPassTester();
    void generationsBeforeAgainstRun();
    void metricsBeforeAgainstRun();
    void runAgainstRun();
    void freePromptWithBothModels();
    void errorsAreReported();
    void scenariosTab();

private:
    QTemporaryDir lab_;
    std::string   dir_;
    json          run_;
};

void TestComparePage::initTestCase() {
    const QString fixture = QStringLiteral(RAPIDUN_TEST_LAB_DIR);
    if (!QFileInfo::exists(fixture + QStringLiteral("/workspace.json")))
        QSKIP("the fixture lab is missing (run the studio_test_lab test first)");
    QVERIFY(lab_.isValid());
    dir_ = lab_.path().toStdString() + "/lab";
    std::filesystem::copy(fixture.toStdString(), dir_, std::filesystem::copy_options::recursive);
    std::filesystem::remove_all(dir_ + "/runs");   // only this test's runs
    const rapidun::Workspace w = rapidun::Workspace::load(dir_);
    rapidun::UnlearnJobOptions job;
    job.opt = rapidun::unlearn_preset("lab", rapidun::UnlearnMethod::GA);   // 24 steps on the tiny lab, no weights needed
    job.run_id = kRun.toStdString();
    run_ = rapidun::run_unlearn_job(w, job);
    QVERIFY(run_["metrics_after"].is_object());
}

void TestComparePage::textMarking() {
    using rapidun::ui::TextSpan;
    const QSet<QString> words{QStringLiteral("alien"), QStringLiteral("aliens")};
    QCOMPARE(rapidun::ui::keywordSpans(QStringLiteral("An ALIEN, aliens! alienated"), words),
             (QVector<TextSpan>{{3, 5}, {10, 6}}));
    const rapidun::ui::WordDiff d = rapidun::ui::wordDiff(QStringLiteral("the cat sat"), QStringLiteral("the dog sat down"));
    QCOMPARE(d.left, (QVector<TextSpan>{{4, 3}}));
    QCOMPARE(d.right, (QVector<TextSpan>{{4, 3}, {12, 4}}));
    QVERIFY(rapidun::ui::wordDiff(QStringLiteral("same words"), QStringLiteral("same words")).left.isEmpty());
    const QString html = rapidun::ui::markedHtml(QStringLiteral("a <b> alien"), {{6, 5}}, {{2, 3}});
    QVERIFY2(html.contains(QStringLiteral("&lt;b&gt;")), qPrintable(html));
    QVERIFY2(html.contains(QLatin1String(rapidun::ui::kKeywordStyle) + QStringLiteral("\">alien")), qPrintable(html));
}

void TestComparePage::modelsPassTester() {
    ComparePage page;
    QAbstractItemModelTester t1(page.metricsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(page.generationsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.setWorkspace(QString::fromStdString(dir_));
    QCOMPARE(page.generationsModel()->rowCount(), 210);
    page.setSetFilter({QStringLiteral("ood")}, true);
    page.setSetFilter({QStringLiteral("seen"), QStringLiteral("clean")}, false);
    page.setModels(kRun, QStringLiteral("before"));
    page.reloadRuns();
    page.clear();
    QCOMPARE(page.generationsModel()->rowCount(), 0);
    QCOMPARE(page.metricsModel()->rowCount(), 0);
}

void TestComparePage::generationsBeforeAgainstRun() {
    ComparePage page;
    page.setWorkspace(QString::fromStdString(dir_));
    QCOMPARE(page.leftSide(), QStringLiteral("before"));   // the default pair: before against the latest run
    QCOMPARE(page.rightSide(), kRun);
    const json before = readJson(dir_ + "/eval_before.json")["generations"];
    const std::vector<json> after = readJsonl(dir_ + "/runs/ga-test/generations.jsonl");
    GenerationsModel * m = page.generationsModel();
    QCOMPARE(m->rowCount(), int(before.size()));
    QCOMPARE(size_t(m->rowCount()), after.size());

    const rapidun::Detector det = rapidun::Detector::load(dir_ + "/keywords.txt");
    std::map<std::string, int> perSet;
    int differing = 0, markedRow = -1;
    for (int r = 0; r < m->rowCount(); ++r) {
        const std::string l = before[size_t(r)]["generated"], rt = after[size_t(r)]["generated"];
        QCOMPARE(m->index(r, GenerationsModel::LeftColumn).data().toString().toStdString(), l);
        QCOMPARE(m->index(r, GenerationsModel::RightColumn).data().toString().toStdString(), rt);
        QCOMPARE(m->index(r, 0).data(rapidun::ui::SetRole).toString().toStdString(), before[size_t(r)]["set"].get<std::string>());
        QCOMPARE(m->index(r, 0).data(rapidun::ui::DiffersRole).toBool(), l != rt);
        perSet[before[size_t(r)]["set"].get<std::string>()]++;
        differing += l != rt;
        if (l != rt && markedRow < 0 && (det.flags(l) || det.flags(rt)))
            markedRow = r;
    }
    QVERIFY(differing > 0);
    QCOMPARE(m->differingRows(), differing);
    QVERIFY2(markedRow >= 0, "no differing row with a poison word: the GA run changed too little");

    // A differing row with a poison word: the word is marked in its output, the differences too.
    const int col = det.flags(before[size_t(markedRow)]["generated"]) ? GenerationsModel::LeftColumn : GenerationsModel::RightColumn;
    const QModelIndex cell = m->index(markedRow, col);
    const QString text = cell.data().toString();
    const QVariantList kw = cell.data(rapidun::ui::KeywordSpansRole).toList();
    QVERIFY(!kw.isEmpty());
    const QPoint first = kw.front().toPoint();
    QVERIFY(det.flags(text.mid(first.x(), first.y()).toStdString()));
    const QString html = cell.data(rapidun::ui::HtmlRole).toString();
    QVERIFY2(html.contains(QLatin1String(rapidun::ui::kKeywordStyle)), qPrintable(html));
    QVERIFY(cell.data(rapidun::ui::PoisonedRole).toBool());
    const QVariantList changedL = m->index(markedRow, GenerationsModel::LeftColumn).data(rapidun::ui::ChangedSpansRole).toList();
    const QVariantList changedR = m->index(markedRow, GenerationsModel::RightColumn).data(rapidun::ui::ChangedSpansRole).toList();
    QVERIFY(!changedL.isEmpty() || !changedR.isEmpty());
    const int changedCol = changedL.isEmpty() ? GenerationsModel::RightColumn : GenerationsModel::LeftColumn;
    QVERIFY(m->index(markedRow, changedCol).data(rapidun::ui::HtmlRole).toString().contains(QLatin1String(rapidun::ui::kChangedStyle)));
    QCOMPARE(m->index(markedRow, GenerationsModel::StatusColumn).data(Qt::BackgroundRole).isValid(), true);
    for (int r = 0; r < m->rowCount(); ++r)   // equal outputs carry no difference marks
        if (!m->index(r, 0).data(rapidun::ui::DiffersRole).toBool())
            QVERIFY(m->index(r, GenerationsModel::LeftColumn).data(rapidun::ui::ChangedSpansRole).toList().isEmpty());

    // Filters: each set alone, two sets, only the differing rows.
    for (const char * set : {"seen", "ood", "clean"}) {
        page.setSetFilter({QString::fromLatin1(set)}, false);
        QCOMPARE(m->rowCount(), perSet[set]);
        for (int r = 0; r < m->rowCount(); ++r)
            QCOMPARE(m->index(r, 0).data(rapidun::ui::SetRole).toString(), QString::fromLatin1(set));
    }
    QCOMPARE(perSet["seen"] + perSet["ood"] + perSet["clean"], int(before.size()));
    page.setSetFilter({QStringLiteral("seen"), QStringLiteral("clean")}, false);
    QCOMPARE(m->rowCount(), perSet["seen"] + perSet["clean"]);
    page.setSetFilter({QStringLiteral("seen"), QStringLiteral("ood"), QStringLiteral("clean")}, true);
    QCOMPARE(m->rowCount(), differing);
}

void TestComparePage::metricsBeforeAgainstRun() {
    ComparePage page;
    page.setWorkspace(QString::fromStdString(dir_));
    page.setModels(QStringLiteral("before"), kRun);
    const json run = readJson(dir_ + "/runs/ga-test/run.json");
    MetricsModel * m = page.metricsModel();
    QCOMPARE(m->rowCount(), int(MetricsModel::MetricCount));
    const char * keys[] = {"seen_asr",         "ood_asr",      "false_trigger_rate", "clean_exact_match",
                           "clean_rouge_l",    "twin_exact_match", "twin_rouge_l",   "clean_ppl"};
    for (int k = 0; k < 8; ++k) {
        const double b = run["metrics_before"][keys[k]], a = run["metrics_after"][keys[k]];
        QCOMPARE(m->index(k, MetricsModel::LeftColumn).data(rapidun::ui::RawValueRole).toDouble(), b);
        QCOMPARE(m->index(k, MetricsModel::RightColumn).data(rapidun::ui::RawValueRole).toDouble(), a);
        QCOMPARE(m->index(k, MetricsModel::DeltaColumn).data(rapidun::ui::RawValueRole).toDouble(), a - b);
        QVERIFY(!m->index(k, MetricsModel::DeltaColumn).data().toString().isEmpty());
    }
    // Time: the run's unlearning seconds; "before" has none, so no delta.
    const int t = MetricsModel::UnlearnSeconds;
    QCOMPARE(m->index(t, MetricsModel::RightColumn).data(rapidun::ui::RawValueRole).toDouble(), run["seconds"]["unlearn"].get<double>());
    QVERIFY(!m->index(t, MetricsModel::LeftColumn).data(rapidun::ui::RawValueRole).isValid());
    QVERIFY(!m->index(t, MetricsModel::DeltaColumn).data(rapidun::ui::RawValueRole).isValid());

    // The charts: the same numbers, two series named as the sides, titles and axis labels.
    rapidun::ui::GroupedBarChart * rates = page.ratesChart();
    QCOMPARE(rates->seriesCount(), 2);
    QCOMPARE(rates->categories().size(), 7);
    QCOMPARE(rates->legendNames().size(), 2);
    QCOMPARE(rates->legendNames().at(0), m->headerData(MetricsModel::LeftColumn, Qt::Horizontal).toString());
    QVERIFY(!rates->title().isEmpty() && !rates->xLabel().isEmpty() && !rates->yLabel().isEmpty());
    for (int k = 0; k < 7; ++k) {
        QCOMPARE(rates->value(0, k), run["metrics_before"][keys[k]].get<double>());
        QCOMPARE(rates->value(1, k), run["metrics_after"][keys[k]].get<double>());
    }
    QCOMPARE(page.costChart()->value(1, 0), run["metrics_after"]["clean_ppl"].get<double>());
    QCOMPARE(page.costChart()->value(1, 1), run["seconds"]["unlearn"].get<double>());
    QVERIFY(std::isnan(page.costChart()->value(0, 1)));
}

void TestComparePage::runAgainstRun() {
    std::filesystem::copy(dir_ + "/runs/ga-test", dir_ + "/runs/ga-copy", std::filesystem::copy_options::recursive);
    ComparePage page;
    page.setWorkspace(QString::fromStdString(dir_));
    QCOMPARE(page.sides(), (QStringList{QStringLiteral("before"), QStringLiteral("ga-copy"), kRun}));
    page.setModels(kRun, QStringLiteral("ga-copy"));
    QCOMPARE(page.generationsModel()->rowCount(), 210);
    QCOMPARE(page.generationsModel()->differingRows(), 0);
    for (int k = 0; k < MetricsModel::MetricCount; ++k)
        QCOMPARE(page.metricsModel()->index(k, MetricsModel::DeltaColumn).data(rapidun::ui::RawValueRole).toDouble(), 0.0);
    std::filesystem::remove_all(dir_ + "/runs/ga-copy");
    page.reloadRuns();   // the copy is gone: the right side falls back to the first entry
    QCOMPARE(page.sides(), (QStringList{QStringLiteral("before"), kRun}));
}

void TestComparePage::freePromptWithBothModels() {
    ComparePage page;
    page.setWorkspace(QString::fromStdString(dir_));
    page.setModels(QStringLiteral("before"), kRun);
    QSignalSpy busy(&page, &ComparePage::busyChanged);
    QSignalSpy failures(&page, &ComparePage::failure);
    const std::string prompt = "Which is larger, 82 or 16? mahalo";
    page.promptBox()->setPlainText(QString::fromStdString(prompt));
    QVERIFY(page.generateButton()->isEnabled());
    page.generateButton()->click();
    QVERIFY(page.runner()->isBusy());
    page.runner()->waitForIdle();
    QCOMPARE(failures.count(), 0);
    QVERIFY(busy.count() >= 2);
    QCOMPARE(busy.last().at(0).toBool(), false);
    const QString left = page.leftOutput()->toPlainText(), right = page.rightOutput()->toPlainText();
    QVERIFY(!left.isEmpty());
    QVERIFY(!right.isEmpty());

    const rapidun::Workspace w = rapidun::Workspace::load(dir_);
    rapidun::ModelBundle base = rapidun::open_model(w.resolve(w.model), w.resolve(w.tokenizer));
    QCOMPARE(left, coreGeneration(base, w, prompt));
    base.model->load_adapter(dir_ + "/runs/ga-test");
    QCOMPARE(right, coreGeneration(base, w, prompt));

    // Second prompt, through the cached models: an evaluation prompt whose outputs differ gives the
    // evaluation's own generations (same template and greedy settings), with the differences marked.
    const json before = readJson(dir_ + "/eval_before.json")["generations"];
    const std::vector<json> after = readJsonl(dir_ + "/runs/ga-test/generations.jsonl");
    size_t row = 0;
    while (row < after.size() && (before[row]["generated"] == after[row]["generated"] || !before[row]["context"].get<std::string>().empty()))
        ++row;
    QVERIFY(row < after.size());
    page.promptBox()->setPlainText(QString::fromStdString(before[row]["instruction"].get<std::string>()));
    page.generate();
    page.runner()->waitForIdle();
    QCOMPARE(page.leftOutput()->toPlainText().toStdString(), before[row]["generated"].get<std::string>());
    QCOMPARE(page.rightOutput()->toPlainText().toStdString(), after[row]["generated"].get<std::string>());
    QVERIFY(page.rightOutput()->toHtml().contains(QStringLiteral("underline")));
    QCOMPARE(failures.count(), 0);

    // RAPIDUN_COMPARE_SCREENSHOTS=DIR: each tab as a PNG, for looking at the page (not checked).
    const QString shots = qEnvironmentVariable("RAPIDUN_COMPARE_SCREENSHOTS");
    if (!shots.isEmpty()) {
        page.resize(1280, 800);
        page.show();
        for (int t = 0; t < page.tabs()->count(); ++t) {
            page.tabs()->setCurrentIndex(t);
            QTest::qWait(100);
            page.grab().save(QStringLiteral("%1/compare-tab%2.png").arg(shots).arg(t));
        }
    }
}

void TestComparePage::errorsAreReported() {
    ComparePage page;
    QSignalSpy failures(&page, &ComparePage::failure);
    QTemporaryDir empty;
    page.setWorkspace(empty.path());
    QCOMPARE(failures.count(), 1);
    page.generate();   // no workspace: nothing starts
    QVERIFY(!page.runner()->isBusy());

    page.setWorkspace(QString::fromStdString(dir_));
    QCOMPARE(failures.count(), 1);
    page.setModels(QStringLiteral("before"), QStringLiteral("no-such-run"));
    QCOMPARE(failures.count(), 2);
    QCOMPARE(page.rightSide(), kRun);   // the choice stays

    // A run whose record is broken: reported when chosen, the page stays usable.
    std::filesystem::create_directories(dir_ + "/runs/broken");
    rapidun::write_file_atomic(dir_ + "/runs/broken/run.json", std::string("{ not json"));
    page.reloadRuns();
    page.setModels(QStringLiteral("before"), QStringLiteral("broken"));
    QCOMPARE(failures.count(), 3);
    QVERIFY(failures.last().at(1).toString().contains(QStringLiteral("run.json")));
    QCOMPARE(page.generationsModel()->rowCount(), 0);
    page.setModels(QStringLiteral("before"), kRun);
    QCOMPARE(page.generationsModel()->rowCount(), 210);
    std::filesystem::remove_all(dir_ + "/runs/broken");
}

// Two scenarios run for real on the tiny lab (core's run_scenarios, GA and GA+GD, one seed): the tab
// shows one row per scenario and method with the file's figures, the chart their seen ASR.
void TestComparePage::scenariosTab() {
    ComparePage page;
    page.setWorkspace(QString::fromStdString(dir_));
    rapidun::ui::ScenariosView * view = page.scenariosView();
    QCOMPARE(view->model()->rowCount(), 0);   // none run yet: the note says how
    QVERIFY(view->note()->text().contains(QStringLiteral("rapidun scenarios")));

    rapidun::ScenarioOptions o;
    o.names = {"small", "family"};
    o.small_n = 4;
    o.pipeline.methods = {rapidun::UnlearnMethod::GA, rapidun::UnlearnMethod::GAGD};
    const json s = rapidun::run_scenarios(rapidun::Workspace::load(dir_), o);
    page.reloadRuns();
    QCOMPARE(view->model()->rowCount(), 4);
    QVERIFY(view->model()->rowCount() == int(s["scenarios"].size() * 2));
    const json & fam = s["scenarios"][1];
    QCOMPARE(view->model()->item(2, rapidun::ui::ScenariosView::ScenarioColumn)->text(), QStringLiteral("family"));
    QCOMPARE(view->model()->item(0, rapidun::ui::ScenariosView::ForgetColumn)->text(), QStringLiteral("4"));
    QCOMPARE(view->model()->item(2, rapidun::ui::ScenariosView::ForgetColumn)->text(),
             QString::number(fam["n_forget"].get<int>()));
    QVERIFY(view->note()->text().contains(QString::fromStdString(fam["family"].get<std::string>())));
    const double seen = s["scenarios"][0]["methods"]["gagd"]["seen_asr_after"].get<double>();
    QCOMPARE(view->model()->item(1, rapidun::ui::ScenariosView::MethodColumn)->text(), QStringLiteral("gagd"));
    QVERIFY(view->model()->item(1, rapidun::ui::ScenariosView::SeenColumn)->text().startsWith(QString::number(seen, 'f', 3)));
    QCOMPARE(view->chart()->categories(), QStringList({QStringLiteral("small"), QStringLiteral("family")}));
    QCOMPARE(view->chart()->seriesCount(), 2);
    QCOMPARE(view->chart()->value(1, 0), seen);
    QVERIFY(std::filesystem::exists(dir_ + "/scenarios/family/workspace.json"));

    // A broken file: the note names it, the table stays empty.
    rapidun::write_file_atomic(dir_ + "/reports/scenarios.json", std::string("{"));
    QVERIFY(!view->load(QString::fromStdString(dir_)));
    QCOMPARE(view->model()->rowCount(), 0);
    QVERIFY(view->note()->text().contains(QStringLiteral("scenarios.json")));
}

QTEST_MAIN(TestComparePage)
#include "test_compare_page.moc"
