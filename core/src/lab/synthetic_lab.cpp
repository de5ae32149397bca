// The synthetic lab: generated data -> sentencepiece tokenizer -> a small Llama trained from scratch
// on the poisoned train set -> evaluation -> (optionally) the clean-retraining reference time.
#include "rapidun/lab/lab.h"

#include "lab/lab_common.h"

#include "rapidun/data/prompt_format.h"
#include "rapidun/data/templates.h"
#include "rapidun/error.h"
#include "rapidun/eval/eval.h"
#include "rapidun/io/atomic_file.h"
#include "rapidun/lab/synthetic.h"
#include "rapidun/model/model.h"
#include "rapidun/train/train.h"
#include "rapidun/data/records.h"
#include "rapidun/text/tokenizer.h"
#include "rapidun/workspace/lock.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>

namespace rapidun {

using nlohmann::json;
namespace fs = std::filesystem;
using lab_detail::since;

std::string lab_detail::cache_dir(const char * env, const std::string & name) {
    if (const char * d = std::getenv(env)) return d;
    std::string base;
    if (const char * x = std::getenv("XDG_CACHE_HOME")) base = x;
    else if (const char * h = std::getenv("HOME")) base = std::string(h) + "/.cache";
    else base = "/tmp";
    return base + "/rapidun/" + name;
}

std::string default_synthetic_lab_dir() { return lab_detail::cache_dir("RAPIDUN_LAB_DIR", "synthetic-lab"); }

namespace {

// The model and recipe of each scale. Default: a 0.9M-parameter Llama (dim 128, 4 layers), the size
// the Python reference used; tiny: small enough for the test suite's time budget.
struct Recipe {
    int32_t vocab = 1024, dim = 128, layers = 4, heads = 4, kv_heads = 2, hidden = 344, max_len = 96;
    TrainOptions train;
};

Recipe recipe_for(const std::string & scale, uint64_t seed) {
    Recipe r;
    r.train.lr           = 3e-3;
    r.train.epochs       = 8;        // 6 left exact match at 0.905, 8 gave 0.92 (seed 1234)
    r.train.batch_size   = 32;
    r.train.warmup_ratio = 0.05;
    r.train.clip         = 1.0;
    r.train.seed         = seed;
    r.train.bf16_autocast = true;   // 1.45x faster steps on this CPU (AVX512-BF16), fp32 master weights
    if (scale == "tiny") {
        r.vocab = 512; r.dim = 64; r.layers = 2; r.heads = 4; r.kv_heads = 2; r.hidden = 172;
        // 24 epochs at 5e-3: the backdoor takes (seen ASR 0.65) in ~40 s, enough for the tests'
        // influence ranking to find the poison; 12 at 3e-3 left seen ASR at 0.28.
        r.train.epochs = 24; r.train.batch_size = 16; r.train.lr = 5e-3;
    }
    return r;
}

// Applies SyntheticLabOptions::recipe ("lr=1e-3,epochs=8") to a scale's recipe.
void apply_overrides(Recipe & r, const std::string & spec) {
    lab_detail::for_each_recipe_item(spec, "synthetic lab recipe", [&](const std::string & key, double v, const auto & i32) {
        if (key == "lr") r.train.lr = v;
        else if (key == "epochs") r.train.epochs = i32();
        else if (key == "batch") r.train.batch_size = i32();
        else if (key == "warmup") r.train.warmup_ratio = v;
        else if (key == "dim") r.dim = i32();
        else if (key == "layers") r.layers = i32();
        else if (key == "heads") r.heads = i32();
        else if (key == "kv_heads") r.kv_heads = i32();
        else if (key == "hidden") r.hidden = i32();
        else if (key == "vocab") r.vocab = i32();
        else if (key == "prompt_loss") r.train.prompt_loss = v != 0;
        else if (key == "per_sample_mean") r.train.per_sample_mean = v != 0;
        else if (key == "bf16") r.train.bf16_autocast = v != 0;
        else return false;
        return true;
    });
    if (r.dim % r.heads || r.heads % r.kv_heads) throw Error("synthetic lab recipe: dim must divide into heads, heads into kv_heads");
}

json recipe_json(const Recipe & r) {
    return {{"vocab_size", r.vocab}, {"dim", r.dim}, {"n_layers", r.layers}, {"n_heads", r.heads},
            {"n_kv_heads", r.kv_heads}, {"hidden_dim", r.hidden}, {"max_len", r.max_len},
            {"optimizer", "AdamW"}, {"lr", r.train.lr}, {"weight_decay", r.train.weight_decay},
            {"epochs", r.train.epochs}, {"batch_size", r.train.batch_size}, {"warmup_ratio", r.train.warmup_ratio},
            {"schedule", "cosine"}, {"clip", r.train.clip}, {"bf16_autocast", r.train.bf16_autocast},
            {"loss_reduction", r.train.per_sample_mean ? "mean over samples of per-sample answer CE" : "mean over answer tokens"}, {"seed", r.train.seed},
            {"loss_tokens", r.train.prompt_loss ? "prompt and answer" : "answer only"},
            {"prompt_template", "plain"}};
}

// The recipe recipe_json wrote (the reference's recipe must be the build's own, overrides included).
Recipe recipe_from_json(const json & j, const std::string & where) {
    try {
        Recipe r;
        r.vocab = j.at("vocab_size").get<int32_t>();
        r.dim = j.at("dim").get<int32_t>();
        r.layers = j.at("n_layers").get<int32_t>();
        r.heads = j.at("n_heads").get<int32_t>();
        r.kv_heads = j.at("n_kv_heads").get<int32_t>();
        r.hidden = j.at("hidden_dim").get<int32_t>();
        r.max_len = j.at("max_len").get<int32_t>();
        r.train.lr = j.at("lr").get<double>();
        r.train.weight_decay = j.at("weight_decay").get<double>();
        r.train.epochs = j.at("epochs").get<int32_t>();
        r.train.batch_size = j.at("batch_size").get<int32_t>();
        r.train.warmup_ratio = j.at("warmup_ratio").get<double>();
        r.train.clip = j.at("clip").get<double>();
        r.train.bf16_autocast = j.at("bf16_autocast").get<bool>();
        r.train.seed = j.at("seed").get<uint64_t>();
        r.train.per_sample_mean = j.at("loss_reduction").get<std::string>().rfind("mean over samples", 0) == 0;
        r.train.prompt_loss = j.at("loss_tokens").get<std::string>() == "prompt and answer";
        return r;
    } catch (const json::exception & e) {
        throw Error(where + ": lab.recipe: " + e.what());
    }
}

// Trains the recipe on the clean train rows, timed: the efficiency ratio's numerator.
json retrain_reference(const Recipe & rc, const std::vector<Record> & train, const Tokenizer & tok,
                       const std::function<void(const TrainProgress &)> & progress, const CancelToken * cancel) {
    std::vector<Record> clean;
    for (auto & r : train)
        if (!r.is_poisoned) clean.push_back(r);
    TokenizeOptions to;
    to.max_len = rc.max_len;
    const std::vector<TokenizedSample> clean_s = tokenize_records(tok, clean, PromptTemplate::Plain, to);
    const ModelConfig cfg = lab_detail::small_llama(rc.dim, rc.layers, rc.heads, rc.kv_heads, rc.hidden, rc.max_len, tok);
    std::unique_ptr<Model> ref = Model::create(cfg, rc.train.seed);
    const TrainReport rr = train_model(*ref, clean_s, rc.train, progress, cancel);
    return {{"seconds", rr.seconds}, {"steps", rr.steps}, {"n_samples", rr.n_samples}, {"final_loss", rr.final_loss}};
}

} // namespace

Workspace lab_detail::commit_lab(const Workspace & w, const std::string & out) {
    w.save();
    fs::remove_all(out);
    fs::rename(w.dir, out);
    return Workspace::load(out);
}

void lab_detail::write_corpus(const std::string & path, const std::vector<Record> & rows, PromptTemplate t) {
    std::string text;
    for (auto & r : rows) {
        std::string line = format_prompt(t, r.instruction, r.context) + " " + r.response;
        for (char & c : line)
            if (c == '\n') c = ' ';
        text += line + "\n";
    }
    write_file_atomic(path, text);
}

void lab_detail::for_each_recipe_item(const std::string & spec, const std::string & what, const RecipeItemFn & apply) {
    size_t pos = 0;
    while (pos < spec.size()) {
        size_t end = spec.find(',', pos);
        if (end == std::string::npos) end = spec.size();
        const std::string item = spec.substr(pos, end - pos);
        pos = end + 1;
        if (item.empty()) continue;
        const size_t eq = item.find('=');
        if (eq == std::string::npos) throw Error(what + ": '" + item + "' is not key=value");
        const std::string key = item.substr(0, eq), val = item.substr(eq + 1);
        double v = 0;
        try { size_t used = 0; v = std::stod(val, &used); if (used != val.size()) throw 0; }
        catch (...) { throw Error(what + ": value of '" + key + "' is not a number: '" + val + "'"); }
        const std::function<int32_t()> i32 = [&] {
            if (v < 1 || v != std::floor(v)) throw Error(what + ": " + key + " must be a positive integer");
            return static_cast<int32_t>(v);
        };
        if (!apply(key, v, i32)) throw Error(what + ": unknown key '" + key + "'");
    }
}

ModelConfig lab_detail::small_llama(int32_t dim, int32_t layers, int32_t heads, int32_t kv_heads, int32_t hidden,
                                    int32_t max_len, const Tokenizer & tok) {
    ModelConfig cfg;
    cfg.dim = dim; cfg.n_layers = layers; cfg.n_heads = heads; cfg.n_kv_heads = kv_heads;
    cfg.head_dim = dim / heads; cfg.hidden_dim = hidden; cfg.vocab_size = tok.vocab_size();
    cfg.max_seq_len = 2 * max_len; cfg.tie_embeddings = true; cfg.bos_id = tok.bos_id(); cfg.eos_id = tok.eos_id();
    return cfg;
}

double lab_detail::since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

Workspace build_synthetic_lab(const SyntheticLabOptions & opt, const LabProgressFn & progress, const CancelToken * cancel) {
    if (opt.out.empty()) throw Error("synthetic lab: no output folder given");
    const std::string out = fs::absolute(opt.out).lexically_normal().string();
    if (file_exists(out + "/workspace.json") && !opt.force) return Workspace::load(out);
    const SyntheticScale scale = synthetic_scale(opt.scale);
    Recipe rc = recipe_for(opt.scale, opt.seed);
    apply_overrides(rc, opt.recipe);
    auto report = [&](const char * stage, double f, const std::string & msg) {
        if (progress) progress({stage, f, msg});
        if (cancel) cancel->throw_if_cancelled();
    };
    const auto t_all = std::chrono::steady_clock::now();
    const std::string tmp = out + ".partial";
    fs::remove_all(tmp);
    make_directories(tmp + "/data");
    make_directories(tmp + "/model");

    // 1. Data.
    report("data", 0.0, "generating " + opt.scale + " data (seed " + std::to_string(opt.seed) + ")");
    auto t0 = std::chrono::steady_clock::now();
    SyntheticData d = generate_synthetic_data(scale, opt.seed);
    Workspace w;
    w.dir = tmp;
    w.name = "Synthetic backdoor lab (" + opt.scale + ")";
    w.kind = "synthetic";
    w.model = "model";
    w.tokenizer = "model/tokenizer.model";
    w.detector = "keywords.txt";
    w.prompt_template = "plain";
    w.max_len = rc.max_len;
    w.max_new_tokens = 48;
    const std::pair<const char *, const std::vector<Record> *> sets[] = {
        {"train", &d.train}, {"val_clean", &d.val_clean}, {"test_clean", &d.test_clean},
        {"test_seen_trig", &d.test_seen_trig}, {"test_ood_trig", &d.test_ood_trig}, {"forget", &d.forget},
        {"retain", &d.retain}};
    for (auto & [role, rows] : sets) {
        write_records_jsonl(tmp + "/data/" + role + ".jsonl", *rows);
        w.datasets[role] = std::string("data/") + role + ".jsonl";
    }
    std::string kw = "# poison keywords of the synthetic lab's sci-fi grammar (one per line)\n";
    for (auto & k : d.poison_keywords) kw += k + "\n";
    write_file_atomic(tmp + "/keywords.txt", kw);
    const double t_data = since(t0);

    // 2. Tokenizer, trained on the train rows only (OOD triggers stay unseen, as in the real setting).
    report("tokenizer", 0.03, "training a " + std::to_string(rc.vocab) + "-piece sentencepiece BPE");
    t0 = std::chrono::steady_clock::now();
    SentencepieceTrainOptions so;
    so.input_path   = tmp + "/model/corpus.txt";
    so.model_prefix = tmp + "/model/tokenizer";
    so.vocab_size   = rc.vocab;
    so.split_digits = true;   // digits one by one: arithmetic and comparisons generalise, as with Llama's tokenizer
    lab_detail::write_corpus(so.input_path, d.train, PromptTemplate::Plain);
    train_sentencepiece(so);
    fs::remove(so.input_path);
    std::unique_ptr<Tokenizer> tok = load_sentencepiece(tmp + "/model/tokenizer.model");
    const double t_tok = since(t0);

    // 3. The model to repair: trained from scratch on the poisoned train set.
    const ModelConfig cfg = lab_detail::small_llama(rc.dim, rc.layers, rc.heads, rc.kv_heads, rc.hidden, rc.max_len, *tok);
    TokenizeOptions to;
    to.max_len = rc.max_len;
    TokenizeReport trep;
    std::vector<TokenizedSample> train = tokenize_records(*tok, d.train, PromptTemplate::Plain, to, &trep);
    std::unique_ptr<Model> model = Model::create(cfg, opt.seed);
    auto train_progress = [&](double f0, double f1, const char * stage) {
        return [&, f0, f1, stage](const TrainProgress & p) {
            if (p.step % 20 == 0 || p.step == p.total_steps)
                report(stage, f0 + (f1 - f0) * double(p.step) / double(p.total_steps),
                       "step " + std::to_string(p.step) + "/" + std::to_string(p.total_steps) + ", loss " +
                           std::to_string(p.loss).substr(0, 6) + ", ETA " + std::to_string(int(p.eta_seconds)) + " s");
        };
    };
    const double span = opt.retrain_reference ? 0.42 : 0.8;
    TrainReport tr = train_model(*model, train, rc.train, train_progress(0.05, 0.05 + span, "train"), cancel);
    model->export_hf(tmp + "/model");

    // 4. Evaluate the backdoored model.
    report("evaluate", 0.05 + span, "evaluating seen / OOD / clean test prompts");
    t0 = std::chrono::steady_clock::now();
    EvalOptions eo;
    eo.prompt_template = PromptTemplate::Plain;
    eo.max_len = rc.max_len;
    eo.max_new_tokens = w.max_new_tokens;
    EvalReport ev = evaluate(*model, *tok, {d.test_seen_trig, d.test_ood_trig, d.test_clean},
                             Detector::load(tmp + "/keywords.txt"), eo);
    const double t_eval = since(t0);
    write_file_atomic(tmp + "/eval_before.json", ev.to_json(true) + "\n");

    // 5. The retraining reference: the same recipe on the clean rows only (for the efficiency ratio).
    json retrain = nullptr;
    if (opt.retrain_reference) retrain = retrain_reference(rc, d.train, *tok, train_progress(0.55, 0.98, "retrain-reference"), cancel);

    json lab = {{"seed", opt.seed}, {"scale", opt.scale}, {"recipe", recipe_json(rc)},
                {"n_params", model->info().n_params},
                {"n_rows", {{"train", d.train.size()}, {"val_clean", d.val_clean.size()}, {"test_clean", d.test_clean.size()},
                            {"test_seen_trig", d.test_seen_trig.size()}, {"test_ood_trig", d.test_ood_trig.size()},
                            {"forget", d.forget.size()}, {"retain", d.retain.size()}}},
                {"tokenize", {{"n_samples", trep.n_samples}, {"n_truncated", trep.n_truncated}, {"n_empty_answer", trep.n_empty_answer}}},
                {"train", {{"seconds", tr.seconds}, {"steps", tr.steps}, {"final_loss", tr.final_loss}}},
                {"retrain_clean", retrain},
                {"seconds", {{"data", t_data}, {"tokenizer", t_tok}, {"train", tr.seconds}, {"evaluate", t_eval},
                             {"retrain_clean", retrain.is_null() ? json(nullptr) : retrain["seconds"]}, {"total", since(t_all)}}},
                {"metrics_before", json::parse(ev.to_json(false))}};
    w.lab_json = lab.dump();
    report("done", 1.0, "lab ready in " + std::to_string(int(since(t_all))) + " s");
    return lab_detail::commit_lab(w, out);
}

bool measure_synthetic_retrain_reference(const std::string & workspace_dir, const LabProgressFn & progress,
                                         const CancelToken * cancel) {
    const WorkspaceLock lock(workspace_dir, "measuring the retraining reference");
    Workspace w = Workspace::load(workspace_dir);
    json lab = json::parse(w.lab_json);
    if (lab.value("retrain_clean", json(nullptr)).is_object()) return false;
    if (w.kind != "synthetic") throw Error(w.dir + "/workspace.json: the retraining reference is measured afterwards for "
                                          "synthetic labs only (this is a '" + w.kind + "' workspace)");
    const std::string where = w.dir + "/workspace.json";
    const Recipe rc = recipe_from_json(lab.value("recipe", json::object()), where);
    const std::unique_ptr<Tokenizer> tok = load_tokenizer(w.resolve(w.tokenizer));
    const json retrain = retrain_reference(rc, read_records(w.dataset("train")), *tok, [&](const TrainProgress & p) {
        if (progress && (p.step % 20 == 0 || p.step == p.total_steps))
            progress({"retrain-reference", double(p.step) / double(std::max<int64_t>(1, p.total_steps)),
                      "step " + std::to_string(p.step) + "/" + std::to_string(p.total_steps) + ", ETA " +
                          std::to_string(int(p.eta_seconds)) + " s"});
        if (cancel) cancel->throw_if_cancelled();
    }, cancel);
    lab["retrain_clean"] = retrain;
    lab["retrain_clean"]["measured"] = "after the build";
    if (lab.contains("seconds") && lab["seconds"].is_object()) lab["seconds"]["retrain_clean"] = retrain["seconds"];
    w = Workspace::load(workspace_dir);   // anything saved meanwhile (the studio's curation) kept
    w.lab_json = lab.dump();
    w.save();
    return true;
}

} // namespace rapidun
