// Memory estimates (see memory.h for the model of this implementation they encode).
#include "rapidun/model/memory.h"

#include "rapidun/error.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace rapidun {

namespace {

constexpr int64_t kRuntimeBytes = int64_t(400) << 20;   // LibTorch, OpenMP pools, allocator slack
constexpr int64_t kLoraRank = 16;

int64_t bytes_per(const std::string & precision) { return precision == "bf16" ? 2 : 4; }

// Adapter parameters for r = kLoraRank on every projection of every layer: r x (in + out) each.
int64_t lora_params(const ModelConfig & c) {
    const int64_t q = c.n_heads * c.head_dim, kv = c.n_kv_heads * c.head_dim;
    const int64_t per_layer = (c.dim + q) + 2 * (c.dim + kv) + (q + c.dim) + 2 * (c.dim + c.hidden_dim) + (c.hidden_dim + c.dim);
    return c.n_layers * kLoraRank * per_layer;
}

} // namespace

MemoryFacts memory_facts(const ModelFiles & files) {
    MemoryFacts f;
    for (const auto & [name, t] : files.weights) {
        f.n_params += t.numel();
        f.file_bytes += int64_t(t.n_bytes);
        f.largest_tensor_bytes = std::max<int64_t>(f.largest_tensor_bytes, int64_t(t.n_bytes));
        const std::string d = dtype_name(t.dtype);
        f.stored_dtype = f.stored_dtype.empty() || f.stored_dtype == d ? d : "mixed";
    }
    return f;
}

int64_t estimate_memory(const ModelConfig & c, const MemoryFacts & f, const std::string & task,
                        const std::string & precision, int64_t context, int64_t batch) {
    const int64_t b = bytes_per(precision);
    const int64_t resident = b * f.n_params;
    const int64_t load_peak = resident + f.largest_tensor_bytes;
    int64_t steady = resident;
    if (task == "generate") {
        const int64_t kv_cache = 2 * c.n_layers * c.n_kv_heads * c.head_dim * context * batch * b;
        const int64_t logits = 4 * c.vocab_size * batch * 2;   // the last position's logits, fp32, and a sampling copy
        steady += kv_cache + logits;
    } else if (task == "lora-influence" || task == "lora-unlearn") {
        const int64_t adapter = 4 * lora_params(c) * (task == "lora-unlearn" ? 4 : 2);   // value + grad (+ 2 moments)
        const int64_t activations = 4 * context * c.n_layers * (12 * c.dim + 4 * c.hidden_dim);
        const int64_t head = 4 * context * c.vocab_size * 2;   // logits and their gradient, fp32
        steady += adapter + activations + head;
    } else {
        throw Error("memory estimate: unknown task '" + task + "' (generate, lora-influence, lora-unlearn)");
    }
    return kRuntimeBytes + std::max(load_peak, steady);
}

std::vector<MemoryNeed> estimate_memory(const ModelConfig & c, const MemoryFacts & f, int64_t context, int64_t batch) {
    std::vector<MemoryNeed> out;
    for (const char * task : {"generate", "lora-influence", "lora-unlearn"})
        for (const char * precision : {"bf16", "f32"})
            out.push_back({task, precision, estimate_memory(c, f, task, precision, context, batch)});
    return out;
}

int64_t available_memory_bytes() {
    if (const char * env = std::getenv("RAPIDUN_MEMORY_LIMIT_MB"); env && *env)
        return int64_t(std::atoll(env)) << 20;
    std::ifstream in("/proc/meminfo");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("MemAvailable:", 0) != 0) continue;
        std::istringstream fields(line.substr(13));
        int64_t kib = -1;
        fields >> kib;
        return kib < 0 ? -1 : kib * 1024;
    }
    return -1;
}

std::string format_gib(int64_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f GiB", double(bytes) / double(int64_t(1) << 30));
    return buf;
}

void check_memory_fits(const std::string & source, const ModelConfig & c, const MemoryFacts & f,
                       const std::string & task, const std::string & precision, int64_t context, int64_t batch) {
    const int64_t have = available_memory_bytes();
    if (have < 0) return;
    const int64_t need = estimate_memory(c, f, task, precision, context, batch);
    if (need > have)
        fail(source, "memory", task + " in " + precision + " needs about " + format_gib(need) + " (" +
                                   std::to_string(f.n_params) + " parameters), but only " + format_gib(have) +
                                   " are available; `rapidun info` shows what each task and precision needs");
}

} // namespace rapidun
