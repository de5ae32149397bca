// The capturing forward and backward of the batched per-sample gradients and the per-sample
// products (declared in grads_capture.h; the maths is at the top of grads.cpp).
#include "grads_capture.h"

#include "rapidun/error.h"

#include <algorithm>
#include <cmath>
#include <map>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace rapidun::grads_detail {


const std::string kPeftPrefix = "base_model.model.";

// Every tensor a gradient can be taken over, in canonical order (named_parameters, LoRA A/B after
// their base weight).
std::vector<Tap> all_taps(LlamaForCausalLM & net) {
    std::map<std::string, LoraLinearImpl *> lins;   // "model.layers.0.self_attn.q_proj"
    std::map<std::string, RMSNormImpl *>    norms;
    for (size_t i = 0; i < net->model->layer_list.size(); i++) {
        auto &            L = net->model->layer_list[i];
        const std::string p = "model.layers." + std::to_string(i) + ".";
        lins[p + "self_attn.q_proj"]  = L->self_attn->q_proj.get();
        lins[p + "self_attn.k_proj"]  = L->self_attn->k_proj.get();
        lins[p + "self_attn.v_proj"]  = L->self_attn->v_proj.get();
        lins[p + "self_attn.o_proj"]  = L->self_attn->o_proj.get();
        lins[p + "mlp.gate_proj"]     = L->mlp->gate_proj.get();
        lins[p + "mlp.up_proj"]       = L->mlp->up_proj.get();
        lins[p + "mlp.down_proj"]     = L->mlp->down_proj.get();
        norms[p + "input_layernorm"]          = L->input_layernorm.get();
        norms[p + "post_attention_layernorm"] = L->post_attention_layernorm.get();
    }
    norms["model.norm"] = net->model->norm.get();
    std::vector<Tap> out;
    auto add = [&](const std::string & name, Kind k, const Tensor & t, LoraLinearImpl * lin, RMSNormImpl * nm) {
        Tap tap;
        tap.name  = name;
        tap.kind  = k;
        tap.param = t;
        tap.lin   = lin;
        tap.norm  = nm;
        tap.shape = t.sizes().vec();
        tap.numel = t.numel();
        out.push_back(tap);
    };
    for (auto & item : net->named_parameters(/*recurse=*/true)) {
        const std::string & key = item.key();
        if (key == "model.embed_tokens.weight") { add(key, Kind::Embed, item.value(), nullptr, nullptr); continue; }
        if (key == "lm_head.weight") { add(key, Kind::Head, item.value(), nullptr, nullptr); continue; }
        const size_t dot = key.rfind('.');
        const std::string mod = dot == std::string::npos ? key : key.substr(0, dot);
        if (key.compare(dot + 1, std::string::npos, "bias") == 0) continue;   // projection biases: not selectable
        if (auto it = lins.find(mod); it != lins.end()) {
            LoraLinearImpl * l = it->second;
            add(key, Kind::LinearW, item.value(), l, nullptr);
            if (l->lora_A.defined()) {
                add(mod + ".lora_A.weight", Kind::LoraA, l->lora_A, l, nullptr);
                add(mod + ".lora_B.weight", Kind::LoraB, l->lora_B, l, nullptr);
            }
            continue;
        }
        if (auto it = norms.find(mod); it != norms.end()) { add(key, Kind::Norm, item.value(), nullptr, it->second); continue; }
        // Any other parameter is simply not selectable.
    }
    return out;
}

Plan make_plan(const Model & model, const InfluenceOptions & opt) {
    LlamaForCausalLM & net = net_of(model);
    const Model::Impl & d  = *model.impl();
    Plan plan;
    plan.tied = d.info.config.tie_embeddings;
    std::vector<Tap> all = all_taps(net);
    auto pick = [&](auto pred) {
        for (auto & t : all)
            if (pred(t)) plan.taps.push_back(t);
    };
    switch (opt.params) {
    case ParamSet::Lora:
        if (!d.has_lora) throw Error("influence: parameter set 'lora' needs a LoRA adapter attached to the model");
        if (d.lora_merged) throw Error("influence: parameter set 'lora': the adapter is merged into the weights; unmerge it first");
        pick([](const Tap & t) { return t.kind == Kind::LoraA || t.kind == Kind::LoraB; });
        break;
    case ParamSet::Embed:
        pick([](const Tap & t) { return t.kind == Kind::Embed; });
        if (plan.tied) plan.note = "tied embeddings: the embedding gradient includes the lm_head use of the same tensor";
        break;
    case ParamSet::EmbedHead:
        pick([](const Tap & t) { return t.kind == Kind::Embed || t.kind == Kind::Head; });
        if (plan.tied) plan.note = "tied embeddings: lm_head IS embed_tokens, so embed_head equals embed";
        break;
    case ParamSet::Linear:
        pick([](const Tap & t) { return t.kind == Kind::LinearW; });
        break;
    case ParamSet::Names: {
        if (opt.names.empty()) throw Error("influence: parameter set 'names' with an empty name list");
        std::set<std::string> want;
        for (std::string n : opt.names) {
            if (n.rfind(kPeftPrefix, 0) == 0) n = n.substr(kPeftPrefix.size());
            if (plan.tied && n == "lm_head.weight") {
                n          = "model.embed_tokens.weight";
                plan.note  = "tied embeddings: lm_head.weight IS model.embed_tokens.weight";
            }
            bool found = false;
            for (auto & t : all) found = found || t.name == n;
            if (!found) {
                std::string some;
                for (size_t i = 0; i < all.size() && i < 6; i++) some += (i ? ", " : "") + all[i].name;
                throw Error("influence: parameter set 'names': no tensor named '" + n + "' (names look like " + some + ")");
            }
            want.insert(n);
        }
        pick([&](const Tap & t) { return want.count(t.name) > 0; });
        for (auto & t : plan.taps)
            if ((t.kind == Kind::LoraA || t.kind == Kind::LoraB) && d.lora_merged)
                throw Error("influence: '" + t.name + "': the adapter is merged into the weights; unmerge it first");
        break;
    }
    }
    if (plan.taps.empty()) throw Error(std::string("influence: parameter set '") + param_set_name(opt.params) + "' selects no tensor");
    int64_t off = 0;
    for (auto & t : plan.taps) {
        t.offset = off;
        off += t.numel;
        if (t.kind == Kind::Embed) plan.need_embed = true;
        if (t.kind == Kind::Head || (t.kind == Kind::Embed && plan.tied)) plan.need_head = true;
        if (t.lin) plan.modules.insert(t.lin);
        if (t.norm) plan.modules.insert(t.norm);
    }
    plan.D0 = off;
    return plan;
}


Batch make_batch(const Model & model, const std::vector<TokenizedSample> & samples, size_t begin, size_t end,
                 LossConvention loss) {
    const ModelConfig & cfg = model.info().config;
    int64_t T = 0;
    for (size_t i = begin; i < end; i++) {
        const TokenizedSample & s = samples[i];
        const int64_t n = int64_t(s.ids.size());
        const std::string where = "influence: sample " + std::to_string(i) + ": ";
        if (n == 0) throw Error(where + "no tokens");
        if (s.answer_mask.size() != s.ids.size())
            throw Error(where + "answer_mask has " + std::to_string(s.answer_mask.size()) + " entries for " + std::to_string(n) + " ids");
        if (n > cfg.max_seq_len)
            throw Error(where + std::to_string(n) + " tokens, more than the model's max_seq_len " + std::to_string(cfg.max_seq_len));
        for (int32_t id : s.ids)
            if (id < 0 || id >= cfg.vocab_size)
                throw Error(where + "token id " + std::to_string(id) + " outside the vocabulary [0, " + std::to_string(cfg.vocab_size) + ")");
        T = std::max(T, n);
    }
    const int64_t B = int64_t(end - begin);
    Batch b;
    b.ids     = torch::zeros({B, T}, torch::kInt64);
    b.mask    = torch::zeros({B, T}, torch::kBool);
    b.targets = torch::zeros({B, T}, torch::kInt64);
    b.weights = torch::zeros({B, T}, torch::kFloat32);
    auto ia = b.ids.accessor<int64_t, 2>();
    auto ma = b.mask.accessor<bool, 2>();
    auto ta = b.targets.accessor<int64_t, 2>();
    auto wa = b.weights.accessor<float, 2>();
    for (int64_t r = 0; r < B; r++) {
        const TokenizedSample & s = samples[begin + size_t(r)];
        const int64_t n = int64_t(s.ids.size());
        b.lens.push_back(n);
        for (int64_t p = 0; p < n; p++) {
            ia[r][p] = s.ids[size_t(p)];
            ma[r][p] = true;
        }
        std::vector<int64_t> scored;   // positions whose logit carries loss
        if (loss == LossConvention::Shifted) {
            for (int64_t p = 1; p < n; p++)
                if (s.answer_mask[size_t(p)]) {
                    ta[r][p - 1] = s.ids[size_t(p)];
                    scored.push_back(p - 1);
                }
        } else {
            // RapidIn: labels = ids with labels[:n_prompt-1] = -100, no shift.
            for (int64_t p = std::max<int64_t>(0, int64_t(s.n_prompt) - 1); p < n; p++) {
                ta[r][p] = s.ids[size_t(p)];
                scored.push_back(p);
            }
        }
        for (int64_t p : scored) wa[r][p] = 1.0f / float(scored.size());
    }
    return b;
}

// Per-row loss [B] = sum_t weights * CE(logits_t, target_t); logits [B,T,V].
Tensor row_losses(const Tensor & logits, const Batch & b) {
    Tensor logp = torch::log_softmax(logits.to(torch::kFloat32), -1);
    Tensor nll  = -logp.gather(-1, b.targets.unsqueeze(-1)).squeeze(-1);   // [B,T]
    return (nll * b.weights).sum(1);
}


Tensor f32(const Tensor & t) { return t.to(torch::kFloat32); }

// Slices of graph tensors are taken with split/chunk, not narrow: a narrow's backward builds a
// zero tensor of the whole input and copies into it, once per slice (then the engine adds them
// up); a split's backward is one cat of the parts' gradients.
Tensor rotate_half(const Tensor & x) {
    std::vector<Tensor> h = x.chunk(2, -1);
    return torch::cat({-h[1], h[0]}, -1);
}

bool lora_active(const LoraLinearImpl & l) { return l.lora_A.defined() && !l.lora_merged; }

struct Runner {
    LlamaForCausalLMImpl &        net;
    const std::set<const void *> & want;
    Forward &                     f;

    size_t add_site(const Tensor & y) {
        f.site_y.push_back(y);
        return f.site_y.size() - 1;
    }

    Tensor linear(LoraLinearImpl & l, const Tensor & x) {
        Tensor y = torch::linear(x, l.weight, l.bias);
        Tensor xa;
        if (lora_active(l)) {   // as LoraLinearImpl::forward in eval mode
            Tensor xl = x.scalar_type() == l.lora_A.scalar_type() ? x : x.to(l.lora_A.scalar_type());
            xa        = torch::linear(xl, l.lora_A);
            Tensor d  = torch::linear(xa, l.lora_B) * l.lora_scaling;
            y         = y + (d.scalar_type() == y.scalar_type() ? d : d.to(y.scalar_type()));
        }
        if (want.count(&l)) {
            Cap & c = f.caps[&l];
            c.x     = x.detach();
            if (xa.defined()) c.xa = xa.detach();
            c.site  = add_site(y);
            c.width = y.size(-1);
        }
        return y;
    }

    // Layers that read the same input (q|k|v, gate|up) as one GEMM over their concatenated weights
    // [sum out, in], as the model's inference path does: fewer and larger products forward and
    // backward, one captured site whose gradient's column slices are the layers' dy, and (for
    // consecutive tensors of the layout) one per-sample product for the whole group. Returns the
    // fused output [B,T,sum out], or an undefined tensor when a layer carries an active adapter
    // (the caller then goes layer by layer). The weights are concatenated here, per micro-batch,
    // rather than taken from the model's fused copy, which may be stale or absent.
    Tensor fused(std::initializer_list<LoraLinearImpl *> ls, const Tensor & x) {
        std::vector<Tensor> ws, bs;
        bool                any = false;
        for (LoraLinearImpl * l : ls) {
            if (lora_active(*l)) return Tensor();
            ws.push_back(l->weight);
            if (l->bias.defined()) bs.push_back(l->bias);
            any = any || want.count(l) > 0;
        }
        Tensor y = torch::linear(x, torch::cat(ws, 0), bs.empty() ? Tensor() : torch::cat(bs, 0));
        if (!any) return y;
        const size_t site = add_site(y);
        Tensor       xd   = x.detach();
        int64_t      col  = 0;
        for (LoraLinearImpl * l : ls) {
            const int64_t w = l->weight.size(0);
            if (want.count(l)) {
                Cap & c = f.caps[l];
                c.x     = xd;
                c.site  = site;
                c.col   = col;
                c.width = w;
            }
            col += w;
        }
        return y;
    }

    Tensor rmsnorm(RMSNormImpl & m, const Tensor & x) {
        if (!want.count(&m)) return m.forward(x);
        Tensor normed;
        if (x.scalar_type() == torch::kFloat32) {
            normed = x * torch::rsqrt(x.pow(2).mean(-1, true) + m.eps);
        } else {
            Tensor xf = x.to(torch::kFloat32);
            normed    = (xf * torch::rsqrt(xf.pow(2).mean(-1, true) + m.eps)).to(x.scalar_type());
        }
        Tensor y = m.weight * normed;
        Cap &  c = f.caps[&m];
        c.n      = normed.detach();
        c.site   = add_site(y);
        c.width  = y.size(-1);
        return y;
    }

    Tensor attention(AttentionImpl & a, const Tensor & x, const Tensor & cos, const Tensor & sin, const Tensor & bias) {
        const int64_t B = x.size(0), T = x.size(1), H = a.n_heads, KV = a.n_kv_heads, hd = a.head_dim, G = H / KV;
        Tensor q, k, v;
        if (Tensor qkv = fused({a.q_proj.get(), a.k_proj.get(), a.v_proj.get()}, x); qkv.defined()) {
            std::vector<Tensor> p = qkv.view({B, T, H + 2 * KV, hd}).split_with_sizes({H + KV, KV}, 2);
            Tensor qk = p[0].transpose(1, 2);                       // [B,H+KV,T,hd]: q and k heads take one RoPE
            qk        = qk * cos + rotate_half(qk) * sin;
            std::vector<Tensor> s = qk.split_with_sizes({H, KV}, 1);
            q         = s[0];                                       // [B,H,T,hd]
            k         = s[1];                                       // [B,KV,T,hd]
            v         = p[1].transpose(1, 2);                       // [B,KV,T,hd]
        } else {
            q = linear(*a.q_proj, x).view({B, T, H, hd}).transpose(1, 2);
            k = linear(*a.k_proj, x).view({B, T, KV, hd}).transpose(1, 2);
            v = linear(*a.v_proj, x).view({B, T, KV, hd}).transpose(1, 2);
            q = q * cos + rotate_half(q) * sin;
            k = k * cos + rotate_half(k) * sin;
        }
        Tensor qg     = q.reshape({B, KV, G * T, hd});
        Tensor scores = torch::matmul(qg, k.transpose(-1, -2)) * (1.0 / std::sqrt(double(hd)));
        scores        = scores.view({B, KV, G, T, T}) + bias;
        Tensor probs  = torch::softmax(scores, -1, torch::kFloat32).to(q.scalar_type());
        Tensor out    = torch::matmul(probs.view({B, KV, G * T, T}), v);
        out           = out.view({B, H, T, hd}).transpose(1, 2).reshape({B, T, H * hd});
        return linear(*a.o_proj, out);
    }

    Tensor mlp(MlpImpl & m, const Tensor & x) {
        if (Tensor gu = fused({m.gate_proj.get(), m.up_proj.get()}, x); gu.defined()) {
            std::vector<Tensor> g = gu.split_with_sizes({m.gate_proj->weight.size(0), m.up_proj->weight.size(0)}, -1);
            return linear(*m.down_proj, torch::silu(g[0]) * g[1]);
        }
        return linear(*m.down_proj, torch::silu(linear(*m.gate_proj, x)) * linear(*m.up_proj, x));
    }

    // Fills f (captures, logits, per-row losses).
    void run(const Batch & b, torch::ScalarType dtype, bool keep_head) {
        const int64_t B = b.ids.size(0), T = b.ids.size(1);
        Tensor pos  = torch::arange(T, torch::kInt64).unsqueeze(0).expand({B, T});
        Tensor bias = net.causal_bias(b.mask, dtype);
        f.e         = net.model->embed_tokens(b.ids).detach().requires_grad_(true);   // [B,T,D]
        Tensor h    = f.e;
        const auto [cos, sin] = net.rope(pos, dtype);                                  // [B,1,T,hd]
        Tensor bb   = bias.to(dtype);
        for (auto & L : net.model->layer_list) {
            h = h + attention(*L->self_attn, rmsnorm(*L->input_layernorm, h), cos, sin, bb);
            h = h + mlp(*L->mlp, rmsnorm(*L->post_attention_layernorm, h));
        }
        h        = rmsnorm(*net.model->norm, h);
        f.logits = torch::linear(h, net.lm_head);                                    // [B,T,V]
        if (keep_head) f.h = h.detach();
        f.losses = row_losses(f.logits, b);
    }
};

// One forward + backward; every captured tensor's gradient filled in. Padded positions carry no
// loss and (right padding, causal mask) influence no real one, so their gradients are zero; the
// consumers below still read only the first len_b positions of row b, so nothing but real tokens
// can ever contribute (no [B,T] mask pass over every captured gradient).
Forward forward_backward(const Model & model, const Plan & plan, const Batch & b) {
    torch::AutoGradMode grad_on(true);
    Forward f;
    Runner  run{*net_of(model), plan.modules, f};
    run.run(b, model.impl()->dtype, plan.need_head);
    std::vector<Tensor> inputs = f.site_y;
    if (plan.need_embed) inputs.push_back(f.e);
    if (plan.need_head) inputs.push_back(f.logits);
    auto grads = torch::autograd::grad({f.losses.sum()}, inputs, {}, /*retain_graph=*/false,
                                       /*create_graph=*/false, /*allow_unused=*/true);
    auto as_f32 = [&](const Tensor & g, const Tensor & like) {
        return g.defined() ? f32(g) : torch::zeros(like.sizes(), torch::kFloat32);
    };
    size_t k = 0;
    for (const Tensor & y : f.site_y) f.site_dy.push_back(as_f32(grads[k++], y));
    if (plan.need_embed) f.de = as_f32(grads[k++], f.e).contiguous();
    if (plan.need_head) f.dlogits = as_f32(grads[k++], f.logits);
    for (auto & [key, c] : f.caps) {
        const Tensor & g = f.site_dy[c.site];
        c.dy = c.width == g.size(-1) ? g : g.narrow(-1, c.col, c.width);
    }
    f.site_y.clear();
    f.logits = Tensor();
    return f;
}

// Untied embedding of row r: the touched rows' ids [n] and gradients [n, D].
std::pair<Tensor, Tensor> sparse_embed(const Forward & f, const Batch & b, int64_t r) {
    const int64_t len = b.lens[size_t(r)];
    Tensor ids = b.ids[r].narrow(0, 0, len);
    auto [uniq, inverse] = torch::_unique(ids, /*sorted=*/true, /*return_inverse=*/true);
    Tensor g = torch::zeros({uniq.size(0), f.de.size(2)}, torch::kFloat32).index_add_(0, inverse, f.de[r].narrow(0, 0, len));
    return {uniq, g};
}

bool is_sparse(const Plan & plan, const Tap & t) { return t.kind == Kind::Embed && !plan.tied; }


std::vector<Unit> make_units(const Plan & plan, const Forward & f) {
    std::vector<Unit> units;
    for (const Tap & t : plan.taps) {
        if (!units.empty() && !units.back().sparse && t.kind == Kind::LinearW) {
            Unit &      u    = units.back();
            const Tap & last = *u.taps.back();
            if (last.kind == Kind::LinearW && t.offset == u.offset + u.numel && u.numel + t.numel <= kChunkFloats) {
                const Cap & cl = f.caps.at(last.lin);
                const Cap & ct = f.caps.at(t.lin);
                if (ct.site == cl.site && ct.col == cl.col + cl.width) {
                    u.taps.push_back(&t);
                    u.numel += t.numel;
                    continue;
                }
            }
        }
        Unit u;
        u.taps   = {&t};
        u.offset = t.offset;
        u.numel  = t.numel;
        u.sparse = is_sparse(plan, t);
        units.push_back(u);
    }
    for (Unit & u : units) {
        const Tap & t = *u.taps[0];
        switch (t.kind) {
        case Kind::LinearW: {
            const Cap & c     = f.caps.at(t.lin);
            int64_t     width = 0;
            for (const Tap * m : u.taps) width += f.caps.at(m->lin).width;
            u.a = f.site_dy[c.site].narrow(-1, c.col, width);   // [B,T,sum out], row stride = the site's width
            u.x = f32(c.x);
            break;
        }
        case Kind::LoraA:
        case Kind::LoraB: {
            const Cap & c = f.caps.at(t.lin);
            u.a = c.dy;
            u.x = f32(t.kind == Kind::LoraB ? c.xa : c.x);
            u.w = f32(t.lin->lora_B);
            break;
        }
        case Kind::Norm: {
            const Cap & c = f.caps.at(t.norm);
            u.a = c.dy.contiguous();
            u.x = f32(c.n).contiguous();
            break;
        }
        case Kind::Head:
        case Kind::Embed:
            if (u.sparse) break;
            u.a = f.dlogits;
            u.x = f32(f.h);
            break;
        }
    }
    return units;
}

// Row r of the batch: the unit's per-sample gradient into dst [numel] fp32 (each tap's slice
// divided by its L2 norm when asked). Reads only the row's first L = len_r positions. Runs inside
// at::parallel_for, one row per task: the small GEMMs then go single-threaded, side by side.
void unit_row(const Unit & u, const Batch & b, int64_t r, bool normalize, float * dst) {
    const Tap &   t  = *u.taps[0];
    const int64_t L  = b.lens[size_t(r)];
    auto          to = [&](int64_t rows, int64_t cols) { return torch::from_blob(dst, {rows, cols}, torch::kFloat32); };
    auto          pos = [&](const Tensor & x) { return x[r].narrow(0, 0, L); };   // [L, *]
    switch (t.kind) {
    case Kind::LinearW: {   // dW_b = dy_b^T x_b: [sum out, L] x [L, in]
        Tensor dy = pos(u.a), x = pos(u.x), o = to(dy.size(1), x.size(1));
        at::mm_out(o, dy.t(), x);
        break;
    }
    case Kind::LoraB: {     // dB_b = s dy_b^T (x_b A^T): [out, L] x [L, r]
        Tensor dy = pos(u.a), xa = pos(u.x);
        to(dy.size(1), xa.size(1)).copy_(at::mm(dy.t(), xa).mul_(t.lin->lora_scaling));
        break;
    }
    case Kind::LoraA: {     // dA_b = s (dy_b B)^T x_b: [r, L] x [L, in]
        Tensor dyB = at::mm(pos(u.a), u.w), x = pos(u.x);
        Tensor o   = to(dyB.size(1), x.size(1));
        at::mm_out(o, dyB.t(), x);
        o.mul_(t.lin->lora_scaling);
        break;
    }
    case Kind::Norm: {      // dw_b[d] = sum_p dy_b[p,d] n_b[p,d]
        const int64_t D  = u.a.size(2);
        const float * dy = u.a.data_ptr<float>() + r * u.a.stride(0);
        const float * n  = u.x.data_ptr<float>() + r * u.x.stride(0);
        std::vector<double> acc(size_t(D), 0.0);
        for (int64_t p = 0; p < L; p++)
            for (int64_t d = 0; d < D; d++) acc[size_t(d)] += double(dy[p * D + d]) * double(n[p * D + d]);
        for (int64_t d = 0; d < D; d++) dst[d] = float(acc[size_t(d)]);
        break;
    }
    case Kind::Head:
    case Kind::Embed: {     // head dlogits_b^T h_b [V, D]; tied embedding: plus the input rows de_b[p] at ids[p]
        Tensor dl = pos(u.a), h = pos(u.x), o = to(dl.size(1), h.size(1));
        at::mm_out(o, dl.t(), h);
        if (t.kind == Kind::Embed) {
            const int64_t D = h.size(1);
            Tensor        de = f32(pos(u.w));
            const float * g  = de.data_ptr<float>();
            auto          ia = b.ids.accessor<int64_t, 2>();
            for (int64_t p = 0; p < L; p++)
                for (int64_t d = 0; d < D; d++) dst[ia[r][p] * D + d] += g[p * D + d];
        }
        break;
    }
    }
    if (!normalize) return;
    for (const Tap * m : u.taps) {
        float * g  = dst + (m->offset - u.offset);
        double  ss = 0;
        for (int64_t i = 0; i < m->numel; i++) ss += double(g[i]) * double(g[i]);
        const float nrm = std::max(float(std::sqrt(ss)), 1e-12f);
        for (int64_t i = 0; i < m->numel; i++) g[i] /= nrm;
    }
}

// One tap's dense per-sample gradient of batch row r, unnormalised: [numel] fp32.
std::vector<float> tap_row(const Plan & plan, const Tap & t, const Forward & f, const Batch & b, int64_t r) {
    Plan one;
    one.tied = plan.tied;
    one.taps = {t};
    Unit u   = make_units(one, f)[0];
    if (t.kind == Kind::Embed) u.w = f.de;
    std::vector<float> g(size_t(t.numel), 0.0f);
    unit_row(u, b, r, false, g.data());
    return g;
}

// n zeroed floats. The result of per_sample_gradients is n x D0 floats (185 MB for the default
// lab's linear set): with 4 KiB pages, first-touch page faults cost more than all the arithmetic
// on this VM (0.6 s for 185 MB against 0.03 s with 2 MiB pages). So reserve the block, ask for
// transparent huge pages over it (advisory: harmless where refused), then zero it. Both paths.
std::vector<float> zeroed_floats(size_t n) {
    std::vector<float> v;
    v.reserve(n);
#ifdef __linux__
    constexpr uintptr_t kHuge = uintptr_t(2) << 20;
    const uintptr_t     a     = (reinterpret_cast<uintptr_t>(v.data()) + kHuge - 1) & ~(kHuge - 1);
    const uintptr_t     e     = reinterpret_cast<uintptr_t>(v.data() + n) & ~(kHuge - 1);
    if (e > a + kHuge) madvise(reinterpret_cast<void *>(a), e - a, MADV_HUGEPAGE);
#endif
    v.resize(n);
    return v;
}

void check_batch_size(const InfluenceOptions & opt) {
    if (opt.batch_size <= 0) throw Error("influence: batch_size must be positive, got " + std::to_string(opt.batch_size));
}

} // namespace rapidun::grads_detail
