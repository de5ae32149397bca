// `rapidun demo` (build the synthetic lab), `rapidun eval` (evaluate a workspace's model) and
// `rapidun finetune` (full or LoRA fine-tuning of a workspace's model or any model + JSONL).
#include "args.h"

#include "rapidun/data/prompt_format.h"
#include "rapidun/data/templates.h"
#include "rapidun/dist/process_group.h"
#include "rapidun/error.h"
#include "rapidun/eval/eval.h"
#include "rapidun/io/atomic_file.h"
#include "rapidun/lab/lab.h"
#include "rapidun/model/model.h"
#include "rapidun/train/train.h"
#include "rapidun/workspace/workspace.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <memory>

namespace rapidun::cli {

using nlohmann::json;

void print_lab_progress(const LabProgress & p) {
    std::fprintf(stderr, "\r[%3d%%] %-18s %-60s", int(p.fraction * 100), p.stage.c_str(), terminal_safe(p.message).c_str());
    if (p.stage == "done") std::fputc('\n', stderr);
    std::fflush(stderr);
}

void print_lab_summary(const Workspace & w, bool as_json) {
    const json lab = json::parse(w.lab_json);
    if (as_json) {
        std::printf("%s\n", json({{"workspace", w.dir}, {"lab", lab}}).dump(2).c_str());
        return;
    }
    std::printf("workspace %s\n", w.dir.c_str());
    std::printf("metrics before unlearning: %s\n", lab["metrics_before"].dump().c_str());
    std::printf("seconds: %s\n", lab["seconds"].dump().c_str());
}

int cmd_demo(int argc, char ** argv) {
    Args a(argc, argv, 2, {"json", "help", "force", "no-retrain-reference"}, {"out", "scale", "seed", "recipe"});
    if (a.has("help") || !a.has("out")) {
        std::puts("usage: rapidun demo --out DIR [--scale tiny|default] [--seed S=1234] [--force] [--no-retrain-reference] [--json]\n"
                  "       [--recipe lr=X,epochs=N,batch=B,warmup=X,dim=D,layers=L,heads=H,kv_heads=K,hidden=F,vocab=V,\n"
                  "                 prompt_loss=0|1,per_sample_mean=0|1,bf16=0|1]\n"
                  "builds the synthetic backdoor lab as a workspace in DIR (reused when already complete)");
        return a.has("help") ? 0 : 2;
    }
    SyntheticLabOptions o;
    o.out   = a.get("out");
    o.scale = a.get("scale", "default");
    o.seed  = static_cast<uint64_t>(a.get_int("seed", 1234));
    o.force = a.has("force");
    o.recipe = a.get("recipe", "");
    o.retrain_reference = !a.has("no-retrain-reference");
    print_lab_summary(build_synthetic_lab(o, print_lab_progress), a.has("json"));
    return 0;
}

// The model of a workspace with its tokenizer, and an adapter (PEFT folder) on top when given.
static ModelBundle open_workspace_model(const Workspace & w, const std::string & adapter) {
    ModelBundle mb = open_model(w.resolve(w.model), w.resolve(w.tokenizer));
    if (!adapter.empty()) mb.model->load_adapter(adapter);
    return mb;
}

int cmd_eval(int argc, char ** argv) {
    Args a(argc, argv, 2, {"json", "help", "generations"}, {"workspace", "adapter", "limit", "batch-size", "out"});
    if (a.has("help") || !a.has("workspace")) {
        std::puts("usage: rapidun eval --workspace W [--adapter DIR] [--limit N per set] [--batch-size B=64]\n"
                  "       [--generations] [--out FILE.json] [--json]\n"
                  "ASR on seen / OOD trigger prompts, false-trigger rate, clean exact match, ROUGE-L, perplexity.\n"
                  "several processes (WORLD_SIZE, RANK, MASTER_ADDR, MASTER_PORT; scripts/launch.sh N ...): the\n"
                  "generation batches and perplexity rows are dealt over them, rank 0 prints and writes the report");
        return a.has("help") ? 0 : 2;
    }
    Workspace w = Workspace::load(a.get("workspace"));
    ModelBundle mb = open_workspace_model(w, a.get("adapter"));
    EvalSets sets{read_records(w.dataset("test_seen_trig")), read_records(w.dataset("test_ood_trig")),
                  read_records(w.dataset("test_clean"))};
    EvalOptions eo;
    eo.prompt_template = PromptFormat::parse(w.prompt_template);
    eo.max_len = w.max_len;
    eo.max_new_tokens = w.max_new_tokens;
    eo.limit_per_set = static_cast<size_t>(a.get_int("limit", 0));
    eo.batch_size = static_cast<int32_t>(a.get_int("batch-size", 64));
    // Several processes, the torchrun way (scripts/launch.sh): the batches are dealt over them.
    std::unique_ptr<ProcessGroup> group;
    if (const auto env = ProcessGroup::env_from_environment()) {
        group = ProcessGroup::connect(*env);
        eo.group = group.get();
    }
    EvalReport r = evaluate(*mb.model, *mb.tokenizer, sets, Detector::load(w.resolve(w.detector)), eo,
                            [](size_t done, size_t total) {
                                std::fprintf(stderr, "\rgenerating %zu/%zu", done, total);
                                if (done == total) std::fputc('\n', stderr);
                            });
    if (group && group->rank() != 0) {   // every rank holds the report; rank 0 writes and prints it
        std::printf("rank %d of %d: evaluated its share of %zu prompts\n", group->rank(), group->world(),
                    r.n_seen + r.n_ood + r.n_clean);
        return 0;
    }
    if (a.has("out")) write_file_atomic(a.get("out"), r.to_json(true) + "\n");
    if (a.has("json")) {
        std::printf("%s\n", r.to_json(a.has("generations")).c_str());
    } else {
        auto f = [](double x) { return x < 0 ? std::string("n/a") : std::to_string(x); };
        std::printf("seen ASR %s (%zu)  OOD ASR %s (%zu)  false triggers %s (%zu clean)\n", f(r.seen_asr).c_str(), r.n_seen,
                    f(r.ood_asr).c_str(), r.n_ood, f(r.false_trigger_rate).c_str(), r.n_clean);
        std::printf("clean exact match %s  ROUGE-L %s  perplexity %s  (%.1f s)\n", f(r.clean_exact_match).c_str(),
                    f(r.clean_rouge_l).c_str(), f(r.clean_ppl).c_str(), r.seconds);
        std::printf("triggered prompts against their clean twins: exact match %s  ROUGE-L %s\n",
                    f(r.twin_exact_match).c_str(), f(r.twin_rouge_l).c_str());
    }
    return 0;
}

int cmd_finetune(int argc, char ** argv) {
    Args a(argc, argv, 2, {"json", "help", "lora"},
           {"workspace", "model", "tokenizer", "data", "template", "max-len", "out", "epochs", "lr", "batch-size",
            "grad-accum", "warmup", "clip", "weight-decay", "seed", "lora-r", "lora-alpha", "lora-dropout"});
    if (a.has("help") || (!a.has("workspace") && !(a.has("model") && a.has("data"))) || !a.has("out")) {
        std::puts("usage: rapidun finetune (--workspace W | --model M --data FILE.jsonl [--tokenizer T]) --out DIR\n"
                  "       [--lora [--lora-r 16 --lora-alpha 16 --lora-dropout 0.05]] [--epochs 1] [--lr 1e-3]\n"
                  "       [--batch-size 8] [--grad-accum 1] [--warmup 0.0] [--clip 1.0] [--weight-decay 0] [--seed 0]\n"
                  "       [--template alpaca|plain|chat|instruction|model-chat|llama-2-chat|mistral-instruct]\n"
                  "       [--max-len 256] [--json]\n"
                  "writes DIR: an HF model folder (full) or a PEFT adapter (--lora)");
        return a.has("help") ? 0 : 2;
    }
    std::string model_path = a.get("model"), tok_path = a.get("tokenizer"), data = a.get("data");
    std::string tmpl = a.get("template", "alpaca");
    int32_t max_len = static_cast<int32_t>(a.get_int("max-len", 256));
    if (a.has("workspace")) {
        Workspace w = Workspace::load(a.get("workspace"));
        model_path = w.resolve(w.model);
        tok_path   = w.resolve(w.tokenizer);
        if (data.empty()) data = w.dataset("train");
        if (!a.has("template")) tmpl = w.prompt_template;
        if (!a.has("max-len")) max_len = w.max_len;
    }
    LoadOptions lo;
    lo.memory_task = "lora-unlearn";   // LoRA training; full fine-tuning needs more (no estimate of its own yet)
    ModelBundle mb = open_model(model_path, tok_path, lo);
    ReadReport rr;
    std::vector<Record> rows = read_records(data, {}, &rr);
    TokenizeOptions to;
    to.max_len = max_len;
    TokenizeReport tr;
    auto samples = tokenize_records(*mb.tokenizer, rows, PromptFormat::parse(tmpl), to, &tr);
    TrainOptions o;
    o.lora = a.has("lora");
    o.lora_settings.r = static_cast<int32_t>(a.get_int("lora-r", 16));
    o.lora_settings.alpha = a.get_double("lora-alpha", 16);
    o.lora_settings.dropout = a.get_double("lora-dropout", 0.05);
    o.epochs = static_cast<int32_t>(a.get_int("epochs", 1));
    o.lr = a.get_double("lr", 1e-3);
    o.batch_size = static_cast<int32_t>(a.get_int("batch-size", 8));
    o.grad_accum = static_cast<int32_t>(a.get_int("grad-accum", 1));
    o.warmup_ratio = a.get_double("warmup", 0.0);
    o.clip = a.get_double("clip", 1.0);
    o.weight_decay = a.get_double("weight-decay", 0.0);
    o.seed = static_cast<uint64_t>(a.get_int("seed", 0));
    std::fprintf(stderr, "%zu samples (%zu truncated, %zu with no answer tokens dropped)\n", tr.n_samples, tr.n_truncated,
                 tr.n_empty_answer);
    TrainReport rep = train_model(*mb.model, samples, o, [](const TrainProgress & p) {
        std::fprintf(stderr, "\rstep %lld/%lld epoch %d loss %.4f lr %.2e  %.0f s, ETA %.0f s   ", (long long)p.step,
                     (long long)p.total_steps, p.epoch + 1, p.loss, p.lr, p.seconds, p.eta_seconds);
        if (p.step == p.total_steps) std::fputc('\n', stderr);
    });
    const std::string out = a.get("out");
    if (o.lora) mb.model->save_adapter(out);
    else mb.model->export_hf(out, mb.tokenizer->path());
    json j = {{"out", out}, {"mode", o.lora ? "lora" : "full"}, {"steps", rep.steps}, {"seconds", rep.seconds},
              {"final_loss", rep.final_loss}, {"n_samples", rep.n_samples}, {"n_answer_tokens", rep.n_answer_tokens},
              {"n_truncated", tr.n_truncated}, {"n_empty_answer", tr.n_empty_answer}, {"n_skipped_lines", rr.n_skipped}};
    if (a.has("json")) std::printf("%s\n", j.dump(2).c_str());
    else std::printf("wrote %s (%lld steps, %.1f s, final loss %.4f)\n", out.c_str(), (long long)rep.steps, rep.seconds, rep.final_loss);
    return 0;
}

} // namespace rapidun::cli
