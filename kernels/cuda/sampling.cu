// Next-token selection for B rows of logits on the GPU (see sketch_cuda.h; CPU reference: sample()
// in kernels/cpu/sampling.cpp, llama2.c's sampler). One block of kThreads threads per row.
#include "rapidun/kernels/sketch_cuda.h"

#include "block_sum.cuh"

#include <cuda_runtime.h>

#include <cfloat>

namespace rapidun::kernels {

namespace {

// The largest of one float per thread over the block; every thread must call it.
__device__ float block_max(float v) {
    __shared__ float part[kThreads];
    part[threadIdx.x] = v;
    __syncthreads();
    for (int s = kThreads / 2; s > 0; s >>= 1) {
        if (int(threadIdx.x) < s) part[threadIdx.x] = fmaxf(part[threadIdx.x], part[threadIdx.x + s]);
        __syncthreads();
    }
    const float m = part[0];
    __syncthreads();
    return m;
}

// Order of the top-p candidates: probability descending, index ascending on ties (the CPU
// reference's stable sort).
__device__ bool before(float pa, int ia, float pb, int ib) { return pa != pb ? pa > pb : ia < ib; }

// The first index whose running sum of p[0..n) exceeds `coin` (p in index order), n - 1 when none:
// each thread sums a contiguous chunk, thread 0 turns the chunk sums into offsets, and the
// chunk holding the crossing scans it in order.
__device__ int first_crossing(const float * p, int n, float coin) {
    __shared__ float offset[kThreads];
    __shared__ int   found;
    const int chunk = (n + kThreads - 1) / kThreads;
    const int lo = min(n, int(threadIdx.x) * chunk), hi = min(n, lo + chunk);
    float s = 0.0f;
    for (int i = lo; i < hi; i++) s += p[i];
    offset[threadIdx.x] = s;
    if (threadIdx.x == 0) found = n - 1;
    __syncthreads();
    if (threadIdx.x == 0) {
        float run = 0.0f;
        for (int t = 0; t < kThreads; t++) {
            const float c = offset[t];
            offset[t] = run;
            run += c;
        }
    }
    __syncthreads();
    float cdf = offset[threadIdx.x];
    for (int i = lo; i < hi; i++) {
        cdf += p[i];
        if (coin < cdf) {
            atomicMin(&found, i);
            break;
        }
    }
    __syncthreads();
    return found;
}

__global__ void sample_rows(const float * __restrict__ logits, int V, float temperature, float top_p,
                            const float * __restrict__ coins, int32_t * out, float * prob_scratch, float * cand_p,
                            int * cand_i) {
    const int     row = blockIdx.x;
    const float * x   = logits + int64_t(row) * V;
    if (temperature == 0.0f) {   // argmax, the first maximum
        __shared__ float bv[kThreads];
        __shared__ int   bi[kThreads];
        float v = -FLT_MAX;
        int   k = V;
        for (int i = threadIdx.x; i < V; i += kThreads)
            if (x[i] > v || k == V) v = x[i], k = i;
        bv[threadIdx.x] = v;
        bi[threadIdx.x] = k;
        __syncthreads();
        for (int s = kThreads / 2; s > 0; s >>= 1) {
            if (int(threadIdx.x) < s) {
                const float ov = bv[threadIdx.x + s];
                const int   oi = bi[threadIdx.x + s];
                if (oi < V && (bi[threadIdx.x] == V || ov > bv[threadIdx.x] || (ov == bv[threadIdx.x] && oi < bi[threadIdx.x])))
                    bv[threadIdx.x] = ov, bi[threadIdx.x] = oi;
            }
            __syncthreads();
        }
        if (threadIdx.x == 0) out[row] = bi[0];
        return;
    }
    // Softmax of logits / temperature in fp32 (max subtracted), as the reference.
    float * p = prob_scratch + int64_t(row) * V;
    float   m = -FLT_MAX;
    for (int i = threadIdx.x; i < V; i += kThreads) m = fmaxf(m, x[i] / temperature);
    m = block_max(m);
    float s = 0.0f;
    for (int i = threadIdx.x; i < V; i += kThreads) {
        p[i] = expf(x[i] / temperature - m);
        s += p[i];
    }
    __shared__ float total;
    const float t = block_sum(s);
    if (threadIdx.x == 0) total = t;
    __syncthreads();
    for (int i = threadIdx.x; i < V; i += kThreads) p[i] /= total;
    __syncthreads();
    const float coin = coins[row];
    if (top_p <= 0.0f || top_p >= 1.0f) {   // multinomial over every token
        const int k = first_crossing(p, V, coin);
        if (threadIdx.x == 0) out[row] = k;
        return;
    }
    // Top-p: the candidates (p >= (1-p)/(V-1)) in index order, sorted (bitonic, padded to a power of
    // two with -1 probabilities), then the reference's cumulative cut and draw, by thread 0.
    const float cutoff = (1.0f - top_p) / float(V - 1);
    float * cp = cand_p + int64_t(row) * V * 2;
    int *   ci = cand_i + int64_t(row) * V * 2;
    __shared__ int n_cand;
    if (threadIdx.x == 0) {
        int n = 0;
        for (int i = 0; i < V; i++)
            if (p[i] >= cutoff) cp[n] = p[i], ci[n] = i, n++;
        n_cand = n;
    }
    __syncthreads();
    int n2 = 1;
    while (n2 < n_cand) n2 <<= 1;
    for (int i = n_cand + threadIdx.x; i < n2; i += kThreads) cp[i] = -1.0f, ci[i] = V + i;
    __syncthreads();
    for (int size = 2; size <= n2; size <<= 1)
        for (int stride = size >> 1; stride > 0; stride >>= 1) {
            for (int i = threadIdx.x; i < n2; i += kThreads) {
                const int j = i ^ stride;
                if (j > i) {
                    const bool up = (i & size) == 0;   // this run sorted in the candidates' order
                    if (before(cp[j], ci[j], cp[i], ci[i]) == up) {
                        const float tp = cp[i];
                        const int   ti = ci[i];
                        cp[i] = cp[j], ci[i] = ci[j];
                        cp[j] = tp, ci[j] = ti;
                    }
                }
            }
            __syncthreads();
        }
    if (threadIdx.x != 0) return;
    float cumulative = 0.0f;
    int   last = n_cand - 1;
    for (int i = 0; i < n_cand; i++) {
        cumulative += cp[i];
        if (cumulative > top_p) {
            last = i;
            break;
        }
    }
    const float r = coin * cumulative;
    float cdf = 0.0f;
    int   pick = ci[last];
    for (int i = 0; i <= last; i++) {
        cdf += cp[i];
        if (r < cdf) {
            pick = ci[i];
            break;
        }
    }
    out[row] = pick;
}

} // namespace

std::string sample_rows_cuda(const float * logits, int64_t B, int64_t V, float temperature, float top_p, const float * coins,
                             int32_t * out, float * scratch) {
    if (B <= 0) return "";
    if (V < 2 || V > (int64_t(1) << 30)) return "sample_rows_cuda: vocabulary of " + std::to_string(V) + " entries";
    float * probs  = scratch;              // [B, V]
    float * cand_p = scratch + B * V;      // [B, 2V]: candidate probabilities, padded
    int *   cand_i = reinterpret_cast<int *>(scratch + 3 * B * V);   // [B, 2V]: their indices
    sample_rows<<<unsigned(B), kThreads>>>(logits, int(V), temperature, top_p, coins, out, probs, cand_p, cand_i);
    cudaError_t e = cudaGetLastError();
    if (e == cudaSuccess) e = cudaDeviceSynchronize();
    return e == cudaSuccess ? std::string() : std::string(cudaGetErrorString(e));
}

} // namespace rapidun::kernels
