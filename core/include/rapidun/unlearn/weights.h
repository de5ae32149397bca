// RapidUn's score -> weight mapping (method doc 4-5): per-view aggregation (per-test top-k in value
// or rank mode, optional per-test robust scaling, median across tests), fusion S_f = alpha FF - beta
// FR, S_r = gamma RR - delta RF (optional harmful terms), robust z (median, 1.4826 MAD floored),
// w = exp(clip(z / tau, ln w_min, ln w_max)) / mean. Torch-free.
//
// The paper's behaviour is the default preset. Two documented alternatives fix its two flaws:
//  - Scale::MeanAdFallback: when MAD is 0 (most retain aggregates are exactly 0 after top-k and the
//    median), sigma falls back to 1.2533 x the mean absolute deviation instead of the 1e-3 floor,
//    so the weights do not collapse to three values;
//  - Bounds::AfterNormalize: the bounds hold for the final weights: w = clip(c w~, w_min, w_max) with
//    c found by bisection so that mean(w) = 1 (the paper clips before normalising, so its final
//    weights leave [w_min, w_max]).
#pragma once
#include "rapidun/influence/influence.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rapidun {

struct AggregateOptions {
    int64_t topk = 40;             // per test, the k most helpful train items keep their value, the rest 0
    bool    rank_mode = false;     // value k for the top item, k-1 for the next, ...
    bool    per_test_robust = false;   // per test: (I - median) / max(1.4826 MAD, 1e-3) before top-k
};

// A per-view aggregate [n_train] from a RapidIn result (test rows' helpful / harmful lists).
// harmful = true aggregates the k most harmful (most negative) values instead.
std::vector<double> aggregate_view(const RapidInResults & r, int64_t n_train, const AggregateOptions & opt, bool harmful = false);
// The same from a dense matrix [n_test, n_train] (ties: lower index first, as the JSON writer).
std::vector<double> aggregate_view(const InfluenceMatrix & m, const AggregateOptions & opt, bool harmful = false);

struct WeightOptions {
    AggregateOptions agg;
    double alpha = 1.0, beta = 1.0, gamma = 1.0, delta = 1.0;            // fusion (pipeline YAML)
    double alpha_h = 0.0, beta_h = 0.0, gamma_h = 0.0, delta_h = 0.0;    // harmful terms, off by default
    double tau_f = 0.7, tau_r = 1.2;
    double w_min_f = 0.2, w_max_f = 3.0, w_min_r = 0.2, w_max_r = 3.0;
    enum class Scale { MadFloor, MeanAdFallback } scale = Scale::MadFloor;
    enum class Bounds { BeforeNormalize, AfterNormalize } bounds = Bounds::BeforeNormalize;
};

// Median (mean of the two middle values for an even count); throws on an empty input.
double median_of(std::vector<double> v);

struct GroupWeights {
    std::vector<double> score;    // S
    std::vector<double> z;
    std::vector<double> weight;   // final, mean 1
    double median = 0, mad = 0, sigma = 0;
    size_t n_at_min = 0, n_at_max = 0;   // clipped at the lower / upper bound
};
// z -> weight for one group (the stage-3 map).
GroupWeights map_scores(const std::vector<double> & score, double tau, double w_min, double w_max, const WeightOptions & opt);

struct RapidUnWeights {
    GroupWeights forget, retain;
};
// From the four views; `harm` views (the same results) are used only when a harmful coefficient is set.
RapidUnWeights rapidun_weights(const RapidInResults & ff, const RapidInResults & fr, const RapidInResults & rf,
                               const RapidInResults & rr, int64_t n_forget, int64_t n_retain, const WeightOptions & opt);

// {"index": i, "weight": w} per line (the release's layout), written atomically.
void write_weights_jsonl(const std::string & path, const std::vector<double> & w);
std::vector<double> read_weights_jsonl(const std::string & path);   // throws naming file and line

} // namespace rapidun
