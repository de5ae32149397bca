// Single-query attention for one decode step over a KV cache, fp32. CPU reference (OpenMP over
// batch x heads); a CUDA twin would take the same arguments as device pointers.
//
// Why a kernel: LibTorch's CPU bmm without MKL runs one small GEMM per (batch, head) pair, about
// 1,300 calls per step at batch 32 on stories260K; this loop does the same arithmetic in one call.
#pragma once
#include <cstdint>

namespace rapidun::kernels {

// q    [B, H, hd]             queries of the new position (RoPE applied)
// k, v [B, KV, S_max, hd]     the cache, contiguous; slots [0, S) are read
// bias [B, S] with row stride bias_stride: additive mask (0 = attend, -1e9 = masked)
// out  [B, H, hd]             softmax(q k^T * scale + bias) v; query head h reads KV head h / (H / KV)
void attention_decode_f32(const float * q, const float * k, const float * v, const float * bias,
                          int64_t bias_stride, float * out, int64_t B, int64_t H, int64_t KV, int64_t S,
                          int64_t S_max, int64_t hd, float scale);

} // namespace rapidun::kernels
