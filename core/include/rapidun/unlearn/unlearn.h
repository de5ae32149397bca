// Stage 4 of RapidUn (method doc 6) and its baselines (doc 9): weighted LoRA unlearning of a
// poisoned (backdoored) model. Torch-free interface; the loop lives in core/src/unlearn/unlearn.cpp.
//
// Data. A forget row gives two tokenised samples under the SAME triggered prompt x_i: the poisoned
// answer y_i^poi and (when the row has one) the clean answer y_i^cln; a retain row gives (x_j, y_j).
// Loss masks cover the answer tokens only.
//
// Per-sample loss (doc 6.3): CE(x, y) = (1 / max(1, |A|)) sum_{p in A} -log p_theta(u_{p+1} | u_<=p),
// nats, A = the answer positions (shifted next-token CE, mean over the sample's own answer tokens).
// log pi_theta(y | x) = -(sum over A of the same token CE), the sequence log-likelihood (NPO).
//
// Objective of a mini-batch B (items drawn with replacement, see "Sampling"):
//     L(B) = (1 / |B|) * ( sum_{j in B ∩ D_r} w_r[j] CE(x_j, y_j)  +  sum_{i in B ∩ D_f} w_f[i] l_i )
// where the forget term l_i depends on the method:
//   RapidUn  l_i = beta_desc CE(x_i, y_i^cln) - alpha_asc CE(x_i, y_i^poi); w_f, w_r from the
//            influence mapping (rapidun/unlearn/weights.h), given by the caller. alpha 1.0, beta 0.5.
//            A forget row without a clean answer (curated from the train rows) has l_i = -alpha_asc
//            CE(x_i, y_i^poi) under RapidUn, GAGD and LoReUn: nothing to descend on.
//   GAGD     the RapidUn objective with w_f = w_r = 1 (the doc's reading of the paper's "GA"
//            baseline, doc 9: ascent on poisoned, descent on clean and on retain).
//   LoReUn   the RapidUn objective with w_r = 1 and static forget weights from the initial model's
//            poisoned-answer CE L_i (doc 6.6): w~_i = exp((L_i - median L) / tau) ("hard_high", the
//            released code) or exp((median L - L_i) / tau) ("paper", LoReUn's stated rule: more
//            weight on low-loss, hard-to-forget samples); w = clip(w~ / mean w~, 0.5, 3.0), clipped
//            AFTER normalising (as the code does, so mean w need not be 1). tau 0.8.
//   GA       l_i = -alpha_asc CE(x_i, y_i^poi), w_f = 1, no retain term, no clean descent. The
//            sampler draws forget items only (N_f draws per epoch): retain draws would be steps
//            with zero loss that still move the adapter through AdamW's momentum.
//   NPO      (Zhang et al. 2024) l_i = (2 / beta_npo) log(1 + (pi_theta(y^poi|x) / pi_ref(y^poi|x))^beta_npo)
//            = (2 / beta_npo) softplus(beta_npo (log pi_theta - log pi_ref)), w_f = w_r = 1, plus the
//            retain CE term. pi_ref = the model before the adapter is attached (equal to the model
//            with the adapter disabled, since a new adapter starts at B = 0); its log-probabilities
//            are computed once, before training. At theta = ref, l_i = (2 / beta_npo) ln 2.
//   Fisher   (Golatkar et al. 2020, "Eternal Sunshine") one-shot, NO training loop, NO adapter:
//            on the LoRA-free model, over the base weight W [out, in] of every linear layer named in
//            lora.targets (q/k/v/o/gate/up/down of every block; embeddings, norms and the head stay),
//                F = (1 / N_r) sum_{j in D_r} (d log pi_theta(y_j | x_j) / dW)^2     (elementwise, diagonal)
//                W <- W + (lambda sigma_h^2)^(1/4) (F + floor)^(-1/4) eps,   eps ~ N(0, I) from `seed`,
//            with per-sample gradients (one backward per retain row, log pi = -(sum of answer CE)).
//            The perturbed base weights stay in the model: save it with Model::export_hf (there is
//            no adapter to save). Perturbing a fresh adapter would be meaningless (B = 0, F_A = 0).
//
// Every method except Fisher attaches a NEW LoRA adapter (LoraSettings: r 16, alpha 16, dropout
// 0.05, all seven projections, seed = UnlearnOptions::seed) and trains only the adapter; the result
// stays attached, unmerged (save it with Model::save_adapter).
//
// Sampling (doc 6.5): ConcatDataset(retain, forget) item k < N_r is retain k, else forget k - N_r.
// WeightedRandomSampler with replacement: N_r + N_f draws per epoch, each item drawn with probability
// retain_share / N_r (retain) or (1 - retain_share) / N_f (forget), 0.75 : 0.25 = 3:1. Our own
// mt19937_64 draws: a group by a 53-bit uniform, then an index uniform within the group (the same
// distribution as per-item probabilities). Steps per epoch = ceil(draws / batch_size); the last batch
// of an epoch may be short, and |B| is the actual size. Optimiser: AdamW (lr 6e-5, wd 0, betas 0.9,
// 0.999, eps 1e-8), cosine from lr to 0 over T steps without warm-up, global-norm clip 1.0, batch 1,
// 2 epochs: T = 2 (N_r + N_f) (= 320 for the release's 120 + 40 rows).
//
// Guards: ascent is unbounded. Each step's forward is a check of the current adapter: a
// non-finite loss or gradient norm, a forget item's poisoned CE above max_forget_ce (nats), or a
// retain item's CE above retain_blowup x max(its initial CE, the initial retain mean) stops the run;
// the adapter is then restored to the last state that passed the check (a copy of the LoRA
// tensors is kept every snapshot_every good steps), and the result says why. The state after the
// last step is checked by the final evaluation the same way. A cancel (CancelToken) also restores
// the last good state and returns with cancelled = true (no exception).
#pragma once
#include "rapidun/data/prompt_format.h"
#include "rapidun/data/records.h"
#include "rapidun/data/templates.h"
#include "rapidun/job.h"
#include "rapidun/model/model.h"
#include "rapidun/text/tokenizer.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace rapidun {

enum class UnlearnMethod { RapidUn, GA, GAGD, LoReUn, Fisher, NPO };
const char * unlearn_method_name(UnlearnMethod m);        // "rapidun" "ga" "gagd" "loreun" "fisher" "npo"
UnlearnMethod parse_unlearn_method(const std::string & name);   // throws Error listing the names
bool method_needs_clean(UnlearnMethod m);                 // RapidUn, GAGD, LoReUn descend on y^cln

enum class LoReUnDirection {
    HardHigh,   // exp((L_i - median) / tau): more weight on high loss (the released code)
    Paper,      // exp((median - L_i) / tau): more weight on low loss (LoReUn's stated rule)
};
const char * loreun_direction_name(LoReUnDirection d);    // "hard_high" | "paper"
LoReUnDirection parse_loreun_direction(const std::string & name);

// --- data ---------------------------------------------------------------------------------------

struct UnlearnSample {
    std::string     id;        // the record's id, for messages
    TokenizedSample target;    // forget: triggered prompt + poisoned answer; retain: prompt + response
    TokenizedSample clean;     // forget: the same prompt + the clean answer; empty ids when none
    bool has_clean() const { return !clean.ids.empty(); }
};

struct UnlearnSet {
    std::vector<UnlearnSample> forget, retain;
};

struct UnlearnDataOptions {
    PromptFormat   prompt_template = PromptTemplate::Chat;   // the release unlearns with its chat template
    int32_t        max_len = 256;                            // tokens, BOS included (tokenize_sample's rule)
    bool           add_eos = false;                          // the release appends no EOS (doc 6.2)
    int32_t        max_answer = 0;                           // answer tokens kept (0 = all; Workspace::max_answer)
};

// Prompt = the format's prompt for (instruction, context) (the instruction as given: for a forget
// row, the triggered one). Forget answers: poisoned = response_poisoned, or `response` when that is
// empty (a train row curated into the forget set, flagged is_poisoned or not: the answer the user
// asked to forget); clean = response_clean (none when empty: the methods that descend on it, RapidUn,
// GA+GD and LoReUn, only ascend such a row). Retain answer: response_clean when present, else
// response (doc 6.2). Throws Error naming the row id for any empty answer.
UnlearnSet build_unlearn_set(const Tokenizer & tok, const std::vector<Record> & forget, const std::vector<Record> & retain,
                             const UnlearnDataOptions & opt = {});

// --- options ------------------------------------------------------------------------------------

struct UnlearnOptions {
    UnlearnMethod method = UnlearnMethod::RapidUn;
    LoraSettings  lora;                 // r 16, alpha 16, dropout 0.05, all seven targets; seed := `seed`
    double   lr = 6e-5;
    double   weight_decay = 0.0;
    double   beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
    int32_t  epochs = 2;
    int32_t  batch_size = 1;            // items per optimiser step; a forget item is 1 or 2 rows
    double   warmup_ratio = 0.0;        // linear warm-up fraction of T, then cosine to 0
    double   clip = 1.0;                // global L2 norm of the adapter's gradient; <= 0 disables
    double   retain_share = 0.75;       // P(draw is retain) = retain:forget 3:1; in [0, 1)
    uint64_t seed = 42;                 // sampler, LoRA init, LoRA dropout, Fisher noise
    int64_t  max_steps = 0;             // stop after this many steps (schedule still over T); 0 = T
    // A step budget: the run takes ceil(budget * T) steps and its warm-up and cosine are laid over
    // those (a user with a quarter of the time sets 0.25; max_steps instead cuts a full schedule).
    // In (0, 1]; the sampler's draws are the same, the run stops sooner.
    double   budget = 1.0;

    double   alpha_asc = 1.0;           // ascent on the poisoned answer (RapidUn, GAGD, LoReUn, GA)
    double   beta_desc = 0.5;           // descent on the clean answer (RapidUn, GAGD, LoReUn)

    LoReUnDirection loreun_direction = LoReUnDirection::HardHigh;
    double   loreun_tau = 0.8, loreun_w_min = 0.5, loreun_w_max = 3.0;

    double   npo_beta = 0.1;

    // Fisher: scale = (fisher_lambda * fisher_sigma_h^2)^(1/4); 0 = no perturbation. The scale
    // has no paper value (doc 9): sweep it. F is floored additively: (F + fisher_floor)^(-1/4).
    double   fisher_lambda = 1e-8;
    double   fisher_sigma_h = 1.0;
    double   fisher_floor = 1e-8;

    // Guards (see the top of this file). <= 0 disables the respective cap.
    double   max_forget_ce = 30.0;      // nats, a forget item's poisoned-answer CE
    double   retain_blowup = 5.0;       // x max(initial CE of the item, initial retain mean)
    int64_t  snapshot_every = 1;        // good steps between copies of the adapter

    // Curves: forget poisoned / clean CE and retain CE (means over the first eval_max_rows rows of
    // each set), at step 0, every eval_every steps (0 = only start and end) and at the end.
    int64_t  eval_every = 80;
    int64_t  eval_max_rows = 512;
    int64_t  log_every = 1;             // progress callback cadence, steps

    int64_t  rows_per_forward = 16;     // rows per forward pass (a forget item's pair never split)
    bool     bf16_autocast = false;     // CPU autocast to bf16 for the forward (see TrainOptions)
};

// The paper's settings are the defaults above. "fast": micro-batches of 8 items (a forget item's
// clean and poisoned rows share the forward), lr 2e-4 (the released trainer's own code defaults for
// batch 8, doc 10), eval every 10 steps; T = 2 ceil((N_r + N_f) / 8).
UnlearnOptions unlearn_fast_preset(UnlearnMethod m = UnlearnMethod::RapidUn);

// --- pieces (exposed for tests and the studio) ----------------------------------------------------

// n_draws sampler draws (see Sampling above), as ConcatDataset(retain, forget) indices. With
// n_retain == 0 every draw is a forget item. Throws Error on n_forget == 0 or a share outside [0, 1).
std::vector<int64_t> mixture_draws(int64_t n_retain, int64_t n_forget, double retain_share, int64_t n_draws, uint64_t seed);

// LoReUn's static forget weights from per-sample losses (see the top of this file).
std::vector<double> loreun_weights(const std::vector<double> & losses, LoReUnDirection dir, double tau = 0.8,
                                   double w_min = 0.5, double w_max = 3.0);

// A method's objective with everything resolved: the weights used and NPO's reference.
struct UnlearnObjective {
    UnlearnMethod method = UnlearnMethod::RapidUn;
    double alpha_asc = 1.0, beta_desc = 0.5, npo_beta = 0.1;
    std::vector<double> forget_weights;   // [N_f]
    std::vector<double> retain_weights;   // [N_r] (unused by GA)
    std::vector<double> npo_ref_logp;     // NPO: log pi_ref(y_i^poi | x_i), nats, [N_f]
};

// Resolves opt.method's weights (RapidUn: the given ones, which must have N_f / N_r finite,
// non-negative entries; the other methods take none and throw when given some) and, on the model
// as it is now (call it before the unlearning adapter is attached), LoReUn's initial losses and
// NPO's reference log-probabilities. Throws Error naming the row when the method needs a clean
// answer a forget row lacks. Fisher has no objective (throws).
UnlearnObjective make_objective(const Model & model, const UnlearnSet & data, const UnlearnOptions & opt,
                                const std::vector<double> & forget_weights = {},
                                const std::vector<double> & retain_weights = {});

struct UnlearnBatchLoss {
    double loss = 0.0;                    // L(B)
    double retain_term = 0.0;             // (1/|B|) sum_j w_r[j] CE_j
    double forget_term = 0.0;             // (1/|B|) sum_i w_f[i] l_i           (loss = the sum of both)
    std::vector<double> item_term;        // per item: w * (CE_j or l_i), before the 1/|B|
    std::vector<double> poisoned_ce;      // per item, nats; NaN for retain items
    std::vector<double> clean_ce;         // per item; NaN for retain items and when not needed
    std::vector<double> retain_ce;        // per item; NaN for forget items (and for GA, which skips them)
};

// The objective of one mini-batch (`items` as ConcatDataset indices) at the model's current state,
// in eval mode (no dropout): the same computation a training step does. With `adapter_grad`, also
// dL/d(adapter), flattened in the order lora_A, lora_B of each adapted layer (q, k, v, o, gate, up,
// down, layer by layer); the model must carry an unmerged adapter then.
UnlearnBatchLoss unlearn_batch_loss(Model & model, const UnlearnSet & data, const std::vector<int64_t> & items,
                                    const UnlearnObjective & obj, std::vector<float> * adapter_grad = nullptr,
                                    int64_t rows_per_forward = 16);

// Fisher diagonal over the base weights of the target linear layers (see the top of this file),
// on the model as it is (it must carry no adapter), from the given samples (retain targets).
struct FisherDiagonal {
    std::vector<std::string>        names;    // "model.layers.0.self_attn.q_proj.weight"
    std::vector<std::vector<int64_t>> shapes; // [out, in]
    std::vector<std::vector<float>> values;   // row-major
};
FisherDiagonal fisher_diagonal(const Model & model, const std::vector<TokenizedSample> & samples,
                               const std::vector<std::string> & targets, const CancelToken * cancel = nullptr);

// --- the run --------------------------------------------------------------------------------------

// Fisher's curve has two points: before (step 0) and after its update (step 1).
struct UnlearnCurvePoint {
    int64_t step = 0;
    double  forget_poisoned_ce = 0.0;   // nats, mean over the evaluated forget rows
    double  forget_clean_ce = 0.0;      // NaN when no forget row has a clean answer
    double  retain_ce = 0.0;            // NaN when there are no retain rows
};

struct UnlearnProgress {
    int64_t step = 0, total_steps = 0;
    int32_t epoch = 0;
    double  loss = 0.0, lr = 0.0;
    double  seconds = 0.0, eta_seconds = 0.0;
    std::vector<UnlearnCurvePoint> curve;   // the evaluation curve so far (a few dozen points), for live plots
};

struct FisherStats {
    int64_t n_params = 0;               // perturbed elements
    double  scale = 0.0;                // (lambda sigma_h^2)^(1/4)
    double  mean_fisher = 0.0;          // mean of F over the perturbed elements
    double  relative_change = 0.0;      // ||delta W|| / ||W|| over the perturbed weights
};

struct UnlearnResult {
    UnlearnMethod method = UnlearnMethod::RapidUn;
    int64_t steps = 0;                  // optimiser steps taken (Fisher: 1, its one-shot update)
    int64_t total_steps = 0;            // T of the schedule
    int64_t n_retain_draws = 0, n_forget_draws = 0;
    double  seconds = 0.0;              // the whole run (steady_clock), evaluations included
    double  eval_seconds = 0.0;         // of which the curve evaluations
    std::vector<double> loss_per_step;  // L(B) of each step taken
    std::vector<UnlearnCurvePoint> curve;
    std::vector<double> forget_weights, retain_weights;   // the weights used
    bool        stopped_early = false;  // a guard fired (see reason)
    std::string reason;                 // why it stopped early; "" otherwise
    int64_t     last_good_step = 0;     // the step count of the adapter left in the model
    bool        cancelled = false;
    FisherStats fisher;                 // Fisher only
};

// Runs opt.method on the model in place (see the top of this file). The model must carry no
// adapter (a poisoning adapter must be merged into the weights and the model reloaded first).
// forget_weights / retain_weights: RapidUn's mapped weights (empty for the other methods).
UnlearnResult run_unlearning(Model & model, const UnlearnSet & data, const UnlearnOptions & opt,
                             const std::vector<double> & forget_weights = {},
                             const std::vector<double> & retain_weights = {},
                             const std::function<void(const UnlearnProgress &)> & progress = {},
                             const CancelToken * cancel = nullptr);

} // namespace rapidun
