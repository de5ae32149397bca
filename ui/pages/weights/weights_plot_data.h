// What the Weights page draws, computed from core's GroupWeights (Qt-free): the samples sorted by
// score, the mapping curve w(S) and the histogram bins.
#pragma once
#include "rapidun/unlearn/weights.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace rapidun::ui {

struct CurveData {
    std::vector<double> sampleScore, sampleWeight;   // [n], sorted by score
    std::vector<double> curveScore, curveWeight;     // the mapping on a grid over [min S, max S] plus its kinks
    double clipLow = 0, clipHigh = 0;                // final weight of a sample clipped at w_min / w_max
};

// The mapping of one group as map_scores applied it:
//   w(S) = c exp(clip(((S - median) / sigma) / tau, ln w_min, ln w_max))          (paper, c = 1 / mean)
//   w(S) = clip(c exp(clip(...)), w_min, w_max)                                  (bounds after normalising)
// c is read back from the samples (see the .cpp). order: a previous sort of the same scores, reused
// when given (a knob that leaves the scores alone costs no sort).
CurveData curveData(const GroupWeights & g, double tau, double wMin, double wMax, WeightOptions::Bounds bounds,
                    std::vector<int64_t> & order, int nGrid = 256);

// Equal-width bins over [lo, hi]: edges [nBins + 1]; a weight w falls in bin b when
// edges[b] <= w < edges[b + 1], the last bin also takes w == hi; values outside are clamped in.
std::pair<std::vector<double>, std::vector<double>> histogram(const std::vector<double> & values, double lo,
                                                               double hi, int nBins);

} // namespace rapidun::ui
