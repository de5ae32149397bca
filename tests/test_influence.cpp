// The influence engine on small models made here: batched per-sample gradients against the
// autograd loop, the RapidGrad sketch, the resumable sketch cache, token-wise influence, the
// matrices, RapidIn's JSON (and the release's real files when ../shared exists), ranking and AUC.
// Includes core's private header to give LoRA B non-zero values (A's gradient vanishes at B = 0).
#include "model/model_impl.h"   // first: LibTorch pulls in glog, whose CHECK check.h replaces
#undef CHECK
#undef CHECK_NEAR
#include "check.h"

#include "rapidun/influence/influence.h"
#include "rapidun/influence/sketch_cache.h"
#include "rapidun/io/atomic_file.h"
#include "rapidun/kernels/sketch.h"
#include "rapidun/train/train.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <numeric>
#include <random>

#include <fcntl.h>
#include <unistd.h>

using namespace rapidun;
using nlohmann::json;

namespace {

ModelConfig tiny_config(bool tied) {
    ModelConfig c;
    c.dim = 32; c.n_layers = 2; c.n_heads = 4; c.n_kv_heads = 2; c.head_dim = 8; c.hidden_dim = 64;
    c.vocab_size = 48; c.max_seq_len = 64; c.tie_embeddings = tied;
    return c;
}

// A model with a LoRA adapter whose B is noise (so both A and B gradients are non-zero).
std::unique_ptr<Model> model_with_lora(bool tied, uint64_t seed, const ModelConfig * config = nullptr) {
    auto m = Model::create(config ? *config : tiny_config(tied), seed);
    LoraSettings s;
    s.r = 4; s.alpha = 8; s.dropout = 0.05; s.seed = seed + 1;
    m->attach_lora(s);
    torch::NoGradGuard ng;
    auto gen = at::detail::createCPUGenerator(seed + 2);
    for (auto & L : net_of(*m)->model->layer_list)
        for (LoraLinear * l : {&L->self_attn->q_proj, &L->self_attn->k_proj, &L->self_attn->v_proj, &L->self_attn->o_proj,
                               &L->mlp->gate_proj, &L->mlp->up_proj, &L->mlp->down_proj})
            (*l)->lora_B.normal_(0.0, 0.05, gen);
    return m;
}

// Samples of different lengths (so batches are padded): BOS, prompt of 2-7 ids, answer of 1-6 ids, EOS.
std::vector<TokenizedSample> samples(int n, uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::vector<TokenizedSample> out;
    for (int i = 0; i < n; i++) {
        TokenizedSample s;
        s.ids.push_back(1);
        const int np = 2 + int(rng() % 6), na = 1 + int(rng() % 6);
        for (int k = 0; k < np; k++) s.ids.push_back(3 + int32_t(rng() % 45));
        s.n_prompt = int32_t(s.ids.size());
        for (int k = 0; k < na; k++) s.ids.push_back(3 + int32_t(rng() % 45));
        s.ids.push_back(2);
        s.n_answer = int32_t(s.ids.size()) - s.n_prompt;
        s.answer_mask.assign(s.ids.size(), 0);
        for (size_t q = size_t(s.n_prompt); q < s.ids.size(); q++) s.answer_mask[q] = 1;
        out.push_back(s);
    }
    return out;
}

std::string tmp(const std::string & name) { return check::fresh_dir(name); }

double dot(const float * a, const float * b, int64_t n) {
    double s = 0;
    for (int64_t i = 0; i < n; i++) s += double(a[i]) * double(b[i]);
    return s;
}
double norm(const float * a, int64_t n) { return std::sqrt(dot(a, a, n)); }

// Largest per-row ||a - b|| / ||b|| over rows of length L.
double max_row_rel(const std::vector<float> & a, const std::vector<float> & b, int64_t L) {
    double w = 0;
    for (size_t r = 0; r * size_t(L) < b.size(); r++) {
        double d = 0, nb = 0;
        for (int64_t i = 0; i < L; i++) {
            const double x = a[r * size_t(L) + size_t(i)], y = b[r * size_t(L) + size_t(i)];
            d += (x - y) * (x - y);
            nb += y * y;
        }
        w = std::max(w, std::sqrt(d) / std::max(std::sqrt(nb), 1e-30));
    }
    return w;
}

double min_row_norm(const std::vector<float> & a, int64_t L) {
    double m = 1e300;
    for (size_t r = 0; r * size_t(L) < a.size(); r++) m = std::min(m, norm(a.data() + r * size_t(L), L));
    return m;
}

double pearson(const std::vector<double> & x, const std::vector<double> & y) {
    const double n = double(x.size());
    const double mx = std::accumulate(x.begin(), x.end(), 0.0) / n, my = std::accumulate(y.begin(), y.end(), 0.0) / n;
    double sxy = 0, sxx = 0, syy = 0;
    for (size_t i = 0; i < x.size(); i++) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / std::sqrt(sxx * syy);
}

InfluenceOptions opts(ParamSet p, bool normalize = false, LossConvention loss = LossConvention::Shifted) {
    InfluenceOptions o;
    o.params = p;
    o.normalize_layers = normalize;
    o.loss = loss;
    o.batch_size = 4;
    return o;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Loss and gradients

TEST_CASE("per-sample losses follow both conventions (checked against Model::logits by hand)") {
    auto m = Model::create(tiny_config(true), 3);
    auto data = samples(5, 1);
    auto shifted = per_sample_losses(*m, data, opts(ParamSet::Embed));
    auto unshifted = per_sample_losses(*m, data, opts(ParamSet::Embed, false, LossConvention::Unshifted));
    auto trainer = answer_nll(*m, data);   // the training code's answer NLL: the shifted convention
    for (size_t i = 0; i < data.size(); i++) {
        const auto & s = data[i];
        const int64_t T = int64_t(s.ids.size()), V = 48;
        std::vector<float> lg = m->logits(s.ids);
        auto nll = [&](int64_t pos, int32_t tok) {
            double mx = -1e300, z = 0;
            for (int64_t v = 0; v < V; v++) mx = std::max(mx, double(lg[size_t(pos * V + v)]));
            for (int64_t v = 0; v < V; v++) z += std::exp(double(lg[size_t(pos * V + v)]) - mx);
            return -(double(lg[size_t(pos * V + tok)]) - mx - std::log(z));
        };
        double a = 0, b = 0;
        int na = 0, nb = 0;
        for (int64_t p = 1; p < T; p++)
            if (s.answer_mask[size_t(p)]) { a += nll(p - 1, s.ids[size_t(p)]); na++; }
        for (int64_t p = s.n_prompt - 1; p < T; p++) { b += nll(p, s.ids[size_t(p)]); nb++; }
        CHECK_NEAR(shifted[i], a / na, 1e-5);
        CHECK_NEAR(unshifted[i], b / nb, 1e-5);
        CHECK_NEAR(shifted[i], trainer[i], 1e-4);
    }
}

TEST_CASE("gradient layout: parameter sets, tied head, LoRA names, errors") {
    auto tied = model_with_lora(true, 3);
    auto untied = Model::create(tiny_config(false), 3);
    const int64_t V = 48, D = 32;
    GradLayout e = gradient_layout(*tied, opts(ParamSet::Embed));
    GradLayout eh = gradient_layout(*tied, opts(ParamSet::EmbedHead));
    CHECK(e.D0 == V * D && eh.D0 == V * D && eh.tensors.size() == 1);
    CHECK(eh.note.find("tied") != std::string::npos);
    GradLayout ehu = gradient_layout(*untied, opts(ParamSet::EmbedHead));
    REQUIRE(ehu.tensors.size() == 2);
    CHECK(ehu.tensors[0].name == "model.embed_tokens.weight" && ehu.tensors[1].name == "lm_head.weight");
    CHECK(ehu.tensors[1].offset == V * D && ehu.D0 == 2 * V * D);
    GradLayout lin = gradient_layout(*untied, opts(ParamSet::Linear));
    // Per block: q [32,32], k and v [16,32] (2 KV heads x 8), o [32,32], gate and up [64,32], down [32,64].
    CHECK(lin.tensors.size() == 14 && lin.D0 == 2 * (2 * 32 * 32 + 2 * 16 * 32 + 3 * 32 * 64));
    GradLayout lora = gradient_layout(*tied, opts(ParamSet::Lora));
    REQUIRE(lora.tensors.size() == 28);
    CHECK(lora.tensors[0].name == "model.layers.0.self_attn.q_proj.lora_A.weight");
    CHECK((lora.tensors[1].shape == std::vector<int64_t>{32, 4}));
    // r = 4: A [4,in], B [out,4] for q, k, v, o, gate, up, down.
    CHECK(lora.D0 == 2 * ((4 * 32 + 32 * 4) + 2 * (4 * 32 + 16 * 4) + (4 * 32 + 32 * 4) + 2 * (4 * 32 + 64 * 4) + (4 * 64 + 32 * 4)));
    InfluenceOptions n = opts(ParamSet::Names);
    n.names = {"base_model.model.model.layers.1.mlp.up_proj.lora_B.weight", "lm_head.weight", "model.norm.weight"};
    GradLayout nl = gradient_layout(*tied, n);
    REQUIRE(nl.tensors.size() == 3);   // canonical order: embed, layer 1's up_proj B, final norm
    CHECK(nl.tensors[0].name == "model.embed_tokens.weight" && nl.tensors[2].name == "model.norm.weight");
    CHECK(nl.note.find("tied") != std::string::npos);
    n.names = {"model.layers.0.mlp.nope.weight"};
    CHECK_THROWS_WITH(gradient_layout(*tied, n), "model.layers.0.mlp.nope.weight");
    CHECK_THROWS_WITH(gradient_layout(*untied, opts(ParamSet::Lora)), "LoRA adapter");
    tied->merge_lora();
    CHECK_THROWS_WITH(gradient_layout(*tied, opts(ParamSet::Lora)), "merged");
}

struct Case {
    const char *     what;
    Model *          m;
    InfluenceOptions o;
};

// Every parameter set on a tied and an untied model with an adapter, normalised or not, both losses.
std::vector<Case> every_param_set(Model * tied, Model * untied) {
    std::vector<Case> cases;
    for (bool nrm : {false, true})
        for (LossConvention lc : {LossConvention::Shifted, LossConvention::Unshifted}) {
            cases.push_back({"lora (tied)", tied, opts(ParamSet::Lora, nrm, lc)});
            cases.push_back({"embed (tied: input rows + head)", tied, opts(ParamSet::Embed, nrm, lc)});
            cases.push_back({"embed (untied: sparse rows)", untied, opts(ParamSet::Embed, nrm, lc)});
            cases.push_back({"embed_head (untied)", untied, opts(ParamSet::EmbedHead, nrm, lc)});
            cases.push_back({"linear (untied, adapter attached)", untied, opts(ParamSet::Linear, nrm, lc)});
            InfluenceOptions n = opts(ParamSet::Names, nrm, lc);
            n.names = {"model.layers.1.post_attention_layernorm.weight", "model.norm.weight",
                       "model.layers.0.mlp.down_proj.lora_A.weight", "model.layers.0.self_attn.k_proj.weight"};
            cases.push_back({"names (norms, a LoRA A, a linear)", untied, n});
        }
    return cases;
}

TEST_CASE("batched per-sample gradients equal the batch-1 autograd loop (1e-5 relative)") {
    auto tied = model_with_lora(true, 5);
    auto untied = model_with_lora(false, 6);
    auto data = samples(7, 2);   // batch 4: one padded batch of 4, one of 3
    std::vector<Case> cases = every_param_set(tied.get(), untied.get());
    double worst = 0;
    for (auto & c : cases) {
        const int64_t D0 = gradient_layout(*c.m, c.o).D0;
        auto fast = per_sample_gradients(*c.m, data, c.o, GradPath::Batched);
        auto ref = per_sample_gradients(*c.m, data, c.o, GradPath::Loop);
        REQUIRE(fast.size() == data.size() * size_t(D0));
        const double rel = max_row_rel(fast, ref, D0);
        const std::string what = std::string(c.what) + (c.o.normalize_layers ? ", normalised, " : ", ") +
                                 loss_convention_name(c.o.loss) + ": rel " + std::to_string(rel);
        worst = std::max(worst, rel);
        CHECK_MSG(rel <= 1e-5, what);
        CHECK_MSG(min_row_norm(ref, D0) > 1e-6, what + " (a gradient is zero: the comparison would prove nothing)");
    }
    std::fprintf(stderr, "  worst per-sample relative difference over %zu cases: %.2e\n", cases.size(), worst);
    // Normalised: every tensor of every sample has unit norm.
    InfluenceOptions o = opts(ParamSet::Lora, true);
    GradLayout lay = gradient_layout(*tied, o);
    auto g = per_sample_gradients(*tied, data, o);
    for (size_t r = 0; r < data.size(); r++)
        for (auto & t : lay.tensors) CHECK_NEAR(norm(g.data() + r * size_t(lay.D0) + t.offset, t.numel), 1.0, 1e-5);
    // The model is left as found: inference still gives the same logits, no tensor requires grad.
    CHECK(!net_of(*tied)->model->layer_list[0]->self_attn->q_proj->lora_A.requires_grad());
    CHECK(!net_of(*tied)->model->embed_tokens->weight.requires_grad());
}

TEST_CASE("the GPU's path run on the CPU (batched GEMMs, fused sketch kernel) equals the batched path") {
    // The rows a model on a GPU forms (GradPath::Gemm: each tensor's rows of a micro-batch at once,
    // over all positions) and its sketches (the fused kernel through its dispatch point, here its
    // CPU reference), against the per-row path, on every parameter set with and without normalisation.
    auto tied = model_with_lora(true, 5);
    auto untied = model_with_lora(false, 6);
    auto data = samples(7, 2);   // batch 4: one padded batch of 4, one of 3
    for (Case & c : every_param_set(tied.get(), untied.get())) {
        const std::string what = std::string(c.what) + (c.o.normalize_layers ? ", normalised, " : ", ") + loss_convention_name(c.o.loss);
        const int64_t D0 = gradient_layout(*c.m, c.o).D0;
        auto rows = per_sample_gradients(*c.m, data, c.o, GradPath::Batched);
        auto gemm = per_sample_gradients(*c.m, data, c.o, GradPath::Gemm);
        const double rel = max_row_rel(gemm, rows, D0);
        CHECK_MSG(rel <= 1e-5, what + ": gradients rel " + std::to_string(rel));
        CHECK_MSG(min_row_norm(rows, D0) > 1e-6, what + " (a gradient is zero: the comparison would prove nothing)");
        c.o.K = 512;
        RapidGradSketch sk = make_sketch(*c.m, c.o);
        auto s_rows = sketch_gradients(*c.m, data, c.o, sk);
        auto s_gemm = sketch_gradients(*c.m, data, c.o, sk, nullptr, GradPath::Gemm);
        const double srel = max_row_rel(s_gemm, s_rows, sk.K());
        CHECK_MSG(srel <= 1e-5, what + ": sketches rel " + std::to_string(srel));
        CHECK_MSG(min_row_norm(s_rows, sk.K()) > 1e-6, what + " (a sketch is zero)");
    }
    CHECK_THROWS_WITH(sketch_gradients(*tied, data, opts(ParamSet::Lora), make_sketch(*tied, opts(ParamSet::Lora)), nullptr,
                                       GradPath::Loop),
                      "per_sample_gradients only");
}

TEST_CASE("per-sample gradients with projection biases and a sliding window equal the batch-1 loop") {
    ModelConfig c = tiny_config(false);
    c.qkv_bias = c.o_bias = c.mlp_bias = true;   // every bias a family has (Llama's attention_bias + mlp_bias)
    c.sliding_window = 3;                        // samples are up to 14 tokens: most keys fall out of it
    auto m = model_with_lora(false, 9, &c);
    auto data = samples(7, 4);
    for (ParamSet ps : {ParamSet::Lora, ParamSet::Linear}) {
        const InfluenceOptions o = opts(ps, false, LossConvention::Shifted);
        const int64_t D0 = gradient_layout(*m, o).D0;
        for (const auto & t : gradient_layout(*m, o).tensors) CHECK(t.name.find(".bias") == std::string::npos);
        auto fast = per_sample_gradients(*m, data, o, GradPath::Batched);
        auto ref = per_sample_gradients(*m, data, o, GradPath::Loop);
        const double rel = max_row_rel(fast, ref, D0);
        CHECK_MSG(rel <= 1e-5, std::string(param_set_name(ps)) + ": rel " + std::to_string(rel));
        CHECK(min_row_norm(ref, D0) > 1e-6);
    }
}

// ---------------------------------------------------------------------------------------------
// Sketch

TEST_CASE("RapidGrad sketch: balanced buckets, seeded, linear, streaming, adjoint unsketch") {
    const int64_t D0 = 1000, K = 64;
    RapidGradSketch s(D0, K, 42);
    CHECK(s.D() == 1024 && s.K() == 64);
    std::vector<int64_t> count(K, 0);
    int64_t plus = 0;
    for (int64_t j = 0; j < s.D(); j++) {
        REQUIRE(s.bucket()[size_t(j)] >= 0 && s.bucket()[size_t(j)] < K);
        count[size_t(s.bucket()[size_t(j)])]++;
        plus += s.sign()[size_t(j)] == 1;
        CHECK(s.sign()[size_t(j)] == 1 || s.sign()[size_t(j)] == -1);
    }
    for (int64_t c : count) CHECK(c == 16);
    CHECK(plus > 400 && plus < 624);
    RapidGradSketch same(D0, K, 42), other(D0, K, 43);
    CHECK(same.bucket() == s.bucket() && same.sign() == s.sign());
    int64_t diff_b = 0, diff_s = 0;
    for (int64_t j = 0; j < s.D(); j++) {
        diff_b += other.bucket()[size_t(j)] != s.bucket()[size_t(j)];
        diff_s += other.sign()[size_t(j)] != s.sign()[size_t(j)];
    }
    CHECK(diff_b > 900 && diff_s > 400);
    // Pinned: std::mt19937_64 is fully specified and the draws are ours, so these never change.
    std::vector<int32_t> b8(s.bucket().begin(), s.bucket().begin() + 8);
    std::vector<int8_t>  s8(s.sign().begin(), s.sign().begin() + 8);
    std::fprintf(stderr, "  pinned bucket[0..8) =");
    for (auto v : b8) std::fprintf(stderr, " %d", v);
    std::fprintf(stderr, "  sign =");
    for (auto v : s8) std::fprintf(stderr, " %d", int(v));
    std::fprintf(stderr, "\n");
    CHECK((b8 == std::vector<int32_t>{5, 61, 16, 57, 5, 32, 18, 38}));
    CHECK((s8 == std::vector<int8_t>{1, 1, 1, 1, -1, -1, 1, -1}));

    std::mt19937_64 rng(7);
    auto rnd = [&] {
        std::vector<float> v(static_cast<size_t>(D0));
        for (auto & x : v) x = float(int64_t(rng() % 2001) - 1000) / 1000.0f;
        return v;
    };
    std::vector<float> g = rnd(), h = rnd(), mix(static_cast<size_t>(D0));
    for (int64_t i = 0; i < D0; i++) mix[size_t(i)] = 2.0f * g[size_t(i)] - 0.5f * h[size_t(i)];
    auto sg = s.apply(g), sh = s.apply(h), sm = s.apply(mix);
    for (int64_t k = 0; k < K; k++) CHECK_NEAR(sm[size_t(k)], 2.0 * sg[size_t(k)] - 0.5 * sh[size_t(k)], 1e-4);
    // Streaming in two slices at their offsets equals the whole vector.
    std::vector<float> parts(size_t(K), 0.0f);
    s.accumulate(g.data(), 300, 0, parts.data());
    s.accumulate(g.data() + 300, D0 - 300, 300, parts.data());
    CHECK(parts == sg);
    // Batched rows equal single rows.
    std::vector<float> two(2 * size_t(D0)), out2(2 * size_t(K), 0.0f);
    std::copy(g.begin(), g.end(), two.begin());
    std::copy(h.begin(), h.end(), two.begin() + D0);
    kernels::sketch_accumulate_rows_f32(two.data(), 2, D0, D0, s.bucket().data(), s.sign().data(), out2.data(), K);
    CHECK(std::vector<float>(out2.begin(), out2.begin() + K) == sg);
    CHECK(std::vector<float>(out2.begin() + K, out2.end()) == sh);
    // Adjoint: <unsketch(s_h), g> == <s_h, sketch(g)>.
    auto u = s.unsketch(sh.data());
    CHECK(int64_t(u.size()) == D0);
    CHECK_NEAR(dot(u.data(), g.data(), D0), dot(sh.data(), sg.data(), K), 1e-3);
    // K == D0: a signed permutation, inner products exact.
    RapidGradSketch exact(D0, D0, 1);
    auto eg = exact.apply(g), eh = exact.apply(h);
    CHECK_NEAR(dot(eg.data(), eh.data(), D0), dot(g.data(), h.data(), D0), 1e-3);
    CHECK(sketch_width(65536, 500) == 500 && sketch_width(8, 500) == 8);
    CHECK_THROWS_WITH(RapidGradSketch(10, 11, 0), "K=11", "D0=10");
}

TEST_CASE("sketched inner products of model gradients track the exact ones (Pearson >= 0.95 at D/K = 16)") {
    auto m = model_with_lora(false, 8);
    auto data = samples(40, 3);
    InfluenceOptions o = opts(ParamSet::Linear);
    o.batch_size = 8;
    const int64_t D0 = gradient_layout(*m, o).D0;
    o.K = D0 / 16;
    auto g = per_sample_gradients(*m, data, o);
    RapidGradSketch sk = make_sketch(*m, o);
    CHECK(sk.K() == D0 / 16 && sk.D() == D0);
    auto s = sketch_gradients(*m, data, o, sk);
    // The streaming path equals sketching the dense gradients.
    std::vector<float> dense_sk;
    for (size_t i = 0; i < data.size(); i++) {
        auto row = sk.apply(std::vector<float>(g.begin() + int64_t(i) * D0, g.begin() + int64_t(i + 1) * D0));
        dense_sk.insert(dense_sk.end(), row.begin(), row.end());
    }
    CHECK(max_row_rel(s, dense_sk, sk.K()) < 1e-5);
    std::mt19937_64 rng(11);
    std::vector<double> exact, est, err;
    while (exact.size() < 200) {
        const size_t i = rng() % data.size(), j = rng() % data.size();
        if (i == j) continue;
        exact.push_back(dot(g.data() + i * size_t(D0), g.data() + j * size_t(D0), D0));
        est.push_back(dot(s.data() + i * size_t(sk.K()), s.data() + j * size_t(sk.K()), sk.K()));
        err.push_back(est.back() - exact.back());
    }
    const double r = pearson(exact, est);
    std::fprintf(stderr, "  Pearson(sketched, exact) over 200 pairs at D/K=16: %.4f\n", r);
    CHECK(r >= 0.95);
    // Unbiased-ish: the mean error is within 4 standard errors of zero.
    const double me = std::accumulate(err.begin(), err.end(), 0.0) / 200.0;
    double var = 0;
    for (double e : err) var += (e - me) * (e - me);
    CHECK(std::fabs(me) < 4.0 * std::sqrt(var / 199.0 / 200.0));
}

// ---------------------------------------------------------------------------------------------
// Cache

TEST_CASE("sketch cache: resume after a kill, torn rows, manifest mismatch, overwrite, fp16") {
    auto m = model_with_lora(true, 9);
    auto data = samples(12, 4);
    InfluenceOptions o = opts(ParamSet::Lora);
    o.batch_size = 3;
    o.K = 256;
    // Uninterrupted reference.
    const std::string ref_dir = tmp("cache-ref");
    CacheReport full = compute_sketch_cache(*m, data, o, ref_dir);
    CHECK(full.n_computed == 12 && full.n_reused == 0);
    SketchCache ref_cache = SketchCache::open(ref_dir, make_manifest(*m, data, o));
    const std::vector<float> ref = ref_cache.read_all();
    CHECK(max_row_rel(ref, sketch_gradients(*m, data, o, make_sketch(*m, o)), 256) < 1e-6);
    auto man = json::parse(read_file_text(ref_dir + "/manifest.json"));
    CHECK(man["K"] == 256 && man["param_set"] == "lora" && man["loss"] == "shifted" && man["adapter_hash"].is_string());
    CHECK(man["n_rows"] == 12 && man["dtype"] == "fp32" && man["seed"] == 42 && man["format_version"] == 1);
    CHECK(man["names"].size() == 28 && man["model_hash"].get<std::string>().size() == 16);

    // A run killed after 6 rows (cancelled from the progress callback) ...
    const std::string dir = tmp("cache-resume");
    CancelToken cancel;
    std::vector<SketchProgress> seen;
    bool cancelled = false;
    try {
        compute_sketch_cache(*m, data, o, dir, {}, [&](const SketchProgress & p) {
            seen.push_back(p);
            if (p.done >= 6) cancel.cancel();
        }, &cancel);
    } catch (const Cancelled &) {
        cancelled = true;
    }
    CHECK(cancelled);
    REQUIRE(!seen.empty());
    CHECK(seen.back().done == 6 && seen.back().total == 12 && seen.back().eta_seconds >= 0);
    // ... whose last row was torn: the file ends half way through row 5.
    int64_t row_bytes = 0;
    {
        SketchCache c = SketchCache::open(dir, make_manifest(*m, data, o));
        row_bytes = c.row_bytes();
        CHECK(c.missing_rows() == (std::vector<int64_t>{6, 7, 8, 9, 10, 11}));
    }
    CHECK(row_bytes == 256 * 4 + 16);
    std::filesystem::resize_file(dir + "/rows.bin", uintmax_t(5 * row_bytes + row_bytes / 2));
    {
        SketchCache c = SketchCache::open(dir, make_manifest(*m, data, o));
        CHECK(c.missing_rows() == (std::vector<int64_t>{5, 6, 7, 8, 9, 10, 11}));
        CHECK(!c.row_valid(5) && c.row_valid(4));
        CHECK_THROWS_WITH(c.read_row(5, std::vector<float>(256).data()), "rows.bin", "row 5");
    }
    CacheReport resumed = compute_sketch_cache(*m, data, o, dir);
    CHECK(resumed.n_reused == 5 && resumed.n_computed == 7);
    std::vector<float> got = SketchCache::open(dir, make_manifest(*m, data, o)).read_all();
    CHECK(max_row_rel(got, ref, 256) < 1e-5);
    CHECK(std::equal(got.begin(), got.begin() + 5 * 256, ref.begin()));   // kept rows are the old bytes

    // A flipped byte in the middle of row 3 is detected and only that row is recomputed.
    {
        const int fd = ::open((dir + "/rows.bin").c_str(), O_RDWR);
        REQUIRE(fd >= 0);
        uint8_t byte = 0;
        REQUIRE(::pread(fd, &byte, 1, 3 * row_bytes + 100) == 1);
        byte ^= 0x10;
        REQUIRE(::pwrite(fd, &byte, 1, 3 * row_bytes + 100) == 1);
        ::close(fd);
    }
    {
        SketchCache c = SketchCache::open(dir, make_manifest(*m, data, o));
        CHECK(c.missing_rows() == std::vector<int64_t>{3});
    }
    CacheReport fix = compute_sketch_cache(*m, data, o, dir);
    CHECK(fix.n_computed == 1 && fix.n_reused == 11);
    CHECK(max_row_rel(SketchCache::open(dir, make_manifest(*m, data, o)).read_all(), ref, 256) < 1e-5);

    // A different request is refused with the field named; nothing is recomputed or mixed.
    InfluenceOptions k2 = o;
    k2.K = 128;
    CHECK_THROWS_WITH(compute_sketch_cache(*m, data, k2, dir), "manifest.json", "'K'", "256", "128");
    InfluenceOptions s2 = o;
    s2.seed = 7;
    CHECK_THROWS_WITH(compute_sketch_cache(*m, data, s2, dir), "'seed'");
    InfluenceOptions l2 = o;
    l2.loss = LossConvention::Unshifted;
    CHECK_THROWS_WITH(compute_sketch_cache(*m, data, l2, dir), "'loss'");
    auto fewer = data;
    fewer.pop_back();
    CHECK_THROWS_WITH(compute_sketch_cache(*m, fewer, o, dir), "'dataset_hash'");
    {
        auto other = model_with_lora(true, 10);
        CHECK_THROWS_WITH(compute_sketch_cache(*other, data, o, dir), "'model_hash'");
    }
    // Overwrite recomputes everything for the new request.
    CacheComputeOptions ow;
    ow.overwrite = true;
    CacheReport redo = compute_sketch_cache(*m, data, k2, dir, ow);
    CHECK(redo.n_computed == 12 && redo.n_reused == 0);
    CHECK(json::parse(read_file_text(dir + "/manifest.json"))["K"] == 128);
    CHECK(std::filesystem::file_size(dir + "/rows.bin") == uintmax_t(12 * (128 * 4 + 16)));

    // fp16 rows: half the bytes, values within fp16 precision.
    CacheComputeOptions h;
    h.dtype = SketchDType::F16;
    const std::string hdir = tmp("cache-fp16");
    compute_sketch_cache(*m, data, o, hdir, h);
    SketchCache hc = SketchCache::open(hdir, make_manifest(*m, data, o, SketchDType::F16));
    CHECK(hc.row_bytes() == 256 * 2 + 16);
    CHECK(max_row_rel(hc.read_all(), ref, 256) < 2e-3);
    CHECK(fnv1a64_words("abc", 3) != fnv1a64_words("abd", 3));
    CHECK(dataset_hash(data) == dataset_hash(samples(12, 4)) && dataset_hash(data) != dataset_hash(fewer));
}

// ---------------------------------------------------------------------------------------------
// Token-wise influence

TEST_CASE("token-wise contributions sum to the sketched score (1e-4 relative)") {
    auto tied = model_with_lora(true, 12);
    auto untied = model_with_lora(false, 13);
    auto data = samples(3, 5);
    struct Case { const char * what; Model * m; InfluenceOptions o; };
    std::vector<Case> cases = {
        {"lora", tied.get(), opts(ParamSet::Lora)},
        {"linear", untied.get(), opts(ParamSet::Linear)},
        {"embed (tied)", tied.get(), opts(ParamSet::Embed)},
        {"embed_head (untied)", untied.get(), opts(ParamSet::EmbedHead, false, LossConvention::Unshifted)},
        {"lora, normalised", tied.get(), opts(ParamSet::Lora, true)},
    };
    InfluenceOptions n = opts(ParamSet::Names);
    n.names = {"model.layers.0.input_layernorm.weight", "model.layers.1.mlp.gate_proj.lora_B.weight", "lm_head.weight"};
    cases.push_back({"names", untied.get(), n});
    for (auto & c : cases) {
        c.o.K = 512;
        RapidGradSketch sk = make_sketch(*c.m, c.o);
        auto s = sketch_gradients(*c.m, data, c.o, sk);
        const int64_t K = sk.K();
        for (auto [t, i] : {std::pair<int, int>{0, 0}, {0, 1}, {2, 1}}) {
            TokenInfluence ti = token_influence(*c.m, data[size_t(i)], s.data() + t * K, sk, c.o);
            const double score = dot(s.data() + t * K, s.data() + i * K, K);
            // Same sample: the score is a squared norm, compare relative to it; otherwise relative to
            // the Cauchy-Schwarz scale (the score itself may cancel to near zero).
            const double scale = t == i ? std::fabs(score) : norm(s.data() + t * K, K) * norm(s.data() + i * K, K);
            const std::string what = std::string(c.what) + " test " + std::to_string(t) + " train " + std::to_string(i) +
                                     ": " + std::to_string(ti.total) + " vs " + std::to_string(score);
            CHECK(ti.per_token.size() == data[size_t(i)].ids.size());
            CHECK_MSG(std::fabs(ti.total - score) <= 1e-4 * scale, what);
            CHECK_MSG(scale > 1e-8, what + " (zero score: proves nothing)");
            int nonzero = 0;
            for (double v : ti.per_token) nonzero += std::fabs(v) > 1e-9 * scale;
            CHECK_MSG(nonzero >= 2, what);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Matrices, views, JSON, ranking, AUC

TEST_CASE("ROC-AUC (Mann-Whitney with ties) and ranking by mean influence") {
    CHECK_NEAR(roc_auc({0.9, 0.8, 0.7, 0.6}, {1, 1, 0, 0}), 1.0, 1e-12);
    CHECK_NEAR(roc_auc({0.9, 0.8, 0.7, 0.6}, {0, 0, 1, 1}), 0.0, 1e-12);
    CHECK_NEAR(roc_auc({0.1, 0.4, 0.35, 0.8}, {0, 0, 1, 1}), 0.75, 1e-12);
    CHECK_NEAR(roc_auc({1, 2, 2, 3}, {0, 1, 0, 1}), 0.875, 1e-12);   // the tie counts one half
    CHECK_NEAR(roc_auc({5, 5, 5, 5, 5}, {1, 0, 1, 0, 0}), 0.5, 1e-12);
    CHECK_THROWS_WITH(roc_auc({1, 2}, {1, 1}), "both");
    CHECK_THROWS_WITH(roc_auc({1, 2}, {1}), "labels");
    InfluenceMatrix m;
    m.n_test = 2; m.n_train = 4;
    m.values = {1, 5, -2, 3,
                3, 1, -2, 3};
    auto mean = mean_influence(m);
    CHECK((mean == std::vector<double>{2, 3, -2, 3}));
    CHECK((rank_descending(mean) == std::vector<int64_t>{1, 3, 0, 2}));
    CHECK_NEAR(roc_auc(mean, {0, 1, 0, 1}), 1.0, 1e-12);
}

TEST_CASE("the four views: shapes and which set is train and which is test") {
    const int64_t K = 3;
    std::vector<float> forget = {1, 0, 0,  0, 2, 0};           // 2 forget sketches
    std::vector<float> retain = {0, 0, 1,  1, 1, 0,  0, 3, 0};  // 3 retain sketches
    InfluenceViews v = influence_views(forget, retain, K);
    CHECK(v.ff.n_test == 2 && v.ff.n_train == 2);
    CHECK(v.fr.n_test == 3 && v.fr.n_train == 2);   // train = forget, test = retain
    CHECK(v.rf.n_test == 2 && v.rf.n_train == 3);   // train = retain, test = forget
    CHECK(v.rr.n_test == 3 && v.rr.n_train == 3);
    CHECK(v.ff.at(1, 1) == 4 && v.ff.at(0, 1) == 0);
    CHECK(v.fr.at(1, 0) == 1 && v.fr.at(1, 1) == 2 && v.fr.at(2, 1) == 6);
    CHECK(v.rf.at(1, 2) == 6 && v.rf.at(0, 1) == 1);
    CHECK(v.rr.at(2, 2) == 9 && v.rr.at(1, 2) == 3);
    CHECK(rapidin_file_name(InfluenceView::FR, 40) == "influence_results_40_FTR.json");
    CHECK(rapidin_file_name(InfluenceView::RF, 120) == "influence_results_120_RTF.json");
    CHECK_THROWS_WITH(tracin_matrix({1, 2, 3, 4}, {1, 2, 3}, 3), "K=3");
}

TEST_CASE("RapidIn JSON and the binary matrix round trip") {
    InfluenceMatrix m;
    m.n_test = 3; m.n_train = 4;
    m.values = {0.5f, -1.25f, 3.0f, 0.5f,
                1020.6952514648438f, 2.f, -7.f, 0.f,
                1e-3f, 2e-3f, -3e-3f, 4e-3f};
    std::vector<json> td = {{{"instruction", "a"}, {"input", ""}, {"output", "x"}},
                            {{"instruction", "b \u00e9"}, {"input", "c"}, {"output", "y"}},
                            {{"instruction", "d"}, {"input", ""}, {"output", "z"}}};
    const std::string dir = tmp("rapidin-json"), path = dir + "/influence_results_4_FTF.json";
    write_rapidin_json(path, m, td, "{data : {...}}");
    const std::string text = read_file_text(path);
    CHECK(text.rfind("{\"config\":", 0) == 0);
    CHECK(text.find("\"finished_cnt\":\"12/12\"}") != std::string::npos);
    CHECK(text.find("\"0\":{\"test_data\":") != std::string::npos);
    RapidInResults r = read_rapidin_json(path);
    CHECK(r.config == "{data : {...}}" && r.finished_cnt == "12/12" && r.tests.size() == 3);
    CHECK(r.tests[1].test_data == td[1]);
    CHECK((r.tests[0].helpful == std::vector<int64_t>{2, 0, 3, 1}));   // ties: lower index first
    CHECK((r.tests[0].harmful == std::vector<int64_t>{1, 0, 3, 2}));
    CHECK(r.tests[1].helpful_infl[0] == double(1020.6952514648438f));
    InfluenceMatrix back = rapidin_matrix(r, 4);
    CHECK(back.values == m.values);
    write_rapidin_json(path, m, td, "", 2);
    RapidInResults cut = read_rapidin_json(path);
    CHECK(cut.tests[2].helpful.size() == 2 && cut.tests[2].harmful == (std::vector<int64_t>{2, 0}));
    CHECK_THROWS_WITH(rapidin_matrix(cut, 4), "lists 2 of 4");
    write_file_atomic(path, std::string("{\"config\": \"\", \"0\": {\"helpful\": [1]}}"));
    CHECK_THROWS_WITH(read_rapidin_json(path), "influence_results_4_FTF.json", "'0'");
    // Found by fuzz_rapidin_json: a train id that is a float (2.6e40) was converted to int64 without
    // a range check (undefined behaviour); ids that are not integers are named.
    write_file_atomic(path, std::string("{\"0\": {\"helpful\": [1, 2.61111e+40], \"helpful_infl\": [0.5, 0.25], "
                                        "\"harmful\": [], \"harmful_infl\": []}}"));
    CHECK_THROWS_WITH(read_rapidin_json(path), "influence_results_4_FTF.json", "'0'", "helpful", "2.61111e+40", "not an integer");
    write_file_atomic(path, std::string("{\"0\": {\"helpful\": [], \"helpful_infl\": [], \"harmful\": [18446744073709551615], "
                                        "\"harmful_infl\": [1.0]}}"));
    CHECK_THROWS_WITH(read_rapidin_json(path), "harmful", "not an integer");
    write_file_atomic(path, std::string("{\"0\": {\"helpful\": 3, \"helpful_infl\": [], \"harmful\": [], \"harmful_infl\": []}}"));
    CHECK_THROWS_WITH(read_rapidin_json(path), "helpful", "not a list");

    const std::string bin = dir + "/FF.bin";
    write_influence_matrix(bin, m);
    CHECK(std::filesystem::file_size(bin) == 24 + 12 * 4);
    InfluenceMatrix b = read_influence_matrix(bin);
    CHECK(b.n_test == 3 && b.n_train == 4 && b.values == m.values);
    std::filesystem::resize_file(bin, 24 + 11 * 4);
    CHECK_THROWS_WITH(read_influence_matrix(bin), "FF.bin", "size");
    write_file_atomic(bin, std::string(40, 'x'));
    CHECK_THROWS_WITH(read_influence_matrix(bin), "magic");
}

TEST_CASE("the release's influence_results files read back with their shapes and order") {
    if (check::shared_dir().empty()) SKIP("no ../shared (the release's RapidIn_output is read from there)");
    const std::string out = check::shared_dir() + "/data/rapidun-release/RapidIn_output/";
    struct F { InfluenceView v; int64_t n_test, n_train; };
    for (F f : {F{InfluenceView::FF, 40, 40}, F{InfluenceView::FR, 120, 40}, F{InfluenceView::RF, 40, 120},
                F{InfluenceView::RR, 120, 120}}) {
        const std::string path = out + rapidin_file_name(f.v, f.n_train);
        RapidInResults r = read_rapidin_json(path);
        CHECK_MSG(int64_t(r.tests.size()) == f.n_test, path);
        CHECK(r.finished_cnt == std::to_string(f.n_test * f.n_train) + "/" + std::to_string(f.n_test * f.n_train));
        CHECK(r.config.find("infl_method : 'TracIn'") != std::string::npos);
        InfluenceMatrix m = rapidin_matrix(r, f.n_train);
        for (int64_t t = 0; t < f.n_test; t++) {
            const RapidInEntry & e = r.tests[size_t(t)];
            CHECK(e.test_data.contains("instruction") && e.test_data.contains("output"));
            for (size_t k = 1; k < e.helpful_infl.size(); k++) CHECK(e.helpful_infl[k - 1] >= e.helpful_infl[k]);
            for (size_t k = 0; k < e.harmful.size(); k++) CHECK(double(m.at(t, e.harmful[k])) == e.harmful_infl[k]);
        }
        // Writing it again gives the same lists (values exactly; ids wherever values are distinct).
        std::vector<json> td;
        for (auto & e : r.tests) td.push_back(e.test_data);
        const std::string again = tmp("rapidin-release") + "/" + rapidin_file_name(f.v, f.n_train);
        write_rapidin_json(again, m, td, r.config);
        RapidInResults r2 = read_rapidin_json(again);
        for (size_t t = 0; t < r.tests.size(); t++) {
            CHECK(r2.tests[t].helpful_infl == r.tests[t].helpful_infl);
            CHECK(r2.tests[t].harmful_infl == r.tests[t].harmful_infl);
            CHECK(r2.tests[t].test_data == r.tests[t].test_data);
        }
        CHECK(r2.config == r.config && r2.finished_cnt == r.finished_cnt);
    }
    RapidInResults ff = read_rapidin_json(out + "influence_results_40_FTF.json");
    CHECK(ff.tests[0].helpful[0] == 17 && ff.tests[0].helpful_infl[0] == 1020.6952514648438);
    CHECK(ff.tests[0].harmful[0] == 20);
}

RAPIDUN_TEST_MAIN()
