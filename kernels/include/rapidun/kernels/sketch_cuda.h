// CUDA twins of sketch.h's kernels (built only when CMake finds nvcc: RAPIDUN_ENABLE_CUDA, which
// defines RAPIDUN_HAVE_CUDA_KERNELS). Plain device pointers and CUDA runtime calls, so they link
// into any build, whichever LibTorch it uses. Each has its CPU reference in sketch.h and a test
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

} // namespace rapidun::kernels
