// build_report: the content of a workspace report, read from the workspace's own files (report.h).
#include "rapidun/report/report.h"

#include "rapidun/data/records.h"
#include "rapidun/error.h"
#include "rapidun/influence/influence.h"
#include "rapidun/influence/workspace_influence.h"
#include "rapidun/io/atomic_file.h"
#include "rapidun/model/model.h"
#include "rapidun/text/token_display.h"
#include "rapidun/unlearn/weights_files.h"

#include "rapidun/commit.h"   // RAPIDUN_COMMIT_STRING, written at build time (cmake/write_commit.cmake)

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
    {"clean_exact_match", "clean EM"}, {"clean_rouge_l", "ROUGE-L"}, {"twin_exact_match", "triggered: twin EM"},
    {"twin_rouge_l", "triggered: twin ROUGE-L"}, {"clean_ppl", "perplexity"}};

// The train set, read once for the sections that need it (empty when the workspace has none).
std::vector<Record> read_train(const Workspace & w) {
    const auto it = w.datasets.find("train");
    if (it == w.datasets.end() || !file_exists(w.resolve(it->second))) return {};
    return read_records(w.resolve(it->second));
}

ReportSection workspace_section(const Workspace & w, const std::vector<Record> & train) {
    ReportSection s{"workspace", "Workspace and data", {}};
    s.paragraph("Workspace " + (w.name.empty() ? w.dir : w.name) + " (" + w.kind + "), folder " + w.dir + ".");
    s.paragraph("Model " + w.model + (w.tokenizer.empty() ? "" : ", tokenizer " + w.tokenizer) +
                           "; prompt template " + w.prompt_template + ", max_len " + std::to_string(w.max_len) +
                           ", max_new_tokens " + std::to_string(w.max_new_tokens) +
                           (w.max_answer > 0 ? ", answers scored and unlearned on their first " + std::to_string(w.max_answer) + " tokens" : "") +
                           ".");
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
    s.add(sets);
    if (!categories.empty()) {
        ReportTable cat{"train-categories", "Training rows by category", {"category", "rows", "poisoned"}, {}};
        ReportChart chart{"train-categories", "Training rows by category", "bar", "category", "rows", {{"rows", {}, {}}}, {}};
        for (const auto & [name, c] : categories) {
            cat.rows.push_back({name, std::to_string(c.first), std::to_string(c.second)});
            chart.labels.push_back(name);
            chart.series[0].x.push_back(double(chart.labels.size() - 1));
            chart.series[0].y.push_back(double(c.first));
        }
        s.add(chart);
        s.add(cat);
    }
    return s;
}

// Token heat maps (method doc 3.7): the top `opt.heat_maps` ranked rows, each against the forget row
// it influences most (largest |I| in influence/forget_x_train.bin, the row itself excluded when it
// is also a forget row), computed with the workspace's model unless saved; then every other
// explanation saved in the workspace (the rows a researcher explained on the Influence page), at
// most kMaxSaved of them.
void heat_maps(const Workspace & w, const ReportOptions & opt, const std::vector<json> & ranking, ReportSection & s) {
    constexpr size_t kMaxSaved = 20;
    std::vector<TokenExplanation> shown;
    std::string why_not;
    const std::string matrix = w.resolve("influence/forget_x_train.bin");
    if (opt.heat_maps > 0 && !opt.compute_heat_maps)
        why_not = "they are computed when the report is exported (the preview shows the saved ones)";
    else if (opt.heat_maps > 0 && !file_exists(matrix))
        why_not = "influence/forget_x_train.bin is absent";
    if (opt.heat_maps > 0 && why_not.empty()) {
        const InfluenceMatrix m = read_influence_matrix(matrix);
        std::vector<std::string> forget_ids;
        if (const auto f = w.datasets.find("forget"); f != w.datasets.end() && file_exists(w.resolve(f->second)))
            for (const Record & r : read_records(w.resolve(f->second))) forget_ids.push_back(r.id);
        std::vector<ExplainPair> top;
        for (size_t k = 0; k < ranking.size() && top.size() < opt.heat_maps; ++k) {
            const double row = num(ranking[k], "row");
            if (!std::isfinite(row) || row < 0 || int64_t(row) >= m.n_train || m.n_test == 0) continue;
            // The forget row it influences most, other than itself (a poisoned row is often also a forget row).
            const std::string id = str(ranking[k], "id");
            int64_t best = -1;
            for (int64_t t = 0; t < m.n_test; ++t) {
                if (size_t(t) < forget_ids.size() && !id.empty() && forget_ids[size_t(t)] == id) continue;
                if (best < 0 || std::fabs(m.at(t, int64_t(row))) > std::fabs(m.at(best, int64_t(row)))) best = t;
            }
            if (best >= 0) top.push_back({"forget", size_t(best), "train", size_t(row)});
        }
        try {
            shown = saved_explanations(w, top);   // the ones not saved yet computed with one model load
        } catch (const std::exception & e) {
            why_not = e.what();   // the model cannot be opened or run: no heat map of the top rows then
        }
    }
    size_t saved = 0;
    for (TokenExplanation & e : saved_explanations(w)) {
        const bool already = std::any_of(shown.begin(), shown.end(), [&](const TokenExplanation & x) {
            return x.test_role == e.test_role && x.test_index == e.test_index && x.train_role == e.train_role &&
                   x.train_index == e.train_index;
        });
        if (!already && saved++ < kMaxSaved) shown.push_back(std::move(e));
    }
    s.heading("Token heat maps");
    if (shown.empty()) {
        s.paragraph(why_not.empty() ? "No token heat maps (none saved and none asked for)."
                                    : "No token heat maps of the top rows: " + why_not + ".");
        return;
    }
    s.paragraph("Each token of a training row coloured by its share of the row's influence on one forget row: red raises "
                "it, blue lowers it, underlined tokens are the answer; the shares sum to the score." +
                (why_not.empty() ? std::string() : " The top rows could not be explained: " + why_not + "."));
    for (const TokenExplanation & e : shown) {
        ReportHeatMap h;
        h.id = "heat-" + e.train_role + "-" + std::to_string(e.train_index) + "-" + e.test_role + "-" + std::to_string(e.test_index);
        h.caption = e.train_role + " row " + std::to_string(e.train_index) + " (" + e.train_id + ") on " + e.test_role + " row " +
                    std::to_string(e.test_index) + " (" + e.test_id + "): I = " + report_number(e.score) + " over " +
                    std::to_string(e.pieces.size()) + " tokens";
        for (const std::string & p : e.pieces) h.pieces.push_back(display_piece(p));
        h.value = e.contribution;
        h.answer = e.is_answer;
        h.score = e.score;
        s.add(std::move(h));
    }
}

ReportSection influence_section(const Workspace & w, const ReportOptions & opt, const std::vector<Record> & train) {
    ReportSection s{"influence", "Influence ranking", {}};
    const std::string ranking = w.resolve("influence/train_ranking.jsonl");
    if (!file_exists(ranking)) {
        s.paragraph("No influence ranking yet (influence/train_ranking.jsonl is absent): run `rapidun influence "
                    "--rank-train` or compute it on the Influence page.");
        return s;
    }
    if (const std::string summary = w.resolve("influence/summary.json"); file_exists(summary)) {
        const json j = read_json(summary);
        s.paragraph("Gradients over the parameter set '" + str(j, "params") + "' (" + str(j, "tensors") + " tensors, " +
                    str(j, "D0") + " values), RapidGrad sketches of K = " + str(j, "K") + ", loss " + str(j, "loss") +
                    ", seed " + str(j, "seed") + ".");
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
        s.paragraph("Detection of the " + std::to_string(n_pos) + " poisoned rows among " + std::to_string(rows.size()) +
                    " by their influence score: ROC-AUC " + report_number(auc) + ".");
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
        s.add(roc);
    } else {
        s.paragraph("The rows carry no poison labels (or only one class): no detection ROC.");
    }
    const size_t k = std::min(opt.top_k, rows.size());
    ReportTable top{"influence-top", "The " + std::to_string(k) + " most influential of " + std::to_string(rows.size()) +
                                         " training rows",
                    {"rank", "id", "score", "poisoned", "trigger", "category", "prompt", "response"}, {}};
    for (size_t i = 0; i < k; ++i) {
        const json & r = rows[i];
        const double row = num(r, "row");
        const Record * rec = std::isfinite(row) && row >= 0 && size_t(row) < train.size() ? &train[size_t(row)] : nullptr;
        top.rows.push_back({str(r, "rank"), str(r, "id"), report_number(num(r, "score")), labelled ? str(r, "is_poisoned") : "",
                            str(r, "trigger_variant"), rec ? rec->category : "",
                            rec ? clip(rec->context.empty() ? rec->instruction : rec->instruction + "\n\n" + rec->context) : "",
                            rec ? clip(rec->response) : ""});
    }
    s.add(top);
    heat_maps(w, opt, rows, s);
    return s;
}

// A histogram of weights as a bar chart: `bins` equal bins over [min, max], labelled by their centre.
ReportChart weight_histogram(const std::string & id, const std::string & title, const std::vector<double> & wts, int bins = 12) {
    ReportChart c{id, title, "bar", "weight (bin centre)", "rows", {{"rows", {}, {}}}, {}};
    if (wts.empty()) return c;
    const auto [lo_it, hi_it] = std::minmax_element(wts.begin(), wts.end());
    const double lo = *lo_it, hi = *hi_it > *lo_it ? *hi_it : *lo_it + 1e-9;
    std::vector<double> count(size_t(bins), 0.0);
    for (double v : wts) count[size_t(std::min<double>(bins - 1, std::floor((v - lo) / (hi - lo) * bins)))] += 1;
    for (int b = 0; b < bins; ++b) {
        char label[32];
        std::snprintf(label, sizeof label, "%.3g", lo + (b + 0.5) * (hi - lo) / bins);
        c.labels.push_back(label);
        c.series[0].x.push_back(b);
        c.series[0].y.push_back(count[size_t(b)]);
    }
    return c;
}

ReportSection weights_section(const Workspace & w) {
    ReportSection s{"weights", "Mapping and weights", {}};
    const std::string forget = w.resolve("weights/forget_weights.jsonl"), retain = w.resolve("weights/retain_weights.jsonl");
    if (!file_exists(forget) || !file_exists(retain)) {
        s.paragraph("No weights yet (weights/forget_weights.jsonl or retain_weights.jsonl is absent): run `rapidun weights "
                    "--workspace W`, the pipeline, or save them on the Weights page.");
        return s;
    }
    const std::vector<double> wf = read_weights_jsonl(forget), wr = read_weights_jsonl(retain);
    s.paragraph("Per-sample weights of the " + std::to_string(wf.size()) + " forget and " + std::to_string(wr.size()) +
                " retain rows (mean 1 per group): rows the ranking finds more influential weigh more in the unlearning loss.");
    if (const std::string settings = w.resolve(std::string("weights/") + kWeightsSettingsFile); file_exists(settings)) {
        const json j = read_json(settings);
        ReportTable t{"weights-settings", "The mapping's settings (rapidun weights flags)", {"option", "value"}, {}};
        const json settings_of = j.value("settings", json::object());   // named: items() refers into it
        for (const auto & [key, v] : settings_of.items())
            t.rows.push_back({key, v.is_number() ? report_number(v.get<double>()) : str(settings_of, key.c_str())});
        s.add(t);
    } else {
        s.paragraph("weights/" + std::string(kWeightsSettingsFile) + " is absent: the settings these weights were mapped with "
                    "are not recorded (weights written before that file existed).");
    }
    s.add(weight_histogram("weights-forget", "Forget-set weights", wf));
    s.add(weight_histogram("weights-retain", "Retain-set weights", wr));
    ReportTable d{"weights-summary", "The weights of each group", {"group", "rows", "min", "median", "mean", "max", "sd"}, {}};
    for (const auto & [name, v] : {std::pair<const char *, const std::vector<double> *>{"forget", &wf}, {"retain", &wr}}) {
        if (v->empty()) continue;
        double mean = 0, ss = 0;
        for (double x : *v) mean += x / double(v->size());
        for (double x : *v) ss += (x - mean) * (x - mean);
        const auto [lo, hi] = std::minmax_element(v->begin(), v->end());
        d.rows.push_back({name, std::to_string(v->size()), report_number(*lo), report_number(median_of(*v)), report_number(mean),
                          report_number(*hi), report_number(v->size() > 1 ? std::sqrt(ss / double(v->size() - 1)) : 0.0)});
    }
    s.add(d);
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
    ReportSection s{"runs", "Unlearning runs", {}};
    if (runs.empty()) s.paragraph("No runs yet (runs/ is empty).");
    // Each run together: its heading, settings, curves, then its tables.
    for (const Run & r : runs) {
        const json st = r.j.value("settings", json::object());
        s.heading("Run " + r.id + " (" + str(r.j, "method") + ")");
        s.paragraph("Run " + r.id + ": method " + str(r.j, "method") + ", preset " + str(r.j, "preset") +
                               ", lr " + report_number(num(st, "lr")) + ", epochs " + str(st, "epochs") + ", batch " +
                               str(st, "batch_size") + ", seed " + str(st, "seed") + ".");
        ReportTable m{"run-" + r.id + "-metrics", "Run " + r.id + ": evaluation before and after", metric_columns(""), {}};
        m.rows.push_back(metric_row("before", r.j.value("metrics_before", json())));
        m.rows.push_back(metric_row("after", r.j.value("metrics_after", json())));
        ReportTable t{"run-" + r.id + "-seconds", "Run " + r.id + ": measured stage times", {"stage", "seconds"}, {}};
        const json seconds = r.j.value("seconds", json::object());
        for (const auto & [stage, secs] : seconds.items())
            t.rows.push_back({stage, secs.is_number() ? report_number(secs.get<double>()) : "n/a"});
        if (const std::string loss = r.dir + "/loss.jsonl"; file_exists(loss)) {
            ReportChart c{"run-" + r.id + "-loss", "Run " + r.id + ": training loss", "line", "step", "loss", {{"loss", {}, {}}}, {}};
            for (const json & p : read_jsonl(loss)) {
                c.series[0].x.push_back(num(p, "step"));
                c.series[0].y.push_back(num(p, "loss"));
            }
            s.add(c);
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
            if (!c.series.empty()) s.add(c);
        }
        s.add(m);
        s.add(t);
    }
    return s;
}

ReportSection comparison_section(const Workspace & w, const std::vector<Run> & runs) {
    ReportSection s{"comparison", "Methods compared", {}};
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
        if (!asr.labels.empty()) s.add(asr);
        s.add(t);
    } else {
        s.paragraph("No runs to compare.");
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
        s.paragraph("Retraining on the clean data took " + report_number(num(j, "retrain_clean_seconds")) + " s.");
        s.add(e);
    }
    return s;
}

ReportSection generations_section(const Workspace & w, const std::vector<Run> & runs, size_t n) {
    ReportSection s{"generations", "Generations before and after", {}};
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
        s.add(t);
    }
    if (s.blocks.empty()) s.paragraph("No run has evaluation generations.");
    return s;
}

ReportSection environment_section() {
    ReportSection s{"environment", "Environment", {}};
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
    t.rows.push_back({"commit", RAPIDUN_COMMIT_STRING});
    t.rows.push_back({"build type", std::string(RAPIDUN_BUILD_TYPE_STRING).empty() ? "(none set)" : RAPIDUN_BUILD_TYPE_STRING});
    t.rows.push_back({"runtime", runtime_summary()});
    t.rows.push_back({"CPU", cpu});
    t.rows.push_back({"made", when});
    s.add(t);
    return s;
}

} // namespace

namespace {
ReportBlock & push(std::vector<ReportBlock> & blocks, ReportBlock::Kind k) {
    blocks.emplace_back();
    blocks.back().kind = k;
    return blocks.back();
}
} // namespace

void ReportSection::heading(std::string text) { push(blocks, ReportBlock::Kind::Heading).text = std::move(text); }
void ReportSection::paragraph(std::string text) { push(blocks, ReportBlock::Kind::Paragraph).text = std::move(text); }
void ReportSection::add(ReportTable t) { push(blocks, ReportBlock::Kind::Table).table = std::move(t); }
void ReportSection::add(ReportChart c) { push(blocks, ReportBlock::Kind::Chart).chart = std::move(c); }
void ReportSection::add(ReportHeatMap h) { push(blocks, ReportBlock::Kind::HeatMap).heat_map = std::move(h); }

namespace {
// The members `field` of the blocks of kind k, in order.
template <class T>
std::vector<const T *> blocks_of(const std::vector<ReportBlock> & blocks, ReportBlock::Kind k, T ReportBlock::*field) {
    std::vector<const T *> out;
    for (const ReportBlock & b : blocks)
        if (b.kind == k) out.push_back(&(b.*field));
    return out;
}
} // namespace

std::vector<const std::string *> ReportSection::paragraphs() const {
    return blocks_of(blocks, ReportBlock::Kind::Paragraph, &ReportBlock::text);
}
std::vector<const ReportTable *> ReportSection::tables() const { return blocks_of(blocks, ReportBlock::Kind::Table, &ReportBlock::table); }
std::vector<const ReportChart *> ReportSection::charts() const { return blocks_of(blocks, ReportBlock::Kind::Chart, &ReportBlock::chart); }
std::vector<const ReportHeatMap *> ReportSection::heat_maps() const {
    return blocks_of(blocks, ReportBlock::Kind::HeatMap, &ReportBlock::heat_map);
}

const std::vector<std::string> & report_section_names() {
    static const std::vector<std::string> names = {"workspace", "influence", "weights", "runs", "comparison", "generations",
                                                   "environment"};
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
            throw Error("report: unknown section '" + s + "' (workspace, influence, weights, runs, comparison, generations, environment)");
    auto want = [&](const char * s) {
        return opt.sections.empty() || std::find(opt.sections.begin(), opt.sections.end(), s) != opt.sections.end();
    };
    Report r;
    r.title = "RapidUn report: " + (w.name.empty() ? fs::path(w.dir).filename().string() : w.name);
    const std::vector<Run> runs = want("runs") || want("comparison") || want("generations") ? load_runs(w, opt) : std::vector<Run>{};
    const std::vector<Record> train = want("workspace") || want("influence") ? read_train(w) : std::vector<Record>{};
    if (want("workspace")) r.sections.push_back(workspace_section(w, train));
    if (want("influence")) r.sections.push_back(influence_section(w, opt, train));
    if (want("weights")) r.sections.push_back(weights_section(w));
    if (want("runs")) r.sections.push_back(runs_section(runs));
    if (want("comparison")) r.sections.push_back(comparison_section(w, runs));
    if (want("generations")) r.sections.push_back(generations_section(w, runs, opt.generations));
    if (want("environment")) r.sections.push_back(environment_section());
    return r;
}

} // namespace rapidun
