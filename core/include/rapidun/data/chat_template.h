// Chat templates: the Jinja `chat_template` that HF models ship in tokenizer_config.json, rendered
// as transformers' apply_chat_template(..., tokenize=False) renders it, byte for byte, plus two
// built-in formats, and the turn of instruction records into (prompt, answer) pairs for training.
//
// The renderer implements the part of Jinja2 that chat templates use, in transformers' environment
// (trim_blocks, lstrip_blocks, loop controls, {% generation %}, no autoescape, lenient Undefined):
//   statements   if / elif / else, for (tuple targets, `if` filter, else, loop.index / index0 /
//                revindex / revindex0 / first / last / length / previtem / nextitem), set (also
//                ns.attr = ... and {% set x %}...{% endset %}), break, continue, {# comments #}
//   whitespace   {%- -%} {{- -}} {#- -#}, {%+ %}, one trailing newline of the template dropped
//   expressions  string literals with Python's escapes (adjacent ones joined), ints, floats, true /
//                false / none, lists, tuples, dicts; + - * / // % ** ~; == != < <= > >= in, not in;
//                and or not; x if c else y; .attr, ['key'], [i], [a:b:c], calls
//   filters      trim tojson length count upper lower first last join default d string list int
//                replace items reverse map selectattr rejectattr select reject abs
//   tests        defined undefined none boolean true false integer float number string mapping
//                iterable sequence equalto eq ne lt le gt ge in odd even divisibleby
//   methods      str: strip lstrip rstrip upper lower startswith endswith split replace join;
//                dict: items keys values get
//   globals      raise_exception(msg), namespace(...), range(...), dict(...), strftime_now(fmt)
//                (at ChatRenderOptions::now, not the clock), plus the template's variables:
//                messages, add_generation_prompt, tools (None), documents (None), the special
//                tokens that tokenizer_config.json names (bos_token, eos_token, unk_token,
//                pad_token, sep_token, cls_token, mask_token when not null) and any extra ones.
// Anything else (macros, includes, call blocks, unknown filters / tests / methods / functions,
// printing a value Python would print in a form not reproduced here) throws Error
// "<origin>: line L, column C: <what>": never an approximate rendering. So do a tag of more than 500
// tokens and blocks nested more than 100 deep (bounds on the recursion of parsing and rendering,
// far above any real template). Python values keep their semantics: Undefined prints "",
// `message.x` of a missing key is Undefined, 'a' + 1 is an error.
#pragma once
#include "rapidun/data/records.h"
#include "rapidun/data/templates.h"
#include "rapidun/text/tokenizer.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace rapidun {

struct ChatMessage {
    std::string role;      // "system" | "user" | "assistant" | ...
    std::string content;
};

struct ChatRenderOptions {
    bool add_generation_prompt = false;
    // What strftime_now() sees (transformers reads the clock; a fixed date keeps renderings
    // reproducible). Llama 3.1's own default date_string is "26 Jul 2024".
    int year = 2024, month = 7, day = 26, hour = 0, minute = 0, second = 0;
    // More template variables (e.g. {"date_string": "26 Jul 2024"}); they override the special
    // tokens, as apply_chat_template's **kwargs do.
    nlohmann::ordered_json variables = nlohmann::ordered_json::object();
};

class ChatTemplate {
public:
    // Parses `source`. `origin` names the template in every message (e.g. "<path>: chat_template"
    // or "built-in llama-2-chat"). special_tokens: {"bos_token": "<s>", ...}, passed to the
    // template as variables. Throws Error "<origin>: line L, column C: <what>".
    ChatTemplate(const std::string & source, const std::string & origin,
                 const nlohmann::ordered_json & special_tokens = nlohmann::ordered_json::object());

    // The rendering of messages (role and content each); throws Error as above, e.g. when the
    // template calls raise_exception ("... : the template raised an error: <its message>").
    std::string render(const std::vector<ChatMessage> & messages, const ChatRenderOptions & opt = {}) const;
    // The same with messages as JSON (a list of objects with any fields; null fields are dropped,
    // as apply_chat_template does).
    std::string render_json(const nlohmann::ordered_json & messages, const ChatRenderOptions & opt = {}) const;

    const std::string & origin() const { return origin_; }
    const std::string & source() const { return source_; }
    // The special token's text, "" when the config names none ("bos_token", "eos_token", ...).
    std::string special_token(const std::string & name) const;

private:
    struct Parsed;
    std::shared_ptr<const Parsed> parsed_;
    std::string origin_, source_;
    nlohmann::ordered_json special_;
};

// The chat_template of a tokenizer_config.json (path to the file, or to its folder). A config
// whose chat_template is a list of named templates gives the one named "default" (or `name`). A
// config without one falls back to chat_template.jinja beside it, as transformers does; with
// neither, Error "<path>: no chat_template ...".
ChatTemplate load_chat_template(const std::string & path, const std::string & name = "default");

// Built-in formats as Jinja templates, rendered by the same engine; their text is HF's own:
//   "llama-2-chat"      meta-llama/Llama-2-7b-chat-hf's chat_template:
//                       <s>[INST] <<SYS>>\n{system}\n<</SYS>>\n\n{user} [/INST] {assistant} </s>
//                       (contents stripped; no system block without a system turn)
//   "mistral-instruct"  mistralai/Mistral-7B-Instruct-v0.1's: <s>[INST] {user} [/INST]{assistant}</s>
//                       (its roles must alternate from a user turn, so a system turn raises
//                       "Conversation roles must alternate ..."; other roles "Only user and
//                       assistant roles are supported!")
// bos "<s>", eos "</s>", unk "<unk>". Unknown names throw Error listing these.
ChatTemplate builtin_chat_template(const std::string & name);
const std::vector<std::string> & builtin_chat_template_names();

// ---- instruction records as chats ----------------------------------------------------------------

struct ChatPairOptions {
    std::string       system;   // a system turn's content; "" = no system turn
    ChatRenderOptions render;   // add_generation_prompt is set per rendering
    // Llama 3's original template writes the assistant header after every conversation, whether
    // add_generation_prompt is set or not, so the full rendering ends with an opened assistant turn
    // that nobody answers. By default that tail is cut from the answer (ChatPair::dropped_tail).
    // It is recognised, for any template, as: the template renders the prompt turns the same with
    // and without add_generation_prompt, and what it renders for no messages at all is non-empty
    // and ends both the prompt and the answer.
    bool keep_unconditional_generation_prompt = false;
};

// The record's turns: [system], user = instruction (with "\n\nContext:\n" + context appended when
// the context is not empty, as PromptTemplate::Chat puts it), and, with_response, assistant = response.
std::vector<ChatMessage> record_messages(const Record & r, const std::string & system, bool with_response);

struct ChatPair {
    std::string prompt;         // render(turns without the answer, add_generation_prompt=true)
    std::string answer;         // the rest of render(turns with the answer, add_generation_prompt=false):
                                // the assistant's content and the template's end-of-turn text
    std::string dropped_tail;   // what was cut from the answer's end (see ChatPairOptions), usually ""
    bool        prompt_has_bos = false;   // the prompt starts with the template's bos_token text
};

// Throws Error naming the template when the full rendering does not start with the prompt
// rendering (the prefix property an answer-only loss mask needs), when the template writes
// nothing for the answer, or when rendering fails.
ChatPair chat_pair(const ChatTemplate & t, const Record & r, const ChatPairOptions & opt = {});

// tokenize_records for chat templates: each record becomes chat_pair(); prompt + answer is encoded
// as one text without adding BOS or EOS (opt.add_bos / add_eos are not used), exactly as
// apply_chat_template(tokenize=True) does: the template writes every special token, BOS included
// ("<|begin_of_text|>" is matched as the added token it is), and its own end of turn. The mask
// starts where the prompt's own tokens end in that encoding; where a token spans the boundary
// (Mistral's "[/INST]" before an answer starting with "[" or "<" on the Llama-2 tokenizer: "][")
// prompt and answer are encoded apart instead. Then tokenize_sample's truncation rule (opt.max_len)
// applies, the template's first token standing where BOS stands. Records with an empty response
// are dropped and counted (TokenizeReport::n_empty_answer), as tokenize_records does. A tokenizer
// that does not read the template's bos_token text as its BOS id (a sentencepiece model reads
// "<s>" as characters) throws Error.
std::vector<TokenizedSample> tokenize_chat_records(const Tokenizer & tok, const std::vector<Record> & rows,
                                                   const ChatTemplate & t, const ChatPairOptions & chat,
                                                   const TokenizeOptions & opt, TokenizeReport * rep = nullptr);
// One record of tokenize_chat_records (an empty response gives n_answer == 0, for the caller to count).
TokenizedSample chat_sample(const Tokenizer & tok, const ChatTemplate & t, const ChatPairOptions & chat, const Record & r,
                            int32_t max_len);
// Throws Error (as above) when the pair's prompt writes the BOS text but `ids` do not start with BOS.
void check_chat_bos(const Tokenizer & tok, const ChatTemplate & t, const ChatPair & pair, const std::vector<int32_t> & ids);

} // namespace rapidun
