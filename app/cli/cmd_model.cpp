// `rapidun info` and `rapidun generate`.
#include "args.h"

#include "rapidun/error.h"
#include "rapidun/io/atomic_file.h"
#include "rapidun/io/model_files.h"
#include "rapidun/model/memory.h"
#include "rapidun/model/model.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sstream>

namespace rapidun::cli {

using nlohmann::json;

// `info` reads config.json and the tensor headers only (the safetensors are mapped, never read),
// so it answers in well under a second for any size and says what each task would need.
static json info_json(const ModelFiles & mf, const MemoryFacts & f, const Tokenizer * tok, int64_t context) {
    const ModelConfig & c = mf.config;
    json memory = json::array();
    for (const MemoryNeed & m : estimate_memory(c, f, context))
        memory.push_back({{"task", m.task}, {"precision", m.precision}, {"bytes", m.bytes}, {"gib", double(m.bytes) / double(1 << 30)}});
    json j = {{"source", mf.source}, {"format", mf.format}, {"architecture", c.architecture},
              {"stored_dtype", f.stored_dtype}, {"file_bytes", f.file_bytes}, {"n_params", f.n_params},
              {"config", {{"hidden_size", c.dim}, {"num_hidden_layers", c.n_layers}, {"num_attention_heads", c.n_heads},
                          {"num_key_value_heads", c.n_kv_heads}, {"head_dim", c.head_dim},
                          {"intermediate_size", c.hidden_dim}, {"vocab_size", c.vocab_size},
                          {"max_position_embeddings", c.max_seq_len}, {"rope_theta", c.rope_theta},
                          {"rope_scaling", c.rope_scaling.type.empty() ? json(nullptr)
                                                                        : json{{"rope_type", c.rope_scaling.type},
                                                                               {"factor", c.rope_scaling.factor}}},
                          {"eos_token_id", c.eos_ids},
                          {"rms_norm_eps", c.norm_eps}, {"tie_word_embeddings", c.tie_embeddings},
                          {"sliding_window", c.sliding_window}, {"biases", c.bias_summary()}}},
              {"memory", {{"context", context}, {"available_bytes", available_memory_bytes()}, {"needs", memory}}},
              {"runtime", runtime_summary()}};
    if (tok) {
        j["tokenizer"] = {{"path", tok->path()}, {"kind", tok->kind()}, {"vocab_size", tok->vocab_size()},
                          {"bos_id", tok->bos_id()}, {"eos_id", tok->eos_id()}, {"pad_id", tok->pad_id()},
                          {"unk_id", tok->unk_id()}, {"byte_fallback", tok->byte_fallback()}};
    }
    return j;
}

int cmd_info(int argc, char ** argv) {
    Args a(argc, argv, 2, {"json", "help"}, {"tokenizer", "context"});
    if (a.has("help") || a.positional().size() != 1) {
        std::puts("usage: rapidun info <model: HF folder | model.safetensors | llama2.c .bin> [--tokenizer PATH] "
                  "[--context N] [--json]\n"
                  "  reads config.json and the tensor headers only; the memory figures are for N tokens (default 2048)");
        return a.has("help") ? 0 : 2;
    }
    init_runtime();   // the thread count that the runtime line reports (nothing is loaded)
    const ModelFiles mf = read_model_files(a.positional()[0]);
    const MemoryFacts f = memory_facts(mf);
    const int64_t context = a.get_int("context", std::min<int64_t>(2048, mf.config.max_seq_len));
    ModelInfo mi;
    mi.config = mf.config;
    mi.source = mf.source;
    std::unique_ptr<Tokenizer> tok;
    std::string tp = a.get("tokenizer", mf.tokenizer_guess);
    if (!tp.empty()) {
        tok = load_tokenizer(tp);
        check_vocab(*tok, mi);
    }
    json j = info_json(mf, f, tok.get(), context);
    if (a.has("json")) {
        std::printf("%s\n", j.dump(2).c_str());
        return 0;
    }
    const ModelConfig & c = mf.config;
    std::printf("model        %s (%s, %s on disk)\n", mf.source.c_str(), mf.format.c_str(), format_gib(f.file_bytes).c_str());
    std::printf("architecture %s, %lld parameters, stored as %s\n", c.architecture.c_str(), (long long)f.n_params,
                f.stored_dtype.c_str());
    std::printf("shape        dim %lld, layers %lld, heads %lld, kv heads %lld, head dim %lld, hidden %lld\n",
                (long long)c.dim, (long long)c.n_layers, (long long)c.n_heads, (long long)c.n_kv_heads,
                (long long)c.head_dim, (long long)c.hidden_dim);
    std::printf("vocab        %lld, max positions %lld, rope %s, rms eps %g, tied head %s\n", (long long)c.vocab_size,
                (long long)c.max_seq_len, c.rope_summary().c_str(), c.norm_eps, c.tie_embeddings ? "yes" : "no");
    std::printf("attention    sliding window %s, projection biases %s\n",
                c.sliding_window > 0 ? std::to_string(c.sliding_window).c_str() : "none", c.bias_summary().c_str());
    if (tok)
        std::printf("tokenizer    %s (%s, %d pieces, bos %d, eos %d, pad %d, byte fallback %s)\n", tok->path().c_str(),
                    tok->kind().c_str(), tok->vocab_size(), tok->bos_id(), tok->eos_id(), tok->pad_id(),
                    tok->byte_fallback() ? "yes" : "no");
    const int64_t have = available_memory_bytes();
    std::printf("memory       peak estimates for %lld tokens (available: %s)\n", (long long)context,
                have < 0 ? "unknown" : format_gib(have).c_str());
    for (const MemoryNeed & m : estimate_memory(c, f, context))
        std::printf("             %-15s %-5s %10s%s\n", m.task.c_str(), m.precision.c_str(), format_gib(m.bytes).c_str(),
                    have >= 0 && m.bytes > have ? "  (does not fit)" : "");
    std::printf("runtime      %s\n", runtime_summary().c_str());
    return 0;
}

static std::vector<std::string> read_prompts(const std::string & path) {
    std::vector<std::string> out;
    std::istringstream in(read_file_text(path));
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        out.push_back(line);
    }
    if (out.empty()) fail(path, "", "no prompts (one prompt per line expected)");
    return out;
}

int cmd_generate(int argc, char ** argv) {
    Args a(argc, argv, 2, {"json", "help"},
           {"model", "tokenizer", "prompt", "batch-file", "max-new-tokens", "temperature", "top-p", "seed",
            "precision", "pad-side"});
    if (a.has("help") || !a.has("model") || (a.has("prompt") == a.has("batch-file"))) {
        std::puts("usage: rapidun generate --model PATH [--tokenizer PATH] (--prompt TEXT | --batch-file FILE)\n"
                  "       [--max-new-tokens N=128] [--temperature T=0 (greedy)] [--top-p P=1] [--seed S=0]\n"
                  "       [--precision f32|bf16] [--pad-side left|right] [--json]\n"
                  "stdout: each prompt followed by its continuation, decoded (or one JSON object with --json)");
        return a.has("help") ? 0 : 2;
    }
    LoadOptions lo;
    const std::string prec = a.get("precision", "f32");
    if (prec == "bf16") lo.precision = Precision::BF16;
    else if (prec != "f32") throw UsageError("--precision must be f32 or bf16");
    GenerateOptions go;
    go.max_new_tokens = a.get_int("max-new-tokens", 128);
    go.temperature    = static_cast<float>(a.get_double("temperature", 0.0));
    go.top_p          = static_cast<float>(a.get_double("top-p", 1.0));
    go.seed           = static_cast<uint64_t>(a.get_int("seed", 0));
    const std::string side = a.get("pad-side", "left");
    if (side != "left" && side != "right") throw UsageError("--pad-side must be left or right");
    go.pad_side = side == "left" ? PadSide::Left : PadSide::Right;
    if (go.max_new_tokens < 0 || go.temperature < 0) throw UsageError("--max-new-tokens and --temperature must be >= 0");

    ModelBundle mb = open_model(a.get("model"), a.get("tokenizer"), lo);
    std::vector<std::string> prompts = a.has("prompt") ? std::vector<std::string>{a.get("prompt")} : read_prompts(a.get("batch-file"));
    std::vector<std::vector<int32_t>> ids;
    for (auto & p : prompts) ids.push_back(mb.tokenizer->encode(p, /*add_bos=*/true));
    auto t0 = std::chrono::steady_clock::now();
    auto out = mb.model->generate(ids, go);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    json rows = json::array();
    size_t n_tokens = 0;
    for (size_t i = 0; i < prompts.size(); i++) {
        std::vector<int32_t> all(ids[i].begin(), ids[i].end());
        all.insert(all.end(), out[i].begin(), out[i].end());
        const std::string text = mb.tokenizer->decode(all);
        n_tokens += out[i].size();
        if (a.has("json")) {
            rows.push_back({{"prompt", prompts[i]}, {"text", text}, {"completion", mb.tokenizer->decode(out[i])},
                            {"token_ids", out[i]}, {"n_new_tokens", out[i].size()}});
        } else {
            std::printf("%s\n", terminal_safe(text).c_str());
        }
    }
    if (a.has("json")) {
        json j = {{"model", a.get("model")}, {"results", rows}, {"seconds", secs},
                  {"tokens_per_second", secs > 0 ? double(n_tokens) / secs : 0.0}};
        std::printf("%s\n", j.dump(2).c_str());
    }
    return 0;
}

} // namespace rapidun::cli
