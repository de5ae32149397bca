// rapidun weights: the four influence views -> forget_weights.jsonl, retain_weights.jsonl, weights_settings.json.
#include "args.h"

#include "rapidun/error.h"
#include "rapidun/unlearn/weights_files.h"
#include "rapidun/workspace/workspace.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace rapidun::cli {

using nlohmann::json;
namespace fs = std::filesystem;

static const char * kWeightsUsage =
    "usage: rapidun weights (--rapidin-dir DIR | --workspace W) [--out DIR] [--topk N=40] [--rank] [--per-test-robust]\n"
    "       [--alpha A=1] [--beta B=1] [--gamma G=1] [--delta D=1] [--alpha-h X=0] [--beta-h X=0] [--gamma-h X=0] [--delta-h X=0]\n"
    "       [--tau-f T=0.7] [--tau-r T=1.2] [--w-min W=0.2] [--w-max W=3] [--w-min-f/--w-max-f/--w-min-r/--w-max-r W]\n"
    "       [--scale mad-floor|mean-ad-fallback] [--bounds before-normalize|after-normalize] [--json]\n"
    "reads influence_results_<n>_{FTF,FTR,RTF,RTR}.json (a RapidIn output folder, or W/influence) and writes\n"
    "forget_weights.jsonl, retain_weights.jsonl and weights_settings.json (the options and this summary)\n"
    "(default --out: W/weights, or the current folder)";

// The one file of a view in a folder: influence_results_<n>_<TAG>.json; n from its name.
static std::pair<std::string, int64_t> find_view(const std::string & dir, const std::string & tag) {
    std::string found;
    int64_t n = 0;
    if (!fs::is_directory(dir)) throw Error(dir + ": not a folder");
    for (auto & e : fs::directory_iterator(dir)) {
        const std::string name = e.path().filename().string();
        const std::string pre = "influence_results_", suf = "_" + tag + ".json";
        if (name.rfind(pre, 0) != 0 || name.size() <= pre.size() + suf.size() ||
            name.compare(name.size() - suf.size(), suf.size(), suf) != 0)
            continue;
        const std::string num = name.substr(pre.size(), name.size() - pre.size() - suf.size());
        if (num.empty() || num.find_first_not_of("0123456789") != std::string::npos) continue;
        if (!found.empty()) throw Error(dir + ": two " + tag + " files (" + found + ", " + name + ")");
        found = name;
        n = std::stoll(num);
    }
    if (found.empty()) throw Error(dir + ": no influence_results_<n>_" + tag + ".json");
    return {dir + "/" + found, n};
}

int cmd_weights(int argc, char ** argv) {
    Args a(argc, argv, 2, {"json", "help", "rank", "per-test-robust"},
           {"rapidin-dir", "workspace", "out", "topk", "alpha", "beta", "gamma", "delta", "alpha-h", "beta-h", "gamma-h",
            "delta-h", "tau-f", "tau-r", "w-min", "w-max", "w-min-f", "w-max-f", "w-min-r", "w-max-r", "scale", "bounds"});
    if (a.has("help") || a.has("rapidin-dir") == a.has("workspace")) {
        std::puts(kWeightsUsage);
        return a.has("help") ? 0 : 2;
    }
    std::string dir = a.get("rapidin-dir"), out = a.get("out", ".");
    if (a.has("workspace")) {
        const Workspace w = Workspace::load(a.get("workspace"));
        dir = w.resolve("influence");
        if (!a.has("out")) out = w.resolve("weights");
    }
    WeightOptions o;
    o.agg.topk = a.get_int("topk", o.agg.topk);
    o.agg.rank_mode = a.has("rank");
    o.agg.per_test_robust = a.has("per-test-robust");
    o.alpha = a.get_double("alpha", o.alpha);
    o.beta = a.get_double("beta", o.beta);
    o.gamma = a.get_double("gamma", o.gamma);
    o.delta = a.get_double("delta", o.delta);
    o.alpha_h = a.get_double("alpha-h", 0);
    o.beta_h = a.get_double("beta-h", 0);
    o.gamma_h = a.get_double("gamma-h", 0);
    o.delta_h = a.get_double("delta-h", 0);
    o.tau_f = a.get_double("tau-f", o.tau_f);
    o.tau_r = a.get_double("tau-r", o.tau_r);
    const double wmin = a.get_double("w-min", 0.2), wmax = a.get_double("w-max", 3.0);
    o.w_min_f = a.get_double("w-min-f", wmin);
    o.w_max_f = a.get_double("w-max-f", wmax);
    o.w_min_r = a.get_double("w-min-r", wmin);
    o.w_max_r = a.get_double("w-max-r", wmax);
    const std::string scale = a.get("scale", "mad-floor"), bounds = a.get("bounds", "before-normalize");
    if (scale == "mean-ad-fallback") o.scale = WeightOptions::Scale::MeanAdFallback;
    else if (scale != "mad-floor") throw UsageError("--scale: mad-floor or mean-ad-fallback");
    if (bounds == "after-normalize") o.bounds = WeightOptions::Bounds::AfterNormalize;
    else if (bounds != "before-normalize") throw UsageError("--bounds: before-normalize or after-normalize");

    const auto [ff_path, n_forget] = find_view(dir, "FTF");
    const auto [rr_path, n_retain] = find_view(dir, "RTR");
    const auto [fr_path, n_fr] = find_view(dir, "FTR");
    const auto [rf_path, n_rf] = find_view(dir, "RTF");
    if (n_fr != n_forget || n_rf != n_retain)
        throw Error(dir + ": FTR scores " + std::to_string(n_fr) + " train rows and RTF " + std::to_string(n_rf) +
                    ", expected " + std::to_string(n_forget) + " (forget) and " + std::to_string(n_retain) + " (retain)");
    const RapidUnWeights w = rapidun_weights(read_rapidin_json(ff_path), read_rapidin_json(fr_path), read_rapidin_json(rf_path),
                                             read_rapidin_json(rr_path), n_forget, n_retain, o);
    const json settings = save_weights(out, w, o, dir);
    json summary = settings["summary"];
    summary["files"] = settings["files"];
    if (a.has("json")) std::printf("%s\n", summary.dump(2).c_str());
    else
        for (const char * g : {"forget", "retain"})
            std::printf("%s: %lld weights, min %.4f median %.4f max %.4f (%lld at the lower bound, %lld at the upper)\n", g,
                        summary[g]["n"].get<long long>(), summary[g]["min"].get<double>(), summary[g]["median"].get<double>(),
                        summary[g]["max"].get<double>(), summary[g]["at_lower_bound"].get<long long>(),
                        summary[g]["at_upper_bound"].get<long long>());
    return 0;
}

} // namespace rapidun::cli
