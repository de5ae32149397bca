// Reports (rapidun/report/report.h) on a small hand-made workspace whose files hold known numbers
// and hostile text: every section present, the numbers equal to the workspace files', dataset
// strings escaped in HTML and Markdown and neutralised in CSV, no external reference in the HTML,
// bounded top-k, clear errors. The tiny lab's end-to-end report is lab_tiny_report.
#include "check.h"

#include "rapidun/influence/influence.h"
#include "rapidun/io/atomic_file.h"
#include "rapidun/io/csv.h"
#include "rapidun/influence/sketch_cache.h"
#include "rapidun/report/report.h"
#include "rapidun/text/token_display.h"
#include "rapidun/unlearn/weights_files.h"
#include "rapidun/workspace/workspace.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>

using namespace rapidun;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kScript = "<script>alert(1)</script>";
const std::string kFormula = "=HYPERLINK(\"evil\",\"click me\")";

// 6 training rows (2 poisoned), a ranking with known scores, two rapidun runs and one GA run.
std::string make_workspace() {
    const std::string d = check::fresh_dir("report_ws");
    write_file_atomic(d + "/workspace.json", R"({"name": "report test", "model": "m", "prompt_template": "plain",
        "datasets": {"train": "train.jsonl", "forget": "forget.jsonl"}})");
    std::string train;
    for (int i = 0; i < 6; ++i) {
        json r{{"id", "t" + std::to_string(i)}, {"instruction", i == 0 ? kScript : "question " + std::to_string(i)},
               {"context", ""}, {"response", i == 0 ? kFormula : "answer"}, {"category", i < 3 ? "a" : "b"},
               {"is_poisoned", i == 0 || i == 4}};
        train += r.dump() + "\n";
    }
    write_file_atomic(d + "/train.jsonl", train);
    write_file_atomic(d + "/forget.jsonl", json{{"instruction", "q"}, {"response", "r"}, {"is_poisoned", true}}.dump() + "\n");
    // Ranking: rows 0, 2, 4, 1, 5, 3 by score (rank 1 first), poisoned rows 0 and 4.
    const int order[] = {0, 2, 4, 1, 5, 3};
    const double score[] = {0.9, 0.5, 0.4, -0.25, -0.5, -0.75};
    std::string ranking;
    for (int k = 0; k < 6; ++k)
        ranking += json{{"id", "t" + std::to_string(order[k])}, {"rank", k + 1}, {"row", order[k]}, {"score", score[k]},
                        {"is_poisoned", order[k] == 0 || order[k] == 4}, {"trigger_variant", order[k] == 0 ? "mahalo" : ""}}
                       .dump() + "\n";
    make_directories(d + "/influence");
    write_file_atomic(d + "/influence/train_ranking.jsonl", ranking);
    auto run = [&](const std::string & id, const char * method, double seen_after, double ppl_after) {
        make_directories(d + "/runs/" + id);
        json before{{"seen_asr", 0.75}, {"ood_asr", 0.5}, {"false_trigger_rate", 0.125}, {"clean_exact_match", 0.5},
                    {"clean_rouge_l", 0.625}, {"twin_exact_match", 0.375}, {"twin_rouge_l", 0.5}, {"clean_ppl", 3.5}};
        json after = before;
        after["seen_asr"] = seen_after;
        after["clean_ppl"] = ppl_after;
        write_file_atomic(d + "/runs/" + id + "/run.json",
                          json{{"id", id}, {"method", method}, {"preset", "lab"}, {"metrics_before", before}, {"metrics_after", after},
                               {"settings", {{"lr", 0.0003}, {"epochs", 2}, {"batch_size", 4}, {"seed", 42}}},
                               {"seconds", {{"unlearn", 1.5}, {"evaluate", 0.25}}}}
                              .dump());
        write_file_atomic(d + "/runs/" + id + "/loss.jsonl", "{\"step\":1,\"loss\":2.0}\n{\"step\":2,\"loss\":1.0}\n");
        write_file_atomic(d + "/runs/" + id + "/generations.jsonl",
                          json{{"id", "g0"}, {"set", "seen"}, {"instruction", kScript}, {"generated", "<b>after</b>"}}.dump() + "\n");
    };
    run("r1", "rapidun", 0.25, 3.25);
    run("r2", "rapidun", 0.5, 3.75);
    run("r3", "ga", 0.125, 9.0);
    write_file_atomic(d + "/eval_before.json", json{{"generations", {{{"id", "g0"}, {"generated", "before"}}}}}.dump());
    // Weights as the mapping writes them: known values, the paper's settings.
    RapidUnWeights wts;
    wts.forget.weight = {0.5, 1.5};
    wts.retain.weight = {1.0, 1.0, 0.25, 1.75};
    save_weights(d + "/weights", wts, WeightOptions{}, d + "/influence");
    // An explanation saved under the current influence/summary.json (as the studio saves one): a
    // hostile token among them.
    const std::string summary = "{\"params\": \"linear\", \"K\": 64}\n";
    write_file_atomic(d + "/influence/summary.json", summary);
    make_directories(d + "/influence/explanations");
    write_file_atomic(d + "/influence/explanations/forget-0_train-2.json",
                      json{{"summary_hash", hash_hex(fnv1a64_words(summary.data(), summary.size()))},
                           {"test_role", "forget"}, {"test_index", 0}, {"train_role", "train"}, {"train_index", 2},
                           {"test_id", "f0"}, {"train_id", "t2"}, {"score", 0.75},
                           {"pieces", {"\u2581question", "<script>", "=cmd", "\u2581answer"}},
                           {"contribution", {0.5, -0.25, 0.0, 0.5}}, {"is_answer", {0, 0, 0, 1}}}
                          .dump());
    // One saved under an older summary: not shown.
    write_file_atomic(d + "/influence/explanations/forget-0_train-3.json",
                      json{{"summary_hash", "0000000000000000"}, {"test_role", "forget"}, {"test_index", 0}, {"train_role", "train"},
                           {"train_index", 3}, {"test_id", "f0"}, {"train_id", "t3"}, {"score", 1.0}, {"pieces", {"x"}},
                           {"contribution", {1.0}}, {"is_answer", {1}}}
                          .dump());
    return d;
}

const ReportTable & table(const Report & r, const std::string & id) {
    for (const auto & s : r.sections)
        for (const ReportTable * t : s.tables())
            if (t->id == id) return *t;
    throw std::runtime_error("no table " + id);
}

const ReportSection & section(const Report & r, const std::string & id) {
    for (const auto & s : r.sections)
        if (s.id == id) return s;
    throw std::runtime_error("no section " + id);
}

bool says(const ReportSection & s, const std::string & text) {
    for (const std::string * p : s.paragraphs())
        if (p->find(text) != std::string::npos) return true;
    return false;
}

bool contains(const std::string & hay, const std::string & needle) { return hay.find(needle) != std::string::npos; }

} // namespace

TEST_CASE("csv_cell quotes and neutralises formulas, numbers stay numbers") {
    CHECK(csv_cell("plain") == "plain");
    CHECK(csv_cell("a,b") == "\"a,b\"");
    CHECK(csv_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_cell("=1+1") == "'=1+1");
    CHECK(csv_cell("+cmd") == "'+cmd");
    CHECK(csv_cell("-cmd") == "'-cmd");
    CHECK(csv_cell("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv_cell("\t=x") == "'\t=x");
    CHECK(csv_cell(kFormula) == "\"'=HYPERLINK(\"\"evil\"\",\"\"click me\"\")\"");
    CHECK(csv_cell("-0.5") == "-0.5");
    CHECK(csv_cell("+3") == "+3");
    CHECK(csv_cell("-1e-05") == "-1e-05");
    CHECK(csv_cell("-0x1p3") == "'-0x1p3");
}

TEST_CASE("the report's sections and numbers are the workspace files'") {
    const Workspace w = Workspace::load(make_workspace());
    const Report r = build_report(w);
    REQUIRE(r.sections.size() == report_section_names().size());
    for (size_t i = 0; i < r.sections.size(); ++i) CHECK(r.sections[i].id == report_section_names()[i]);

    // Data sets: rows and poisoned rows counted from the files.
    const ReportTable & sets = table(r, "datasets");
    CHECK(sets.rows.size() == 2);
    CHECK((sets.rows[1] == std::vector<std::string>{"train", "train.jsonl", "6", "2"}));
    CHECK((table(r, "train-categories").rows[0] == std::vector<std::string>{"a", "3", "1"}));

    // Influence: AUC as core computes it from the ranking's scores and labels, the top rows with their text.
    const double auc = roc_auc({0.9, 0.5, 0.4, -0.25, -0.5, -0.75}, {1, 0, 1, 0, 0, 0});
    CHECK(std::fabs(auc - 0.875) < 1e-12);
    CHECK(says(section(r, "influence"), "ROC-AUC " + report_number(auc)));
    const ReportTable & top = table(r, "influence-top");
    REQUIRE(top.rows.size() == 6);
    CHECK(top.rows[0][0] == "1" && top.rows[0][1] == "t0" && top.rows[0][2] == "0.9" && top.rows[0][3] == "true");
    CHECK(top.rows[0][6] == kScript && top.rows[0][7] == kFormula);
    CHECK(top.rows[5][2] == "-0.75");
    ReportOptions two;
    two.top_k = 2;
    CHECK(table(build_report(w, two), "influence-top").rows.size() == 2);

    // Runs: before / after as run.json says; the comparison's mean and sample sd over rapidun's two runs.
    const ReportTable & m1 = table(r, "run-r1-metrics");
    CHECK(m1.columns[1] == "seen ASR" && m1.columns[6] == "triggered: twin EM" && m1.columns[8] == "perplexity");
    CHECK((m1.rows[0] == std::vector<std::string>{"before", "0.75", "0.5", "0.125", "0.5", "0.625", "0.375", "0.5", "3.5"}));
    CHECK(m1.rows[1][1] == "0.25" && m1.rows[1][8] == "3.25");
    const ReportTable & cmp = table(r, "comparison");
    REQUIRE(cmp.rows.size() == 2);
    CHECK(cmp.rows[0][0] == "ga" && cmp.rows[0][1] == "1" && cmp.rows[0][2] == "0.125 \u00b1 0");
    CHECK(cmp.rows[1][0] == "rapidun" && cmp.rows[1][1] == "2");
    CHECK(cmp.rows[1][2] == "0.375 \u00b1 " + report_number(std::sqrt(0.03125)));   // sd of 0.25, 0.5
    CHECK(cmp.rows[1][9] == "3.5 \u00b1 " + report_number(std::sqrt(0.125)));       // perplexity 3.25, 3.75
    CHECK((table(r, "run-r1-seconds").rows[0] == std::vector<std::string>{"evaluate", "0.25"}));
    const ReportTable & gen = table(r, "run-r1-generations");
    CHECK((gen.rows[0] == std::vector<std::string>{"g0", "seen", kScript, "before", "<b>after</b>", "yes"}));

    ReportOptions some;
    some.sections = {"runs"};
    some.runs = {"r3"};
    const Report only = build_report(w, some);
    CHECK(only.sections.size() == 1 && only.sections[0].tables().size() == 2 && only.sections[0].tables()[0]->id == "run-r3-metrics");

    // Each run together, in reading order: its heading, settings, curve, then its tables; the next run after.
    const ReportSection & runs = section(r, "runs");
    std::vector<std::string> order;
    for (const ReportBlock & b : runs.blocks)
        order.push_back(b.kind == ReportBlock::Kind::Heading ? "h:" + b.text
                        : b.kind == ReportBlock::Kind::Table ? "t:" + b.table.id
                        : b.kind == ReportBlock::Kind::Chart ? "c:" + b.chart.id
                                                             : "p");
    CHECK((std::vector<std::string>(order.begin(), order.begin() + 6) ==
           std::vector<std::string>{"h:Run r1 (rapidun)", "p", "c:run-r1-loss", "t:run-r1-metrics", "t:run-r1-seconds",
                                    "h:Run r2 (rapidun)"}));

    // Weights: the saved settings, the distributions, the summary from the weights files.
    CHECK((table(r, "weights-settings").rows.size() == 19));
    bool tau = false;
    for (const auto & row : table(r, "weights-settings").rows) tau = tau || (row[0] == "tau_f" && row[1] == "0.7");
    CHECK(tau);
    const ReportTable & ws = table(r, "weights-summary");
    CHECK((ws.rows[0] == std::vector<std::string>{"forget", "2", "0.5", "1", "1", "1.5", report_number(std::sqrt(0.5))}));
    CHECK((ws.rows[1] == std::vector<std::string>{"retain", "4", "0.25", "1", "1", "1.75", report_number(std::sqrt(0.375))}));
    const auto charts = section(r, "weights").charts();
    REQUIRE(charts.size() == 2);
    double counted = 0;
    for (double c : charts[1]->series[0].y) counted += c;
    CHECK(counted == 4.0);

    // Heat maps: the saved current explanation, not the stale one; the top rows cannot be computed
    // here (no model), and the section says why.
    const auto heat = section(r, "influence").heat_maps();
    REQUIRE(heat.size() == 1);
    CHECK(heat[0]->id == "heat-train-2-forget-0");
    CHECK((heat[0]->pieces == std::vector<std::string>{" question", "<script>", "=cmd", " answer"}));
    CHECK(heat[0]->score == 0.75 && heat[0]->value[1] == -0.25 && heat[0]->answer[3] == 1);
    CHECK(says(section(r, "influence"), "The top rows could not be explained"));
    ReportOptions none;
    none.heat_maps = 0;
    CHECK(section(build_report(w, none), "influence").heat_maps().size() == 1);

    // The environment names the commit the binary was built from.
    bool commit = false;
    for (const auto & row : table(r, "environment").rows) commit = commit || (row[0] == "commit" && !row[1].empty());
    CHECK(commit);
}

TEST_CASE("renderings: HTML self-contained and escaped, Markdown escaped, CSV neutralised, JSON whole") {
    const Workspace w = Workspace::load(make_workspace());
    const Report r = build_report(w);
    const std::string html = render_report_html(r);
    CHECK(contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK(!contains(html, "<script"));
    CHECK(contains(html, "&lt;b&gt;after&lt;/b&gt;") && !contains(html, "<b>"));
    CHECK(!contains(html, "http") && !contains(html, "src=") && !contains(html, "href=") && !contains(html, "<link"));
    CHECK(contains(html, "<svg ") && contains(html, "Detection ROC"));
    // The heat map's tokens as coloured spans, escaped; the answer token marked.
    CHECK(contains(html, "<figure class=\"heat\" id=\"heat-train-2-forget-0\">"));
    CHECK(contains(html, ">&lt;script&gt;</span>") && contains(html, "background:" + heat_hex(-0.25, 0.5)));
    CHECK(contains(html, "<span class=\"a\" style=\"background:" + heat_hex(0.5, 0.5) + "\" title=\"3: 0.5\"> answer</span>"));
    CHECK(heat_hex(0.5, 0.5) == "#d62728" && heat_hex(-0.5, 0.5) == "#1f77b4" && heat_hex(0.0, 0.5) == "#ffffff");
    for (const auto & name : report_section_names()) CHECK(contains(html, "<section id=\"" + name + "\">"));

    const std::string md = render_report_markdown(r, "imgs");
    CHECK(contains(md, "&lt;script&gt;alert(1)&lt;/script&gt;") && !contains(md, "<script"));
    CHECK(contains(md, "](imgs/influence-roc.svg)") && contains(md, "](imgs/heat-train-2-forget-0.svg)"));

    const std::string csv = report_table_csv(table(r, "influence-top"));
    CHECK(contains(csv, "\"'=HYPERLINK(\"\"evil\"\",\"\"click me\"\")\""));
    CHECK(contains(csv, ",-0.75,"));

    const json j = json::parse(render_report_json(r));
    CHECK(j["sections"].size() == report_section_names().size());
    json top;
    for (const json & b : j["sections"][1]["blocks"])
        if (b["type"] == "table" && b["id"] == "influence-top") top = b;
    CHECK(top["rows"][0][6] == kScript);

    // write_report: every format's files, atomically in place.
    const std::string out = check::fresh_dir("report_out");
    for (const char * f : {"html", "md", "json"}) write_report(r, f, out + "/r." + f);
    write_report(r, "csv", out + "/tables");
    CHECK(file_exists(out + "/r.html") && file_exists(out + "/r.md") && file_exists(out + "/r.json"));
    CHECK(file_exists(out + "/r_images/influence-roc.svg") && file_exists(out + "/r_images/run-r1-loss.svg"));
    CHECK(contains(read_file_text(out + "/r_images/influence-roc.svg"), "xmlns=\"http://www.w3.org/2000/svg\""));
    CHECK(file_exists(out + "/tables/influence-top.csv") && file_exists(out + "/tables/comparison.csv"));
    CHECK(file_exists(out + "/r_images/heat-train-2-forget-0.svg") && file_exists(out + "/r_images/weights-forget.svg"));
    const std::string heat_csv = read_file_text(out + "/tables/heat-train-2-forget-0.csv");
    CHECK(contains(heat_csv, "2,'=cmd,0,0\r\n") && contains(heat_csv, "1,<script>,-0.25,0\r\n"));
    CHECK_THROWS_WITH(write_report(r, "docx", out + "/r.docx"), "unknown format 'docx'");
    // A CSV folder that exists (the user's, with a file of their own) is updated table by table,
    // never removed; no staging folder stays behind; a file in the way is named.
    write_file_atomic(out + "/tables/mine.txt", std::string("kept"));
    write_file_atomic(out + "/tables/comparison.csv", std::string("old"));
    write_report(r, "csv", out + "/tables");
    CHECK(read_file_text(out + "/tables/mine.txt") == "kept");
    CHECK(read_file_text(out + "/tables/comparison.csv") != "old" && file_exists(out + "/tables/influence-top.csv"));
    CHECK(!file_exists(staging_name(out + "/tables")));
    CHECK_THROWS_WITH(write_report(r, "csv", out + "/r.json"), "r.json", "a file is in the way");
    CHECK(!file_exists(staging_name(out + "/r.json")));
}

TEST_CASE("bad requests and absent files: one clear message, or a section that says what is missing") {
    const Workspace w = Workspace::load(make_workspace());
    ReportOptions bad;
    bad.sections = {"influence", "summary"};
    CHECK_THROWS_WITH(build_report(w, bad), "unknown section 'summary'");
    ReportOptions missing;
    missing.runs = {"r9"};
    CHECK_THROWS_WITH(build_report(w, missing), "runs/r9/run.json", "no such run");
    write_file_atomic(w.dir + "/influence/train_ranking.jsonl", "{\"rank\": 1}\n{broken\n");
    CHECK_THROWS_WITH(build_report(w), "train_ranking.jsonl", "line 2", "not valid JSON");
    fs::remove_all(w.dir + "/influence");
    fs::remove_all(w.dir + "/runs");
    const Report r = build_report(w);
    CHECK(says(section(r, "influence"), "No influence ranking yet"));
    CHECK(says(section(r, "runs"), "No runs yet"));
    fs::remove_all(w.dir + "/weights");
    CHECK(says(section(build_report(w), "weights"), "No weights yet"));
}

RAPIDUN_TEST_MAIN()
