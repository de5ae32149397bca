// core/io: safetensors, config.json, llama2.c .bin and HF folders. Every bad input checks that the
// message names the file and the problem. Bad files are crafted byte by byte here.
#include "check.h"

#include "rapidun/data/chat_template.h"
#include "rapidun/data/records.h"
#include "rapidun/error.h"
#include "rapidun/io/atomic_file.h"
#include "rapidun/io/model_files.h"
#include "rapidun/io/safetensors.h"
#include "rapidun/model/config.h"
#include "rapidun/text/hf_tokenizer.h"
#include "rapidun/train/adapter_config.h"
#include "rapidun/workspace/lock.h"
#include "rapidun/workspace/workspace.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace rapidun;
namespace fs = std::filesystem;

namespace {

std::string tmp(const std::string & name) { return check::fresh_dir("io/" + name); }

void write_bytes(const std::string & path, const std::string & bytes) {
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string read_bytes(const std::string & path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string u64_le(uint64_t v) {
    std::string s(8, '\0');
    for (int i = 0; i < 8; ++i) s[i] = static_cast<char>(v >> (8 * i));
    return s;
}

// A safetensors file: u64 header length + header + data (length overridable for bad files).
std::string st_file(const std::string & header, size_t n_data, int64_t header_len = -1) {
    return u64_le(header_len < 0 ? header.size() : static_cast<uint64_t>(header_len)) + header +
           std::string(n_data, '\x01');
}

std::vector<float> random_floats(size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> u(-1.0f, 1.0f);
    std::vector<float> v(n);
    for (float & x : v) x = u(rng);
    return v;
}

bool same_bytes(const HostTensor & a, const HostTensor & b) {
    return a.dtype == b.dtype && a.shape == b.shape && a.n_bytes == b.n_bytes &&
           std::memcmp(a.data, b.data, a.n_bytes) == 0;
}

const float * floats(const HostTensor & t) { return reinterpret_cast<const float *>(t.data); }

// A tiny untied Llama: dim 8, 2 layers, 2 heads, 1 kv head, SwiGLU 16, vocab 10.
ModelConfig tiny_config() {
    ModelConfig c;
    c.dim = 8; c.n_layers = 2; c.n_heads = 2; c.n_kv_heads = 1; c.head_dim = 4;
    c.hidden_dim = 16; c.vocab_size = 10; c.max_seq_len = 4;
    return c;
}

TensorMap tiny_weights(const ModelConfig & c) {
    TensorMap w;
    unsigned seed = 1;
    auto add = [&](const std::string & name, std::vector<int64_t> shape) {
        int64_t n = 1;
        for (int64_t d : shape) n *= d;
        w[name] = HostTensor::from_floats(shape, random_floats(static_cast<size_t>(n), seed++));
    };
    const int64_t D = c.dim, F = c.hidden_dim, q = c.n_heads * c.head_dim, kv = c.n_kv_heads * c.head_dim;
    add("model.embed_tokens.weight", {c.vocab_size, D});
    for (int64_t i = 0; i < c.n_layers; ++i) {
        const std::string p = "model.layers." + std::to_string(i) + ".";
        add(p + "input_layernorm.weight", {D});
        add(p + "self_attn.q_proj.weight", {q, D});
        add(p + "self_attn.k_proj.weight", {kv, D});
        add(p + "self_attn.v_proj.weight", {kv, D});
        add(p + "self_attn.o_proj.weight", {D, q});
        add(p + "post_attention_layernorm.weight", {D});
        add(p + "mlp.gate_proj.weight", {F, D});
        add(p + "mlp.up_proj.weight", {F, D});
        add(p + "mlp.down_proj.weight", {D, F});
    }
    add("model.norm.weight", {D});
    add("lm_head.weight", {c.vocab_size, D});
    return w;
}

std::string write_hf_folder(const std::string & name, const ModelConfig & c, const TensorMap & w) {
    const std::string dir = tmp(name);
    write_file_atomic(dir + "/config.json", hf_config_json(c));
    write_safetensors(dir + "/model.safetensors", w);
    return dir;
}

// llama2.c .bin: header ints then the floats. Returns the floats written (header excluded).
std::vector<float> write_llama2c(const std::string & path, int32_t vocab, size_t cut = 0, size_t extra = 0) {
    const int32_t D = 8, F = 16, L = 2, H = 2, KV = 1, S = 4, hd = D / H, kvd = KV * hd, V = std::abs(vocab);
    const int32_t hdr[7] = {D, F, L, H, KV, vocab, S};
    const size_t n = size_t(V) * D + L * D + L * D * D + 2 * L * kvd * D + L * D * D + L * D + 3 * L * F * D +
                     D + 2 * S * (hd / 2) + (vocab < 0 ? size_t(V) * D : 0);
    std::vector<float> v = random_floats(n, 42);
    std::string bytes(reinterpret_cast<const char *>(hdr), sizeof hdr);
    bytes.append(reinterpret_cast<const char *>(v.data()), v.size() * sizeof(float));
    bytes.resize(bytes.size() - cut + extra, '\0');
    write_bytes(path, bytes);
    return v;
}

} // namespace

// ---- safetensors ----------------------------------------------------------------------------

TEST_CASE("atomic writes: two threads saving one file never collide; the file is always one whole version") {
    const std::string dir = tmp("atomic_threads"), path = dir + "/settings.json";
    const std::string a(100000, 'a'), b(50000, 'b');
    std::atomic<int> errors{0};
    auto writer = [&](const std::string & text) {
        for (int i = 0; i < 100; i++) {
            try {
                write_file_atomic(path, text);
            } catch (const std::exception &) {
                errors++;
            }
        }
    };
    std::thread t1(writer, a), t2(writer, b);
    for (int i = 0; i < 200; i++) {   // a reader meanwhile sees one version or the other, whole
        if (!fs::exists(path)) continue;
        const std::string seen = read_file_text(path);
        CHECK(seen == a || seen == b);
    }
    t1.join();
    t2.join();
    CHECK(errors == 0);
    const std::string last = read_file_text(path);
    CHECK(last == a || last == b);
    size_t n = 0;
    for (const auto & e : fs::directory_iterator(dir)) n++;
    CHECK(n == 1);   // no temporary left behind
}

TEST_CASE("workspace.json: the answer window round-trips; a negative size is named") {
    const std::string ws = tmp("ws_answer");
    write_file_atomic(ws + "/workspace.json", R"({"model": "m", "max_answer": 32})");
    Workspace loaded = Workspace::load(ws);
    CHECK(loaded.max_answer == 32 && loaded.max_len == 128);
    loaded.max_answer = 7;
    loaded.save();
    CHECK(Workspace::load(ws).max_answer == 7);
    write_file_atomic(ws + "/workspace.json", R"({"model": "m"})");
    CHECK(Workspace::load(ws).max_answer == 0);   // older workspaces: the whole answer
    write_file_atomic(ws + "/workspace.json", R"({"model": "m", "max_answer": -1})");
    CHECK_THROWS_WITH(Workspace::load(ws), "workspace.json", "field 'max_answer'", "non-negative integer");
    write_file_atomic(ws + "/workspace.json", R"({"model": "m", "max_len": "64"})");
    CHECK_THROWS_WITH(Workspace::load(ws), "workspace.json", "field 'max_len'", "non-negative integer");
}

TEST_CASE("workspace lock: another process is refused naming the holder; a killed holder releases it; one process shares it") {
    const std::string dir = tmp("ws_lock");
    {
        WorkspaceLock a(dir, "outer job");
        WorkspaceLock b(dir, "inner job");   // the same process: a pipeline's influence step, the studio's jobs
    }
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {   // the holder: takes the lock, says so, waits to be killed
        WorkspaceLock held(dir, "rapidun pipeline");
        const char c = 'r';
        if (::write(ready[1], &c, 1) != 1) ::_exit(2);
        for (;;) ::pause();
    }
    char c = 0;
    REQUIRE(::read(ready[0], &c, 1) == 1);
    const std::string holder = "in use by process " + std::to_string(long(child)) + " (rapidun pipeline)";
    CHECK_THROWS_WITH(WorkspaceLock(dir, "rapidun unlearn"), ".rapidun.lock", holder.c_str(), "run this again");
    ::kill(child, SIGKILL);   // kill -9: the kernel drops its flock with its descriptors
    int status = 0;
    ::waitpid(child, &status, 0);
    ::close(ready[0]);
    ::close(ready[1]);
    WorkspaceLock after(dir, "rapidun unlearn");
    CHECK(read_file_text(dir + "/.rapidun.lock").find("process " + std::to_string(long(::getpid())) + " (rapidun unlearn)") == 0);
}

TEST_CASE("workspace lock: what killed jobs left (temporaries, staging folders of dead processes) goes; a live writer's stays") {
    const std::string dir = tmp("ws_litter");
    const pid_t child = ::fork();   // a process id that is surely gone once reaped
    REQUIRE(child >= 0);
    if (child == 0) ::_exit(0);
    ::waitpid(child, nullptr, 0);
    const std::string dead = std::to_string(long(child)), me = std::to_string(long(::getpid()));
    make_directories(dir + "/weights");
    make_directories(dir + "/runs/ga-s0-1.partial-" + dead + "/model");
    make_directories(dir + "/runs/ga-s0-2.partial-" + me);
    make_directories(dir + "/runs/ga-s0-3");
    write_file_atomic(dir + "/weights/forget_weights.jsonl.tmp-" + dead + "-0", std::string("half"));
    write_file_atomic(dir + "/weights/forget_weights.jsonl.tmp-" + me + "-7", std::string("being written"));
    write_file_atomic(dir + "/weights/forget_weights.jsonl", std::string("whole"));
    write_file_atomic(dir + "/runs/ga-s0-1.partial-" + dead + "/model/config.json", std::string("{}"));
    write_file_atomic(dir + "/notes.tmp-1x-2", std::string("not ours: kept"));
    CHECK(remove_stale_temporaries(dir) == 2);
    CHECK(!file_exists(dir + "/runs/ga-s0-1.partial-" + dead));
    CHECK(!file_exists(dir + "/weights/forget_weights.jsonl.tmp-" + dead + "-0"));
    CHECK(file_exists(dir + "/runs/ga-s0-2.partial-" + me));   // this process is alive: its writes stay
    CHECK(file_exists(dir + "/weights/forget_weights.jsonl.tmp-" + me + "-7"));
    CHECK(read_file_text(dir + "/weights/forget_weights.jsonl") == "whole");
    CHECK(file_exists(dir + "/runs/ga-s0-3") && file_exists(dir + "/notes.tmp-1x-2"));
    write_file_atomic(dir + "/reports.tmp-" + dead + "-3", std::string("half"));
    { WorkspaceLock lock(dir, "rapidun pipeline"); }   // taking the lock sweeps
    CHECK(!file_exists(dir + "/reports.tmp-" + dead + "-3"));
    // recursive = false (a report's folder of the user's): its own entries only, nothing below
    make_directories(dir + "/report-csv.partial-" + dead);
    write_file_atomic(dir + "/report-csv.partial-" + dead + "/influence-top.csv", std::string("a,b\r\n"));
    write_file_atomic(dir + "/weights/retain_weights.jsonl.tmp-" + dead + "-1", std::string("half"));
    CHECK(remove_stale_temporaries(dir, false) == 1);
    CHECK(!file_exists(dir + "/report-csv.partial-" + dead));
    CHECK(file_exists(dir + "/weights/retain_weights.jsonl.tmp-" + dead + "-1"));
}

TEST_CASE("adapter_config.json: a damaged or unsupported PEFT config is named by field, never an escaped JSON error") {
    const std::string dir = tmp("adapter_config");
    const std::string path = dir + "/adapter_config.json";
    const nlohmann::json good = {{"peft_type", "LORA"}, {"r", 4}, {"lora_alpha", 8.0}, {"lora_dropout", 0.05},
                                 {"target_modules", {"q_proj", "v_proj"}}, {"use_dora", false}, {"fan_in_fan_out", false},
                                 {"use_rslora", true}, {"rank_pattern", nlohmann::json::object()}};
    write_file_atomic(path, good.dump());
    const AdapterConfig a = read_adapter_config(path);
    CHECK(a.lora.r == 4 && a.lora.alpha == 8.0 && a.lora.targets.size() == 2 && a.rslora);
    auto with = [&](const char * key, const nlohmann::json & v) {
        nlohmann::json c = good;
        c[key] = v;
        write_file_atomic(path, c.dump());
    };
    with("use_dora", "no");   // found by reading the fuzz target's reader: a type error escaped as nlohmann's
    CHECK_THROWS_WITH(read_adapter_config(path), "adapter_config.json", "field 'use_dora'", "expected true or false");
    with("use_rslora", 1);
    CHECK_THROWS_WITH(read_adapter_config(path), "field 'use_rslora'", "expected true or false");
    with("fan_in_fan_out", true);
    CHECK_THROWS_WITH(read_adapter_config(path), "field 'fan_in_fan_out'", "only false");
    with("r", 0);   // alpha / r would divide by zero
    CHECK_THROWS_WITH(read_adapter_config(path), "field 'r'", "at least 1");
    with("r", "4");
    CHECK_THROWS_WITH(read_adapter_config(path), "adapter_config.json", "wrong type");
    with("lora_dropout", 1.5);
    CHECK_THROWS_WITH(read_adapter_config(path), "field 'lora_dropout'", "[0, 1)");
    with("target_modules", nlohmann::json::array());
    CHECK_THROWS_WITH(read_adapter_config(path), "field 'target_modules'", "names no module");
    with("peft_type", "IA3");
    CHECK_THROWS_WITH(read_adapter_config(path), "field 'peft_type'", "only LORA");
    write_file_atomic(path, std::string("[1, 2]"));
    CHECK_THROWS_WITH(read_adapter_config(path), "adapter_config.json", "JSON object");
}

TEST_CASE("workspace.json: data sets and the detector stay inside the folder; a model may live elsewhere") {
    const std::string ws = tmp("ws_paths"), outside = tmp("ws_paths_outside");
    write_file_atomic(outside + "/rows.jsonl", "{\"instruction\": \"q\", \"response\": \"a\"}\n");
    auto with = [&](const std::string & fields) {
        write_file_atomic(ws + "/workspace.json", "{\"model\": \"m\", " + fields + "}");
        return ws;
    };
    CHECK_THROWS_WITH(Workspace::load(with(R"("datasets": {"train": "../../../../etc/passwd"})")), "workspace.json",
                      "datasets.train", "leaves the workspace folder");
    CHECK_THROWS_WITH(Workspace::load(with(R"("datasets": {"train": "/etc/passwd"})")), "datasets.train", "absolute path");
    CHECK_THROWS_WITH(Workspace::load(with(R"("detector": "/etc/passwd")")), "field 'detector'", "absolute path");
    CHECK_THROWS_WITH(Workspace::load(with(R"("datasets": {"../x": "data/x.jsonl"})")), "role '../x'", "plain name");
    CHECK_THROWS_WITH(Workspace::load(with(R"("model": "../../m")")), "field 'model'", "leaves the workspace folder");
    CHECK(Workspace::load(with(R"("model": "/opt/models/llama3", "tokenizer": "/opt/models/llama3/tokenizer.json")")).model ==
          "/opt/models/llama3");
    CHECK(Workspace::load(with(R"("datasets": {"train": "data/./a/../train.jsonl"})")).datasets.at("train") == "data/./a/../train.jsonl");
    // A symbolic link inside the folder that leads out of it.
    fs::create_directories(ws + "/data");
    fs::create_symlink(outside + "/rows.jsonl", ws + "/data/link.jsonl");
    CHECK_THROWS_WITH(Workspace::load(with(R"("datasets": {"train": "data/link.jsonl"})")), "datasets.train", "symbolic link",
                      "leads out of the workspace folder");
    // Importing copies the file in; the workspace then opens and reads it from inside.
    Workspace w = Workspace::load(with(R"("datasets": {})"));
    const std::string copy = w.import_dataset("train", outside + "/rows.jsonl");
    w.save();
    const Workspace back = Workspace::load(ws);
    CHECK(back.datasets.at("train") == "data/train-rows.jsonl" && back.dataset("train") == copy);
    CHECK(read_file_text(copy) == read_file_text(outside + "/rows.jsonl"));
    CHECK_THROWS_WITH(w.import_dataset("a b", outside + "/rows.jsonl"), "role 'a b'", "plain name");
}

TEST_CASE("safetensors round trip: F32 + BF16 + I64 + metadata, header padded to 8") {
    const std::string path = tmp("st_round") + "/t.safetensors";
    TensorMap in;
    in["a.f32"] = HostTensor::from_floats({2, 3}, {1, 2, 3, 4, 5, 6});
    auto bf16 = std::make_shared<std::vector<uint16_t>>(std::vector<uint16_t>{0x3f80, 0x4000, 0xbf80, 0x0000});
    in["b.bf16"] = HostTensor{DType::BF16, {4}, reinterpret_cast<const uint8_t *>(bf16->data()), 8, bf16};
    auto i64 = std::make_shared<std::vector<int64_t>>(std::vector<int64_t>{-7, 1LL << 40});
    in["c.i64"] = HostTensor{DType::I64, {2}, reinterpret_cast<const uint8_t *>(i64->data()), 16, i64};
    write_safetensors(path, in, {{"format", "pt"}, {"note", "round trip"}});

    const std::string raw = read_bytes(path);
    REQUIRE(raw.size() >= 8);
    uint64_t n_header = 0;
    std::memcpy(&n_header, raw.data(), 8);
    CHECK(n_header % 8 == 0);
    CHECK(raw.size() == 8 + n_header + 24 + 8 + 16);

    const SafetensorsFile f = read_safetensors(path);
    CHECK(f.metadata.size() == 2);
    CHECK(f.metadata.at("note") == "round trip");
    REQUIRE(f.tensors.size() == 3);
    for (const auto & [name, t] : in) CHECK_MSG(same_bytes(t, f.tensors.at(name)), name);
    CHECK(f.tensors.at("a.f32").numel() == 6);
    CHECK(f.tensors.at("b.bf16").dtype == DType::BF16);
    for (const auto & e : fs::directory_iterator(fs::path(path).parent_path()))
        CHECK_MSG(e.path().filename() == "t.safetensors", "leftover " + e.path().string());
}

TEST_CASE("safetensors: empty file") {
    const std::string path = tmp("st_empty") + "/e.safetensors";
    write_bytes(path, "");
    CHECK_THROWS_WITH(read_safetensors(path), path.c_str(), "byte 0", "file has 0 bytes");
}

TEST_CASE("safetensors: header length past the end of the file") {
    const std::string path = tmp("st_hdr_len") + "/h.safetensors";
    write_bytes(path, st_file("{}", 0, 1000));
    CHECK_THROWS_WITH(read_safetensors(path), path.c_str(),
                      "header length 1000 runs past the end of the file (size 10)");
}

TEST_CASE("safetensors: header is not JSON") {
    const std::string path = tmp("st_json") + "/j.safetensors";
    write_bytes(path, st_file("{\"a\": [1,", 0));
    CHECK_THROWS_WITH(read_safetensors(path), path.c_str(), "header byte", "invalid JSON");
}

TEST_CASE("safetensors: overlapping ranges") {
    const std::string path = tmp("st_overlap") + "/o.safetensors";
    write_bytes(path, st_file(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                              R"("b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})", 12));
    CHECK_THROWS_WITH(read_safetensors(path), path.c_str(), "tensors 'a' and 'b' overlap");
}

TEST_CASE("safetensors: range out of file") {
    const std::string path = tmp("st_oof") + "/r.safetensors";
    write_bytes(path, st_file(R"({"w":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}})", 8));
    CHECK_THROWS_WITH(read_safetensors(path), path.c_str(), "tensor 'w'", "[0, 16] out of file", "8 bytes");
}

TEST_CASE("safetensors: unknown dtype") {
    const std::string path = tmp("st_dtype") + "/d.safetensors";
    write_bytes(path, st_file(R"({"x":{"dtype":"Q7","shape":[1],"data_offsets":[0,1]}})", 1));
    CHECK_THROWS_WITH(read_safetensors(path), path.c_str(), "tensor 'x': unknown dtype 'Q7'");
}

TEST_CASE("safetensors: shape does not match the byte range") {
    const std::string path = tmp("st_shape") + "/s.safetensors";
    write_bytes(path, st_file(R"({"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})", 8));
    CHECK_THROWS_WITH(read_safetensors(path), path.c_str(), "tensor 'w'", "needs 12 bytes", "span 8");
}

TEST_CASE("safetensors: negative shape entry") {
    const std::string path = tmp("st_neg") + "/n.safetensors";
    write_bytes(path, st_file(R"({"w":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}})", 4));
    CHECK_THROWS_WITH(read_safetensors(path), path.c_str(), "tensor 'w'", "non-negative");
}

// ---- config.json ----------------------------------------------------------------------------

static const char * k_config = R"({"architectures": ["LlamaForCausalLM"], "hidden_size": 64,
  "num_hidden_layers": 5, "num_attention_heads": 8, "intermediate_size": 172, "vocab_size": 512,
  "rms_norm_eps": 1e-05})";

std::string without(const std::string & field) {
    std::string s = k_config;
    const size_t at = s.find("\"" + field + "\"");
    const size_t end = s.find(',', at);
    return s.erase(at, end + 1 - at);
}

TEST_CASE("config.json: defaults and round trip through hf_config_json") {
    const ModelConfig c = parse_hf_config_text(k_config, "cfg.json");
    CHECK(c.n_kv_heads == 8);
    CHECK(c.head_dim == 8);
    CHECK(c.rope_theta == 10000.0);
    CHECK(!c.tie_embeddings);
    CHECK(c.max_seq_len == 2048);
    CHECK(c.bos_id == 1);
    CHECK(c.eos_id == 2);
    const ModelConfig d = parse_hf_config_text(hf_config_json(c), "out.json");
    CHECK(d.dim == c.dim && d.n_layers == c.n_layers && d.n_heads == c.n_heads && d.n_kv_heads == c.n_kv_heads);
    CHECK(d.hidden_dim == c.hidden_dim && d.vocab_size == c.vocab_size && d.norm_eps == c.norm_eps);
    CHECK(d.n_params() == c.n_params());
    std::string mistral = k_config;
    mistral.replace(mistral.find("LlamaForCausalLM"), 16, "MistralForCausalLM");
    mistral.insert(1, R"("eos_token_id": [7, 8], "sliding_window": null, "num_key_value_heads": 2, )");
    const ModelConfig m = parse_hf_config_text(mistral, "m.json");
    CHECK(m.architecture == "MistralForCausalLM" && m.eos_id == 7 && m.sliding_window == 0 && m.n_kv_heads == 2);
}

TEST_CASE("config.json: missing hidden_size") {
    CHECK_THROWS_WITH(parse_hf_config_text(without("hidden_size"), "/m/config.json"),
                      "/m/config.json: missing required field 'hidden_size'");
}

TEST_CASE("config.json: missing num_attention_heads") {
    const std::string path = tmp("cfg_missing") + "/config.json";
    write_file_atomic(path, without("num_attention_heads"));
    CHECK_THROWS_WITH(parse_hf_config(path), path.c_str(), "missing required field 'num_attention_heads'");
}

// Found by the fuzz targets (scripts/fuzz.sh): a number too large for a double made nlohmann's
// parser throw out_of_range, not parse_error, and the readers let it escape. Every JSON reader of
// outside files answers it with its own message.
TEST_CASE("JSON readers: a number too large for a double is one clear message, not an escaped exception") {
    const std::string d = tmp("json_overflow");
    CHECK_THROWS_WITH(parse_hf_config_text(R"({"hidden_size": 1e309})", "/m/config.json"), "/m/config.json", "invalid JSON",
                      "number overflow");
    write_bytes(d + "/h.safetensors", st_file(R"({"a": {"dtype": "F32", "shape": [1e309], "data_offsets": [0, 4]}})", 8));
    CHECK_THROWS_WITH(read_safetensors(d + "/h.safetensors"), "h.safetensors", "invalid JSON");
    write_file_atomic(d + "/tokenizer.json", R"({"model": {"type": "BPE", "vocab": {"a": 1e309}}})");
    CHECK_THROWS_WITH(load_hf_tokenizer(d + "/tokenizer.json"), "tokenizer.json", "JSON");
    write_file_atomic(d + "/rows.json", R"([{"instruction": "q", "output": "a", "n": 1e309}])");
    CHECK_THROWS_WITH(read_records(d + "/rows.json"), "rows.json", "bad JSON");
    write_file_atomic(d + "/rows.jsonl", "{\"instruction\": \"q\", \"response\": \"a\", \"n\": 1e309}\n");
    CHECK_THROWS_WITH(read_records(d + "/rows.jsonl"), "rows.jsonl");
    write_file_atomic(d + "/tokenizer_config.json", R"({"chat_template": "x", "n": 1e309})");
    CHECK_THROWS_WITH(load_chat_template(d + "/tokenizer_config.json"), "tokenizer_config.json", "JSON");
}

TEST_CASE("config.json: wrong type") {
    std::string s = k_config;
    s.replace(s.find("64"), 2, "\"64\"");
    CHECK_THROWS_WITH(parse_hf_config_text(s, "/m/config.json"), "/m/config.json",
                      "field 'hidden_size': expected an integer, got string");
}

TEST_CASE("config.json: unsupported architecture") {
    std::string s = k_config;
    s.replace(s.find("LlamaForCausalLM"), 16, "GPT2LMHeadModel");
    CHECK_THROWS_WITH(parse_hf_config_text(s, "/m/config.json"), "/m/config.json", "'GPT2LMHeadModel'");
}

TEST_CASE("config.json: rope_scaling llama3 (Llama 3.2 1B's), linear, dynamic; eos lists; round trip") {
    // Llama-3.2-1B: head_dim 64, theta 500000, llama3 x32 over 8192 original positions, three EOS ids.
    std::string s = k_config;
    s.insert(1, R"("rope_theta": 500000.0, "rope_scaling": {"factor": 32.0, "high_freq_factor": 4.0,
        "low_freq_factor": 1.0, "original_max_position_embeddings": 8192, "rope_type": "llama3"},
        "eos_token_id": [128001, 128008, 128009], "head_dim": 64, )");
    const ModelConfig c = parse_hf_config_text(s, "l3.json");
    CHECK(c.rope_scaling.type == "llama3" && c.rope_scaling.factor == 32.0);
    CHECK(c.eos_id == 128001 && c.eos_ids == std::vector<int64_t>({128001, 128008, 128009}));
    const std::vector<double> f = c.rope_inv_freq();
    REQUIRE(f.size() == 32);
    const double lo_wavelen = 8192.0 / 1.0, hi_wavelen = 8192.0 / 4.0;
    int kept = 0, stretched = 0, smoothed = 0;
    for (size_t i = 0; i < f.size(); ++i) {
        const double base = std::pow(500000.0, -double(2 * i) / 64.0), wavelen = 2 * M_PI / base;
        if (wavelen < hi_wavelen) { CHECK(f[i] == base); ++kept; }                              // high frequencies kept
        else if (wavelen > lo_wavelen) { CHECK(std::fabs(f[i] - base / 32.0) < 1e-18); ++stretched; }   // low: / factor
        else { CHECK(f[i] < base && f[i] > base / 32.0); ++smoothed; }                            // in between
        if (i) CHECK(f[i] < f[i - 1]);                                                           // still decreasing
    }
    CHECK(kept > 0 && stretched > 0 && smoothed > 0);
    const ModelConfig d = parse_hf_config_text(hf_config_json(c), "out.json");   // written back as read
    CHECK(d.rope_scaling.type == "llama3" && d.rope_scaling.original_max_position_embeddings == 8192);
    CHECK(d.rope_inv_freq() == f && d.eos_ids == c.eos_ids);

    std::string lin = k_config;   // the older "type" key
    lin.insert(1, R"("rope_scaling": {"type": "linear", "factor": 2.0}, )");
    const ModelConfig l = parse_hf_config_text(lin, "lin.json");
    const std::vector<double> plain = parse_hf_config_text(k_config, "plain.json").rope_inv_freq();
    for (size_t i = 0; i < plain.size(); ++i) CHECK(l.rope_inv_freq()[i] == plain[i] / 2.0);
    std::string dyn = k_config;   // within max_position_embeddings dynamic NTK scaling changes nothing
    dyn.insert(1, R"("rope_scaling": {"rope_type": "dynamic", "factor": 4.0}, )");
    CHECK(parse_hf_config_text(dyn, "dyn.json").rope_inv_freq() == plain);
}

TEST_CASE("config.json: unsupported rope_scaling, a bad llama3 block and Qwen2's layer window are refused by name") {
    std::string yarn = k_config;
    yarn.insert(1, R"("rope_scaling": {"rope_type": "yarn", "factor": 4.0}, )");
    CHECK_THROWS_WITH(parse_hf_config_text(yarn, "/m/config.json"), "/m/config.json", "field 'rope_scaling'",
                      "rope_type 'yarn' is not supported");
    std::string bad = k_config;
    bad.insert(1, R"("rope_scaling": {"rope_type": "llama3", "factor": 8.0}, )");
    CHECK_THROWS_WITH(parse_hf_config_text(bad, "/m/config.json"), "/m/config.json", "low_freq_factor");
    std::string qwin = k_config;
    qwin.replace(qwin.find("LlamaForCausalLM"), 16, "Qwen2ForCausalLM");
    qwin.insert(1, R"("use_sliding_window": true, "sliding_window": 4096, )");
    CHECK_THROWS_WITH(parse_hf_config_text(qwin, "/m/config.json"), "/m/config.json", "field 'use_sliding_window'",
                      "not supported");
    std::string nested = k_config;   // transformers 5's per-layer-type form
    nested.insert(1, R"("rope_parameters": {"full_attention": {"rope_type": "default", "rope_theta": 10000.0}}, )");
    CHECK_THROWS_WITH(parse_hf_config_text(nested, "/m/config.json"), "/m/config.json", "field 'rope_parameters'",
                      "rope_theta");
    std::string badbias = k_config;
    badbias.insert(1, R"("attention_bias": "yes", )");
    CHECK_THROWS_WITH(parse_hf_config_text(badbias, "/m/config.json"), "/m/config.json", "field 'attention_bias'",
                      "expected a boolean");
}

TEST_CASE("config.json: projection biases (Llama's attention_bias / mlp_bias, Qwen2), windows, rope_parameters") {
    const ModelConfig plain = parse_hf_config_text(k_config, "plain.json");
    CHECK(!plain.qkv_bias && !plain.o_bias && !plain.mlp_bias && plain.bias_summary() == "none");
    std::string nobias = k_config;   // false is what Llama checkpoints write
    nobias.insert(1, R"("attention_bias": false, "mlp_bias": false, "sliding_window": 4096, )");
    const ModelConfig n = parse_hf_config_text(nobias, "ok.json");
    CHECK(!n.qkv_bias && !n.mlp_bias && n.sliding_window == 0);   // Llama has no window whatever the field says
    std::string bias = k_config;
    bias.insert(1, R"("attention_bias": true, "mlp_bias": true, )");
    const ModelConfig b = parse_hf_config_text(bias, "b.json");
    CHECK(b.qkv_bias && b.o_bias && b.mlp_bias && b.bias_summary() == "q k v o, mlp");
    CHECK(b.n_params() == plain.n_params() + b.n_layers * (3 * b.dim + b.dim + 2 * b.hidden_dim + b.dim));
    const ModelConfig b2 = parse_hf_config_text(hf_config_json(b), "out.json");
    CHECK(b2.qkv_bias && b2.o_bias && b2.mlp_bias);

    // Qwen2.5's config: q/k/v biases implied by the architecture, its window off (use_sliding_window false).
    std::string qwen = k_config;
    qwen.replace(qwen.find("LlamaForCausalLM"), 16, "Qwen2ForCausalLM");
    qwen.insert(1, R"("use_sliding_window": false, "sliding_window": 131072, "max_window_layers": 21, )");
    const ModelConfig q = parse_hf_config_text(qwen, "q.json");
    CHECK(q.architecture == "Qwen2ForCausalLM" && q.qkv_bias && !q.o_bias && !q.mlp_bias && q.sliding_window == 0);
    CHECK(q.bias_summary() == "q k v");
    const ModelConfig q2 = parse_hf_config_text(hf_config_json(q), "out.json");
    CHECK(q2.architecture == "Qwen2ForCausalLM" && q2.qkv_bias && !q2.o_bias && q2.n_params() == q.n_params());
    CHECK(parse_hf_config_text(R"({"model_type": "qwen2", "hidden_size": 64, "num_hidden_layers": 2,
        "num_attention_heads": 4, "intermediate_size": 128, "vocab_size": 32, "rms_norm_eps": 1e-6})", "mt.json").qkv_bias);

    std::string mistral = k_config;
    mistral.replace(mistral.find("LlamaForCausalLM"), 16, "MistralForCausalLM");
    mistral.insert(1, R"("sliding_window": 4096, )");
    const ModelConfig m = parse_hf_config_text(mistral, "m.json");
    CHECK(m.sliding_window == 4096 && parse_hf_config_text(hf_config_json(m), "out.json").sliding_window == 4096);

    // transformers 5 writes rope_theta and the scaling into one rope_parameters object.
    std::string rp = k_config;
    rp.insert(1, R"("rope_parameters": {"rope_type": "llama3", "rope_theta": 500000.0, "factor": 32.0,
        "high_freq_factor": 4.0, "low_freq_factor": 1.0, "original_max_position_embeddings": 8192}, )");
    const ModelConfig r = parse_hf_config_text(rp, "rp.json");
    CHECK(r.rope_theta == 500000.0 && r.rope_scaling.type == "llama3" && r.rope_scaling.factor == 32.0);
    std::string rpd = k_config;
    rpd.insert(1, R"("rope_parameters": {"rope_type": "default", "rope_theta": 1000000.0}, )");
    const ModelConfig rd = parse_hf_config_text(rpd, "rpd.json");
    CHECK(rd.rope_theta == 1000000.0 && rd.rope_scaling.type.empty());
}

// ---- llama2.c -------------------------------------------------------------------------------

TEST_CASE("permute_rope_rows: hd=4 rows [0,1,2,3] become [0,2,1,3]") {
    const float w[] = {0, 0, 1, 1, 2, 2, 3, 3};   // 4 rows x 2 columns, one head
    const std::vector<float> p = permute_rope_rows(w, 1, 4, 2);
    CHECK((p == std::vector<float>{0, 0, 2, 2, 1, 1, 3, 3}));
}

TEST_CASE("llama2.c: synthetic tiny .bin loads with HF names, shapes and permuted q/k") {
    const std::string path = tmp("l2c_tiny") + "/tiny.bin";
    const std::vector<float> v = write_llama2c(path, 10);
    const ModelFiles mf = read_model_files(path);
    const ModelConfig & c = mf.config;
    CHECK(c.dim == 8 && c.hidden_dim == 16 && c.n_layers == 2 && c.n_heads == 2 && c.n_kv_heads == 1);
    CHECK(c.vocab_size == 10 && c.max_seq_len == 4 && c.head_dim == 4 && c.tie_embeddings);
    CHECK(mf.format == "llama2c");
    CHECK(mf.weights.count("lm_head.weight") == 0);
    CHECK((mf.weights.at("model.embed_tokens.weight").shape == std::vector<int64_t>{10, 8}));
    CHECK((mf.weights.at("model.layers.1.self_attn.k_proj.weight").shape == std::vector<int64_t>{4, 8}));
    CHECK((mf.weights.at("model.layers.1.mlp.down_proj.weight").shape == std::vector<int64_t>{8, 16}));
    CHECK(floats(mf.weights.at("model.embed_tokens.weight"))[13] == v[13]);
    // Layer 1 q_proj: wq starts after embed (80) + rms_att (16); layer 1 is 64 floats further.
    // HF row 1 of head 0 (half 0, j 1) is llama2.c row 2.
    const float * q1 = floats(mf.weights.at("model.layers.1.self_attn.q_proj.weight"));
    CHECK(q1[1 * 8 + 3] == v[80 + 16 + 64 + 2 * 8 + 3]);
    CHECK(q1[6 * 8 + 0] == v[80 + 16 + 64 + 5 * 8 + 0]);   // head 1, half 1, j 0 <- row 4 + 1
    // model.norm.weight [8] is followed only by freq_cis_real/imag [4, 2] each (tied: no classifier).
    const float * norm = floats(mf.weights.at("model.norm.weight"));
    CHECK(norm[7] == v[v.size() - 2 * 4 * 2 - 1]);
}

TEST_CASE("llama2.c: negative vocab means a separate classifier at the end") {
    const std::string path = tmp("l2c_untied") + "/untied.bin";
    const std::vector<float> v = write_llama2c(path, -10);
    const ModelFiles mf = read_llama2c(path);
    CHECK(!mf.config.tie_embeddings && mf.config.vocab_size == 10);
    REQUIRE(mf.weights.count("lm_head.weight") == 1);
    CHECK(floats(mf.weights.at("lm_head.weight"))[79] == v.back());
}

TEST_CASE("llama2.c: synthetic .bin cut short / with extra bytes") {
    const std::string dir = tmp("l2c_short");
    const std::string path = dir + "/short.bin";
    write_llama2c(path, 10, 4);
    // Strings built first: CHECK_THROWS_WITH keeps only the char pointers.
    const std::string want = "truncated: expected " + std::to_string(fs::file_size(path) + 4) + " bytes";
    const std::string has = "file has " + std::to_string(fs::file_size(path));
    CHECK_THROWS_WITH(read_llama2c(path), path.c_str(), want.c_str(), has.c_str());
    const std::string longer = dir + "/long.bin";
    write_llama2c(longer, 10, 0, 3);
    CHECK_THROWS_WITH(read_llama2c(longer), longer.c_str(), "file has 3 extra bytes");
    const std::string tiny = dir + "/header.bin";
    write_bytes(tiny, "abc");
    CHECK_THROWS_WITH(read_llama2c(tiny), tiny.c_str(), "truncated", "file has 3");
}

TEST_CASE("llama2.c: bad header value") {
    const std::string path = tmp("l2c_hdr") + "/bad.bin";
    const int32_t hdr[7] = {8, 16, 2, 3, 1, 10, 4};   // 3 heads do not divide dim 8
    write_bytes(path, std::string(reinterpret_cast<const char *>(hdr), sizeof hdr));
    CHECK_THROWS_WITH(read_llama2c(path), path.c_str(), "n_heads", "byte 12");
}

TEST_CASE("llama2.c: stories260K.bin truncated to 100000 bytes") {
    const std::string shared = check::shared_dir();
    if (shared.empty()) SKIP("../shared absent");
    const std::string path = tmp("l2c_260k_cut") + "/stories260K.bin";
    write_bytes(path, read_bytes(shared + "/models/stories260K/stories260K.bin").substr(0, 100000));
    CHECK_THROWS_WITH(read_model_files(path), path.c_str(), "truncated: expected 1056540 bytes, file has 100000");
}

TEST_CASE("llama2.c: stories260K.bin loads") {
    const std::string shared = check::shared_dir();
    if (shared.empty()) SKIP("../shared absent");
    const ModelFiles mf = read_model_files(shared + "/models/stories260K/stories260K.bin");
    const ModelConfig & c = mf.config;
    CHECK(c.dim == 64 && c.hidden_dim == 172 && c.n_layers == 5 && c.n_heads == 8 && c.n_kv_heads == 4);
    CHECK(c.vocab_size == 512 && c.max_seq_len == 512 && c.tie_embeddings);
    CHECK(c.n_params() == 260032);
    CHECK(fs::path(mf.tokenizer_guess).filename() == "tok512.model");
}

// ---- HF folders -----------------------------------------------------------------------------

TEST_CASE("PyTorch pickles are refused with a message that points to safetensors; none is ever read") {
    const std::string d = tmp("pickles");
    // torch.save's zip archive (PyTorch >= 1.6) and its legacy bare pickle (protocol 2, LONG1 magic).
    write_bytes(d + "/pytorch_model.bin", std::string("PK\x03\x04", 4) + std::string(64, '\0'));
    CHECK_THROWS_WITH(read_model_files(d + "/pytorch_model.bin"), "pytorch_model.bin", "PyTorch pickle", "safetensors");
    write_bytes(d + "/legacy.bin", std::string("\x80\x02\x8a\x0a", 4) + std::string(64, '\0'));
    CHECK_THROWS_WITH(read_model_files(d + "/legacy.bin"), "legacy.bin", "PyTorch pickle", "can run code");
    write_bytes(d + "/model.pt", std::string(64, '\0'));
    CHECK_THROWS_WITH(read_model_files(d + "/model.pt"), "model.pt", "PyTorch pickle (.pt)", "safetensors");
    // An HF folder with only the pickle: the folder's message names it.
    const std::string hf = tmp("pickle_folder");
    ModelConfig c;
    c.dim = 8; c.n_layers = 1; c.n_heads = 2; c.n_kv_heads = 2; c.head_dim = 4; c.hidden_dim = 16; c.vocab_size = 10;
    write_file_atomic(hf + "/config.json", hf_config_json(c));
    write_bytes(hf + "/pytorch_model.bin", std::string("PK\x03\x04", 4) + std::string(64, '\0'));
    CHECK_THROWS_WITH(read_model_files(hf), "pickle_folder", "only pytorch_model.bin", "model.safetensors");
}

TEST_CASE("a lone .safetensors: its own header is read and checked, then the folder's config.json is asked for") {
    const std::string d = tmp("lone_st");
    TensorMap t;
    t["w"] = HostTensor::from_floats({2}, {1, 2});
    write_safetensors(d + "/adapter.safetensors", t);
    CHECK_THROWS_WITH(read_model_files(d + "/adapter.safetensors"), "adapter.safetensors", "header reads (1 tensors)",
                      "no config.json beside it");
    write_bytes(d + "/broken.safetensors", st_file("{not json", 0));
    CHECK_THROWS_WITH(read_model_files(d + "/broken.safetensors"), "broken.safetensors", "invalid JSON");
}

TEST_CASE("HF folder: sharded checkpoint equals the unsharded one") {
    const ModelConfig c = tiny_config();
    const TensorMap w = tiny_weights(c);
    const std::string one = write_hf_folder("hf_single", c, w);
    const std::string dir = tmp("hf_sharded");
    write_file_atomic(dir + "/config.json", hf_config_json(c));
    TensorMap a, b;
    nlohmann::json map;
    for (const auto & [name, t] : w) {
        const bool first = name.find("layers.1.") == std::string::npos && name != "lm_head.weight";
        (first ? a : b)[name] = t;
        map[name] = first ? "model-00001-of-00002.safetensors" : "model-00002-of-00002.safetensors";
    }
    write_safetensors(dir + "/model-00001-of-00002.safetensors", a);
    write_safetensors(dir + "/model-00002-of-00002.safetensors", b);
    write_file_atomic(dir + "/model.safetensors.index.json", nlohmann::json{{"weight_map", map}}.dump());

    const ModelFiles s1 = read_model_files(one + "/model.safetensors");
    const ModelFiles s2 = read_model_files(dir);
    CHECK(s1.format == "hf-safetensors");
    CHECK(s2.format == "hf-safetensors-sharded");
    REQUIRE(s1.weights.size() == w.size());
    REQUIRE(s2.weights.size() == w.size());
    for (const auto & [name, t] : s1.weights) CHECK_MSG(same_bytes(t, s2.weights.at(name)), name);
    CHECK(s2.config.n_params() == s1.config.n_params());

    // An index naming a tensor its shard lacks.
    map["lm_head.weight"] = "model-00001-of-00002.safetensors";
    const std::string index = dir + "/model.safetensors.index.json";
    write_file_atomic(index, nlohmann::json{{"weight_map", map}}.dump());
    CHECK_THROWS_WITH(read_hf_folder(dir), index.c_str(), "tensor 'lm_head.weight'", "absent");
}

TEST_CASE("HF folder: tensor with the wrong shape") {
    const ModelConfig c = tiny_config();
    TensorMap w = tiny_weights(c);
    w["model.layers.0.self_attn.k_proj.weight"] = HostTensor::from_floats({8, 8}, random_floats(64, 9));
    const std::string dir = write_hf_folder("hf_shape", c, w);
    CHECK_THROWS_WITH(read_hf_folder(dir), dir.c_str(),
                      "tensor 'model.layers.0.self_attn.k_proj.weight': shape [8, 8] but config.json implies [4, 8]");
}

TEST_CASE("HF folder: missing tensor") {
    const ModelConfig c = tiny_config();
    TensorMap w = tiny_weights(c);
    w.erase("lm_head.weight");
    const std::string dir = write_hf_folder("hf_missing", c, w);
    CHECK_THROWS_WITH(read_hf_folder(dir), dir.c_str(), "missing tensor 'lm_head.weight'");
}

TEST_CASE("HF folder: integer weights refused") {
    const ModelConfig c = tiny_config();
    TensorMap w = tiny_weights(c);
    auto buf = std::make_shared<std::vector<int32_t>>(8, 1);
    w["model.norm.weight"] = HostTensor{DType::I32, {8}, reinterpret_cast<const uint8_t *>(buf->data()), 32, buf};
    const std::string dir = write_hf_folder("hf_int", c, w);
    CHECK_THROWS_WITH(read_hf_folder(dir), "model.safetensors", "tensor 'model.norm.weight'", "I32");
}

TEST_CASE("HF folder: no weights, and not a model at all") {
    const std::string dir = tmp("hf_empty");
    write_file_atomic(dir + "/config.json", std::string(k_config));
    CHECK_THROWS_WITH(read_model_files(dir), dir.c_str(), "no model.safetensors");
    write_bytes(dir + "/weights.gguf", "x");
    CHECK_THROWS_WITH(read_model_files(dir + "/weights.gguf"), "weights.gguf", "unrecognised model format");
    CHECK_THROWS_WITH(read_model_files(dir + "/nothing"), "nothing", "no such file");
}

TEST_CASE("atomic write replaces the file and fails naming the path") {
    const std::string dir = tmp("atomic");
    write_file_atomic(dir + "/f.txt", std::string("one"));
    write_file_atomic(dir + "/f.txt", std::string("two"));
    CHECK(read_file_text(dir + "/f.txt") == "two");
    CHECK_THROWS_WITH(write_file_atomic(dir + "/no/such/f.txt", std::string("x")), "no/such/f.txt");
    CHECK_THROWS_WITH(read_file_text(dir + "/absent.txt"), "absent.txt", "cannot open");
    make_directories(dir + "/a/b");
    CHECK(is_directory(dir + "/a/b") && !file_exists(dir + "/a/c"));
}

RAPIDUN_TEST_MAIN()
