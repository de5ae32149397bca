// Our side of the influence comparison with the Python peer (../shared/peers/rapidin_way.py),
// run by bench/vs-peers.sh: the same rows, template, model, parameter set and sketch width, and
// the same work per row (per-sample gradient of the answer loss, sketched to K floats), timed the
// same way (warm-up rows untimed, then every row). Prints one JSON line.
//
// The rows, as the peer takes them: the release's forget_set_rapidin (40), retain_set_rapidin (120),
// then train_poisoned (Dolly) rows, the first --samples of that pool; RapidIn's Alpaca prompt
// without context; BOS + prompt + answer + EOS cut to --max-len 256. One difference: we encode
// prompt and answer apart (the answer mask is exact), the peer encodes them as one text; the mean
// token counts of both are printed.
// Parameter sets: "all" = every tensor the peer's model has (embedding, the 7 projections and 2 norms
// of every block, the final norm; tied head), "lora" = A and B of an r-8 adapter on the 7
// projections, "embed" = the (tied) embedding.
//
// usage: bench_peer_influence --set all|lora|embed [--samples 200] [--warmup 10] [--K 4096]
//        [--batch 8] [--threads 2] [--shared DIR]
#include "rapidun/data/records.h"
#include "rapidun/data/templates.h"
#include "rapidun/influence/influence.h"
#include "rapidun/model/model.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace rapidun;

namespace {

// RapidIn's template (the peer's PROMPT): no context, "### Response: " with a trailing space.
std::string rapidin_prompt(const std::string & instruction) {
    return "Below is an instruction that describes a task. Write a response that appropriately completes the request.\n\n"
           "### Instruction:\n" + instruction + "\n\n### Response: ";
}

std::vector<std::string> all_parameter_names(const ModelConfig & c) {
    std::vector<std::string> n{"model.embed_tokens.weight"};
    for (int64_t l = 0; l < c.n_layers; l++) {
        const std::string p = "model.layers." + std::to_string(l) + ".";
        for (const char * t : {"input_layernorm", "self_attn.q_proj", "self_attn.k_proj", "self_attn.v_proj", "self_attn.o_proj",
                               "post_attention_layernorm", "mlp.gate_proj", "mlp.up_proj", "mlp.down_proj"})
            n.push_back(p + t + ".weight");
    }
    n.push_back("model.norm.weight");
    if (!c.tie_embeddings) n.push_back("lm_head.weight");
    return n;
}

} // namespace

int main(int argc, char ** argv) {
    std::string set = "all", shared = RAPIDUN_SHARED_DIR_DEFAULT;
    int samples = 200, warmup = 10, batch = 8, threads = 2, max_len = 256;
    int64_t K = 4096;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--set") set = v;
        else if (k == "--samples") samples = std::stoi(v);
        else if (k == "--warmup") warmup = std::stoi(v);
        else if (k == "--K") K = std::stoll(v);
        else if (k == "--batch") batch = std::stoi(v);
        else if (k == "--threads") threads = std::stoi(v);
        else if (k == "--max-len") max_len = std::stoi(v);
        else if (k == "--shared") shared = v;
        else { std::fprintf(stderr, "bench_peer_influence: unknown option %s\n", k.c_str()); return 2; }
    }
    try {
        init_runtime(threads);
        const std::string models = shared + "/models/stories260K", data = shared + "/data/rapidun-release";
        ModelBundle mb = open_model(models + "/stories260K.bin", models + "/tok512.model");
        Model & model = *mb.model;
        InfluenceOptions o;
        o.K = K;
        o.batch_size = batch;
        if (set == "all") {
            o.params = ParamSet::Names;
            o.names = all_parameter_names(model.info().config);
        } else if (set == "lora") {
            o.params = ParamSet::Lora;
            LoraSettings ls;
            ls.r = 8;
            ls.alpha = 16;
            ls.dropout = 0;
            ls.seed = 42;
            model.attach_lora(ls);
        } else if (set == "embed") {
            o.params = ParamSet::Embed;
        } else {
            throw Error("--set must be all, lora or embed");
        }

        // The peer's pool, in its order.
        std::vector<std::pair<std::string, std::string>> pool;   // instruction, answer
        for (const auto & r : read_records(data + "/unlearn_packs/forget_set_rapidin.jsonl")) pool.emplace_back(r.instruction, r.response);
        for (const auto & r : read_records(data + "/unlearn_packs/retain_set_rapidin.jsonl")) pool.emplace_back(r.instruction, r.response);
        for (const auto & r : read_records(data + "/dolly_triggers_out/train_poisoned.jsonl")) pool.emplace_back(r.instruction, r.response);
        if (samples < 1 || size_t(samples) > pool.size()) throw Error("--samples must be 1.." + std::to_string(pool.size()));
        TokenizeOptions to;
        to.max_len = max_len;
        std::vector<TokenizedSample> rows;
        int64_t n_tok = 0;
        for (int i = 0; i < samples; i++) {
            rows.push_back(tokenize_sample(*mb.tokenizer, rapidin_prompt(pool[size_t(i)].first), pool[size_t(i)].second, to));
            n_tok += int64_t(rows.back().ids.size());
        }
        const RapidGradSketch sketch = make_sketch(model, o);
        const std::vector<TokenizedSample> warm(rows.begin(), rows.begin() + std::min<size_t>(size_t(warmup), rows.size()));
        if (!warm.empty()) sketch_gradients(model, warm, o, sketch);
        const auto t0 = std::chrono::steady_clock::now();
        const std::vector<float> out = sketch_gradients(model, rows, o, sketch);
        const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const nlohmann::json j = {{"set", set}, {"samples", samples}, {"mean_tokens", double(n_tok) / samples},
                                  {"D0", sketch.D0()}, {"K", sketch.K()}, {"batch", batch}, {"seconds", secs},
                                  {"samples_per_s", samples / secs}, {"runtime", runtime_summary()},
                                  {"sketch_floats", out.size()}};
        std::printf("%s\n", j.dump().c_str());
    } catch (const std::exception & e) {
        std::fprintf(stderr, "bench_peer_influence: %s\n", e.what());
        return 1;
    }
    return 0;
}
