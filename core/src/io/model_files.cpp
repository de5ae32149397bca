// Loading weights from an HF folder (single or sharded safetensors) or a llama2.c .bin into HF
// tensor names and HF layout, then checking every shape against the config.
#include "rapidun/io/model_files.h"

#include "rapidun/error.h"
#include "rapidun/io/atomic_file.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace rapidun {

// Why a pickle is refused, and what to do instead.
static const char * const kPickleAdvice =
    "loading a pickle can run code it carries, so it is not read here; use the model's safetensors "
    "(most Hub models ship model.safetensors), or convert it once where you trust it "
    "(safetensors.torch.save_file(torch.load(f), \"model.safetensors\"))";

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

bool ends_with(const std::string & s, const std::string & suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string join(const std::string & dir, const std::string & name) { return (fs::path(dir) / name).string(); }

std::string shape_text(const std::vector<int64_t> & shape) {
    std::string s = "[";
    for (size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

// Whole file mapped read-only; the deleter munmaps when the last tensor viewing it goes.
std::shared_ptr<const void> map_whole_file(const std::string & path, int fd, size_t size) {
    void * p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) fail(path, "", std::string("mmap failed: ") + std::strerror(errno));
    return std::shared_ptr<const void>(p, [size](const void * q) { ::munmap(const_cast<void *>(q), size); });
}

// llama2.c header: 7 little-endian int32 at bytes 0..27.
struct Llama2cHeader { int32_t dim, hidden_dim, n_layers, n_heads, n_kv_heads, vocab_size, seq_len; };

int32_t read_i32_le(const uint8_t * p) {
    return static_cast<int32_t>(uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24);
}

} // namespace

std::vector<float> permute_rope_rows(const float * w, int64_t n_heads, int64_t head_dim, int64_t in_dim) {
    // HF's convert script: w.view(n_heads, hd/2, 2, in).transpose(1, 2).reshape(n_heads*hd, in).
    // Output row (h, half, j) = h*hd + half*(hd/2) + j takes input row (h, j, half) = h*hd + 2*j + half.
    const int64_t half_dim = head_dim / 2;
    std::vector<float> out(static_cast<size_t>(n_heads * head_dim * in_dim));
    for (int64_t h = 0; h < n_heads; ++h)
        for (int64_t half = 0; half < 2; ++half)
            for (int64_t j = 0; j < half_dim; ++j) {
                const float * src = w + (h * head_dim + 2 * j + half) * in_dim;
                float * dst = out.data() + (h * head_dim + half * half_dim + j) * in_dim;
                std::memcpy(dst, src, static_cast<size_t>(in_dim) * sizeof(float));
            }
    return out;
}

ModelFiles read_llama2c(const std::string & path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail(path, "", std::string("cannot open: ") + std::strerror(errno));
    struct FdCloser { int fd; ~FdCloser() { ::close(fd); } } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) fail(path, "", std::string("cannot stat: ") + std::strerror(errno));
    const uint64_t file_size = static_cast<uint64_t>(st.st_size);
    if (file_size < 28)
        fail(path, "", "truncated: expected at least 28 bytes of header, file has " + std::to_string(file_size));

    uint8_t raw[28];
    if (::pread(fd, raw, 28, 0) != 28) fail(path, "header", std::string("read failed: ") + std::strerror(errno));
    Llama2cHeader h{read_i32_le(raw), read_i32_le(raw + 4), read_i32_le(raw + 8), read_i32_le(raw + 12),
                    read_i32_le(raw + 16), read_i32_le(raw + 20), read_i32_le(raw + 24)};
    const std::pair<const char *, int32_t> fields[] = {
        {"dim", h.dim}, {"hidden_dim", h.hidden_dim}, {"n_layers", h.n_layers}, {"n_heads", h.n_heads},
        {"n_kv_heads", h.n_kv_heads}, {"vocab_size", h.vocab_size}, {"seq_len", h.seq_len}};
    for (int i = 0; i < 7; ++i) {
        // vocab_size is signed on purpose (negative = untied classifier); only 0 is invalid there.
        const bool bad = i == 5 ? fields[i].second == 0 : fields[i].second <= 0;
        if (bad)
            fail(path, "header field '" + std::string(fields[i].first) + "' (byte " + std::to_string(4 * i) + ")",
                 std::string(i == 5 ? "must be non-zero" : "must be positive") + ", got " +
                 std::to_string(fields[i].second));
    }
    const int64_t D = h.dim, F = h.hidden_dim, L = h.n_layers, H = h.n_heads, KV = h.n_kv_heads;
    const int64_t S = h.seq_len;
    const bool tied = h.vocab_size > 0;
    const int64_t V = tied ? h.vocab_size : -int64_t(h.vocab_size);
    if (D % H != 0)
        fail(path, "header field 'n_heads' (byte 12)", std::to_string(H) + " heads do not divide dim " + std::to_string(D));
    const int64_t hd = D / H;
    if (hd % 2 != 0) fail(path, "header field 'n_heads' (byte 12)", "head size " + std::to_string(hd) + " is odd");
    if (H % KV != 0)
        fail(path, "header field 'n_kv_heads' (byte 16)",
             std::to_string(KV) + " key/value heads do not divide n_heads " + std::to_string(H));
    const int64_t KVD = KV * hd;

    // Float count in file order, in 128 bits: a hostile header (factors up to 2^31) cannot wrap it.
    const __int128 n_floats = __int128(V) * D + __int128(L) * D + __int128(L) * D * D + 2 * __int128(L) * KVD * D +
                              __int128(L) * D * D + __int128(L) * D + 3 * __int128(L) * F * D + D +
                              2 * __int128(S) * (hd / 2) + (tied ? 0 : __int128(V) * D);
    const __int128 want = 28 + 4 * n_floats;
    const std::string hdr_text = "(header: dim " + std::to_string(D) + ", hidden_dim " + std::to_string(F) +
                                 ", n_layers " + std::to_string(L) + ", n_heads " + std::to_string(H) +
                                 ", n_kv_heads " + std::to_string(KV) + ", vocab_size " +
                                 std::to_string(h.vocab_size) + ", seq_len " + std::to_string(S) + ")";
    const auto want_text = [&] {
        if (want > __int128(INT64_MAX)) return std::string("more than 2^63");
        return std::to_string(static_cast<int64_t>(want));
    }();
    if (__int128(file_size) < want)
        fail(path, "", "truncated: expected " + want_text + " bytes, file has " + std::to_string(file_size) + " " + hdr_text);
    if (__int128(file_size) > want)
        fail(path, "", "size mismatch: expected " + want_text + " bytes, file has " +
                       std::to_string(static_cast<int64_t>(__int128(file_size) - want)) + " extra bytes " + hdr_text);

    std::shared_ptr<const void> map = map_whole_file(path, fd, file_size);
    const auto * floats = reinterpret_cast<const float *>(static_cast<const uint8_t *>(map.get()) + 28);
    int64_t cursor = 0;   // in floats
    ModelFiles mf;
    // A view into the mapping for arrays kept as they are; [n] floats at `at`.
    auto view = [&](int64_t at, std::vector<int64_t> shape) {
        HostTensor t;
        t.dtype = DType::F32;
        t.shape = std::move(shape);
        t.data = reinterpret_cast<const uint8_t *>(floats + at);
        t.n_bytes = static_cast<size_t>(t.numel()) * sizeof(float);
        t.owner = map;
        return t;
    };
    // Per-layer arrays stored [L, rows, cols]: layer i's slice under HF name "model.layers.{i}.<suffix>".
    auto per_layer = [&](const std::string & suffix, int64_t rows, int64_t cols, int64_t permute_heads) {
        const int64_t n = rows * cols;
        for (int64_t i = 0; i < L; ++i) {
            const std::string name = "model.layers." + std::to_string(i) + "." + suffix;
            std::vector<int64_t> shape = cols ? std::vector<int64_t>{rows, cols} : std::vector<int64_t>{rows};
            const int64_t at = cursor + i * (cols ? n : rows);
            if (permute_heads)
                mf.weights[name] = HostTensor::from_floats(shape, permute_rope_rows(floats + at, permute_heads, hd, cols));
            else
                mf.weights[name] = view(at, shape);
        }
        cursor += L * (cols ? n : rows);
    };

    mf.weights["model.embed_tokens.weight"] = view(cursor, {V, D});
    cursor += V * D;
    per_layer("input_layernorm.weight", D, 0, 0);
    per_layer("self_attn.q_proj.weight", D, D, H);
    per_layer("self_attn.k_proj.weight", KVD, D, KV);
    per_layer("self_attn.v_proj.weight", KVD, D, 0);
    per_layer("self_attn.o_proj.weight", D, D, 0);
    per_layer("post_attention_layernorm.weight", D, 0, 0);
    per_layer("mlp.gate_proj.weight", F, D, 0);   // w1
    per_layer("mlp.down_proj.weight", D, F, 0);   // w2
    per_layer("mlp.up_proj.weight", F, D, 0);     // w3
    mf.weights["model.norm.weight"] = view(cursor, {D});
    cursor += D;
    cursor += 2 * S * (hd / 2);   // freq_cis_real, freq_cis_imag: recomputed from rope_theta, not loaded
    if (!tied) mf.weights["lm_head.weight"] = view(cursor, {V, D});

    ModelConfig & c = mf.config;
    c.architecture = "LlamaForCausalLM";
    c.dim = D; c.hidden_dim = F; c.n_layers = L; c.n_heads = H; c.n_kv_heads = KV; c.head_dim = hd;
    c.vocab_size = V; c.max_seq_len = S; c.rope_theta = 10000.0; c.norm_eps = 1e-5;
    c.tie_embeddings = tied; c.bos_id = 1; c.eos_id = 2; c.torch_dtype = "float32";
    mf.source = path;
    mf.format = "llama2c";
    check_weights(c, mf.weights, path);
    return mf;
}

ModelFiles read_hf_folder(const std::string & dir) {
    if (!is_directory(dir)) fail(dir, "", "not a folder");
    const std::string config_path = join(dir, "config.json");
    const std::string single = join(dir, "model.safetensors");
    const std::string index = join(dir, "model.safetensors.index.json");
    if (!file_exists(config_path)) fail(dir, "", "no config.json in this folder");

    ModelFiles mf;
    mf.config = parse_hf_config(config_path);
    mf.source = dir;
    // Weight names -> the file they came from, for dtype errors that name the right file.
    std::map<std::string, std::string> origin;
    if (file_exists(single)) {
        mf.format = "hf-safetensors";
        mf.weights = read_safetensors(single).tensors;
        for (const auto & kv : mf.weights) origin[kv.first] = single;
    } else if (file_exists(index)) {
        mf.format = "hf-safetensors-sharded";
        json j;
        try {
            j = json::parse(read_file_text(index));
        } catch (const json::parse_error & e) {
            fail(index, "byte " + std::to_string(e.byte), std::string("invalid JSON: ") + e.what());
        } catch (const json::exception & e) {   // e.g. a number too large for a double (1e309)
            fail(index, "", std::string("invalid JSON: ") + e.what());
        }
        if (!j.is_object() || !j.contains("weight_map") || !j["weight_map"].is_object())
            fail(index, "field 'weight_map'", "missing or not an object of tensor name -> shard file");
        std::map<std::string, SafetensorsFile> shards;
        for (auto it = j["weight_map"].begin(); it != j["weight_map"].end(); ++it) {
            const std::string place = "tensor '" + it.key() + "'";
            if (!it.value().is_string()) fail(index, place, "shard file name must be a string");
            const std::string shard = it.value().get<std::string>();
            // Shards live beside the index; a path out of the folder is refused.
            if (shard.empty() || shard.find('/') != std::string::npos || shard == "..")
                fail(index, place, "shard file name '" + shard + "' must be a plain file name");
            auto s = shards.find(shard);
            if (s == shards.end()) {
                const std::string shard_path = join(dir, shard);
                if (!file_exists(shard_path)) fail(index, place, "shard '" + shard + "' does not exist");
                s = shards.emplace(shard, read_safetensors(shard_path)).first;
            }
            const auto t = s->second.tensors.find(it.key());
            if (t == s->second.tensors.end())
                fail(index, place, "mapped to shard '" + shard + "' but absent from it");
            mf.weights[it.key()] = t->second;
            origin[it.key()] = join(dir, shard);
        }
    } else {
        for (const char * pickle : {"pytorch_model.bin", "pytorch_model.bin.index.json"})
            if (file_exists(join(dir, pickle)))
                fail(dir, "", std::string("no model.safetensors or model.safetensors.index.json in this folder, only ") + pickle +
                                  ": " + kPickleAdvice);
        fail(dir, "", "no model.safetensors or model.safetensors.index.json in this folder");
    }
    for (const auto & [name, t] : mf.weights)
        if (t.dtype != DType::F32 && t.dtype != DType::BF16 && t.dtype != DType::F16)
            fail(origin[name], "tensor '" + name + "'",
                 std::string("dtype ") + dtype_name(t.dtype) + " is not supported for weights (expected F32, BF16 or F16)");
    check_weights(mf.config, mf.weights, dir);
    // An HF folder's own tokenizer: tokenizer.json when it ships one (Llama 3, Qwen2.5, Mistral's
    // newer uploads), else the sentencepiece tokenizer.model (Llama 2, our labs).
    for (const char * name : {"tokenizer.json", "tokenizer.model"})
        if (file_exists(join(dir, name))) {
            mf.tokenizer_guess = join(dir, name);
            break;
        }
    return mf;
}

// torch.save's formats: a zip archive (PyTorch >= 1.6) or a bare pickle (protocol 2-5, then a
// first opcode; a llama2.c header starting 0x80 0x02 would need dim >= 65,536 for a third byte).
static bool is_pytorch_pickle(const std::string & path) {
    std::ifstream in(path, std::ios::binary);
    unsigned char b[4] = {0, 0, 0, 0};
    in.read(reinterpret_cast<char *>(b), 4);
    if (in.gcount() < 4) return false;
    if (b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) return true;
    return b[0] == 0x80 && b[1] >= 2 && b[1] <= 5 && b[2] != 0;
}

ModelFiles read_model_files(const std::string & path) {
    if (!file_exists(path)) fail(path, "", "no such file or folder");
    for (const char * ext : {".pt", ".pth", ".ckpt", ".pkl"})
        if (ends_with(path, ext)) fail(path, "", std::string("a PyTorch pickle (") + ext + "): " + kPickleAdvice);
    if (!is_directory(path) && is_pytorch_pickle(path)) fail(path, "", std::string("a PyTorch pickle (torch.save): ") + kPickleAdvice);
    ModelFiles mf;
    if (is_directory(path)) {
        mf = read_hf_folder(path);
    } else if (ends_with(path, ".bin")) {
        mf = read_llama2c(path);
        // llama2.c ships its tokenizer as a lone *.model beside the .bin (tok512.model, ...).
        fs::path parent = fs::path(path).parent_path();
        if (parent.empty()) parent = ".";
        std::vector<std::string> found;
        std::error_code ec;
        for (const auto & e : fs::directory_iterator(parent, ec))
            if (e.is_regular_file(ec) && e.path().extension() == ".model") found.push_back(e.path().string());
        if (found.size() == 1) mf.tokenizer_guess = found[0];
    } else if (ends_with(path, ".safetensors")) {
        // The file named is read first, so that a broken header is reported as its own, even where
        // the folder around it is not a model.
        const size_t n_tensors = read_safetensors(path).tensors.size();
        fs::path parent = fs::path(path).parent_path();
        if (parent.empty()) parent = ".";
        if (!file_exists((parent / "config.json").string()))
            fail(path, "", "its header reads (" + std::to_string(n_tensors) +
                               " tensors), but there is no config.json beside it: a model is an HF folder with its config.json");
        mf = read_hf_folder(parent.string());
    } else {
        fail(path, "", "unrecognised model format: expected an HF folder, a .safetensors file in one, "
                       "or a llama2.c .bin");
    }
    mf.source = path;
    return mf;
}

void check_weights(const ModelConfig & cfg, const TensorMap & weights, const std::string & source) {
    const std::string implied_by = ends_with(source, ".bin") ? "the llama2.c header implies" : "config.json implies";
    const int64_t D = cfg.dim, F = cfg.hidden_dim, V = cfg.vocab_size;
    const int64_t q = cfg.n_heads * cfg.head_dim, kv = cfg.n_kv_heads * cfg.head_dim;
    auto expect = [&](const std::string & name, std::vector<int64_t> shape, bool required) {
        const auto it = weights.find(name);
        if (it == weights.end()) {
            if (required) fail(source, "", "missing tensor '" + name + "'");
            return;
        }
        if (it->second.shape != shape)
            fail(source, "tensor '" + name + "'",
                 "shape " + shape_text(it->second.shape) + " but " + implied_by + " " + shape_text(shape));
    };
    expect("model.embed_tokens.weight", {V, D}, true);
    for (int64_t i = 0; i < cfg.n_layers; ++i) {
        const std::string p = "model.layers." + std::to_string(i) + ".";
        expect(p + "input_layernorm.weight", {D}, true);
        expect(p + "self_attn.q_proj.weight", {q, D}, true);
        expect(p + "self_attn.k_proj.weight", {kv, D}, true);
        expect(p + "self_attn.v_proj.weight", {kv, D}, true);
        expect(p + "self_attn.o_proj.weight", {D, q}, true);
        expect(p + "post_attention_layernorm.weight", {D}, true);
        expect(p + "mlp.gate_proj.weight", {F, D}, true);
        expect(p + "mlp.up_proj.weight", {F, D}, true);
        expect(p + "mlp.down_proj.weight", {D, F}, true);
        if (cfg.qkv_bias) {
            expect(p + "self_attn.q_proj.bias", {q}, true);
            expect(p + "self_attn.k_proj.bias", {kv}, true);
            expect(p + "self_attn.v_proj.bias", {kv}, true);
        }
        if (cfg.o_bias) expect(p + "self_attn.o_proj.bias", {D}, true);
        if (cfg.mlp_bias) {
            expect(p + "mlp.gate_proj.bias", {F}, true);
            expect(p + "mlp.up_proj.bias", {F}, true);
            expect(p + "mlp.down_proj.bias", {D}, true);
        }
    }
    expect("model.norm.weight", {D}, true);
    // A tied checkpoint may still carry lm_head (some exporters write it); its shape must agree.
    expect("lm_head.weight", {V, D}, !cfg.tie_embeddings);
}

} // namespace rapidun
