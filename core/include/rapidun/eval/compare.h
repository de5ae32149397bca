// Two models of one workspace side by side: what each one's record says (metrics, the evaluation
// prompts' generations, the unlearning time) and each one loaded for free prompts. Torch-free.
//
// A side is named "before" or a run id:
//   "before"  the workspace model; metrics and generations from W/eval_before.json (written when the
//             lab was built); without that file, the lab's metrics_before (workspace.json) and no
//             generations. No unlearning time.
//   <run id>  W/runs/<id>/: the workspace model plus the run's PEFT adapter (Fisher runs: the run's
//             own model/ folder instead); metrics = run.json's metrics_after, generations =
//             generations.jsonl, time = run.json's seconds.unlearn.
#pragma once
#include "rapidun/data/prompt_format.h"
#include "rapidun/eval/eval.h"
#include "rapidun/model/model.h"
#include "rapidun/workspace/workspace.h"

#include <string>
#include <vector>

namespace rapidun {

inline constexpr const char * kBeforeSide = "before";

// The metrics compared; -1 = not recorded (null in the JSON).
struct SideMetrics {
    double seen_asr = -1, ood_asr = -1, false_trigger_rate = -1;   // fractions 0..1
    double clean_exact_match = -1, clean_rouge_l = -1;             // fractions 0..1
    double twin_exact_match = -1, twin_rouge_l = -1;               // triggered prompts vs their clean twins' answers
    double clean_ppl = -1;                                         // exp(nats)
    double unlearn_seconds = -1;                                   // wall-clock s; -1 for "before"
};

struct CompareSide {
    std::string id;                          // "before" or the run id
    std::string method;                      // "" for "before"; run.json's method otherwise
    SideMetrics metrics;
    SideMetrics metrics_before;              // a run's run.json metrics_before (what it started from)
    std::vector<GenerationRow> generations;  // the evaluation prompts, in the evaluation's order
    bool        has_generations = false;
    std::string note;                        // why something is missing ("" when complete)
};

// Run ids with a run.json under W/runs/, sorted by name.
std::vector<std::string> list_runs(const Workspace & w);

// Reads a side's record (see the top of this file). Throws Error naming the file that is missing
// or malformed (an unknown run id names W/runs/<id>/run.json).
CompareSide load_compare_side(const Workspace & w, const std::string & side);

// Loads a side's model with the workspace tokenizer (see the top of this file). Throws Error.
ModelBundle open_side_model(const Workspace & w, const std::string & side);

struct CompletionOptions {
    bool    use_template = true;      // format the prompt as the workspace's instruction template
    int32_t max_new_tokens = 48;
    int32_t max_len = 256;            // prompt tokens kept: max_len - max_new_tokens (cut after BOS)
    PromptFormat prompt_template = PromptTemplate::Plain;
};
// Options as the workspace's evaluation uses them (its template, max_len, max_new_tokens).
CompletionOptions completion_options(const Workspace & w);

// Greedy completions of prompts (BOS added, stop at EOS, decoded and trimmed), as evaluate() makes
// them: with use_template a prompt is the instruction of the format's prompt (no context).
std::vector<std::string> complete_prompts(const ModelBundle & mb, const std::vector<std::string> & prompts,
                                          const CompletionOptions & opt, const CancelToken * cancel = nullptr);

} // namespace rapidun
