// The CountSketch scatter of per-sample gradients fused with their per-row squared norm (see
// sketch_cuda.h; CPU reference: sketch_accumulate_rows_norm_f32 in kernels/cpu/sketch.cpp).
#include "rapidun/kernels/sketch_cuda.h"

#include "block_sum.cuh"

#include <cuda_runtime.h>

namespace rapidun::kernels {

namespace {

// Grid: (slices of n, rows). Each thread strides over its slice of one row: scatter with atomicAdd
// into the row's K buckets (they collide rarely: K is large), and a block-wide sum of g^2 that one
// atomicAdd per block adds to norm_sq[row].
__global__ void sketch_rows_norm(const float * __restrict__ g, int64_t n, int64_t g_stride, const int32_t * __restrict__ bucket,
                                 const int8_t * __restrict__ sign, float * out, int64_t out_stride, float * norm_sq) {
    const int64_t row = blockIdx.y;
    const float * gr = g + row * g_stride;
    float * o = out + row * out_stride;
    float sq = 0.0f;
    for (int64_t i = int64_t(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += int64_t(gridDim.x) * blockDim.x) {
        const float v = gr[i];
        atomicAdd(o + bucket[i], float(sign[i]) * v);
        sq += v * v;
    }
    const float total = block_sum(sq);
    if (threadIdx.x == 0) atomicAdd(norm_sq + row, total);
}

} // namespace

bool cuda_available(std::string * why) {
    int n = 0;
    const cudaError_t e = cudaGetDeviceCount(&n);
    if (e != cudaSuccess) {
        if (why) *why = cudaGetErrorString(e);
        return false;
    }
    if (n == 0) {
        if (why) *why = "no CUDA device";
        return false;
    }
    return true;
}

std::string sketch_accumulate_rows_norm_cuda(const float * g, int64_t rows, int64_t n, int64_t g_stride,
                                             const int32_t * bucket, const int8_t * sign, float * out, int64_t out_stride,
                                             float * norm_sq) {
    if (rows <= 0 || n <= 0) return "";
    if (rows > 65535) return "sketch_accumulate_rows_norm_cuda: more than 65535 rows in one call";
    // Enough blocks to fill the device several times over, few enough that each thread loops.
    const int64_t slices = (n + kThreads * 8 - 1) / (kThreads * 8);
    const dim3 grid(unsigned(slices < 4096 ? slices : 4096), unsigned(rows));
    sketch_rows_norm<<<grid, kThreads>>>(g, n, g_stride, bucket, sign, out, out_stride, norm_sq);
    cudaError_t e = cudaGetLastError();
    if (e == cudaSuccess) e = cudaDeviceSynchronize();
    return e == cudaSuccess ? std::string() : std::string(cudaGetErrorString(e));
}

} // namespace rapidun::kernels
