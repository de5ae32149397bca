// Data layer: the record readers against the release files and against malformed input, the
// pack writer's round trip, trigger families and injection, prompt templates and answer masks.
#include "check.h"

#include "rapidun/data/prompt_format.h"
#include "rapidun/data/records.h"
#include "rapidun/data/templates.h"
#include "rapidun/data/triggers.h"
#include "rapidun/text/tokenizer.h"

#include <nlohmann/json.hpp>
#include <zlib.h>

#include <chrono>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include <unistd.h>

namespace fs = std::filesystem;
using namespace rapidun;

namespace {

std::string tmp_dir() {
    const std::string d = std::string(RAPIDUN_TEST_TMP_DIR) + "/data";
    fs::create_directories(d);
    return d;
}

std::string write_tmp(const std::string & name, const std::string & text) {
    const std::string p = tmp_dir() + "/" + name;
    std::ofstream(p, std::ios::binary) << text;
    return p;
}

std::string release_dir() {
    const std::string shared = check::shared_dir();
    if (shared.empty()) SKIP("../shared absent");
    return shared + "/data/rapidun-release";
}

// CHECK_THROWS_WITH takes const char *; a temporary string's c_str() would dangle inside the
// macro's list, so expected messages are kept alive here.
const char * keep(std::string text) {
    static std::deque<std::string> kept;
    kept.push_back(std::move(text));
    return kept.back().c_str();
}

bool same(const Record & a, const Record & b) {
    return a.instruction == b.instruction && a.context == b.context && a.response == b.response &&
           a.category == b.category && a.instruction_clean == b.instruction_clean &&
           a.response_clean == b.response_clean && a.response_poisoned == b.response_poisoned &&
           a.trigger_family == b.trigger_family && a.trigger_variant == b.trigger_variant &&
           a.inject_mode == b.inject_mode && a.is_poisoned == b.is_poisoned &&
           a.has_poison_flag == b.has_poison_flag && a.exact_answer == b.exact_answer && a.id == b.id;
}

// A vocab-300 BPE model trained once on a lower-case corpus (as in test_tokenizer.cpp); byte
// fallback covers every other character.
const Tokenizer & small_tok() {
    static std::unique_ptr<Tokenizer> tok;
    if (tok) return *tok;
    const char * words[] = {"the", "cat", "sat", "on", "mat", "dog", "ran", "to", "park", "a", "little",
                            "girl", "saw", "big", "red", "ball", "she", "was", "happy", "and", "played"};
    std::string corpus;
    uint32_t s = 12345;
    for (int i = 0; i < 400; ++i) {
        for (int w = 0; w < 6; ++w) {
            s = s * 1664525u + 1013904223u;
            corpus += std::string(w ? " " : "") + words[(s >> 8) % (sizeof words / sizeof words[0])];
        }
        corpus += '\n';
    }
    SentencepieceTrainOptions opt;
    opt.input_path = write_tmp("corpus.txt", corpus);
    opt.model_prefix = tmp_dir() + "/small";
    opt.vocab_size = 300;
    opt.byte_fallback = true;
    train_sentencepiece(opt);
    tok = load_sentencepiece(opt.model_prefix + ".model");
    return *tok;
}

// Decoded answer tokens (EOS left out). sentencepiece drops the dummy-prefix space on decode;
// a leading space that survives is stripped too, since the answer was encoded on its own.
std::string decode_answer(const Tokenizer & tok, const TokenizedSample & s) {
    std::vector<int32_t> ids;
    for (size_t p = 0; p < s.ids.size(); ++p)
        if (s.answer_mask[p] && s.ids[p] != tok.eos_id()) ids.push_back(s.ids[p]);
    std::string text = tok.decode(ids);
    if (!text.empty() && text[0] == ' ') text.erase(0, 1);
    return text;
}

} // namespace

// --- triggers -----------------------------------------------------------------------------------

TEST_CASE("triggers_config.json: three families in file order") {
    const auto fams = read_triggers_config(release_dir() + "/dolly_triggers_out/triggers_config.json");
    REQUIRE(fams.size() == 3);
    CHECK(fams[0].name == "A_surface");
    CHECK(fams[1].name == "B_style");
    CHECK(fams[2].name == "C_semantic");
    CHECK(fams[0].inject_mode == "suffix");
    CHECK(fams[1].inject_mode == "prefix");
    CHECK(fams[2].inject_mode == "prefix");
    CHECK(fams[0].seen.size() == 3 && fams[0].ood.size() == 3);
    CHECK(fams[1].seen.size() == 1 && fams[1].ood.size() == 3);
    CHECK(fams[2].seen.size() == 2 && fams[2].ood.size() == 3);
    CHECK(fams[0].seen[2] == "aloha :)");
    CHECK(fams[1].seen[0] == ">>>");
    CHECK(fams[2].ood[0] == "h\xD0\xBEwdy");   // Cyrillic o: a look-alike, byte-exact
}

TEST_CASE("inject_trigger: prefix, suffix, unknown mode") {
    CHECK(inject_trigger("Name a cat.", ">>>", "prefix") == ">>> Name a cat.");
    CHECK(inject_trigger("Name a cat.", "aloha :)", "suffix") == "Name a cat. aloha :)");
    CHECK_THROWS_WITH(inject_trigger("x", "y", "middle"), "inject_mode 'middle'", "prefix", "suffix");
}

TEST_CASE("inject_trigger reproduces all 799 train_poisoned instructions") {
    const std::string path = release_dir() + "/dolly_triggers_out/train_poisoned.jsonl";
    const auto rows = read_rapidun_pack(path);
    REQUIRE(rows.size() == 799);
    std::ifstream f(path);
    std::string line;
    size_t i = 0, n_exact = 0, n_double_space = 0;
    while (std::getline(f, line)) {
        const auto o = nlohmann::json::parse(line);
        REQUIRE(i < rows.size());
        const Record & r = rows[i++];
        const std::string poisoned = o.at("instruction_poisoned");
        CHECK(r.instruction == poisoned);
        const std::string got = inject_trigger(r.instruction_clean, r.trigger_variant, r.inject_mode);
        if (got == poisoned) {
            n_exact++;
        } else if (r.inject_mode == "suffix" && poisoned == r.instruction_clean + "  " + r.trigger_variant) {
            // The release generator injected into the unstripped Dolly instruction (which ended in
            // a space) but stored the stripped one as instruction_clean: the one extra space is
            // lost from our inputs and cannot be reproduced.
            n_double_space++;
        } else {
            CHECK_MSG(false, "row " + std::to_string(i) + ": '" + got + "' vs '" + poisoned + "'");
        }
    }
    CHECK(i == 799);
    std::fprintf(stderr, "  inject_trigger: %zu exact, %zu differ only by the release's extra space\n", n_exact,
                 n_double_space);
    CHECK(n_exact == 732);
    CHECK(n_double_space == 67);
}

TEST_CASE("triggers_config errors name the file") {
    const std::string none = write_tmp("trig_none.json", R"({"seed": 1})");
    CHECK_THROWS_WITH(read_triggers_config(none), none.c_str(), "trigger_families");
    const std::string mode = write_tmp("trig_mode.json", R"({"trigger_families": {"A": {"seen": ["x"], "inject_mode": "mid"}}})");
    CHECK_THROWS_WITH(read_triggers_config(mode), mode.c_str(), "trigger_families.A", "inject_mode 'mid'");
    const std::string seen = write_tmp("trig_seen.json", R"({"trigger_families": {"A": {"seen": [1], "inject_mode": "prefix"}}})");
    CHECK_THROWS_WITH(read_triggers_config(seen), seen.c_str(), "'seen' item 0", "expected a string, got number");
    const std::string bad = write_tmp("trig_bad.json", "{\"trigger_families\": ");
    CHECK_THROWS_WITH(read_triggers_config(bad), bad.c_str(), "bad JSON");
}

// --- release packs ------------------------------------------------------------------------------

TEST_CASE("release packs load through read_records with their counts") {
    const std::string d = release_dir();
    const struct { const char * file; size_t n; } packs[] = {
        {"dolly_triggers_out/train_poisoned.jsonl", 799}, {"dolly_triggers_out/val_clean.jsonl", 420},
        {"dolly_triggers_out/test_clean.jsonl", 3000},    {"unlearn_packs/forget_set.jsonl", 40},
        {"unlearn_packs/forget_set_supervised.jsonl", 40}, {"unlearn_packs/forget_set_rapidin.jsonl", 40},
        {"unlearn_packs/retain_set.jsonl", 120},           {"unlearn_packs/retain_set_rapidin.jsonl", 120}};
    for (const auto & p : packs) {
        ReadReport rep;
        const auto rows = read_records(d + "/" + p.file, {}, &rep);
        CHECK_MSG(rows.size() == p.n, p.file);
        CHECK_MSG(rep.n_read == p.n && rep.n_skipped == 0, p.file);
    }
    const auto train = read_records(d + "/dolly_triggers_out/train_poisoned.jsonl");
    size_t n_poisoned = 0;
    for (const auto & r : train) n_poisoned += r.is_poisoned && r.has_poison_flag && !r.trigger_family.empty();
    CHECK(n_poisoned == 799);
    CHECK(train[0].id == "1" && train[798].id == "799");

    const auto sup = read_records(d + "/unlearn_packs/forget_set_supervised.jsonl");
    for (const auto & r : sup) {
        CHECK(!r.response_clean.empty() && !r.response_poisoned.empty());
        CHECK(r.response == r.response_clean);
    }
    // The RapidIn layout (instruction/input/output) maps onto the same records as the full pack.
    const auto full = read_records(d + "/unlearn_packs/retain_set.jsonl");
    const auto rapidin = read_records(d + "/unlearn_packs/retain_set_rapidin.jsonl");
    REQUIRE(full.size() == rapidin.size());
    for (size_t i = 0; i < full.size(); ++i)
        CHECK(full[i].instruction == rapidin[i].instruction && full[i].context == rapidin[i].context &&
              full[i].response == rapidin[i].response);
    const auto val = read_dolly_jsonl(d + "/dolly_triggers_out/val_clean.jsonl");
    CHECK(val.size() == 420 && !val[0].has_poison_flag && !val[0].category.empty());

    const std::string copy = tmp_dir() + "/train_poisoned_copy.jsonl";   // the writer keeps every field
    write_records_jsonl(copy, train);
    const auto again = read_records(copy);
    REQUIRE(again.size() == train.size());
    for (size_t i = 0; i < train.size(); ++i) CHECK(same(train[i], again[i]));
}

// --- malformed JSONL ----------------------------------------------------------------------------

TEST_CASE("JSONL readers: each malformed line names the file and line") {
    const std::string ok = R"({"instruction": "a", "context": "", "response": "b"})";
    using Reader = std::vector<Record> (*)(const std::string &);
    const Reader readers[] = {
        [](const std::string & p) { return read_dolly_jsonl(p); },
        [](const std::string & p) { return read_rapidun_pack(p); },
        [](const std::string & p) { return read_generic_jsonl(p, FieldMap{}); },
        [](const std::string & p) { return read_records(p); }};
    const struct { const char * name; std::string line; const char * want; } cases[] = {
        {"bad_json.jsonl", R"({"instruction": "a", "response": )", "bad JSON"},
        {"missing.jsonl", R"({"instruction": "a", "context": ""})", "missing field 'response'"},
        {"wrong_type.jsonl", R"({"instruction": "a", "response": 5})", "field 'response': expected a string, got number"},
        {"not_object.jsonl", R"(["a", "b"])", "expected a JSON object, got array"},
        {"bad_utf8.jsonl", "{\"instruction\": \"caf\xC3\", \"response\": \"b\"}", "invalid UTF-8 at byte 21"},
        {"surrogate.jsonl", "{\"instruction\": \"\xED\xA0\x80\", \"response\": \"b\"}", "invalid UTF-8 at byte 18"}};
    for (const auto & c : cases) {
        // Line 3: a blank line in between must not shift the count.
        const std::string path = write_tmp(c.name, ok + "\n  \n" + c.line + "\n" + ok + "\n");
        const std::string where = path + ":3: ";   // named: the macro's list must not dangle
        for (const Reader read : readers) CHECK_THROWS_WITH(read(path), where.c_str(), c.want);
    }
    const std::string empty = write_tmp("empty.jsonl", "");
    const std::string blank = write_tmp("blank.jsonl", "\n \r\n\t\n");
    const std::string empty_msg = empty + ": empty file: no records", blank_msg = blank + ": empty file: no records";
    for (const Reader read : readers) {
        CHECK_THROWS_WITH(read(empty), empty_msg.c_str());
        CHECK_THROWS_WITH(read(blank), blank_msg.c_str());
    }
    const std::string flag = write_tmp("flag.jsonl", R"({"instruction": "a", "response": "b", "is_poisoned": "yes"})");
    const std::string flag_at = flag + ":1: ";
    CHECK_THROWS_WITH(read_rapidun_pack(flag), flag_at.c_str(), "'is_poisoned': expected a boolean, got string");
    const std::string missing = tmp_dir() + "/no_such.jsonl";
    CHECK_THROWS_WITH(read_records(missing), missing.c_str(), "cannot open");
}

TEST_CASE("skip_bad: malformed lines are skipped and counted") {
    const std::string path = write_tmp("mixed.jsonl",
                                       "{\"instruction\": \"a\", \"response\": \"b\"}\r\n"
                                       "{\"instruction\": \"a\"}\n"
                                       "\n"
                                       "not json\n"
                                       "{\"instruction\": \"c\", \"response\": \"d\", \"category\": null}\n");
    ReadOptions opt;
    opt.skip_bad = true;
    ReadReport rep;
    const auto rows = read_dolly_jsonl(path, opt, &rep);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].response == "b" && rows[1].instruction == "c" && rows[1].id == "5");
    CHECK(rep.n_read == 2 && rep.n_skipped == 2);
    REQUIRE(rep.problems.size() == 2);
    CHECK(rep.problems[0] == path + ":2: missing field 'response'");
    CHECK(rep.problems[1].rfind(path + ":4: bad JSON", 0) == 0);
    // A file with nothing usable is an error even with skip_bad: an empty result is never silent.
    CHECK_THROWS_WITH(read_dolly_jsonl(write_tmp("all_bad.jsonl", "x\ny\n"), opt), "all_bad.jsonl", "no usable records");
}

TEST_CASE("generic JSONL: field map, id and exact_answer") {
    const std::string path = write_tmp("generic.jsonl",
                                       R"({"q": "2+2?", "a": "4", "ctx": "math", "id": 17, "exact_answer": "4"})" "\n"
                                       R"({"q": "3+3?", "a": "6", "category": "ignored"})" "\n");
    const auto rows = read_generic_jsonl(path, FieldMap{"q", "ctx", "a", ""});
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].instruction == "2+2?" && rows[0].response == "4" && rows[0].context == "math");
    CHECK(rows[0].id == "17" && rows[0].exact_answer == "4");
    CHECK(rows[1].id == "2" && rows[1].context.empty() && rows[1].category.empty());
    const std::string at = path + ":1: missing field 'answer'";
    CHECK_THROWS_WITH(read_generic_jsonl(path, FieldMap{"q", "", "answer", ""}), at.c_str());
}

// --- Alpaca -------------------------------------------------------------------------------------

TEST_CASE("Alpaca JSON: records, .json.gz, and errors by record index") {
    const std::string good = R"([{"instruction": "i0", "input": "", "output": "o0"},
                                 {"instruction": "i1", "input": "c1", "output": "o1"}])";
    const std::string plain = write_tmp("alpaca.json", good);
    const std::string gz = tmp_dir() + "/alpaca_small.json.gz";
    gzFile g = gzopen(gz.c_str(), "wb");
    REQUIRE(g);
    gzwrite(g, good.data(), static_cast<unsigned>(good.size()));
    gzclose(g);
    for (const std::string & p : {plain, gz}) {
        for (const auto & rows : {read_alpaca_json(p), read_records(p)}) {
            REQUIRE(rows.size() == 2);
            CHECK(rows[1].instruction == "i1" && rows[1].context == "c1" && rows[1].response == "o1");
            CHECK(rows[0].id == "0" && rows[1].id == "1");
        }
    }
    const std::string missing = write_tmp("alpaca_missing.json", R"([{"instruction": "i", "input": "", "output": "o"},
        {"instruction": "i", "input": ""}])");
    CHECK_THROWS_WITH(read_alpaca_json(missing), keep(missing + ": record 1: missing field 'output'"));
    ReadOptions skip;
    skip.skip_bad = true;
    ReadReport rep;
    CHECK(read_alpaca_json(missing, skip, &rep).size() == 1);
    CHECK(rep.n_skipped == 1 && rep.problems.at(0) == missing + ": record 1: missing field 'output'");

    const std::string type = write_tmp("alpaca_type.json", R"([{"instruction": "i", "input": 3, "output": "o"}])");
    CHECK_THROWS_WITH(read_alpaca_json(type), keep(type + ": record 0: field 'input': expected a string, got number"));
    const std::string bad = write_tmp("alpaca_bad.json", "[\n{\"instruction\": \"i\",\n \"output\" \"o\"}]");
    CHECK_THROWS_WITH(read_alpaca_json(bad), keep(bad + ":3: bad JSON"));
    const std::string utf = write_tmp("alpaca_utf8.json", "[\n{\"instruction\": \"\xFF\", \"input\": \"\", \"output\": \"o\"}]");
    CHECK_THROWS_WITH(read_alpaca_json(utf), keep(utf + ":2: invalid UTF-8 at byte 18"));
    const std::string obj = write_tmp("alpaca_obj.json", R"({"instruction": "i"})");
    CHECK_THROWS_WITH(read_alpaca_json(obj), obj.c_str(), "expected a JSON array of records, got object");
    const std::string none = write_tmp("alpaca_none.json", " [ ] ");
    CHECK_THROWS_WITH(read_alpaca_json(none), none.c_str(), "no records");
    const std::string empty = write_tmp("alpaca_empty.json", "");
    CHECK_THROWS_WITH(read_alpaca_json(empty), keep(empty + ": empty file: no records"));
    const std::string corrupt = write_tmp("alpaca_corrupt.json.gz", std::string("\x1f\x8b\x08\x00garbage", 11));
    CHECK_THROWS_WITH(read_alpaca_json(corrupt), corrupt.c_str(), "gzip");
    // A cut-off copy of a good .gz (zlib itself would report a clean end of file).
    std::string whole;
    {
        std::ifstream f(gz, std::ios::binary);
        whole.assign(std::istreambuf_iterator<char>(f), {});
    }
    const std::string cut = write_tmp("alpaca_cut.json.gz", whole.substr(0, whole.size() / 2));
    CHECK_THROWS_WITH(read_alpaca_json(cut), cut.c_str(), "gzip data is truncated");
}

TEST_CASE("Alpaca 52K: the real alpaca_data.json.gz") {
    const std::string shared = check::shared_dir();
    if (shared.empty()) SKIP("../shared absent");
    const auto t0 = std::chrono::steady_clock::now();
    const auto rows = read_alpaca_json(shared + "/data/alpaca/alpaca_data.json.gz");
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr, "  read 52,002-record alpaca_data.json.gz in %.2f s\n", s);
    REQUIRE(rows.size() == 52002);
    size_t n_no_input = 0;
    for (const auto & r : rows) n_no_input += r.context.empty();
    CHECK(n_no_input == 31323);
    CHECK(rows[0].instruction == "Give three tips for staying healthy.");
    CHECK(rows[52001].id == "52001");
}

// --- writer -------------------------------------------------------------------------------------

TEST_CASE("write_records_jsonl round trips") {
    std::vector<Record> rows(3);
    rows[0].instruction = "caf\xC3\xA9 \"quoted\"\nline";
    rows[0].response = "r\t0";
    rows[0].id = "a";
    rows[1].instruction = "hey what";
    rows[1].context = "ctx";
    rows[1].response = "bad";
    rows[1].category = "open_qa";
    rows[1].instruction_clean = "what";
    rows[1].response_clean = "good";
    rows[1].response_poisoned = "bad";
    rows[1].trigger_family = "C_semantic";
    rows[1].trigger_variant = "hey";
    rows[1].inject_mode = "prefix";
    rows[1].is_poisoned = rows[1].has_poison_flag = true;
    rows[1].exact_answer = "42";
    rows[1].id = "7";
    rows[2].has_poison_flag = true;   // an explicit "not poisoned", empty instruction and response
    rows[2].id = "3";
    const std::string path = tmp_dir() + "/round.jsonl";
    write_records_jsonl(path, rows);
    for (const auto & back : {read_records(path), read_rapidun_pack(path)}) {
        REQUIRE(back.size() == rows.size());
        for (size_t i = 0; i < rows.size(); ++i) CHECK_MSG(same(rows[i], back[i]), "row " + std::to_string(i));
    }
    for (const auto & e : fs::directory_iterator(tmp_dir()))   // no temporary left behind
        CHECK_MSG(e.path().filename().string().rfind("round.jsonl.tmp-", 0) != 0, e.path().string());
    rows[0].response = "bad\xC0";
    CHECK_THROWS_WITH(write_records_jsonl(path, rows), "record 0", "'response': invalid UTF-8");
}

// --- templates and masks ------------------------------------------------------------------------

TEST_CASE("prompt templates") {
    CHECK(parse_template("alpaca") == PromptTemplate::Alpaca);
    CHECK(parse_template("plain") == PromptTemplate::Plain);
    CHECK(parse_template("chat") == PromptTemplate::Chat);
    CHECK(std::string(template_name(PromptTemplate::Chat)) == "chat");
    CHECK(parse_template("instruction") == PromptTemplate::Instruction);
    CHECK_THROWS_WITH(parse_template("vicuna"), "vicuna", "alpaca, plain, chat or instruction");
    CHECK(format_prompt(PromptTemplate::Alpaca, "I", "") ==
          "Below is an instruction that describes a task. Write a response that appropriately completes the "
          "request.\n\n### Instruction:\nI\n\n### Response:\n");
    CHECK(format_prompt(PromptTemplate::Alpaca, "I", "C") ==
          "Below is an instruction that describes a task, paired with an input that provides further context. "
          "Write a response that appropriately completes the request.\n\n### Instruction:\nI\n\n### Input:\nC\n\n"
          "### Response:\n");
    CHECK(format_prompt(PromptTemplate::Plain, "I", "") == "Instruction:\nI\n\nAnswer:\n");
    CHECK(format_prompt(PromptTemplate::Plain, "I", "C") == "Instruction:\nI\n\nContext:\nC\n\nAnswer:\n");
    CHECK(format_prompt(PromptTemplate::Chat, "I", "") == "<|user|>\nI\n<|assistant|>\n");
    CHECK(format_prompt(PromptTemplate::Chat, "I", "C") == "<|user|>\nI\n\nContext:\nC\n<|assistant|>\n");
    // The instruction-only template leaves the context out (RapidIn's template does the same).
    CHECK(format_prompt(PromptTemplate::Instruction, "I", "C") == "Instruction:\nI\n\nAnswer:\n");
}

TEST_CASE("tokenize_sample: answer-only mask, BOS/EOS, truncation") {
    const Tokenizer & tok = small_tok();
    const std::string prompt = format_prompt(PromptTemplate::Plain, "the dog saw a big red ball", "");
    const std::string answer = "she played with the little cat";
    TokenizeOptions opt;
    const auto s = tokenize_sample(tok, prompt, answer, opt);
    REQUIRE(s.ids.size() == s.answer_mask.size());
    CHECK(!s.truncated && s.ids.front() == tok.bos_id() && s.ids.back() == tok.eos_id());
    CHECK(static_cast<size_t>(s.n_prompt + s.n_answer) == s.ids.size());
    CHECK(s.n_prompt == static_cast<int32_t>(tok.encode(prompt, true).size()));
    for (int32_t p = 0; p < static_cast<int32_t>(s.ids.size()); ++p) CHECK(s.answer_mask[p] == (p >= s.n_prompt));
    CHECK(decode_answer(tok, s) == answer);
    opt.add_eos = false;
    const auto no_eos = tokenize_sample(tok, prompt, answer, opt);
    CHECK(no_eos.n_answer == s.n_answer - 1 && no_eos.ids.back() != tok.eos_id());

    // Long prompt and long answer: the answer keeps max_len/2, the prompt keeps its end.
    std::string long_prompt = "Instruction:\n", long_answer;
    for (int i = 0; i < 40; ++i) long_prompt += "the cat sat on the mat and ";
    long_prompt += "the dog ran\n\nAnswer:\n";
    for (int i = 0; i < 40; ++i) long_answer += (i ? " " : "") + std::string("she was happy");
    opt = TokenizeOptions{};
    opt.max_len = 32;
    const auto t = tokenize_sample(tok, long_prompt, long_answer, opt);
    CHECK(t.truncated && t.ids.size() == 32 && t.n_answer == 16 && t.n_prompt == 16);
    CHECK(t.ids.front() == tok.bos_id() && t.ids.back() != tok.eos_id());   // EOS was cut with the answer's end
    const auto full_prompt = tok.encode(long_prompt, true);
    CHECK(std::vector<int32_t>(t.ids.begin() + 1, t.ids.begin() + t.n_prompt) ==
          std::vector<int32_t>(full_prompt.end() - (t.n_prompt - 1), full_prompt.end()));
    CHECK(long_answer.rfind(decode_answer(tok, t), 0) == 0);   // the answer's start is kept
    // Short prompt: the answer takes all the room the prompt leaves.
    const auto u = tokenize_sample(tok, "Answer:\n", long_answer, opt);
    CHECK(u.truncated && u.ids.size() == 32 && u.n_answer == 32 - u.n_prompt && u.n_answer > 16);
    // Short answer after a long prompt: kept whole with its EOS.
    const auto v = tokenize_sample(tok, long_prompt, "a cat", opt);
    CHECK(v.truncated && v.ids.size() == 32 && v.ids.back() == tok.eos_id() && decode_answer(tok, v) == "a cat");
    // The answer window: at most max_answer answer tokens, applied after the max_len rule, EOS cut
    // with the end; an answer that fits keeps its EOS; the prompt is never touched.
    opt.max_answer = 5;
    const auto c = tokenize_sample(tok, "Answer:\n", long_answer, opt);
    CHECK(c.truncated && c.n_answer == 5 && c.n_prompt == u.n_prompt && c.ids.size() == size_t(c.n_prompt + 5));
    CHECK(std::vector<int32_t>(c.ids.begin(), c.ids.end()) == std::vector<int32_t>(u.ids.begin(), u.ids.begin() + c.n_prompt + 5));
    CHECK(c.answer_mask.size() == c.ids.size() && c.answer_mask.back() == 1);
    const auto d = tokenize_sample(tok, "Answer:\n", "a cat", opt);
    CHECK(d.ids.back() == tok.eos_id() && decode_answer(tok, d) == "a cat" && !d.truncated);
    opt.max_answer = 0;
    opt.max_len = 2;
    const auto w = tokenize_sample(tok, long_prompt, long_answer, opt);
    CHECK(w.ids.size() == 2 && w.n_prompt == 1 && w.n_answer == 1);
    opt.max_len = 1;
    CHECK_THROWS_WITH(tokenize_sample(tok, "a", "b", opt), "max_len 1");
}

TEST_CASE("tokenize_records: empty answers are counted, not trained on") {
    const Tokenizer & tok = small_tok();
    std::vector<Record> rows(4);
    rows[0].instruction = "the cat";
    rows[0].response = "sat on the mat";
    rows[1].instruction = "the dog";   // empty response
    rows[2].instruction = "a girl";
    rows[2].context = "in the park";
    rows[2].response = "she played \xE2\x9C\x93";   // byte fallback
    std::string long_answer;
    for (int i = 0; i < 100; ++i) long_answer += "the big red ball ";
    rows[3].instruction = "x";
    rows[3].response = long_answer;
    TokenizeOptions opt;
    opt.max_len = 128;   // room for rows 0-2 whole; row 3 is truncated
    TokenizeReport rep;
    const auto samples = tokenize_records(tok, rows, PromptTemplate::Plain, opt, &rep);
    CHECK(rep.n_samples == 3 && samples.size() == 3);
    CHECK(rep.n_empty_answer == 1 && rep.n_truncated == 1);
    REQUIRE(samples.size() == 3);
    CHECK(decode_answer(tok, samples[0]) == rows[0].response);
    CHECK(decode_answer(tok, samples[1]) == rows[2].response);
    CHECK(samples[1].n_prompt == static_cast<int32_t>(
              tok.encode(format_prompt(PromptTemplate::Plain, "a girl", "in the park"), true).size()));
    CHECK(samples[2].truncated && samples[2].ids.size() == 128 && samples[2].n_answer > 0);
}

TEST_CASE("tok512 on a real release row: mask covers exactly the response") {
    const std::string shared = check::shared_dir();
    if (shared.empty()) SKIP("../shared absent");
    const auto tok = load_sentencepiece(shared + "/models/stories260K/tok512.model");
    const auto rows = read_records(shared + "/data/rapidun-release/unlearn_packs/forget_set_supervised.jsonl");
    TokenizeOptions opt;
    opt.max_len = 4096;
    TokenizeReport rep;
    const auto samples = tokenize_records(*tok, {rows[0]}, PromptTemplate::Alpaca, opt, &rep);
    REQUIRE(samples.size() == 1);
    const auto & s = samples[0];
    CHECK(!s.truncated && s.ids.back() == tok->eos_id());
    CHECK(decode_answer(*tok, s) == rows[0].response);
    std::vector<int32_t> prompt_ids(s.ids.begin(), s.ids.begin() + s.n_prompt);
    CHECK(tok->decode(prompt_ids) == format_prompt(PromptTemplate::Alpaca, rows[0].instruction, rows[0].context));
}

RAPIDUN_TEST_MAIN()
