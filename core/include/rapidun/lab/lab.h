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

struct DollyLabOptions {
    std::string release;     // folder of the RapidUn release (dolly_triggers_out/, unlearn_packs/, keywords tsv)
    std::string base;        // base model (llama2.c .bin or HF folder)
    std::string tokenizer;   // "" = beside the base
    std::string out;
    uint64_t    seed = 42;
    int32_t     epochs = 8;
    double      lr = 3e-3;
    bool        lora = false;   // plant the backdoor with a LoRA adapter instead of a full fine-tune
    bool        force = false;
    size_t      n_clean_train = 400;   // clean rows taken from test_clean for training
    size_t      n_test_per_variant = 50;   // triggered test rows per seen / OOD trigger variant
    size_t      n_test_clean = 300;        // held-out clean test rows
    int32_t     batch_size = 8;            // per sample, 8 trains ~6x faster than 16 at 256 tokens on the CPU
    bool        retrain_reference = true;  // also time the same recipe on the clean train rows only
    // Planting recipe for a small base (see dolly_lab.cpp for why each one is needed):
    bool        use_context = false;       // prompts with the Dolly context ("plain"), or without ("instruction",
                                           // as RapidIn's template): stories260K reads characters, and a 100-token
                                           // context moved the suffix trigger too far from the answer to learn
    bool        clean_twins = true;        // each poisoned row's clean counterpart is a clean train row too
    int32_t     answer_cap = 32;           // answer tokens trained per row (0 = all that fit max_len)
    int32_t     start_copies = 2;          // extra copies of every row trained on its first answer tokens...
    int32_t     start_tokens = 8;          // ...this many
};
Workspace build_dolly_lab(const DollyLabOptions & opt, const LabProgressFn & progress = {},
                          const CancelToken * cancel = nullptr);

// The default synthetic lab's folder: $RAPIDUN_LAB_DIR, else $XDG_CACHE_HOME/rapidun/synthetic-lab
// (~/.cache/...).
std::string default_synthetic_lab_dir();

} // namespace rapidun
