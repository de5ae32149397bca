// The Weights page's compute engine (Qt-free): the four influence views of a workspace held in
// memory, and RapidUn's score -> weight mapping recomputed fast enough to follow a slider.
//
// rapidun_weights() re-aggregates every view on each call: a dense [n_test, n_train] top-k matrix
// per view and a median per train row (seconds for a 52,002-row retain set). Here each view's lists
// are sorted once per (helpful / harmful, per-test robust), an aggregate is cached per (view, top-k,
// rank mode, robust), and the median over tests is taken over the k listed values of a row plus its
// implicit zeros (sparse: O(n_test k log) instead of O(n_test n_train)). Only fusion and map_scores()
// (core) run on a knob that is not an aggregation knob. The result equals rapidun_weights() bit for
// bit: the same operations in the same order (tests compare to 1e-9). In value mode the listed values
// do not depend on k, so each row's values are sorted once and a new k costs one pass over them; rank
// mode rebuilds and sorts the k listed ranks per row. A list that core would treat
// specially (a train index twice in one test, an index out of range, no test rows) goes through
// core's aggregate_view() instead.
//
// Threading: load() may run on any thread; a loaded engine is then used by one thread at a time
// (compute() fills caches).
#pragma once
#include "rapidun/unlearn/weights.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace rapidun::ui {

// A workspace's influence folder as `rapidun weights --workspace` reads it:
// influence_results_<n>_{FTF,FTR,RTF,RTR}.json, n = the view's train rows.
struct InfluenceViewFiles {
    std::string dir;
    std::string ff, fr, rf, rr;   // absolute paths
    int64_t     nForget = 0, nRetain = 0;
};
// nullopt when the folder is missing or holds none of the four files (influence not computed yet).
// Throws rapidun::Error when it holds some but not all, two files of one tag, or FTR / RTF row counts
// that differ from FTF / RTR.
std::optional<InfluenceViewFiles> findInfluenceViews(const std::string & dir);

class WeightsEngine {
public:
    WeightsEngine(RapidInResults ff, RapidInResults fr, RapidInResults rf, RapidInResults rr, int64_t nForget,
                  int64_t nRetain);
    // Reads the four JSON files and prepares the paper preset's aggregates (seconds for big files).
    static std::shared_ptr<WeightsEngine> load(const InfluenceViewFiles & files);

    // Equals rapidun_weights(ff, fr, rf, rr, nForget, nRetain, opt); throws what it throws
    // (rapidun::Error for tau <= 0, w_min > w_max, top-k < 1, ...).
    RapidUnWeights compute(const WeightOptions & opt);

    int64_t nForget() const { return nForget_; }
    int64_t nRetain() const { return nRetain_; }
    int64_t longestList() const { return longestList_; }   // longest helpful list of any test row
    const RapidInResults & view(InfluenceView v) const;

private:
    // One view's test rows, each row's (train index, value) pairs in top-k order, concatenated.
    struct SortedLists {
        std::vector<size_t>  offset;   // [n_test + 1] into index / value
        std::vector<int64_t> index;
        std::vector<double>  value;
        bool                 useCore = false;   // a case core treats specially: aggregate through core
        // The same entries by train row, each row's ascending by value, with their rank j in their test
        // row (value mode: entry (t, j) counts for top-k exactly when j < k). Built on first use.
        std::vector<size_t>  itemStart;   // [n_train + 1]
        std::vector<double>  itemValue;
        std::vector<int32_t> itemRank;
    };
    using ListKey = std::tuple<int, bool, bool>;                  // view, harmful, per-test robust
    using AggKey  = std::tuple<int, bool, bool, int64_t, bool>;   // view, harmful, robust, top-k, rank

    SortedLists & sorted(InfluenceView v, bool harmful, bool robust);
    static void indexByItem(SortedLists & s, int64_t nTrain);
    static std::vector<double> valueModeMedians(const SortedLists & s, int64_t k, int64_t nTrain);
    static std::vector<double> rankModeMedians(const SortedLists & s, int64_t k, int64_t nTrain);
    const std::vector<double> & aggregate(InfluenceView v, const AggregateOptions & opt, bool harmful);
    int64_t nTrain(InfluenceView v) const;

    RapidInResults ff_, fr_, rf_, rr_;
    int64_t        nForget_ = 0, nRetain_ = 0, longestList_ = 0;
    std::map<ListKey, SortedLists>         lists_;
    std::map<AggKey, std::vector<double>> aggregates_;   // bounded: cleared past kMaxAggregates
};

} // namespace rapidun::ui
