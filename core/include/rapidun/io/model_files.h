// Finding and reading a model's weights in either format into HF tensor names and HF layout:
//  - an HF folder: config.json + model.safetensors, or sharded via model.safetensors.index.json
//  - a llama2.c .bin (header of 7 int32 + fp32 arrays); wq/wk rows are permuted from llama2.c's
//    interleaved RoPE pairs to HF's rotate-half layout, as HF's conversion script does.
#pragma once
#include "rapidun/io/safetensors.h"
#include "rapidun/model/config.h"

#include <string>

namespace rapidun {

struct ModelFiles {
    ModelConfig config;
    TensorMap   weights;          // "model.embed_tokens.weight", "model.layers.0.self_attn.q_proj.weight", ...
    std::string source;           // path the user gave
    std::string format;           // "hf-safetensors", "hf-safetensors-sharded", "llama2c"
    std::string tokenizer_guess;  // HF folder: its tokenizer.json, else tokenizer.model; llama2.c: the one *.model beside it; else ""
};

ModelFiles read_model_files(const std::string & path);
ModelFiles read_llama2c(const std::string & path);
ModelFiles read_hf_folder(const std::string & dir);

// Checks that `weights` has every tensor `cfg` needs with the right shape; throws naming `source`.
void check_weights(const ModelConfig & cfg, const TensorMap & weights, const std::string & source);

// Row permutation llama2.c (interleaved pairs) -> HF (rotate_half) for a [n_heads*head_dim, in] matrix,
// as HF's w.view(n_heads, hd/2, 2, in).transpose(1, 2).reshape(n_heads*hd, in): for head h, output
// row h*hd + half*(hd/2) + j takes input row h*hd + 2*j + half (half in {0, 1}, j < hd/2).
// E.g. hd = 4: rows [0, 1, 2, 3] of a head become [0, 2, 1, 3]. Exposed for tests.
std::vector<float> permute_rope_rows(const float * w, int64_t n_heads, int64_t head_dim, int64_t in_dim);

} // namespace rapidun
