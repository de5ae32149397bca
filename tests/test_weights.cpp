// The score -> weight mapping: the release's weights reproduced from its four influence files, and
// hand-computed cases (even and odd medians, MAD = 0, ties, top-k, rank mode, both alternatives).
#include "check.h"

#include "rapidun/error.h"
#include "rapidun/unlearn/weights.h"

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace rapidun;

namespace {

InfluenceMatrix matrix(int64_t n_test, int64_t n_train, std::vector<float> v) {
    InfluenceMatrix m;
    m.n_test = n_test;
    m.n_train = n_train;
    m.values = std::move(v);
    return m;
}

double mean(const std::vector<double> & v) { return std::accumulate(v.begin(), v.end(), 0.0) / double(v.size()); }

} // namespace

TEST_CASE("the release's forget and retain weights are reproduced from its four influence files to 1e-9") {
    if (check::shared_dir().empty()) SKIP("no ../shared");
    const std::string d = check::shared_dir() + "/data/rapidun-release/RapidIn_output";
    const RapidUnWeights w = rapidun_weights(read_rapidin_json(d + "/influence_results_40_FTF.json"),
                                             read_rapidin_json(d + "/influence_results_40_FTR.json"),
                                             read_rapidin_json(d + "/influence_results_120_RTF.json"),
                                             read_rapidin_json(d + "/influence_results_120_RTR.json"), 40, 120, WeightOptions{});
    const std::vector<double> f = read_weights_jsonl(d + "/forget_weights.jsonl");
    const std::vector<double> r = read_weights_jsonl(d + "/retain_weights.jsonl");
    REQUIRE(f.size() == 40 && r.size() == 120);
    double worst = 0;
    for (size_t i = 0; i < f.size(); i++) worst = std::max(worst, std::fabs(f[i] - w.forget.weight[i]));
    for (size_t i = 0; i < r.size(); i++) worst = std::max(worst, std::fabs(r[i] - w.retain.weight[i]));
    CHECK_MSG(worst <= 1e-9, "max abs difference " + std::to_string(worst));
    // The method doc's facts about these files: retain MAD = 0 -> three values.
    CHECK(w.retain.mad == 0);
    std::vector<double> distinct = w.retain.weight;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end(), [](double a, double b) { return std::fabs(a - b) < 1e-12; }), distinct.end());
    CHECK(distinct.size() == 3);
    // The method doc says 8 at the lower clip; the release file has 7 there and one just above (0.14565).
    CHECK_MSG(w.forget.n_at_min == 7 && w.forget.n_at_max == 10, std::to_string(w.forget.n_at_min) + " at the lower bound, " + std::to_string(w.forget.n_at_max) + " at the upper");

    // The documented alternatives on the same files: no collapse, bounds that hold.
    WeightOptions alt;
    alt.scale = WeightOptions::Scale::MeanAdFallback;
    alt.bounds = WeightOptions::Bounds::AfterNormalize;
    const RapidUnWeights a = rapidun_weights(read_rapidin_json(d + "/influence_results_40_FTF.json"),
                                             read_rapidin_json(d + "/influence_results_40_FTR.json"),
                                             read_rapidin_json(d + "/influence_results_120_RTF.json"),
                                             read_rapidin_json(d + "/influence_results_120_RTR.json"), 40, 120, alt);
    std::vector<double> ad = a.retain.weight;
    std::sort(ad.begin(), ad.end());
    ad.erase(std::unique(ad.begin(), ad.end(), [](double x, double y) { return std::fabs(x - y) < 1e-12; }), ad.end());
    CHECK(ad.size() > 3);
    for (double x : a.forget.weight) CHECK(x >= 0.2 - 1e-12 && x <= 3.0 + 1e-12);
    CHECK(std::fabs(mean(a.forget.weight) - 1) < 1e-9 && std::fabs(mean(a.retain.weight) - 1) < 1e-9);
}

TEST_CASE("medians: odd count, even count (mean of the two middle values), ties") {
    CHECK(median_of({3, 1, 2}) == 2);
    CHECK(median_of({4, 1, 3, 2}) == 2.5);
    CHECK(median_of({5, 5, 1, 5}) == 5);
    CHECK_THROWS_WITH(median_of({}), "empty");
}

TEST_CASE("per-test top-k in value mode, median across tests") {
    // 3 tests x 4 train items; k = 2.
    const InfluenceMatrix m = matrix(3, 4, {4, 3, 2, 1,     // top2: items 0, 1
                                            1, 5, 6, 0,     // top2: items 2, 1
                                            9, 1, 1, 8});   // top2: items 0, 3
    AggregateOptions o;
    o.topk = 2;
    const std::vector<double> a = aggregate_view(m, o);
    // item 0: {4, 0, 9} -> 4; item 1: {3, 5, 0} -> 3; item 2: {0, 6, 0} -> 0; item 3: {0, 0, 8} -> 0.
    CHECK(a == std::vector<double>({4, 3, 0, 0}));
    // Ties keep the lower index: test row {1,1,1,1} with k = 1 keeps item 0.
    const std::vector<double> t = aggregate_view(matrix(1, 4, {1, 1, 1, 1}), AggregateOptions{1, false, false});
    CHECK(t == std::vector<double>({1, 0, 0, 0}));
    // Rank mode: k for the top item, k-1 for the next.
    o.rank_mode = true;
    CHECK(aggregate_view(m, o) == std::vector<double>({2, 1, 0, 0}));
    // Harmful: the k most negative values.
    const std::vector<double> h = aggregate_view(matrix(1, 3, {-1, 2, -5}), AggregateOptions{1, false, false}, true);
    CHECK(h == std::vector<double>({0, 0, -5}));
}

TEST_CASE("the z-score map on a hand-computed case, and MAD = 0") {
    WeightOptions o;
    // S = {0, 1, 2, 3, 10}: median 2, |S-2| = {2, 1, 0, 1, 8} -> MAD 1, sigma 1.4826.
    const GroupWeights g = map_scores({0, 1, 2, 3, 10}, 1.0, 0.2, 3.0, o);
    CHECK(g.median == 2 && g.mad == 1);
    CHECK(std::fabs(g.sigma - 1.4826) < 1e-15);
    std::vector<double> raw;
    for (double s : {0.0, 1.0, 2.0, 3.0, 10.0})
        raw.push_back(std::exp(std::clamp((s - 2) / 1.4826, std::log(0.2), std::log(3.0))));
    const double mu = mean(raw);
    for (size_t i = 0; i < raw.size(); i++) CHECK(std::fabs(g.weight[i] - raw[i] / mu) < 1e-12);
    CHECK(g.n_at_max == 1 && g.n_at_min == 0);   // z = 5.4 for S = 10 is clipped at ln 3
    // All equal: z = 0, every weight 1.
    const GroupWeights e = map_scores({7, 7, 7}, 0.7, 0.2, 3.0, o);
    for (double w : e.weight) CHECK(w == 1.0);
    // MAD = 0 with outliers: the paper's floor sigma = 1e-3 saturates; the fallback does not.
    const std::vector<double> s = {0, 0, 0, 0, 0, 1, -1, 2};
    const GroupWeights paper = map_scores(s, 5.0, 0.2, 3.0, o);
    CHECK(paper.mad == 0 && paper.sigma == 1e-3);
    CHECK(paper.n_at_min == 1 && paper.n_at_max == 2);
    WeightOptions alt;
    alt.scale = WeightOptions::Scale::MeanAdFallback;
    const GroupWeights fixed = map_scores(s, 5.0, 0.2, 3.0, alt);
    CHECK(std::fabs(fixed.sigma - 1.2533 * 0.5) < 1e-12);   // mean |S - 0| = 4 / 8
    CHECK(fixed.n_at_min == 0 && fixed.n_at_max == 0);
}

TEST_CASE("bounds after normalising: every weight in [w_min, w_max] and the mean exactly 1") {
    WeightOptions o;
    o.bounds = WeightOptions::Bounds::AfterNormalize;
    const std::vector<double> s = {-50, -3, -1, 0, 0.5, 1, 2, 40, 41};
    const GroupWeights g = map_scores(s, 0.7, 0.2, 3.0, o);
    for (double w : g.weight) CHECK(w >= 0.2 && w <= 3.0);
    CHECK(std::fabs(mean(g.weight) - 1) < 1e-12);
    // The paper's order on the same scores leaves the bounds.
    const GroupWeights p = map_scores(s, 0.7, 0.2, 3.0, WeightOptions{});
    bool outside = false;
    for (double w : p.weight) outside = outside || w < 0.2 || w > 3.0;
    CHECK(outside);
    CHECK_THROWS_WITH(map_scores(s, 0, 0.2, 3.0, o), "tau");
}

TEST_CASE("fusion: S_f = alpha FF - beta FR and S_r = gamma RR - delta RF") {
    // Build RapidIn results from matrices through the JSON reader's structure.
    auto results = [](const InfluenceMatrix & m) {
        RapidInResults r;
        for (int64_t t = 0; t < m.n_test; t++) {
            RapidInEntry e;
            std::vector<int64_t> idx(size_t(m.n_train));
            std::iota(idx.begin(), idx.end(), 0);
            std::stable_sort(idx.begin(), idx.end(), [&](int64_t a, int64_t b) { return m.at(t, a) > m.at(t, b); });
            for (int64_t i : idx) { e.helpful.push_back(i); e.helpful_infl.push_back(m.at(t, i)); }
            r.tests.push_back(e);
        }
        return r;
    };
    const InfluenceMatrix ff = matrix(1, 2, {4, 1}), fr = matrix(1, 2, {1, 3});
    const InfluenceMatrix rf = matrix(1, 3, {1, 1, 1}), rr = matrix(1, 3, {2, 0, 5});
    WeightOptions o;
    o.alpha = 2; o.beta = 1; o.gamma = 1; o.delta = 3;
    const RapidUnWeights w = rapidun_weights(results(ff), results(fr), results(rf), results(rr), 2, 3, o);
    CHECK(w.forget.score == std::vector<double>({2 * 4 - 1, 2 * 1 - 3}));
    CHECK(w.retain.score == std::vector<double>({2 - 3, 0 - 3, 5 - 3}));
}

RAPIDUN_TEST_MAIN()
