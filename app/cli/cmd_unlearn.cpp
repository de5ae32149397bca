// rapidun unlearn: one method on a workspace, with a run record; rapidun pipeline: influence ->
// weights -> unlearning -> evaluation for one or all methods and several seeds.
#include "args.h"

#include "rapidun/error.h"
#include "rapidun/unlearn/scenarios.h"
#include "rapidun/unlearn/unlearn_job.h"
#include "rapidun/workspace/workspace.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <sstream>

namespace rapidun::cli {

using nlohmann::json;

static const char * kUnlearnUsage =
    "usage: rapidun unlearn --workspace W [--method rapidun|ga|gagd|loreun|fisher|npo] [--preset lab|paper|fast]\n"
    "       [--weights DIR (default W/weights)] [--lr X] [--epochs N] [--batch-size B] [--seed S] [--alpha-asc X]\n"
    "       [--beta-desc X] [--loreun-direction hard_high|paper] [--npo-beta X] [--fisher-lambda X] [--run-id ID]\n"
    "       [--no-eval] [--json]\n"
    "trains a new LoRA adapter that removes the backdoor (Fisher: perturbs the weights) and writes W/runs/<id>/\n"
    "(run.json, metrics.jsonl, generations.jsonl, the PEFT adapter). Presets: lab = the paper's recipe with\n"
    "the lab's lr (3e-4; Dolly lab 6e-4, chosen on validation prompts), paper = batch 1, lr 6e-5, 2 epochs, fast = batch 8, lr 2e-4 (synthetic lab 3e-3, chosen on validation prompts)";

static const char * kPipelineUsage =
    "usage: rapidun pipeline --workspace W [--method rapidun|ga|gagd|loreun|fisher|npo|all (or a,b,...)] [--seeds N=1]\n"
    "       [--preset lab|paper|fast] [--lr X] [--epochs N] [--budget F] [--params P] [--k K] [--warm-cache] [--no-reference]\n"
    "       [--json]\n"
    "influence (forget and retain views) -> weights -> unlearning -> evaluation; per method: ASR, false triggers\n"
    "and clean utility before and after, stage times, efficiency_ratio = clean retraining time / (influence + weights\n"
    "+ unlearning steps). The sketches are computed afresh; --warm-cache reuses cached ones and reports no ratio.\n"
    "Monitoring and final evaluations are timed apart (seconds.monitoring, seconds.evaluate), outside the ratio.\n"
    "A synthetic lab built with --no-retrain-reference has its reference measured first (once, untimed, recorded\n"
    "in workspace.json); --no-reference skips that and the runs have no ratio. --budget F: each run takes F of its\n"
    "steps, its schedule laid over them";

static const char * kScenariosUsage =
    "usage: rapidun scenarios --workspace W [--scenarios full,small,family,curated,quarter] [--method M (or a,b,...)\n"
    "       = rapidun,gagd,loreun,fisher] [--seeds N=3] [--preset lab|paper|fast] [--lr X] [--epochs N] [--small-n N=10]\n"
    "       [--family F] [--params P] [--k K] [--json]\n"
    "the pipeline on changed forget sets, each in W/scenarios/<name>/ (a workspace of its own): full = the lab's,\n"
    "small = N rows drawn at random, family = one trigger family's rows (F, default the largest), curated = the\n"
    "train rows ranked first by influence on the forget set (false positives included), quarter = a quarter of\n"
    "the steps. Per scenario and method, seed mean and spread after unlearning: ASR (seen, by family, OOD), false\n"
    "triggers, clean utility and the triggered prompts against their clean twins; written to W/reports/scenarios.json";


static void show(const std::string & stage, double f, const std::string & msg) {
    std::fprintf(stderr, "\r[%3d%%] %-10s %-60s", int(f * 100), stage.c_str(), msg.c_str());
    if (stage == "done") std::fputc('\n', stderr);
    std::fflush(stderr);
}

int cmd_unlearn(int argc, char ** argv) {
    Args a(argc, argv, 2, {"json", "help", "no-eval"},
           {"workspace", "method", "preset", "weights", "lr", "epochs", "batch-size", "seed", "alpha-asc", "beta-desc",
            "loreun-direction", "npo-beta", "fisher-lambda", "run-id"});
    if (a.has("help") || !a.has("workspace")) {
        std::puts(kUnlearnUsage);
        return a.has("help") ? 0 : 2;
    }
    const Workspace w = Workspace::load(a.get("workspace"));
    UnlearnJobOptions job;
    job.preset = a.get("preset", "lab");
    UnlearnOptions & o = job.opt;
    o = unlearn_preset(job.preset, parse_unlearn_method(a.get("method", "rapidun")), w.kind);
    o.lr = a.get_double("lr", o.lr);
    o.epochs = static_cast<int32_t>(a.get_int("epochs", o.epochs));
    o.batch_size = static_cast<int32_t>(a.get_int("batch-size", o.batch_size));
    o.seed = static_cast<uint64_t>(a.get_int("seed", static_cast<long long>(o.seed)));
    o.alpha_asc = a.get_double("alpha-asc", o.alpha_asc);
    o.beta_desc = a.get_double("beta-desc", o.beta_desc);
    if (a.has("loreun-direction")) o.loreun_direction = parse_loreun_direction(a.get("loreun-direction"));
    o.npo_beta = a.get_double("npo-beta", o.npo_beta);
    o.fisher_lambda = a.get_double("fisher-lambda", o.fisher_lambda);
    if (!(o.lr > 0) || o.epochs < 1 || o.batch_size < 1) throw UsageError("--lr, --epochs and --batch-size must be positive");
    job.weights_dir = a.get("weights");
    job.run_id = a.get("run-id");
    job.evaluate_after = !a.has("no-eval");
    const json run = run_unlearn_job(w, job, [](const UnlearnJobProgress & p) { show(p.stage, p.fraction, p.message); });
    if (a.has("json")) {
        std::printf("%s\n", run.dump(2).c_str());
        return 0;
    }
    std::printf("run %s: %s, %lld steps in %.1f s%s\n", run["id"].get<std::string>().c_str(), run["method"].get<std::string>().c_str(),
                run["result"]["steps"].get<long long>(), run["seconds"]["unlearn"].get<double>(),
                run["result"]["stopped_early"].get<bool>() ? (", stopped early: " + run["result"]["reason"].get<std::string>()).c_str() : "");
    std::printf("before: %s\nafter:  %s\n", run["metrics_before"].dump().c_str(), run["metrics_after"].dump().c_str());
    return 0;
}

// The pipeline's options from the command line (rapidun pipeline and rapidun scenarios).
static PipelineOptions pipeline_options(const Args & a, const std::vector<UnlearnMethod> & default_methods) {
    PipelineOptions p;
    p.methods = default_methods;
    if (a.get("method") == "all") {
        p.methods = {UnlearnMethod::RapidUn, UnlearnMethod::GA, UnlearnMethod::GAGD, UnlearnMethod::LoReUn, UnlearnMethod::NPO,
                     UnlearnMethod::Fisher};
    } else if (a.has("method")) {
        p.methods.clear();
        for (const std::string & x : a.get_list("method")) p.methods.push_back(parse_unlearn_method(x));
    }
    if (p.methods.empty()) throw UsageError("--method: no method given");
    p.seeds = static_cast<int32_t>(a.get_int("seeds", 1));
    if (p.seeds < 1) throw UsageError("--seeds must be at least 1");
    p.preset = a.get("preset", "lab");
    // --lr / --epochs replace the preset's for every method (the run records keep what was used)
    p.lr = a.get_double("lr", 0);
    p.epochs = static_cast<int32_t>(a.get_int("epochs", 0));
    if ((a.has("lr") && !(p.lr > 0)) || (a.has("epochs") && p.epochs < 1)) throw UsageError("--lr and --epochs must be positive");
    if (a.has("params")) {
        p.influence.params_given = true;
        p.influence.influence.params = parse_param_set(a.get("params"));
    }
    p.influence.influence.K = a.get_int("k", p.influence.influence.K);
    return p;
}

int cmd_pipeline(int argc, char ** argv) {
    Args a(argc, argv, 2, {"json", "help", "warm-cache", "no-reference"},
           {"workspace", "method", "seeds", "preset", "lr", "epochs", "budget", "params", "k"});
    if (a.has("help") || !a.has("workspace")) {
        std::puts(kPipelineUsage);
        return a.has("help") ? 0 : 2;
    }
    const Workspace w = Workspace::load(a.get("workspace"));
    PipelineOptions p = pipeline_options(a, {UnlearnMethod::RapidUn});
    p.warm_cache = a.has("warm-cache");
    p.measure_reference = !a.has("no-reference");
    p.budget = a.get_double("budget", 1.0);
    if (!(p.budget > 0 && p.budget <= 1)) throw UsageError("--budget must be in (0, 1]");
    const json s = run_pipeline(w, p, show);
    if (a.has("json")) {
        std::printf("%s\n", s.dump(2).c_str());
        return 0;
    }
    // "twin" = triggered prompts against their clean twins' answers (exact match, else ROUGE-L).
    const json & inf = s["influence"];
    std::printf("influence: %.1f s, %s (%lld rows sketched, %lld reused)\n", inf["seconds"].get<double>(),
                inf["cold"].get<bool>() ? "cold" : "warm cache: no efficiency ratio", inf["rows_computed"].get<long long>(),
                inf["rows_reused"].get<long long>());
    std::printf("%-8s %18s %18s %18s %18s %10s %10s\n", "method", "seen ASR", "OOD ASR", "exact match", "twin", "seconds",
                "ratio");
    for (auto & [name, v] : s["methods"].items()) {
        const json & mn = v["mean"];
        auto pair = [&](const char * k) {
            const std::string b = std::string(k) + "_before", af = std::string(k) + "_after";
            char buf[64];
            std::snprintf(buf, sizeof buf, "%.3f -> %.3f", mn.value(b, -1.0), mn.value(af, -1.0));
            return std::string(buf);
        };
        const bool em = mn.contains("twin_exact_match_after") && mn["twin_exact_match_after"].is_number();
        char ratio[32] = "-";
        if (mn.contains("efficiency_ratio")) std::snprintf(ratio, sizeof ratio, "%.1f", mn["efficiency_ratio"].get<double>());
        std::printf("%-8s %18s %18s %18s %18s %10.1f %10s\n", name.c_str(), pair("seen_asr").c_str(), pair("ood_asr").c_str(),
                    pair("clean_exact_match").c_str(), pair(em ? "twin_exact_match" : "twin_rouge_l").c_str(),
                    mn.value("total_seconds", 0.0), ratio);
    }
    return 0;
}

int cmd_scenarios(int argc, char ** argv) {
    Args a(argc, argv, 2, {"json", "help"},
           {"workspace", "scenarios", "method", "seeds", "preset", "lr", "epochs", "small-n", "family", "params", "k"});
    if (a.has("help") || !a.has("workspace")) {
        std::puts(kScenariosUsage);
        return a.has("help") ? 0 : 2;
    }
    const Workspace w = Workspace::load(a.get("workspace"));
    ScenarioOptions o;
    o.pipeline = pipeline_options(a, {UnlearnMethod::RapidUn, UnlearnMethod::GAGD, UnlearnMethod::LoReUn, UnlearnMethod::Fisher});
    if (!a.has("seeds")) o.pipeline.seeds = 3;
    if (a.has("scenarios")) o.names = a.get_list("scenarios");
    o.small_n = static_cast<int32_t>(a.get_int("small-n", o.small_n));
    if (o.small_n < 1) throw UsageError("--small-n must be positive");
    o.family = a.get("family");
    const json s = run_scenarios(w, o, show);
    if (a.has("json")) {
        std::printf("%s\n", s.dump(2).c_str());
        return 0;
    }
    auto num = [](const json & j, const char * k) { return j.contains(k) && j[k].is_number() ? j[k].get<double>() : -1.0; };
    const json & b = s["before"];
    std::printf("before: seen ASR %.3f, OOD ASR %.3f, false triggers %.3f\n", num(b, "seen_asr"), num(b, "ood_asr"),
                num(b, "false_trigger_rate"));
    std::printf("%-9s %-8s %6s %15s %15s %8s %15s %15s  %s\n", "scenario", "method", "forget", "seen ASR", "OOD ASR", "false",
                "clean utility", "twin", "seen ASR by family");
    for (const json & sc : s["scenarios"]) {
        for (auto & [m, v] : sc["methods"].items()) {
            const bool em = v["twin_exact_match_after"].is_number();
            auto pm = [&](const char * k) {
                char buf[48];
                std::snprintf(buf, sizeof buf, "%.3f +- %.3f", num(v, k), num(v, (std::string(k) + "_sd").c_str()));
                return std::string(buf);
            };
            std::string fam;
            for (auto & [f, x] : v["seen_asr_by_family"].items()) {
                char buf[64];
                std::snprintf(buf, sizeof buf, "%s%s %.3f", fam.empty() ? "" : ", ", terminal_safe(f).c_str(), x.get<double>());
                fam += buf;
            }
            std::printf("%-9s %-8s %6lld %15s %15s %8.3f %15s %15s  %s\n", sc["name"].get<std::string>().c_str(), m.c_str(),
                        sc["n_forget"].get<long long>(), pm("seen_asr_after").c_str(), pm("ood_asr_after").c_str(),
                        num(v, "false_trigger_rate_after"), pm(em ? "clean_exact_match_after" : "clean_rouge_l_after").c_str(),
                        pm(em ? "twin_exact_match_after" : "twin_rouge_l_after").c_str(), fam.c_str());
        }
        if (sc.contains("family"))
            std::printf("%-9s forget rows of family %s only\n", "", terminal_safe(sc["family"].get<std::string>()).c_str());
        if (sc.contains("precision"))
            std::printf("%-9s curated rows: %lld poisoned of %lld (precision %.3f)\n", "", sc["poisoned"].get<long long>(),
                        sc["n_forget"].get<long long>(), sc["precision"].get<double>());
    }
    return 0;
}

} // namespace rapidun::cli
