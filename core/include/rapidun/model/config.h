// The Llama/Mistral architecture facts, read from an HF config.json or a llama2.c header.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace rapidun {

struct ModelConfig {
    std::string architecture = "LlamaForCausalLM";   // or MistralForCausalLM
    int64_t dim = 0;                 // hidden_size
    int64_t n_layers = 0;            // num_hidden_layers
    int64_t n_heads = 0;             // num_attention_heads
    int64_t n_kv_heads = 0;          // num_key_value_heads (GQA when < n_heads)
    int64_t head_dim = 0;            // dim / n_heads unless config.json says otherwise
    int64_t hidden_dim = 0;          // intermediate_size (SwiGLU width)
    int64_t vocab_size = 0;
    int64_t max_seq_len = 2048;      // max_position_embeddings
    double  rope_theta = 10000.0;
    double  norm_eps = 1e-5;         // rms_norm_eps
    bool    tie_embeddings = false;  // tie_word_embeddings
    int64_t sliding_window = 0;      // Mistral; 0 = none. Ignored: we refuse sequences longer than it.
    int64_t bos_id = 1;
    int64_t eos_id = 2;
    std::string torch_dtype = "float32";

    int64_t n_params() const;        // tied head counted once
};

// Parses an HF config.json (LlamaForCausalLM or MistralForCausalLM). Throws Error naming the file
// and the field for a missing field, a wrong type or an unsupported architecture.
ModelConfig parse_hf_config(const std::string & path);
ModelConfig parse_hf_config_text(const std::string & text, const std::string & path_for_errors);
std::string hf_config_json(const ModelConfig & cfg);   // the config.json text we write on export

} // namespace rapidun
