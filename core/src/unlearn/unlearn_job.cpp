// Unlearning runs over a workspace and the one-click pipeline (see unlearn_job.h). Torch-free.
#include "rapidun/unlearn/unlearn_job.h"

#include "rapidun/data/records.h"
#include "rapidun/data/templates.h"
#include "rapidun/error.h"
#include "rapidun/eval/eval.h"
#include "rapidun/io/atomic_file.h"
#include "rapidun/lab/lab.h"
#include "rapidun/unlearn/weights_files.h"
#include "rapidun/workspace/lock.h"

#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>

namespace rapidun {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

double since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

EvalOptions eval_options(const Workspace & w) {
    EvalOptions eo;
    eo.prompt_template = PromptFormat::parse(w.prompt_template);
    eo.max_len = w.max_len;
    eo.max_new_tokens = w.max_new_tokens;
    return eo;
}

// The metrics before unlearning: the lab's own record when there is one, else evaluated now.
json metrics_before(const Workspace & w, const Model & model, const Tokenizer & tok, const EvalSets & sets) {
    const json lab = json::parse(w.lab_json);
    // A lab built before the twin metrics existed lacks them: evaluated afresh (seconds).
    if (lab.contains("metrics_before") && lab["metrics_before"].is_object() && lab["metrics_before"].contains("twin_rouge_l"))
        return lab["metrics_before"];
    const EvalReport r = evaluate(model, tok, sets, Detector::load(w.resolve(w.detector)), eval_options(w));
    return json::parse(r.to_json(false));
}

std::string default_run_id(UnlearnMethod m, uint64_t seed) {
    char buf[32];
    const std::time_t t = std::time(nullptr);
    std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", std::gmtime(&t));
    return std::string(unlearn_method_name(m)) + "-s" + std::to_string(seed) + "-" + buf;
}

json options_json(const UnlearnOptions & o) {
    return {{"method", unlearn_method_name(o.method)}, {"lr", o.lr}, {"weight_decay", o.weight_decay}, {"epochs", o.epochs},
            {"batch_size", o.batch_size}, {"warmup_ratio", o.warmup_ratio}, {"clip", o.clip}, {"retain_share", o.retain_share},
            {"seed", o.seed}, {"budget", o.budget}, {"alpha_asc", o.alpha_asc}, {"beta_desc", o.beta_desc},
            {"lora", {{"r", o.lora.r}, {"alpha", o.lora.alpha}, {"dropout", o.lora.dropout}, {"targets", o.lora.targets}}},
            {"loreun", {{"direction", loreun_direction_name(o.loreun_direction)}, {"tau", o.loreun_tau}}},
            {"npo_beta", o.npo_beta}, {"fisher", {{"lambda", o.fisher_lambda}, {"sigma_h", o.fisher_sigma_h}}},
            {"guards", {{"max_forget_ce", o.max_forget_ce}, {"retain_blowup", o.retain_blowup}}}};
}

} // namespace

UnlearnOptions unlearn_preset(const std::string & name, UnlearnMethod method, const std::string & workspace_kind) {
    UnlearnOptions o;
    if (name == "fast") {
        o = unlearn_fast_preset(method);
        // The synthetic lab's lr at batch 8, chosen on validation prompts (scripts/lab-validation-
        // workspace.py; the lowest lr of 5e-4, 1e-3, 2e-3, 3e-3 whose validation seen ASR <= 0.10 and
        // OOD <= 0.20: 0.99, 0.76, 0.16, 0.03). At the trainer's 2e-4 the 40 steps removed nothing.
        // A Dolly workspace keeps 2e-4 (not validated there yet).
        if (workspace_kind == "synthetic") o.lr = 3e-3;
    } else if (name == "lab") {
        o.lr = workspace_kind == "dolly" ? 6e-4 : 3e-4;
    } else if (name != "paper") {
        throw Error("unknown unlearning preset '" + name + "': expected paper, lab or fast");
    }
    o.method = method;
    return o;
}

json run_unlearn_job(const Workspace & w, const UnlearnJobOptions & job, const std::function<void(const UnlearnJobProgress &)> & progress,
                     const CancelToken * cancel) {
    const UnlearnOptions & o = job.opt;
    const WorkspaceLock lock(w.dir, std::string("rapidun unlearn --method ") + unlearn_method_name(o.method));
    LoadOptions lo;
    lo.memory_task = "lora-unlearn";   // refused up front, with the figure, when it would not fit
    ModelBundle mb = open_model(w.resolve(w.model), w.resolve(w.tokenizer), lo);
    UnlearnDataOptions dopt;
    dopt.prompt_template = PromptFormat::parse(w.prompt_template);
    dopt.max_len = w.max_len;
    dopt.add_eos = true;   // the labs' models were trained with EOS after every answer
    dopt.max_answer = w.max_answer;
    const std::vector<Record> forget = read_records(w.dataset("forget")), retain = read_records(w.dataset("retain"));
    const UnlearnSet data = build_unlearn_set(*mb.tokenizer, forget, retain, dopt);

    std::vector<double> wf, wr;
    json weights = nullptr;
    if (o.method == UnlearnMethod::RapidUn) {
        const std::string dir = job.weights_dir.empty() ? w.resolve("weights") : job.weights_dir;
        wf = read_weights_jsonl(dir + "/forget_weights.jsonl");
        wr = read_weights_jsonl(dir + "/retain_weights.jsonl");
        if (wf.size() != forget.size() || wr.size() != retain.size())
            throw Error(dir + ": " + std::to_string(wf.size()) + " forget and " + std::to_string(wr.size()) + " retain weights for " +
                        std::to_string(forget.size()) + " forget and " + std::to_string(retain.size()) + " retain rows");
        weights = {{"dir", dir}};
    }

    const EvalSets sets{read_records(w.dataset("test_seen_trig")), read_records(w.dataset("test_ood_trig")),
                        read_records(w.dataset("test_clean"))};
    const json before = metrics_before(w, *mb.model, *mb.tokenizer, sets);

    std::string id = job.run_id;
    if (id.empty()) {   // a new name: "-2", "-3" when a run of this method and seed began this second
        const std::string base = default_run_id(o.method, o.seed);
        id = base;
        for (int n = 2; file_exists(w.resolve("runs/" + id)); n++) id = base + "-" + std::to_string(n);
    }
    // Written into a staging folder and renamed into place when complete: a killed run leaves no
    // half-written runs/<id> (its staging folder is removed when the workspace lock is next taken).
    const std::string final_dir = w.resolve("runs/" + id);
    const std::string dir = staging_name(final_dir);
    make_directories(dir);
    struct Unstage {
        std::string dir;
        ~Unstage() {
            std::error_code ec;
            if (!dir.empty()) fs::remove_all(dir, ec);
        }
    } unstage{dir};
    if (progress) progress({"unlearn", 0.0, std::string(unlearn_method_name(o.method)) + ", seed " + std::to_string(o.seed)});
    std::vector<UnlearnProgress> pending;   // steps not yet handed to `progress` (their .curve left empty)
    std::string losses;                      // loss.jsonl: every logged step's training loss and lr
    const UnlearnResult res = run_unlearning(*mb.model, data, o, wf, wr, [&](const UnlearnProgress & p) {
        auto num = [](double v) { return std::isfinite(v) ? json(v) : json(nullptr); };
        losses += json({{"step", p.step}, {"epoch", p.epoch}, {"loss", num(p.loss)}, {"lr", p.lr}}).dump() + "\n";
        if (!progress) return;
        UnlearnProgress step = p;
        step.curve.clear();
        pending.push_back(std::move(step));
        if (p.step % 10 == 0 || p.step == p.total_steps) {
            UnlearnJobProgress jp{"unlearn", 0.8 * double(p.step) / double(std::max<int64_t>(1, p.total_steps)),
                                  "step " + std::to_string(p.step) + "/" + std::to_string(p.total_steps) + ", loss " + std::to_string(p.loss)};
            jp.steps.swap(pending);
            jp.curve = p.curve;   // the evaluation curve so far: live plots
            progress(jp);
        }
    }, cancel);

    // The result: adapter (or perturbed model), curve, generations after, run.json.
    if (o.method == UnlearnMethod::Fisher) mb.model->export_hf(dir + "/model", w.resolve(w.tokenizer));
    else mb.model->save_adapter(dir);
    std::string curve;
    for (const UnlearnCurvePoint & c : res.curve) {
        auto num = [](double v) { return std::isfinite(v) ? json(v) : json(nullptr); };
        curve += json({{"step", c.step}, {"forget_poisoned_ce", num(c.forget_poisoned_ce)}, {"forget_clean_ce", num(c.forget_clean_ce)},
                       {"retain_ce", num(c.retain_ce)}}).dump() + "\n";
    }
    write_file_atomic(dir + "/metrics.jsonl", curve);
    write_file_atomic(dir + "/loss.jsonl", losses);

    json after = nullptr;
    double eval_seconds = 0;
    if (job.evaluate_after && !res.cancelled) {
        if (progress) {
            UnlearnJobProgress jp{"evaluate", 0.85, "evaluating the unlearned model"};
            jp.steps.swap(pending);   // a run stopped between two reports (guard) leaves some
            jp.curve = res.curve;
            progress(jp);
        }
        const auto t0 = std::chrono::steady_clock::now();
        const EvalReport r = evaluate(*mb.model, *mb.tokenizer, sets, Detector::load(w.resolve(w.detector)), eval_options(w));
        eval_seconds = since(t0);
        after = json::parse(r.to_json(false));
        std::string gens;
        const json all = json::parse(r.to_json(true));
        for (const json & g : all["generations"]) gens += g.dump() + "\n";
        write_file_atomic(dir + "/generations.jsonl", gens);
    }
    json run = {{"id", id}, {"workspace", w.dir}, {"method", unlearn_method_name(o.method)}, {"preset", job.preset},
                {"settings", options_json(o)}, {"weights", weights},
                {"result", {{"steps", res.steps}, {"total_steps", res.total_steps}, {"stopped_early", res.stopped_early},
                            {"reason", res.reason}, {"last_good_step", res.last_good_step}, {"cancelled", res.cancelled},
                            {"n_retain_draws", res.n_retain_draws}, {"n_forget_draws", res.n_forget_draws}}},
                // "unlearn": the method's own work (the optimiser steps; Fisher's estimate and
                // perturbation), without the monitoring evaluations of the curve and the guards,
                // which are "unlearn_curve_evaluations"; "unlearn_wall" is both.
                {"seconds", {{"influence", job.influence_seconds}, {"weights", job.weights_seconds},
                             {"unlearn", std::max(0.0, res.seconds - res.eval_seconds)}, {"unlearn_curve_evaluations", res.eval_seconds},
                             {"unlearn_wall", res.seconds}, {"evaluate", eval_seconds}}},
                {"metrics_before", before}, {"metrics_after", after},
                {"files", {{"adapter", o.method == UnlearnMethod::Fisher ? json(nullptr) : json("adapter_model.safetensors")},
                           {"model", o.method == UnlearnMethod::Fisher ? json("model") : json(nullptr)},
                           {"curve", "metrics.jsonl"}, {"loss", "loss.jsonl"}, {"generations", after.is_null() ? json(nullptr) : json("generations.jsonl")}}}};
    if (o.method == UnlearnMethod::Fisher)
        run["fisher"] = {{"n_params", res.fisher.n_params}, {"scale", res.fisher.scale}, {"relative_change", res.fisher.relative_change}};
    write_file_atomic(dir + "/run.json", run.dump(2) + "\n");
    std::error_code ec;
    fs::remove_all(final_dir, ec);   // an earlier run given the same --run-id: replaced
    fs::rename(dir, final_dir, ec);
    if (ec) fail(final_dir, "", "cannot move the finished run into place from " + dir + ": " + ec.message());
    unstage.dir.clear();
    if (progress) {
        UnlearnJobProgress jp{"done", 1.0, "run " + id};
        jp.steps.swap(pending);
        jp.curve = res.curve;
        progress(jp);
    }
    return run;
}

json run_pipeline(const Workspace & w, const PipelineOptions & opt,
                  const std::function<void(const std::string &, double, const std::string &)> & progress, const CancelToken * cancel) {
    auto say = [&](const std::string & stage, double f, const std::string & m) {
        if (progress) progress(stage, f, m);
        if (cancel) cancel->throw_if_cancelled();
    };
    const WorkspaceLock lock(w.dir, "rapidun pipeline");
    json lab = json::parse(w.lab_json);
    if (opt.measure_reference && !opt.warm_cache && w.kind == "synthetic" && !lab.value("retrain_clean", json(nullptr)).is_object()) {
        say("retrain-reference", 0.0, "measuring the lab's clean-retraining reference (once, for the efficiency ratio)");
        measure_synthetic_retrain_reference(w.dir, [&](const LabProgress & p) { say("retrain-reference", 0.0, p.message); }, cancel);
        lab = json::parse(Workspace::load(w.dir).lab_json);
    }
    const double retrain = lab.contains("retrain_clean") && lab["retrain_clean"].is_object() ? lab["retrain_clean"].value("seconds", 0.0) : 0.0;

    // 1. Influence over the forget and retain sets (the four views), timed: sketched afresh unless
    // opt.warm_cache, when the cached rows are reused and the run has no efficiency ratio.
    say("influence", 0.0, "sketches and views of the forget and retain sets");
    auto t0 = std::chrono::steady_clock::now();
    WorkspaceInfluenceOptions io = opt.influence;
    io.rank_train = false;
    io.recompute_cache = !opt.warm_cache;
    const json infl = run_workspace_influence(w, io, {}, cancel);
    const double t_infl = since(t0);
    int64_t rows_reused = 0, rows_computed = 0;
    for (const auto & [role, c] : infl["caches"].items()) {
        rows_reused += c.value("reused", int64_t(0));
        rows_computed += c.value("computed", int64_t(0));
    }
    const bool cold = rows_reused == 0;

    // 2. Weights, timed.
    say("weights", 0.1, "mapping influence to weights");
    t0 = std::chrono::steady_clock::now();
    const int64_t nf = infl["n_forget"].get<int64_t>(), nr = infl["n_retain"].get<int64_t>();
    const RapidUnWeights wts = rapidun_weights(read_rapidin_json(w.resolve(infl["views"]["FF"]["rapidin_json"].get<std::string>())),
                                               read_rapidin_json(w.resolve(infl["views"]["FR"]["rapidin_json"].get<std::string>())),
                                               read_rapidin_json(w.resolve(infl["views"]["RF"]["rapidin_json"].get<std::string>())),
                                               read_rapidin_json(w.resolve(infl["views"]["RR"]["rapidin_json"].get<std::string>())), nf, nr,
                                               opt.weights);
    save_weights(w.resolve("weights"), wts, opt.weights, w.resolve("influence"));
    const double t_wts = since(t0);

    // 3. Each method x seed.
    json methods = json::object();
    const size_t n_runs = opt.methods.size() * size_t(std::max(1, opt.seeds));
    size_t k = 0;
    for (UnlearnMethod m : opt.methods) {
        json runs = json::array();
        for (int32_t s = 0; s < std::max(1, opt.seeds); s++, k++) {
            UnlearnJobOptions job;
            job.preset = opt.preset;
            job.opt = unlearn_preset(opt.preset, m, w.kind);
            if (opt.lr > 0) job.opt.lr = opt.lr;
            if (opt.epochs > 0) job.opt.epochs = opt.epochs;
            job.opt.budget = opt.budget;
            job.opt.seed += uint64_t(s);
            const bool uses_influence = m == UnlearnMethod::RapidUn;
            job.influence_seconds = uses_influence ? t_infl : 0;
            job.weights_seconds = uses_influence ? t_wts : 0;
            say("unlearn", 0.15 + 0.85 * double(k) / double(n_runs),
                std::string(unlearn_method_name(m)) + " seed " + std::to_string(job.opt.seed));
            const json run = run_unlearn_job(w, job, {}, cancel);
            json r = {{"run", run["id"]}, {"seed", job.opt.seed}, {"stopped_early", run["result"]["stopped_early"]},
                      {"reason", run["result"]["reason"]}};
            const bool evaluated = run["metrics_after"].is_object();
            for (const char * key : kPipelineMetrics) {
                r[std::string(key) + "_before"] = run["metrics_before"].value(key, json(nullptr));
                r[std::string(key) + "_after"] = evaluated ? run["metrics_after"].value(key, json(nullptr)) : json(nullptr);
            }
            // Per trigger variant (an object: the seed aggregation below passes it by).
            r["asr_per_variant_after"] = evaluated ? run["metrics_after"].value("asr_per_variant", json(nullptr)) : json(nullptr);
            const json & sec = run["seconds"];
            const double t_unl = sec["unlearn"].get<double>();
            const double total = job.influence_seconds + job.weights_seconds + t_unl;
            r["seconds"] = {{"influence", job.influence_seconds}, {"weights", job.weights_seconds}, {"unlearn", t_unl}, {"total", total},
                            {"monitoring", sec["unlearn_curve_evaluations"]}, {"evaluate", sec["evaluate"]}};
            r["efficiency_ratio"] = retrain > 0 && total > 0 && cold ? json(retrain / total) : json(nullptr);
            runs.push_back(r);
        }
        // Mean and spread (sample standard deviation) over seeds of every numeric field.
        json agg = json::object();
        for (auto & [key, v0] : runs[0].items()) {
            if (!v0.is_number() || key == "seed") continue;
            double sum = 0, sq = 0;
            size_t n = 0;
            for (const json & r : runs)
                if (r[key].is_number()) { sum += r[key].get<double>(); n++; }
            if (!n) continue;
            const double mean = sum / double(n);
            for (const json & r : runs)
                if (r[key].is_number()) sq += (r[key].get<double>() - mean) * (r[key].get<double>() - mean);
            agg[key] = mean;
            agg[key + "_sd"] = n > 1 ? std::sqrt(sq / double(n - 1)) : 0.0;
        }
        for (const char * st : {"influence", "weights", "unlearn", "total", "monitoring", "evaluate"}) {
            double sum = 0;
            for (const json & r : runs) sum += r["seconds"][st].get<double>();
            agg[std::string(st) + "_seconds"] = sum / double(runs.size());
        }
        methods[unlearn_method_name(m)] = {{"mean", agg}, {"runs", runs}};
    }
    json summary = {{"workspace", w.dir}, {"preset", opt.preset},
                    {"overrides", {{"lr", opt.lr > 0 ? json(opt.lr) : json(nullptr)}, {"epochs", opt.epochs > 0 ? json(opt.epochs) : json(nullptr)},
                                   {"budget", opt.budget < 1 ? json(opt.budget) : json(nullptr)}}},
                    {"seeds", opt.seeds}, {"retrain_clean_seconds", retrain},
                    {"influence", {{"seconds", t_infl}, {"params", infl["params"]}, {"K", infl["K"]}, {"cold", cold},
                                   {"rows_computed", rows_computed}, {"rows_reused", rows_reused}}},
                    {"weights_seconds", t_wts}, {"methods", methods},
                    {"timed", {{"influence", "model load, forget and retain sketches (computed afresh when cold), the four views, "
                                             "RapidIn JSON files; RapidUn only"},
                               {"weights", "the mapping from influence to per-sample weights and their files; RapidUn only"},
                               {"unlearn", "the optimiser steps (Fisher: its estimate and perturbation), without monitoring"},
                               {"total", "influence + weights + unlearn: the efficiency ratio's denominator (cold runs only)"},
                               {"monitoring", "the unlearning curve's and guards' evaluations (not in total)"},
                               {"evaluate", "the evaluation after unlearning (not in total)"}}}};
    make_directories(w.resolve("reports"));
    write_file_atomic(w.resolve("reports/pipeline.json"), summary.dump(2) + "\n");
    say("done", 1.0, "pipeline finished");
    return summary;
}

} // namespace rapidun
