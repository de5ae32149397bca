// Prompt templates and tokenised training samples with answer-only label masks.
#pragma once
#include "rapidun/data/records.h"
#include "rapidun/text/tokenizer.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rapidun {

enum class PromptTemplate {
    Alpaca,   // "Below is an instruction ...\n\n### Instruction:\n{i}\n\n[### Input:\n{c}\n\n]### Response:\n"
    Plain,    // "Instruction:\n{i}\n\n[Context:\n{c}\n\n]Answer:\n"   (the release's eval template)
    Chat,     // "<|user|>\n{i}[\n\nContext:\n{c}]\n<|assistant|>\n"
    Instruction,   // "Instruction:\n{i}\n\nAnswer:\n": the context is left out, as RapidIn's template does
};
PromptTemplate parse_template(const std::string & name);   // "alpaca" | "plain" | "chat" | "instruction"; throws on others
const char * template_name(PromptTemplate t);
std::string format_prompt(PromptTemplate t, const std::string & instruction, const std::string & context);

// One tokenised (prompt, answer) pair. ids = BOS + prompt + answer (+ EOS); answer_mask[p] = 1 where
// ids[p] is an answer token (the loss is taken on those only, predicted from position p-1).
struct TokenizedSample {
    std::vector<int32_t> ids;
    std::vector<uint8_t> answer_mask;
    int32_t n_prompt = 0;    // BOS included
    int32_t n_answer = 0;    // EOS included when added
    bool    truncated = false;
};

struct TokenizeOptions {
    int32_t max_len = 256;
    bool    add_eos = true;
    // Off for prompts that write their own BOS (chat templates, chat_template.h): the prompt's
    // first token then stands where BOS stands in the rules below.
    bool    add_bos = true;
    // Answer tokens kept per sample after the max_len rule (0 = all): a longer answer is cut at its
    // end, EOS with it (cut_answer). The Dolly lab plants its backdoor on answers cut this way, so
    // scoring and unlearning the same rows see the same window (Workspace::max_answer).
    int32_t max_answer = 0;
};

// Truncation rule when BOS + prompt + answer (+ EOS) > max_len: the answer keeps at most
// max(max_len/2, max_len - BOS - prompt) tokens (its end cut first, EOS dropped with it), i.e. it
// is cut to max_len/2 unless the whole prompt fits beside more of it; then the prompt loses tokens
// from its start (right after BOS), keeping its end where the template's answer marker sits.
// A sample never ends with zero answer tokens unless the response itself is empty (then no EOS
// is added either, n_answer == 0); callers count those. max_len < 2 throws Error.
TokenizedSample tokenize_sample(const Tokenizer & tok, const std::string & prompt, const std::string & answer,
                                const TokenizeOptions & opt);
// The same truncation and mask on ids the caller encoded (BOS / EOS included as wanted), e.g. a
// chat rendering encoded as one text and split where its prompt ends (chat_template.h).
TokenizedSample assemble_sample(std::vector<int32_t> prompt_ids, std::vector<int32_t> answer_ids, int32_t max_len);

// Keeps the prompt and the first n_tokens answer tokens of s (n_tokens <= 0 or a shorter answer:
// unchanged); a cut sample is marked truncated.
void cut_answer(TokenizedSample & s, int32_t n_tokens);

struct TokenizeReport {
    size_t n_samples = 0, n_truncated = 0, n_empty_answer = 0;   // empty answers are dropped
};
// Appends s to out, or counts it in rep as an empty answer (nothing to train on); counts truncation.
void keep_sample(TokenizedSample && s, std::vector<TokenizedSample> & out, TokenizeReport & rep);

// tokenize_records (every record of a set, with any PromptFormat): prompt_format.h.

} // namespace rapidun
