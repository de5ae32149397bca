// Chat templates (chat_template.h): loading them from tokenizer_config.json, the built-in formats,
// rendering through the Jinja subset in jinja_*.cpp, and records as (prompt, answer) pairs.
#include "rapidun/data/chat_template.h"

#include "data/jinja.h"
#include "rapidun/error.h"
#include "rapidun/io/atomic_file.h"
#include "text/hf_unicode.h"

#include <algorithm>
#include <filesystem>

namespace rapidun {

namespace fs = std::filesystem;
using ojson = nlohmann::ordered_json;

struct ChatTemplate::Parsed {
    std::string normalized;   // the source as Jinja sees it (positions in messages refer to it)
    jinja::Body body;
};

namespace {

// The special tokens transformers passes to every template (its special_tokens_map: the named
// ones that are set; additional_special_tokens are not passed).
const char * const k_special_names[] = {"bos_token", "eos_token", "unk_token", "sep_token", "pad_token", "cls_token", "mask_token"};

// HF's Llama-2-chat template (meta-llama/Llama-2-7b-chat-hf, tokenizer_config.json), verbatim.
const char * const k_llama2_chat =
    R"JINJA({% if messages[0]['role'] == 'system' %}{% set loop_messages = messages[1:] %}{% set system_message = messages[0]['content'] %}{% else %}{% set loop_messages = messages %}{% set system_message = false %}{% endif %}{% for message in loop_messages %}{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}{% if loop.index0 == 0 and system_message != false %}{% set content = '<<SYS>>\n' + system_message + '\n<</SYS>>\n\n' + message['content'] %}{% else %}{% set content = message['content'] %}{% endif %}{% if message['role'] == 'user' %}{{ bos_token + '[INST] ' + content.strip() + ' [/INST]' }}{% elif message['role'] == 'assistant' %}{{ ' '  + content.strip() + ' ' + eos_token }}{% endif %}{% endfor %})JINJA";

// HF's Mistral-instruct template (mistralai/Mistral-7B-Instruct-v0.1, also Mixtral-8x7B-Instruct-v0.1), verbatim.
const char * const k_mistral_instruct =
    R"JINJA({{ bos_token }}{% for message in messages %}{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}{% if message['role'] == 'user' %}{{ '[INST] ' + message['content'] + ' [/INST]' }}{% elif message['role'] == 'assistant' %}{{ message['content'] + eos_token}}{% else %}{{ raise_exception('Only user and assistant roles are supported!') }}{% endif %}{% endfor %})JINJA";

// Every string in a JSON value is valid UTF-8 (the renderer walks code points); else Error.
void check_utf8(const ojson & j, const std::string & origin, const std::string & where) {
    if (j.is_string()) {
        const std::string & s = j.get_ref<const std::string &>();
        const size_t bad = hf::find_invalid_utf8(s.data(), s.size());
        if (bad != hf::k_npos) fail(origin, where, "not valid UTF-8 (byte " + std::to_string(bad) + ")");
    } else if (j.is_array()) {
        for (size_t i = 0; i < j.size(); ++i) check_utf8(j[i], origin, where + "[" + std::to_string(i) + "]");
    } else if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) {
            check_utf8(ojson(it.key()), origin, where + " key");
            check_utf8(*it, origin, where + "." + it.key());
        }
    }
}

bool ends_with(const std::string & s, const std::string & tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// A short, escaped view of s around byte i for messages.
std::string excerpt(const std::string & s, size_t i) {
    const size_t b = i > 20 ? i - 20 : 0;
    std::string part = s.substr(b, 40);
    // Cut at a code-point boundary so the JSON dump below cannot meet half a character.
    while (!part.empty() && hf::find_invalid_utf8(part.data(), part.size()) != hf::k_npos) part.pop_back();
    return (b > 0 ? "..." : "") + ojson(part).dump() + (b + 40 < s.size() ? "..." : "");
}

} // namespace

ChatTemplate::ChatTemplate(const std::string & source, const std::string & origin, const ojson & special_tokens)
    : origin_(origin), source_(source), special_(special_tokens) {
    const size_t bad = hf::find_invalid_utf8(source.data(), source.size());
    if (bad != hf::k_npos) fail(origin, "", "the template is not valid UTF-8 (byte " + std::to_string(bad) + ")");
    if (!special_.is_object()) fail(origin, "", "special tokens must be a JSON object");
    check_utf8(special_, origin, "special tokens");
    auto p = std::make_shared<Parsed>();
    p->normalized = jinja::normalize_source(source);
    try {
        p->body = jinja::parse_template(p->normalized);
    } catch (const jinja::TemplateError & e) {
        fail(origin, jinja::describe_position(p->normalized, e.pos), e.what);
    }
    parsed_ = std::move(p);
}

std::string ChatTemplate::special_token(const std::string & name) const {
    auto it = special_.find(name);
    return it != special_.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string ChatTemplate::render(const std::vector<ChatMessage> & messages, const ChatRenderOptions & opt) const {
    ojson list = ojson::array();
    for (const auto & m : messages) list.push_back({{"role", m.role}, {"content", m.content}});
    return render_json(list, opt);
}

std::string ChatTemplate::render_json(const ojson & messages, const ChatRenderOptions & opt) const {
    if (!messages.is_array()) fail(origin_, "", "messages must be a list");
    // apply_chat_template drops the fields whose value is None before rendering.
    ojson chat = ojson::array();
    for (size_t i = 0; i < messages.size(); ++i) {
        if (!messages[i].is_object()) fail(origin_, "", "message " + std::to_string(i) + " is not an object");
        ojson m = ojson::object();
        for (auto it = messages[i].begin(); it != messages[i].end(); ++it)
            if (!it->is_null()) m[it.key()] = *it;
        chat.push_back(std::move(m));
    }
    check_utf8(chat, origin_, "messages");
    ojson vars = special_;
    ojson extra = opt.variables.is_null() ? ojson::object() : opt.variables;
    if (!extra.is_object()) fail(origin_, "", "template variables must be a JSON object");
    check_utf8(extra, origin_, "variables");
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (it.key() == "messages" || it.key() == "add_generation_prompt")
            fail(origin_, "", "variable '" + it.key() + "' is set by the renderer, not by ChatRenderOptions::variables");
        vars[it.key()] = *it;
    }
    vars["messages"] = std::move(chat);
    if (!vars.contains("tools")) vars["tools"] = nullptr;
    if (!vars.contains("documents")) vars["documents"] = nullptr;
    vars["add_generation_prompt"] = opt.add_generation_prompt;
    jinja::FixedTime now;
    now.year = opt.year;
    now.month = opt.month;
    now.day = opt.day;
    now.hour = opt.hour;
    now.minute = opt.minute;
    now.second = opt.second;
    try {
        return jinja::render_template(parsed_->body, vars, now);
    } catch (const jinja::TemplateError & e) {
        const std::string place = jinja::describe_position(parsed_->normalized, e.pos);
        if (e.what.rfind("raise_exception: ", 0) == 0)
            fail(origin_, place, "the template raised an error: " + e.what.substr(17));
        fail(origin_, place, e.what);
    } catch (const nlohmann::json::exception & e) {   // a value of a type the renderer did not expect
        fail(origin_, "", "rendering failed: " + json_message(e));
    }
}

ChatTemplate load_chat_template(const std::string & path, const std::string & name) {
    std::error_code ec;
    const std::string file = fs::is_directory(path, ec) ? (fs::path(path) / "tokenizer_config.json").string() : path;
    const std::string text = read_file_text(file);
    ojson cfg;
    try {
        cfg = ojson::parse(text);
    } catch (const nlohmann::json::parse_error & e) {
        fail(file, "", "not valid JSON: " + json_message(e));
    } catch (const nlohmann::json::exception & e) {   // e.g. a number too large for a double (1e309)
        fail(file, "", std::string("not readable JSON: ") + e.what());
    }
    if (!cfg.is_object()) fail(file, "", "not a JSON object");
    ojson special = ojson::object();
    for (const char * key : k_special_names) {
        auto it = cfg.find(key);
        if (it == cfg.end() || it->is_null()) continue;
        if (it->is_string()) special[key] = *it;
        else if (it->is_object() && it->contains("content") && (*it)["content"].is_string()) special[key] = (*it)["content"];
        else fail(file, key, "expected a string, {\"content\": ...} or null");
    }
    auto ct = cfg.find("chat_template");
    if (ct == cfg.end() || ct->is_null()) {
        const fs::path jinja_file = fs::path(file).parent_path() / "chat_template.jinja";
        if (fs::is_regular_file(jinja_file, ec)) return ChatTemplate(read_file_text(jinja_file.string()), jinja_file.string(), special);
        fail(file, "", "no chat_template (and no chat_template.jinja beside it): this tokenizer ships no chat format; "
                       "use a built-in one (llama-2-chat, mistral-instruct) or a fixed prompt template (alpaca, plain, ...)");
    }
    if (ct->is_string()) return ChatTemplate(ct->get<std::string>(), file + ": chat_template", special);
    if (ct->is_array()) {   // [{"name": "default", "template": "..."}, {"name": "tool_use", ...}]
        std::string names;
        for (size_t i = 0; i < ct->size(); ++i) {
            const ojson & e = (*ct)[i];
            if (!e.is_object() || !e.contains("name") || !e["name"].is_string() || !e.contains("template") || !e["template"].is_string())
                fail(file, "chat_template[" + std::to_string(i) + "]", "expected {\"name\": ..., \"template\": ...}");
            if (e["name"] == name)
                return ChatTemplate(e["template"].get<std::string>(), file + ": chat_template[\"" + name + "\"]", special);
            names += (names.empty() ? "" : ", ") + e["name"].get<std::string>();
        }
        fail(file, "chat_template", "no template named '" + name + "' (it has: " + names + ")");
    }
    fail(file, "chat_template", "expected a string or a list of named templates");
}

const std::vector<std::string> & builtin_chat_template_names() {
    static const std::vector<std::string> names = {"llama-2-chat", "mistral-instruct"};
    return names;
}

ChatTemplate builtin_chat_template(const std::string & name) {
    const ojson special = {{"bos_token", "<s>"}, {"eos_token", "</s>"}, {"unk_token", "<unk>"}};
    if (name == "llama-2-chat") return ChatTemplate(k_llama2_chat, "built-in llama-2-chat", special);
    if (name == "mistral-instruct") return ChatTemplate(k_mistral_instruct, "built-in mistral-instruct", special);
    throw Error("unknown built-in chat template '" + name + "': expected llama-2-chat or mistral-instruct");
}

std::vector<ChatMessage> record_messages(const Record & r, const std::string & system, bool with_response) {
    std::vector<ChatMessage> m;
    if (!system.empty()) m.push_back({"system", system});
    m.push_back({"user", r.instruction + (r.context.empty() ? "" : "\n\nContext:\n" + r.context)});
    if (with_response) m.push_back({"assistant", r.response});
    return m;
}

ChatPair chat_pair(const ChatTemplate & t, const Record & r, const ChatPairOptions & opt) {
    const auto prompt_turns = record_messages(r, opt.system, false);
    ChatRenderOptions ro = opt.render;
    ro.add_generation_prompt = true;
    ChatPair out;
    out.prompt = t.render(prompt_turns, ro);
    ro.add_generation_prompt = false;
    const std::string full = t.render(record_messages(r, opt.system, true), ro);
    if (full.compare(0, out.prompt.size(), out.prompt) != 0) {
        size_t i = 0;
        while (i < full.size() && i < out.prompt.size() && full[i] == out.prompt[i]) ++i;
        fail(t.origin(), "", "the rendering with the assistant turn does not start with the generation-prompt rendering "
                             "(byte " + std::to_string(i) + ": prompt " + excerpt(out.prompt, i) + ", full " + excerpt(full, i) +
                             "), so no answer-only loss mask can be cut from it");
    }
    out.answer = full.substr(out.prompt.size());
    if (!opt.keep_unconditional_generation_prompt && t.render(prompt_turns, ro) == out.prompt) {
        // The template ignores add_generation_prompt. What it writes after any conversation is what it
        // writes after none; when the answer ends with exactly that, it is not the assistant's to learn.
        std::string tail;
        try {
            ChatRenderOptions none = ro;
            none.add_generation_prompt = true;
            tail = t.render({}, none);
        } catch (const Error &) {
            tail.clear();   // the template needs messages: it has no unconditional tail to find this way
        }
        if (!tail.empty() && ends_with(out.prompt, tail) && ends_with(out.answer, tail) && out.answer.size() > tail.size()) {
            out.answer.resize(out.answer.size() - tail.size());
            out.dropped_tail = tail;
        }
    }
    if (out.answer.empty())
        fail(t.origin(), "", "the template writes nothing for the assistant turn, so there is no answer to train on");
    const std::string bos = t.special_token("bos_token");
    out.prompt_has_bos = !bos.empty() && out.prompt.compare(0, bos.size(), bos) == 0;
    return out;
}

TokenizedSample chat_sample(const Tokenizer & tok, const ChatTemplate & t, const ChatPairOptions & chat, const Record & r,
                            int32_t max_len) {
    if (r.response.empty()) return assemble_sample({}, {}, max_len);   // n_answer 0: the caller counts it as empty
    const ChatPair pair = chat_pair(t, r, chat);
    // apply_chat_template(tokenize=True) encodes the whole rendering at once; the mask boundary is
    // where the prompt's own tokens end in it. Encoding the answer alone would differ where a
    // tokenizer treats a text's start specially (metaspace: " hi </s>" would gain a "▁").
    std::vector<int32_t> p = tok.encode(pair.prompt, false);
    std::vector<int32_t> whole = tok.encode(pair.prompt + pair.answer, false);
    std::vector<int32_t> a;
    if (whole.size() >= p.size() && std::equal(p.begin(), p.end(), whole.begin()))
        a.assign(whole.begin() + static_cast<std::ptrdiff_t>(p.size()), whole.end());
    else   // a token spans the boundary: the two parts are encoded apart so the mask stays exact
        a = tok.encode(pair.answer, false);
    TokenizedSample s = assemble_sample(std::move(p), std::move(a), max_len);
    check_chat_bos(tok, t, pair, s.ids);
    return s;
}

void check_chat_bos(const Tokenizer & tok, const ChatTemplate & t, const ChatPair & pair, const std::vector<int32_t> & ids) {
    // A tokenizer that reads "<s>" as three characters (a sentencepiece model) would train on
    // text the model never sees as its BOS.
    if (pair.prompt_has_bos && (ids.empty() || ids[0] != tok.bos_id()))
        fail(t.origin(), "", "the template writes bos_token '" + t.special_token("bos_token") + "' but the tokenizer (" +
                                 tok.path() + ") does not read it as its BOS id " + std::to_string(tok.bos_id()) +
                                 "; chat templates need the model's tokenizer.json");
}

std::vector<TokenizedSample> tokenize_chat_records(const Tokenizer & tok, const std::vector<Record> & rows,
                                                   const ChatTemplate & t, const ChatPairOptions & chat,
                                                   const TokenizeOptions & opt, TokenizeReport * rep_out) {
    TokenizeReport rep;
    std::vector<TokenizedSample> out;
    out.reserve(rows.size());
    for (const Record & r : rows) keep_sample(chat_sample(tok, t, chat, r, opt.max_len), out, rep);
    rep.n_samples = out.size();
    if (rep_out) *rep_out = rep;
    return out;
}

} // namespace rapidun
