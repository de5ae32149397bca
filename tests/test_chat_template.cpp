// Chat templates (chat_template.h) against transformers' apply_chat_template (PyPI), run as
// tests/chat_template_reference.py: the real Llama-3 and Qwen2.5 templates of ../shared/tokenizers on
// 100 Alpaca records (with and without a system turn, prompt-only and full, add_generation_prompt
// true and false), the built-in Llama-2-chat and Mistral-instruct formats against HF's same templates,
// every supported Jinja construct against transformers' Jinja environment, the (prompt, answer) split
// and its answer-only mask with the HF tokenizer, and one clear message per unusable template.
// Without ../shared the real-file cases skip; without python or transformers the comparisons skip.
#include "check.h"

#include "chat_template_cases.h"
#include "reference_python.h"
#include "rapidun/data/chat_template.h"
#include "rapidun/data/prompt_format.h"
#include "rapidun/data/records.h"
#include "rapidun/error.h"
#include "rapidun/io/atomic_file.h"
#include "rapidun/text/hf_tokenizer.h"
#include "rapidun/workspace/workspace.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>


namespace fs = std::filesystem;
using ojson = nlohmann::ordered_json;
using namespace rapidun;

namespace {

using Ids = std::vector<int32_t>;

const char * const k_system = "You are a helpful assistant. Answer briefly.";

std::string tmp_dir() {
    static const std::string d = check::fresh_dir("chat_template");
    return d;
}

std::string shared_folder(const std::string & name) {
    const std::string shared = check::shared_dir();
    if (shared.empty()) SKIP("../shared absent");
    const std::string d = shared + "/tokenizers/" + name;
    if (!fs::exists(d + "/tokenizer_config.json")) SKIP(d + "/tokenizer_config.json absent");
    return d;
}

// The first 100 Alpaca records (a mix with and without an input), read once.
const std::vector<Record> & records() {
    static std::vector<Record> rows;
    if (rows.empty()) {
        const std::string shared = check::shared_dir();
        if (shared.empty()) SKIP("../shared absent");
        std::vector<Record> all = read_alpaca_json(shared + "/data/alpaca/alpaca_data.json.gz");
        all.resize(std::min<size_t>(all.size(), 100));
        rows = std::move(all);
    }
    return rows;
}

// Contents where trim / strip and special-token text must behave exactly as in Python.
std::vector<std::string> hostile_contents() {
    return {"", " ", "  lead and trail  ", "\n\nnewlines\n\n", "tab\tin\tside\t", "nbsp\u00a0", "\u3000ideographic space\u3000",
            "line sep\u2028", "\u0085next line", "\x1c\x1d" "file seps\x1f", "crlf\r\nkept\r\n", "zero\u200bwidth\u200b",
            "<|begin_of_text|>special<|eot_id|>", "<|im_start|>user\nfake<|im_end|>", "{{ not a template }} {% if %}",
            "quote ' and \" and \\ backslash", "émoji 😀 and ß", "[INST] fake [/INST] </s>"};
}

// One rendering request: transformers' apply_chat_template on a tokenizer folder (template "" =
// the folder's own), or the bare template in transformers' Jinja environment (folder "").
struct Request {
    std::string folder, template_text;
    ojson       messages;
    bool        add_generation_prompt = false;
    ojson       variables = ojson::object();
};

struct Reply {
    bool        ok = false;
    std::string text;   // the rendering, or transformers' error
};

// Runs the reference script on all requests at once; SKIPs the calling test when python or
// transformers is missing, fails it when the script fails.
std::vector<Reply> reference(const std::vector<Request> & reqs) {
    static int n_calls = 0;
    const std::string in = tmp_dir() + "/reference-in-" + std::to_string(n_calls++) + ".jsonl";
    std::string text;
    for (const auto & r : reqs) {
        ojson line = {{"folder", r.folder.empty() ? ojson(nullptr) : ojson(r.folder)},
                      {"template", r.template_text.empty() ? ojson(nullptr) : ojson(r.template_text)},
                      {"messages", r.messages},
                      {"add_generation_prompt", r.add_generation_prompt},
                      {"variables", r.variables}};
        text += line.dump() + "\n";
    }
    write_file_atomic(in, text);
    const std::vector<std::string> lines =
        pyref::run(pyref::script("chat_template_reference.py"), pyref::shell_quote(in), "transformers and jinja2");
    fs::remove(in);
    std::vector<Reply> replies;
    for (const std::string & line : lines) {
        const ojson j = ojson::parse(line);
        Reply r;
        r.ok = j.contains("text");
        r.text = r.ok ? j["text"].get<std::string>() : j["error"].get<std::string>();
        replies.push_back(std::move(r));
    }
    REQUIRE(replies.size() == reqs.size());
    return replies;
}

std::string shown(const std::string & s, size_t at = 0) {
    const size_t b = at > 30 ? at - 30 : 0;
    std::string part = s.substr(b, 90);
    while (!part.empty()) {   // whole code points only, so the dump cannot throw
        try { return (b ? "..." : "") + ojson(part).dump() + (b + 90 < s.size() ? "..." : ""); }
        catch (const nlohmann::json::exception &) { part.pop_back(); }
    }
    return "\"\"";
}

// The Alpaca texts here are ASCII, where Python's str.strip() is this.
std::string trim_ascii(const std::string & s) {
    const size_t b = s.find_first_not_of(" \t\n\r\f\v"), e = s.find_last_not_of(" \t\n\r\f\v");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

ojson messages_json(const std::vector<ChatMessage> & m) {
    ojson list = ojson::array();
    for (const auto & x : m) list.push_back({{"role", x.role}, {"content", x.content}});
    return list;
}

// Renders every request with `render` and compares with transformers; returns the mismatches.
// Where transformers fails, ours must fail too.
template <class RenderFn>
size_t compare_all(const std::vector<Request> & reqs, RenderFn render, const std::string & label) {
    const auto ref = reference(reqs);
    size_t bad = 0, n_err = 0;
    for (size_t i = 0; i < reqs.size(); ++i) {
        std::string ours;
        bool ok = true;
        try {
            ours = render(reqs[i]);
        } catch (const Error & e) {
            ok = false;
            ours = e.what();
        }
        if (!ref[i].ok) ++n_err;
        if (ok == ref[i].ok && (!ok || ours == ref[i].text)) continue;
        if (++bad <= 5) {
            size_t at = 0;
            while (at < ours.size() && at < ref[i].text.size() && ours[at] == ref[i].text[at]) ++at;
            std::fprintf(stderr, "  %s: request %zu (agp %d) differs at byte %zu\n    ours %s%s\n    HF   %s%s\n", label.c_str(), i,
                         reqs[i].add_generation_prompt ? 1 : 0, at, ok ? "" : "[error] ", shown(ours, at).c_str(),
                         ref[i].ok ? "" : "[error] ", shown(ref[i].text, at).c_str());
        }
    }
    std::fprintf(stderr, "  %s: %zu renderings compared (%zu where both fail), %zu mismatches\n", label.c_str(), reqs.size(),
                 n_err, bad);
    return bad;
}

// Records x {no system, system} x {prompt turns, full turns} x add_generation_prompt {true, false}.
std::vector<Request> record_requests(const std::string & folder, const std::string & template_text, bool with_system) {
    std::vector<Request> reqs;
    for (const Record & r : records())
        for (const bool sys : {false, true}) {
            if (sys && !with_system) continue;
            for (const bool full : {false, true})
                for (const bool agp : {true, false}) {
                    Request q;
                    q.folder = folder;
                    q.template_text = template_text;
                    q.messages = messages_json(record_messages(r, sys ? k_system : "", full));
                    q.add_generation_prompt = agp;
                    reqs.push_back(std::move(q));
                }
        }
    return reqs;
}

std::vector<Request> hostile_requests(const std::string & folder, const std::string & template_text, bool with_system) {
    std::vector<Request> reqs;
    for (const auto & c : hostile_contents())
        for (const bool agp : {true, false}) {
            Request q;
            q.folder = folder;
            q.template_text = template_text;
            std::vector<ChatMessage> m;
            if (with_system) m.push_back({"system", c});
            m.push_back({"user", c});
            m.push_back({"assistant", c});
            m.push_back({"user", "again " + c});
            q.messages = messages_json(m);
            q.add_generation_prompt = agp;
            reqs.push_back(std::move(q));
        }
    return reqs;
}

std::string render_request(const ChatTemplate & t, const Request & q) {
    ChatRenderOptions o;
    o.add_generation_prompt = q.add_generation_prompt;
    o.variables = q.variables;
    return t.render_json(q.messages, o);
}

// Expects `fn` to throw Error with a one-line message that starts with `head` and holds every word.
template <class Fn>
void expect_error(Fn fn, const std::string & head, const std::vector<std::string> & words) {
    try {
        fn();
        CHECK_MSG(false, "no error; expected one starting with " + head);
    } catch (const Error & e) {
        const std::string m = e.what();
        std::fprintf(stderr, "  message: %s\n", m.c_str());
        CHECK_MSG(m.rfind(head, 0) == 0, "'" + m + "' does not start with '" + head + "'");
        CHECK_MSG(m.find('\n') == std::string::npos, m);
        for (const auto & w : words) CHECK_MSG(m.find(w) != std::string::npos, "'" + m + "' lacks '" + w + "'");
    }
}

} // namespace

TEST_CASE("llama3 and qwen2_5: renderings equal apply_chat_template on 100 Alpaca records") {
    size_t total = 0;
    for (const char * name : {"llama3", "qwen2_5"}) {
        const std::string folder = shared_folder(name);
        const ChatTemplate t = load_chat_template(folder);
        const auto reqs = record_requests(folder, "", true);
        CHECK(compare_all(reqs, [&](const Request & q) { return render_request(t, q); }, name) == 0);
        total += reqs.size();
    }
    std::fprintf(stderr, "  %zu renderings: 100 records x 2 system variants x 2 turn sets x 2 add_generation_prompt x 2 templates\n", total);
}

TEST_CASE("llama3 and qwen2_5: hostile contents (whitespace, specials, non-ASCII) render as apply_chat_template") {
    for (const char * name : {"llama3", "qwen2_5"}) {
        const std::string folder = shared_folder(name);
        const ChatTemplate t = load_chat_template(folder);
        auto reqs = hostile_requests(folder, "", true);
        const auto more = hostile_requests(folder, "", false);
        reqs.insert(reqs.end(), more.begin(), more.end());
        CHECK(compare_all(reqs, [&](const Request & q) { return render_request(t, q); }, std::string(name) + " hostile") == 0);
    }
}

TEST_CASE("built-in llama-2-chat and mistral-instruct equal HF's templates through apply_chat_template") {
    const std::string folder = shared_folder("llama2");   // bos <s>, eos </s>, unk <unk>, no template of its own
    for (const auto & name : builtin_chat_template_names()) {
        const ChatTemplate t = builtin_chat_template(name);
        // Mistral's template refuses a system turn (its roles must alternate from a user turn): the
    // system variants check that both fail.
        auto reqs = record_requests(folder, t.source(), true);
        const auto more = hostile_requests(folder, t.source(), name == "llama-2-chat");
        reqs.insert(reqs.end(), more.begin(), more.end());
        CHECK(compare_all(reqs, [&](const Request & q) { return render_request(t, q); }, name) == 0);
    }
    const ChatTemplate l2 = builtin_chat_template("llama-2-chat");
    CHECK(l2.render({{"system", "S"}, {"user", " U "}, {"assistant", "A"}}) == "<s>[INST] <<SYS>>\nS\n<</SYS>>\n\n U [/INST] A </s>");
    const ChatTemplate mi = builtin_chat_template("mistral-instruct");
    CHECK(mi.render({{"user", "U"}, {"assistant", "A"}}) == "<s>[INST] U [/INST]A</s>");
    expect_error([&] { mi.render({{"system", "S"}, {"user", "U"}}); }, "built-in mistral-instruct: line 1, column",
                 {"the template raised an error: Conversation roles must alternate user/assistant/user/assistant/..."});
    expect_error([&] { mi.render({{"user", "U"}, {"tool", "T"}}); }, "built-in mistral-instruct: line 1, column",
                 {"the template raised an error: Only user and assistant roles are supported!"});
    expect_error([] { builtin_chat_template("chatml"); }, "unknown built-in chat template 'chatml'", {"llama-2-chat", "mistral-instruct"});
}

TEST_CASE("every supported Jinja construct renders as transformers' Jinja environment does") {
    std::vector<Request> reqs;
    std::vector<std::unique_ptr<ChatTemplate>> parsed;   // null where ours fails to parse
    std::vector<std::string> parse_errors;
    for (const auto & src : ctcases::engine_templates()) {
        Request q;
        q.template_text = src;
        q.messages = ojson::parse(ctcases::engine_messages_json());
        q.add_generation_prompt = true;
        q.variables = {{"bos_token", "<s>"}, {"eos_token", "</s>"}};
        reqs.push_back(std::move(q));
        try {
            parsed.push_back(std::make_unique<ChatTemplate>(src, "case", ojson{{"bos_token", "<s>"}, {"eos_token", "</s>"}}));
            parse_errors.emplace_back();
        } catch (const Error & e) {
            parsed.emplace_back();
            parse_errors.emplace_back(e.what());
        }
    }
    size_t i = 0;
    CHECK(compare_all(reqs, [&](const Request & q) {
              const size_t k = i++;
              if (!parsed[k]) throw Error(parse_errors[k]);
              ChatRenderOptions o;
              o.add_generation_prompt = q.add_generation_prompt;
              return parsed[k]->render_json(q.messages, o);
          }, "engine cases") == 0);
}

TEST_CASE("what the renderer refuses gets one message with the line and column") {
    const ojson messages = ojson::parse(ctcases::engine_messages_json());
    for (const auto & c : ctcases::refused_templates()) {
        // After a comment, so the columns show they count from the line's start.
        expect_error([&] { ChatTemplate("{# x #}" + c.template_text, "refused.jinja").render_json(messages); }, "refused.jinja: line ",
                     c.words);
    }
    // Found by the fuzz target: 1,900 unary signs in one tag overflowed the stack (the expression
    // tree is as deep as its tag is long). Tags and block nesting are bounded far above any real
    // template; just under the bounds, a template still renders.
    std::string signs(2000, '-');
    expect_error([&] { ChatTemplate("{{ " + signs + "1 }}", "deep.jinja"); }, "deep.jinja: line 1", {"more than 500 tokens"});
    CHECK(ChatTemplate("{{ " + std::string(400, '-') + "1 }}", "ok.jinja").render({}) == "1");
    std::string nested, closed;
    for (int i = 0; i < 150; i++) nested += "{% if true %}", closed += "{% endif %}";
    expect_error([&] { ChatTemplate(nested + "x" + closed, "nested.jinja"); }, "nested.jinja: line 1", {"nested more than 100 deep"});
    nested.clear(), closed.clear();
    for (int i = 0; i < 90; i++) nested += "{% if true %}", closed += "{% endif %}";
    CHECK(ChatTemplate(nested + "x" + closed, "ok.jinja").render({}) == "x");
    // A namespace that holds itself (a reference cycle, leaked before: found by the fuzz target;
    // the ASan fuzz build checks the leak, this the rendering).
    CHECK(ChatTemplate("{% set ns = namespace(a=1) %}{% set ns.me = ns %}{{ ns.me.me.a }}", "cycle.jinja").render({}) == "1");
}

TEST_CASE("tokenizer_config.json: chat_template string, named list, chat_template.jinja, and broken files") {
    const std::string dir = tmp_dir() + "/configs";
    int n = 0;
    auto config = [&](const ojson & cfg, const std::string & jinja = "") {
        const std::string sub = dir + "/" + std::to_string(n++);
        fs::create_directories(sub);
        write_file_atomic(sub + "/tokenizer_config.json", cfg.dump(2));
        if (!jinja.empty()) write_file_atomic(sub + "/chat_template.jinja", jinja);
        return sub + "/tokenizer_config.json";
    };
    {
        const std::string f = config({{"bos_token", {{"content", "<B>"}, {"lstrip", false}}}, {"eos_token", "<E>"}, {"pad_token", nullptr},
                                      {"chat_template", "{{ bos_token }}{% for m in messages %}{{ m.content }}{% endfor %}{{ eos_token }}{{ pad_token is defined }}"}});
        const ChatTemplate t = load_chat_template(f);
        CHECK(t.render({{"user", "x"}}) == "<B>x<E>False");
        CHECK(t.special_token("bos_token") == "<B>");
        CHECK(t.origin() == f + ": chat_template");
        CHECK(load_chat_template(fs::path(f).parent_path().string()).render({{"user", "y"}}) == "<B>y<E>False");   // the folder works too
    }
    {
        const std::string f = config({{"chat_template", ojson::array({{{"name", "default"}, {"template", "D{{ messages|length }}"}},
                                                                      {{"name", "tool_use"}, {"template", "T"}}})}});
        CHECK(load_chat_template(f).render({{"user", "x"}}) == "D1");
        CHECK(load_chat_template(f, "tool_use").render({}) == "T");
        expect_error([&] { load_chat_template(f, "rag"); }, f, {"chat_template", "no template named 'rag'", "default, tool_use"});
    }
    {
        const std::string f = config({{"eos_token", "</s>"}}, "{{ messages[0].content }}{{ eos_token }}\n");
        CHECK(load_chat_template(f).render({{"user", "j"}}) == "j</s>");   // trailing newline dropped, as Jinja does
    }
    {
        const std::string f = config({{"chat_template", "{% for m in messages %}\n{% macro x() %}{% endmacro %}{% endfor %}"}});
        expect_error([&] { load_chat_template(f); }, f + ": chat_template: line 2, column 1", {"unsupported statement {% macro %}"});
    }
    {
        const std::string f = config({{"chat_template", "{{ messages | frobnicate }}"}});
        expect_error([&] { load_chat_template(f); }, f + ": chat_template: line 1, column 15", {"unsupported filter 'frobnicate'"});
    }
    {
        const std::string f = config({{"chat_template", "{% for m in messages %}{{ m.content }}"}});
        expect_error([&] { load_chat_template(f); }, f + ": chat_template: line 1, column 1", {"{% for %} is never closed"});
    }
    {
        const std::string f = config({{"chat_template", "{{ raise_exception('no ' + messages[0].role) }}"}});
        expect_error([&] { load_chat_template(f).render({{"tool", "x"}}); }, f + ": chat_template: line 1, column 4",
                     {"the template raised an error: no tool"});
    }
    {
        const std::string f = config({{"bos_token", "<s>"}});
        expect_error([&] { load_chat_template(f); }, f, {"no chat_template", "built-in"});
    }
    {
        const std::string f = config({{"chat_template", 7}});
        expect_error([&] { load_chat_template(f); }, f + ": chat_template", {"expected a string or a list"});
    }
    {
        const std::string sub = dir + "/bad-json";
        fs::create_directories(sub);
        write_file_atomic(sub + "/tokenizer_config.json", "{\"chat_template\": ");
        expect_error([&] { load_chat_template(sub); }, sub + "/tokenizer_config.json", {"not valid JSON"});
    }
    expect_error([&] { load_chat_template(dir + "/absent/tokenizer_config.json"); }, dir + "/absent/tokenizer_config.json", {});
    const std::string shared = check::shared_dir();
    if (!shared.empty()) {   // the real Llama-2 config ships no template
        const std::string f = shared + "/tokenizers/llama2/tokenizer_config.json";
        expect_error([&] { load_chat_template(f); }, f, {"no chat_template"});
    }
}

TEST_CASE("strftime_now reads the caller's fixed date; extra variables reach the template") {
    const ChatTemplate t("{{ strftime_now('%d %b %Y|%A %B %j %H:%M:%S %p|%y-%m-%e') }}|{{ date_string | default('none') }}", "dates");
    CHECK(t.render({}) == "26 Jul 2024|Friday July 208 00:00:00 AM|24-07-26|none");
    ChatRenderOptions o;
    o.year = 2025;
    o.month = 1;
    o.day = 5;
    o.hour = 13;
    o.variables = {{"date_string", "5 Jan 2025"}};
    CHECK(t.render({}, o) == "05 Jan 2025|Sunday January 005 13:00:00 PM|25-01- 5|5 Jan 2025");
    expect_error([&] { ChatTemplate("{{ strftime_now('%c') }}", "dates").render({}); }, "dates: line 1, column", {"unsupported directive %c"});
}

TEST_CASE("chat pairs: the prompt ends at the generation prompt, the answer is the turn's content and end") {
    const std::vector<Record> & rows = records();
    const ChatTemplate l3 = load_chat_template(shared_folder("llama3"));
    const ChatTemplate qw = load_chat_template(shared_folder("qwen2_5"));
    const std::string header = "<|start_header_id|>assistant<|end_header_id|>\n\n";
    for (size_t i = 0; i < 5; ++i) {
        const Record & r = rows[i];
        for (const bool sys : {false, true}) {
            ChatPairOptions o;
            o.system = sys ? k_system : "";
            const ChatPair p = chat_pair(l3, r, o);
            CHECK(p.prompt.rfind("<|begin_of_text|>", 0) == 0);
            CHECK(p.prompt_has_bos);
            CHECK(p.prompt.size() >= header.size() && p.prompt.compare(p.prompt.size() - header.size(), header.size(), header) == 0);
            // Llama 3's template trims the content and writes the assistant header once more after
            // the turn; that unanswered header is not the answer's.
            CHECK(p.answer == trim_ascii(r.response) + "<|eot_id|>");
            CHECK(p.dropped_tail == header);
            o.keep_unconditional_generation_prompt = true;
            const ChatPair kept = chat_pair(l3, r, o);
            CHECK(kept.answer == p.answer + header);
            CHECK(kept.prompt + kept.answer == l3.render(record_messages(r, o.system, true)));

            const ChatPair q = chat_pair(qw, r, o);
            CHECK(!q.prompt_has_bos);
            CHECK(q.prompt.rfind(sys ? "<|im_start|>system\nYou are a helpful" : "<|im_start|>system\nYou are Qwen", 0) == 0);
            CHECK(q.answer == r.response + "<|im_end|>\n");
            CHECK(q.dropped_tail.empty());
        }
    }
}

TEST_CASE("chat pairs tokenised (Llama-3, Qwen2.5, Llama-2): one BOS, the ids of the whole rendering, the mask on the answer") {
    const std::vector<Record> & rows = records();
    std::vector<Record> few(rows.begin(), rows.begin() + 8);
    few.push_back(few[0]);
    few.back().response.clear();   // dropped and counted, as tokenize_records does
    for (const char * name : {"llama3", "qwen2_5"}) {
        const std::string folder = shared_folder(name);
        const auto tok = load_hf_tokenizer(folder + "/tokenizer.json");
        const ChatTemplate t = load_chat_template(folder);
        ChatPairOptions chat;
        chat.system = k_system;
        TokenizeOptions opt;
        opt.max_len = 4096;
        TokenizeReport rep;
        const auto samples = tokenize_chat_records(*tok, few, t, chat, opt, &rep);
        CHECK(rep.n_empty_answer == 1);
        CHECK(rep.n_truncated == 0);
        REQUIRE(samples.size() == 8);
        const std::string end_of_turn = std::string(name) == "llama3" ? "<|eot_id|>" : "<|im_end|>\n";
        for (size_t i = 0; i < samples.size(); ++i) {
            const TokenizedSample & s = samples[i];
            const ChatPair p = chat_pair(t, few[i], chat);
            const Ids prompt_ids(s.ids.begin(), s.ids.begin() + s.n_prompt);
            const Ids answer_ids(s.ids.begin() + s.n_prompt, s.ids.end());
            CHECK(prompt_ids == tok->encode(p.prompt, false));
            CHECK(answer_ids == tok->encode(p.answer, false));
            CHECK(tok->decode_hf(answer_ids, false) == p.answer);
            CHECK(p.answer.size() > end_of_turn.size() &&
                  p.answer.compare(p.answer.size() - end_of_turn.size(), end_of_turn.size(), end_of_turn) == 0);
            // The split loses nothing against encoding the whole rendering at once (what
            // apply_chat_template(tokenize=True) gives).
            CHECK(s.ids == tok->encode(p.prompt + p.answer, false));
            size_t n_mask = 0, n_bos = 0;
            for (size_t k = 0; k < s.ids.size(); ++k) {
                n_mask += s.answer_mask[k];
                CHECK(s.answer_mask[k] == (k >= static_cast<size_t>(s.n_prompt) ? 1 : 0));
                n_bos += tok->bos_id() >= 0 && s.ids[k] == tok->bos_id();
            }
            CHECK(n_mask == static_cast<size_t>(s.n_answer));
            if (std::string(name) == "llama3") {
                CHECK(s.ids.front() == tok->bos_id());   // written by the template, not added twice
                CHECK(n_bos == 1);
                CHECK(s.ids.back() == tok->token_to_id("<|eot_id|>"));
            } else {
                CHECK(n_bos == 0);
                CHECK(s.ids.front() == tok->token_to_id("<|im_start|>"));
                CHECK(answer_ids[answer_ids.size() - 2] == tok->token_to_id("<|im_end|>"));
            }
        }
        // Truncation keeps the template's first token (the BOS for Llama 3) and the answer's start.
        opt.max_len = 24;
        const auto cut = tokenize_chat_records(*tok, few, t, chat, opt, &rep);
        CHECK(rep.n_truncated == 8);
        REQUIRE(cut.size() == samples.size());
        for (size_t i = 0; i < cut.size(); ++i) {
            CHECK(cut[i].ids.size() == 24);
            CHECK(cut[i].ids.front() == samples[i].ids.front());
            CHECK(cut[i].n_answer == std::min(12, samples[i].n_answer));
            CHECK(Ids(cut[i].ids.begin() + cut[i].n_prompt, cut[i].ids.end()) ==
                  Ids(samples[i].ids.begin() + samples[i].n_prompt, samples[i].ids.begin() + samples[i].n_prompt + cut[i].n_answer));
        }
    }
    // Llama-2-chat on the Llama-2 tokenizer (metaspace): the answer " {response} </s>" is taken from
    // the whole rendering's encoding, so it has no extra "▁" that encoding it alone would add.
    {
        const auto l2 = load_hf_tokenizer(shared_folder("llama2") + "/tokenizer.json");
        const ChatTemplate t = builtin_chat_template("llama-2-chat");
        ChatPairOptions chat;
        chat.system = k_system;
        TokenizeOptions opt;
        opt.max_len = 4096;
        const auto samples = tokenize_chat_records(*l2, few, t, chat, opt);
        REQUIRE(samples.size() == 8);
        size_t n_apart_differs = 0;
        for (size_t i = 0; i < samples.size(); ++i) {
            const TokenizedSample & s = samples[i];
            const ChatPair p = chat_pair(t, few[i], chat);
            CHECK(s.ids == l2->encode(p.prompt + p.answer, false));
            CHECK(Ids(s.ids.begin(), s.ids.begin() + s.n_prompt) == l2->encode(p.prompt, false));
            CHECK(std::count(s.ids.begin(), s.ids.end(), l2->bos_id()) == 1);
            CHECK(s.ids.front() == l2->bos_id());
            CHECK(s.ids.back() == l2->eos_id());
            n_apart_differs += Ids(s.ids.begin() + s.n_prompt, s.ids.end()) != l2->encode(p.answer, false);
        }
        CHECK(n_apart_differs == samples.size());   // why the whole rendering is encoded
    }
    // The plain templates still add BOS as before.
    const auto l3 = load_hf_tokenizer(shared_folder("llama3") + "/tokenizer.json");
    const TokenizedSample plain = tokenize_sample(*l3, format_prompt(PromptTemplate::Chat, "i", ""), "a", TokenizeOptions{});
    CHECK(plain.ids.front() == l3->bos_id());
    CHECK(plain.ids.back() == l3->eos_id());
}

TEST_CASE("chat pairs: a template whose full rendering does not extend the prompt is refused") {
    Record r;
    r.instruction = "Say hi";
    r.response = "hi";
    // The generation prompt ends with a newline the assistant turn does not have.
    const ChatTemplate t("{% for m in messages %}<{{ m.role }}>{{ m.content }}</{{ m.role }}>{% endfor %}"
                         "{% if add_generation_prompt %}<assistant>\n{% endif %}", "mismatch.jinja");
    expect_error([&] { chat_pair(t, r); }, "mismatch.jinja: the rendering with the assistant turn does not start with the "
                                           "generation-prompt rendering", {"byte", "answer-only loss mask"});
    const ChatTemplate silent("{% for m in messages %}{% if m.role == 'user' %}{{ m.content }}{% endif %}{% endfor %}", "silent.jinja");
    expect_error([&] { chat_pair(silent, r); }, "silent.jinja: the template writes nothing for the assistant turn", {});
    ChatPairOptions o;
    o.system = "S";
    expect_error([&] { chat_pair(builtin_chat_template("mistral-instruct"), r, o); }, "built-in mistral-instruct: line 1",
                 {"the template raised an error: Conversation roles must alternate"});
    // Llama-2-chat: the answer is " {response} </s>" after "[/INST]".
    const ChatPair p = chat_pair(builtin_chat_template("llama-2-chat"), r, o);
    CHECK(p.prompt == "<s>[INST] <<SYS>>\nS\n<</SYS>>\n\nSay hi [/INST]");
    CHECK(p.answer == " hi </s>");
    CHECK(p.prompt_has_bos);
    r.context = "ctx";
    CHECK(record_messages(r, "", true)[0].content == "Say hi\n\nContext:\nctx");
}

TEST_CASE("workspace prompt formats: model-chat and the built-in chats tokenise as chat pairs, fixed ones as before") {
    const std::vector<Record> & rows = records();
    std::vector<Record> few(rows.begin(), rows.begin() + 6);
    TokenizeOptions opt;
    opt.max_len = 4096;
    for (const char * name : {"llama3", "qwen2_5"}) {
        const std::string folder = shared_folder(name);
        const auto tok = load_hf_tokenizer(folder + "/tokenizer.json");
        const ChatTemplate t = load_chat_template(folder);
        const PromptFormat f = PromptFormat::parse("model-chat");
        CHECK(f.is_chat() && f.name() == "model-chat");
        const auto via_format = tokenize_records(*tok, few, f, opt);
        const auto via_chat = tokenize_chat_records(*tok, few, t, ChatPairOptions{}, opt);
        REQUIRE(via_format.size() == few.size() && via_chat.size() == few.size());
        for (size_t i = 0; i < few.size(); ++i) {
            CHECK(via_format[i].ids == via_chat[i].ids && via_format[i].answer_mask == via_chat[i].answer_mask);
            // The prompt to generate from is the sample's prompt part, the template's BOS included (Llama 3)
            // or absent (Qwen2.5 writes none), never one added twice.
            const Ids p = f.encode_prompt(*tok, few[i].instruction, few[i].context);
            CHECK(p == Ids(via_chat[i].ids.begin(), via_chat[i].ids.begin() + via_chat[i].n_prompt));
            CHECK(f.prompt_text(*tok, few[i].instruction, few[i].context) == chat_pair(t, few[i]).prompt);
            CHECK((p[0] == tok->bos_id()) == (std::string(name) == "llama3"));
            CHECK(std::count(p.begin(), p.end(), tok->bos_id()) <= 1);
        }
    }
    // A fixed template: BOS + format_prompt, the answer + EOS, as tokenize_sample gives.
    const auto l3 = load_hf_tokenizer(shared_folder("llama3") + "/tokenizer.json");
    const PromptFormat plain = PromptFormat::parse("plain");
    CHECK(!plain.is_chat());
    const TokenizedSample a = plain.sample(*l3, few[0], few[0].response, opt);
    const TokenizedSample b = tokenize_sample(*l3, format_prompt(PromptTemplate::Plain, few[0].instruction, few[0].context),
                                              few[0].response, opt);
    CHECK(a.ids == b.ids && a.answer_mask == b.answer_mask);
    // The answer window cuts a chat pair's answer as it cuts a fixed template's (PromptFormat::sample).
    TokenizeOptions cut = opt;
    cut.max_answer = 3;
    const TokenizedSample c = PromptFormat::parse("model-chat").sample(*l3, few[0], few[0].response, cut);
    const TokenizedSample whole = PromptFormat::parse("model-chat").sample(*l3, few[0], few[0].response, opt);
    CHECK(c.n_answer == 3 && c.truncated && c.ids == Ids(whole.ids.begin(), whole.ids.begin() + whole.n_prompt + 3));
    // A built-in chat format renders with its own text; "<s>" is Llama-2's BOS only for Llama-2's tokenizer.
    const auto l2 = load_hf_tokenizer(shared_folder("llama2") + "/tokenizer.json");
    const Ids m = PromptFormat::parse("mistral-instruct").encode_prompt(*l2, "Say hi", "");
    CHECK(m[0] == l2->bos_id());
    CHECK_THROWS_WITH(PromptFormat::parse("mistral-instruct").encode_prompt(*l3, "Say hi", ""), "built-in mistral-instruct",
                      "does not read it as its BOS id");
    // Unknown names, and a model whose tokenizer ships no chat template, are refused by name.
    CHECK_THROWS_WITH(PromptFormat::parse("chatml"), "unknown prompt template 'chatml'", "model-chat", "mistral-instruct");
    const std::string bare = tmp_dir() + "/bare";
    fs::create_directories(bare);
    fs::copy_file(shared_folder("llama3") + "/tokenizer.json", bare + "/tokenizer.json", fs::copy_options::overwrite_existing);
    write_file_atomic(bare + "/tokenizer_config.json", "{\"bos_token\": \"<|begin_of_text|>\"}");
    const auto no_chat = load_hf_tokenizer(bare + "/tokenizer.json");
    const std::string bare_config = bare + "/tokenizer_config.json";
    CHECK_THROWS_WITH(PromptFormat::parse("model-chat").encode_prompt(*no_chat, "Say hi", ""), bare_config.c_str(),
                      "no chat_template");
    // A workspace naming an unknown format fails when it is opened, naming the file and the field.
    const std::string ws = tmp_dir() + "/ws";
    fs::create_directories(ws);
    write_file_atomic(ws + "/workspace.json", R"({"model": "m", "prompt_template": "chatml"})");
    CHECK_THROWS_WITH(Workspace::load(ws), "workspace.json", "field 'prompt_template'", "unknown prompt template 'chatml'");
}

RAPIDUN_TEST_MAIN()
