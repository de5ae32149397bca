// The Weights page's presets (Qt-free). Its saved files are core's (rapidun/unlearn/weights_files.h):
// the same three files `rapidun weights` and the pipeline write.
#pragma once
#include "rapidun/unlearn/weights_files.h"

namespace rapidun::ui {

enum class WeightsPreset { Paper, Alternative, Custom };
// Paper: the release pipeline (design.md "Weights"). Alternative: the paper's values with both
// documented fixes, sigma from the mean absolute deviation when MAD = 0 and the bounds applied after
// normalising. Custom: throws (no options of its own).
WeightOptions weightsPreset(WeightsPreset p);
WeightsPreset matchingPreset(const WeightOptions & o);   // Custom when no preset matches exactly
bool sameOptions(const WeightOptions & a, const WeightOptions & b);

} // namespace rapidun::ui
