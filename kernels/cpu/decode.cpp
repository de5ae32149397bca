// Batch-1 decode step (see decode.h). Matrix-vector products are row dot products over contiguous
// weights; OpenMP splits the rows only where a product is large enough to pay for the fork (small
// models run on one thread, as run.c does without -fopenmp).
#include "rapidun/kernels/decode.h"

#include <algorithm>
#include <cmath>

namespace rapidun::kernels {

namespace {

// Products with fewer multiply-adds than this run on the calling thread: a parallel region costs a
// few microseconds, as much as ~10k multiply-adds here.
constexpr int64_t kParallelWork = int64_t(1) << 16;

// Portable build (no -march): an AVX2 clone is picked at load time where the CPU has it.
__attribute__((target_clones("avx2", "default")))
float dot(const float * a, const float * b, int64_t n) {
    float s = 0.0f;
#pragma omp simd reduction(+ : s)
    for (int64_t i = 0; i < n; i++) s += a[i] * b[i];
    return s;
}

// out[r] = W[r, :] . x (+ bias[r]) for r < rows; W [rows, cols].
void matvec(const float * W, const float * bias, const float * x, float * out, int64_t rows, int64_t cols) {
#pragma omp parallel for schedule(static) if (rows * cols >= kParallelWork)
    for (int64_t r = 0; r < rows; r++) out[r] = dot(W + r * cols, x, cols) + (bias ? bias[r] : 0.0f);
}

// y = w * x / sqrt(mean(x^2) + eps), in fp32 as HF's RMSNorm.
void rmsnorm(const float * x, const float * w, float * y, int64_t n, float eps) {
    float ss = 0.0f;
    for (int64_t i = 0; i < n; i++) ss += x[i] * x[i];
    const float inv = 1.0f / std::sqrt(ss / float(n) + eps);
    for (int64_t i = 0; i < n; i++) y[i] = w[i] * (x[i] * inv);
}

// Rotate-half RoPE on `heads` heads of width hd at one position: pair (i, i + hd/2).
void rope(float * v, int64_t heads, int64_t hd, const float * cos, const float * sin) {
    const int64_t half = hd / 2;
    for (int64_t h = 0; h < heads; h++) {
        float * p = v + h * hd;
        for (int64_t i = 0; i < half; i++) {
            const float a = p[i], b = p[i + half];
            p[i]        = a * cos[i] - b * sin[i];
            p[i + half] = b * cos[i] + a * sin[i];
        }
    }
}

} // namespace

void decode_step_f32(const DecodeModel & m, int32_t token, int64_t pos, int64_t slot, DecodeScratch & s, float * logits) {
    const int64_t D = m.D, F = m.F, H = m.H, KV = m.KV, hd = m.hd, G = H / KV, S = slot + 1;
    auto size = [](std::vector<float> & v, int64_t n) {
        if (int64_t(v.size()) < n) v.resize(size_t(n));
        return v.data();
    };
    float * x = size(s.x, D), * xn = size(s.xn, D), * q = size(s.q, H * hd), * k = size(s.k, KV * hd), * v = size(s.v, KV * hd);
    float * att = size(s.att, H * hd), * o = size(s.o, D), * gate = size(s.gate, F), * up = size(s.up, F);
    float * scores = size(s.scores, H * m.S_max);
    std::copy(m.embed + int64_t(token) * D, m.embed + int64_t(token + 1) * D, x);
    const float * cos = m.rope_cos + pos * (hd / 2), * sin = m.rope_sin + pos * (hd / 2);
    const float scale = 1.0f / std::sqrt(float(hd));

    for (const DecodeLayer & L : m.layers) {
        // Attention: q, k, v; RoPE on q and k; the new key and value into the cache at `slot`.
        rmsnorm(x, L.attn_norm, xn, D, m.eps);
        matvec(L.w_q, L.b_q, xn, q, H * hd, D);
        matvec(L.w_k, L.b_k, xn, k, KV * hd, D);
        matvec(L.w_v, L.b_v, xn, v, KV * hd, D);
        rope(q, H, hd, cos, sin);
        rope(k, KV, hd, cos, sin);
        for (int64_t j = 0; j < KV; j++) {
            std::copy(k + j * hd, k + (j + 1) * hd, L.k_cache + (j * m.S_max + slot) * hd);
            std::copy(v + j * hd, v + (j + 1) * hd, L.v_cache + (j * m.S_max + slot) * hd);
        }
#pragma omp parallel for schedule(static) if (H * S * hd >= kParallelWork)
        for (int64_t h = 0; h < H; h++) {
            const float * qh = q + h * hd;
            const float * kc = L.k_cache + (h / G) * m.S_max * hd;
            const float * vc = L.v_cache + (h / G) * m.S_max * hd;
            float * p = scores + h * m.S_max;
            float mx = -INFINITY;
            for (int64_t t = 0; t < S; t++) {
                p[t] = dot(qh, kc + t * hd, hd) * scale;
                mx = std::max(mx, p[t]);
            }
            float sum = 0.0f;
            for (int64_t t = 0; t < S; t++) {
                p[t] = std::exp(p[t] - mx);
                sum += p[t];
            }
            float * out = att + h * hd;
            std::fill(out, out + hd, 0.0f);
            const float inv = 1.0f / sum;
            for (int64_t t = 0; t < S; t++) {
                const float w = p[t] * inv;
                const float * vt = vc + t * hd;
                for (int64_t d = 0; d < hd; d++) out[d] += w * vt[d];
            }
        }
        matvec(L.w_o, L.b_o, att, o, D, H * hd);
        for (int64_t i = 0; i < D; i++) x[i] += o[i];

        // SwiGLU MLP.
        rmsnorm(x, L.ffn_norm, xn, D, m.eps);
        matvec(L.w_gate, L.b_gate, xn, gate, F, D);
        matvec(L.w_up, L.b_up, xn, up, F, D);
        for (int64_t i = 0; i < F; i++) gate[i] = gate[i] / (1.0f + std::exp(-gate[i])) * up[i];
        matvec(L.w_down, L.b_down, gate, o, D, F);
        for (int64_t i = 0; i < D; i++) x[i] += o[i];
    }
    rmsnorm(x, m.final_norm, xn, D, m.eps);
    matvec(m.head, nullptr, xn, logits, m.V, D);
}

} // namespace rapidun::kernels
