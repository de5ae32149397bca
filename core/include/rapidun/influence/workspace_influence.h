// Influence over a workspace's own data sets: sketches of the forget, retain (and, for the
// ranking, train) rows cached under <ws>/cache/, the four directional views written under
// <ws>/influence/ (binary matrix + RapidIn's influence_results JSON), and the ranking of every
// training row by its mean influence on the forget set. Torch-free; the CLI and the studio call it.
#pragma once
#include "rapidun/influence/influence.h"
#include "rapidun/influence/sketch_cache.h"
#include "rapidun/job.h"
#include "rapidun/workspace/workspace.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

namespace rapidun {

// How a training row's influences on the forget rows become one ranking score. TracIn's signed
// mean cancels at a converged checkpoint: there the poisoned rows' gradients of the shifted loss
// sum to about zero, so their mean inner product with the forget rows does too (tiny lab: AUC 0.51).
// The magnitude of the alignment does not cancel.
enum class RankAggregate {
    Mean,       // mean_t I(t, z)                       (TracIn, signed)
    MeanAbs,    // mean_t |I(t, z)|
    CosMean,    // mean_t I(t, z) / (|s_t| |s_z|)
    CosAbs,     // mean_t |I(t, z)| / (|s_t| |s_z|)     (default)
};
const char *  rank_aggregate_name(RankAggregate a);   // "mean" "abs" "cos" "cos_abs"
RankAggregate parse_rank_aggregate(const std::string & name);

struct WorkspaceInfluenceOptions {
    InfluenceOptions           influence;           // parameter set, normalisation, loss, K, seed, batch
    bool                       params_given = false;   // false: LoRA when an adapter is given, else linear
    std::string                adapter;             // PEFT folder applied on top of the workspace model
    std::vector<InfluenceView> views = {InfluenceView::FF, InfluenceView::FR, InfluenceView::RF, InfluenceView::RR};
    bool                       rank_train = false;  // also sketch every train row and rank it
    RankAggregate              rank_by = RankAggregate::CosAbs;
    SketchDType                dtype = SketchDType::F32;
    bool                       overwrite_cache = false;   // recompute a cache whose manifest differs
    bool                       recompute_cache = false;   // sketch every row afresh (cold, for timing)
    int64_t                    top_k = 1000;        // list length in the RapidIn JSON
    // The train set's sketches are streamed from their cache in blocks of this many rows for the
    // ranking (never all in memory: 8,000 rows at K = 65,536 are 2 GiB; 64 measured fastest on the
    // default lab, 5.5 s against 6.4 s with 256 and 7.0 s with 16); the forget and retain
    // sketches (the test side, small) are read whole.
    int64_t                    row_block = 64;
    // Several processes (rapidun influence under scripts/launch.sh or torchrun): the sketching of
    // every set is sharded over the ranks; rank 0 writes the caches, the views, the ranking and the
    // summary, the other ranks only sketch and return {"rank", "world"}.
    ProcessGroup *             group = nullptr;
};

struct InfluenceJobProgress {
    std::string stage;          // "forget", "retain", "train" (sketching), "views", "rank"
    int64_t     done = 0, total = 0;   // rows of this stage
    double      eta_seconds = 0;       // of this stage
    double      fraction = 0;          // of the whole job, 0..1 (by rows to sketch)
};

// Returns the summary (also written to <ws>/influence/summary.json): settings, cache reuse, files,
// and with rank_train the ranking file and, where the train rows carry is_poisoned, detection_auc.
nlohmann::json run_workspace_influence(const Workspace & w, const WorkspaceInfluenceOptions & opt,
                                       const std::function<void(const InfluenceJobProgress &)> & progress = {},
                                       const CancelToken * cancel = nullptr);

// Token-wise explanation of one (test, train) pair: test row `test_index` of `test_role`
// (forget by default), train row `train_index` of `train_role` (train by default).
struct TokenExplanation {
    std::string              test_role, train_role;
    size_t                   test_index = 0, train_index = 0;
    std::string              test_id, train_id;
    double                   score = 0;                 // <s_test, sketch(g_train)>
    std::vector<std::string> pieces;                    // the train row's tokens
    std::vector<double>      contribution;              // per token; sums to score
    std::vector<uint8_t>     is_answer;                 // 1 for answer tokens
};
TokenExplanation explain_influence(const Workspace & w, const WorkspaceInfluenceOptions & opt, const std::string & test_role,
                                   size_t test_index, const std::string & train_role, size_t train_index);
// Several pairs with one model load and one sketch, each data set read once; in the pairs' order.
struct ExplainPair {
    std::string test_role;
    size_t      test_index = 0;
    std::string train_role;
    size_t      train_index = 0;
};
std::vector<TokenExplanation> explain_influence(const Workspace & w, const WorkspaceInfluenceOptions & opt,
                                               const std::vector<ExplainPair> & pairs);

// The options of the workspace's last influence run, from influence/summary.json (parameter set,
// names, loss, normalisation, seed, adapter, rank_by, K; rank_train on); the defaults when absent.
WorkspaceInfluenceOptions last_influence_options(const Workspace & w);

// explain_influence with last_influence_options(w), saved as
// influence/explanations/<test role>-<i>_<train role>-<j>.json (atomically) and read back while
// influence/summary.json is the one it was computed under (its FNV-1a hash is in the file). The
// studio's explanations go through here, so the rows a researcher looked at are in the report.
TokenExplanation saved_explanation(const Workspace & w, const std::string & test_role, size_t test_index,
                                   const std::string & train_role, size_t train_index);
// The same for several pairs: the saved ones read, the others computed together (one model load).
std::vector<TokenExplanation> saved_explanations(const Workspace & w, const std::vector<ExplainPair> & pairs);
// Every saved explanation that is still current, ordered by (train role, train row, test role, test row).
// A file that cannot be read is skipped (it is recomputed when asked for again).
std::vector<TokenExplanation> saved_explanations(const Workspace & w);

} // namespace rapidun
