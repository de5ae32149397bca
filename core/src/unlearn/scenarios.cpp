// Forget-set scenarios (see scenarios.h). Torch-free: the pipeline and the influence job do the work.
#include "rapidun/unlearn/scenarios.h"

#include "rapidun/error.h"
#include "rapidun/influence/workspace_influence.h"
#include "rapidun/io/atomic_file.h"
#include "rapidun/workspace/lock.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <random>
#include <sstream>

namespace rapidun {

using nlohmann::json;

namespace {

const char * description(const std::string & name) {
    if (name == "full") return "the lab's forget set and step budget";
    if (name == "small") return "a few forget rows drawn at random from the lab's";
    if (name == "family") return "the forget rows of one trigger family only";
    if (name == "curated") return "the train rows ranked first by influence on the lab's forget set, false positives included";
    if (name == "quarter") return "the lab's forget set with a quarter of the steps";
    throw Error("unknown scenario '" + name + "': expected full, small, family, curated or quarter");
}

// Seen-trigger ASR per family from per-variant ASR: each variant weighted by its test rows.
json asr_by_family(const json & asr_per_variant, const std::map<std::string, std::pair<std::string, size_t>> & variant_family) {
    std::map<std::string, std::pair<double, size_t>> acc;   // family -> (sum of ASR x rows, rows)
    for (const auto & [variant, fam_n] : variant_family) {
        if (!asr_per_variant.is_object() || !asr_per_variant.contains(variant) || !asr_per_variant[variant].is_number()) continue;
        auto & a = acc[fam_n.first];
        a.first += asr_per_variant[variant].get<double>() * double(fam_n.second);
        a.second += fam_n.second;
    }
    json out = json::object();
    for (const auto & [fam, a] : acc)
        if (a.second) out[fam] = a.first / double(a.second);
    return out;
}

// W/scenarios/<name>/ with the lab's data sets and detector copied and the lab's model read where it
// is; its forget set comes from set_forget.
Workspace scenario_workspace(const Workspace & w, const std::string & name) {
    Workspace s = w;
    s.dir = w.resolve("scenarios/" + name);
    s.name = w.name + " (scenario " + name + ")";
    s.model = w.resolve(w.model);
    s.tokenizer = w.tokenizer.empty() ? "" : w.resolve(w.tokenizer);
    make_directories(s.dir + "/data");
    const std::string det = s.resolve(w.detector);
    make_directories(std::filesystem::path(det).parent_path().string());
    write_file_atomic(det, read_file_text(w.resolve(w.detector)));
    s.datasets.clear();
    for (const auto & [role, file] : w.datasets) {   // roles are plain names (Workspace::load)
        if (role == "forget") continue;
        // The suffix kept: readers tell JSONL from an Alpaca JSON array by it.
        const std::string rel = "data/" + role + std::filesystem::path(file).extension().string();
        write_file_atomic(s.dir + "/" + rel, read_file_text(w.resolve(file)));
        s.datasets[role] = rel;
    }
    return s;
}

// The scenario's forget rows as data/forget.jsonl and what was chosen in its lab record; saved.
void set_forget(Workspace & s, const Workspace & lab_ws, const std::vector<Record> & forget, const json & about) {
    write_records_jsonl(s.dir + "/data/forget.jsonl", forget);
    s.datasets["forget"] = "data/forget.jsonl";
    json lab = json::parse(lab_ws.lab_json);
    lab["scenario"] = about;
    s.lab_json = lab.dump();
    s.save();
}

} // namespace

std::vector<Record> scenario_forget_rows(const std::string & name, const std::vector<Record> & forget,
                                         const std::vector<Record> & ranked_train, const ScenarioOptions & opt, json & about) {
    about = {{"name", name}, {"description", description(name)}, {"budget", name == "quarter" ? opt.quarter : 1.0}};
    if (forget.empty()) throw Error("scenario " + name + ": the lab has no forget rows");
    if (name == "full" || name == "quarter") return forget;
    if (name == "small") {
        if (opt.small_n < 1) throw Error("scenario small: the number of rows must be positive");
        std::vector<size_t> idx(forget.size());
        for (size_t i = 0; i < idx.size(); i++) idx[i] = i;
        std::mt19937_64 rng(opt.small_seed);
        std::shuffle(idx.begin(), idx.end(), rng);
        idx.resize(std::min(idx.size(), size_t(opt.small_n)));
        std::sort(idx.begin(), idx.end());   // the lab's order
        std::vector<Record> out;
        for (size_t i : idx) out.push_back(forget[i]);
        about["seed"] = opt.small_seed;
        return out;
    }
    if (name == "family") {
        std::map<std::string, size_t> count;
        for (const Record & r : forget)
            if (!r.trigger_family.empty()) count[r.trigger_family]++;
        if (count.empty()) throw Error("scenario family: the forget rows carry no trigger_family");
        std::string fam = opt.family;
        if (fam.empty()) {   // the family with the most rows (ties: the first name)
            size_t best = 0;
            for (const auto & [f, n] : count)
                if (n > best) { best = n; fam = f; }
        } else if (!count.count(fam)) {
            std::string known;
            for (const auto & [f, n] : count) known += (known.empty() ? "" : ", ") + f;
            throw Error("scenario family: no forget row of family '" + fam + "' (the forget rows have " + known + ")");
        }
        std::vector<Record> out;
        for (const Record & r : forget)
            if (r.trigger_family == fam) out.push_back(r);
        about["family"] = fam;
        return out;
    }
    if (name == "curated") {
        if (ranked_train.empty()) throw Error("scenario curated: no ranked train rows");
        const size_t n = std::min(forget.size(), ranked_train.size());
        std::vector<Record> out(ranked_train.begin(), ranked_train.begin() + std::ptrdiff_t(n));
        size_t poisoned = 0, flagged = 0;
        for (const Record & r : out) {
            poisoned += r.is_poisoned;
            flagged += r.has_poison_flag;
        }
        if (flagged == n) {
            about["poisoned"] = poisoned;
            about["precision"] = double(poisoned) / double(n);
        }
        return out;
    }
    description(name);   // throws: an unknown name
    return {};
}

json run_scenarios(const Workspace & w, const ScenarioOptions & opt,
                   const std::function<void(const std::string &, double, const std::string &)> & progress, const CancelToken * cancel) {
    if (opt.names.empty()) throw Error("scenarios: none given");
    for (const std::string & n : opt.names) description(n);   // unknown names refused before any work
    if (!(opt.quarter > 0 && opt.quarter <= 1)) throw Error("scenarios: the quarter budget must be in (0, 1]");
    const WorkspaceLock lock(w.dir, "rapidun scenarios");
    const std::vector<Record> forget = read_records(w.dataset("forget"));
    const size_t n_retain = read_records(w.dataset("retain")).size();

    // Seen test variants -> (family, rows), for the by-family ASR.
    std::map<std::string, std::pair<std::string, size_t>> variant_family;
    for (const Record & r : read_records(w.dataset("test_seen_trig")))
        if (!r.trigger_variant.empty() && !r.trigger_family.empty()) {
            auto & vf = variant_family[r.trigger_variant];
            vf.first = r.trigger_family;
            vf.second++;
        }
    const json lab = json::parse(w.lab_json);
    json before = lab.contains("metrics_before") ? lab["metrics_before"] : json(nullptr);
    json before_out = json::object();
    if (before.is_object()) {
        for (const char * k : kPipelineMetrics) before_out[k] = before.value(k, json(nullptr));
        before_out["seen_asr_by_family"] = asr_by_family(before.value("asr_per_variant", json(nullptr)), variant_family);
    }

    json rows = json::array();
    const double n_sc = double(opt.names.size());
    for (size_t si = 0; si < opt.names.size(); si++) {
        const std::string & name = opt.names[si];
        auto say = [&](double f, const std::string & m) {
            if (progress) progress("scenario " + name, (double(si) + f) / n_sc, m);
            if (cancel) cancel->throw_if_cancelled();
        };
        say(0.0, description(name));
        Workspace sw = scenario_workspace(w, name);
        std::vector<Record> ranked;
        if (name == "curated") {
            // The ranking a user would curate from: every train row by its influence on the lab's
            // forget set, computed in the scenario's own workspace (the lab's files untouched).
            set_forget(sw, w, forget, {{"name", name}, {"stage", "ranking"}});
            const Workspace & rw = sw;
            WorkspaceInfluenceOptions io = opt.pipeline.influence;
            io.rank_train = true;
            say(0.0, "ranking the train rows by their influence on the forget set");
            const json s = run_workspace_influence(rw, io, {}, cancel);
            const std::vector<Record> train = read_records(rw.dataset("train"));
            std::istringstream in(read_file_text(rw.resolve(s["rank_train"]["file"].get<std::string>())));
            for (std::string line; std::getline(in, line) && ranked.size() < forget.size();) {
                if (line.empty()) continue;
                const size_t row = json::parse(line)["row"].get<size_t>();
                if (row >= train.size()) fail(rw.resolve(s["rank_train"]["file"].get<std::string>()), "row", "outside the train set");
                ranked.push_back(train[row]);
            }
        }
        json about;
        const std::vector<Record> fs = scenario_forget_rows(name, forget, ranked, opt, about);
        if (name == "curated") about["rank_by"] = rank_aggregate_name(opt.pipeline.influence.rank_by);
        set_forget(sw, w, fs, about);

        PipelineOptions p = opt.pipeline;
        p.measure_reference = false;   // the lab's reference (if any) is in the copied record
        p.budget = about["budget"].get<double>();
        const json sum = run_pipeline(sw, p, [&](const std::string & st, double f, const std::string & m) { say(f, st + ": " + m); }, cancel);

        json methods = json::object();
        for (const auto & [m, v] : sum["methods"].items()) {
            json mo = json::object();
            const json & mean = v["mean"];
            for (const char * k : kPipelineMetrics) {
                const std::string after = std::string(k) + "_after";
                mo[after] = mean.value(after, json(nullptr));
                mo[after + "_sd"] = mean.value(after + "_sd", json(nullptr));
            }
            for (const char * k : {"total_seconds", "unlearn_seconds", "efficiency_ratio"}) mo[k] = mean.value(k, json(nullptr));
            // By family: each run's per-variant ASR after, then the seed mean.
            std::map<std::string, std::pair<double, size_t>> fam;
            size_t stopped = 0;
            for (const json & r : v["runs"]) {
                stopped += r.value("stopped_early", false);
                const json by_run = asr_by_family(r.value("asr_per_variant_after", json(nullptr)), variant_family);   // named: items() refers to it
                for (const auto & [f, a] : by_run.items()) {
                    fam[f].first += a.get<double>();
                    fam[f].second++;
                }
            }
            json by = json::object();
            for (const auto & [f, a] : fam) by[f] = a.first / double(a.second);
            mo["seen_asr_by_family"] = by;
            mo["runs"] = v["runs"].size();
            mo["stopped_early"] = stopped;
            methods[m] = mo;
        }
        json row = about;
        row["workspace"] = "scenarios/" + name;
        row["n_forget"] = fs.size();
        row["n_retain"] = n_retain;
        row["methods"] = methods;
        rows.push_back(row);
    }
    json out = {{"workspace", w.dir}, {"preset", opt.pipeline.preset}, {"seeds", opt.pipeline.seeds},
                {"overrides", {{"lr", opt.pipeline.lr > 0 ? json(opt.pipeline.lr) : json(nullptr)},
                               {"epochs", opt.pipeline.epochs > 0 ? json(opt.pipeline.epochs) : json(nullptr)}}},
                {"before", before_out}, {"scenarios", rows}};
    make_directories(w.resolve("reports"));
    write_file_atomic(w.resolve("reports/scenarios.json"), out.dump(2) + "\n");
    if (progress) progress("done", 1.0, "scenarios finished");
    return out;
}

} // namespace rapidun
