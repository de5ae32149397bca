// The weights' files (weights_files.h).
#include "rapidun/unlearn/weights_files.h"

#include "rapidun/error.h"
#include "rapidun/io/atomic_file.h"

#include <algorithm>
#include <numeric>

namespace rapidun {

using nlohmann::json;

json weight_options_json(const WeightOptions & o) {
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

WeightOptions weight_options_from_json(const json & j) {
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

json group_summary_json(const GroupWeights & g) {
    std::vector<double> s = g.weight;
    std::sort(s.begin(), s.end());
    const double mean = std::accumulate(s.begin(), s.end(), 0.0) / double(s.size());
    return json{{"n", g.weight.size()},        {"median_score", g.median},    {"mad", g.mad},
                {"sigma", g.sigma},            {"at_lower_bound", g.n_at_min}, {"at_upper_bound", g.n_at_max},
                {"min", s.front()},            {"median", median_of(s)},       {"max", s.back()},
                {"mean", mean}};
}

json save_weights(const std::string & outDir, const RapidUnWeights & w, const WeightOptions & o,
                  const std::string & influenceDir) {
    make_directories(outDir);
    write_weights_jsonl(outDir + "/forget_weights.jsonl", w.forget.weight);
    write_weights_jsonl(outDir + "/retain_weights.jsonl", w.retain.weight);
    const json settings = {{"settings", weight_options_json(o)},
                           {"influence", influenceDir},
                           {"summary", {{"forget", group_summary_json(w.forget)}, {"retain", group_summary_json(w.retain)}}},
                           {"files", {outDir + "/forget_weights.jsonl", outDir + "/retain_weights.jsonl"}}};
    write_file_atomic(outDir + "/" + kWeightsSettingsFile, settings.dump(2) + "\n");
    return settings;
}

WeightOptions read_saved_weight_options(const std::string & outDir) {
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
        return weight_options_from_json(j["settings"]);
    } catch (const Error & e) {
        throw Error(path + ": " + e.what());
    }
}

} // namespace rapidun
