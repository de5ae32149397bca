// CUDA twins of sketch.h's, scores.h's and sampling.h's kernels (built only when CMake finds nvcc: RAPIDUN_ENABLE_CUDA, which
// defines RAPIDUN_HAVE_CUDA_KERNELS). Plain device pointers and CUDA runtime calls, so they link
// into any build, whichever LibTorch it uses. Each has its CPU reference (sketch.h, scores.h) and a test
// against it (tests/test_kernels_cuda.cpp, skipped where no GPU is present).
#pragma once
#include <cstdint>
#include <string>

namespace rapidun::kernels {

// Whether a CUDA device can be used here; when not, `why` says so (no driver, no device, ...).
bool cuda_available(std::string * why = nullptr);

// sketch_accumulate_rows_norm_f32 on the GPU, device pointers, on the default stream, synchronised
// before returning: out[r, bucket[i]] += sign[i] g[r, i] (atomicAdd: float sums in any order) and
// norm_sq[r] += sum_i g[r, i]^2. Returns "" on success, else the CUDA error's text.
std::string sketch_accumulate_rows_norm_cuda(const float * g, int64_t rows, int64_t n, int64_t g_stride,
                                             const int32_t * bucket, const int8_t * sign, float * out, int64_t out_stride,
                                             float * norm_sq);

// scores_topk_update_f32 (scores.h) on the GPU, device pointers, synchronised before returning: one
// block of threads per (test row, train row) for the dot products (a tree sum: float, in another
// order than the CPU's), then one block per test row merging the block's scores into its top-k.
// k at most 1024. Returns "" on success, else the error's text.
std::string scores_topk_update_cuda(const float * test, int64_t n_test, const float * train, int64_t n_block,
                                    int64_t first_index, int64_t K, int64_t k, float * top_value, int64_t * top_index,
                                    int32_t * top_count);

// sample() (sampling.h) for B rows of logits [B, V] on the GPU, one block a row, synchronised
// before returning: argmax when temperature == 0 (the first maximum), else softmax of
// logits / temperature and multinomial or top-p sampling with coins[b] (device, [B]: each row's
// Rng draw made on the host, so the stream of draws is the CPU's). out [B] device. scratch: device
// floats, 5 B V of them. Float sums in another order than the reference's: a coin within rounding
// of a cumulative boundary may pick the neighbour. Returns "" on success, else the error's text.
std::string sample_rows_cuda(const float * logits, int64_t B, int64_t V, float temperature, float top_p, const float * coins,
                             int32_t * out, float * scratch);

} // namespace rapidun::kernels
