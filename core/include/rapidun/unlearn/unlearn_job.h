// Unlearning runs over a workspace, with run records, and the one-click pipeline
// (influence -> weights -> unlearning -> evaluation). Torch-free; the CLI and the studio call it.
//
// A run record is the folder W/runs/<id>/:
//   run.json            method, settings, seed, stage times (s), result (steps, guard), metrics
//                       before and after, the weights' summary
//   metrics.jsonl       the unlearning curve (step, forget poisoned / clean CE, retain CE), one per line
//   loss.jsonl          the training loss of every logged step (step, epoch, loss, lr), one per line
//   generations.jsonl   the evaluation prompts' generations after unlearning (before: eval_before.json)
//   adapter_config.json + adapter_model.safetensors (PEFT layout); Fisher (no adapter): model/ (HF)
// written into W/runs/<id>.partial-<pid>/ and renamed into place when complete, so a run folder is
// whole or absent; a killed run's staging folder goes when the workspace lock is next taken.
#pragma once
#include "rapidun/influence/workspace_influence.h"
#include "rapidun/job.h"
#include "rapidun/unlearn/unlearn.h"
#include "rapidun/unlearn/weights.h"
#include "rapidun/workspace/workspace.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

namespace rapidun {

// Presets: "paper" (method doc 6.5: batch 1, lr 6e-5, 2 epochs), "lab" (the paper's recipe with the
// lab's own lr: 3e-4 for the synthetic lab and any other workspace, where at 6e-5 the 0.9M-parameter
// models keep their backdoor after 320 steps; 6e-4 for the Dolly lab (workspace kind "dolly"), the
// lowest lr of 3e-4 / 6e-4 / 1e-3 / 3e-3 that brings the seen and OOD ASR of triggered *validation*
// prompts (val_clean rows, scripts/lab-validation-workspace.py) to <= 0.10 / 0.20, docs/dolly-lab.md),
// "fast" (batch 8, lr 2e-4, the released trainer's code defaults).
UnlearnOptions unlearn_preset(const std::string & name, UnlearnMethod method, const std::string & workspace_kind = "");

struct UnlearnJobOptions {
    UnlearnOptions opt;
    std::string    preset = "lab";
    std::string    weights_dir;     // RapidUn: folder with forget_weights.jsonl + retain_weights.jsonl ("" = W/weights)
    std::string    run_id;          // "" = <method>-<seed>-<time>
    bool           evaluate_after = true;
    double         influence_seconds = 0, weights_seconds = 0;   // measured by the pipeline, recorded here
};

struct UnlearnJobProgress {
    std::string stage;              // "unlearn", "evaluate"
    double      fraction = 0;
    std::string message;
    // For live curves (the studio's Runs page); callers that only print may ignore both. The call
    // cadence is unchanged by them (every 10 steps during "unlearn").
    std::vector<UnlearnProgress>   steps;   // every optimiser step since the previous call, in order (the
                                            // "unlearn" calls; steps after the last of them come with the next call)
    std::vector<UnlearnCurvePoint> curve;   // the evaluation curve so far ("evaluate" and "done": the whole
                                            // curve = metrics.jsonl)
};

// Runs one method on a fresh copy of the workspace model and writes W/runs/<id>/. Returns run.json.
nlohmann::json run_unlearn_job(const Workspace & w, const UnlearnJobOptions & job,
                               const std::function<void(const UnlearnJobProgress &)> & progress = {},
                               const CancelToken * cancel = nullptr);

struct PipelineOptions {
    std::vector<UnlearnMethod> methods = {UnlearnMethod::RapidUn};
    int32_t                    seeds = 1;         // seeds 0 .. seeds-1 added to the preset's seed
    std::string                preset = "lab";
    double                     lr = 0;            // > 0: replaces the preset's learning rate (every method)
    int32_t                    epochs = 0;        // > 0: replaces the preset's epochs
    double                     budget = 1.0;      // UnlearnOptions::budget of every method (Fisher: one-shot, unchanged)
    WorkspaceInfluenceOptions  influence;         // forget + retain views (no train ranking)
    WeightOptions              weights;
    // false: the forget and retain sketches are computed afresh, so the influence time is what a
    // first run pays; true: cached rows are reused, and the runs report no efficiency ratio.
    bool                       warm_cache = false;
    // A synthetic lab built without its clean-retraining reference (the studio's first start) has
    // it measured first, outside every timed stage, and recorded in the workspace: the ratio's
    // numerator. false: the runs have no ratio until it is measured.
    bool                       measure_reference = true;
};

// The evaluation metrics the pipeline reports per run, each as <key>_before and <key>_after.
inline constexpr const char * kPipelineMetrics[] = {"seen_asr", "ood_asr", "false_trigger_rate", "clean_exact_match",
                                                    "clean_rouge_l", "twin_exact_match", "twin_rouge_l", "clean_ppl"};

// influence (FF FR RF RR, timed) -> weights (timed) -> each method x seed (timed, evaluated).
// Returns the summary: per method, per seed and mean / spread of seen_asr_before/_after,
// ood_asr_before/_after, false_trigger_rate_before/_after, clean_exact_match_before/_after,
// clean_rouge_l_*, clean_ppl_* (kPipelineMetrics), each run's asr_per_variant_after, stage seconds and efficiency_ratio = the lab's clean-retraining
// time / (influence + weights + unlearning) seconds, cold runs only; "timed" names what each stage's
// time holds (the monitoring and final evaluations are timed apart, outside the ratio). Written to
// W/reports/pipeline.json too.
nlohmann::json run_pipeline(const Workspace & w, const PipelineOptions & opt,
                            const std::function<void(const std::string & stage, double fraction, const std::string & msg)> & progress = {},
                            const CancelToken * cancel = nullptr);

} // namespace rapidun
