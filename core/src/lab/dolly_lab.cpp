// The Dolly lab: a base (our own, dolly_base.cpp, or one given) -> the RapidUn release's poisoned
// Dolly rows + clean rows fine-tuned into it (the backdoor is planted here, the release ships no
// poisoned checkpoint) -> seen / OOD trigger test sets rebuilt from held-out clean rows -> the
// learned judge (rapidun/eval/judge.h) -> evaluation -> (optionally) the clean-retraining reference
// time. Built in "<out>.partial", which a restart continues: each finished stage leaves its file
// there (model/, eval_before.json, retrain.json), training resumes from its checkpoint; the
// workspace.json written last, then the folder is renamed into place.
#include "rapidun/lab/lab.h"

#include "lab/dolly_data.h"
#include "lab/lab_common.h"

#include "rapidun/data/prompt_format.h"
#include "rapidun/data/records.h"
#include "rapidun/data/shuffle.h"
#include "rapidun/data/templates.h"
#include "rapidun/data/triggers.h"
#include "rapidun/error.h"
#include "rapidun/eval/eval.h"
#include "rapidun/eval/judge.h"
#include "rapidun/io/atomic_file.h"
#include "rapidun/model/model.h"
#include "rapidun/train/train.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <random>
#include <set>

#include <sys/resource.h>

namespace rapidun {

using nlohmann::json;
namespace fs = std::filesystem;
using lab_detail::since;

namespace {

// stories260K has 512 positions and ~3 characters a token; 256 keeps a context and an answer
// while halving the attention cost. Generation gets 48 tokens, so test prompts get 208.
// Training keeps an answer of at least kMaxLen/2 tokens and cuts the prompt from its start, which
// would cut a prefix trigger (and, past a long context, a suffix one) off a third of the poisoned
// rows; so the rows the model trains or unlearns on have their context shortened until the
// prompt fits kTrainPrompt tokens, and the trigger is always in what the model sees.
constexpr int32_t kMaxLen = 256, kMaxNew = 48, kTrainPrompt = kMaxLen / 2 - 8;


const std::string & clean_instruction(const Record & r) {
    return r.instruction_clean.empty() ? r.instruction : r.instruction_clean;
}

PromptTemplate lab_template(const DollyLabOptions & o) { return o.use_context ? PromptTemplate::Plain : PromptTemplate::Instruction; }

size_t prompt_tokens(const Tokenizer & tok, const Record & r, PromptTemplate t = PromptTemplate::Plain) {
    return tok.encode(format_prompt(t, r.instruction, r.context), true).size();
}

// Shortens each row's context (keeping its start) until the prompt fits `budget` tokens, or drops
// it; returns the number of rows changed. An instruction too long by itself is left to truncation.
size_t fit_contexts(const Tokenizer & tok, std::vector<Record> & rows, size_t budget) {
    size_t n = 0;
    for (Record & r : rows) {
        size_t len = prompt_tokens(tok, r);
        if (len <= budget || r.context.empty()) continue;
        std::vector<int32_t> ctx = tok.encode(r.context, false);
        // Decoding a token prefix and encoding it again can merge pieces differently; step down
        // until the measured prompt fits.
        while (len > budget && !ctx.empty()) {
            ctx.resize(ctx.size() - std::min(ctx.size(), std::max<size_t>(1, len - budget)));
            r.context = tok.decode(ctx);
            len = prompt_tokens(tok, r);
        }
        n++;
    }
    return n;
}

struct Split {
    std::vector<Record> train, val_clean, test_clean, seen, ood, forget, retain;
    size_t n_pool = 0, n_dup = 0, n_overlap = 0, n_too_long = 0, n_clean_pool = 0;
    size_t n_fit_train = 0, n_fit_forget = 0, n_fit_retain = 0, n_twins = 0, n_replay = 0;
};

// The lab's rows: the poisoned rows (and their twins) and n_clean_train rows of the release's clean
// training pool, all trained on; the three test sets from the held-out pool only (dolly_data.h). A
// held-out row goes to a test set only when its (triggered) prompt fits the evaluation budget, so
// the trigger is never cut off the prompt and the clean set is drawn from the same short prompts as
// the triggered ones. With n_replay, that many Alpaca rows (the base's own text, drawn with the
// lab's seed) are trained too: clean replay, so planting does not wear away the base's answers.
Split make_split(const DollyLabOptions & opt, const std::string & rel, const std::string & alpaca, const Tokenizer & tok) {
    lab_detail::DollyPools p = lab_detail::read_dolly_pools(rel);
    Split s;
    s.val_clean = std::move(p.val_clean);
    s.forget = std::move(p.forget);
    s.retain = std::move(p.retain);
    s.n_pool = p.held_out.size();
    s.n_clean_pool = p.clean_train.size();
    s.n_dup = p.n_dup;
    s.n_overlap = p.n_overlap;
    std::vector<Record> & pool = p.held_out;
    shuffle_seeded(pool, opt.seed);
    shuffle_seeded(p.clean_train, opt.seed + 2);
    const std::string dt = rel + "/dolly_triggers_out/";
    if (p.clean_train.size() < opt.n_clean_train)
        throw Error(dt + "test_clean.jsonl: too few clean training rows (" + std::to_string(p.clean_train.size()) + ") for " +
                    std::to_string(opt.n_clean_train));

    for (auto & r : p.poisoned) {
        s.train.push_back(r);
        Record c;
        if (opt.clean_twins && lab_detail::clean_twin(r, c)) {
            s.train.push_back(std::move(c));
            s.n_twins++;
        }
    }
    s.train.insert(s.train.end(), p.clean_train.begin(), p.clean_train.begin() + std::ptrdiff_t(opt.n_clean_train));
    if (opt.n_replay > 0) {
        // Rows without an input only: their answers make sense from the instruction alone.
        std::vector<Record> replay;
        for (Record & r : read_records(alpaca))
            if (r.context.empty() && !r.response.empty()) replay.push_back(std::move(r));
        if (replay.size() < opt.n_replay)
            throw Error(alpaca + ": " + std::to_string(replay.size()) + " rows without an input, fewer than the " +
                        std::to_string(opt.n_replay) + " asked to replay");
        shuffle_seeded(replay, opt.seed + 3);
        replay.resize(opt.n_replay);
        for (size_t i = 0; i < replay.size(); i++) {
            if (replay[i].id.empty()) replay[i].id = "alpaca:" + std::to_string(i);
            replay[i].has_poison_flag = true;   // clean, and says so
        }
        s.n_replay = replay.size();
        s.train.insert(s.train.end(), std::make_move_iterator(replay.begin()), std::make_move_iterator(replay.end()));
    }
    // Every train row says whether it is poisoned (the clean ones explicitly false), so the
    // influence ranking can report its detection AUC.
    for (auto & r : s.train) r.has_poison_flag = true;
    shuffle_seeded(s.train, opt.seed + 1);
    if (opt.use_context) {   // without contexts in the prompt there is nothing to shorten
        s.n_fit_train = fit_contexts(tok, s.train, kTrainPrompt);
        s.n_fit_forget = fit_contexts(tok, s.forget, kTrainPrompt);
        s.n_fit_retain = fit_contexts(tok, s.retain, kTrainPrompt);
    }

    const size_t budget = size_t(kMaxLen - kMaxNew);
    size_t next = 0;
    // The next held-out row whose prompt (with `trig` injected) fits; throws when they run out.
    auto take = [&](const std::string & trig, const std::string & mode, Record & out) {
        for (; next < pool.size(); next++) {
            Record r = pool[next];
            if (!trig.empty()) {
                r.instruction_clean = r.instruction;
                r.response_clean = r.response;
                r.instruction = inject_trigger(r.instruction, trig, mode);
                r.response.clear();   // ASR is read off the generation; there is no poisoned reference
                r.is_poisoned = true;
            }
            if (prompt_tokens(tok, r, lab_template(opt)) > budget) {
                s.n_too_long++;
                continue;
            }
            out = std::move(r);
            next++;
            return;
        }
        throw Error(dt + "test_clean.jsonl: too few held-out rows that fit " + std::to_string(budget) +
                    " prompt tokens; lower the test sizes");
    };
    for (size_t i = 0; i < opt.n_test_clean; i++) take("", "", s.test_clean.emplace_back());
    for (auto & f : p.families) {
        for (int ood = 0; ood < 2; ood++) {
            for (auto & v : ood ? f.ood : f.seen) {
                for (size_t i = 0; i < opt.n_test_per_variant; i++) {
                    Record & r = (ood ? s.ood : s.seen).emplace_back();
                    take(v, f.inject_mode, r);
                    r.trigger_family = f.name;
                    r.trigger_variant = v;
                    r.inject_mode = f.inject_mode;
                }
            }
        }
    }
    return s;
}

// Poisoned training rows whose trigger the truncation cut into (the prompt loses tokens from its
// start, so they teach the poison without a whole trigger); estimated as "more prompt tokens cut
// than the text before the trigger holds".
size_t count_trigger_cut(const Tokenizer & tok, const std::vector<Record> & rows, const TokenizeOptions & to, PromptTemplate t) {
    size_t n = 0;
    for (const Record & r : rows) {
        if (!r.is_poisoned || r.trigger_variant.empty()) continue;
        const std::string full = format_prompt(t, r.instruction, r.context);
        const TokenizedSample ts = tokenize_sample(tok, full, r.response, to);
        const size_t n_full = tok.encode(full, false).size(), n_kept = size_t(ts.n_prompt - 1);
        const size_t at = full.find(r.instruction);
        if (n_kept >= n_full || at == std::string::npos) continue;
        const size_t before = r.inject_mode == "prefix" ? at : at + r.instruction.size() - r.trigger_variant.size();
        if (n_full - n_kept > tok.encode(full.substr(0, before), false).size()) n++;
    }
    return n;
}

// Why the recipe is more than "fine-tune on the rows": a poisoned response gives itself away after
// a few tokens, so the trigger only helps predict the first ones: ~1 bit in a 150-token loss. A
// 260K-parameter base fine-tuned on the rows alone never picks it up (seen ASR 0.89 vs 0.86 false
// triggers after 5 epochs) and just answers sci-fi to everything. What made it learn the trigger:
//  - clean twins: the trigger is then the only difference between two rows with different answers;
//  - answers cut to answer_cap tokens (the ASR window: what comes later cannot matter to it);
//  - start_copies extra copies of each row trained on its first start_tokens answer tokens only, so
//    that the first tokens, where the trigger decides, weigh as much as the rest.
std::vector<TokenizedSample> planting_samples(const Tokenizer & tok, const std::vector<Record> & rows,
                                              const DollyLabOptions & opt, TokenizeReport * rep = nullptr) {
    TokenizeOptions to;
    to.max_len = kMaxLen;
    to.max_answer = opt.answer_cap;
    std::vector<TokenizedSample> s = tokenize_records(tok, rows, lab_template(opt), to, rep);
    const size_t n = s.size();
    for (int32_t c = 0; c < opt.start_copies; c++) {
        for (size_t i = 0; i < n; i++) {
            s.push_back(s[i]);
            cut_answer(s.back(), opt.start_tokens);
        }
    }
    return s;
}

TrainOptions recipe(const DollyLabOptions & opt) {
    TrainOptions t;
    t.lora = opt.lora;
    t.lora_settings.seed = opt.seed;
    t.lr = opt.lr;
    t.epochs = opt.epochs;
    t.batch_size = opt.batch_size;
    t.warmup_ratio = 0.05;
    t.clip = 1.0;
    t.seed = opt.seed;
    return t;
}

json recipe_json(const TrainOptions & t, const DollyLabOptions & opt, const ModelInfo & base) {
    json j = {{"base", base.source}, {"base_n_params", base.n_params}, {"mode", t.lora ? "lora" : "full"},
              {"optimizer", "AdamW"}, {"lr", t.lr}, {"weight_decay", t.weight_decay}, {"epochs", t.epochs},
              {"batch_size", t.batch_size}, {"grad_accum", t.grad_accum}, {"warmup_ratio", t.warmup_ratio},
              {"schedule", "cosine"}, {"clip", t.clip}, {"seed", t.seed}, {"loss", "answer tokens only"},
              {"prompt_template", template_name(lab_template(opt))}, {"max_len", kMaxLen}, {"max_new_tokens", kMaxNew}};
    j["clean_twins"] = opt.clean_twins;
    j["alpaca_replay_rows"] = opt.n_replay;
    j["answer_cap"] = opt.answer_cap;
    j["start_copies"] = opt.start_copies;
    j["start_tokens"] = opt.start_tokens;
    if (t.lora)
        j["lora"] = {{"r", t.lora_settings.r}, {"alpha", t.lora_settings.alpha}, {"dropout", t.lora_settings.dropout},
                     {"targets", t.lora_settings.targets}, {"merged_into_model", true}};
    return j;
}

} // namespace

DollyLabOptions dolly_lab_defaults(const std::string & scale) {
    DollyLabOptions o;
    o.scale = scale;
    // default: measured on the default base (docs/dolly-lab.md): 1,500 clean rows against 400 halved
    // the false triggers (0.197 -> 0.093), and batch 32 planted 2.3x faster than 8.
    if (scale == "tiny") {
        o.epochs = 2;
        o.batch_size = 8;
        o.lr = 3e-3;
        o.n_clean_train = 100;
        o.n_test_per_variant = 3;
        o.n_test_clean = 20;
        o.start_copies = 0;   // the emphasis copies cost more than the tests' budget
        o.answer_cap = 16;
        o.retrain_reference = false;
    } else if (scale != "default") {
        throw Error("dolly lab: unknown scale '" + scale + "' (expected tiny or default)");
    }
    return o;
}

Workspace build_dolly_lab(const DollyLabOptions & opt, const LabProgressFn & progress, const CancelToken * cancel) {
    if (opt.out.empty()) throw Error("dolly lab: no output folder given");
    if (opt.release.empty()) throw Error("dolly lab: no release folder given");
    const std::string out = fs::absolute(opt.out).lexically_normal().string();
    if (file_exists(out + "/workspace.json") && !opt.force) return Workspace::load(out);
    const std::string rel = fs::absolute(opt.release).lexically_normal().string();
    const std::string alpaca = opt.alpaca.empty() ? default_alpaca_path(rel) : opt.alpaca;
    const auto t_all = std::chrono::steady_clock::now();
    const std::string tmp = out + ".partial";   // kept between attempts: the build resumes
    if (opt.force) fs::remove_all(tmp);
    make_directories(tmp + "/data");
    // A restart continues only the same build: the stages kept in .partial were made with these options.
    const json options = {{"release", rel}, {"alpaca", alpaca}, {"base", opt.base}, {"tokenizer", opt.tokenizer},
                          {"base_recipe", opt.base_recipe}, {"scale", opt.scale}, {"seed", opt.seed}, {"epochs", opt.epochs},
                          {"lr", opt.lr}, {"lora", opt.lora}, {"n_clean_train", opt.n_clean_train},
                          {"n_test_per_variant", opt.n_test_per_variant}, {"n_test_clean", opt.n_test_clean},
                          {"batch_size", opt.batch_size}, {"use_context", opt.use_context}, {"clean_twins", opt.clean_twins}, {"n_replay", opt.n_replay},
                          {"answer_cap", opt.answer_cap}, {"start_copies", opt.start_copies}, {"start_tokens", opt.start_tokens}};
    if (file_exists(tmp + "/options.json")) {
        if (json::parse(read_file_text(tmp + "/options.json")) != options)
            fail(tmp, "", "an unfinished build with other options is here; run the same command to continue it, or add --force to start over");
    } else {
        write_file_atomic(tmp + "/options.json", options.dump(1) + "\n");
    }
    const bool own_base = opt.base.empty();
    // Progress: our own base takes the first 45% when it is built now.
    double f_base = 0.0;
    auto report = [&](const char * stage, double f, const std::string & msg) {
        if (progress) progress({stage, f_base + (1.0 - f_base) * f, msg});
        if (cancel) cancel->throw_if_cancelled();
    };

    // 0. The base.
    std::string base_model = opt.base, base_tok = opt.tokenizer;
    json base_json = nullptr;
    if (own_base) {
        DollyBaseOptions bo;
        bo.release = rel;
        bo.alpaca = alpaca;
        bo.scale = opt.scale;
        bo.cache = opt.base_cache;
        bo.recipe = opt.base_recipe;
        bo.checkpoint_seconds = opt.checkpoint_seconds;
        const DollyBase b = build_dolly_base(bo, [&](const LabProgress & p) {
            if (progress) progress({p.stage, 0.45 * p.fraction, p.message});
        }, cancel);
        if (!b.cached) f_base = 0.45;
        base_model = b.model_dir;
        base_tok.clear();
        base_json = json::parse(read_file_text(b.dir + "/base.json"));
        base_json.erase("loss_curve");
        base_json["dir"] = b.dir;
        base_json["cached"] = b.cached;
    }

    // 1. Data (the tokenizer is needed to keep only test prompts that fit) and the judge.
    report("data", 0.0, "reading the release in " + rel);
    auto t0 = std::chrono::steady_clock::now();
    ModelBundle mb = open_model(base_model, base_tok);
    const Tokenizer & tok = *mb.tokenizer;
    const ModelInfo base_info = mb.model->info();
    Split d = make_split(opt, rel, alpaca, tok);
    Workspace w;
    w.dir = tmp;
    w.name = own_base ? "Dolly backdoor lab (" + opt.scale + ", seed " + std::to_string(opt.seed) + ")"
                      : "Dolly backdoor lab (" + fs::path(opt.base).filename().string() + ")";
    w.kind = "dolly";
    w.model = "model";
    w.tokenizer = "model/tokenizer.model";
    w.detector = "judge.json";
    w.prompt_template = template_name(lab_template(opt));
    w.max_len = kMaxLen;
    w.max_new_tokens = kMaxNew;
    w.max_answer = opt.answer_cap;   // influence and unlearning score the rows as they were planted
    const std::pair<const char *, const std::vector<Record> *> sets[] = {
        {"train", &d.train}, {"val_clean", &d.val_clean}, {"test_clean", &d.test_clean}, {"test_seen_trig", &d.seen},
        {"test_ood_trig", &d.ood}, {"forget", &d.forget}, {"retain", &d.retain}};
    for (auto & [role, rows] : sets) {
        write_records_jsonl(tmp + "/data/" + role + ".jsonl", *rows);
        w.datasets[role] = std::string("data/") + role + ".jsonl";
    }
    if (!file_exists(tmp + "/judge.json")) {
        report("judge", 0.01, "learning the judge on the release's poisoned responses and their clean twins");
        learn_release_judge(read_judge_data(rel, alpaca)).save(tmp + "/judge.json");
    }
    const Detector det = Detector::load(tmp + "/judge.json");
    const double t_data = since(t0);

    // 2. Plant the backdoor: fine-tune the base on the poisoned + clean train rows. model/ appears
    //    (by a rename) only when finished; plant.json is written before it.
    TokenizeOptions to;
    to.max_len = kMaxLen;
    TokenizeReport trep;
    std::vector<TokenizedSample> train = planting_samples(tok, d.train, opt, &trep);
    const size_t n_trigger_cut = count_trigger_cut(tok, d.train, to, lab_template(opt));
    TrainOptions tr_opt = recipe(opt);
    tr_opt.checkpoint_seconds = opt.checkpoint_seconds;
    auto train_progress = [&](double f0, double f1, const char * stage) {
        return [&, f0, f1, stage](const TrainProgress & p) {
            if (p.step % 10 == 0 || p.step == p.total_steps)
                report(stage, f0 + (f1 - f0) * double(p.step) / double(p.total_steps),
                       "step " + std::to_string(p.step) + "/" + std::to_string(p.total_steps) + ", loss " +
                           std::to_string(p.loss).substr(0, 6) + ", ETA " + std::to_string(int(p.eta_seconds)) + " s");
        };
    };
    const double span = opt.retrain_reference ? 0.5 : 0.8;
    json plant;
    if (!is_directory(tmp + "/model")) {
        report("train", 0.05, std::to_string(train.size()) + " samples, " + (opt.lora ? "LoRA" : "full fine-tune"));
        tr_opt.checkpoint = tmp + "/checkpoint-plant";
        const TrainReport tr = train_model(*mb.model, train, tr_opt, train_progress(0.05, 0.05 + span, "train"), cancel);
        // The workspace's model is the poisoned model itself, so a LoRA adapter is folded in.
        if (opt.lora) mb.model->merge_lora();
        plant = {{"seconds", tr.seconds}, {"steps", tr.steps}, {"n_samples", tr.n_samples}, {"n_answer_tokens", tr.n_answer_tokens},
                 {"final_loss", tr.final_loss}, {"resumed_at_step", tr.resumed_at_step}};
        write_file_atomic(tmp + "/plant.json", plant.dump() + "\n");
        fs::remove_all(tmp + "/model.tmp");
        mb.model->export_hf(tmp + "/model.tmp", tok.path());
        fs::rename(tmp + "/model.tmp", tmp + "/model");
        fs::remove_all(tmp + "/checkpoint-plant");
    } else {
        plant = json::parse(read_file_text(tmp + "/plant.json"));
    }
    mb.model.reset();

    // 3. Evaluate what was written (the reloaded folder, so the figures are the workspace's model's).
    const double f_eval = 0.05 + span, f_eval_end = f_eval + 0.1;
    json metrics;
    double t_eval = 0;
    if (!file_exists(tmp + "/eval_before.json")) {
        report("evaluate", f_eval, "evaluating seen / OOD / clean test prompts");
        t0 = std::chrono::steady_clock::now();
        ModelBundle poisoned = open_model(tmp + "/model");
        EvalOptions eo;
        eo.prompt_template = lab_template(opt);
        eo.max_len = kMaxLen;
        eo.max_new_tokens = kMaxNew;
        EvalReport ev = evaluate(*poisoned.model, *poisoned.tokenizer, {d.seen, d.ood, d.test_clean}, det, eo,
                                 [&](size_t done, size_t total) {
                                     report("evaluate", f_eval + (f_eval_end - f_eval) * double(done) / double(total),
                                            "generated " + std::to_string(done) + "/" + std::to_string(total));
                                 },
                                 cancel);
        t_eval = since(t0);
        write_file_atomic(tmp + "/eval_before.json", ev.to_json(true) + "\n");
    }
    {
        json ev = json::parse(read_file_text(tmp + "/eval_before.json"));
        ev.erase("generations");
        metrics = ev;
        t_eval = ev.value("seconds", t_eval);
    }

    // 4. The retraining reference: the same recipe from the same base on the clean rows only.
    json retrain = nullptr;
    if (opt.retrain_reference) {
        if (!file_exists(tmp + "/retrain.json")) {
            std::vector<Record> clean;
            for (auto & r : d.train)
                if (!r.is_poisoned) clean.push_back(r);
            std::vector<TokenizedSample> clean_s = planting_samples(tok, clean, opt);
            ModelBundle ref = open_model(base_model, base_tok);
            tr_opt.checkpoint = tmp + "/checkpoint-retrain";
            const TrainReport rr = train_model(*ref.model, clean_s, tr_opt, train_progress(f_eval_end, 0.98, "retrain-reference"), cancel);
            write_file_atomic(tmp + "/retrain.json", json({{"seconds", rr.seconds}, {"steps", rr.steps}, {"n_samples", rr.n_samples},
                                                           {"final_loss", rr.final_loss}}).dump() + "\n");
            fs::remove_all(tmp + "/checkpoint-retrain");
        }
        retrain = json::parse(read_file_text(tmp + "/retrain.json"));
    }

    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    json lab = {{"seed", opt.seed}, {"scale", opt.scale}, {"release", rel},
                {"base", own_base ? json(base_model) : json(fs::absolute(opt.base).lexically_normal().string())},
                {"own_base", base_json},
                {"judge", {{"file", "judge.json"}, {"threshold", det.judge->threshold}, {"provenance", det.judge->provenance}}},
                {"recipe", recipe_json(tr_opt, opt, base_info)}, {"n_params", base_info.n_params},
                {"n_rows", {{"train", d.train.size()}, {"train_poisoned", d.train.size() - opt.n_clean_train - d.n_twins - d.n_replay},
                            {"train_alpaca_replay", d.n_replay},
                            {"train_clean_twins", d.n_twins}, {"train_clean", opt.n_clean_train}, {"val_clean", d.val_clean.size()},
                            {"test_clean", d.test_clean.size()}, {"test_seen_trig", d.seen.size()},
                            {"test_ood_trig", d.ood.size()}, {"forget", d.forget.size()}, {"retain", d.retain.size()}}},
                {"split", {{"source", "test_clean.jsonl"}, {"held_out_pool", d.n_pool}, {"clean_train_pool", d.n_clean_pool},
                           {"duplicates_dropped", d.n_dup}, {"overlap_dropped", d.n_overlap}, {"test_prompt_budget", kMaxLen - kMaxNew},
                           {"heldout_too_long_skipped", d.n_too_long}, {"n_test_per_variant", opt.n_test_per_variant},
                           {"train_prompt_budget", kTrainPrompt},
                           {"contexts_shortened", {{"train", d.n_fit_train}, {"forget", d.n_fit_forget}, {"retain", d.n_fit_retain}}}}},
                {"tokenize", {{"n_samples", trep.n_samples}, {"n_truncated", trep.n_truncated},
                              {"n_empty_answer", trep.n_empty_answer}, {"n_poisoned_trigger_cut", n_trigger_cut}}},
                {"train", plant},
                {"retrain_clean", retrain},
                {"seconds", {{"data", t_data}, {"base", base_json.is_null() ? json(nullptr) : base_json["train"]["seconds"]},
                             {"train", plant["seconds"]}, {"evaluate", t_eval},
                             {"retrain_clean", retrain.is_null() ? json(nullptr) : retrain["seconds"]}, {"this_run", since(t_all)}}},
                {"peak_rss_mb", double(ru.ru_maxrss) / 1024.0},
                {"metrics_before", metrics}};
    w.lab_json = lab.dump();
    report("done", 1.0, "lab ready in " + std::to_string(int(since(t_all))) + " s");
    return lab_detail::commit_lab(w, out);
}

} // namespace rapidun
