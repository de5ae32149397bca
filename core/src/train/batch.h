// Pieces of the training loop shared by the fine-tuning loop (trainer.cpp) and the unlearning loop
// (unlearn/unlearn.cpp): micro-batches with answer-only targets (model/batch.h), per-row answer NLL,
// CPU bf16 autocast, the train/eval mode switch and the LoRA parameter list. Private to core
// (includes torch). Shapes: B = rows in the micro-batch, T = its longest row, V = vocab.
#pragma once
#include "model/batch.h"
#include "model/model_impl.h"
#include "rapidun/data/templates.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>

#include <algorithm>
#include <vector>

namespace rapidun::train_detail {

using rapidun::Batch;

// Answer targets, or every token after the first with prompt_loss.
inline Targets loss_targets(bool prompt_loss) { return prompt_loss ? Targets::AllButFirst : Targets::Answer; }

// One row per sample, in the given order, on the network's device.
inline Batch make_batch(const LlamaForCausalLM & net, const std::vector<const TokenizedSample *> & rows, bool prompt_loss = false) {
    return rapidun::make_batch(rows, loss_targets(prompt_loss)).to(net->lm_head.device());
}

// The samples order[begin..end) as one micro-batch, on the network's device.
inline Batch make_batch(const LlamaForCausalLM & net, const std::vector<TokenizedSample> & samples,
                        const std::vector<size_t> & order, size_t begin, size_t end, bool prompt_loss = false) {
    return rapidun::make_batch(samples, order, begin, end, loss_targets(prompt_loss)).to(net->lm_head.device());
}

// Answer-token CE per row [B] (sum over answer tokens, nats) and the logits-free forward around it.
// The last position has no next token: its logit never carries loss and is not computed.
inline torch::Tensor row_nll_sum(LlamaForCausalLM & net, const Batch & b, torch::ScalarType dtype) {
    const int64_t B = b.ids.size(0), T = b.ids.size(1);
    torch::Tensor h      = batch_hidden(net, b, dtype);                                 // [B,T,D]
    torch::Tensor logits = net->logits(h.narrow(1, 0, T - 1)).to(torch::kFloat32);     // [B,T-1,V]
    torch::Tensor nll    = torch::nn::functional::cross_entropy(
        logits.reshape({-1, logits.size(-1)}), b.targets.narrow(1, 0, T - 1).reshape({-1}),
        torch::nn::functional::CrossEntropyFuncOptions().ignore_index(-100).reduction(torch::kNone));
    return nll.view({B, T - 1}).sum(1);                                                 // [B]
}

// CPU autocast to bf16 for the scope (see TrainOptions::bf16_autocast). LibTorch 2.4 made the
// per-device calls the API (the CPU-named ones remain, deprecated); 1.13 has only those.
struct Autocast {
    bool on;
    explicit Autocast(bool enable) : on(enable) {
        if (!on) return;
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
        at::autocast::set_autocast_dtype(at::kCPU, at::kBFloat16);
        at::autocast::set_autocast_enabled(at::kCPU, true);
#else
        at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
        at::autocast::set_cpu_enabled(true);
#endif
    }
    ~Autocast() {
        if (!on) return;
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
        at::autocast::set_autocast_enabled(at::kCPU, false);
#else
        at::autocast::set_cpu_enabled(false);
#endif
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
