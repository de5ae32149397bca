// Curve and histogram data for the Weights page (see weights_plot_data.h).
#include "weights_plot_data.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace rapidun::ui {

CurveData curveData(const GroupWeights & g, double tau, double wMin, double wMax, WeightOptions::Bounds bounds,
                    std::vector<int64_t> & order, int nGrid) {
    CurveData d;
    const size_t n = g.score.size();
    if (n == 0 || g.weight.size() != n)
        return d;
    const bool sameOrder = order.size() == n && std::is_sorted(order.begin(), order.end(), [&](int64_t a, int64_t b) {
        return g.score[size_t(a)] < g.score[size_t(b)];
    });
    if (!sameOrder) {   // by (score, index): a direct sort of pairs is twice as fast as an indirect one
        std::vector<std::pair<double, int64_t>> keyed(n);
        for (size_t i = 0; i < n; i++)
            keyed[i] = {g.score[i], int64_t(i)};
        std::sort(keyed.begin(), keyed.end());
        order.resize(n);
        for (size_t k = 0; k < n; k++)
            order[k] = keyed[k].second;
    }
    d.sampleScore.resize(n);
    d.sampleWeight.resize(n);
    for (size_t k = 0; k < n; k++)
        d.sampleScore[k] = g.score[size_t(order[k])], d.sampleWeight[k] = g.weight[size_t(order[k])];

    // raw(S) = exp(clip(z / tau, lo, hi)), the map before the normalisation factor c.
    const double lo = std::log(wMin), hi = std::log(wMax);
    auto raw = [&](double s) { return std::exp(std::clamp(((s - g.median) / g.sigma) / tau, lo, hi)); };
    const bool after = bounds == WeightOptions::Bounds::AfterNormalize;
    // c = w_i / raw_i: every sample in the paper's mode (c = 1 / mean); in the other mode a sample
    // strictly inside the bounds (if all are clipped, any sample gives the step's place).
    double c = g.weight[0] / raw(g.score[0]);
    if (after)
        for (size_t i = 0; i < n; i++)
            if (g.weight[i] > wMin && g.weight[i] < wMax) {
                c = g.weight[i] / raw(g.score[i]);
                break;
            }
    auto w = [&](double s) { return after ? std::clamp(c * raw(s), wMin, wMax) : c * raw(s); };
    d.clipLow = after ? wMin : c * wMin;
    d.clipHigh = after ? wMax : c * wMax;

    const double s0 = d.sampleScore.front(), s1 = d.sampleScore.back();
    std::vector<double> xs;
    for (int k = 0; k < nGrid; k++)
        xs.push_back(nGrid > 1 ? s0 + (s1 - s0) * k / (nGrid - 1) : s0);
    // Kinks: z / tau = ln w_min or ln w_max, and in the other mode c raw(S) = w_min or w_max.
    std::vector<double> kinkZ = {tau * lo, tau * hi};
    if (after && c > 0)
        kinkZ.push_back(tau * std::log(wMin / c)), kinkZ.push_back(tau * std::log(wMax / c));
    for (double z : kinkZ) {
        const double s = g.median + g.sigma * z;
        if (std::isfinite(s) && s > s0 && s < s1)
            xs.push_back(s);
    }
    std::sort(xs.begin(), xs.end());
    for (double s : xs) {
        d.curveScore.push_back(s);
        d.curveWeight.push_back(w(s));
    }
    return d;
}

std::pair<std::vector<double>, std::vector<double>> histogram(const std::vector<double> & values, double lo,
                                                               double hi, int nBins) {
    nBins = std::max(1, nBins);
    if (!(hi > lo))
        hi = lo + 1;
    std::vector<double> edges(size_t(nBins) + 1), counts(size_t(nBins), 0.0);
    for (int b = 0; b <= nBins; b++)
        edges[size_t(b)] = lo + (hi - lo) * b / nBins;
    edges.back() = hi;   // exactly: (hi - lo) * n / n can round below hi
    for (double v : values) {
        const long b = long(std::upper_bound(edges.begin(), edges.end(), v) - edges.begin()) - 1;
        counts[size_t(std::clamp<long>(b, 0, nBins - 1))] += 1;
    }
    return {edges, counts};
}

} // namespace rapidun::ui
