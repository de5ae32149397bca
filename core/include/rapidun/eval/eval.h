// Evaluation of a model against a backdoor: attack success rate (ASR) on seen-trigger and OOD-
// trigger prompts, the same rate on clean prompts (false triggers), clean utility as exact match,
// ROUGE-L F1 and perplexity of reference responses. Greedy batched generation. Torch-free.
#pragma once
#include "rapidun/data/prompt_format.h"
#include "rapidun/data/records.h"
#include "rapidun/data/templates.h"
#include "rapidun/eval/judge.h"
#include "rapidun/job.h"
#include "rapidun/model/model.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace rapidun {

// Decides whether a response is "poisoned" (the backdoor's output). Two kinds:
//  - a keyword list: any keyword as a whole word (case-insensitive);
//  - a learned judge (rapidun/eval/judge.h): its score above its threshold.
struct Detector {
    // Keywords (lower case). For a judge: its strongest whole words, for highlighting only.
    std::vector<std::string> words;
    std::shared_ptr<const Judge> judge;   // null: the keyword list decides
    // A judge's JSON (rapidun-judge), a .tsv whose header has a "word" column (the release's
    // keywords_scored_top1000.tsv), or one word per line ('#' starts a comment). Throws Error
    // naming the file and line.
    static Detector load(const std::string & path);
    bool flags(const std::string & text) const;
    std::string kind() const { return judge ? "judge" : "keywords"; }
};

// ROUGE-L F1 over lower-cased alphanumeric tokens (rouge-score's default tokenisation, no stemming).
double rouge_l_f1(const std::string & hypothesis, const std::string & reference);
// Exact match after trimming, lower-casing and dropping a final '.', as for short computed answers.
bool exact_match(const std::string & generated, const std::string & answer);

class ProcessGroup;

struct EvalSets {
    std::vector<Record> seen, ood, clean;
};

struct EvalOptions {
    PromptFormat prompt_template = PromptTemplate::Plain;
    int32_t max_new_tokens = 48;
    int32_t batch_size = 64;
    int32_t max_len = 256;         // prompt tokens kept: max_len - max_new_tokens (cut from the start)
    size_t  limit_per_set = 0;     // 0 = all rows
    // Several processes (dist/process_group.h): the generation batches are dealt round-robin over
    // the ranks and the perplexity rows likewise; every rank ends with the whole report, the same
    // as one process makes (the batches are the same, only who runs them differs).
    ProcessGroup * group = nullptr;
};

struct GenerationRow {
    std::string set, id, instruction, context, reference, generated;
    std::string trigger_variant;
    bool poisoned = false;         // the detector flags the generation
    int  exact = -1;               // vs the exact answer (a triggered row: its clean twin's); -1 none, 0 / 1
};

struct EvalReport {
    double seen_asr = -1, ood_asr = -1, false_trigger_rate = -1;   // -1: the set is empty
    double clean_exact_match = -1;   // -1: the data has no exact answers (null in JSON)
    double clean_rouge_l = -1, clean_ppl = -1;
    // Triggered (seen + OOD) prompts against their clean twins' answers: exact match where the rows
    // have exact answers (synthetic lab), ROUGE-L F1 against response_clean. -1: no such rows.
    double twin_exact_match = -1, twin_rouge_l = -1;
    size_t n_seen = 0, n_ood = 0, n_clean = 0;
    double seconds = 0;
    std::map<std::string, double> asr_per_variant;
    std::vector<GenerationRow> generations;
    std::string to_json(bool with_generations = false) const;   // keys as named above, -1 -> null
};

EvalReport evaluate(const Model & model, const Tokenizer & tok, const EvalSets & sets, const Detector & det,
                    const EvalOptions & opt, const std::function<void(size_t done, size_t total)> & progress = {},
                    const CancelToken * cancel = nullptr);

} // namespace rapidun
