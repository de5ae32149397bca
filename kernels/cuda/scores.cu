// The score product with a streaming per-test top-k (see sketch_cuda.h; CPU reference:
// scores_topk_update_f32 in kernels/cpu/scores.cpp).
#include "rapidun/kernels/sketch_cuda.h"

#include "block_sum.cuh"

#include <cuda_runtime.h>

namespace rapidun::kernels {

namespace {

// Grid (n_block, n_test): scores[t, j] = <test_t, train_j>, a strided partial sum per thread and a
// shared-memory tree.
__global__ void dot_rows(const float * __restrict__ test, const float * __restrict__ train, int64_t K, int64_t n_block,
                         float * scores) {
    const int64_t j = blockIdx.x, t = blockIdx.y;
    const float * q = test + t * K;
    const float * r = train + j * K;
    float s = 0.0f;
    for (int64_t d = threadIdx.x; d < K; d += blockDim.x) s += q[d] * r[d];
    const float total = block_sum(s);
    if (threadIdx.x == 0) scores[t * n_block + j] = total;
}

__device__ bool before(float va, long long ia, float vb, long long ib) { return va != vb ? va > vb : ia < ib; }

// One block per test row; thread 0 inserts the block's scores into the sorted top-k (k small, the
// block a few hundred rows: a simple insertion keeps the order rule of the CPU reference exactly).
__global__ void merge_topk(const float * scores, int64_t n_block, int64_t first_index, int64_t k, float * top_value,
                           long long * top_index, int32_t * top_count) {
    if (threadIdx.x != 0) return;
    const int64_t t = blockIdx.x;
    float * v = top_value + t * k;
    long long * id = top_index + t * k;
    int32_t n = top_count[t];
    for (int64_t j = 0; j < n_block; j++) {
        const float s = scores[t * n_block + j];
        const long long i = first_index + j;
        if (n == k && !before(s, i, v[n - 1], id[n - 1])) continue;
        int32_t p = n < k ? n : int32_t(k - 1);
        while (p > 0 && before(s, i, v[p - 1], id[p - 1])) {
            v[p] = v[p - 1];
            id[p] = id[p - 1];
            p--;
        }
        v[p] = s;
        id[p] = i;
        if (n < k) n++;
    }
    top_count[t] = n;
}

} // namespace

std::string scores_topk_update_cuda(const float * test, int64_t n_test, const float * train, int64_t n_block,
                                    int64_t first_index, int64_t K, int64_t k, float * top_value, int64_t * top_index,
                                    int32_t * top_count) {
    if (n_test <= 0 || n_block <= 0) return "";
    if (k < 1 || k > 1024) return "scores_topk_update_cuda: k must be in [1, 1024]";
    if (n_test > 65535) return "scores_topk_update_cuda: more than 65535 test rows in one call";
    float * scores = nullptr;
    cudaError_t e = cudaMalloc(&scores, size_t(n_test * n_block) * sizeof(float));
    if (e == cudaSuccess) {
        dot_rows<<<dim3(unsigned(n_block), unsigned(n_test)), kThreads>>>(test, train, K, n_block, scores);
        merge_topk<<<unsigned(n_test), 32>>>(scores, n_block, first_index, k, top_value,
                                              reinterpret_cast<long long *>(top_index), top_count);
        e = cudaGetLastError();
        if (e == cudaSuccess) e = cudaDeviceSynchronize();
        cudaFree(scores);
    }
    return e == cudaSuccess ? std::string() : std::string(cudaGetErrorString(e));
}

} // namespace rapidun::kernels
