// The Dolly lab's own base model (see DollyBaseOptions in rapidun/lab/lab.h): clean instruction
// text -> sentencepiece BPE -> a small Llama pretrained on that text, every token after BOS trained
// (as language-model pretraining does; answer-only loss teaches a model from scratch to read far
// more slowly). Built in "<dir>.partial" with training checkpoints, renamed into place when done.
#include "rapidun/lab/lab.h"

#include "lab/dolly_data.h"
#include "lab/lab_common.h"

#include "rapidun/data/prompt_format.h"
#include "rapidun/error.h"
#include "rapidun/eval/judge.h"
#include "rapidun/io/atomic_file.h"
#include "rapidun/model/model.h"
#include "rapidun/train/train.h"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace rapidun {

using nlohmann::json;
namespace fs = std::filesystem;
using lab_detail::since;

std::string default_dolly_base_dir() { return lab_detail::cache_dir("RAPIDUN_BASE_DIR", "dolly-base"); }
std::string default_dolly_lab_dir() { return lab_detail::cache_dir("RAPIDUN_DOLLY_LAB_DIR", "dolly-lab"); }

namespace {

struct BaseRecipe {
    int32_t vocab = 4096, dim = 192, layers = 4, heads = 6, kv_heads = 2, hidden = 512, max_len = 256;
    size_t  rows = 0;   // Alpaca rows used (0 = all)
    TrainOptions train;
};

// default: ~2.4M parameters (dim 192, 4 layers), the size the PyTorch measurement used;
// tiny: small enough for the test suite.
BaseRecipe base_recipe(const std::string & scale) {
    BaseRecipe r;
    r.train.lr = 3e-3;
    r.train.epochs = 1;
    r.train.batch_size = 32;
    r.train.warmup_ratio = 0.02;
    r.train.clip = 1.0;
    r.train.seed = 1;
    r.train.prompt_loss = true;
    r.train.bf16_autocast = true;
    r.train.length_buckets = true;   // pretraining rows vary 10-250 tokens: less padding
    if (scale == "tiny") {
        r.vocab = 1024; r.dim = 64; r.layers = 2; r.heads = 4; r.kv_heads = 2; r.hidden = 172; r.max_len = 128;
        r.rows = 3000;
        r.train.epochs = 2;
        r.train.lr = 5e-3;
    } else if (scale != "default") {
        throw Error("dolly base: unknown scale '" + scale + "' (expected tiny or default)");
    }
    return r;
}

void apply_overrides(BaseRecipe & r, const std::string & spec) {
    lab_detail::for_each_recipe_item(spec, "dolly base recipe", [&](const std::string & key, double v, const auto & i32) {
        if (key == "vocab") r.vocab = i32();
        else if (key == "dim") r.dim = i32();
        else if (key == "layers") r.layers = i32();
        else if (key == "heads") r.heads = i32();
        else if (key == "kv_heads") r.kv_heads = i32();
        else if (key == "hidden") r.hidden = i32();
        else if (key == "max_len") r.max_len = i32();
        else if (key == "lr") r.train.lr = v;
        else if (key == "epochs") r.train.epochs = i32();
        else if (key == "batch") r.train.batch_size = i32();
        else if (key == "warmup") r.train.warmup_ratio = v;
        else if (key == "rows") r.rows = v == 0 ? 0 : size_t(i32());
        else if (key == "bf16") r.train.bf16_autocast = v != 0;
        else return false;
        return true;
    });
    if (r.dim % r.heads || r.heads % r.kv_heads) throw Error("dolly base recipe: dim must divide into heads, heads into kv_heads");
}

json recipe_json(const BaseRecipe & r, const std::string & scale) {
    return {{"scale", scale}, {"vocab_size", r.vocab}, {"dim", r.dim}, {"n_layers", r.layers}, {"n_heads", r.heads},
            {"n_kv_heads", r.kv_heads}, {"hidden_dim", r.hidden}, {"max_len", r.max_len}, {"alpaca_rows", r.rows},
            {"optimizer", "AdamW"}, {"lr", r.train.lr}, {"epochs", r.train.epochs}, {"batch_size", r.train.batch_size},
            {"warmup_ratio", r.train.warmup_ratio}, {"schedule", "cosine"}, {"clip", r.train.clip},
            {"bf16_autocast", r.train.bf16_autocast}, {"seed", r.train.seed}, {"loss_tokens", "every token after BOS"},
            {"prompt_template", "plain"}, {"length_buckets", r.train.length_buckets}};
}

// FNV-1a of the recipe and the input files' sizes: the cache key.
std::string cache_key(const json & recipe, const std::vector<std::string> & files) {
    std::string text = recipe.dump();
    for (auto & f : files) text += "|" + f + ":" + std::to_string(fs::file_size(f));
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return std::string(buf, 10);
}

} // namespace

DollyBase build_dolly_base(const DollyBaseOptions & opt, const LabProgressFn & progress, const CancelToken * cancel) {
    if (opt.release.empty()) throw Error("dolly base: no release folder given");
    const std::string rel = fs::absolute(opt.release).lexically_normal().string();
    const std::string dt = rel + "/dolly_triggers_out/";
    for (const char * f : {"train_poisoned.jsonl", "test_clean.jsonl"})
        if (!file_exists(dt + f)) fail(dt + f, "", "no such file (--release names the RapidUn release's folder)");
    const std::string alpaca = opt.alpaca.empty() ? default_alpaca_path(rel) : opt.alpaca;
    if (alpaca.empty() || !file_exists(alpaca))
        throw Error("dolly base: no Alpaca data (" + (alpaca.empty() ? rel + "/../alpaca/alpaca_data.json.gz" : alpaca) +
                    " is missing); pass --alpaca FILE or --base MODEL");
    BaseRecipe rc = base_recipe(opt.scale);
    apply_overrides(rc, opt.recipe);
    const json recipe = recipe_json(rc, opt.scale);
    const std::string key = cache_key(recipe, {alpaca, dt + "train_poisoned.jsonl", dt + "test_clean.jsonl"});
    DollyBase out;
    out.dir = (opt.cache.empty() ? default_dolly_base_dir() : opt.cache) + "/" + opt.scale + "-" + key;
    out.model_dir = out.dir + "/model";
    if (file_exists(out.dir + "/base.json")) {
        out.cached = true;
        return out;
    }
    auto report = [&](const char * stage, double f, const std::string & msg) {
        if (progress) progress({stage, f, msg});
        if (cancel) cancel->throw_if_cancelled();
    };
    const auto t_all = std::chrono::steady_clock::now();
    const std::string tmp = out.dir + ".partial";   // kept between attempts: the build resumes
    if (file_exists(tmp + "/base.json")) {           // finished, killed before the rename
        fs::remove_all(out.dir);
        fs::rename(tmp, out.dir);
        return out;
    }
    make_directories(tmp + "/model");

    // 1. Text: Alpaca (all, or the recipe's first rows), the clean Dolly rows no lab holds out and
    //    the poisoned rows' clean twins.
    report("base-data", 0.0, "reading Alpaca and the release's clean Dolly rows");
    std::vector<Record> rows = read_records(alpaca);
    if (rc.rows && rows.size() > rc.rows) rows.resize(rc.rows);
    const size_t n_alpaca = rows.size();
    lab_detail::DollyPools pools = lab_detail::read_dolly_pools(rel);
    const size_t n_dolly_clean = rc.rows ? std::min(pools.clean_train.size(), rc.rows / 4) : pools.clean_train.size();
    rows.insert(rows.end(), pools.clean_train.begin(), pools.clean_train.begin() + std::ptrdiff_t(n_dolly_clean));
    size_t n_twins = 0;
    for (auto & r : pools.poisoned) {
        if (rc.rows && n_twins >= rc.rows / 4) break;
        Record c;
        if (lab_detail::clean_twin(r, c)) rows.push_back(std::move(c)), n_twins++;
    }

    // 2. Tokenizer (kept once written: a restart reuses it).
    const std::string tok_path = tmp + "/model/tokenizer.model";
    auto t0 = std::chrono::steady_clock::now();
    if (!file_exists(tok_path)) {
        report("base-tokenizer", 0.01, "training a " + std::to_string(rc.vocab) + "-piece sentencepiece BPE on " +
                                           std::to_string(rows.size()) + " rows");
        SentencepieceTrainOptions so;
        so.input_path = tmp + "/corpus.txt";
        so.model_prefix = tmp + "/spm";
        so.vocab_size = rc.vocab;
        so.split_digits = true;
        so.character_coverage = 0.9995;   // rare characters go to byte pieces, not to the vocabulary
        lab_detail::write_corpus(so.input_path, rows, PromptTemplate::Plain);
        train_sentencepiece(so);
        fs::remove(so.input_path);
        fs::remove(tmp + "/spm.vocab");
        fs::rename(tmp + "/spm.model", tok_path);   // the rename is the commit point
    }
    const double t_tok = since(t0);
    std::unique_ptr<Tokenizer> tok = load_sentencepiece(tok_path);

    // 3. Pretraining, resumable from its checkpoint.
    const ModelConfig cfg = lab_detail::small_llama(rc.dim, rc.layers, rc.heads, rc.kv_heads, rc.hidden, rc.max_len, *tok);
    TokenizeOptions to;
    to.max_len = rc.max_len;
    TokenizeReport trep;
    std::vector<TokenizedSample> samples = tokenize_records(*tok, rows, PromptTemplate::Plain, to, &trep);
    int64_t n_tokens = 0;
    for (auto & s : samples) n_tokens += int64_t(s.ids.size());
    std::unique_ptr<Model> model = Model::create(cfg, rc.train.seed);
    TrainOptions tr_opt = rc.train;
    tr_opt.checkpoint = tmp + "/checkpoint";
    tr_opt.checkpoint_seconds = opt.checkpoint_seconds;
    report("base-train", 0.05, std::to_string(samples.size()) + " rows, " + std::to_string(n_tokens) + " tokens, " +
                                   std::to_string(model->info().n_params) + " parameters");
    const TrainReport tr = train_model(*model, samples, tr_opt, [&](const TrainProgress & p) {
        if (p.step % 10 == 0 || p.step == p.total_steps)
            report("base-train", 0.05 + 0.94 * double(p.step) / double(p.total_steps),
                   "step " + std::to_string(p.step) + "/" + std::to_string(p.total_steps) + ", loss " +
                       std::to_string(p.loss).substr(0, 6) + ", ETA " + std::to_string(int(p.eta_seconds)) + " s");
    }, cancel);
    model->export_hf(tmp + "/model", tok_path);

    // The loss-vs-time curve, thinned to about 200 points (docs/dolly-lab.md plots it).
    json curve = json::array();
    const size_t every = std::max<size_t>(1, tr.loss_per_step.size() / 200);
    for (size_t i = 0; i < tr.loss_per_step.size(); i++)
        if (i % every == 0 || i + 1 == tr.loss_per_step.size())
            curve.push_back({i + 1, tr.seconds_per_step[i], tr.loss_per_step[i]});
    const json j = {{"recipe", recipe}, {"key", key}, {"n_params", model->info().n_params},
                    {"rows", {{"alpaca", n_alpaca}, {"dolly_clean", n_dolly_clean}, {"dolly_twins", n_twins}, {"total", rows.size()}}},
                    {"tokens", n_tokens}, {"truncated", trep.n_truncated}, {"sources", {{"alpaca", alpaca}, {"release", rel}}},
                    {"train", {{"seconds", tr.seconds}, {"steps", tr.steps}, {"final_loss", tr.final_loss},
                               {"resumed_at_step", tr.resumed_at_step}}},
                    {"seconds", {{"tokenizer", t_tok}, {"train", tr.seconds}, {"this_run", since(t_all)}}},
                    {"loss_curve", {{"columns", {"step", "seconds", "loss"}}, {"points", curve}}}};
    write_file_atomic(tmp + "/base.json", j.dump(1) + "\n");
    fs::remove_all(tmp + "/checkpoint");
    fs::remove_all(out.dir);
    fs::rename(tmp, out.dir);
    report("base-done", 1.0, "base ready: " + out.dir);
    return out;
}

} // namespace rapidun
