// Forget-set scenarios: where do RapidUn's weights matter? The paper claims its advantage where the
// forget set is small or imbalanced; a user meets a forget set they curated from the ranking, or a
// smaller budget. Each scenario is the lab's pipeline (rapidun/unlearn/unlearn_job.h) rerun on a
// changed forget set or step budget, in a workspace of its own, W/scenarios/<name>/, which the
// studio opens like any other (its runs on the Compare page):
//
//   full      the lab's forget set and budget (the reference row)
//   small     `small_n` forget rows drawn at random (seeded) from the lab's: retain:forget 120:10
//   family    the forget rows of one trigger family only: do the other families' triggers go too?
//   curated   the top n_forget train rows of the influence ranking on the lab's forget set, as a
//             user would curate them: the false positives (clean rows) come in with their own
//             answers, which are then ascended (a row without a clean answer is only ascended)
//   quarter   the lab's forget set with a quarter of the steps (UnlearnOptions::budget 0.25; Fisher,
//             one-shot, is unchanged)
//
// The sub-workspace holds copies of the lab's data sets and detector (a workspace's data stay
// inside it), the scenario's forget set as data/forget.jsonl, the lab's record (metrics before,
// the clean-retraining reference) and reads the lab's model where it is. Everything the pipeline
// writes (caches, influence, weights, runs, reports/pipeline.json) stays in it. Torch-free.
#pragma once
#include "rapidun/data/records.h"
#include "rapidun/job.h"
#include "rapidun/unlearn/unlearn_job.h"
#include "rapidun/workspace/workspace.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

namespace rapidun {

struct ScenarioOptions {
    std::vector<std::string> names = {"full", "small", "family", "curated", "quarter"};
    int32_t         small_n = 10;       // forget rows of "small"
    uint64_t        small_seed = 42;    // which rows (never chosen by their results)
    std::string     family;             // "family": "" = the family with the most forget rows
    double          quarter = 0.25;     // "quarter": the budget
    PipelineOptions pipeline;           // methods, seeds, preset, influence (params, K), weights
};

// The scenario's forget rows from the lab's forget rows, or for "curated" the first forget.size()
// of `ranked_train` (the train rows, best ranked first); `about` receives what was chosen (the budget, the
// family, the curated rows' poisoned count and precision). Throws Error for an unknown name, a
// forget set without trigger families ("family"), no ranked rows ("curated"). Exposed for tests.
std::vector<Record> scenario_forget_rows(const std::string & name, const std::vector<Record> & forget,
                                         const std::vector<Record> & ranked_train, const ScenarioOptions & opt,
                                         nlohmann::json & about);

// Runs every scenario of opt.names in turn. Returns (and writes to W/reports/scenarios.json) per
// scenario: name, description, workspace (relative), n_forget, n_retain, budget, what was chosen,
// and per method the mean and spread over seeds of the pipeline's metrics after unlearning, plus
// seen_asr_by_family (family -> seen-trigger ASR after, seed mean) where the test rows carry
// trigger families; "before" holds the lab's metrics before unlearning, by family too.
nlohmann::json run_scenarios(const Workspace & w, const ScenarioOptions & opt,
                             const std::function<void(const std::string & stage, double fraction, const std::string & msg)> & progress = {},
                             const CancelToken * cancel = nullptr);

} // namespace rapidun
