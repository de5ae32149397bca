// Model core against the llama2.c reference (../shared/models/stories260K/reference.json), the HF
// export round trip, batched-vs-single generation and bf16. Add a case with TEST_CASE below.
#include "check.h"

#include "rapidun/io/atomic_file.h"
#include "rapidun/io/model_files.h"
#include "rapidun/io/safetensors.h"
#include "rapidun/kernels/decode.h"
#include "rapidun/model/memory.h"
#include "rapidun/model/model.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <map>
#include <random>
#include <tuple>

#include <cstdlib>

using namespace rapidun;
using nlohmann::json;

namespace {

struct Ref {
    std::string dir, bin, tok;
    json j;
};

Ref reference() {
    const std::string shared = check::shared_dir();
    if (shared.empty()) SKIP("../shared absent: the stories260K reference model is not available");
    Ref r;
    r.dir = shared + "/models/stories260K";
    r.bin = r.dir + "/stories260K.bin";
    r.tok = r.dir + "/tok512.model";
    r.j   = json::parse(read_file_text(r.dir + "/reference.json"));
    return r;
}

std::string tmp_dir(const std::string & name) { return check::fresh_dir(name); }

std::vector<int32_t> greedy(const Model & m, std::vector<int32_t> prompt, int64_t n) {
    GenerateOptions go;
    go.max_new_tokens = n;
    return m.generate({prompt}, go)[0];
}

// A random untied GQA model in the HF layout, written by this test: no ../shared needed.
std::string write_random_hf_model(const std::string & dir, const std::string & arch) {
    ModelConfig c;
    c.architecture = arch;
    c.dim = 32; c.n_layers = 2; c.n_heads = 4; c.n_kv_heads = 2; c.head_dim = 8; c.hidden_dim = 48;
    c.vocab_size = 40; c.max_seq_len = 64; c.rope_theta = 500000.0; c.norm_eps = 1e-6; c.tie_embeddings = false;
    std::mt19937 rng(7);
    std::normal_distribution<float> nd(0.0f, 0.3f);
    auto rnd = [&](std::vector<int64_t> shape) {
        int64_t n = 1;
        for (auto s : shape) n *= s;
        std::vector<float> v(static_cast<size_t>(n));
        for (auto & x : v) x = nd(rng);
        return HostTensor::from_floats(shape, v);
    };
    TensorMap w;
    w["model.embed_tokens.weight"] = rnd({c.vocab_size, c.dim});
    w["lm_head.weight"]            = rnd({c.vocab_size, c.dim});
    w["model.norm.weight"]         = rnd({c.dim});
    for (int l = 0; l < c.n_layers; l++) {
        const std::string p = "model.layers." + std::to_string(l) + ".";
        w[p + "input_layernorm.weight"]          = rnd({c.dim});
        w[p + "post_attention_layernorm.weight"] = rnd({c.dim});
        w[p + "self_attn.q_proj.weight"]         = rnd({c.n_heads * c.head_dim, c.dim});
        w[p + "self_attn.k_proj.weight"]         = rnd({c.n_kv_heads * c.head_dim, c.dim});
        w[p + "self_attn.v_proj.weight"]         = rnd({c.n_kv_heads * c.head_dim, c.dim});
        w[p + "self_attn.o_proj.weight"]         = rnd({c.dim, c.n_heads * c.head_dim});
        w[p + "mlp.gate_proj.weight"]            = rnd({c.hidden_dim, c.dim});
        w[p + "mlp.up_proj.weight"]              = rnd({c.hidden_dim, c.dim});
        w[p + "mlp.down_proj.weight"]            = rnd({c.dim, c.hidden_dim});
    }
    make_directories(dir);
    write_safetensors(dir + "/model.safetensors", w);
    write_file_atomic(dir + "/config.json", hf_config_json(c));
    return dir;
}

void check_batched_equals_single(const Model & m, const std::vector<std::vector<int32_t>> & prompts,
                                 GenerateOptions go) {
    for (PadSide side : {PadSide::Left, PadSide::Right}) {
        go.pad_side = side;
        auto batched = m.generate(prompts, go);
        REQUIRE(batched.size() == prompts.size());
        for (size_t i = 0; i < prompts.size(); i++) {
            auto single = m.generate({prompts[i]}, go)[0];
            CHECK_MSG(batched[i] == single, std::string("row ") + std::to_string(i) +
                                                (side == PadSide::Left ? " (left padding)" : " (right padding)"));
        }
    }
}

} // namespace

TEST_CASE("stories260K: greedy 200 tokens equal llama2.c's ids and text") {
    Ref r = reference();
    ModelBundle mb = open_model(r.bin, r.tok);
    CHECK(mb.model->info().n_params == r.j["n_params_tied_excluding_freq_cis"].get<int64_t>());
    auto ids = greedy(*mb.model, {1}, 200);
    auto want = r.j["computed_greedy_t0_n200_token_ids_with_bos"].get<std::vector<int32_t>>();
    want.erase(want.begin());
    CHECK(ids == want);
    CHECK(mb.tokenizer->decode(ids) == r.j["upstream_test_all_py"]["expected_stdout_without_final_newline"].get<std::string>());
}

TEST_CASE("stories260K: position-0 logits to 1e-4, top 5 and logsumexp") {
    Ref r = reference();
    auto m = Model::load(r.bin);
    std::vector<float> lg = m->logits({1});
    auto first8 = r.j["computed_pos0_after_bos"]["logits_first8"].get<std::vector<double>>();
    for (size_t i = 0; i < first8.size(); i++) CHECK_NEAR(lg[i], first8[i], 1e-4);
    for (auto & t : r.j["computed_pos0_after_bos"]["top5_id_logit_piece"]) {
        CHECK_NEAR(lg[t[0].get<size_t>()], t[1].get<double>(), 1e-4);
    }
    double mx = *std::max_element(lg.begin(), lg.end()), s = 0;
    for (float x : lg) s += std::exp(double(x) - mx);
    CHECK_NEAR(mx + std::log(s), r.j["computed_pos0_after_bos"]["logsumexp"].get<double>(), 1e-4);
}

TEST_CASE("stories260K: sentence NLL per token and teacher-forced NLL of the greedy text") {
    Ref r = reference();
    auto m = Model::load(r.bin);
    auto & sn = r.j["computed_sentence_nll"];
    std::vector<double> per;
    double mean = m->nll(sn["ids_with_bos"].get<std::vector<int32_t>>(), &per);
    auto want = sn["per_token_nll"].get<std::vector<double>>();
    REQUIRE(per.size() == want.size());
    for (size_t i = 0; i < want.size(); i++) CHECK_NEAR(per[i], want[i], 1e-4);
    CHECK_NEAR(mean, sn["mean_nll"].get<double>(), 1e-5);
    double tf = m->nll(r.j["computed_greedy_t0_n200_token_ids_with_bos"].get<std::vector<int32_t>>());
    CHECK_NEAR(tf, r.j["computed_greedy_teacher_forced_mean_nll_nats"].get<double>(), 1e-5);
}

TEST_CASE("stories260K: seeded top-p sampling reproduces llama2.c's sampled text") {
    Ref r = reference();
    ModelBundle mb = open_model(r.bin, r.tok);
    GenerateOptions go;
    go.max_new_tokens = 256;   // run.c's default: 256 steps, each emitting one token
    go.temperature = 1.0f;
    go.top_p = 0.9f;
    go.seed = 133742;
    auto ids = mb.model->generate({{1}}, go)[0];
    CHECK(mb.tokenizer->decode(ids) == r.j["upstream_doc_sampled"]["stdout_without_final_newline"].get<std::string>());
}

TEST_CASE("stories260K: HF export loads back with logits equal to 1e-5 and the same greedy text") {
    Ref r = reference();
    ModelBundle mb = open_model(r.bin, r.tok);
    const std::string dir = tmp_dir("hf260k");
    mb.model->export_hf(dir, r.tok);
    CHECK(file_exists(dir + "/config.json") && file_exists(dir + "/model.safetensors") && file_exists(dir + "/tokenizer.model"));
    ModelBundle back = open_model(dir);   // tokenizer found beside the weights
    CHECK(back.model->info().format.find("hf") == 0);
    CHECK(back.model->info().n_params == mb.model->info().n_params);
    std::vector<int32_t> seq = mb.tokenizer->encode("Once upon a time, there was a little girl named Lily.", true);
    auto a = mb.model->logits(seq), b = back.model->logits(seq);
    REQUIRE(a.size() == b.size());
    double worst = 0;
    for (size_t i = 0; i < a.size(); i++) worst = std::max(worst, double(std::fabs(a[i] - b[i])));
    CHECK_NEAR(worst, 0.0, 1e-5);
    auto g1 = greedy(*mb.model, {1}, 200), g2 = greedy(*back.model, {1}, 200);
    CHECK(back.tokenizer->decode(g2) == mb.tokenizer->decode(g1));
}

TEST_CASE("stories260K: batched generation of 8 prompts equals 8 single runs (left and right padding)") {
    Ref r = reference();
    ModelBundle mb = open_model(r.bin, r.tok);
    std::vector<std::string> texts = {"Once upon a time", "Lily", "The dog ran to the park and", "One day,",
                                      "Tom had a big red ball. He", "She", "The sun was hot. The little bird wanted to",
                                      "Mom said"};
    std::vector<std::vector<int32_t>> prompts;
    for (auto & t : texts) prompts.push_back(mb.tokenizer->encode(t, true));
    GenerateOptions go;
    go.max_new_tokens = 48;
    check_batched_equals_single(*mb.model, prompts, go);
    go.temperature = 0.8f; go.top_p = 0.9f; go.seed = 42;
    check_batched_equals_single(*mb.model, prompts, go);
}

TEST_CASE("stories260K: bf16 forward stays close to fp32") {
    Ref r = reference();
    auto f32 = Model::load(r.bin);
    LoadOptions lo;
    lo.precision = Precision::BF16;
    auto bf = Model::load(r.bin, lo);
    CHECK(bf->info().precision == "bf16");
    auto seq = r.j["computed_sentence_nll"]["ids_with_bos"].get<std::vector<int32_t>>();
    CHECK_NEAR(bf->nll(seq), f32->nll(seq), 0.05);
    auto a = f32->logits({1}), b = bf->logits({1});
    CHECK(std::max_element(a.begin(), a.end()) - a.begin() == std::max_element(b.begin(), b.end()) - b.begin());
}

TEST_CASE("random untied GQA Llama and Mistral models in HF layout: batched == single, export round trip") {
    for (std::string arch : {"LlamaForCausalLM", "MistralForCausalLM"}) {
        const std::string dir = write_random_hf_model(tmp_dir("rand-" + arch), arch);
        auto m = Model::load(dir);
        CHECK(m->info().config.architecture == arch);
        CHECK(!m->info().config.tie_embeddings);
        CHECK(m->info().n_params == m->info().config.n_params());
        std::vector<std::vector<int32_t>> prompts = {{1, 5, 9}, {1}, {1, 3, 3, 3, 3, 7}, {1, 20, 21}};
        GenerateOptions go;
        go.max_new_tokens = 12;
        go.stop_ids = {-1};   // random weights: never stop early, exercise every slot
        check_batched_equals_single(*m, prompts, go);
        const std::string out = tmp_dir("rand-export-" + arch);
        m->export_hf(out);
        auto back = Model::load(out);
        auto a = m->logits({1, 4, 8, 15}), b = back->logits({1, 4, 8, 15});
        CHECK(a == b);
    }
}

// The batch-1 decode kernel (kernels/decode.h) against its reference, the LibTorch forward: a
// random model with every variant the kernel reads (GQA, q/k/v/o and MLP biases, an untied or tied
// head, llama3 RoPE scaling), fed one token at a time, gives the teacher-forced logits of
// Model::logits at every position; and generate() with it gives the tokens of the LibTorch step.
TEST_CASE("batch-1 decode kernel: teacher-forced logits equal the LibTorch forward; generate gives the same tokens") {
    for (int variant = 0; variant < 3; variant++) {
        ModelConfig c;
        c.dim = 32; c.n_layers = 2; c.n_heads = 4; c.n_kv_heads = variant == 2 ? 4 : 2; c.head_dim = 8; c.hidden_dim = 48;
        c.vocab_size = 40; c.max_seq_len = 64; c.rope_theta = 500000.0; c.norm_eps = 1e-6;
        c.tie_embeddings = variant == 1;
        c.qkv_bias = c.o_bias = c.mlp_bias = variant == 0;
        if (variant == 1) c.rope_scaling = {"llama3", 8.0, 1.0, 4.0, 16};
        std::mt19937 rng(11 + variant);
        std::normal_distribution<float> nd(0.0f, 0.3f);
        std::map<std::string, std::vector<float>> host;
        TensorMap w;
        auto rnd = [&](const std::string & name, std::vector<int64_t> shape) {
            int64_t n = 1;
            for (auto d : shape) n *= d;
            std::vector<float> & v = host[name];
            v.resize(size_t(n));
            for (auto & x : v) x = nd(rng);
            w[name] = HostTensor::from_floats(shape, v);
        };
        rnd("model.embed_tokens.weight", {c.vocab_size, c.dim});
        if (!c.tie_embeddings) rnd("lm_head.weight", {c.vocab_size, c.dim});
        rnd("model.norm.weight", {c.dim});
        const int64_t q = c.n_heads * c.head_dim, kv = c.n_kv_heads * c.head_dim;
        for (int l = 0; l < c.n_layers; l++) {
            const std::string p = "model.layers." + std::to_string(l) + ".";
            rnd(p + "input_layernorm.weight", {c.dim});
            rnd(p + "post_attention_layernorm.weight", {c.dim});
            for (auto [n, out, in] : {std::tuple<const char *, int64_t, int64_t>{"self_attn.q_proj", q, c.dim}, {"self_attn.k_proj", kv, c.dim},
                                      {"self_attn.v_proj", kv, c.dim}, {"self_attn.o_proj", c.dim, q}, {"mlp.gate_proj", c.hidden_dim, c.dim},
                                      {"mlp.up_proj", c.hidden_dim, c.dim}, {"mlp.down_proj", c.dim, c.hidden_dim}}) {
                rnd(p + n + ".weight", {out, in});
                if (c.qkv_bias) rnd(p + n + ".bias", {out});
            }
        }
        const std::string dir = tmp_dir("decode-kernel-" + std::to_string(variant));
        write_safetensors(dir + "/model.safetensors", w);
        write_file_atomic(dir + "/config.json", hf_config_json(c));
        auto m = Model::load(dir);

        // The kernel on the weights as written (row-major [out, in]) and RoPE tables from the config.
        const int64_t T = 20, half = c.head_dim / 2;
        std::vector<float> cos(size_t(T * half)), sin(size_t(T * half));
        const std::vector<double> inv = c.rope_inv_freq();
        for (int64_t t = 0; t < T; t++)
            for (int64_t i = 0; i < half; i++) {
                cos[size_t(t * half + i)] = float(std::cos(double(t) * inv[size_t(i)]));
                sin[size_t(t * half + i)] = float(std::sin(double(t) * inv[size_t(i)]));
            }
        auto at = [&](const std::string & name) { return host.count(name) ? host[name].data() : nullptr; };
        kernels::DecodeModel dm;
        dm.D = c.dim; dm.F = c.hidden_dim; dm.H = c.n_heads; dm.KV = c.n_kv_heads; dm.hd = c.head_dim; dm.V = c.vocab_size;
        dm.S_max = T; dm.eps = float(c.norm_eps);
        dm.embed = at("model.embed_tokens.weight");
        dm.head = c.tie_embeddings ? dm.embed : at("lm_head.weight");
        dm.final_norm = at("model.norm.weight");
        dm.rope_cos = cos.data();
        dm.rope_sin = sin.data();
        std::vector<std::vector<float>> caches(size_t(2 * c.n_layers), std::vector<float>(size_t(kv * T)));
        for (int l = 0; l < c.n_layers; l++) {
            const std::string p = "model.layers." + std::to_string(l) + ".";
            kernels::DecodeLayer d;
            d.attn_norm = at(p + "input_layernorm.weight");
            d.ffn_norm = at(p + "post_attention_layernorm.weight");
            d.w_q = at(p + "self_attn.q_proj.weight"); d.b_q = at(p + "self_attn.q_proj.bias");
            d.w_k = at(p + "self_attn.k_proj.weight"); d.b_k = at(p + "self_attn.k_proj.bias");
            d.w_v = at(p + "self_attn.v_proj.weight"); d.b_v = at(p + "self_attn.v_proj.bias");
            d.w_o = at(p + "self_attn.o_proj.weight"); d.b_o = at(p + "self_attn.o_proj.bias");
            d.w_gate = at(p + "mlp.gate_proj.weight"); d.b_gate = at(p + "mlp.gate_proj.bias");
            d.w_up = at(p + "mlp.up_proj.weight"); d.b_up = at(p + "mlp.up_proj.bias");
            d.w_down = at(p + "mlp.down_proj.weight"); d.b_down = at(p + "mlp.down_proj.bias");
            d.k_cache = caches[size_t(2 * l)].data();
            d.v_cache = caches[size_t(2 * l + 1)].data();
            dm.layers.push_back(d);
        }
        std::vector<int32_t> ids;
        for (int64_t t = 0; t < T; t++) ids.push_back(int32_t(t == 0 ? 1 : (t * 7 + variant) % c.vocab_size));
        const std::vector<float> ref = m->logits(ids);   // [T, V]
        kernels::DecodeScratch scratch;
        std::vector<float> got(size_t(c.vocab_size));
        double worst = 0;
        for (int64_t t = 0; t < T; t++) {
            kernels::decode_step_f32(dm, ids[size_t(t)], t, t, scratch, got.data());
            for (int64_t v = 0; v < c.vocab_size; v++)
                worst = std::max(worst, double(std::abs(got[size_t(v)] - ref[size_t(t * c.vocab_size + v)])));
        }
        CHECK_MSG(worst < 1e-4, "variant " + std::to_string(variant) + ": max |logit difference| " + std::to_string(worst));

        // generate(): the kernel's tokens are the LibTorch step's, greedy and sampled.
        GenerateOptions go;
        go.max_new_tokens = 30;
        go.stop_ids = {-1};
        for (float temp : {0.0f, 0.9f}) {
            go.temperature = temp;
            go.top_p = 0.9f;
            go.seed = 5;
            go.no_fused_decode = false;
            const auto fused = m->generate({{1, 3, 5}}, go)[0];
            go.no_fused_decode = true;
            CHECK(fused == m->generate({{1, 3, 5}}, go)[0]);
            CHECK(fused.size() == 30);
        }
    }
}

TEST_CASE("a tokenizer whose vocabulary differs from the model's is refused, naming the tokenizer") {
    Ref r = reference();
    const std::string dir = write_random_hf_model(tmp_dir("rand-vocab"), "LlamaForCausalLM");   // vocab 40
    CHECK_THROWS_WITH(open_model(dir, r.tok), "tok512.model", "512", "40");
}

TEST_CASE("memory: figures from the headers, and a model that does not fit is refused before loading") {
    const std::string dir = write_random_hf_model(tmp_dir("rand-memory"), "LlamaForCausalLM");
    const ModelFiles mf = read_model_files(dir);
    const MemoryFacts f = memory_facts(mf);
    CHECK(f.n_params == mf.config.n_params());
    CHECK(f.stored_dtype == "F32" && f.file_bytes == 4 * f.n_params);
    // More context, a wider batch, fp32 over bf16, unlearning over influence: never less memory.
    const ModelConfig & c = mf.config;
    CHECK(estimate_memory(c, f, "generate", "f32", 64, 8) >= estimate_memory(c, f, "generate", "f32", 64, 1));
    CHECK(estimate_memory(c, f, "generate", "f32", 64) >= estimate_memory(c, f, "generate", "bf16", 64));
    CHECK(estimate_memory(c, f, "lora-unlearn", "f32", 64) > estimate_memory(c, f, "lora-influence", "f32", 64));
    CHECK_THROWS_WITH(estimate_memory(c, f, "dance", "f32", 64), "unknown task 'dance'");
    CHECK(estimate_memory(c, f).size() == 6);

    ::setenv("RAPIDUN_MEMORY_LIMIT_MB", "100", 1);   // 100 MiB: less than the fixed runtime share alone
    CHECK(available_memory_bytes() == int64_t(100) << 20);
    CHECK_THROWS_WITH(Model::load(dir), dir.c_str(), "generate in f32 needs about", "GiB", "are available");
    ::setenv("RAPIDUN_MEMORY_LIMIT_MB", "100000", 1);
    CHECK(Model::load(dir)->info().n_params == f.n_params);
    ::unsetenv("RAPIDUN_MEMORY_LIMIT_MB");
}

TEST_CASE("generation respects max_new_tokens and an empty prompt is refused") {
    const std::string dir = write_random_hf_model(tmp_dir("rand-limits"), "LlamaForCausalLM");
    auto m = Model::load(dir);
    GenerateOptions go;
    go.max_new_tokens = 5;
    go.stop_ids = {-1};
    auto out = m->generate({{1, 2}, {1}}, go);
    CHECK(out[0].size() == 5 && out[1].size() == 5);
    go.max_new_tokens = 1000;   // clipped at max_position_embeddings (64)
    out = m->generate({{1, 2}}, go);
    CHECK(out[0].size() == 63);
    CHECK_THROWS_WITH(m->generate({{}}, go), "empty prompt");
}

RAPIDUN_TEST_MAIN()

TEST_CASE("devices: names parse, a GPU that is not there is refused with a message, cpu gives the same bits") {
    CHECK(parse_device("cpu").kind == Device::Kind::Cpu);
    CHECK(parse_device("auto").kind == Device::Kind::Auto);
    CHECK(parse_device("cuda").kind == Device::Kind::Cuda && parse_device("cuda").index == 0);
    CHECK(parse_device("cuda:3").index == 3 && device_name(parse_device("cuda:3")) == "cuda:3");
    CHECK_THROWS_WITH(parse_device("gpu"), "device 'gpu': expected auto, cpu, cuda or cuda:N");
    CHECK_THROWS_WITH(parse_device("cuda:x"), "expected auto, cpu, cuda or cuda:N");
    CHECK_THROWS_WITH(parse_device("cuda:"), "expected auto, cpu, cuda or cuda:N");
    const int n = cuda_device_count();
    const Device past{Device::Kind::Cuda, n};   // one index past the last GPU, 0 where there is none
    const std::string past_name = "device cuda:" + std::to_string(n);
    CHECK_THROWS_WITH(resolve_device(past), past_name.c_str());
    CHECK(resolve_device(Device{}).kind == (n > 0 ? Device::Kind::Cuda : Device::Kind::Cpu));

    Ref r = reference();
    LoadOptions on_cpu;
    on_cpu.device = parse_device("cpu");
    ModelBundle a = open_model(r.bin, r.tok, on_cpu);
    CHECK(a.model->info().device == "cpu");
    const std::vector<int32_t> prompt = {1, 403, 407};
    if (n == 0) {   // auto is the CPU here: the very same bits
        ModelBundle b = open_model(r.bin, r.tok);
        CHECK(a.model->logits(prompt) == b.model->logits(prompt));
        return;
    }
    LoadOptions on_gpu;
    on_gpu.device = parse_device("cuda");
    ModelBundle g = open_model(r.bin, r.tok, on_gpu);
    CHECK(g.model->info().device == "cuda:0");
    const std::vector<float> la = a.model->logits(prompt), lg = g.model->logits(prompt);
    float worst = 0;
    for (size_t i = 0; i < la.size(); i++) worst = std::max(worst, std::fabs(la[i] - lg[i]));
    CHECK_MSG(worst < 1e-4f, "cpu vs cuda logits differ by " + std::to_string(worst));
    CHECK(greedy(*a.model, {1}, 64) == greedy(*g.model, {1}, 64));
}
