// Pieces of the training loop shared by the fine-tuning loop (trainer.cpp) and the unlearning loop
// (unlearn/unlearn.cpp): right-padded micro-batches with answer-only targets, per-row answer NLL,
// CPU bf16 autocast, the train/eval mode switch and the LoRA parameter list. Private to core
// (includes torch). Shapes: B = rows in the micro-batch, T = its longest row, V = vocab.
#pragma once
#include "model/model_impl.h"
#include "rapidun/data/templates.h"

#include <ATen/autocast_mode.h>

#include <algorithm>
#include <vector>

namespace rapidun::train_detail {

// A right-padded micro-batch: ids [B,T], attention mask [B,T], targets [B,T-1] (-100 = no loss).
struct Batch {
    torch::Tensor ids, mask, targets;
    int64_t n_answer = 0;   // target tokens in the whole batch
};

// One row per sample, in the given order. prompt_loss: every token after the first is a target,
// not only the answer tokens.
inline Batch make_batch(const std::vector<const TokenizedSample *> & rows, bool prompt_loss = false) {
    int64_t T = 0;
    for (const TokenizedSample * s : rows) T = std::max<int64_t>(T, static_cast<int64_t>(s->ids.size()));
    const int64_t B = static_cast<int64_t>(rows.size());
    torch::Tensor ids  = torch::zeros({B, T}, torch::kInt64);
    torch::Tensor mask = torch::zeros({B, T}, torch::kBool);
    torch::Tensor tgt  = torch::full({B, T}, -100, torch::kInt64);
    auto ia = ids.accessor<int64_t, 2>();
    auto ma = mask.accessor<bool, 2>();
    auto ta = tgt.accessor<int64_t, 2>();
    Batch b;
    for (int64_t r = 0; r < B; r++) {
        const TokenizedSample & s = *rows[static_cast<size_t>(r)];
        for (size_t p = 0; p < s.ids.size(); p++) {
            ia[r][static_cast<int64_t>(p)] = s.ids[p];
            ma[r][static_cast<int64_t>(p)] = true;
            if (s.answer_mask[p] || (prompt_loss && p > 0)) {
                ta[r][static_cast<int64_t>(p)] = s.ids[p];   // predicted from position p-1
                b.n_answer++;
            }
        }
    }
    b.ids     = ids;
    b.mask    = mask;
    b.targets = tgt.narrow(1, 1, T - 1);
    return b;
}

// The samples order[begin..end) as one micro-batch.
inline Batch make_batch(const std::vector<TokenizedSample> & samples, const std::vector<size_t> & order, size_t begin,
                        size_t end, bool prompt_loss = false) {
    std::vector<const TokenizedSample *> rows;
    rows.reserve(end - begin);
    for (size_t i = begin; i < end; i++) rows.push_back(&samples[order[i]]);
    return make_batch(rows, prompt_loss);
}

// Answer-token CE per row [B] (sum over answer tokens, nats) and the logits-free forward around it.
inline torch::Tensor row_nll_sum(LlamaForCausalLM & net, const Batch & b, torch::ScalarType dtype) {
    const int64_t B = b.ids.size(0), T = b.ids.size(1);
    torch::Tensor pos    = torch::arange(T, torch::kInt64).unsqueeze(0).expand({B, T});
    torch::Tensor bias   = net->causal_bias(b.mask, dtype);
    torch::Tensor h      = net->hidden(b.ids, pos, bias);                               // [B,T,D]
    torch::Tensor logits = net->logits(h.narrow(1, 0, T - 1)).to(torch::kFloat32);     // [B,T-1,V]
    torch::Tensor nll    = torch::nn::functional::cross_entropy(
        logits.reshape({-1, logits.size(-1)}), b.targets.reshape({-1}),
        torch::nn::functional::CrossEntropyFuncOptions().ignore_index(-100).reduction(torch::kNone));
    return nll.view({B, T - 1}).sum(1);                                                 // [B]
}

// CPU autocast to bf16 for the scope (see TrainOptions::bf16_autocast).
struct Autocast {
    bool on;
    explicit Autocast(bool enable) : on(enable) {
        if (!on) return;
        at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
        at::autocast::set_cpu_enabled(true);
    }
    ~Autocast() {
        if (!on) return;
        at::autocast::set_cpu_enabled(false);
        at::autocast::clear_cache();
    }
};

// Puts the model in training mode for `params` and back to inference on scope exit.
struct TrainingMode {
    LlamaForCausalLM & net;
    std::vector<torch::Tensor> params;
    TrainingMode(LlamaForCausalLM & n, std::vector<torch::Tensor> p) : net(n), params(std::move(p)) {
        net->fuse_for_inference(false);
        for (auto & t : params) t.set_requires_grad(true);
        net->train();
    }
    ~TrainingMode() {
        for (auto & t : params) {
            t.set_requires_grad(false);
            t.mutable_grad() = torch::Tensor();
        }
        net->eval();
        net->fuse_for_inference(true);
    }
};

// The adapter's tensors, lora_A then lora_B of each adapted layer, in layer order
// (q, k, v, o, gate, up, down).
inline std::vector<torch::Tensor> lora_params(LlamaForCausalLM & net) {
    std::vector<torch::Tensor> out;
    for (auto & layer : net->model->layer_list) {
        for (LoraLinear * l : {&layer->self_attn->q_proj, &layer->self_attn->k_proj, &layer->self_attn->v_proj,
                               &layer->self_attn->o_proj, &layer->mlp->gate_proj, &layer->mlp->up_proj,
                               &layer->mlp->down_proj}) {
            if ((*l)->lora_A.defined()) {
                out.push_back((*l)->lora_A);
                out.push_back((*l)->lora_B);
            }
        }
    }
    return out;
}

} // namespace rapidun::train_detail
