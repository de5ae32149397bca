// The torch-free face of a loaded Llama/Mistral model: the CLI, the studio and the tests use this;
// tensors stay inside core. One Model is used from one thread at a time.
#pragma once
#include "rapidun/model/config.h"
#include "rapidun/model/device.h"
#include "rapidun/text/tokenizer.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace rapidun {

enum class Precision { F32, BF16 };
const char * precision_name(Precision p);

struct LoadOptions {
    Precision precision = Precision::F32;
    // What the model is loaded for (memory.h: generate, lora-influence, lora-unlearn): load() refuses,
    // before it allocates anything, a model whose estimate for it exceeds the memory available.
    std::string memory_task = "generate";
    Device      device;   // where the weights and every tensor of the model's work live (auto: a GPU when present)
};

enum class PadSide { Left, Right };

struct GenerateOptions {
    int64_t  max_new_tokens = 128;
    float    temperature = 0.0f;      // 0 = greedy (argmax)
    float    top_p = 1.0f;            // nucleus sampling when 0 < top_p < 1
    uint64_t seed = 0;                // every row of a batch starts from this seed, as if run alone
    PadSide  pad_side = PadSide::Left;
    std::vector<int32_t> stop_ids;    // empty = {eos, bos} (llama2.c stops on BOS)
    bool     no_fused_decode = false; // batch 1 on the CPU: the LibTorch step instead of kernels/decode.h (tests, benchmarks)
};

// LoRA on the linear layers of every block (PEFT's LoraConfig fields; defaults are the paper's).
struct LoraSettings {
    int32_t  r = 16;
    double   alpha = 16.0;            // scaling = alpha / r
    double   dropout = 0.05;
    std::vector<std::string> targets = {"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"};
    uint64_t seed = 0;                // A ~ Kaiming-uniform(a = sqrt(5)) from this seed, B = 0
};

struct ModelInfo {
    ModelConfig config;
    std::string source;
    std::string format;
    std::string precision;
    std::string device;        // "cpu", "cuda:0"
    int64_t     n_params = 0;
    std::string tokenizer_guess;
};

class Model {
public:
    static std::unique_ptr<Model> load(const std::string & path, const LoadOptions & opt = {});
    ~Model();

    const ModelInfo & info() const;

    // Logits of every position for one sequence: row-major [T, vocab], fp32.
    std::vector<float> logits(const std::vector<int32_t> & ids) const;

    // Mean next-token NLL (nats) of ids[1..] given the prefix; per-token values in `per_token` if given.
    double nll(const std::vector<int32_t> & ids, std::vector<double> * per_token = nullptr) const;

    // Batched generation with a KV cache. prompts[b] must be non-empty (include BOS yourself).
    // Returns the new tokens of each row (stop token excluded).
    std::vector<std::vector<int32_t>> generate(const std::vector<std::vector<int32_t>> & prompts,
                                               const GenerateOptions & opt) const;

    // Writes the HF layout: config.json + model.safetensors (+ tokenizer.model copied if given).
    // With an unmerged LoRA adapter the base weights are written (save the adapter separately).
    void export_hf(const std::string & dir, const std::string & tokenizer_path = "") const;

    // A new model with random weights (HF init: normal(0, 0.02), norms 1), fp32.
    static std::unique_ptr<Model> create(const ModelConfig & cfg, uint64_t seed);

    // LoRA adapter (see LoraSettings). attach replaces any adapter; merge folds B A * scaling into
    // the base weights (unmerge subtracts it again); the adapter files use PEFT's layout:
    // adapter_config.json + adapter_model.safetensors with names
    // "base_model.model.model.layers.{i}.self_attn.q_proj.lora_A.weight".
    void attach_lora(const LoraSettings & s);
    void detach_lora();
    bool has_lora() const;
    void merge_lora();
    void unmerge_lora();
    void save_adapter(const std::string & dir) const;
    void load_adapter(const std::string & dir);   // attaches; throws Error naming the file on mismatch
    const LoraSettings & lora_settings() const;

    struct Impl;
    Impl * impl() const { return impl_.get(); }

private:
    Model();
    std::unique_ptr<Impl> impl_;
};

// A model with its tokenizer. tokenizer_path "" = the tokenizer found beside the weights.
// Throws Error naming the tokenizer file when its vocabulary size differs from the model's.
struct ModelBundle {
    std::unique_ptr<Model>     model;
    std::unique_ptr<Tokenizer> tokenizer;
};
ModelBundle open_model(const std::string & model_path, const std::string & tokenizer_path = "",
                       const LoadOptions & opt = {});
void check_vocab(const Tokenizer & tok, const ModelInfo & info);

// Sets the intra-op thread count (default: all cores; LibTorch starts with one on 2-core machines).
void init_runtime(int n_threads = 0);
std::string runtime_summary();   // "LibTorch 1.13.0, 2 threads, cpu"

} // namespace rapidun
