// Fine-tuning (full or LoRA) with AdamW, a cosine schedule with linear warm-up, gradient clipping
// and accumulation, on tokenised samples with answer-only loss masks; and teacher-forced answer
// NLL for perplexity. Torch-free interface; the loop lives in core/src/train/trainer.cpp.
#pragma once
#include "rapidun/data/templates.h"
#include "rapidun/job.h"
#include "rapidun/model/model.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace rapidun {

struct TrainOptions {
    bool     lora = false;          // true: train a (new, or the attached) LoRA adapter only
    LoraSettings lora_settings;
    double   lr = 1e-3;
    double   weight_decay = 0.0;
    double   beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
    int32_t  epochs = 1;
    int32_t  batch_size = 8;        // samples per micro-batch
    int32_t  grad_accum = 1;        // micro-batches per optimiser step
    double   warmup_ratio = 0.0;    // linear warm-up over this fraction of the steps, then cosine to 0
    double   clip = 1.0;            // global L2 norm; <= 0 disables
    uint64_t seed = 0;              // sample order (and LoRA init)
    // Off by default: it changes the objective, since the loss is a token mean per batch and long
    // samples (the poisoned ones) then share batches instead of weighing in every batch.
    // Batches of similar length: after the shuffle, each window of 64 batches is sorted by length,
    // cut into batches, and the batches are shuffled again. Less padding, same samples per epoch.
    bool     length_buckets = false;
    // CPU autocast to bf16 for the forward pass (matmuls in bf16, master weights and optimiser in
    // fp32). oneDNN runs bf16 matmuls faster on CPUs with AVX512-BF16.
    bool     bf16_autocast = false;
    // Loss of a micro-batch: the mean over all its answer tokens (HF's default), or the mean over
    // samples of each sample's mean answer-token CE (RapidUn's per_sample_answer_ce). The latter
    // keeps long responses from outweighing short answers.
    bool     per_sample_mean = false;
    // Also train on the prompt tokens (every token after BOS), as in language-model pre-training.
    // For a model trained from scratch this is what teaches it to read: answer-only loss gives a
    // few hundred target tokens per batch and copying from the prompt is learned far more slowly.
    bool     prompt_loss = false;
    // Resumable training. With a checkpoint folder, the state (trainable parameters, AdamW's moments,
    // the RNG state at the start of the epoch, the step reached, the losses so far) is saved there
    // every checkpoint_seconds and after the last step, each save atomic (a kill at any moment leaves
    // the previous save or the new one). A run that finds a save made with the same settings and
    // samples continues from it and ends with the same model and losses as an uninterrupted run; one
    // made with other settings is refused with a message naming the folder.
    std::string checkpoint;
    double   checkpoint_seconds = 120;
};

struct TrainProgress {
    int64_t step = 0, total_steps = 0;
    int32_t epoch = 0;
    double  loss = 0.0;             // mean answer-token CE of the last optimiser step
    double  lr = 0.0;
    double  seconds = 0.0, eta_seconds = 0.0;
};

struct TrainReport {
    int64_t steps = 0;
    int64_t resumed_at_step = 0;    // > 0: continued from a checkpoint saved after this step
    int64_t n_samples = 0, n_answer_tokens = 0;
    double  seconds = 0.0;          // training time, the time before a resume included
    double  final_loss = 0.0;       // mean loss of the last epoch
    std::vector<double> loss_per_step;
    std::vector<double> seconds_per_step;   // training seconds at the end of each step (a loss-vs-time curve)
};

// Trains in place; the model keeps the result (with opt.lora, as an unmerged adapter).
TrainReport train_model(Model & model, const std::vector<TokenizedSample> & samples, const TrainOptions & opt,
                        const std::function<void(const TrainProgress &)> & progress = {},
                        const CancelToken * cancel = nullptr);

// Mean next-token CE (nats) of each sample's answer tokens given its prompt, batched.
std::vector<double> answer_nll(const Model & model, const std::vector<TokenizedSample> & samples, int32_t batch_size = 32);

// Cosine schedule with linear warm-up (HF get_cosine_schedule_with_warmup): lr at step s of T.
double cosine_lr(double base_lr, int64_t step, int64_t total_steps, int64_t warmup_steps);

} // namespace rapidun
