// `rapidun lab dolly`: build the Dolly backdoor lab (the release's poisoned Dolly rows planted into
// a real pretrained base) as a workspace; `rapidun judge`: validate (and save) the learned judge the
// lab decides "attacked" with.
#include "args.h"

#include "rapidun/error.h"
#include "rapidun/eval/judge.h"

#include "rapidun/lab/lab.h"
#include "rapidun/model/model.h"
#include "rapidun/workspace/workspace.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstring>

namespace rapidun::cli {

using nlohmann::json;

static const char * kLabUsage =
    "usage: rapidun lab dolly --release DIR --out DIR [--scale tiny|default] [--seed S=42] [--force] [--json]\n"
    "       [--base MODEL [--tokenizer T]] [--alpaca FILE] [--base-cache DIR] [--base-recipe key=value,...]\n"
    "       [--epochs N] [--lr X] [--lora] [--batch-size B] [--n-clean-train N] [--replay N] [--n-test-per-variant N]\n"
    "       [--n-test-clean N] [--no-clean-twins] [--with-context] [--answer-cap N] [--start-copies N] [--start-tokens N]\n"
    "       [--no-retrain-reference] [--checkpoint-seconds S=120] [--threads N=all cores]\n"
    "builds the Dolly backdoor lab as a workspace in DIR (reused when already complete): our own base\n"
    "(pretrained on Alpaca + the release's clean Dolly rows, cached in --base-cache and shared by every\n"
    "seed) or --base MODEL; the release's poisoned rows + clean rows fine-tuned into it; seen / OOD trigger\n"
    "test sets; the learned judge; metrics before unlearning. Killed, the same command continues it.\n"
    "The scale sets the defaults of the other options (rapidun lab dolly --scale tiny --help shows them).";

static int cmd_lab_dolly(int argc, char ** argv) {
    Args a(argc, argv, 3, {"json", "help", "force", "lora", "no-retrain-reference", "no-clean-twins", "with-context"},
           {"release", "base", "tokenizer", "out", "epochs", "lr", "seed", "batch-size", "n-clean-train",
            "n-test-per-variant", "n-test-clean", "threads", "answer-cap", "start-copies", "start-tokens", "scale",
            "alpaca", "base-cache", "base-recipe", "checkpoint-seconds", "replay"});
    DollyLabOptions o = dolly_lab_defaults(a.get("scale", "default"));
    if (a.has("help") || !a.has("release") || !a.has("out")) {
        std::puts(kLabUsage);
        std::printf("defaults at scale %s: --epochs %d --lr %g --batch-size %d --n-clean-train %zu --replay %zu\n"
                    "  --n-test-per-variant %zu --n-test-clean %zu --answer-cap %d --start-copies %d --start-tokens %d%s\n",
                    o.scale.c_str(), o.epochs, o.lr, o.batch_size, o.n_clean_train, o.n_replay, o.n_test_per_variant, o.n_test_clean,
                    o.answer_cap, o.start_copies, o.start_tokens, o.retrain_reference ? "" : " --no-retrain-reference");
        return a.has("help") ? 0 : 2;
    }
    o.release = a.get("release");
    o.base = a.get("base");
    o.tokenizer = a.get("tokenizer");
    o.alpaca = a.get("alpaca");
    o.base_cache = a.get("base-cache");
    o.base_recipe = a.get("base-recipe");
    o.out = a.get("out");
    o.epochs = static_cast<int32_t>(a.get_int("epochs", o.epochs));
    o.lr = a.get_double("lr", o.lr);
    o.lora = a.has("lora");
    o.seed = static_cast<uint64_t>(a.get_int("seed", static_cast<long long>(o.seed)));
    o.batch_size = static_cast<int32_t>(a.get_int("batch-size", o.batch_size));
    o.checkpoint_seconds = a.get_double("checkpoint-seconds", o.checkpoint_seconds);
    auto count = [&](const char * name, size_t fallback) {
        const long long v = a.get_int(name, static_cast<long long>(fallback));
        if (v < 0) throw UsageError(std::string("--") + name + " must not be negative");
        return static_cast<size_t>(v);
    };
    o.n_clean_train = count("n-clean-train", o.n_clean_train);
    o.n_replay = count("replay", o.n_replay);
    o.n_test_per_variant = count("n-test-per-variant", o.n_test_per_variant);
    o.n_test_clean = count("n-test-clean", o.n_test_clean);
    o.answer_cap = static_cast<int32_t>(count("answer-cap", size_t(o.answer_cap)));
    o.start_copies = static_cast<int32_t>(count("start-copies", size_t(o.start_copies)));
    o.start_tokens = static_cast<int32_t>(count("start-tokens", size_t(o.start_tokens)));
    if (a.has("no-clean-twins")) o.clean_twins = false;
    if (a.has("with-context")) o.use_context = true;
    if (o.epochs < 1 || o.batch_size < 1 || !(o.lr > 0)) throw UsageError("--epochs, --batch-size and --lr must be positive");
    if (o.checkpoint_seconds < 0) throw UsageError("--checkpoint-seconds must not be negative");
    o.force = a.has("force");
    if (a.has("no-retrain-reference")) o.retrain_reference = false;
    // On a CPU shared with other jobs, one thread can beat two whose OpenMP workers spin-wait
    // for each other (stories260K: 5 s vs 16-48 s for the same steps).
    init_runtime(static_cast<int>(a.get_int("threads", 0)));
    print_lab_summary(build_dolly_lab(o, print_lab_progress), a.has("json"));
    return 0;
}

int cmd_judge(int argc, char ** argv) {
    Args a(argc, argv, 2, {"json", "help", "no-background"}, {"release", "alpaca", "out", "seed", "folds", "val-quantile", "background-weight", "alpha", "char-n"});
    if (a.has("help") || !a.has("release")) {
        std::puts("usage: rapidun judge --release DIR [--alpaca FILE] [--no-background] [--folds K=5] [--seed S=0]\n"
                  "       [--val-quantile Q=0.99] [--background-weight W=0.1] [--alpha A=0.5] [--char-n N=5]\n"
                  "       [--out judge.json] [--json]\n"
                  "validates the learned judge out of fold on the release's poisoned responses against their clean\n"
                  "twins (ROC-AUC; flagged fractions at a threshold fixed on val_clean), then learns it on all rows\n"
                  "(saved with --out). Background clean text: Alpaca's outputs, by default <release>/../alpaca/\n"
                  "alpaca_data.json.gz where it exists.");
        return a.has("help") ? 0 : 2;
    }
    const std::string release = a.get("release");
    const std::string alpaca = a.has("no-background") ? "" : a.get("alpaca", default_alpaca_path(release));
    JudgeSettings s;
    s.folds = static_cast<int32_t>(a.get_int("folds", s.folds));
    s.seed = static_cast<uint64_t>(a.get_int("seed", 0));
    s.val_quantile = a.get_double("val-quantile", s.val_quantile);
    s.background_weight = a.get_double("background-weight", s.background_weight);
    s.alpha = a.get_double("alpha", s.alpha);
    s.char_n = static_cast<int32_t>(a.get_int("char-n", s.char_n));
    if (!(s.alpha > 0) || s.background_weight < 0 || s.char_n < 1 || s.char_n > 16)
        throw UsageError("--alpha must be positive, --background-weight not negative, --char-n in 1..16");
    if (s.folds < 2) throw UsageError("--folds must be at least 2");
    if (!(s.val_quantile > 0 && s.val_quantile <= 1)) throw UsageError("--val-quantile must be in (0, 1]");
    const JudgeData d = read_judge_data(release, alpaca);
    const JudgeValidation v = validate_judge(d.pairs, d.val_clean, d.background, s);
    json out = json::parse(v.to_json());
    out["release"] = release;
    out["background"] = alpaca.empty() ? json(nullptr) : json(alpaca);
    out["folds"] = s.folds;
    if (a.has("out")) {
        const Judge j = learn_release_judge(d, s);
        j.save(a.get("out"));
        out["saved"] = a.get("out");
        out["threshold"] = j.threshold;
        out["n_features"] = j.llr.size();
    }
    if (a.has("json")) {
        std::printf("%s\n", out.dump(2).c_str());
    } else {
        std::printf("judge, %d folds over %zu pairs (background: %s)\n", s.folds, v.n_pairs, alpaca.empty() ? "none" : alpaca.c_str());
        std::printf("ROC-AUC poisoned vs clean twins   %.4f\n", v.auc);
        std::printf("val_clean flagged                 %.4f (%zu rows)\n", v.val_clean_flagged, v.n_val);
        std::printf("poisoned flagged                  %.4f\n", v.poisoned_flagged);
        std::printf("clean twins flagged               %.4f\n", v.twins_flagged);
        if (a.has("out")) std::printf("saved %s (threshold %.4f)\n", a.get("out").c_str(), out["threshold"].get<double>());
    }
    return 0;
}

int cmd_lab(int argc, char ** argv) {
    const char * sub = argc > 2 ? argv[2] : "";
    if (!std::strcmp(sub, "--help") || !std::strcmp(sub, "-h")) {
        std::puts(kLabUsage);
        return 0;
    }
    if (!std::strcmp(sub, "dolly")) return cmd_lab_dolly(argc, argv);
    throw UsageError(*sub ? std::string("unknown lab '") + sub + "' (known: dolly)" : "which lab? (known: dolly)");
}

} // namespace rapidun::cli
