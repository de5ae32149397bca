// Pieces both lab builders share (core/src/lab only).
#pragma once
#include "rapidun/data/records.h"
#include "rapidun/data/templates.h"
#include "rapidun/lab/lab.h"
#include "rapidun/model/config.h"
#include "rapidun/text/tokenizer.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace rapidun::lab_detail {

// Saves the workspace built in `w.dir` (= "<out>.partial") and renames it into place: a complete
// workspace.json under `out` always means a finished lab. Returns the workspace loaded from `out`.
Workspace commit_lab(const Workspace & w, const std::string & out);

// A tokenizer's training corpus: each row as the model sees it (prompt template included, so its
// words become pieces too; without it "Instruction", "Context" and "Answer" were spelled letter by
// letter), one line per row: sentencepiece reads lines, and its normaliser maps the newlines to
// spaces anyway.
void write_corpus(const std::string & path, const std::vector<Record> & rows, PromptTemplate t);

double since(std::chrono::steady_clock::time_point t0);   // seconds

// A lab's own small Llama (tied embeddings, head_dim = dim / heads, positions for 2 max_len) on `tok`.
ModelConfig small_llama(int32_t dim, int32_t layers, int32_t heads, int32_t kv_heads, int32_t hidden, int32_t max_len,
                        const Tokenizer & tok);

// $<env>, else $XDG_CACHE_HOME/rapidun/<name>, else ~/.cache/rapidun/<name>.
std::string cache_dir(const char * env, const std::string & name);

// Walks a recipe's "key=value,key=value" overrides: apply(key, value, as_positive_int) returns false
// for an unknown key. Errors start with `what`.
using RecipeItemFn = std::function<bool(const std::string & key, double value, const std::function<int32_t()> & as_positive_int)>;
void for_each_recipe_item(const std::string & spec, const std::string & what, const RecipeItemFn & apply);

} // namespace rapidun::lab_detail
