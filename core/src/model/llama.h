// Llama / Mistral decoder in LibTorch (private to core: includes torch). HF tensor names and the
// HF rotate-half RoPE layout, so state_dict keys equal the safetensors names of an HF checkpoint.
//
// Shapes: B = batch, T = new positions, S = cached key slots, D = dim, H = heads, KV = kv heads,
// G = H / KV (GQA group), hd = head_dim, F = hidden (SwiGLU) width, V = vocab.
#pragma once
#include "rapidun/io/safetensors.h"
#include "rapidun/model/config.h"

#include <torch/torch.h>

#include <utility>
#include <vector>

namespace rapidun {

namespace kernels {
struct DecodeModel;   // kernels/decode.h
}

// The dtype the modules below allocate their parameters in, on this thread (fp32 unless a
// ParamDtypeScope says otherwise): Model::load builds a bf16 model directly in bf16 rather than in
// fp32 and converting it (which peaks at 3 bytes a parameter more). Thread-local on purpose: a
// process-wide default dtype would leak into whatever another thread allocates meanwhile.
torch::ScalarType param_dtype();
struct ParamDtypeScope {
    explicit ParamDtypeScope(torch::ScalarType t);
    ~ParamDtypeScope();
    torch::ScalarType previous;
};

struct LoraLinearImpl;
struct RMSNormImpl;

// What a caller watches in a forward. The model has one forward, for inference, training and the
// per-sample gradient capture of core/influence; the capture passes hooks, and each layer reports
// the tensors its per-sample gradients are made of as it computes them. The defaults observe nothing.
struct ForwardHooks {
    virtual ~ForwardHooks() = default;
    // The embedding output e [B,T,D]; returns the tensor the forward goes on with (the capture
    // makes it a leaf that requires grad, so that every layer is in the graph).
    virtual torch::Tensor embedded(const torch::Tensor & e) { return e; }
    // Projections that read one input x [B,T,in]: a lone layer, or a group computed as one product
    // (q|k|v, gate|up) whose output y [B,T,sum out] holds the layers' outputs column after column.
    // xa [B,T,r] is x A^T of a lone layer with an active LoRA adapter (else undefined).
    virtual void projected(std::initializer_list<LoraLinearImpl *> layers, const torch::Tensor & x,
                           const torch::Tensor & xa, const torch::Tensor & y) {}
    // An RMSNorm: its normalised input n [B,T,D] (in the input's dtype) and its output y = w * n.
    virtual void normalized(RMSNormImpl & norm, const torch::Tensor & n, const torch::Tensor & y) {}
    // Compute q|k|v and gate|up as one product each even where the model holds no fused copy (the
    // training layout): fewer, larger products forward and backward, and one captured site a group.
    bool fuse_groups = false;
};

// y = x W^T (+ b) (+ scaling * dropout(x) A^T B^T when a LoRA adapter is attached). W [out, in],
// b [out] (Qwen2's q/k/v, Llama's attention_bias / mlp_bias), A [r, in], B [out, r]. The adapter
// itself is managed by core/train; this is the seam.
struct LoraLinearImpl : torch::nn::Module {
    LoraLinearImpl(int64_t in_features, int64_t out_features, bool with_bias = false);
    // xa: where to put x A^T [B,T,r] when the adapter is active (for the hooks).
    torch::Tensor forward(const torch::Tensor & x, torch::Tensor * xa = nullptr);
    bool adapter_active() const { return lora_A.defined() && !lora_merged; }

    torch::Tensor weight;        // [out, in]
    torch::Tensor bias;          // [out]; undefined without one
    torch::Tensor lora_A;        // [r, in]  undefined without an adapter
    torch::Tensor lora_B;        // [out, r]
    double lora_scaling = 0.0;   // alpha / r
    double lora_dropout = 0.0;
    bool   lora_merged = false;  // B A * scaling already added into weight
};
TORCH_MODULE(LoraLinear);

struct RMSNormImpl : torch::nn::Module {
    RMSNormImpl(int64_t dim, double eps);
    torch::Tensor forward(const torch::Tensor & x, ForwardHooks * hooks = nullptr);   // w * normalize(x)
    torch::Tensor normalize(const torch::Tensor & x) const;   // x / sqrt(mean(x^2) + eps), in fp32, in x's dtype
    torch::Tensor weight;                             // [D]
    double eps;
};
TORCH_MODULE(RMSNorm);

// Per-layer key/value cache: slots are shared by the batch; each row marks which slots hold its
// real tokens (left or right padding both work, and causality is by slot index).
struct KVCache {
    std::vector<torch::Tensor> k, v;   // per layer [B, KV, S_max, hd] (keys after RoPE)
    torch::Tensor key_valid;           // [B, S_max] bool
    int64_t n_filled = 0;              // slots written so far
};

struct AttentionImpl : torch::nn::Module {
    AttentionImpl(const ModelConfig & cfg);
    // x [B,T,D]; cos/sin [B,1,T,hd]; bias [B,1,1,T,S] additive (0 or -1e9). With a cache, writes the
    // new keys/values at slots [cache.n_filled, +T) of layer `layer` and attends over [0, n_filled+T).
    torch::Tensor forward(const torch::Tensor & x, const torch::Tensor & cos, const torch::Tensor & sin,
                          const torch::Tensor & bias, KVCache * cache, int64_t layer, ForwardHooks * hooks = nullptr);
    LoraLinear q_proj{nullptr}, k_proj{nullptr}, v_proj{nullptr}, o_proj{nullptr};
    torch::Tensor w_qkv;   // [(H+2KV)*hd, D] fused copy for inference; undefined = use the three layers
    torch::Tensor b_qkv;   // [(H+2KV)*hd] its bias, when the layers have one
    int64_t n_heads, n_kv_heads, head_dim;
};
TORCH_MODULE(Attention);

struct MlpImpl : torch::nn::Module {
    MlpImpl(const ModelConfig & cfg);
    torch::Tensor forward(const torch::Tensor & x, ForwardHooks * hooks = nullptr);   // down(silu(gate(x)) * up(x))
    LoraLinear gate_proj{nullptr}, up_proj{nullptr}, down_proj{nullptr};
    torch::Tensor w_gate_up;   // [2F, D] fused copy for inference; undefined = use the two layers
    torch::Tensor b_gate_up;   // [2F] its bias, when the layers have one
};
TORCH_MODULE(Mlp);

struct DecoderLayerImpl : torch::nn::Module {
    DecoderLayerImpl(const ModelConfig & cfg);
    Attention self_attn{nullptr};
    Mlp       mlp{nullptr};
    RMSNorm   input_layernorm{nullptr}, post_attention_layernorm{nullptr};
};
TORCH_MODULE(DecoderLayer);

struct LlamaBodyImpl : torch::nn::Module {   // HF's LlamaModel ("model." prefix)
    LlamaBodyImpl(const ModelConfig & cfg);
    torch::nn::Embedding       embed_tokens{nullptr};
    torch::nn::ModuleList      layers{nullptr};
    std::vector<DecoderLayer>  layer_list;
    RMSNorm                    norm{nullptr};
};
TORCH_MODULE(LlamaBody);

// The untied output projection: only a weight [V, D] ("lm_head.weight"), allocated in param_dtype().
struct HeadImpl : torch::nn::Module {
    HeadImpl(int64_t in_features, int64_t out_features);
    torch::Tensor weight;
};
TORCH_MODULE(Head);

struct LlamaForCausalLMImpl : torch::nn::Module {
    explicit LlamaForCausalLMImpl(const ModelConfig & cfg);

    // ids [B,T] int64, positions [B,T] int64 (RoPE positions), bias [B,1,1,T,S] additive mask.
    // Returns final hidden states [B,T,D] (after the last RMSNorm); call logits() on what you need.
    torch::Tensor hidden(const torch::Tensor & ids, const torch::Tensor & positions, const torch::Tensor & bias,
                         KVCache * cache = nullptr, ForwardHooks * hooks = nullptr);
    torch::Tensor logits(const torch::Tensor & h);    // [..., D] -> [..., V]

    // Causal + key-padding mask for a plain (cache-free) forward: attn_mask [B,T] 1 = real token;
    // with a sliding window, keys W or more slots behind the query are masked too.
    torch::Tensor causal_bias(const torch::Tensor & attn_mask, torch::ScalarType dtype) const;
    // The same over cache slots, for generation: query t of row b sits at slot first + t and RoPE
    // position query_pos[b,t] ([B,T] int64); key s is seen when s <= first + t (causal by slot),
    // key_valid[b,s] ([B,S] bool) and, with a sliding window, query_pos - key_pos[b,s] < W (the
    // window counts a row's own tokens, as HF's does for a lone sequence, so padding never narrows it).
    torch::Tensor slot_bias(const torch::Tensor & key_valid, const torch::Tensor & key_pos, const torch::Tensor & query_pos,
                            int64_t first) const;

    KVCache new_cache(int64_t batch, int64_t n_slots) const;
    // The batch-1 CPU decode loop's view (kernels/decode.h) of this model and of row 0 of `cache`;
    // false where that loop does not apply: not fp32 on the CPU, an unmerged LoRA adapter, a
    // sliding window, a non-contiguous tensor.
    bool decode_view(KVCache & cache, kernels::DecodeModel & out) const;
    // Builds (on) or drops (off) the fused q|k|v and gate|up weights used by inference. Fusing moves
    // the layers' weights into one buffer and makes them row views of it (no second copy), so weight
    // changes made in place (merge, training) are seen by both paths; a layer that carries an unmerged
    // LoRA adapter is left unfused.
    void    fuse_for_inference(bool on);
    void    load_weights(const TensorMap & weights);  // HF names; shapes already checked; mapped pages released
    void    move_to(const torch::Device & device);    // parameters, RoPE tables and the fused copies
    TensorMap state_for_export() const;              // HF names, lm_head omitted when tied

    ModelConfig   cfg;
    LlamaBody     model{nullptr};
    torch::Tensor lm_head;                            // [V, D]; aliases the embedding when tied
    Head          lm_head_linear{nullptr};            // registered as "lm_head" only when untied
    // RoPE cos / sin at positions [B,T] -> [B,1,T,hd] each, in dtype.
    std::pair<torch::Tensor, torch::Tensor> rope(const torch::Tensor & positions, torch::ScalarType dtype) const;
    torch::Tensor rope_cos, rope_sin;                 // [max_pos, hd/2] fp32
};
TORCH_MODULE(LlamaForCausalLM);

torch::ScalarType to_torch(DType t);

} // namespace rapidun
