// Private to core/influence: the capturing forward and backward of the batched per-sample
// gradients (see the top of grads.cpp for the maths), shared by grads.cpp (the public API) and
// grads_capture.cpp (the machinery). Shapes: B = micro-batch, T = longest sample in it.
#pragma once
#include "rapidun/influence/influence.h"

#include "model/batch.h"
#include "model/model_impl.h"

#include <ATen/Parallel.h>

#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace rapidun::grads_detail {

using torch::Tensor;


// Floats one chunk of dense per-sample gradients may hold (128 MB); larger tensors go a sample at a time.
constexpr int64_t kChunkFloats = int64_t(1) << 25;

enum class Kind { LinearW, LoraA, LoraB, Embed, Head, Norm };

struct Tap {
    std::string          name;
    Kind                 kind = Kind::LinearW;
    Tensor               param;
    LoraLinearImpl *     lin = nullptr;    // LinearW, LoraA, LoraB
    RMSNormImpl *        norm = nullptr;   // Norm
    std::vector<int64_t> shape;
    int64_t              numel = 0, offset = 0;
};

struct Plan {
    std::vector<Tap> taps;
    int64_t          D0 = 0;
    std::string      note;
    bool             tied = false;
    bool             need_embed = false, need_head = false;   // capture de / (h, dlogits)
    std::set<const void *> modules;                           // layers whose x / y are captured
};

// Batches (model/batch.h): targets by the loss convention; a row's loss is the mean over its scored
// positions.
using rapidun::Batch;

// ---------------------------------------------------------------------------------------------
// The capture: the model's own forward with hooks that keep what the per-sample products need

struct Cap {
    Tensor  x, xa, n;      // layer input [B,T,in] (one tensor shared by a fused group), LoRA x A^T [B,T,r], RMSNorm's normalised input [B,T,D] (detached)
    Tensor  dy;            // d(sum of losses)/dy [B,T,out] fp32 after the backward: a column slice of its site's gradient
    size_t  site = 0;      // index into Forward::site_y / site_dy
    int64_t col = 0, width = 0;   // this layer's output columns [col, col+width) within its site's output
};

struct Forward {
    std::unordered_map<const void *, Cap> caps;
    std::vector<Tensor> site_y;    // captured outputs in the graph [B,T,*]; a fused q|k|v or gate|up output is one site
    std::vector<Tensor> site_dy;   // their gradients, fp32, same shapes
    Tensor e, de;              // embedding output (a leaf, so every layer is in the graph) and its gradient
    Tensor h;                  // final hidden state (detached) [B,T,D], when the head is captured
    Tensor logits, dlogits;    // [B,T,V]
    Tensor losses;             // [B]
};

// A run of taps whose per-sample gradients come from one product per sample, laid out
// consecutively in the gradient vector [offset, offset + numel): a single tap, or LinearW taps of
// one fused site whose output columns follow each other (q|k|v, gate|up): dW_b of the group is
// dy_b[:, cols]^T x_b [sum out, in], row-major, which is exactly q's, k's, v's gradients one after
// the other. The fp32 operands are prepared once per micro-batch, outside the parallel region.
struct Unit {
    std::vector<const Tap *> taps;
    int64_t                  offset = 0, numel = 0;
    bool                     sparse = false;
    Tensor                   a, x, w;   // per kind: dy [B,T,out] / x or xa [B,T,in] / lora_B [out,r]; Norm: dy, n; Head/Embed: dlogits, h
};

// Defined in grads_capture.cpp (their comments are there).
std::vector<Tap> all_taps(LlamaForCausalLM & net);   // every tensor a gradient can be taken over
Plan make_plan(const Model & model, const InfluenceOptions & opt);
Batch make_batch(const Model & model, const std::vector<TokenizedSample> & samples, size_t begin, size_t end,
                 LossConvention loss);
Tensor row_losses(const Tensor & logits, const Batch & b);          // [B]
Tensor f32(const Tensor & t);
Forward forward_backward(const Model & model, const Plan & plan, const Batch & b);
std::pair<Tensor, Tensor> sparse_embed(const Forward & f, const Batch & b, int64_t r);
bool is_sparse(const Plan & plan, const Tap & t);
std::vector<Unit> make_units(const Plan & plan, const Forward & f);
void unit_row(const Unit & u, const Batch & b, int64_t r, bool normalize, float * dst);
Tensor unit_rows(const Unit & u, const Batch & b, int64_t b0, int64_t nb, bool normalize);
Forward to_host(Forward f);
std::vector<float> tap_row(const Plan & plan, const Tap & t, const Forward & f, const Batch & b, int64_t r);
std::vector<float> zeroed_floats(size_t n);
void check_batch_size(const InfluenceOptions & opt);


// Emits every tap's per-sample gradient for one batch (normalised when asked), a unit at a time.
// dest(offset, numel, b0, nb) -> {base, ld}: where rows [b0, b0+nb) of the unit go (row i at
// base + i*ld); done(offset, numel, b0, nb, base, ld) after they are written; sparse(tap, row in
// batch, ids [n], rows [n, D]). gemm: the rows as batched GEMMs (unit_rows) even on the CPU, as
// on a GPU always.
template <class Dest, class Done, class Sparse>
void emit_batch(const Plan & plan, const Forward & f, const Batch & b, bool normalize, Dest && dest, Done && done, Sparse && sparse,
                bool gemm = false) {
    const int64_t B = b.ids.size(0);
    for (Unit & u : make_units(plan, f)) {
        const Tap & t = *u.taps[0];
        if (u.sparse) {
            for (int64_t r = 0; r < B; r++) {
                auto [ids, g] = sparse_embed(f, b, r);
                if (normalize) g = g / g.norm().clamp_min(1e-12);
                sparse(t, r, ids.cpu(), g.cpu().contiguous());
            }
            continue;
        }
        if (t.kind == Kind::Embed) u.w = f.de;   // tied: the input rows' part
        const int64_t chunk = std::max<int64_t>(1, kChunkFloats / std::max<int64_t>(1, u.numel));
        if (gemm || !u.a.is_cpu()) {   // on a GPU: the chunk's rows as batched products there, then to the host
            for (int64_t b0 = 0; b0 < B; b0 += chunk) {
                const int64_t nb = std::min(chunk, B - b0);
                auto [base, ld]  = dest(u.offset, u.numel, b0, nb);
                torch::from_blob(base, {nb, u.numel}, {ld, 1}, torch::kFloat32).copy_(unit_rows(u, b, b0, nb, normalize));
                done(u.offset, u.numel, b0, nb, base, ld);
            }
            continue;
        }
        for (int64_t b0 = 0; b0 < B; b0 += chunk) {
            const int64_t nb = std::min(chunk, B - b0);
            auto [base, ld]  = dest(u.offset, u.numel, b0, nb);
            float * const p  = base;
            const int64_t s  = ld;
            at::parallel_for(0, nb, 1, [&](int64_t r0, int64_t r1) {
                for (int64_t r = r0; r < r1; r++) unit_row(u, b, b0 + r, normalize, p + r * s);
            });
            done(u.offset, u.numel, b0, nb, base, ld);
        }
    }
}


// Puts the parameter tensors in the set into requires_grad and the model into the unfused layout
// for the reference loop; restores both on scope exit.
struct RefMode {
    LlamaForCausalLM &  net;
    std::vector<Tensor> params;
    std::vector<bool>   had;
    RefMode(LlamaForCausalLM & n, std::vector<Tensor> p) : net(n), params(std::move(p)) {
        net->fuse_for_inference(false);
        for (auto & t : params) {
            had.push_back(t.requires_grad());
            t.set_requires_grad(true);
        }
    }
    ~RefMode() {
        for (size_t i = 0; i < params.size(); i++) params[i].set_requires_grad(had[i]);
        net->fuse_for_inference(true);
    }
};

} // namespace rapidun::grads_detail
