// The Weights page's presets and its saved files (Qt-free).
//
// Saving writes what `rapidun weights --workspace W` writes: W/weights/forget_weights.jsonl and
// retain_weights.jsonl through core's write_weights_jsonl (atomic), which `rapidun unlearn` reads.
// The CLI writes no settings file, so the page adds W/weights/weights_settings.json (atomic): the
// options under the CLI's flag names (to reproduce with `rapidun weights`), the influence folder and
// the summary `rapidun weights --json` prints. The page restores its knobs from it.
#pragma once
#include "rapidun/unlearn/weights.h"

#include <nlohmann/json.hpp>

#include <string>

namespace rapidun::ui {

inline constexpr const char * kWeightsSettingsFile = "weights_settings.json";

enum class WeightsPreset { Paper, Alternative, Custom };
// Paper: the release pipeline (design.md "Weights"). Alternative: the paper's values with both
// documented fixes, sigma from the mean absolute deviation when MAD = 0 and the bounds applied after
// normalising. Custom: throws (no options of its own).
WeightOptions weightsPreset(WeightsPreset p);
WeightsPreset matchingPreset(const WeightOptions & o);   // Custom when no preset matches exactly
bool sameOptions(const WeightOptions & a, const WeightOptions & b);

// {"topk": 40, "rank": false, "per_test_robust": false, "alpha": 1, ..., "scale": "mad-floor",
//  "bounds": "before-normalize"}: the CLI's flags with '-' as '_'.
nlohmann::json weightOptionsToJson(const WeightOptions & o);
// Missing keys keep the paper's value; a wrong type or an unknown scale / bounds name throws Error.
WeightOptions weightOptionsFromJson(const nlohmann::json & j);
// The `rapidun weights --json` summary of one group: n, median_score, mad, sigma, at_lower_bound,
// at_upper_bound, min, median, max (weights), plus mean (weights).
nlohmann::json groupSummary(const GroupWeights & g);

// Writes the three files into outDir (created); throws Error naming the file on failure.
void saveWeights(const std::string & outDir, const RapidUnWeights & w, const WeightOptions & o,
                 const std::string & influenceDir);
// The options saved in outDir/weights_settings.json; throws Error when the file is unreadable.
WeightOptions readSavedOptions(const std::string & outDir);

} // namespace rapidun::ui
