// The Llama / Mistral / Qwen2 architecture facts, read from an HF config.json or a llama2.c header.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace rapidun {

// config.json's rope_scaling ("rope_type", or the older "type"), as HF's modeling_rope_utils reads it.
//   linear:  every frequency divided by factor (positions stretched).
//   dynamic: NTK-aware; HF changes the frequencies only for sequences longer than
//            max_position_embeddings, which this project never runs (it refuses longer inputs),
//            so within range it equals no scaling.
//   llama3:  Llama 3.1 / 3.2: frequencies with a wavelength above original_max / low_freq_factor
//            divided by factor, below original_max / high_freq_factor kept, smoothed in between.
struct RopeScaling {
    std::string type;                       // "" (none), "linear", "dynamic", "llama3"
    double  factor = 1.0;
    double  low_freq_factor = 1.0;          // llama3
    double  high_freq_factor = 4.0;         // llama3
    int64_t original_max_position_embeddings = 0;   // llama3 (required there)
};

struct ModelConfig {
    std::string architecture = "LlamaForCausalLM";   // or MistralForCausalLM, Qwen2ForCausalLM
    int64_t dim = 0;                 // hidden_size
    int64_t n_layers = 0;            // num_hidden_layers
    int64_t n_heads = 0;             // num_attention_heads
    int64_t n_kv_heads = 0;          // num_key_value_heads (GQA when < n_heads)
    int64_t head_dim = 0;            // dim / n_heads unless config.json says otherwise
    int64_t hidden_dim = 0;          // intermediate_size (SwiGLU width)
    int64_t vocab_size = 0;
    int64_t max_seq_len = 2048;      // max_position_embeddings
    double  rope_theta = 10000.0;
    RopeScaling rope_scaling;
    double  norm_eps = 1e-5;         // rms_norm_eps
    bool    tie_embeddings = false;  // tie_word_embeddings
    // Mistral's sliding window: a query at slot q sees keys at slots k with q - W < k <= q (W keys,
    // itself included; HF's sliding_window_overlay). 0 = full causal attention.
    int64_t sliding_window = 0;
    // Biases of the projections (the weights stay [out, in]; a bias is [out]). Qwen2: q, k and v
    // always; Llama's attention_bias: q, k, v and o; mlp_bias: gate, up and down.
    bool    qkv_bias = false;
    bool    o_bias = false;
    bool    mlp_bias = false;
    int64_t bos_id = 1;
    int64_t eos_id = 2;              // the first of eos_ids
    std::vector<int64_t> eos_ids;    // every end-of-sequence id (Llama 3 instruct lists three); generation stops on any
    std::string torch_dtype = "float32";

    int64_t n_params() const;        // tied head counted once
    // RoPE inverse frequencies [head_dim / 2], rope_scaling applied: angle(p, i) = p * inv_freq[i].
    std::vector<double> rope_inv_freq() const;
    std::string rope_summary() const;   // "theta 500000" or "theta 500000, llama3 x32 (8192)"
    std::string bias_summary() const;   // "none", "q k v", "q k v o", "q k v o, mlp"
};

// Parses an HF config.json (LlamaForCausalLM, MistralForCausalLM or Qwen2ForCausalLM). Throws Error naming the file
// and the field for a missing field, a wrong type or an unsupported architecture.
ModelConfig parse_hf_config(const std::string & path);
ModelConfig parse_hf_config_text(const std::string & text, const std::string & path_for_errors);
std::string hf_config_json(const ModelConfig & cfg);   // the config.json text we write on export

} // namespace rapidun
