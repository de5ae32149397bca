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

} // namespace rapidun::ui
