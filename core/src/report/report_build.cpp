// build_report: the content of a workspace report, read from the workspace's own files (report.h).
#include "rapidun/report/report.h"

#include "rapidun/data/records.h"
#include "rapidun/error.h"
#include "rapidun/influence/influence.h"
#include "rapidun/io/atomic_file.h"
#include "rapidun/model/model.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace rapidun {

using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

json read_json(const std::string & path) {
    try {
        return json::parse(read_file_text(path));
    } catch (const json::exception & e) {
        fail(path, "", std::string("not valid JSON: ") + e.what());
    }
}

std::vector<json> read_jsonl(const std::string & path) {
    std::vector<json> out;
    std::istringstream in(read_file_text(path));
    std::string line;
    for (size_t n = 1; std::getline(in, line); ++n) {
        if (line.empty()) continue;
        try {
            out.push_back(json::parse(line));
        } catch (const json::exception & e) {
            fail(path, "line " + std::to_string(n), std::string("not valid JSON: ") + e.what());
        }
    }
    return out;
}

double num(const json & j, const char * key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<double>() : std::nan("");
}

std::string str(const json & j, const char * key) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return "";
    return it->is_string() ? it->get<std::string>() : it->dump();
}

// Long dataset strings are shortened in tables (the CSV and JSON renderings hold the same text).
std::string clip(const std::string & s, size_t max_bytes = 240) {
    if (s.size() <= max_bytes) return s;
    size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;   // not inside a UTF-8 sequence
    return s.substr(0, cut) + "\u2026";
}

// The metrics every evaluation reports, in the order tables show them.
const std::vector<std::pair<const char *, const char *>> kMetrics = {
    {"seen_asr", "seen ASR"},          {"ood_asr", "OOD ASR"},   {"false_trigger_rate", "false triggers"},
    {"clean_exact_match", "clean EM"}, {"clean_rouge_l", "ROUGE-L"}, {"clean_ppl", "perplexity"}};

// The train set, read once for the sections that need it (empty when the workspace has none).
std::vector<Record> read_train(const Workspace & w) {
    const auto it = w.datasets.find("train");
    if (it == w.datasets.end() || !file_exists(w.resolve(it->second))) return {};
    return read_records(w.resolve(it->second));
}

ReportSection workspace_section(const Workspace & w, const std::vector<Record> & train) {
    ReportSection s{"workspace", "Workspace and data"};
    s.paragraphs.push_back("Workspace " + (w.name.empty() ? w.dir : w.name) + " (" + w.kind + "), folder " + w.dir + ".");
    s.paragraphs.push_back("Model " + w.model + (w.tokenizer.empty() ? "" : ", tokenizer " + w.tokenizer) +
                           "; prompt template " + w.prompt_template + ", max_len " + std::to_string(w.max_len) +
                           ", max_new_tokens " + std::to_string(w.max_new_tokens) + ".");
    ReportTable sets{"datasets", "Data sets and their roles", {"role", "file", "rows", "poisoned rows"}, {}};
    std::map<std::string, std::pair<int64_t, int64_t>> categories;   // train: category -> rows, poisoned
    for (const auto & [role, file] : w.datasets) {
        const std::string path = w.resolve(file);
        if (!file_exists(path)) {
            sets.rows.push_back({role, file, "missing", ""});
            continue;
        }
        std::vector<Record> other;   // the train set is the one already read, not a copy
        const std::vector<Record> & rows = role == "train" ? train : (other = read_records(path));
        int64_t poisoned = 0;
        for (const Record & r : rows) poisoned += r.is_poisoned;
        sets.rows.push_back({role, file, std::to_string(rows.size()), std::to_string(poisoned)});
        if (role != "train") continue;
        for (const Record & r : rows) {
            auto & c = categories[r.category.empty() ? "(none)" : r.category];
            c.first++;
            c.second += r.is_poisoned;
        }
    }
    s.tables.push_back(sets);
    if (!categories.empty()) {
        ReportTable cat{"train-categories", "Training rows by category", {"category", "rows", "poisoned"}, {}};
        ReportChart chart{"train-categories", "Training rows by category", "bar", "category", "rows", {{"rows", {}, {}}}, {}};
        for (const auto & [name, c] : categories) {
            cat.rows.push_back({name, std::to_string(c.first), std::to_string(c.second)});
            chart.labels.push_back(name);
            chart.series[0].x.push_back(double(chart.labels.size() - 1));
            chart.series[0].y.push_back(double(c.first));
        }
        s.tables.push_back(cat);
        s.charts.push_back(chart);
    }
    return s;
}

ReportSection influence_section(const Workspace & w, const ReportOptions & opt, const std::vector<Record> & train) {
    ReportSection s{"influence", "Influence ranking"};
    const std::string ranking = w.resolve("influence/train_ranking.jsonl");
    if (!file_exists(ranking)) {
        s.paragraphs.push_back("No influence ranking yet (influence/train_ranking.jsonl is absent): run `rapidun influence "
                               "--rank-train` or compute it on the Influence page.");
        return s;
    }
    if (const std::string summary = w.resolve("influence/summary.json"); file_exists(summary)) {
        const json j = read_json(summary);
        s.paragraphs.push_back("Gradients over the parameter set '" + str(j, "params") + "' (" + str(j, "tensors") +
                               " tensors, " + str(j, "D0") + " values), RapidGrad sketches of K = " + str(j, "K") +
                               ", loss " + str(j, "loss") + ", seed " + str(j, "seed") + ".");
    }
    const std::vector<json> rows = read_jsonl(ranking);
    std::vector<double> scores;
    std::vector<uint8_t> poisoned;
    bool labelled = false;
    for (const json & r : rows) {
        scores.push_back(num(r, "score"));
        const auto p = r.find("is_poisoned");
        labelled = labelled || (p != r.end() && p->is_boolean());
        poisoned.push_back(p != r.end() && p->is_boolean() && p->get<bool>());
    }
    const int64_t n_pos = std::count(poisoned.begin(), poisoned.end(), uint8_t(1));
    if (labelled && n_pos > 0 && n_pos < int64_t(poisoned.size())) {
        const double auc = roc_auc(scores, poisoned);
        s.paragraphs.push_back("Detection of the " + std::to_string(n_pos) + " poisoned rows among " +
                               std::to_string(rows.size()) + " by their influence score: ROC-AUC " + report_number(auc) + ".");
        // ROC: walk the ranking from the highest score; ties are stepped through in rank order.
        const std::vector<int64_t> order = rank_descending(scores);
        ReportChart roc{"influence-roc", "Detection ROC (AUC " + report_number(auc) + ")", "line", "false positive rate",
                        "true positive rate", {{"ROC", {0.0}, {0.0}}, {"chance", {0.0, 1.0}, {0.0, 1.0}}}, {}};
        const double n_neg = double(int64_t(poisoned.size()) - n_pos);
        double tp = 0, fp = 0;
        for (int64_t i : order) {
            (poisoned[size_t(i)] ? tp : fp) += 1;
            roc.series[0].x.push_back(fp / n_neg);
            roc.series[0].y.push_back(tp / double(n_pos));
        }
        s.charts.push_back(roc);
    } else {
        s.paragraphs.push_back("The rows carry no poison labels (or only one class): no detection ROC.");
    }
    const size_t k = std::min(opt.top_k, rows.size());
    ReportTable top{"influence-top", "The " + std::to_string(k) + " most influential of " + std::to_string(rows.size()) +
                                         " training rows",
                    {"rank", "id", "score", "poisoned", "trigger", "category", "instruction", "context", "response"}, {}};
    for (size_t i = 0; i < k; ++i) {
        const json & r = rows[i];
        const double row = num(r, "row");
        const Record * rec = std::isfinite(row) && row >= 0 && size_t(row) < train.size() ? &train[size_t(row)] : nullptr;
        top.rows.push_back({str(r, "rank"), str(r, "id"), report_number(num(r, "score")), labelled ? str(r, "is_poisoned") : "",
                            str(r, "trigger_variant"), rec ? rec->category : "", rec ? clip(rec->instruction) : "",
                            rec ? clip(rec->context) : "", rec ? clip(rec->response) : ""});
    }
    s.tables.push_back(top);
    return s;
}

struct Run {
    std::string id, dir;
    json j;
};

std::vector<Run> load_runs(const Workspace & w, const ReportOptions & opt) {
    std::vector<Run> runs;
    const fs::path root = w.resolve("runs");
    std::vector<std::string> ids = opt.runs;
    if (ids.empty() && fs::is_directory(root)) {
        for (const auto & e : fs::directory_iterator(root))
            if (e.is_directory() && fs::exists(e.path() / "run.json")) ids.push_back(e.path().filename().string());
        std::sort(ids.begin(), ids.end());
    }
    for (const std::string & id : ids) {
        const fs::path file = root / id / "run.json";
        if (!fs::exists(file)) fail(file.string(), "", "no such run (its run.json is absent)");
        runs.push_back({id, (root / id).string(), read_json(file.string())});
    }
    return runs;
}

std::vector<std::string> metric_row(const std::string & what, const json & m) {
    std::vector<std::string> row{what};
    for (const auto & [key, label] : kMetrics) row.push_back(m.is_object() ? report_number(num(m, key)) : "n/a");
    return row;
}

std::vector<std::string> metric_columns(const char * first) {
    std::vector<std::string> c{first};
    for (const auto & [key, label] : kMetrics) c.push_back(label);
    return c;
}

ReportSection runs_section(const std::vector<Run> & runs) {
    ReportSection s{"runs", "Unlearning runs"};
    if (runs.empty()) s.paragraphs.push_back("No runs yet (runs/ is empty).");
    for (const Run & r : runs) {
        const json st = r.j.value("settings", json::object());
        s.paragraphs.push_back("Run " + r.id + ": method " + str(r.j, "method") + ", preset " + str(r.j, "preset") +
                               ", lr " + report_number(num(st, "lr")) + ", epochs " + str(st, "epochs") + ", batch " +
                               str(st, "batch_size") + ", seed " + str(st, "seed") + ".");
        ReportTable m{"run-" + r.id + "-metrics", "Run " + r.id + ": evaluation before and after", metric_columns(""), {}};
        m.rows.push_back(metric_row("before", r.j.value("metrics_before", json())));
        m.rows.push_back(metric_row("after", r.j.value("metrics_after", json())));
        s.tables.push_back(m);
        ReportTable t{"run-" + r.id + "-seconds", "Run " + r.id + ": measured stage times", {"stage", "seconds"}, {}};
        const json seconds = r.j.value("seconds", json::object());
        for (const auto & [stage, secs] : seconds.items())
            t.rows.push_back({stage, secs.is_number() ? report_number(secs.get<double>()) : "n/a"});
        s.tables.push_back(t);
        if (const std::string loss = r.dir + "/loss.jsonl"; file_exists(loss)) {
            ReportChart c{"run-" + r.id + "-loss", "Run " + r.id + ": training loss", "line", "step", "loss", {{"loss", {}, {}}}, {}};
            for (const json & p : read_jsonl(loss)) {
                c.series[0].x.push_back(num(p, "step"));
                c.series[0].y.push_back(num(p, "loss"));
            }
            s.charts.push_back(c);
        }
        if (const std::string curve = r.dir + "/metrics.jsonl"; file_exists(curve)) {
            ReportChart c{"run-" + r.id + "-curve", "Run " + r.id + ": cross-entropies during unlearning", "line", "step",
                          "CE (nats)", {}, {}};
            const std::vector<json> points = read_jsonl(curve);
            for (const char * key : {"forget_poisoned_ce", "forget_clean_ce", "retain_ce"}) {
                ReportSeries se{key, {}, {}};
                for (const json & p : points)
                    if (p.contains(key)) {
                        se.x.push_back(num(p, "step"));
                        se.y.push_back(num(p, key));
                    }
                if (!se.x.empty()) c.series.push_back(se);
            }
            if (!c.series.empty()) s.charts.push_back(c);
        }
    }
    return s;
}

ReportSection comparison_section(const Workspace & w, const std::vector<Run> & runs) {
    ReportSection s{"comparison", "Methods compared"};
    // Mean and sample standard deviation over the runs (seeds) of each method, after unlearning.
    std::map<std::string, std::vector<const json *>> by_method;
    for (const Run & r : runs) by_method[str(r.j, "method")].push_back(&r.j);
    ReportTable t{"comparison", "Each method after unlearning: mean \u00b1 sd over its runs", metric_columns("method"), {}};
    t.columns.insert(t.columns.begin() + 1, "runs");
    ReportChart asr{"comparison-asr", "Seen-trigger ASR after unlearning (mean over runs)", "bar", "method", "seen ASR",
                    {{"seen ASR", {}, {}}}, {}};
    for (const auto & [method, js] : by_method) {
        std::vector<std::string> row{method, std::to_string(js.size())};
        for (const auto & [key, label] : kMetrics) {
            std::vector<double> v;
            for (const json * j : js)
                if (const json m = j->value("metrics_after", json()); m.is_object() && std::isfinite(num(m, key)))
                    v.push_back(num(m, key));
            if (v.empty()) {
                row.push_back("n/a");
                continue;
            }
            double mean = 0, ss = 0;
            for (double x : v) mean += x / double(v.size());
            for (double x : v) ss += (x - mean) * (x - mean);
            const double sd = v.size() > 1 ? std::sqrt(ss / double(v.size() - 1)) : 0.0;
            row.push_back(report_number(mean) + " \u00b1 " + report_number(sd));
            if (std::string(key) == "seen_asr") {
                asr.labels.push_back(method);
                asr.series[0].x.push_back(double(asr.labels.size() - 1));
                asr.series[0].y.push_back(mean);
            }
        }
        t.rows.push_back(row);
    }
    if (!t.rows.empty()) {
        s.tables.push_back(t);
        if (!asr.labels.empty()) s.charts.push_back(asr);
    } else {
        s.paragraphs.push_back("No runs to compare.");
    }
    // The pipeline's timing: the efficiency ratio and what each side of it timed.
    if (const std::string p = w.resolve("reports/pipeline.json"); file_exists(p)) {
        const json j = read_json(p);
        ReportTable e{"efficiency", "Pipeline timing (reports/pipeline.json): efficiency ratio = retraining on the clean "
                                    "data / the method's own stages",
                      {"method", "efficiency ratio", "influence s", "weights s", "unlearning s", "total s"}, {}};
        const json methods = j.value("methods", json::object());
        for (const auto & [method, m] : methods.items()) {
            const json mean = m.value("mean", json::object());
            e.rows.push_back({method, report_number(num(mean, "efficiency_ratio")), report_number(num(mean, "influence_seconds")),
                              report_number(num(mean, "weights_seconds")), report_number(num(mean, "unlearn_seconds")),
                              report_number(num(mean, "total_seconds"))});
        }
        s.paragraphs.push_back("Retraining on the clean data took " + report_number(num(j, "retrain_clean_seconds")) + " s.");
        s.tables.push_back(e);
    }
    return s;
}

ReportSection generations_section(const Workspace & w, const std::vector<Run> & runs, size_t n) {
    ReportSection s{"generations", "Generations before and after"};
    std::map<std::string, std::string> before;   // prompt id -> generated before unlearning
    if (const std::string p = w.resolve("eval_before.json"); file_exists(p))
        for (const json & g : read_json(p).value("generations", json::array())) before[str(g, "id")] = str(g, "generated");
    for (const Run & r : runs) {
        const std::string file = r.dir + "/generations.jsonl";
        if (!file_exists(file)) continue;
        ReportTable t{"run-" + r.id + "-generations", "Run " + r.id + ": the first " + std::to_string(n) + " evaluation prompts",
                      {"id", "set", "prompt", "before", "after", "changed"}, {}};
        for (const json & g : read_jsonl(file)) {
            if (t.rows.size() >= n) break;
            const std::string id = str(g, "id"), after = str(g, "generated");
            const auto b = before.find(id);
            t.rows.push_back({id, str(g, "set"), clip(str(g, "instruction")), b == before.end() ? "" : clip(b->second), clip(after),
                              b == before.end() ? "" : (b->second == after ? "no" : "yes")});
        }
        s.tables.push_back(t);
    }
    if (s.tables.empty()) s.paragraphs.push_back("No run has evaluation generations.");
    return s;
}

ReportSection environment_section() {
    ReportSection s{"environment", "Environment"};
    std::string cpu = "unknown";
    std::ifstream in("/proc/cpuinfo");
    for (std::string line; std::getline(in, line);)
        if (line.rfind("model name", 0) == 0) {
            cpu = line.substr(line.find(':') + 2);
            break;
        }
    char when[64];
    const std::time_t now = std::time(nullptr);
    std::strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S UTC", std::gmtime(&now));
    ReportTable t{"environment", "Where this report was made", {"what", "value"}, {}};
    t.rows.push_back({"RapidUn Studio", RAPIDUN_VERSION_STRING});
    t.rows.push_back({"build type", std::string(RAPIDUN_BUILD_TYPE_STRING).empty() ? "(none set)" : RAPIDUN_BUILD_TYPE_STRING});
    t.rows.push_back({"runtime", runtime_summary()});
    t.rows.push_back({"CPU", cpu});
    t.rows.push_back({"made", when});
    s.tables.push_back(t);
    return s;
}

} // namespace

const std::vector<std::string> & report_section_names() {
    static const std::vector<std::string> names = {"workspace", "influence", "runs", "comparison", "generations", "environment"};
    return names;
}

std::string report_number(double v) {
    if (!std::isfinite(v)) return "n/a";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

Report build_report(const Workspace & w, const ReportOptions & opt) {
    const auto & all = report_section_names();
    for (const std::string & s : opt.sections)
        if (std::find(all.begin(), all.end(), s) == all.end())
            throw Error("report: unknown section '" + s + "' (workspace, influence, runs, comparison, generations, environment)");
    auto want = [&](const char * s) {
        return opt.sections.empty() || std::find(opt.sections.begin(), opt.sections.end(), s) != opt.sections.end();
    };
    Report r;
    r.title = "RapidUn report: " + (w.name.empty() ? fs::path(w.dir).filename().string() : w.name);
    const std::vector<Run> runs = want("runs") || want("comparison") || want("generations") ? load_runs(w, opt) : std::vector<Run>{};
    const std::vector<Record> train = want("workspace") || want("influence") ? read_train(w) : std::vector<Record>{};
    if (want("workspace")) r.sections.push_back(workspace_section(w, train));
    if (want("influence")) r.sections.push_back(influence_section(w, opt, train));
    if (want("runs")) r.sections.push_back(runs_section(runs));
    if (want("comparison")) r.sections.push_back(comparison_section(w, runs));
    if (want("generations")) r.sections.push_back(generations_section(w, runs, opt.generations));
    if (want("environment")) r.sections.push_back(environment_section());
    return r;
}

} // namespace rapidun
