// Llama / Mistral forward pass (see llama.h for the shape letters). Written to match HF
// transformers' modeling_llama numerically: RMSNorm in fp32, rotate-half RoPE, SwiGLU MLP.
#include "model/llama.h"

#include "rapidun/error.h"
#include "rapidun/kernels/attention.h"
#include "rapidun/kernels/decode.h"

#include <cmath>

namespace rapidun {

using torch::Tensor;
namespace F = torch::nn::functional;

torch::ScalarType to_torch(DType t) {
    switch (t) {
    case DType::F64: return torch::kFloat64;
    case DType::F32: return torch::kFloat32;
    case DType::F16: return torch::kFloat16;
    case DType::BF16: return torch::kBFloat16;
    case DType::I64: return torch::kInt64;
    case DType::I32: return torch::kInt32;
    case DType::I16: return torch::kInt16;
    case DType::I8: return torch::kInt8;
    case DType::U8: return torch::kUInt8;
    case DType::BOOL: return torch::kBool;
    }
    throw Error("unknown dtype");
}

// ---------------------------------------------------------------------------
// Layers

namespace {
thread_local torch::ScalarType t_param_dtype = torch::kFloat32;
}

torch::ScalarType param_dtype() { return t_param_dtype; }
ParamDtypeScope::ParamDtypeScope(torch::ScalarType t) : previous(t_param_dtype) { t_param_dtype = t; }
ParamDtypeScope::~ParamDtypeScope() { t_param_dtype = previous; }

LoraLinearImpl::LoraLinearImpl(int64_t in_features, int64_t out_features, bool with_bias) {
    weight = register_parameter("weight", torch::zeros({out_features, in_features}, param_dtype()));
    if (with_bias) bias = register_parameter("bias", torch::zeros({out_features}, param_dtype()));
}

HeadImpl::HeadImpl(int64_t in_features, int64_t out_features) {
    weight = register_parameter("weight", torch::zeros({out_features, in_features}, param_dtype()));
}

Tensor LoraLinearImpl::forward(const Tensor & x, Tensor * xa_out) {
    Tensor y = torch::linear(x, weight, bias);
    if (adapter_active()) {
        // The adapter stays fp32 (as PEFT keeps it) even on a bf16 base.
        Tensor xl = x.scalar_type() == lora_A.scalar_type() ? x : x.to(lora_A.scalar_type());
        if (lora_dropout > 0.0 && is_training()) xl = F::dropout(xl, F::DropoutFuncOptions().p(lora_dropout).training(true));
        Tensor xa = torch::linear(xl, lora_A);                                   // [B,T,r]
        Tensor d  = torch::linear(xa, lora_B) * lora_scaling;
        y = y + (d.scalar_type() == y.scalar_type() ? d : d.to(y.scalar_type()));
        if (xa_out) *xa_out = xa;
    }
    return y;
}

RMSNormImpl::RMSNormImpl(int64_t dim, double eps_) : eps(eps_) {
    weight = register_parameter("weight", torch::ones({dim}, param_dtype()));
}

Tensor RMSNormImpl::normalize(const Tensor & x) const {
    // HF: compute in fp32, cast back to the input dtype (then forward scales).
    if (x.scalar_type() == torch::kFloat32) return x * torch::rsqrt(x.pow(2).mean(-1, true) + eps);
    Tensor xf = x.to(torch::kFloat32);
    return (xf * torch::rsqrt(xf.pow(2).mean(-1, /*keepdim=*/true) + eps)).to(x.scalar_type());
}

Tensor RMSNormImpl::forward(const Tensor & x, ForwardHooks * hooks) {
    Tensor n = normalize(x);
    Tensor y = weight * n;
    if (hooks) hooks->normalized(*this, n, y);
    return y;
}

AttentionImpl::AttentionImpl(const ModelConfig & cfg)
    : n_heads(cfg.n_heads), n_kv_heads(cfg.n_kv_heads), head_dim(cfg.head_dim) {
    q_proj = register_module("q_proj", LoraLinear(cfg.dim, n_heads * head_dim, cfg.qkv_bias));
    k_proj = register_module("k_proj", LoraLinear(cfg.dim, n_kv_heads * head_dim, cfg.qkv_bias));
    v_proj = register_module("v_proj", LoraLinear(cfg.dim, n_kv_heads * head_dim, cfg.qkv_bias));
    o_proj = register_module("o_proj", LoraLinear(n_heads * head_dim, cfg.dim, cfg.o_bias));
}

// Slices of tensors in a graph are taken with split/chunk, not narrow: a narrow's backward builds
// a zero tensor of the whole input and copies into it, once per slice (then the engine adds them
// up); a split's backward is one cat of the parts' gradients. Same values forward.
static Tensor rotate_half(const Tensor & x) {   // [.., hd] -> cat(-x2, x1)
    std::vector<Tensor> h = x.chunk(2, -1);
    return torch::cat({-h[1], h[0]}, -1);
}

// One projection through a layer, reported to the hooks.
static Tensor project(LoraLinear & l, const Tensor & x, ForwardHooks * hooks) {
    if (!hooks) return l(x);
    Tensor xa;
    Tensor y = l->forward(x, &xa);
    hooks->projected({l.get()}, x, xa, y);
    return y;
}

// The weight [sum out, in] and bias of a group of layers that read one input, as one product: the
// inference copy when the model holds one, else (hooks that ask for it, no active adapter) the
// layers' weights concatenated for this forward; undefined = go layer by layer.
static std::pair<Tensor, Tensor> group_weights(std::initializer_list<LoraLinear *> ls, const Tensor & fused_w,
                                               const Tensor & fused_b, const ForwardHooks * hooks) {
    if (fused_w.defined()) return {fused_w, fused_b};
    if (!hooks || !hooks->fuse_groups) return {};
    std::vector<Tensor> ws, bs;
    for (LoraLinear * l : ls) {
        if ((*l)->adapter_active()) return {};
        ws.push_back((*l)->weight);
        if ((*l)->bias.defined()) bs.push_back((*l)->bias);
    }
    return {torch::cat(ws, 0), bs.empty() ? Tensor() : torch::cat(bs, 0)};
}

Tensor AttentionImpl::forward(const Tensor & x, const Tensor & cos, const Tensor & sin, const Tensor & bias,
                              KVCache * cache, int64_t layer, ForwardHooks * hooks) {
    const int64_t B = x.size(0), T = x.size(1), G = n_heads / n_kv_heads;
    Tensor q, k, v;
    if (auto [w, b] = group_weights({&q_proj, &k_proj, &v_proj}, w_qkv, b_qkv, hooks); w.defined()) {
        // One GEMM for q, k, v and one RoPE call for q and k (adjacent heads).
        Tensor qkv = torch::linear(x, w, b);                                   // [B,T,(H+2KV)*hd]
        if (hooks) hooks->projected({q_proj.get(), k_proj.get(), v_proj.get()}, x, Tensor(), qkv);
        std::vector<Tensor> p = qkv.view({B, T, n_heads + 2 * n_kv_heads, head_dim}).split_with_sizes({n_heads + n_kv_heads, n_kv_heads}, 2);
        Tensor qk = p[0].transpose(1, 2);                                       // [B,H+KV,T,hd]
        qk = qk * cos + rotate_half(qk) * sin;
        std::vector<Tensor> s = qk.split_with_sizes({n_heads, n_kv_heads}, 1);
        q = s[0];                                                               // [B,H,T,hd]
        k = s[1];                                                               // [B,KV,T,hd]
        v = p[1].transpose(1, 2);                                               // [B,KV,T,hd]
    } else {
        q = project(q_proj, x, hooks).view({B, T, n_heads, head_dim}).transpose(1, 2);
        k = project(k_proj, x, hooks).view({B, T, n_kv_heads, head_dim}).transpose(1, 2);
        v = project(v_proj, x, hooks).view({B, T, n_kv_heads, head_dim}).transpose(1, 2);
        q = q * cos + rotate_half(q) * sin;
        k = k * cos + rotate_half(k) * sin;
    }
    if (cache) {
        const int64_t start = cache->n_filled;
        cache->k[layer].narrow(2, start, T).copy_(k);
        cache->v[layer].narrow(2, start, T).copy_(v);
        k = cache->k[layer].narrow(2, 0, start + T);                             // [B,KV,S,hd]
        v = cache->v[layer].narrow(2, 0, start + T);
    }
    const int64_t S = k.size(2);
    Tensor out;
    if (T == 1 && cache && q.is_cpu() && q.scalar_type() == torch::kFloat32 && !q.requires_grad()) {
        // Decode step: one fused loop instead of a small GEMM per (row, head); see kernels/attention.h.
        Tensor qc = q.contiguous();                                              // [B,H,1,hd]
        Tensor bc = bias.reshape({B, S}).contiguous();
        out = torch::empty({B, n_heads, head_dim}, q.options());
        kernels::attention_decode_f32(qc.data_ptr<float>(), cache->k[layer].data_ptr<float>(),
                                      cache->v[layer].data_ptr<float>(), bc.data_ptr<float>(), S,
                                      out.data_ptr<float>(), B, n_heads, n_kv_heads, S, cache->k[layer].size(2),
                                      head_dim, static_cast<float>(1.0 / std::sqrt(double(head_dim))));
        return project(o_proj, out.view({B, 1, n_heads * head_dim}), hooks);
    }
    // GQA without copying K/V: query heads of one group share a KV head, so fold G into T.
    Tensor qg = q.reshape({B, n_kv_heads, G * T, head_dim});
    Tensor scores = torch::matmul(qg, k.transpose(-1, -2)) * (1.0 / std::sqrt(double(head_dim)));
    scores = scores.view({B, n_kv_heads, G, T, S}) + bias;                       // bias [B,1,1,T,S]
    Tensor probs = torch::softmax(scores, -1, torch::kFloat32).to(q.scalar_type());
    out = torch::matmul(probs.view({B, n_kv_heads, G * T, S}), v);               // [B,KV,G*T,hd]
    out = out.view({B, n_heads, T, head_dim}).transpose(1, 2).reshape({B, T, n_heads * head_dim});
    return project(o_proj, out, hooks);
}

MlpImpl::MlpImpl(const ModelConfig & cfg) {
    gate_proj = register_module("gate_proj", LoraLinear(cfg.dim, cfg.hidden_dim, cfg.mlp_bias));
    up_proj   = register_module("up_proj", LoraLinear(cfg.dim, cfg.hidden_dim, cfg.mlp_bias));
    down_proj = register_module("down_proj", LoraLinear(cfg.hidden_dim, cfg.dim, cfg.mlp_bias));
}

Tensor MlpImpl::forward(const Tensor & x, ForwardHooks * hooks) {
    if (auto [w, b] = group_weights({&gate_proj, &up_proj}, w_gate_up, b_gate_up, hooks); w.defined()) {
        Tensor gu = torch::linear(x, w, b);                                                  // [B,T,2F]
        if (hooks) hooks->projected({gate_proj.get(), up_proj.get()}, x, Tensor(), gu);
        std::vector<Tensor> g = gu.chunk(2, -1);
        return project(down_proj, torch::silu(g[0]) * g[1], hooks);
    }
    return project(down_proj, torch::silu(project(gate_proj, x, hooks)) * project(up_proj, x, hooks), hooks);
}

DecoderLayerImpl::DecoderLayerImpl(const ModelConfig & cfg) {
    self_attn                = register_module("self_attn", Attention(cfg));
    mlp                      = register_module("mlp", Mlp(cfg));
    input_layernorm          = register_module("input_layernorm", RMSNorm(cfg.dim, cfg.norm_eps));
    post_attention_layernorm = register_module("post_attention_layernorm", RMSNorm(cfg.dim, cfg.norm_eps));
}

LlamaBodyImpl::LlamaBodyImpl(const ModelConfig & cfg) {
    // _weight: the table is allocated once, in param_dtype() (Embedding would allocate fp32 and init it).
    embed_tokens = register_module("embed_tokens",
                                   torch::nn::Embedding(torch::nn::EmbeddingOptions(cfg.vocab_size, cfg.dim)
                                                            ._weight(torch::zeros({cfg.vocab_size, cfg.dim}, param_dtype()))));
    layers       = register_module("layers", torch::nn::ModuleList());
    for (int64_t i = 0; i < cfg.n_layers; i++) {
        layer_list.push_back(DecoderLayer(cfg));
        layers->push_back(layer_list.back());
    }
    norm = register_module("norm", RMSNorm(cfg.dim, cfg.norm_eps));
}

// ---------------------------------------------------------------------------
// The causal LM

LlamaForCausalLMImpl::LlamaForCausalLMImpl(const ModelConfig & c) : cfg(c) {
    model = register_module("model", LlamaBody(cfg));
    if (cfg.tie_embeddings) {
        lm_head = model->embed_tokens->weight;
    } else {
        lm_head_linear = register_module("lm_head", Head(cfg.dim, cfg.vocab_size));
        lm_head        = lm_head_linear->weight;
    }
    // RoPE tables, HF layout: angle(p, i) = p * inv_freq[i] for i < hd/2 (theta^(-2i/hd), rope_scaling
    // applied: ModelConfig::rope_inv_freq); rope() repeats them for both halves of a head.
    std::vector<double> freqs = cfg.rope_inv_freq();
    Tensor inv_freq = torch::from_blob(freqs.data(), {int64_t(freqs.size())}, torch::kFloat64).clone();  // [hd/2]
    Tensor pos      = torch::arange(cfg.max_seq_len, torch::kFloat64);                                   // [P]
    Tensor ang      = torch::outer(pos, inv_freq);                                                       // [P, hd/2]
    rope_cos        = ang.cos().to(torch::kFloat32);   // half tables: Llama 3's 131,072 positions cost 33 MB, not 67
    rope_sin        = ang.sin().to(torch::kFloat32);
}

std::pair<Tensor, Tensor> LlamaForCausalLMImpl::rope(const Tensor & positions, torch::ScalarType dtype) const {
    // positions must be < max_seq_len (the table); index() throws otherwise. Both halves of a head
    // share the angles (HF's rotate-half layout), so the half tables are repeated here.
    Tensor c = rope_cos.index({positions}), s = rope_sin.index({positions});          // [B,T,hd/2]
    return {torch::cat({c, c}, -1).unsqueeze(1).to(dtype), torch::cat({s, s}, -1).unsqueeze(1).to(dtype)};   // [B,1,T,hd]
}

Tensor LlamaForCausalLMImpl::causal_bias(const Tensor & attn_mask, torch::ScalarType dtype) const {
    const int64_t B = attn_mask.size(0), T = attn_mask.size(1);
    Tensor pos = torch::arange(T, attn_mask.options().dtype(torch::kInt64)).unsqueeze(0).expand({B, T});   // right padding: slot = position
    return slot_bias(attn_mask, pos, pos, 0).to(dtype);
}

Tensor LlamaForCausalLMImpl::slot_bias(const Tensor & key_valid, const Tensor & key_pos, const Tensor & query_pos,
                                       int64_t first) const {
    const int64_t B = key_valid.size(0), S = key_valid.size(1), T = query_pos.size(1);
    const auto on  = key_valid.options();
    Tensor q       = torch::arange(first, first + T, on.dtype(torch::kInt64)).view({1, T, 1});   // query slots
    Tensor k       = torch::arange(S, on.dtype(torch::kInt64)).view({1, 1, S});                  // key slots
    Tensor allowed = (k <= q) & key_valid.to(torch::kBool).unsqueeze(1);              // [B,T,S]
    if (cfg.sliding_window > 0)   // the last W positions of the row, its own included
        allowed = allowed & (key_pos.unsqueeze(1) > query_pos.unsqueeze(2) - cfg.sliding_window);
    Tensor bias = torch::zeros({B, T, S}, on.dtype(torch::kFloat32)).masked_fill(allowed.logical_not(), -1e9);
    return bias.view({B, 1, 1, T, S});
}

Tensor LlamaForCausalLMImpl::hidden(const Tensor & ids, const Tensor & positions, const Tensor & bias,
                                    KVCache * cache, ForwardHooks * hooks) {
    Tensor h = model->embed_tokens(ids);                                             // [B,T,D]
    if (hooks) h = hooks->embedded(h);
    const auto dtype = h.scalar_type();
    const auto [cos, sin] = rope(positions, dtype);                                  // [B,1,T,hd]
    Tensor b   = bias.to(dtype);
    for (int64_t l = 0; l < cfg.n_layers; l++) {
        auto & layer = model->layer_list[static_cast<size_t>(l)];
        h = h + layer->self_attn->forward(layer->input_layernorm(h, hooks), cos, sin, b, cache, l, hooks);
        h = h + layer->mlp(layer->post_attention_layernorm(h, hooks), hooks);
    }
    if (cache) cache->n_filled += ids.size(1);
    return model->norm(h, hooks);
}

// One buffer [sum of rows, in] holding `parts` one under the other; each part becomes a row view of
// it (set_data keeps the parameter itself, its autograd state and every reference to it). When
// the parts already are consecutive views of `current`, it is kept as it is.
static Tensor fuse_rows(std::initializer_list<Tensor *> parts, const Tensor & current) {
    bool in_place = current.defined();
    int64_t offset = 0;
    for (Tensor * p : parts) {
        in_place = in_place && p->scalar_type() == current.scalar_type() &&
                   p->data_ptr() == static_cast<char *>(current.data_ptr()) + offset * current.stride(0) * current.element_size();
        offset += p->size(0);
    }
    if (in_place && offset == current.size(0)) return current;
    std::vector<Tensor> rows;
    for (Tensor * p : parts) rows.push_back(*p);
    Tensor fused = torch::cat(rows, 0);
    offset = 0;
    for (Tensor * p : parts) {
        const int64_t n = p->size(0);
        p->set_data(fused.narrow(0, offset, n));
        offset += n;
    }
    return fused;
}

void LlamaForCausalLMImpl::fuse_for_inference(bool on) {
    torch::NoGradGuard no_grad;
    for (auto & layer : model->layer_list) {
        auto & a = layer->self_attn;
        auto & m = layer->mlp;
        auto active = [](const LoraLinear & l) { return l->lora_A.defined() && !l->lora_merged; };
        const bool lora = active(a->q_proj) || active(a->k_proj) || active(a->v_proj) || active(m->gate_proj) ||
                          active(m->up_proj);
        const bool fuse = on && !lora;
        a->w_qkv     = fuse ? fuse_rows({&a->q_proj->weight, &a->k_proj->weight, &a->v_proj->weight}, a->w_qkv) : Tensor();
        m->w_gate_up = fuse ? fuse_rows({&m->gate_proj->weight, &m->up_proj->weight}, m->w_gate_up) : Tensor();
        a->b_qkv     = fuse && a->q_proj->bias.defined()
                           ? fuse_rows({&a->q_proj->bias, &a->k_proj->bias, &a->v_proj->bias}, a->b_qkv) : Tensor();
        m->b_gate_up = fuse && m->gate_proj->bias.defined()
                           ? fuse_rows({&m->gate_proj->bias, &m->up_proj->bias}, m->b_gate_up) : Tensor();
    }
}

Tensor LlamaForCausalLMImpl::logits(const Tensor & h) { return torch::linear(h, lm_head); }

KVCache LlamaForCausalLMImpl::new_cache(int64_t batch, int64_t n_slots) const {
    KVCache c;
    auto opts = lm_head.options().requires_grad(false);
    for (int64_t l = 0; l < cfg.n_layers; l++) {
        c.k.push_back(torch::zeros({batch, cfg.n_kv_heads, n_slots, cfg.head_dim}, opts));
        c.v.push_back(torch::zeros({batch, cfg.n_kv_heads, n_slots, cfg.head_dim}, opts));
    }
    c.key_valid = torch::zeros({batch, n_slots}, opts.dtype(torch::kBool));
    return c;
}

bool LlamaForCausalLMImpl::decode_view(KVCache & cache, kernels::DecodeModel & m) const {
    if (!lm_head.is_cpu() || lm_head.scalar_type() != torch::kFloat32 || cfg.sliding_window > 0 || cfg.n_heads % cfg.n_kv_heads)
        return false;
    bool ok = true;
    auto ptr = [&ok](const Tensor & t) -> const float * {
        if (!t.defined()) return nullptr;
        ok = ok && t.is_cpu() && t.scalar_type() == torch::kFloat32 && t.is_contiguous();
        return ok ? t.data_ptr<float>() : nullptr;
    };
    auto lin = [&](const LoraLinear & l, const float *& w, const float *& b) {
        ok = ok && !l->adapter_active();
        w = ptr(l->weight);
        b = ptr(l->bias);
    };
    m = kernels::DecodeModel{};
    m.D = cfg.dim;
    m.F = cfg.hidden_dim;
    m.H = cfg.n_heads;
    m.KV = cfg.n_kv_heads;
    m.hd = cfg.head_dim;
    m.V = cfg.vocab_size;
    m.eps = float(cfg.norm_eps);
    m.embed = ptr(model->embed_tokens->weight);
    m.final_norm = ptr(model->norm->weight);
    m.head = ptr(lm_head);
    m.rope_cos = ptr(rope_cos);
    m.rope_sin = ptr(rope_sin);
    for (size_t l = 0; l < model->layer_list.size() && ok; l++) {
        const auto & layer = model->layer_list[l];
        kernels::DecodeLayer d;
        d.attn_norm = ptr(layer->input_layernorm->weight);
        d.ffn_norm = ptr(layer->post_attention_layernorm->weight);
        lin(layer->self_attn->q_proj, d.w_q, d.b_q);
        lin(layer->self_attn->k_proj, d.w_k, d.b_k);
        lin(layer->self_attn->v_proj, d.w_v, d.b_v);
        lin(layer->self_attn->o_proj, d.w_o, d.b_o);
        lin(layer->mlp->gate_proj, d.w_gate, d.b_gate);
        lin(layer->mlp->up_proj, d.w_up, d.b_up);
        lin(layer->mlp->down_proj, d.w_down, d.b_down);
        // Row 0 of the cache [B, KV, S_max, hd] is [KV, S_max, hd].
        ok = ok && cache.k[l].is_contiguous() && cache.v[l].is_contiguous() && cache.k[l].scalar_type() == torch::kFloat32;
        if (!ok) break;
        d.k_cache = cache.k[l].data_ptr<float>();
        d.v_cache = cache.v[l].data_ptr<float>();
        m.S_max = cache.k[l].size(2);
        m.layers.push_back(d);
    }
    return ok;
}

void LlamaForCausalLMImpl::move_to(const torch::Device & device) {
    if (lm_head.device() == device) return;
    fuse_for_inference(false);   // the fused buffers are rebuilt on the device from the moved layers
    to(device);
    lm_head  = cfg.tie_embeddings ? model->embed_tokens->weight : lm_head_linear->weight;
    rope_cos = rope_cos.to(device);
    rope_sin = rope_sin.to(device);
    fuse_for_inference(true);
}

void LlamaForCausalLMImpl::load_weights(const TensorMap & weights) {
    torch::NoGradGuard no_grad;
    for (auto & item : named_parameters(/*recurse=*/true)) {
        auto it = weights.find(item.key());
        if (it == weights.end()) throw Error("weights: missing tensor '" + item.key() + "'");
        const HostTensor & ht = it->second;
        Tensor src = torch::from_blob(const_cast<uint8_t *>(ht.data), ht.shape, torch::TensorOptions().dtype(to_torch(ht.dtype)));
        TORCH_CHECK(src.sizes() == item.value().sizes(), "weights: tensor '", item.key(), "' has shape ", src.sizes(),
                    ", the model expects ", item.value().sizes());
        item.value().copy_(src);
        release_pages(ht);   // the copy is all we keep: the file's pages need not stay resident
    }
}

TensorMap LlamaForCausalLMImpl::state_for_export() const {
    TensorMap out;
    for (auto & item : named_parameters(/*recurse=*/true)) {
        Tensor t = item.value().detach().contiguous().cpu();
        HostTensor ht;
        ht.dtype = t.scalar_type() == torch::kBFloat16 ? DType::BF16 : DType::F32;
        if (t.scalar_type() != torch::kBFloat16) t = t.to(torch::kFloat32);
        ht.shape   = t.sizes().vec();
        ht.n_bytes = static_cast<size_t>(t.numel() * t.element_size());
        auto holder = std::make_shared<Tensor>(t);
        ht.data  = static_cast<const uint8_t *>(holder->data_ptr());
        ht.owner = holder;
        out[item.key()] = ht;
    }
    return out;
}

} // namespace rapidun
