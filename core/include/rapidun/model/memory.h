// What a model will need in memory, from its config and file sizes alone (no tensor is read), and
// the check every command makes before it loads one: a model that does not fit is refused with
// the figure instead of being killed by the kernel half way.
//
// The figures describe this implementation as it is (core/src/model/model.cpp):
//   load peak   = the parameters in the run precision (allocated in it from the start) + the largest
//                 tensor's mapped pages (each tensor's pages are released once copied)
//   resident    = the parameters in the run precision (the fused q|k|v and gate|up weights that
//                 inference uses are the same memory: the separate weights are views of them)
//   generate    = resident + KV cache (2 x layers x kv_heads x head_dim x context x batch) + logits
//   LoRA tasks  = resident + adapter (r = 16 on all 7 projections) in fp32 with its gradient (and
//                 AdamW's two moments for unlearning) + activations kept for the backward pass
//                 (about 12 x dim + 4 x intermediate values per token and layer, fp32, batch 1)
// plus a fixed 400 MiB for LibTorch, OpenMP and the allocator. Each figure is the larger of the load
// peak and the task's steady need.
#pragma once
#include "rapidun/io/model_files.h"
#include "rapidun/model/config.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rapidun {

struct MemoryFacts {
    int64_t n_params = 0;            // from the tensor headers (tied head counted once)
    int64_t file_bytes = 0;          // the weights on disk
    int64_t largest_tensor_bytes = 0;
    std::string stored_dtype;        // "BF16", "F32", "F16", or "mixed"
};

struct MemoryNeed {
    std::string task;                // "generate", "lora-influence", "lora-unlearn"
    std::string precision;           // "f32", "bf16"
    int64_t     bytes = 0;           // peak resident bytes
};

// Counts from the tensor headers of files that read_model_files() mapped (no data is read).
MemoryFacts memory_facts(const ModelFiles & files);

// context: tokens per sequence (prompt + new tokens, or a training row); batch: rows at once.
std::vector<MemoryNeed> estimate_memory(const ModelConfig & c, const MemoryFacts & f, int64_t context = 2048,
                                        int64_t batch = 1);
int64_t estimate_memory(const ModelConfig & c, const MemoryFacts & f, const std::string & task,
                        const std::string & precision, int64_t context = 2048, int64_t batch = 1);

// MemAvailable of /proc/meminfo in bytes ($RAPIDUN_MEMORY_LIMIT_MB overrides it, for tests and for
// sharing a machine); -1 when unknown (then nothing is refused).
int64_t available_memory_bytes();

// Throws Error "<source>: <task> in <precision> needs about X GiB, Y GiB are available" when the
// estimate exceeds what is available. No-op when the amount available is unknown.
void check_memory_fits(const std::string & source, const ModelConfig & c, const MemoryFacts & f,
                       const std::string & task, const std::string & precision, int64_t context = 2048,
                       int64_t batch = 1);

std::string format_gib(int64_t bytes);   // "1.81 GiB"

} // namespace rapidun
