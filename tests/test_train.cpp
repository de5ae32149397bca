// LoRA (init, merge, PEFT files, gradients) and the fine-tuning loop on small models made here.
// Add a case with TEST_CASE below. Includes core's private header for the gradient check.
#include "model/model_impl.h"   // first: LibTorch pulls in glog, whose CHECK check.h replaces
#undef CHECK
#undef CHECK_NEAR
#include "check.h"

#include "rapidun/io/atomic_file.h"
#include "rapidun/io/safetensors.h"
#include "rapidun/train/train.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <random>
#include <tuple>

using torch::Tensor;

using namespace rapidun;

namespace {

ModelConfig tiny_config() {
    ModelConfig c;
    c.dim = 32; c.n_layers = 2; c.n_heads = 4; c.n_kv_heads = 2; c.head_dim = 8; c.hidden_dim = 64;
    c.vocab_size = 48; c.max_seq_len = 64; c.tie_embeddings = true;
    return c;
}

// Synthetic samples: prompt of random ids, answer = the prompt's ids + 1 (learnable).
std::vector<TokenizedSample> samples(int n, uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::vector<TokenizedSample> out;
    for (int i = 0; i < n; i++) {
        TokenizedSample s;
        s.ids.push_back(1);
        std::vector<int32_t> p;
        for (int k = 0; k < 4; k++) p.push_back(3 + int32_t(rng() % 20));
        for (auto x : p) s.ids.push_back(x);
        s.n_prompt = int32_t(s.ids.size());
        for (auto x : p) s.ids.push_back(x + 1);
        s.ids.push_back(2);
        s.n_answer = int32_t(s.ids.size()) - s.n_prompt;
        s.answer_mask.assign(s.ids.size(), 0);
        for (size_t q = size_t(s.n_prompt); q < s.ids.size(); q++) s.answer_mask[q] = 1;
        out.push_back(s);
    }
    return out;
}

std::string tmp(const std::string & name) { return check::fresh_dir(name); }

double max_diff(const std::vector<float> & a, const std::vector<float> & b) {
    double w = 0;
    for (size_t i = 0; i < a.size(); i++) w = std::max(w, double(std::fabs(a[i] - b[i])));
    return w;
}

} // namespace

TEST_CASE("cosine schedule with warm-up") {
    CHECK_NEAR(cosine_lr(1.0, 0, 100, 0), 1.0, 1e-12);
    CHECK_NEAR(cosine_lr(1.0, 50, 100, 0), 0.5, 1e-12);
    CHECK_NEAR(cosine_lr(1.0, 4, 100, 10), 0.5, 1e-12);
    CHECK_NEAR(cosine_lr(1.0, 10, 100, 10), 1.0, 1e-12);
}

TEST_CASE("full fine-tuning learns a toy mapping; answer NLL falls") {
    auto m = Model::create(tiny_config(), 3);
    auto data = samples(64, 1);
    const double before = answer_nll(*m, data)[0];
    TrainOptions o;
    o.lr = 3e-3; o.epochs = 30; o.batch_size = 16; o.warmup_ratio = 0.1; o.seed = 5;
    TrainReport r = train_model(*m, data, o);
    CHECK(r.steps == 30 * 4);
    CHECK(r.final_loss < 0.6 * r.loss_per_step.front());
    CHECK(answer_nll(*m, data)[0] < before);
}

TEST_CASE("step loss equals the token mean or the per-sample mean of answer NLL (length chunks are exact)") {
    auto m = Model::create(tiny_config(), 3);
    auto data = samples(16, 4);
    data[3].ids.insert(data[3].ids.end() - 1, {7, 8, 9, 10, 11, 12});   // uneven lengths and answer counts
    data[3].answer_mask.resize(data[3].ids.size(), 1);
    std::vector<double> nll = answer_nll(*m, data);
    double per_sample = 0, tok_sum = 0, n_tok = 0;
    for (size_t i = 0; i < data.size(); i++) {
        double n = 0;
        for (size_t p = 1; p < data[i].answer_mask.size(); p++) n += data[i].answer_mask[p];
        per_sample += nll[i] / double(data.size());
        tok_sum += nll[i] * n;
        n_tok += n;
    }
    for (bool ps : {false, true}) {
        auto fresh = Model::create(tiny_config(), 3);
        TrainOptions o;
        o.lr = 1e-9; o.epochs = 1; o.batch_size = 16; o.per_sample_mean = ps;
        TrainReport r = train_model(*fresh, data, o);
        CHECK_NEAR(r.loss_per_step[0], ps ? per_sample : tok_sum / n_tok, 1e-4);
    }
}

TEST_CASE("a training run stopped part-way continues from its checkpoint to the same model and losses") {
    auto data = samples(64, 2);
    for (bool lora : {false, true}) {
        TrainOptions o;
        o.lr = 3e-3; o.epochs = 3; o.batch_size = 16; o.warmup_ratio = 0.1; o.seed = 7;
        o.length_buckets = true;   // the epoch's RNG draws twice
        o.lora = lora;
        o.lora_settings.dropout = lora ? 0.1 : 0.0;   // torch's RNG matters too
        auto a = Model::create(tiny_config(), 3);
        const TrainReport ra = train_model(*a, data, o);

        const std::string dir = tmp(lora ? "ckpt-lora" : "ckpt-full");
        o.checkpoint = dir + "/state";
        o.checkpoint_seconds = 0;   // a save after every step
        CancelToken stop;
        auto b = Model::create(tiny_config(), 3);
        CHECK_THROWS_WITH(train_model(*b, data, o, [&](const TrainProgress & p) { if (p.step == 5) stop.cancel(); }, &stop), "cancelled");
        auto c = Model::create(tiny_config(), 3);
        const TrainReport rc = train_model(*c, data, o);
        CHECK(rc.resumed_at_step == 5);
        CHECK(rc.steps == ra.steps);
        CHECK(rc.loss_per_step == ra.loss_per_step);
        CHECK(rc.final_loss == ra.final_loss);
        const auto pa = net_of(*a)->parameters(), pc = net_of(*c)->parameters();
        REQUIRE(pa.size() == pc.size());
        for (size_t i = 0; i < pa.size(); i++) CHECK(torch::equal(pa[i], pc[i]));
        // A finished run's checkpoint answers at once with the same report.
        auto d = Model::create(tiny_config(), 3);
        const TrainReport rd = train_model(*d, data, o);
        CHECK(rd.resumed_at_step == ra.steps);
        CHECK(rd.loss_per_step == ra.loss_per_step);
        // Other settings: refused, naming the checkpoint.
        o.lr = 1e-3;
        auto e = Model::create(tiny_config(), 3);
        CHECK_THROWS_WITH(train_model(*e, data, o), "state.json");
    }
}

TEST_CASE("LoRA: B = 0 leaves the model unchanged; training moves only the adapter; merge equals unmerged") {
    auto m = Model::create(tiny_config(), 3);
    std::vector<int32_t> seq = {1, 5, 6, 7, 8, 9};
    auto base = m->logits(seq);
    LoraSettings s;
    s.r = 4; s.alpha = 8; s.dropout = 0.0;
    m->attach_lora(s);
    CHECK(max_diff(base, m->logits(seq)) == 0.0);
    const Tensor w0 = net_of(*m)->model->layer_list[0]->self_attn->q_proj->weight.clone();
    TrainOptions o;
    o.lora = true; o.lr = 1e-2; o.epochs = 3; o.batch_size = 8;
    train_model(*m, samples(32, 2), o);
    CHECK(torch::equal(w0, net_of(*m)->model->layer_list[0]->self_attn->q_proj->weight));
    auto tuned = m->logits(seq);
    CHECK(max_diff(base, tuned) > 1e-3);
    m->merge_lora();
    CHECK(max_diff(tuned, m->logits(seq)) < 1e-5);
    m->unmerge_lora();
    CHECK(max_diff(tuned, m->logits(seq)) < 1e-5);
    m->detach_lora();
    CHECK(max_diff(base, m->logits(seq)) < 1e-5);
}

TEST_CASE("LoRA: PEFT files round trip to 1e-6 with PEFT's names and config fields") {
    auto m = Model::create(tiny_config(), 3);
    LoraSettings s;
    s.r = 4; s.alpha = 16; s.targets = {"q_proj", "v_proj", "down_proj"};
    TrainOptions o;
    o.lora = true; o.lora_settings = s; o.lr = 1e-2; o.epochs = 2; o.batch_size = 8;
    train_model(*m, samples(32, 2), o);
    const std::string dir = tmp("adapter");
    m->save_adapter(dir);
    auto cfg = nlohmann::json::parse(read_file_text(dir + "/adapter_config.json"));
    CHECK(cfg["peft_type"] == "LORA" && cfg["task_type"] == "CAUSAL_LM" && cfg["r"] == 4 && cfg["lora_alpha"] == 16.0);
    CHECK(cfg["target_modules"].size() == 3 && cfg["bias"] == "none");
    auto st = read_safetensors(dir + "/adapter_model.safetensors");
    CHECK(st.tensors.size() == 2 * 3 * 2);
    REQUIRE(st.tensors.count("base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight"));
    CHECK((st.tensors.at("base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight").shape == std::vector<int64_t>{4, 32}));
    CHECK((st.tensors.at("base_model.model.model.layers.1.mlp.down_proj.lora_B.weight").shape == std::vector<int64_t>{32, 4}));
    auto fresh = Model::create(tiny_config(), 3);
    fresh->load_adapter(dir);
    std::vector<int32_t> seq = {1, 9, 8, 7, 6};
    CHECK(max_diff(m->logits(seq), fresh->logits(seq)) < 1e-6);
    CHECK(fresh->lora_settings().r == 4);
    // A rank that does not fit the files is named in the error.
    cfg["r"] = 8;
    write_file_atomic(dir + "/adapter_config.json", cfg.dump());
    CHECK_THROWS_WITH(fresh->load_adapter(dir), "adapter_model.safetensors", "shape");
}

TEST_CASE("LoRA gradients agree with central finite differences") {
    auto m = Model::create(tiny_config(), 4);
    LoraSettings s;
    s.r = 2; s.alpha = 2; s.dropout = 0.0;
    m->attach_lora(s);
    auto & net = net_of(*m);
    auto & lin = net->model->layer_list[1]->mlp->up_proj;
    {
        torch::NoGradGuard ng;
        lin->lora_B.normal_(0.0, 0.1);   // away from B = 0, where A's gradient vanishes
    }
    net->fuse_for_inference(false);
    auto data = samples(4, 9);
    net->model->embed_tokens->weight.set_requires_grad(false);
    auto loss_of = [&]() {
        std::vector<double> v = answer_nll(*m, data, 4);
        double s = 0;
        for (double x : v) s += x;
        return s;
    };
    // Analytic gradient through the training code path: one LoRA step's loss.
    lin->lora_A.set_requires_grad(true);
    lin->lora_B.set_requires_grad(true);
    Tensor total = torch::zeros({}, torch::kFloat64);
    for (auto & smp : data) {
        const int64_t T = int64_t(smp.ids.size());
        Tensor ids = torch::tensor(std::vector<int64_t>(smp.ids.begin(), smp.ids.end())).view({1, T});
        Tensor pos = torch::arange(T).view({1, T});
        Tensor lg = net->logits(net->hidden(ids, pos, net->causal_bias(torch::ones({1, T}, torch::kBool), torch::kFloat32)));
        Tensor logp = lg.log_softmax(-1)[0];
        Tensor nll = torch::zeros({}, torch::kFloat64);
        int n = 0;
        for (int64_t p = 1; p < T; p++)
            if (smp.answer_mask[size_t(p)]) { nll = nll - logp[p - 1][smp.ids[size_t(p)]].to(torch::kFloat64); n++; }
        total = total + nll / double(n);
    }
    total.backward();
    Tensor gA = lin->lora_A.grad().clone(), gB = lin->lora_B.grad().clone();
    lin->lora_A.set_requires_grad(false);
    lin->lora_B.set_requires_grad(false);
    const float eps = 1e-2f;
    for (auto [t, g, idx] : {std::tuple<Tensor, Tensor, int64_t>{lin->lora_A, gA, 5}, {lin->lora_A, gA, 40},
                             {lin->lora_B, gB, 3}, {lin->lora_B, gB, 70}}) {
        torch::NoGradGuard ng;
        Tensor flat = t.view({-1});
        const float orig = flat[idx].item<float>();
        flat[idx] = orig + eps;
        const double up = loss_of();
        flat[idx] = orig - eps;
        const double down = loss_of();
        flat[idx] = orig;
        const double fd = (up - down) / (2 * eps), an = g.view({-1})[idx].item<double>();
        CHECK_MSG(std::fabs(fd - an) <= 2e-3 + 2e-2 * std::fabs(an), "fd " + std::to_string(fd) + " vs autograd " + std::to_string(an));
    }
}

RAPIDUN_TEST_MAIN()
