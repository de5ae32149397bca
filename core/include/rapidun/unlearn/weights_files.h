// The files a mapping writes, whoever runs it (`rapidun weights`, the pipeline, the studio's Weights
// page): W/weights/forget_weights.jsonl and retain_weights.jsonl (read by `rapidun unlearn`) and
// weights_settings.json: the options under the CLI's flag names (to reproduce with `rapidun
// weights`), the influence folder and the summary `rapidun weights --json` prints. The studio
// restores its knobs from it and the report shows it. All written atomically.
#pragma once
#include "rapidun/unlearn/weights.h"

#include <nlohmann/json.hpp>

#include <string>

namespace rapidun {

inline constexpr const char * kWeightsSettingsFile = "weights_settings.json";

// {"topk": 40, "rank": false, "per_test_robust": false, "alpha": 1, ..., "scale": "mad-floor",
//  "bounds": "before-normalize"}: the CLI's flags with '-' as '_'.
nlohmann::json weight_options_json(const WeightOptions & o);
// Missing keys keep the paper's value; a wrong type or an unknown scale / bounds name throws Error.
WeightOptions weight_options_from_json(const nlohmann::json & j);
// One group's summary: n, median_score, mad, sigma, at_lower_bound, at_upper_bound, min, median,
// max and mean (of the weights).
nlohmann::json group_summary_json(const GroupWeights & g);

// Writes the three files into outDir (created) and returns the settings file's content; throws
// Error naming the file on failure.
nlohmann::json save_weights(const std::string & outDir, const RapidUnWeights & w, const WeightOptions & o,
                            const std::string & influenceDir);
// The options saved in outDir/weights_settings.json; throws Error naming the file when it is unreadable.
WeightOptions read_saved_weight_options(const std::string & outDir);

} // namespace rapidun
