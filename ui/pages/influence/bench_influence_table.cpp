// Times the Influence page's table on 52,002 training rows (Alpaca's size; --rows 1000000 repeats
// Alpaca's text under new ids): opening it (the worker's read, then the GUI thread's model reset +
// view shown), sorting columns and one filter keystroke (text, regular expression, score range),
// and the memory the page holds for the table (resident set before and after the page loads it).
// Not a test: it prints the figures against the targets (52k rows: open < 300 ms, sort < 100 ms,
// keystroke < 50 ms; 1M rows: open < 300 ms, sort < 300 ms, keystroke < 100 ms, memory
// < 1 GiB). Influence scores are generated (seeded):
// the table's speed does not depend on where the scores came from, and real influence for 52k rows
// needs a model and tokenizer that fit Alpaca (minutes to hours on this CPU, by model size).
//
//   build/bin/bench_influence_table [--rows N]
#include "influence_data.h"
#include "influence_page.h"
#include "influence_table_model.h"

#include "rapidun/data/records.h"
#include "rapidun/io/atomic_file.h"
#include "rapidun/workspace/workspace.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTableView>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

#include <malloc.h>
#include <unistd.h>
#include <filesystem>
#include <numeric>
#include <random>
#include <string>

using namespace rapidun;
using namespace rapidun::ui;

namespace {

constexpr size_t kRows = 52002;

std::vector<Record> benchRecords(size_t n, std::string & source) {
    const std::string alpaca = std::string(RAPIDUN_SHARED_DIR) + "/data/alpaca/alpaca_data.json.gz";
    std::vector<Record> rows;
    if (std::filesystem::exists(alpaca)) {
        rows = read_records(alpaca);
        source = alpaca;
    } else {
        source = "generated rows";
    }
    const char * cats[] = {"open_qa", "general_qa", "classification", "closed_qa", "brainstorming", "summarization"};
    std::mt19937_64 rng(7);
    const size_t real = rows.size();
    for (size_t i = rows.size(); i < n; i++) {
        Record r;
        if (real > 0) {   // Alpaca's rows again (a corpus of RapidIn's users' size is this long)
            r = rows[i % real];
        } else {
            r.instruction = "Generated instruction " + std::to_string(i) + ": describe item " + std::to_string(rng() % 1000);
            r.response = "Response " + std::to_string(rng() % 100000);
        }
        rows.push_back(r);
    }
    rows.resize(n);
    for (size_t i = 0; i < n; i++) {   // ids, categories and a 5 % poisoned share, seeded
        char id[32];
        std::snprintf(id, sizeof id, "train-%06zu", i);
        rows[i].id = id;
        rows[i].category = cats[rng() % 6];
        rows[i].has_poison_flag = true;
        rows[i].is_poisoned = rng() % 20 == 0;
        if (rows[i].is_poisoned) {
            rows[i].trigger_family = "B_style";
            rows[i].trigger_variant = rng() % 2 ? "mahalo :)" : "%%%";
        }
    }
    return rows;
}

// A workspace with the rows and a generated train_ranking.jsonl (poisoned rows score higher).
void writeWorkspace(const std::string & dir, const std::vector<Record> & rows) {
    Workspace w;
    w.dir = dir;
    w.name = "bench";
    w.datasets["train"] = "data/train.jsonl";
    w.datasets["forget"] = "data/forget.jsonl";
    make_directories(dir + "/data");
    make_directories(dir + "/influence");
    write_records_jsonl(dir + "/data/train.jsonl", rows);
    std::vector<Record> forget;
    for (const Record & r : rows)
        if (r.is_poisoned && forget.size() < 200)
            forget.push_back(r);
    write_records_jsonl(dir + "/data/forget.jsonl", forget);
    w.save();

    std::mt19937_64 rng(42);
    std::normal_distribution<double> noise(0.0, 0.02);
    std::vector<double> score(rows.size());
    for (size_t i = 0; i < rows.size(); i++)
        score[i] = (rows[i].is_poisoned ? 0.09 : 0.03) + noise(rng);
    std::vector<size_t> order(rows.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return score[a] > score[b]; });
    std::string lines;
    for (size_t k = 0; k < order.size(); k++) {
        const size_t i = order[k];
        lines += "{\"id\":\"" + rows[i].id + "\",\"rank\":" + std::to_string(k + 1) + ",\"row\":" + std::to_string(i) +
                 ",\"score\":" + std::to_string(score[i]) + "}\n";
    }
    write_file_atomic(dir + "/influence/train_ranking.jsonl", lines);
    std::filesystem::last_write_time(dir + "/data/forget.jsonl",   // not stale: the ranking is newer
                                     std::filesystem::last_write_time(dir + "/influence/train_ranking.jsonl") -
                                         std::chrono::seconds(10));
}

double ms(const QElapsedTimer & t) { return double(t.nsecsElapsed()) / 1e6; }

double rssMiB() {   // resident set of this process
    std::FILE * f = std::fopen("/proc/self/statm", "r");
    long pages = 0, resident = 0;
    if (f) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        std::fclose(f);
    }
    return double(resident) * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

constexpr int kRepeats = 5;   // each figure is the median of kRepeats runs (the VM is shared)

template <class Setup, class Timed>
double medianMs(Setup setup, Timed timed) {
    std::vector<double> runs;
    for (int k = 0; k < kRepeats; k++) {
        setup();
        QElapsedTimer t;
        t.start();
        timed();
        runs.push_back(ms(t));
    }
    std::sort(runs.begin(), runs.end());
    return runs[runs.size() / 2];
}

void settle() { QCoreApplication::processEvents(QEventLoop::AllEvents); }   // lets the view repaint

} // namespace

int main(int argc, char ** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    size_t n = kRows;
    for (int i = 1; i + 1 < argc; i++)
        if (std::string(argv[i]) == "--rows")
            n = size_t(std::stoul(argv[i + 1]));

    std::string source;
    QTemporaryDir tmp;
    {
        const std::vector<Record> rows = benchRecords(n, source);
        writeWorkspace(tmp.path().toStdString(), rows);
    }
    malloc_trim(0);
    std::printf("bench_influence_table: %zu rows from %s; influence scores GENERATED (seeded), not computed: real\n"
                "influence is not what this measures. Offscreen QPA, 1280x800 page; median of 5 runs.\n\n",
                n, source.c_str());

    InfluencePage page;
    page.resize(1280, 800);
    page.show();
    settle();
    const double rssBefore = rssMiB();
    QElapsedTimer first;
    first.start();
    page.setWorkspace(tmp.path());   // the real path once, so the page is set up for this folder
    QEventLoop wait;
    QObject::connect(&page, &InfluencePage::loaded, &wait, &QEventLoop::quit);
    wait.exec();
    settle();
    const double firstMs = ms(first);
    const double rssTable = rssMiB() - rssBefore;
    std::printf("memory: the page holding the table (resident set after - before) %8.1f MiB   target < 1024 (1M rows)\n",
                rssTable);
    std::printf("open: first load, worker + GUI thread, wall                  %8.1f ms   (once)\n", firstMs);

    QElapsedTimer t;
    t.start();
    LoadedInfluence loaded = loadInfluenceData(tmp.path());
    const double readMs = ms(t);
    LoadedInfluence next;
    const double openMs = medianMs([&] { next = loaded; },
                                   [&] {
                                       page.showLoaded(std::move(next));   // model reset, histogram, columns sized
                                       settle();
                                   });
    std::printf("open: worker read (JSONL + ranking, off the GUI thread)  %8.1f ms   (once)\n", readMs);
    std::printf("open: GUI thread (model reset + view shown)              %8.1f ms   target < 300\n", openMs);

    InfluenceTableModel * model = page.tableModel();
    QTableView * view = page.tableView();
    const struct { int column; const char * name; } sorts[] = {
        {InfluenceTableModel::Score, "score"}, {InfluenceTableModel::Id, "id"},
        {InfluenceTableModel::Category, "category"}, {InfluenceTableModel::Instruction, "instruction"},
        {InfluenceTableModel::Poisoned, "poisoned"}, {InfluenceTableModel::Weight, "weight"}};
    for (const auto & s : sorts) {
        const double sortMs = medianMs([&] { view->sortByColumn(InfluenceTableModel::Rank, Qt::AscendingOrder); settle(); },
                                       [&] { view->sortByColumn(s.column, Qt::DescendingOrder); settle(); });
        std::printf("sort %-12s (descending, view repainted)          %8.1f ms   target < 100 (52k) / 300 (1M)\n", s.name, sortMs);
    }

    auto keystroke = [&](const char * what, const InfluenceFilter & f) {
        const double filterMs = medianMs([&] { model->setFilter(InfluenceFilter{}); settle(); },
                                         [&] { model->setFilter(f); settle(); });
        std::printf("filter keystroke: %-36s %8.1f ms   target < 50 (52k) / 100 (1M)  (%d rows)\n", what, filterMs, model->rowCount());
    };
    InfluenceFilter text;
    text.text = QStringLiteral("water");
    keystroke("text \"water\"", text);
    InfluenceFilter regex;
    regex.text = QStringLiteral("^(give|write)\\b.*(poem|story)");
    regex.regex = true;
    keystroke("regex ^(give|write)\\b.*(poem|story)", regex);
    InfluenceFilter range;
    range.scoreMin = 0.06;
    range.scoreMax = 0.12;
    keystroke("score range [0.06, 0.12]", range);
    InfluenceFilter all = text;
    all.poisoned = InfluenceFilter::Poison::Clean;
    all.scoreMin = 0.0;
    keystroke("text + clean + score >= 0", all);
    return 0;
}
