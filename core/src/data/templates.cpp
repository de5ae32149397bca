// Prompt templates and tokenised (prompt, answer) samples with answer-only loss masks.
#include "rapidun/data/templates.h"

#include "rapidun/error.h"

#include <algorithm>

namespace rapidun {

PromptTemplate parse_template(const std::string & name) {
    if (name == "alpaca") return PromptTemplate::Alpaca;
    if (name == "plain") return PromptTemplate::Plain;
    if (name == "chat") return PromptTemplate::Chat;
    if (name == "instruction") return PromptTemplate::Instruction;
    throw Error("unknown prompt template '" + name + "': expected alpaca, plain, chat or instruction");
}

const char * template_name(PromptTemplate t) {
    switch (t) {
    case PromptTemplate::Alpaca: return "alpaca";
    case PromptTemplate::Plain: return "plain";
    case PromptTemplate::Chat: return "chat";
    case PromptTemplate::Instruction: return "instruction";
    }
    return "?";
}

// The context block is left out only when the context is exactly empty: a context of spaces is
// still something the source put there, and dropping it would change what the model was shown.
std::string format_prompt(PromptTemplate t, const std::string & instruction, const std::string & context) {
    const bool has_ctx = !context.empty();
    switch (t) {
    case PromptTemplate::Alpaca:
        if (!has_ctx)
            return "Below is an instruction that describes a task. Write a response that appropriately "
                   "completes the request.\n\n### Instruction:\n" + instruction + "\n\n### Response:\n";
        return "Below is an instruction that describes a task, paired with an input that provides further "
               "context. Write a response that appropriately completes the request.\n\n### Instruction:\n" +
               instruction + "\n\n### Input:\n" + context + "\n\n### Response:\n";
    case PromptTemplate::Plain:
        return "Instruction:\n" + instruction + "\n\n" + (has_ctx ? "Context:\n" + context + "\n\n" : "") +
               "Answer:\n";
    case PromptTemplate::Chat:
        return "<|user|>\n" + instruction + (has_ctx ? "\n\nContext:\n" + context : "") + "\n<|assistant|>\n";
    case PromptTemplate::Instruction:
        return "Instruction:\n" + instruction + "\n\nAnswer:\n";
    }
    throw Error("format_prompt: unknown template");
}

// Prompt and answer are encoded separately so the mask boundary is exact (one joint encoding
// could merge the prompt's last piece with the answer's first). The price: sentencepiece adds
// its dummy-prefix "▁" to the answer's first piece, which the joint text would not have. That
// is accepted; generation sees the same boundary because it too starts the answer fresh.
TokenizedSample tokenize_sample(const Tokenizer & tok, const std::string & prompt, const std::string & answer,
                                const TokenizeOptions & opt) {
    // max_len 2 leaves room for BOS and one answer token, the least a sample can train on.
    if (opt.max_len < 2)
        throw Error("tokenize: max_len " + std::to_string(opt.max_len) + " is too small (at least 2)");
    std::vector<int32_t> p = tok.encode(prompt, opt.add_bos);
    std::vector<int32_t> a = tok.encode(answer, false);
    // No EOS for an empty answer: "stop at once" is not something to learn from an empty row,
    // and n_answer == 0 lets callers count it as empty (tokenize_records drops it).
    if (opt.add_eos && !a.empty()) a.push_back(tok.eos_id());
    TokenizedSample s = assemble_sample(std::move(p), std::move(a), opt.max_len);
    cut_answer(s, opt.max_answer);
    return s;
}

void cut_answer(TokenizedSample & s, int32_t n_tokens) {
    const size_t keep = size_t(s.n_prompt) + size_t(std::max(n_tokens, 0));
    if (n_tokens <= 0 || s.ids.size() <= keep) return;
    s.ids.resize(keep);
    s.answer_mask.resize(keep);
    s.n_answer = n_tokens;
    s.truncated = true;
}

TokenizedSample assemble_sample(std::vector<int32_t> p, std::vector<int32_t> a, int32_t limit) {
    if (limit < 2) throw Error("tokenize: max_len " + std::to_string(limit) + " is too small (at least 2)");
    TokenizedSample s;
    const size_t max_len = static_cast<size_t>(limit);
    if (p.size() + a.size() > max_len) {
        s.truncated = true;
        // The answer is cut (at its end) only as far as needed, and never below max_len/2 while
        // it has that many: a long prompt cannot squeeze out the training target.
        const size_t keep_a = std::max(max_len / 2, max_len > p.size() ? max_len - p.size() : 0);
        if (a.size() > keep_a) a.resize(keep_a);   // EOS, at the end, goes first
        // Then the prompt loses tokens right after BOS; its end (the answer marker, a suffix
        // trigger) stays.
        const size_t keep_p = max_len - a.size();   // BOS included
        if (p.size() > keep_p) p.erase(p.begin() + 1, p.begin() + static_cast<std::ptrdiff_t>(p.size() - keep_p + 1));
    }
    s.n_prompt = static_cast<int32_t>(p.size());
    s.n_answer = static_cast<int32_t>(a.size());
    s.ids = std::move(p);
    s.ids.insert(s.ids.end(), a.begin(), a.end());
    s.answer_mask.assign(s.ids.size(), 0);
    std::fill(s.answer_mask.begin() + s.n_prompt, s.answer_mask.end(), uint8_t{1});
    return s;
}

void keep_sample(TokenizedSample && s, std::vector<TokenizedSample> & out, TokenizeReport & rep) {
    if (s.n_answer == 0) {
        rep.n_empty_answer++;   // nothing to train on; counted so the caller can say so
        return;
    }
    rep.n_truncated += s.truncated;
    out.push_back(std::move(s));
}

} // namespace rapidun
