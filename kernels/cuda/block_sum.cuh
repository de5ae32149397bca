// The sum of one float per thread over a block of kThreads threads (a power of two), in shared
// memory; every thread must call it, thread 0 gets the total.
#pragma once

namespace rapidun::kernels {

constexpr int kThreads = 256;

__device__ inline float block_sum(float v) {
    __shared__ float part[kThreads];
    part[threadIdx.x] = v;
    __syncthreads();
    for (int s = kThreads / 2; s > 0; s >>= 1) {
        if (int(threadIdx.x) < s) part[threadIdx.x] += part[threadIdx.x + s];
        __syncthreads();
    }
    return part[0];
}

} // namespace rapidun::kernels
