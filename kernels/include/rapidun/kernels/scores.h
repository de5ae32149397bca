// The test x train score product with a streaming per-test top-k: train rows arrive in blocks (from
// the sketch cache), and only the k best of each test row are kept, never the whole matrix.
// CPU reference; its CUDA twin is scores_topk_update_cuda (sketch_cuda.h).
#pragma once
#include <cstdint>

namespace rapidun::kernels {

// For each test row t of test [n_test, K]: scores s_j = <test_t, train_j> of the block train
// [n_block, K] (global row indices first_index + j), merged into t's running top-k: top_value[t, :]
// descending, ties by the lower index, top_index the global rows, top_count[t] the entries filled
// (start at 0). Dot products accumulate in float, in index order. Rows run in parallel (OpenMP).
void scores_topk_update_f32(const float * test, int64_t n_test, const float * train, int64_t n_block, int64_t first_index,
                            int64_t K, int64_t k, float * top_value, int64_t * top_index, int32_t * top_count);

} // namespace rapidun::kernels
