// Presets and saved files of the Weights page (see weights_settings.h).
#include "weights_settings.h"

#include "rapidun/error.h"
#include "rapidun/io/atomic_file.h"

#include <algorithm>
#include <numeric>

namespace rapidun::ui {

using nlohmann::json;

WeightOptions weightsPreset(WeightsPreset p) {
    WeightOptions o;   // core's defaults are the paper's
    switch (p) {
    case WeightsPreset::Paper: return o;
    case WeightsPreset::Alternative:
        o.scale = WeightOptions::Scale::MeanAdFallback;
        o.bounds = WeightOptions::Bounds::AfterNormalize;
        return o;
    case WeightsPreset::Custom: break;
    }
    throw Error("weights: the custom preset has no options of its own");
}

bool sameOptions(const WeightOptions & a, const WeightOptions & b) {
    return a.agg.topk == b.agg.topk && a.agg.rank_mode == b.agg.rank_mode &&
           a.agg.per_test_robust == b.agg.per_test_robust && a.alpha == b.alpha && a.beta == b.beta &&
           a.gamma == b.gamma && a.delta == b.delta && a.alpha_h == b.alpha_h && a.beta_h == b.beta_h &&
           a.gamma_h == b.gamma_h && a.delta_h == b.delta_h && a.tau_f == b.tau_f && a.tau_r == b.tau_r &&
           a.w_min_f == b.w_min_f && a.w_max_f == b.w_max_f && a.w_min_r == b.w_min_r && a.w_max_r == b.w_max_r &&
           a.scale == b.scale && a.bounds == b.bounds;
}

WeightsPreset matchingPreset(const WeightOptions & o) {
    for (WeightsPreset p : {WeightsPreset::Paper, WeightsPreset::Alternative})
        if (sameOptions(o, weightsPreset(p)))
            return p;
    return WeightsPreset::Custom;
}

json weightOptionsToJson(const WeightOptions & o) {
    return json{{"topk", o.agg.topk},
                {"rank", o.agg.rank_mode},
                {"per_test_robust", o.agg.per_test_robust},
                {"alpha", o.alpha},
                {"beta", o.beta},
                {"gamma", o.gamma},
                {"delta", o.delta},
                {"alpha_h", o.alpha_h},
                {"beta_h", o.beta_h},
                {"gamma_h", o.gamma_h},
                {"delta_h", o.delta_h},
                {"tau_f", o.tau_f},
                {"tau_r", o.tau_r},
                {"w_min_f", o.w_min_f},
                {"w_max_f", o.w_max_f},
                {"w_min_r", o.w_min_r},
                {"w_max_r", o.w_max_r},
                {"scale", o.scale == WeightOptions::Scale::MadFloor ? "mad-floor" : "mean-ad-fallback"},
                {"bounds", o.bounds == WeightOptions::Bounds::BeforeNormalize ? "before-normalize" : "after-normalize"}};
}

WeightOptions weightOptionsFromJson(const json & j) {
    if (!j.is_object())
        throw Error("weights settings: expected an object");
    WeightOptions o;
    auto num = [&](const char * key, double & out) {
        if (!j.contains(key))
            return;
        if (!j[key].is_number())
            throw Error(std::string("weights settings: ") + key + ": expected a number");
        out = j[key].get<double>();
    };
    auto flag = [&](const char * key, bool & out) {
        if (!j.contains(key))
            return;
        if (!j[key].is_boolean())
            throw Error(std::string("weights settings: ") + key + ": expected true or false");
        out = j[key].get<bool>();
    };
    if (j.contains("topk")) {
        if (!j["topk"].is_number_integer())
            throw Error("weights settings: topk: expected an integer");
        o.agg.topk = j["topk"].get<int64_t>();
    }
    flag("rank", o.agg.rank_mode);
    flag("per_test_robust", o.agg.per_test_robust);
    num("alpha", o.alpha), num("beta", o.beta), num("gamma", o.gamma), num("delta", o.delta);
    num("alpha_h", o.alpha_h), num("beta_h", o.beta_h), num("gamma_h", o.gamma_h), num("delta_h", o.delta_h);
    num("tau_f", o.tau_f), num("tau_r", o.tau_r);
    num("w_min_f", o.w_min_f), num("w_max_f", o.w_max_f), num("w_min_r", o.w_min_r), num("w_max_r", o.w_max_r);
    const std::string scale = j.value("scale", std::string("mad-floor"));
    const std::string bounds = j.value("bounds", std::string("before-normalize"));
    if (scale == "mean-ad-fallback")
        o.scale = WeightOptions::Scale::MeanAdFallback;
    else if (scale != "mad-floor")
        throw Error("weights settings: scale: mad-floor or mean-ad-fallback, got '" + scale + "'");
    if (bounds == "after-normalize")
        o.bounds = WeightOptions::Bounds::AfterNormalize;
    else if (bounds != "before-normalize")
        throw Error("weights settings: bounds: before-normalize or after-normalize, got '" + bounds + "'");
    return o;
}

json groupSummary(const GroupWeights & g) {
    std::vector<double> s = g.weight;
    std::sort(s.begin(), s.end());
    const double mean = std::accumulate(s.begin(), s.end(), 0.0) / double(s.size());
    return json{{"n", g.weight.size()},        {"median_score", g.median},    {"mad", g.mad},
                {"sigma", g.sigma},            {"at_lower_bound", g.n_at_min}, {"at_upper_bound", g.n_at_max},
                {"min", s.front()},            {"median", median_of(s)},       {"max", s.back()},
                {"mean", mean}};
}

void saveWeights(const std::string & outDir, const RapidUnWeights & w, const WeightOptions & o,
                 const std::string & influenceDir) {
    make_directories(outDir);
    write_weights_jsonl(outDir + "/forget_weights.jsonl", w.forget.weight);
    write_weights_jsonl(outDir + "/retain_weights.jsonl", w.retain.weight);
    const json settings = {{"settings", weightOptionsToJson(o)},
                           {"influence", influenceDir},
                           {"summary", {{"forget", groupSummary(w.forget)}, {"retain", groupSummary(w.retain)}}},
                           {"files", {outDir + "/forget_weights.jsonl", outDir + "/retain_weights.jsonl"}}};
    write_file_atomic(outDir + "/" + kWeightsSettingsFile, settings.dump(2) + "\n");
}

WeightOptions readSavedOptions(const std::string & outDir) {
    const std::string path = outDir + "/" + kWeightsSettingsFile;
    json j;
    try {
        j = json::parse(read_file_text(path));
    } catch (const json::exception & e) {
        throw Error(path + ": not JSON (" + e.what() + ")");
    }
    if (!j.is_object() || !j.contains("settings"))
        throw Error(path + ": no \"settings\" object");
    try {
        return weightOptionsFromJson(j["settings"]);
    } catch (const Error & e) {
        throw Error(path + ": " + e.what());
    }
}

} // namespace rapidun::ui
