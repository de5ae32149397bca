// The one batch builder of core: right-padded batches of tokenized samples with per-position
// targets, for training, unlearning, the likelihoods of evaluation and the per-sample gradient
// capture of influence, and the cache-free forward over such a batch. Private to core (includes
// torch). Shapes: B = rows in the batch, T = its longest row, D = dim.
#pragma once
#include "model/llama.h"
#include "rapidun/data/templates.h"

#include <string>
#include <vector>

namespace rapidun {

// Which logits carry loss, and on which token.
enum class Targets {
    Answer,        // next-token: the logit at p-1 on answer token p (p >= 1)
    AllButFirst,   // next-token on every token after the first (prompt loss)
    RapidIn,       // the RapidIn release's convention: the logit at p on token p itself, for p >= n_prompt-1
};

struct Batch {
    torch::Tensor        ids;       // [B,T] int64, right-padded with 0
    torch::Tensor        mask;      // [B,T] bool, true = real token
    torch::Tensor        targets;   // [B,T] int64: the token the logit at position p is scored on; -100 = none
    std::vector<int64_t> lens;      // real tokens per row
    int64_t              n_scored = 0;   // targets in the whole batch

    Batch to(const torch::Device & device) const;   // the tensors on `device` (a no-op where they are)
};

// One row per sample, in the given order, on the host.
Batch make_batch(const std::vector<const TokenizedSample *> & rows, Targets targets);
// The samples order[begin..end) as one batch.
Batch make_batch(const std::vector<TokenizedSample> & samples, const std::vector<size_t> & order, size_t begin,
                 size_t end, Targets targets);

// Throws, naming `what` (e.g. "influence: sample 12"), unless the sample has tokens, one mask entry
// per token, at most cfg.max_seq_len tokens and every id inside the vocabulary.
void check_sample(const ModelConfig & cfg, const TokenizedSample & s, const std::string & what);

// The forward of a whole batch without cache: RoPE positions 0..T-1, causal + padding mask in
// `dtype`; returns the final hidden states [B,T,D]. hooks: see ForwardHooks.
torch::Tensor batch_hidden(LlamaForCausalLM & net, const Batch & b, torch::ScalarType dtype,
                           ForwardHooks * hooks = nullptr);

} // namespace rapidun
