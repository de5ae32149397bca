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
    std::vector<const TokenizedSample *> rows;
    for (size_t i = begin; i < end; i++) {
        check_sample(model.info().config, samples[i], "influence: sample " + std::to_string(i));
        rows.push_back(&samples[i]);
    }
    return rapidun::make_batch(rows, loss == LossConvention::Shifted ? Targets::Answer : Targets::RapidIn);
}

// Per-row loss [B] = the mean CE over the row's scored positions (0 for a row without any); logits [B,T,V].
Tensor row_losses(const Tensor & logits, const Batch & b) {
    Tensor scored = b.targets.ne(-100);                                                      // [B,T]
    Tensor w      = scored.to(torch::kFloat32) / scored.sum(1, true).clamp_min(1).to(torch::kFloat32);
    Tensor logp   = torch::log_softmax(logits.to(torch::kFloat32), -1);
    Tensor nll    = -logp.gather(-1, b.targets.clamp_min(0).unsqueeze(-1)).squeeze(-1);     // [B,T]
    return (nll * w).sum(1);
}


Tensor f32(const Tensor & t) { return t.to(torch::kFloat32); }

namespace {

// The hooks of the capture: the inputs (x, LoRA's x A^T, RMSNorm's normalised input) of the
// layers in `want`, and each captured output as a site whose gradient the backward fills in.
struct Capture : ForwardHooks {
    const std::set<const void *> & want;
    Forward &                      f;

    Capture(const std::set<const void *> & w, Forward & fw) : want(w), f(fw) { fuse_groups = true; }

    size_t add_site(const Tensor & y) {
        f.site_y.push_back(y);
        return f.site_y.size() - 1;
    }

    Tensor embedded(const Tensor & e) override {
        f.e = e.detach().requires_grad_(true);   // a leaf: every layer is then in the graph
        return f.e;
    }

    void projected(std::initializer_list<LoraLinearImpl *> layers, const Tensor & x, const Tensor & xa,
                   const Tensor & y) override {
        bool any = false;
        for (LoraLinearImpl * l : layers) any = any || want.count(l) > 0;
        if (!any) return;
        const size_t site = add_site(y);
        Tensor       xd   = x.detach();
        int64_t      col  = 0;
        for (LoraLinearImpl * l : layers) {
            const int64_t w = l->weight.size(0);
            if (want.count(l)) {
                Cap & c = f.caps[l];
                c.x     = xd;
                if (xa.defined()) c.xa = xa.detach();
                c.site  = site;
                c.col   = col;
                c.width = w;
            }
            col += w;
        }
    }

    void normalized(RMSNormImpl & m, const Tensor & n, const Tensor & y) override {
        if (!want.count(&m)) return;
        Cap & c = f.caps[&m];
        c.n     = n.detach();
        c.site  = add_site(y);
        c.width = y.size(-1);
    }
};

} // namespace

// Each capture's dy: its columns of its site's gradient.
static void slice_dy(Forward & f) {
    for (auto & [key, c] : f.caps) {
        const Tensor & g = f.site_dy[c.site];
        c.dy = c.width == g.size(-1) ? g : g.narrow(-1, c.col, c.width);
    }
}

// One forward + backward; every captured tensor's gradient filled in. Padded positions carry no
// loss and (right padding, causal mask) influence no real one, so their gradients are zero; the
// consumers below still read only the first len_b positions of row b, so nothing but real tokens
// can ever contribute (no [B,T] mask pass over every captured gradient).
Forward forward_backward(const Model & model, const Plan & plan, const Batch & b) {
    torch::AutoGradMode grad_on(true);
    Forward f;
    Capture hooks(plan.modules, f);
    Batch   bd = b.to(device_of(model));                                        // b itself stays on the host
    Tensor  h  = batch_hidden(net_of(model), bd, model.impl()->dtype, &hooks);  // [B,T,D]
    f.logits   = net_of(model)->logits(h);                                      // [B,T,V]
    if (plan.need_head) f.h = h.detach();
    f.losses = row_losses(f.logits, bd);
    std::vector<Tensor> inputs = f.site_y;
    if (plan.need_embed) inputs.push_back(f.e);
    if (plan.need_head) inputs.push_back(f.logits);
    auto grads = torch::autograd::grad({f.losses.sum()}, inputs, {}, /*retain_graph=*/false,
                                       /*create_graph=*/false, /*allow_unused=*/true);
    auto as_f32 = [&](const Tensor & g, const Tensor & like) {
        return g.defined() ? f32(g) : torch::zeros(like.sizes(), like.options().dtype(torch::kFloat32));
    };
    size_t k = 0;
    for (const Tensor & y : f.site_y) f.site_dy.push_back(as_f32(grads[k++], y));
    if (plan.need_embed) f.de = as_f32(grads[k++], f.e).contiguous();
    if (plan.need_head) f.dlogits = as_f32(grads[k++], f.logits);
    slice_dy(f);
    f.site_y.clear();
    f.logits = Tensor();
    return f;
}

// Untied embedding of row r: the touched rows' ids [n] and gradients [n, D].
std::pair<Tensor, Tensor> sparse_embed(const Forward & f, const Batch & b, int64_t r) {
    const int64_t len = b.lens[size_t(r)];
    Tensor ids = b.ids[r].narrow(0, 0, len).to(f.de.device());
    auto [uniq, inverse] = torch::_unique(ids, /*sorted=*/true, /*return_inverse=*/true);
    Tensor g = torch::zeros({uniq.size(0), f.de.size(2)}, f.de.options()).index_add_(0, inverse, f.de[r].narrow(0, 0, len));
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

// Rows [b0, b0+nb) of the unit's per-sample gradients at once, [nb, numel] fp32 on the unit's
// device (the GPU path of emit_batch): batched products over all T positions, since a padded
// position's gradient is exactly zero (no loss there, and right padding reaches no real token).
Tensor unit_rows(const Unit & u, const Batch & b, int64_t b0, int64_t nb, bool normalize) {
    const Tap & t    = *u.taps[0];
    auto        rows = [&](const Tensor & x) { return x.narrow(0, b0, nb); };
    Tensor      o;
    switch (t.kind) {
    case Kind::LinearW: o = torch::bmm(rows(u.a).transpose(1, 2), rows(u.x)); break;                                  // [nb,out,in]
    case Kind::LoraB: o = torch::bmm(rows(u.a).transpose(1, 2), rows(u.x)) * t.lin->lora_scaling; break;              // [nb,out,r]
    case Kind::LoraA: o = torch::bmm(torch::matmul(rows(u.a), u.w).transpose(1, 2), rows(u.x)) * t.lin->lora_scaling; break;   // [nb,r,in]
    case Kind::Norm: o = (rows(u.a) * rows(u.x)).sum(1); break;                                                         // [nb,D]
    case Kind::Head:
    case Kind::Embed:
        o = torch::bmm(rows(u.a).transpose(1, 2), rows(u.x));                                                           // [nb,V,D]
        if (t.kind == Kind::Embed) {   // tied: plus the input rows de_b[p] at ids[p]
            Tensor ids = b.ids.to(o.device());
            for (int64_t r = 0; r < nb; r++) {
                const int64_t L = b.lens[size_t(b0 + r)];
                o[r].index_add_(0, ids[b0 + r].narrow(0, 0, L), f32(u.w[b0 + r].narrow(0, 0, L)));
            }
        }
        break;
    }
    o = o.reshape({nb, u.numel});
    if (normalize)
        for (const Tap * m : u.taps) {
            Tensor g = o.narrow(1, m->offset - u.offset, m->numel);
            g.div_(g.norm(2, {1}, /*keepdim=*/true).clamp_min(1e-12));
        }
    return o;
}

// The captured tensors on the host (token_influence reads them there, one row).
Forward to_host(Forward f) {
    auto host = [](Tensor & t) {
        if (t.defined()) t = t.cpu();
    };
    for (auto & [key, c] : f.caps) {
        host(c.x), host(c.xa), host(c.n);   // dy: re-sliced below from the moved sites
    }
    for (Tensor & t : f.site_dy) host(t);
    host(f.e), host(f.de), host(f.h), host(f.dlogits), host(f.losses);
    slice_dy(f);
    return f;
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
