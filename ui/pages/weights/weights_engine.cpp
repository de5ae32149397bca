// Sparse, cached aggregation + core's fusion and map_scores (see weights_engine.h).
#include "weights_engine.h"

#include "rapidun/error.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace rapidun::ui {

namespace fs = std::filesystem;

namespace {

constexpr size_t kMaxAggregates = 64;   // a drag over top-k caches up to 8 aggregates per value

// The view files of one tag in `dir` (the CLI's find_view, app/cli/cmd_weights.cpp): "" when absent.
std::pair<std::string, int64_t> findView(const std::string & dir, const std::string & tag) {
    std::string found;
    int64_t     n = 0;
    for (const auto & e : fs::directory_iterator(dir)) {
        const std::string name = e.path().filename().string();
        const std::string pre = "influence_results_", suf = "_" + tag + ".json";
        if (name.rfind(pre, 0) != 0 || name.size() <= pre.size() + suf.size() ||
            name.compare(name.size() - suf.size(), suf.size(), suf) != 0)
            continue;
        const std::string num = name.substr(pre.size(), name.size() - pre.size() - suf.size());
        if (num.empty() || num.find_first_not_of("0123456789") != std::string::npos)
            continue;
        if (!found.empty())
            throw Error(dir + ": two " + tag + " files (" + found + ", " + name + ")");
        found = name;
        n = std::stoll(num);
    }
    return {found.empty() ? std::string() : dir + "/" + found, n};
}

} // namespace

std::optional<InfluenceViewFiles> findInfluenceViews(const std::string & dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return std::nullopt;
    InfluenceViewFiles f;
    f.dir = dir;
    int64_t nFr = 0, nRf = 0;
    std::tie(f.ff, f.nForget) = findView(dir, "FTF");
    std::tie(f.fr, nFr) = findView(dir, "FTR");
    std::tie(f.rf, nRf) = findView(dir, "RTF");
    std::tie(f.rr, f.nRetain) = findView(dir, "RTR");
    const int present = !f.ff.empty() + !f.fr.empty() + !f.rf.empty() + !f.rr.empty();
    if (present == 0)
        return std::nullopt;
    if (present < 4)
        throw Error(dir + ": " + std::to_string(present) +
                    " of the four influence_results_<n>_{FTF,FTR,RTF,RTR}.json files; compute influence again");
    if (nFr != f.nForget || nRf != f.nRetain)
        throw Error(dir + ": FTR scores " + std::to_string(nFr) + " train rows and RTF " + std::to_string(nRf) +
                    ", expected " + std::to_string(f.nForget) + " (forget) and " + std::to_string(f.nRetain) +
                    " (retain)");
    return f;
}

WeightsEngine::WeightsEngine(RapidInResults ff, RapidInResults fr, RapidInResults rf, RapidInResults rr,
                             int64_t nForget, int64_t nRetain)
    : ff_(std::move(ff)), fr_(std::move(fr)), rf_(std::move(rf)), rr_(std::move(rr)), nForget_(nForget),
      nRetain_(nRetain) {
    if (nForget_ < 1 || nRetain_ < 1)
        throw Error("weights: need at least one forget and one retain row (got " + std::to_string(nForget_) +
                    " and " + std::to_string(nRetain_) + ")");
    for (const RapidInResults * r : {&ff_, &fr_, &rf_, &rr_})
        for (const RapidInEntry & e : r->tests)
            longestList_ = std::max<int64_t>(longestList_, int64_t(std::min(e.helpful.size(), e.helpful_infl.size())));
}

std::shared_ptr<WeightsEngine> WeightsEngine::load(const InfluenceViewFiles & files) {
    auto engine = std::make_shared<WeightsEngine>(read_rapidin_json(files.ff), read_rapidin_json(files.fr),
                                                  read_rapidin_json(files.rf), read_rapidin_json(files.rr),
                                                  files.nForget, files.nRetain);
    try {
        engine->compute(WeightOptions{});   // fills the paper preset's caches off the GUI thread
    } catch (const Error &) {
        // The page reports a failing mapping when it recomputes; loading succeeded.
    }
    return engine;
}

const RapidInResults & WeightsEngine::view(InfluenceView v) const {
    switch (v) {
    case InfluenceView::FF: return ff_;
    case InfluenceView::FR: return fr_;
    case InfluenceView::RF: return rf_;
    case InfluenceView::RR: return rr_;
    }
    return ff_;
}

int64_t WeightsEngine::nTrain(InfluenceView v) const {
    return v == InfluenceView::FF || v == InfluenceView::FR ? nForget_ : nRetain_;
}

// Each test row's pairs as core's add_test_row orders them: optional per-test robust scaling
// (I - median) / max(1.4826 MAD, 1e-3), then a stable sort, most helpful (or most harmful) first.
WeightsEngine::SortedLists & WeightsEngine::sorted(InfluenceView v, bool harmful, bool robust) {
    const ListKey key{int(v), harmful, robust};
    auto it = lists_.find(key);
    if (it != lists_.end())
        return it->second;
    SortedLists s;
    const RapidInResults & r = view(v);
    const int64_t n = nTrain(v);
    s.offset.push_back(0);
    s.useCore = r.tests.empty();
    std::vector<std::pair<int64_t, double>> pairs;
    std::vector<uint8_t> seen(static_cast<size_t>(n), 0);
    for (const RapidInEntry & e : r.tests) {
        const auto & ids = harmful ? e.harmful : e.helpful;
        const auto & val = harmful ? e.harmful_infl : e.helpful_infl;
        pairs.clear();
        for (size_t j = 0; j < ids.size() && j < val.size(); j++)
            pairs.push_back({ids[j], val[j]});
        if (robust && !pairs.empty()) {
            std::vector<double> vals;
            for (auto & p : pairs)
                vals.push_back(p.second);
            const double m = median_of(vals);
            std::vector<double> dev;
            for (double x : vals)
                dev.push_back(std::fabs(x - m));
            const double sc = std::max(1.4826 * median_of(dev), 1e-3);
            for (auto & p : pairs)
                p.second = (p.second - m) / sc;
        }
        std::stable_sort(pairs.begin(), pairs.end(), [&](const auto & a, const auto & b) {
            return harmful ? a.second < b.second : a.second > b.second;
        });
        for (const auto & p : pairs) {
            // A repeated or out-of-range index: core overwrites or throws; let it.
            if (p.first < 0 || p.first >= n || seen[size_t(p.first)])
                s.useCore = true;
            else
                seen[size_t(p.first)] = 1;
            s.index.push_back(p.first);
            s.value.push_back(p.second);
        }
        for (const auto & p : pairs)
            if (p.first >= 0 && p.first < n)
                seen[size_t(p.first)] = 0;
        s.offset.push_back(s.index.size());
    }
    return lists_.emplace(key, std::move(s)).first->second;
}

// A_V[i] = median over tests t of v_t[i], v_t = top-k values (or ranks k..1) of test t, 0 elsewhere.
// Row i's column is its listed values plus (n_test - listed) zeros; the median reads the middle
// ranks of that multiset without building it.
const std::vector<double> & WeightsEngine::aggregate(InfluenceView v, const AggregateOptions & opt, bool harmful) {
    const AggKey key{int(v), harmful, opt.per_test_robust, opt.topk, opt.rank_mode};
    auto it = aggregates_.find(key);
    if (it != aggregates_.end())
        return it->second;
    if (opt.topk < 1)
        throw Error("aggregate: topk must be at least 1");
    const int64_t n = nTrain(v);
    SortedLists &  s = sorted(v, harmful, opt.per_test_robust);
    if (s.useCore)
        return aggregates_.emplace(key, aggregate_view(view(v), n, opt, harmful)).first->second;
    if (opt.rank_mode)
        return aggregates_.emplace(key, rankModeMedians(s, opt.topk, n)).first->second;
    if (s.itemStart.empty())
        indexByItem(s, n);
    return aggregates_.emplace(key, valueModeMedians(s, opt.topk, n)).first->second;
}

// Counting sort of every listed entry by train row, then each row's entries by value.
void WeightsEngine::indexByItem(SortedLists & s, int64_t nTrain) {
    s.itemStart.assign(static_cast<size_t>(nTrain) + 1, 0);
    for (int64_t i : s.index)
        s.itemStart[size_t(i) + 1]++;
    for (size_t i = 0; i < size_t(nTrain); i++)
        s.itemStart[i + 1] += s.itemStart[i];
    std::vector<std::pair<double, int32_t>> entries(s.index.size());
    std::vector<size_t> fill(s.itemStart.begin(), s.itemStart.end() - 1);
    for (size_t t = 0; t + 1 < s.offset.size(); t++)
        for (size_t at = s.offset[t]; at < s.offset[t + 1]; at++)
            entries[fill[size_t(s.index[at])]++] = {s.value[at], int32_t(at - s.offset[t])};
    for (size_t i = 0; i < size_t(nTrain); i++)
        std::sort(entries.begin() + long(s.itemStart[i]), entries.begin() + long(s.itemStart[i + 1]));
    s.itemValue.resize(entries.size());
    s.itemRank.resize(entries.size());
    for (size_t e = 0; e < entries.size(); e++)
        s.itemValue[e] = entries[e].first, s.itemRank[e] = entries[e].second;
}

// Value mode: row i's column holds its entries with rank < k (ascending already) and zeros for the
// other tests. at(r) walks the entries once; the two middle ranks cost two walks.
std::vector<double> WeightsEngine::valueModeMedians(const SortedLists & s, int64_t k, int64_t nTrain) {
    const size_t nTest = s.offset.size() - 1;
    std::vector<double> out(static_cast<size_t>(nTrain));
    for (size_t i = 0; i < size_t(nTrain); i++) {
        const size_t b = s.itemStart[i], e = s.itemStart[i + 1];
        size_t counted = 0, below = 0;   // entries with rank < k; those of them < 0
        for (size_t at = b; at < e; at++)
            if (s.itemRank[at] < k)
                counted++, below += s.itemValue[at] < 0.0;
        const size_t zeros = nTest - counted;
        auto nth = [&](size_t r) {   // r-th counted entry by value
            for (size_t at = b; at < e; at++)
                if (s.itemRank[at] < k && r-- == 0)
                    return s.itemValue[at];
            return 0.0;
        };
        auto at = [&](size_t rank) { return rank < below ? nth(rank) : rank < below + zeros ? 0.0 : nth(rank - zeros); };
        out[i] = nTest % 2 ? at(nTest / 2) : 0.5 * (at(nTest / 2 - 1) + at(nTest / 2));   // as median_of
    }
    return out;
}

// Rank mode: entry (t, j) is worth min(k, len_t) - j, so each row's listed ranks are rebuilt and sorted.
std::vector<double> WeightsEngine::rankModeMedians(const SortedLists & s, int64_t topk, int64_t nTrain) {
    const size_t nTest = s.offset.size() - 1;
    std::vector<size_t> start(static_cast<size_t>(nTrain) + 1, 0);   // CSR over train rows
    for (size_t t = 0; t < nTest; t++) {
        const size_t k = size_t(std::min<int64_t>(topk, int64_t(s.offset[t + 1] - s.offset[t])));
        for (size_t j = 0; j < k; j++)
            start[size_t(s.index[s.offset[t] + j]) + 1]++;
    }
    for (size_t i = 0; i < size_t(nTrain); i++)
        start[i + 1] += start[i];
    std::vector<double> listed(start.back());
    std::vector<size_t> fill(start.begin(), start.end() - 1);
    for (size_t t = 0; t < nTest; t++) {
        const size_t k = size_t(std::min<int64_t>(topk, int64_t(s.offset[t + 1] - s.offset[t])));
        for (size_t j = 0; j < k; j++)
            listed[fill[size_t(s.index[s.offset[t] + j])]++] = double(k - j);
    }
    std::vector<double> out(static_cast<size_t>(nTrain));
    for (size_t i = 0; i < size_t(nTrain); i++) {
        double * b = listed.data() + start[i];
        double * e = listed.data() + start[i + 1];
        std::sort(b, e);   // ranks are positive: the zeros come first
        const size_t zeros = nTest - size_t(e - b);
        auto at = [&](size_t rank) { return rank < zeros ? 0.0 : b[rank - zeros]; };
        out[i] = nTest % 2 ? at(nTest / 2) : 0.5 * (at(nTest / 2 - 1) + at(nTest / 2));   // as median_of
    }
    return out;
}

// rapidun_weights() (core/src/unlearn/weights.cpp) with cached aggregates: same expressions, same order.
RapidUnWeights WeightsEngine::compute(const WeightOptions & opt) {
    using V = InfluenceView;
    if (aggregates_.size() + 8 > kMaxAggregates)   // before taking references: one call adds at most 8
        aggregates_.clear();
    const std::vector<double> &FF = aggregate(V::FF, opt.agg, false), &FR = aggregate(V::FR, opt.agg, false);
    const std::vector<double> &RF = aggregate(V::RF, opt.agg, false), &RR = aggregate(V::RR, opt.agg, false);
    std::vector<double> sf(static_cast<size_t>(nForget_)), sr(static_cast<size_t>(nRetain_));
    for (size_t i = 0; i < sf.size(); i++)
        sf[i] = opt.alpha * FF[i] - opt.beta * FR[i];
    for (size_t j = 0; j < sr.size(); j++)
        sr[j] = opt.gamma * RR[j] - opt.delta * RF[j];
    if (opt.alpha_h != 0 || opt.beta_h != 0) {
        const std::vector<double> &FFh = aggregate(V::FF, opt.agg, true), &FRh = aggregate(V::FR, opt.agg, true);
        for (size_t i = 0; i < sf.size(); i++)
            sf[i] -= opt.alpha_h * FFh[i] + opt.beta_h * FRh[i];
    }
    if (opt.gamma_h != 0 || opt.delta_h != 0) {
        const std::vector<double> &RRh = aggregate(V::RR, opt.agg, true), &RFh = aggregate(V::RF, opt.agg, true);
        for (size_t j = 0; j < sr.size(); j++)
            sr[j] -= opt.gamma_h * RRh[j] + opt.delta_h * RFh[j];
    }
    RapidUnWeights w;
    w.forget = map_scores(sf, opt.tau_f, opt.w_min_f, opt.w_max_f, opt);
    w.retain = map_scores(sr, opt.tau_r, opt.w_min_r, opt.w_max_r, opt);
    return w;
}

} // namespace rapidun::ui
