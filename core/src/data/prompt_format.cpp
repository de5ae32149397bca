// PromptFormat: fixed templates and chat templates behind one face (prompt_format.h).
#include "rapidun/data/prompt_format.h"

#include "rapidun/error.h"

#include <algorithm>
#include <filesystem>
#include <mutex>

namespace rapidun {

// model-chat's template depends on the tokenizer it is used with (its folder's
// tokenizer_config.json); parsed once per tokenizer path, shared by the format's copies, which
// the jobs of the studio may use from their own threads.
struct PromptFormat::ModelChat {
    std::mutex mutex;
    std::string tokenizer_path;
    std::shared_ptr<const ChatTemplate> chat;
};

PromptFormat::PromptFormat(PromptTemplate t) : name_(template_name(t)), fixed_(t) {}

const std::vector<std::string> & PromptFormat::names() {
    static const std::vector<std::string> n = [] {
        std::vector<std::string> v = {"alpaca", "plain", "chat", "instruction", "model-chat"};
        for (const std::string & b : builtin_chat_template_names()) v.push_back(b);
        return v;
    }();
    return n;
}

PromptFormat PromptFormat::parse(const std::string & name) {
    for (const char * fixed : {"alpaca", "plain", "chat", "instruction"})
        if (name == fixed) return PromptFormat(parse_template(name));
    PromptFormat f;
    f.name_ = name;
    if (name == "model-chat") {
        f.model_chat_ = std::make_shared<ModelChat>();
        return f;
    }
    const auto & builtin = builtin_chat_template_names();
    if (std::find(builtin.begin(), builtin.end(), name) != builtin.end()) {
        f.chat_ = std::make_shared<ChatTemplate>(builtin_chat_template(name));
        return f;
    }
    std::string all;
    for (const std::string & n : names()) all += (all.empty() ? "" : ", ") + n;
    throw Error("unknown prompt template '" + name + "': expected one of " + all);
}

std::shared_ptr<const ChatTemplate> PromptFormat::chat_template(const Tokenizer & tok) const {
    if (chat_ || !model_chat_) return chat_;
    std::lock_guard<std::mutex> lock(model_chat_->mutex);
    if (!model_chat_->chat || model_chat_->tokenizer_path != tok.path()) {
        // tokenizer_config.json sits beside tokenizer.json (tok.path() is the file, or the folder).
        std::filesystem::path dir(tok.path());
        if (!std::filesystem::is_directory(dir)) dir = dir.parent_path();
        model_chat_->chat = std::make_shared<ChatTemplate>(load_chat_template((dir / "tokenizer_config.json").string()));
        model_chat_->tokenizer_path = tok.path();
    }
    return model_chat_->chat;
}

std::string PromptFormat::prompt_text(const Tokenizer & tok, const std::string & instruction, const std::string & context) const {
    const auto chat = chat_template(tok);
    if (!chat) return format_prompt(fixed_, instruction, context);
    Record r;
    r.instruction = instruction;
    r.context = context;
    ChatRenderOptions ro;
    ro.add_generation_prompt = true;
    return chat->render(record_messages(r, "", false), ro);
}

std::vector<int32_t> PromptFormat::encode_prompt(const Tokenizer & tok, const std::string & instruction,
                                                 const std::string & context) const {
    const auto chat = chat_template(tok);
    if (!chat) return tok.encode(format_prompt(fixed_, instruction, context), true);
    ChatPair pair;
    pair.prompt = prompt_text(tok, instruction, context);
    const std::string bos = chat->special_token("bos_token");
    pair.prompt_has_bos = !bos.empty() && pair.prompt.compare(0, bos.size(), bos) == 0;
    std::vector<int32_t> ids = tok.encode(pair.prompt, false);
    check_chat_bos(tok, *chat, pair, ids);
    return ids;
}

TokenizedSample PromptFormat::sample(const Tokenizer & tok, const Record & r, const std::string & answer,
                                     const TokenizeOptions & opt) const {
    const auto chat = chat_template(tok);
    if (!chat) return tokenize_sample(tok, format_prompt(fixed_, r.instruction, r.context), answer, opt);
    Record with = r;
    with.response = answer;
    TokenizedSample s = chat_sample(tok, *chat, ChatPairOptions{}, with, opt.max_len);
    cut_answer(s, opt.max_answer);
    return s;
}

std::vector<TokenizedSample> tokenize_records(const Tokenizer & tok, const std::vector<Record> & rows, const PromptFormat & format,
                                              const TokenizeOptions & opt, TokenizeReport * rep_out) {
    TokenizeReport rep;
    std::vector<TokenizedSample> out;
    out.reserve(rows.size());
    for (const Record & r : rows) keep_sample(format.sample(tok, r, r.response, opt), out, rep);
    rep.n_samples = out.size();
    if (rep_out) *rep_out = rep;
    return out;
}

} // namespace rapidun
