// Next-token selection over one row of logits. CPU reference of sample_rows_cuda (sketch_cuda.h),
// which takes a [B, V] device buffer. The sampler follows llama2.c's run.c step for step
// (xorshift* RNG, temperature, softmax, top-p with a (1-p)/(V-1) cut-off) so that a seeded run
// reproduces the C reference's sampled text.
#pragma once
#include <cstdint>
#include <vector>

namespace rapidun::kernels {

// llama2.c's random_u32 / random_f32.
struct Rng {
    uint64_t state = 0;
    uint32_t next_u32();
    float    next_f32();   // in [0, 1)
};

// Index of the largest logit; the first one on ties (llama2.c's sample_argmax).
int32_t argmax(const float * logits, int64_t n);

// temperature == 0: argmax. Otherwise logits / temperature, softmax, then multinomial sampling
// (top_p <= 0 or >= 1) or top-p sampling. `scratch` is reused between calls (V floats + V ints).
int32_t sample(const float * logits, int64_t n, float temperature, float top_p, Rng & rng,
               std::vector<float> & scratch);

bool built_with_cuda();

} // namespace rapidun::kernels
