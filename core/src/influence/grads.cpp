// Per-sample gradients (batched and reference loop), sketched gradients, token-wise influence,
// the TracIn matmul and the model/adapter hashes: the influence engine's LibTorch API. The batched
// path's machinery (parameter plan, batches, capturing forward/backward, per-sample products) is in
// grads_capture.h / .cpp. Shapes: B = micro-batch, T = longest sample in it, D = model dim, V = vocab,
// r = LoRA rank, in/out = a linear layer's widths.
//
// The batched path runs one forward+backward per micro-batch through the model's own forward
// (model/llama.cpp) with hooks (ForwardHooks) that keep, at every layer in the parameter set, its
// input x [B,T,in] (and x A^T for LoRA) and its output y. The loss is the sum of the per-sample
// losses; samples do not interact (per-row attention mask, per-position norms), so the gradient of
// that sum at y, row b, is sample b's own output gradient dy_b. Weight gradients then follow per
// sample: dW_b = dy_b^T x_b, dB_b = s dy_b^T (x_b A^T), dA_b = s (dy_b B)^T x_b, embedding rows =
// scatter-add of the gradient at the embedding output, untied head = dlogits_b^T h_b.
#include "rapidun/influence/influence.h"
#include "rapidun/influence/sketch_cache.h"

#include "grads_capture.h"
#include "rapidun/error.h"
#include "rapidun/kernels/sketch.h"
#ifdef RAPIDUN_HAVE_CUDA_KERNELS
#include "rapidun/kernels/sketch_cuda.h"
#endif

#include <algorithm>
#include <cmath>
#include <utility>

namespace rapidun {

using torch::Tensor;
using namespace grads_detail;

// ---------------------------------------------------------------------------------------------

GradLayout gradient_layout(const Model & model, const InfluenceOptions & opt) {
    Plan       plan = make_plan(model, opt);
    GradLayout out;
    for (auto & t : plan.taps) out.tensors.push_back({t.name, t.shape, t.numel, t.offset});
    out.D0   = plan.D0;
    out.note = plan.note;
    return out;
}

std::vector<float> per_sample_gradients(Model & model, const std::vector<TokenizedSample> & samples,
                                        const InfluenceOptions & opt, GradPath path) {
    check_batch_size(opt);
    const Plan    plan = make_plan(model, opt);
    const int64_t n = int64_t(samples.size()), D0 = plan.D0;
    std::vector<float> out = zeroed_floats(size_t(n * D0));
    if (path != GradPath::Loop) {
        for (size_t begin = 0; begin < samples.size(); begin += size_t(opt.batch_size)) {
            const size_t end  = std::min(samples.size(), begin + size_t(opt.batch_size));
            Batch        b    = make_batch(model, samples, begin, end, opt.loss);
            Forward      f    = forward_backward(model, plan, b);
            const int64_t row = int64_t(begin);
            // Straight into the result rows: no per-tap buffer, no copy.
            emit_batch(plan, f, b, opt.normalize_layers,
                       [&](int64_t offset, int64_t, int64_t b0, int64_t) {
                           return std::pair<float *, int64_t>(out.data() + (row + b0) * D0 + offset, D0);
                       },
                       [](int64_t, int64_t, int64_t, int64_t, float *, int64_t) {},
                       [&](const Tap & t, int64_t r, const Tensor & ids, const Tensor & g) {
                           const int64_t D  = g.size(1);
                           auto          ia = ids.accessor<int64_t, 1>();
                           for (int64_t k = 0; k < ids.size(0); k++)
                               std::copy_n(g[k].data_ptr<float>(), D, out.data() + (row + r) * D0 + t.offset + ia[k] * D);
                       },
                       path == GradPath::Gemm);
        }
        return out;
    }
    // Reference loop: batch 1 through the model's own forward, torch::autograd::grad per sample.
    LlamaForCausalLM &  net = net_of(model);
    std::vector<Tensor> params;
    for (auto & t : plan.taps) params.push_back(t.param);
    RefMode             mode(net, params);
    torch::AutoGradMode grad_on(true);
    for (size_t i = 0; i < samples.size(); i++) {
        Batch   b    = make_batch(model, samples, i, i + 1, opt.loss);
        Batch   bd   = b.to(device_of(model));
        Tensor  loss = row_losses(net->logits(batch_hidden(net, bd, model.impl()->dtype)), bd).sum();
        auto    g    = torch::autograd::grad({loss}, params, {}, false, false, /*allow_unused=*/true);
        for (size_t k = 0; k < plan.taps.size(); k++) {
            const Tap & t  = plan.taps[k];
            Tensor      gk = g[k].defined() ? f32(g[k]).reshape({-1}) : torch::zeros({t.numel}, torch::kFloat32);
            if (opt.normalize_layers) gk = gk / gk.norm().clamp_min(1e-12);
            gk = gk.cpu().contiguous();
            std::copy_n(gk.data_ptr<float>(), t.numel, out.data() + int64_t(i) * D0 + t.offset);
        }
    }
    return out;
}

std::vector<double> per_sample_losses(Model & model, const std::vector<TokenizedSample> & samples, const InfluenceOptions & opt) {
    check_batch_size(opt);
    LlamaForCausalLM & net = net_of(model);
    torch::NoGradGuard no_grad;
    std::vector<double> out;
    for (size_t begin = 0; begin < samples.size(); begin += size_t(opt.batch_size)) {
        const size_t  end  = std::min(samples.size(), begin + size_t(opt.batch_size));
        Batch         b    = make_batch(model, samples, begin, end, opt.loss);
        const int64_t B    = b.ids.size(0);
        Batch         bd   = b.to(device_of(model));
        Tensor        l    = row_losses(net->logits(batch_hidden(net, bd, model.impl()->dtype)), bd).to(torch::kFloat64).cpu().contiguous();
        out.insert(out.end(), l.data_ptr<double>(), l.data_ptr<double>() + B);
    }
    return out;
}

RapidGradSketch make_sketch(const Model & model, const InfluenceOptions & opt) {
    const int64_t D0 = make_plan(model, opt).D0;
    return RapidGradSketch(D0, sketch_width(opt.K, D0), opt.seed);
}

namespace {

// The one dispatch point of the fused sketch scatter: one tap's rows G [nb, n] (row stride ld
// floats) into out [nb, K] (row stride K), bucket / sign [n], all where G is: the CPU reference
// (kernels::sketch_accumulate_rows_norm_f32) on the host, its CUDA twin on a GPU. With
// `normalize`, each row enters divided by its L2 norm (the kernel's norm_sq, same pass).
void sketch_rows(const Tensor & G, int64_t ld, const Tensor & bucket, const Tensor & sign, Tensor & out,
                           bool normalize) {
    const int64_t nb = G.size(0), n = G.size(1), K = out.size(1);
    Tensor        dst = normalize ? torch::zeros_like(out) : out;
    Tensor        nsq = torch::zeros({nb}, out.options());
    if (G.is_cpu()) {
        kernels::sketch_accumulate_rows_norm_f32(G.data_ptr<float>(), nb, n, ld, bucket.data_ptr<int32_t>(), sign.data_ptr<int8_t>(),
                                                 dst.data_ptr<float>(), K, nsq.data_ptr<float>());
    } else {
#ifdef RAPIDUN_HAVE_CUDA_KERNELS
        const std::string err = kernels::sketch_accumulate_rows_norm_cuda(G.data_ptr<float>(), nb, n, ld, bucket.data_ptr<int32_t>(),
                                                                          sign.data_ptr<int8_t>(), dst.data_ptr<float>(), K,
                                                                          nsq.data_ptr<float>());
        if (!err.empty()) throw Error("influence: the CUDA sketch kernel failed: " + err);
#else
        throw Error("influence: a model on a GPU, but this build has no CUDA kernels (RAPIDUN_ENABLE_CUDA=OFF)");
#endif
    }
    if (normalize) out.add_(dst / nsq.sqrt().clamp_min(1e-12).unsqueeze(1));
}

// sketch_gradients' device path (a model on a GPU, or GradPath::Gemm on the CPU): per-sample rows
// and their sketches stay where the model is (the sketch tables are copied there once); only the
// [B, K] sketches come back to the host.
std::vector<float> sketch_gradients_device(Model & model, const std::vector<TokenizedSample> & samples,
                                           const InfluenceOptions & opt, const RapidGradSketch & sketch, const Plan & plan,
                                           const CancelToken * cancel) {
    const torch::Device dev = device_of(model);
    const int64_t       K = sketch.K(), D0 = sketch.D0();
    const Tensor bucket = torch::from_blob(const_cast<int32_t *>(sketch.bucket().data()), {D0}, torch::kInt32).to(dev);
    const Tensor sign   = torch::from_blob(const_cast<int8_t *>(sketch.sign().data()), {D0}, torch::kInt8).to(dev);
    std::vector<float> out(samples.size() * size_t(K), 0.0f);
    for (size_t begin = 0; begin < samples.size(); begin += size_t(opt.batch_size)) {
        if (cancel) cancel->throw_if_cancelled();
        const size_t  end = std::min(samples.size(), begin + size_t(opt.batch_size));
        Batch         b   = make_batch(model, samples, begin, end, opt.loss);
        Forward       f   = forward_backward(model, plan, b);
        const int64_t B   = int64_t(end - begin);
        Tensor        o   = torch::zeros({B, K}, torch::TensorOptions().device(dev).dtype(torch::kFloat32));
        for (Unit & u : make_units(plan, f)) {
            const Tap & t = *u.taps[0];
            if (u.sparse) {   // untied embedding: the touched rows' coordinates, gathered and added
                const int64_t D = f.de.size(2);
                for (int64_t r = 0; r < B; r++) {
                    auto [ids, g] = sparse_embed(f, b, r);                                    // [n], [n, D]
                    if (opt.normalize_layers) g = g / g.norm().clamp_min(1e-12);
                    Tensor at = (t.offset + ids.unsqueeze(1) * D + torch::arange(D, ids.options())).reshape({-1});
                    o[r].index_add_(0, bucket.index({at}).to(torch::kInt64), g.reshape({-1}) * sign.index({at}).to(torch::kFloat32));
                }
                continue;
            }
            if (t.kind == Kind::Embed) u.w = f.de;
            const int64_t chunk = std::max<int64_t>(1, kChunkFloats / std::max<int64_t>(1, u.numel));
            for (int64_t b0 = 0; b0 < B; b0 += chunk) {
                const int64_t nb   = std::min(chunk, B - b0);
                Tensor        rows = unit_rows(u, b, b0, nb, false).contiguous();              // [nb, numel]
                Tensor        ob   = o.narrow(0, b0, nb);
                for (const Tap * m : u.taps) {
                    const int64_t at = m->offset - u.offset;
                    sketch_rows(rows.narrow(1, at, m->numel), u.numel, bucket.narrow(0, m->offset, m->numel),
                                          sign.narrow(0, m->offset, m->numel), ob, opt.normalize_layers);
                }
            }
        }
        Tensor h = o.cpu().contiguous();
        std::copy_n(h.data_ptr<float>(), h.numel(), out.data() + begin * size_t(K));
    }
    return out;
}

} // namespace

std::vector<float> sketch_gradients(Model & model, const std::vector<TokenizedSample> & samples,
                                    const InfluenceOptions & opt, const RapidGradSketch & sketch, const CancelToken * cancel,
                                    GradPath path) {
    check_batch_size(opt);
    const Plan plan = make_plan(model, opt);
    if (sketch.D0() != plan.D0)
        throw Error("sketch_gradients: the sketch was made for D0=" + std::to_string(sketch.D0()) + ", the parameter set '" +
                    param_set_name(opt.params) + "' has D0=" + std::to_string(plan.D0));
    if (path == GradPath::Loop) throw Error("sketch_gradients: the batch-1 loop is a reference for per_sample_gradients only");
    if (path == GradPath::Gemm || !device_of(model).is_cpu())
        return sketch_gradients_device(model, samples, opt, sketch, plan, cancel);
    const int64_t      K = sketch.K();
    std::vector<float> out(samples.size() * size_t(K), 0.0f);
    const int32_t *    bucket = sketch.bucket().data();
    const int8_t *     sign   = sketch.sign().data();
    std::vector<float> buf;   // one unit's rows of a micro-batch [nb, numel], reused
    for (size_t begin = 0; begin < samples.size(); begin += size_t(opt.batch_size)) {
        if (cancel) cancel->throw_if_cancelled();
        const size_t  end = std::min(samples.size(), begin + size_t(opt.batch_size));
        Batch         b   = make_batch(model, samples, begin, end, opt.loss);
        Forward       f   = forward_backward(model, plan, b);
        float *       o   = out.data() + begin * size_t(K);
        emit_batch(plan, f, b, opt.normalize_layers,
                   [&](int64_t, int64_t numel, int64_t, int64_t nb) {
                       buf.resize(size_t(nb * numel));
                       return std::pair<float *, int64_t>(buf.data(), numel);
                   },
                   [&](int64_t offset, int64_t numel, int64_t b0, int64_t nb, float * G, int64_t ld) {
                       kernels::sketch_accumulate_rows_f32(G, nb, numel, ld, bucket + offset, sign + offset, o + b0 * K, K);
                   },
                   [&](const Tap & t, int64_t r, const Tensor & ids, const Tensor & g) {
                       const int64_t D  = g.size(1);
                       auto          ia = ids.accessor<int64_t, 1>();
                       for (int64_t k = 0; k < ids.size(0); k++) {
                           const int64_t at = t.offset + ia[k] * D;
                           kernels::sketch_accumulate_f32(g[k].data_ptr<float>(), D, bucket + at, sign + at, o + r * K);
                       }
                   });
    }
    return out;
}

TokenInfluence token_influence(Model & model, const TokenizedSample & train, const float * test_sketch_K,
                               const RapidGradSketch & sketch, const InfluenceOptions & opt) {
    const Plan plan = make_plan(model, opt);
    if (sketch.D0() != plan.D0)
        throw Error("token_influence: the sketch was made for D0=" + std::to_string(sketch.D0()) + ", the parameter set has D0=" +
                    std::to_string(plan.D0));
    std::vector<TokenizedSample> one{train};
    Batch         b = make_batch(model, one, 0, 1, opt.loss);
    Forward       f = to_host(forward_backward(model, plan, b));
    const int64_t T = b.ids.size(1);
    const auto    dd = torch::kFloat64;
    Tensor        total = torch::zeros({T}, dd);
    // U of a tap: the unsketched test vector over the tap's coordinates, in the tap's shape.
    auto U_of = [&](const Tap & t) {
        Tensor u = torch::empty({t.numel}, torch::kFloat32);
        kernels::unsketch_f32(test_sketch_K, t.numel, sketch.bucket().data() + t.offset, sketch.sign().data() + t.offset,
                              u.data_ptr<float>());
        return u.to(dd).view(t.shape);
    };
    auto at0 = [&](const Tensor & x) { return x[0].to(dd); };   // [T, ...] of the one row
    for (const Tap & t : plan.taps) {
        Tensor U = U_of(t), c;
        switch (t.kind) {
        case Kind::LinearW: {
            const Cap & k = f.caps.at(t.lin);
            c = (torch::matmul(at0(k.dy), U) * at0(k.x)).sum(-1);                                     // dy_t^T U x_t
            break;
        }
        case Kind::LoraB: {
            const Cap & k = f.caps.at(t.lin);
            c = (torch::matmul(at0(k.dy), U) * at0(k.xa)).sum(-1) * t.lin->lora_scaling;
            break;
        }
        case Kind::LoraA: {
            const Cap & k   = f.caps.at(t.lin);
            Tensor      dyB = torch::matmul(at0(k.dy), t.lin->lora_B.cpu().to(dd));                         // [T,r]
            c = (torch::matmul(dyB, U) * at0(k.x)).sum(-1) * t.lin->lora_scaling;
            break;
        }
        case Kind::Norm: {
            const Cap & k = f.caps.at(t.norm);
            c = (at0(k.dy) * at0(k.n) * U).sum(-1);
            break;
        }
        case Kind::Head:
            c = (torch::matmul(at0(f.dlogits), U) * at0(f.h)).sum(-1);
            break;
        case Kind::Embed:
            c = (U.index_select(0, b.ids[0]) * at0(f.de)).sum(-1);                                    // <U[id_t], de_t>
            if (plan.tied) c = c + (torch::matmul(at0(f.dlogits), U) * at0(f.h)).sum(-1);
            break;
        }
        if (opt.normalize_layers) {
            // Normalisation divides the whole tensor's gradient by its norm: divide its parts alike.
            double norm;
            if (is_sparse(plan, t)) norm = sparse_embed(f, b, 0).second.norm().item<double>();
            else {
                double ss = 0;
                for (float v : tap_row(plan, t, f, b, 0)) ss += double(v) * double(v);
                norm = std::sqrt(ss);
            }
            c = c / std::max(norm, 1e-12);
        }
        total += c;
    }
    TokenInfluence out;
    total = total.contiguous();
    out.per_token.assign(total.data_ptr<double>(), total.data_ptr<double>() + T);
    for (double v : out.per_token) out.total += v;
    return out;
}

InfluenceMatrix tracin_matrix(const std::vector<float> & test, const std::vector<float> & train, int64_t K) {
    if (K <= 0) throw Error("tracin_matrix: K must be positive");
    if (test.size() % size_t(K) || train.size() % size_t(K))
        throw Error("tracin_matrix: sketch arrays of " + std::to_string(test.size()) + " and " + std::to_string(train.size()) +
                    " floats are not whole rows of K=" + std::to_string(K));
    InfluenceMatrix m;
    m.n_test  = int64_t(test.size()) / K;
    m.n_train = int64_t(train.size()) / K;
    m.values.assign(size_t(m.n_test * m.n_train), 0.0f);
    if (m.n_test == 0 || m.n_train == 0) return m;
    torch::NoGradGuard no_grad;
    Tensor a = torch::from_blob(const_cast<float *>(test.data()), {m.n_test, K}, torch::kFloat32);
    Tensor b = torch::from_blob(const_cast<float *>(train.data()), {m.n_train, K}, torch::kFloat32);
    Tensor r = torch::matmul(a, b.t()).contiguous();                                                 // [n_test, n_train]
    std::copy_n(r.data_ptr<float>(), r.numel(), m.values.data());
    return m;
}

// The four views are products of the sketches (influence.h); here beside the product itself.
InfluenceMatrix view_matrix(InfluenceView v, const std::vector<float> & forget, const std::vector<float> & retain, int64_t K) {
    switch (v) {
    case InfluenceView::FF: return tracin_matrix(forget, forget, K);   // test = forget, train = forget
    case InfluenceView::FR: return tracin_matrix(retain, forget, K);   // test = retain, train = forget
    case InfluenceView::RF: return tracin_matrix(forget, retain, K);   // test = forget, train = retain
    case InfluenceView::RR: return tracin_matrix(retain, retain, K);   // test = retain, train = retain
    }
    throw Error("unknown influence view");
}

InfluenceViews influence_views(const std::vector<float> & forget, const std::vector<float> & retain, int64_t K) {
    InfluenceViews v;
    v.ff = view_matrix(InfluenceView::FF, forget, retain, K);
    v.fr = view_matrix(InfluenceView::FR, forget, retain, K);
    v.rf = view_matrix(InfluenceView::RF, forget, retain, K);
    v.rr = view_matrix(InfluenceView::RR, forget, retain, K);
    return v;
}

// ---------------------------------------------------------------------------------------------
// Hashes (declared in sketch_cache.h; here because they read tensors)

namespace {
uint64_t hash_tensor(const Tensor & t, uint64_t h) {
    Tensor c = t.detach().cpu().contiguous();
    const int64_t dims = c.dim();
    h = fnv1a64_words(&dims, sizeof dims, h);
    for (int64_t s : c.sizes()) h = fnv1a64_words(&s, sizeof s, h);
    const std::string ty = c.toString();
    h = fnv1a64_words(ty.data(), ty.size(), h);
    return fnv1a64_words(c.data_ptr(), size_t(c.numel()) * c.element_size(), h);
}
} // namespace

std::string model_hash(const Model & model) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (auto & item : net_of(model)->named_parameters(/*recurse=*/true)) {
        h = fnv1a64_words(item.key().data(), item.key().size(), h);
        h = hash_tensor(item.value(), h);
    }
    return hash_hex(h);
}

std::string adapter_hash(const Model & model) {
    if (!model.has_lora()) return "";
    uint64_t h = 0xcbf29ce484222325ull;
    for (auto & t : all_taps(net_of(model))) {
        if (t.kind != Kind::LoraA && t.kind != Kind::LoraB) continue;
        h = fnv1a64_words(t.name.data(), t.name.size(), h);
        h = hash_tensor(t.param, h);
        const double s = t.lin->lora_scaling;
        h = fnv1a64_words(&s, sizeof s, h);
    }
    return hash_hex(h);
}

} // namespace rapidun
