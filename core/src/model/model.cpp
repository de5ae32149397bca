// The torch-free Model facade: loading, logits, NLL, batched generation with a KV cache, HF export.
#include "rapidun/model/model.h"

#include "model/llama.h"
#include "model/model_impl.h"
#include "rapidun/error.h"
#include "rapidun/io/atomic_file.h"
#include "rapidun/io/model_files.h"
#include "rapidun/io/safetensors.h"
#include "rapidun/model/memory.h"
#include "rapidun/kernels/decode.h"
#include "rapidun/kernels/sampling.h"
#ifdef RAPIDUN_HAVE_CUDA_KERNELS
#include "rapidun/kernels/sketch_cuda.h"
#endif

#include <algorithm>
#include <atomic>
#include <climits>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <thread>

namespace rapidun {

using torch::Tensor;

const char * precision_name(Precision p) { return p == Precision::BF16 ? "bf16" : "f32"; }

static std::atomic<bool> g_runtime_ready{false};

void init_runtime(int n_threads) {
    if (n_threads <= 0) {
        const char * env = std::getenv("RAPIDUN_THREADS");   // e.g. 1 when another job shares the cores
        n_threads = env && std::atoi(env) > 0 ? std::atoi(env) : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    }
    torch::set_num_threads(n_threads);   // LibTorch starts with one thread on a 2-core machine
#ifdef __GLIBC__
    // Training and decoding steps free and re-allocate the same large buffers; glibc's defaults
    // return them to the kernel each time and the page faults cost more than the arithmetic
    // (platform-notes section 10). Keep freed blocks in the heap.
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);   // glibc's maximum
    mallopt(M_TRIM_THRESHOLD, INT_MAX);
#endif
    g_runtime_ready = true;
}

std::string runtime_summary() {
    return "LibTorch " + std::string(TORCH_VERSION) + ", " + std::to_string(torch::get_num_threads()) +
           " threads, " + (torch::cuda::is_available() ? "cuda available" : "cpu");
}

// ---------------------------------------------------------------------------
// Devices

Device parse_device(const std::string & text) {
    Device d;
    if (text == "auto") return d;
    if (text == "cpu") { d.kind = Device::Kind::Cpu; return d; }
    if (text.rfind("cuda", 0) == 0) {
        d.kind = Device::Kind::Cuda;
        if (text.size() == 4) return d;
        const std::string n = text.substr(5);
        if (text[4] == ':' && !n.empty() && n.size() < 4 && n.find_first_not_of("0123456789") == std::string::npos) {
            d.index = std::stoi(n);
            return d;
        }
    }
    throw Error("device '" + text + "': expected auto, cpu, cuda or cuda:N");
}

std::string device_name(const Device & d) {
    switch (d.kind) {
    case Device::Kind::Auto: return "auto";
    case Device::Kind::Cpu: return "cpu";
    case Device::Kind::Cuda: return "cuda:" + std::to_string(d.index);
    }
    return "auto";
}

int cuda_device_count() { return torch::cuda::is_available() ? int(torch::cuda::device_count()) : 0; }

static std::mutex g_device_mutex;
static Device     g_default_device;   // Auto: not chosen

void set_default_device(const Device & d) {
    const Device r = resolve_device(d);
    std::lock_guard<std::mutex> lock(g_device_mutex);
    g_default_device = r;
}

Device resolve_device(const Device & d) {
    const int n = cuda_device_count();
    if (d.kind == Device::Kind::Auto) {
        {
            std::lock_guard<std::mutex> lock(g_device_mutex);
            if (g_default_device.kind != Device::Kind::Auto) return g_default_device;
        }
        if (const char * env = std::getenv("RAPIDUN_DEVICE"); env && *env && std::string(env) != "auto") {
            try {
                return resolve_device(parse_device(env));
            } catch (const Error & e) {
                throw Error(std::string("RAPIDUN_DEVICE: ") + e.what());
            }
        }
        if (n == 0) return Device{Device::Kind::Cpu, 0};
        // One GPU a process: torchrun's LOCAL_RANK picks it (several ranks on one machine).
        const char * local = std::getenv("LOCAL_RANK");
        const int    lr    = local && *local ? std::max(0, std::atoi(local)) : 0;
        return Device{Device::Kind::Cuda, lr % n};
    }
    if (d.kind == Device::Kind::Cuda && d.index >= n)
        throw Error("device " + device_name(d) + ": " +
                    (n > 0 ? "this machine has " + std::to_string(n) + " GPU(s)"
                           : std::string("no CUDA GPU here (LibTorch ") + TORCH_VERSION +
                                 (torch::cuda::is_available() ? "" : ", a build without CUDA or no driver") + "); use --device cpu"));
    return d;
}

torch::Device to_torch(const Device & d) {
    return d.kind == Device::Kind::Cuda ? torch::Device(torch::kCUDA, int8_t(d.index)) : torch::Device(torch::kCPU);
}

Model::Model() : impl_(std::make_unique<Impl>()) {}
Model::~Model() = default;

std::unique_ptr<Model> Model::load(const std::string & path, const LoadOptions & opt) {
    if (!g_runtime_ready) init_runtime();
    const Device device = resolve_device(opt.device);
    ModelFiles files = read_model_files(path);
    check_memory_fits(path, files.config, memory_facts(files), opt.memory_task, precision_name(opt.precision),
                      std::min<int64_t>(2048, files.config.max_seq_len));
    std::unique_ptr<Model> m(new Model());
    Impl & d = *m->impl_;
    {
        // bf16: the parameters are allocated in bf16 from the start and the file is copied into them
        // tensor by tensor, its pages released as it goes: peak ~ the bf16 model, not fp32 + bf16 + file.
        ParamDtypeScope dtype(opt.precision == Precision::BF16 ? torch::kBFloat16 : torch::kFloat32);
        d.net = LlamaForCausalLM(files.config);
    }
    try {
        d.net->load_weights(files.weights);
    } catch (const std::exception & e) {
        throw Error(path + ": " + e.what());
    }
    d.net->eval();
    for (auto & p : d.net->parameters()) p.set_requires_grad(false);
    if (opt.precision == Precision::BF16) {
        d.dtype = torch::kBFloat16;
        d.net->to(torch::kBFloat16);
        d.net->lm_head = files.config.tie_embeddings ? d.net->model->embed_tokens->weight : d.net->lm_head_linear->weight;
    }
    d.device = to_torch(device);
    d.net->move_to(d.device);   // from the host copy: the file is read once, on the CPU
    d.net->fuse_for_inference(true);
    int64_t n = 0;
    for (auto & p : d.net->parameters()) n += p.numel();
    d.info.device          = device_name(device);
    d.info.config          = files.config;
    d.info.source          = path;
    d.info.format          = files.format;
    d.info.precision       = precision_name(opt.precision);
    d.info.n_params        = n;
    d.info.tokenizer_guess = files.tokenizer_guess;
    return m;
}

std::unique_ptr<Model> Model::create(const ModelConfig & cfg, uint64_t seed) {
    if (!g_runtime_ready) init_runtime();
    std::unique_ptr<Model> m(new Model());
    Impl & d = *m->impl_;
    torch::manual_seed(seed);
    d.net = LlamaForCausalLM(cfg);
    {
        torch::NoGradGuard no_grad;
        // LibTorch's Embedding (normal) and Linear (Kaiming-uniform) used to draw their own initial
        // values in the constructor; the modules no longer do, and the same draws here keep every
        // seeded model, and the labs built from one, what they were.
        torch::nn::init::normal_(torch::empty({cfg.vocab_size, cfg.dim}));
        if (!cfg.tie_embeddings) torch::nn::init::kaiming_uniform_(torch::empty({cfg.vocab_size, cfg.dim}), std::sqrt(5.0));
        for (auto & item : d.net->named_parameters()) {
            if (item.key().find("norm") != std::string::npos) item.value().fill_(1.0);
            else item.value().normal_(0.0, 0.02);
        }
    }
    d.net->eval();
    for (auto & p : d.net->parameters()) p.set_requires_grad(false);
    const Device device = resolve_device(Device{});   // drawn on the host above: one seed, one model anywhere
    d.device = to_torch(device);
    d.net->move_to(d.device);
    d.net->fuse_for_inference(true);
    int64_t n = 0;
    for (auto & p : d.net->parameters()) n += p.numel();
    d.info.config    = cfg;
    d.info.source    = "(new model, seed " + std::to_string(seed) + ")";
    d.info.format    = "new";
    d.info.device    = device_name(device);
    d.info.precision = "f32";
    d.info.n_params  = n;
    return m;
}

const ModelInfo & Model::info() const { return impl_->info; }

std::vector<float> Model::logits(const std::vector<int32_t> & ids) const {
    c10::InferenceMode guard;
    const int64_t T = static_cast<int64_t>(ids.size());
    if (T == 0) return {};
    const auto on = torch::TensorOptions().device(impl_->device);
    Tensor x   = torch::tensor(std::vector<int64_t>(ids.begin(), ids.end()), torch::kInt64).view({1, T}).to(impl_->device);
    Tensor pos = torch::arange(T, on.dtype(torch::kInt64)).view({1, T});
    Tensor bias = impl_->net->causal_bias(torch::ones({1, T}, on.dtype(torch::kBool)), impl_->dtype);
    Tensor lg  = impl_->net->logits(impl_->net->hidden(x, pos, bias)).to(torch::kFloat32).cpu().contiguous();  // [1,T,V]
    return std::vector<float>(lg.data_ptr<float>(), lg.data_ptr<float>() + lg.numel());
}

double Model::nll(const std::vector<int32_t> & ids, std::vector<double> * per_token) const {
    const int64_t T = static_cast<int64_t>(ids.size()), V = impl_->info.config.vocab_size;
    if (T < 2) return 0.0;
    std::vector<float> lg = logits(ids);
    Tensor logp = torch::from_blob(lg.data(), {T, V}).to(torch::kFloat64).log_softmax(-1);   // [T,V]
    double sum = 0.0;
    if (per_token) per_token->clear();
    for (int64_t t = 0; t + 1 < T; t++) {
        const double v = -logp[t][ids[static_cast<size_t>(t + 1)]].item<double>();
        sum += v;
        if (per_token) per_token->push_back(v);
    }
    return sum / double(T - 1);
}

// ---------------------------------------------------------------------------
// Batched generation. Slots: the prompt block occupies slots [0, L) (L = longest prompt), padded
// left or right; generated token s of every row goes to slot L + s. Row b's RoPE position of a
// slot is its own token count, so padding never shifts positions, and key_valid hides pad slots.

// Next tokens of B rows whose logits [B,V] are on a GPU, by the CUDA sampler; each row that is not
// done draws its coin from its own Rng on the host, as kernels::sample would. Empty where this build
// has no CUDA kernels (the caller then samples on the host).
static std::vector<int32_t> device_picks(const Tensor & logits, float temperature, float top_p, std::vector<kernels::Rng> & rngs,
                                         const std::vector<uint8_t> & done) {
#ifdef RAPIDUN_HAVE_CUDA_KERNELS
    const int64_t B = logits.size(0), V = logits.size(1);
    Tensor lf = logits.to(torch::kFloat32).contiguous();
    std::vector<float> coins(size_t(B), 0.0f);
    if (temperature != 0.0f)
        for (size_t b = 0; b < size_t(B); b++)
            if (!done[b]) coins[b] = rngs[b].next_f32();
    Tensor dc      = torch::from_blob(coins.data(), {B}, torch::kFloat32).to(lf.device());
    Tensor out     = torch::empty({B}, lf.options().dtype(torch::kInt32));
    Tensor scratch = torch::empty({5 * B * V}, lf.options());
    const std::string err = kernels::sample_rows_cuda(lf.data_ptr<float>(), B, V, temperature, top_p, dc.data_ptr<float>(),
                                                      out.data_ptr<int32_t>(), scratch.data_ptr<float>());
    if (!err.empty()) throw Error("generate: the CUDA sampler failed: " + err);
    Tensor h = out.cpu();
    return std::vector<int32_t>(h.data_ptr<int32_t>(), h.data_ptr<int32_t>() + B);
#else
    (void)logits, (void)temperature, (void)top_p, (void)rngs, (void)done;
    return {};
#endif
}

std::vector<std::vector<int32_t>> Model::generate(const std::vector<std::vector<int32_t>> & prompts,
                                                  const GenerateOptions & opt) const {
    c10::InferenceMode guard;
    const ModelConfig & cfg = impl_->info.config;
    const int64_t B = static_cast<int64_t>(prompts.size());
    if (B == 0) return {};
    int64_t L = 0;
    for (auto & p : prompts) {
        if (p.empty()) throw Error("generate: empty prompt (start it with BOS)");
        L = std::max<int64_t>(L, static_cast<int64_t>(p.size()));
    }
    if (L > cfg.max_seq_len) throw Error("generate: prompt of " + std::to_string(L) + " tokens is longer than the model's " +
                                         std::to_string(cfg.max_seq_len) + " positions");
    // Like llama2.c, a row stops once its next token would sit at position max_seq_len.
    int64_t shortest = L;
    for (auto & p : prompts) shortest = std::min<int64_t>(shortest, static_cast<int64_t>(p.size()));
    const int64_t n_new = std::max<int64_t>(0, std::min(opt.max_new_tokens, cfg.max_seq_len - shortest + 1));
    std::vector<std::vector<int32_t>> out(static_cast<size_t>(B));
    if (n_new == 0) return out;

    std::vector<int32_t> stop = opt.stop_ids;
    if (stop.empty()) {   // every end-of-sequence id of config.json, and BOS (llama2.c's stop)
        for (int64_t e : cfg.eos_ids.empty() ? std::vector<int64_t>{cfg.eos_id} : cfg.eos_ids) stop.push_back(int32_t(e));
        stop.push_back(static_cast<int32_t>(cfg.bos_id));
    }

    // Prompt block [B, L]: ids, positions, validity; `last[b]` = slot of row b's last prompt token.
    std::vector<int64_t> ids(static_cast<size_t>(B * L), 0), pos(static_cast<size_t>(B * L), 0), n_tok(static_cast<size_t>(B));
    std::vector<uint8_t> valid(static_cast<size_t>(B * L), 0);
    std::vector<int64_t> last(static_cast<size_t>(B));
    for (int64_t b = 0; b < B; b++) {
        const auto & p   = prompts[static_cast<size_t>(b)];
        const int64_t n  = static_cast<int64_t>(p.size());
        const int64_t off = opt.pad_side == PadSide::Left ? L - n : 0;
        for (int64_t i = 0; i < n; i++) {
            ids[static_cast<size_t>(b * L + off + i)]   = p[static_cast<size_t>(i)];
            pos[static_cast<size_t>(b * L + off + i)]   = i;
            valid[static_cast<size_t>(b * L + off + i)] = 1;
        }
        last[static_cast<size_t>(b)]  = off + n - 1;
        n_tok[static_cast<size_t>(b)] = n;
    }
    const int64_t n_slots = L + n_new;
    const torch::Device dev = impl_->device;
    // Host vectors to the model's device (a no-op view on the CPU).
    auto on_dev = [&](void * data, std::vector<int64_t> shape, torch::ScalarType t) {
        return torch::from_blob(data, shape, t).to(dev);
    };
    KVCache cache = impl_->net->new_cache(B, n_slots);
    cache.key_valid.narrow(1, 0, L).copy_(on_dev(valid.data(), {B, L}, torch::kUInt8).to(torch::kBool));

    // Prompt pass: causal by slot (within the sliding window, if any), keys restricted to valid slots.
    Tensor x     = on_dev(ids.data(), {B, L}, torch::kInt64);
    Tensor p     = on_dev(pos.data(), {B, L}, torch::kInt64);
    Tensor bias  = impl_->net->slot_bias(cache.key_valid.narrow(1, 0, L), p, p, 0);             // [B,1,1,L,L]
    Tensor h     = impl_->net->hidden(x, p, bias, &cache);                                       // [B,L,D]
    Tensor last_t = on_dev(last.data(), {B}, torch::kInt64);
    Tensor hl    = h.index({torch::arange(B, last_t.options()), last_t});                       // [B,D]

    // Additive key mask of the decode steps, [B, n_slots], kept up to date slot by slot, and the
    // RoPE position of every slot's token (the sliding window counts positions, not slots).
    Tensor step_bias = torch::zeros({B, n_slots}, torch::TensorOptions().device(dev)).masked_fill(cache.key_valid.logical_not(), -1e9);
    Tensor key_pos   = torch::zeros({B, n_slots}, torch::TensorOptions().device(dev).dtype(torch::kInt64));
    key_pos.narrow(1, 0, L).copy_(p);
    const int64_t W  = cfg.sliding_window;
    std::vector<kernels::Rng> rngs(static_cast<size_t>(B));
    for (auto & r : rngs) r.state = opt.seed;
    std::vector<float> scratch;
    std::vector<uint8_t> done(static_cast<size_t>(B), 0);
    std::vector<int64_t> step_ids(static_cast<size_t>(B)), step_pos(static_cast<size_t>(B));
    const int64_t V = cfg.vocab_size;
    // One row of an fp32 model on the CPU decodes in one kernel call a token (kernels/decode.h):
    // LibTorch's per-operator cost is most of a small model's step. The prompt pass above stays.
    kernels::DecodeModel fast;
    const bool use_fast = B == 1 && !opt.no_fused_decode && impl_->net->decode_view(cache, fast);
    kernels::DecodeScratch fast_scratch;
    std::vector<float> fast_logits(use_fast ? size_t(V) : 0);
    for (int64_t s = 0; s < n_new; s++) {
        // The one dispatch point of next-token selection: llama2.c's sampler on the host (bit for
        // bit) for a model there, its CUDA twin for one on a GPU (B ids come back, not [B,V] logits).
        Tensor lg;
        std::vector<int32_t> picks;
        const float * host_logits = fast_logits.data();   // [B,V] on the host
        if (!use_fast || s == 0) {
            lg = impl_->net->logits(hl);                                                       // [B,V]
            if (!dev.is_cpu()) picks = device_picks(lg, opt.temperature, opt.top_p, rngs, done);
            if (picks.empty()) {
                lg = lg.to(torch::kFloat32).cpu().contiguous();
                host_logits = lg.data_ptr<float>();
            }
        }
        bool all_done = true;
        for (int64_t b = 0; b < B; b++) {
            const size_t bi = static_cast<size_t>(b);
            int32_t next = 0;
            if (!done[bi]) {
                next = !picks.empty() ? picks[bi]
                                      : kernels::sample(host_logits + b * V, V, opt.temperature, opt.top_p, rngs[bi], scratch);
                if (std::find(stop.begin(), stop.end(), next) != stop.end()) {
                    done[bi] = 1;
                } else {
                    out[bi].push_back(next);
                    if (static_cast<int64_t>(out[bi].size()) >= opt.max_new_tokens || n_tok[bi] >= cfg.max_seq_len)
                        done[bi] = 1;
                }
            }
            step_ids[bi] = next;
            step_pos[bi] = std::min(n_tok[bi], cfg.max_seq_len - 1);
            n_tok[bi]++;
            all_done = all_done && done[bi];
        }
        if (all_done || s + 1 == n_new) break;
        // One new slot for every row; finished rows keep running on a dummy token (cheaper than
        // re-packing the cache at these sizes) and their output is no longer read.
        const int64_t slot = L + s;
        if (use_fast) {
            kernels::decode_step_f32(fast, step_ids[0], step_pos[0], slot, fast_scratch, fast_logits.data());
            continue;
        }
        cache.key_valid.select(1, slot).fill_(true);
        step_bias.select(1, slot).fill_(0.0f);
        Tensor xs = on_dev(step_ids.data(), {B, 1}, torch::kInt64);
        Tensor ps = on_dev(step_pos.data(), {B, 1}, torch::kInt64);
        key_pos.select(1, slot).copy_(ps.view({B}));
        Tensor bs = step_bias.narrow(1, 0, slot + 1);
        if (W > 0)   // keys W or more positions behind the row's new token fall out of its window
            bs = bs.masked_fill(key_pos.narrow(1, 0, slot + 1) <= ps - W, -1e9f);
        bs = bs.view({B, 1, 1, 1, slot + 1});
        hl = impl_->net->hidden(xs, ps, bs, &cache).select(1, 0);                              // [B,D]
    }
    return out;
}

void check_vocab(const Tokenizer & tok, const ModelInfo & info) {
    // Every id the tokenizer can give must be a row of the embedding. More rows than ids is normal
    // for HF models (Qwen2.5: 151,936 rows for 151,665 ids, padded to a multiple for speed).
    if (tok.vocab_size() > info.config.vocab_size)
        fail(tok.path(), "vocabulary", "the tokenizer has " + std::to_string(tok.vocab_size()) + " pieces but the model " +
             info.source + " has vocab_size " + std::to_string(info.config.vocab_size) + ": they do not belong together");
}

ModelBundle open_model(const std::string & model_path, const std::string & tokenizer_path, const LoadOptions & opt) {
    ModelBundle b;
    b.model = Model::load(model_path, opt);
    std::string tp = tokenizer_path.empty() ? b.model->info().tokenizer_guess : tokenizer_path;
    if (tp.empty())
        fail(model_path, "tokenizer",
             "no tokenizer.json or tokenizer.model found beside the weights; pass the tokenizer path explicitly");
    b.tokenizer = load_tokenizer(tp);
    check_vocab(*b.tokenizer, b.model->info());
    return b;
}

void Model::export_hf(const std::string & dir, const std::string & tokenizer_path) const {
    make_directories(dir);
    ModelConfig cfg = impl_->info.config;
    cfg.torch_dtype = impl_->dtype == torch::kBFloat16 ? "bfloat16" : "float32";
    write_safetensors(dir + "/model.safetensors", impl_->net->state_for_export(), {{"format", "pt"}});
    write_file_atomic(dir + "/config.json", hf_config_json(cfg));
    if (tokenizer_path.empty()) return;
    // The tokenizer as load_tokenizer() picks it: HF's tokenizer.json (with tokenizer_config.json,
    // which names BOS / EOS and the chat template), or a sentencepiece model.
    std::string file = tokenizer_path;
    if (is_directory(file)) file += file_exists(file + "/tokenizer.json") ? "/tokenizer.json" : "/tokenizer.model";
    const std::filesystem::path from(file);
    if (from.extension() == ".json") {
        write_file_atomic(dir + "/tokenizer.json", read_file_text(file));
        const std::string config = (from.parent_path() / "tokenizer_config.json").string();
        if (file_exists(config)) write_file_atomic(dir + "/tokenizer_config.json", read_file_text(config));
    } else {
        write_file_atomic(dir + "/tokenizer.model", read_file_text(file));
    }
}

} // namespace rapidun
