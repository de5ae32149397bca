// CPU reference of the RapidGrad CountSketch (see sketch.h).
#include "rapidun/kernels/sketch.h"

#include <algorithm>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>

namespace rapidun::kernels {

namespace {

// Uniform in [0, n) without modulo bias: reject the lowest (2^64 mod n) values. The standard
// library's distributions are implementation-defined, this is not.
uint64_t bounded(std::mt19937_64 & rng, uint64_t n) {
    const uint64_t threshold = (0 - n) % n;   // == 2^64 mod n
    for (;;) {
        const uint64_t r = rng();
        if (r >= threshold) return r % n;
    }
}

} // namespace

void sketch_make_hash(int64_t D, int64_t K, uint64_t seed, int32_t * bucket, int8_t * sign) {
    if (K < 1 || D < K || D % K != 0)
        throw std::invalid_argument("sketch_make_hash: need K >= 1 and D a positive multiple of K, got D=" +
                                    std::to_string(D) + " K=" + std::to_string(K));
    if (K > int64_t(INT32_MAX)) throw std::invalid_argument("sketch_make_hash: K does not fit int32");
    const int64_t per = D / K;
    for (int64_t j = 0; j < D; j++) bucket[j] = static_cast<int32_t>(j / per);
    std::mt19937_64 rng(seed);
    for (int64_t i = D - 1; i > 0; i--) {
        const int64_t j = static_cast<int64_t>(bounded(rng, static_cast<uint64_t>(i) + 1));
        std::swap(bucket[i], bucket[j]);
    }
    for (int64_t w = 0; w < D; w += 64) {
        const uint64_t bits = rng();
        const int64_t  end  = std::min<int64_t>(64, D - w);
        for (int64_t b = 0; b < end; b++) sign[w + b] = ((bits >> b) & 1u) ? int8_t(1) : int8_t(-1);
    }
}

void sketch_accumulate_f32(const float * g, int64_t n, const int32_t * bucket, const int8_t * sign, float * out_K) {
    for (int64_t i = 0; i < n; i++) out_K[bucket[i]] += static_cast<float>(sign[i]) * g[i];
}

void sketch_accumulate_rows_f32(const float * g, int64_t rows, int64_t n, int64_t g_stride,
                                const int32_t * bucket, const int8_t * sign, float * out, int64_t out_stride) {
#pragma omp parallel for schedule(static) if (rows > 1)
    for (int64_t r = 0; r < rows; r++) sketch_accumulate_f32(g + r * g_stride, n, bucket, sign, out + r * out_stride);
}

void sketch_accumulate_rows_norm_f32(const float * g, int64_t rows, int64_t n, int64_t g_stride, const int32_t * bucket,
                                     const int8_t * sign, float * out, int64_t out_stride, float * norm_sq) {
#pragma omp parallel for schedule(static) if (rows > 1)
    for (int64_t r = 0; r < rows; r++) {
        const float * gr = g + r * g_stride;
        float * o = out + r * out_stride;
        double s = 0;   // the reference sums in double; the GPU's float partial sums agree to ~1e-6 relative
        for (int64_t i = 0; i < n; i++) {
            o[bucket[i]] += static_cast<float>(sign[i]) * gr[i];
            s += double(gr[i]) * gr[i];
        }
        norm_sq[r] += static_cast<float>(s);
    }
}

void unsketch_f32(const float * s_K, int64_t n, const int32_t * bucket, const int8_t * sign, float * u) {
#pragma omp parallel for schedule(static) if (n > (1 << 16))
    for (int64_t i = 0; i < n; i++) u[i] = static_cast<float>(sign[i]) * s_K[bucket[i]];
}

} // namespace rapidun::kernels
