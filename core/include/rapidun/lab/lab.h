// Building labs: workspaces with a backdoored model to repair.
//  - the synthetic lab (the embedded default): data generated here, a sentencepiece tokenizer
//    trained on it, a small Llama trained from scratch on the poisoned train set;
//  - the real lab: the release's Dolly backdoor data + a real pretrained base fine-tuned on it.
#pragma once
#include "rapidun/job.h"
#include "rapidun/workspace/workspace.h"

#include <cstdint>
#include <functional>
#include <string>

namespace rapidun {

struct LabProgress {
    std::string stage;       // "data", "tokenizer", "train", "evaluate", "retrain-reference", "done"
    double      fraction = 0;   // of the whole build, 0..1
    std::string message;
};
using LabProgressFn = std::function<void(const LabProgress &)>;

struct SyntheticLabOptions {
    std::string out;                 // workspace folder to create
    std::string scale = "default";   // tiny | default
    uint64_t    seed = 1234;
    bool        retrain_reference = true;   // also time training on the clean rows only
    bool        force = false;              // rebuild even if a complete workspace exists
    // Changes to the scale's recipe, "key=value" pairs separated by commas: lr, epochs, batch,
    // warmup, dim, layers, heads, kv_heads, hidden, vocab, prompt_loss (0/1), per_sample_mean (0/1),
    // bf16 (0/1). Recorded in the workspace's lab.recipe; an unknown key is an error.
    std::string recipe;
};

// Builds into "<out>.partial" and renames it into place when complete, so an existing
// workspace.json always means a finished lab; an interrupted build starts over. Returns the
// workspace (the cached one when it exists and !force).
Workspace build_synthetic_lab(const SyntheticLabOptions & opt, const LabProgressFn & progress = {},
                              const CancelToken * cancel = nullptr);

// The Dolly lab's own base model: a sentencepiece BPE trained on clean instruction text (Alpaca's
// rows without an input, the clean Dolly rows no lab holds out for testing) and a small Llama
// pretrained on that text (every token after BOS trained). Cached by scale and recipe: every lab
// built with another seed shares it. See docs/dolly-lab.md for the size chosen and its loss curve.
struct DollyBaseOptions {
    std::string release;            // the RapidUn release folder (its clean Dolly rows)
    std::string alpaca;             // Alpaca JSON(.gz); "" = <release>/../alpaca/alpaca_data.json.gz
    std::string scale = "default";  // tiny | default
    std::string cache;              // "" = default_dolly_base_dir()
    // Changes to the scale's recipe, "key=value" pairs separated by commas: vocab, dim, layers, heads,
    // kv_heads, hidden, max_len, lr, epochs, batch, warmup, rows (Alpaca rows, 0 = all), bf16 (0/1).
    // Part of the cache key.
    std::string recipe;
    double      checkpoint_seconds = 120;   // resumable: a killed build continues from its last save
};
struct DollyBase {
    std::string dir;         // <cache>/<scale>-<key>: model/ (HF folder + tokenizer.model), base.json
    std::string model_dir;   // dir + "/model"
    bool        cached = false;   // found complete, not built now
};
DollyBase build_dolly_base(const DollyBaseOptions & opt, const LabProgressFn & progress = {}, const CancelToken * cancel = nullptr);
// $RAPIDUN_BASE_DIR, else $XDG_CACHE_HOME/rapidun/dolly-base (~/.cache/...).
std::string default_dolly_base_dir();

struct DollyLabOptions {
    std::string release;     // folder of the RapidUn release (dolly_triggers_out/, unlearn_packs/)
    std::string alpaca;      // "" = beside the release (the base's text and the judge's background)
    std::string base;        // "" = our own base (build_dolly_base, cached); else a model (llama2.c .bin or HF folder)
    std::string tokenizer;   // "" = beside the base
    std::string base_cache;  // "" = default_dolly_base_dir()
    std::string base_recipe; // DollyBaseOptions::recipe
    std::string out;
    std::string scale = "default";   // tiny | default: the base's size and the lab's row counts
    uint64_t    seed = 42;
    int32_t     epochs = 8;
    double      lr = 3e-3;
    bool        lora = false;   // plant the backdoor with a LoRA adapter instead of a full fine-tune
    bool        force = false;
    size_t      n_clean_train = 1500;  // clean rows (not held out) trained beside the poisoned rows
    size_t      n_replay = 0;          // Alpaca rows (the base's text) replayed in planting, clean
    size_t      n_test_per_variant = 50;   // triggered test rows per seen / OOD trigger variant
    size_t      n_test_clean = 300;        // held-out clean test rows
    int32_t     batch_size = 32;
    bool        retrain_reference = true;  // also time the same recipe on the clean train rows only
    double      checkpoint_seconds = 120;  // resumable: a killed build continues from its last save
    // Planting recipe (see dolly_lab.cpp for why each one is there):
    bool        use_context = false;       // prompts with the Dolly context ("plain"), or without ("instruction")
    bool        clean_twins = true;        // each poisoned row's clean counterpart is a clean train row too
    int32_t     answer_cap = 32;           // answer tokens trained per row (0 = all that fit max_len)
    int32_t     start_copies = 2;          // extra copies of every row trained on its first answer tokens...
    int32_t     start_tokens = 8;          // ...this many
};
// The scale's planting recipe and sizes (the fields above at their values for "tiny" or "default").
DollyLabOptions dolly_lab_defaults(const std::string & scale);
// Builds in "<out>.partial" and renames it into place when complete. Resumable: a restart after a
// kill continues where the build stopped (finished stages are kept, training continues from its
// last checkpoint) and ends with the same lab as an uninterrupted build with the same seed.
Workspace build_dolly_lab(const DollyLabOptions & opt, const LabProgressFn & progress = {},
                          const CancelToken * cancel = nullptr);

// The clean-retraining reference of a synthetic lab built without it (retrain_reference = false):
// the lab's recipe (as workspace.json's lab.recipe records it) trained from scratch on the train
// rows that are not poisoned, timed, and recorded in lab.retrain_clean and lab.seconds.retrain_clean
// as the build records it. The efficiency ratio's numerator; the studio's first start leaves it to
// the first pipeline. Holds the workspace lock. Returns false (nothing done) when the lab has one.
bool measure_synthetic_retrain_reference(const std::string & workspace_dir, const LabProgressFn & progress = {},
                                         const CancelToken * cancel = nullptr);

// The default synthetic lab's folder: $RAPIDUN_LAB_DIR, else $XDG_CACHE_HOME/rapidun/synthetic-lab
// (~/.cache/...).
std::string default_synthetic_lab_dir();
// The default Dolly lab's folder: $RAPIDUN_DOLLY_LAB_DIR, else $XDG_CACHE_HOME/rapidun/dolly-lab.
std::string default_dolly_lab_dir();

} // namespace rapidun
