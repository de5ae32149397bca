// One batch-1 decode step of a Llama decoder in fp32, as a single call over raw buffers.
//
// Why: on a small model the arithmetic of a token is tiny (stories260K: ~0.5 MFLOP) and LibTorch's
// ~100 operator calls a token cost more than it (about 5 us each on this CPU, with an allocation
// per intermediate): generation ran at 0.45x llama2.c's run.c. This loop has no per-token
// allocation and no dispatch. The reference it is tested against is the model's LibTorch forward
// (test_model: logits and greedy tokens); Model::generate takes it for one row of an fp32 model on
// the CPU with no unmerged adapter and no sliding window, after the LibTorch prompt pass has filled
// the cache.
//
// Shapes: D = dim, F = SwiGLU width, H = heads, KV = kv heads, hd = head_dim, V = vocab,
// S_max = cache slots. Weights row-major [out, in] as HF stores them; RoPE in HF's rotate-half layout.
#pragma once
#include <cstdint>
#include <vector>

namespace rapidun::kernels {

struct DecodeLayer {
    const float * attn_norm = nullptr;                       // [D]
    const float * w_q = nullptr, * w_k = nullptr, * w_v = nullptr;   // [H*hd, D], [KV*hd, D], [KV*hd, D]
    const float * b_q = nullptr, * b_k = nullptr, * b_v = nullptr;   // their biases, or null
    const float * w_o = nullptr, * b_o = nullptr;            // [D, H*hd], [D] or null
    const float * ffn_norm = nullptr;                        // [D]
    const float * w_gate = nullptr, * w_up = nullptr;        // [F, D] each
    const float * b_gate = nullptr, * b_up = nullptr;        // [F] or null
    const float * w_down = nullptr, * b_down = nullptr;      // [D, F], [D] or null
    float *       k_cache = nullptr, * v_cache = nullptr;    // [KV, S_max, hd]: keys after RoPE, values
};

struct DecodeModel {
    int64_t D = 0, F = 0, H = 0, KV = 0, hd = 0, V = 0, S_max = 0;
    float   eps = 1e-5f;
    const float * embed = nullptr;        // [V, D]
    const float * final_norm = nullptr;   // [D]
    const float * head = nullptr;         // [V, D] (the embedding when tied)
    const float * rope_cos = nullptr;     // [positions, hd/2]: cos(pos * inv_freq[i])
    const float * rope_sin = nullptr;
    std::vector<DecodeLayer> layers;
};

// Buffers reused across steps (sized on first use).
struct DecodeScratch {
    std::vector<float> x, xn, q, k, v, att, o, gate, up, scores;
};

// Token `token` at RoPE position `pos` goes to cache slot `slot` of every layer; attends over slots
// [0, slot]. Writes the next-token logits [V].
void decode_step_f32(const DecodeModel & m, int32_t token, int64_t pos, int64_t slot, DecodeScratch & s, float * logits);

} // namespace rapidun::kernels
