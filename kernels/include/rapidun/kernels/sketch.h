// RapidGrad's compression in CountSketch form (method doc 3.4, closed form): a gradient g of length
// D (zero-padded to a multiple of K) maps to s[k] = sum over j with bucket[j] == k of sign[j] * g[j],
// where the bucket assignment is balanced (exactly D/K coordinates per bucket) and the signs are
// Rademacher. The same (bucket, sign) arrays serve every train and test vector, so <s_a, s_b> is an
// unbiased estimate of <g_a, g_b>.
//
// CPU reference. The interface is the one a CUDA twin implements: the same arguments as device
// pointers; the row variant then runs one block per (row, slice of n) with atomicAdd into out, and
// the hash (sketch_make_hash) is generated on the host once and uploaded, so both devices hash alike.
//
// Streaming: a caller never builds the whole D-vector. It passes one tensor's gradient (n floats)
// with bucket/sign already advanced to that tensor's global offset in the concatenated vector.
#pragma once
#include <cstdint>

namespace rapidun::kernels {

// Fills bucket[D] (values in [0, K)) and sign[D] (+1 / -1) from `seed`. Requires K >= 1 and
// D % K == 0. Deterministic across standard libraries: std::mt19937_64 with our own unbiased
// bounded draw (rejection), no std:: distributions.
//   1. bucket[j] = j / (D/K), then a Fisher-Yates shuffle of bucket (i = D-1 .. 1, swap with a
//      draw in [0, i]); this is a uniformly random balanced assignment.
//   2. sign: one 64-bit draw per 64 coordinates, bit b of the draw -> coordinate 64*w + b (1 = +1).
void sketch_make_hash(int64_t D, int64_t K, uint64_t seed, int32_t * bucket, int8_t * sign);

// out_K[bucket[i]] += sign[i] * g[i] for i in [0, n). out_K is not cleared first.
void sketch_accumulate_f32(const float * g, int64_t n, const int32_t * bucket, const int8_t * sign, float * out_K);

// The same for `rows` vectors: g [rows, n] with row stride g_stride (floats), out [rows, K] with row
// stride out_stride. Rows run in parallel (OpenMP); each row owns its output row, so no atomics.
void sketch_accumulate_rows_f32(const float * g, int64_t rows, int64_t n, int64_t g_stride,
                                const int32_t * bucket, const int8_t * sign, float * out, int64_t out_stride);

// The fused form the GPU runs (kernels/cuda/sketch.cu, sketch_cuda.h): the row accumulation above
// and, in the same pass over g, norm_sq[r] += sum_i g[r, i]^2 (the per-row squared norm that
// normalize_layers divides by). norm_sq [rows] is not cleared first. CPU reference of the CUDA kernel.
void sketch_accumulate_rows_norm_f32(const float * g, int64_t rows, int64_t n, int64_t g_stride, const int32_t * bucket,
                                     const int8_t * sign, float * out, int64_t out_stride, float * norm_sq);

// The dense adjoint ("unsketch"): u[i] = sign[i] * s_K[bucket[i]] for i in [0, n), so that
// <u, g> == <s_K, sketch(g)> for every g. Parallel over i.
void unsketch_f32(const float * s_K, int64_t n, const int32_t * bucket, const int8_t * sign, float * u);

} // namespace rapidun::kernels
