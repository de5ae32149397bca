// How an instruction record becomes what the model reads: one of the fixed PromptTemplates, or a
// chat template whose turns are record_messages() (user = instruction [+ context], assistant =
// response): the model's own `chat_template` (tokenizer_config.json beside its tokenizer.json) or
// a built-in format. Every place that formats or tokenises a workspace's records goes through this,
// so a workspace's `prompt_template` means the same text everywhere (influence, training, eval,
// the free prompt).
#pragma once
#include "rapidun/data/chat_template.h"
#include "rapidun/data/templates.h"

#include <memory>
#include <string>
#include <vector>

namespace rapidun {

class PromptFormat {
public:
    PromptFormat(PromptTemplate t = PromptTemplate::Plain);   // implicit: a fixed template is a format

    // alpaca | plain | chat | instruction (the fixed templates, templates.h), model-chat (the model's
    // own chat_template, read from the tokenizer's folder when first used with it), llama-2-chat |
    // mistral-instruct (built in, chat_template.h). Throws Error listing these for another name.
    static PromptFormat parse(const std::string & name);
    static const std::vector<std::string> & names();

    const std::string & name() const { return name_; }
    bool is_chat() const { return name_ == "model-chat" || chat_ != nullptr; }

    // The prompt's text for (instruction, context): format_prompt() for a fixed template; for a chat
    // format, the rendering of the user turn with add_generation_prompt (BOS text included where the
    // template writes it).
    std::string prompt_text(const Tokenizer & tok, const std::string & instruction, const std::string & context) const;
    // Its ids, to generate from: BOS + the text for a fixed template; the chat rendering as the
    // tokenizer reads it (apply_chat_template(tokenize=True)), its BOS written by the template.
    std::vector<int32_t> encode_prompt(const Tokenizer & tok, const std::string & instruction, const std::string & context) const;
    // One (prompt, answer) sample with the answer-only mask: tokenize_sample() or chat_sample().
    // An empty answer gives n_answer == 0 (callers count it).
    TokenizedSample sample(const Tokenizer & tok, const Record & r, const std::string & answer, const TokenizeOptions & opt) const;

    // The chat template used with `tok` (model-chat: load_chat_template of the tokenizer's folder,
    // cached per tokenizer path); Error naming the file when the model has none. Null for a fixed template.
    std::shared_ptr<const ChatTemplate> chat_template(const Tokenizer & tok) const;

private:
    std::string name_;
    PromptTemplate fixed_ = PromptTemplate::Plain;
    std::shared_ptr<const ChatTemplate> chat_;   // built-in formats
    struct ModelChat;                            // the model-chat cache, shared by copies
    std::shared_ptr<ModelChat> model_chat_;
};

// Every record as format.sample(r, r.response); empty answers are dropped and counted in rep.
std::vector<TokenizedSample> tokenize_records(const Tokenizer & tok, const std::vector<Record> & rows, const PromptFormat & format,
                                              const TokenizeOptions & opt, TokenizeReport * rep = nullptr);

} // namespace rapidun
