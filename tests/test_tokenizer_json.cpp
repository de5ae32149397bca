// The tokenizer.json tokenizer (hf_tokenizer.h) against HF's own `tokenizers` library (PyPI), run
// as tests/tokenizer_reference.py through python3: ids of every Alpaca field and of hostile strings
// on the three real tokenizers of ../shared/tokenizers, decoding, post-processors, small generated
// tokenizer.json files for what the real ones do not use (added-token flags, every Split behaviour,
// Metaspace, affixes, unknowns), and one clear message per broken file.
// Without ../shared the real-file cases skip; without python3 or `tokenizers` the comparisons skip.
#include "check.h"

#include "rapidun/data/records.h"
#include "rapidun/error.h"
#include "rapidun/io/atomic_file.h"
#include "rapidun/text/hf_tokenizer.h"
#include "text/hf_unicode.h"
#include "reference_python.h"
#include "tokenizer_json_cases.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>


namespace fs = std::filesystem;
using json = nlohmann::json;
using namespace rapidun;

namespace {

using Ids = std::vector<int32_t>;

std::string tmp_dir() {
    static const std::string d = check::fresh_dir("tokenizer_json");
    return d;
}

std::string shared_tokenizer(const std::string & name) {
    const std::string shared = check::shared_dir();
    if (shared.empty()) SKIP("../shared absent");
    const std::string p = shared + "/tokenizers/" + name + "/tokenizer.json";
    if (!fs::exists(p)) SKIP(p + " absent");
    return p;
}

// Loaded once per run: the real files take a fraction of a second each.
const HfTokenizer & real(const std::string & name) {
    static std::map<std::string, std::unique_ptr<HfTokenizer>> loaded;
    auto & slot = loaded[name];
    if (!slot) slot = load_hf_tokenizer(shared_tokenizer(name));
    return *slot;
}

const std::vector<std::string> & alpaca_strings() {
    static std::vector<std::string> out;
    if (out.empty()) {
        const std::string shared = check::shared_dir();
        if (shared.empty()) SKIP("../shared absent");
        for (const Record & r : read_alpaca_json(shared + "/data/alpaca/alpaca_data.json.gz")) {
            out.push_back(r.instruction);
            out.push_back(r.context);
            out.push_back(r.response);
        }
    }
    return out;
}

// Runs the reference on one JSON value per line; returns its output lines. SKIPs the calling test
// when python3 or the `tokenizers` package is missing; a failing script fails the test.
std::vector<std::string> reference(const std::string & tok_json, const std::vector<std::string> & lines,
                                   const std::string & flags) {
    static int n_calls = 0;
    const std::string in = tmp_dir() + "/reference-in-" + std::to_string(n_calls++) + ".jsonl";
    std::string text;
    for (const auto & l : lines) text += l + "\n";
    write_file_atomic(in, text);
    std::vector<std::string> out = pyref::run(
        pyref::script("tokenizer_reference.py"),
        pyref::shell_quote(tok_json) + " " + pyref::shell_quote(in) + " " + flags, "tokenizers");
    fs::remove(in);
    REQUIRE(out.size() == lines.size());
    return out;
}

// "[1,2,3]" -> ids, by hand: millions of ids per tokenizer.
Ids parse_ids(const std::string & line) {
    Ids ids;
    long long v = 0;
    bool in_num = false;
    for (const char c : line) {
        if (c >= '0' && c <= '9') { v = v * 10 + (c - '0'); in_num = true; }
        else if (in_num) { ids.push_back(static_cast<int32_t>(v)); v = 0; in_num = false; }
    }
    return ids;
}

std::string shown(const std::string & s) {
    std::string j = json(s).dump();
    return j.size() > 160 ? j.substr(0, 160) + "...\" (" + std::to_string(s.size()) + " bytes)" : j;
}

std::string shown(const Ids & ids) {
    std::string o = "[";
    for (size_t i = 0; i < ids.size() && i < 24; ++i) o += (i ? "," : "") + std::to_string(ids[i]);
    return o + (ids.size() > 24 ? ",... (" + std::to_string(ids.size()) + " ids)]" : "]");
}

// Encodes every string both ways and counts the strings whose ids differ (the first few are shown).
size_t compare_encode(const HfTokenizer & tok, const std::string & tok_json, const std::vector<std::string> & strings,
                      bool add_special, const std::string & label) {
    std::vector<std::string> lines;
    lines.reserve(strings.size());
    for (const auto & s : strings) lines.push_back(json(s).dump());
    const auto ref = reference(tok_json, lines, add_special ? "--add-special" : "");
    size_t bad = 0, n_ids = 0;
    for (size_t i = 0; i < strings.size(); ++i) {
        const Ids ours = tok.encode_hf(strings[i], add_special);
        const Ids want = parse_ids(ref[i]);
        n_ids += want.size();
        if (ours == want) continue;
        if (++bad <= 5)
            std::fprintf(stderr, "  %s: string %zu %s\n    ours %s\n    HF   %s\n", label.c_str(), i, shown(strings[i]).c_str(),
                         shown(ours).c_str(), shown(want).c_str());
    }
    std::fprintf(stderr, "  %s: %zu strings compared (%zu ids), %zu mismatches\n", label.c_str(), strings.size(), n_ids, bad);
    return bad;
}

size_t compare_decode(const HfTokenizer & tok, const std::string & tok_json, const std::vector<Ids> & seqs,
                      const std::string & label) {
    std::vector<std::string> lines;
    for (const auto & ids : seqs) lines.push_back(json(ids).dump());
    const auto ref = reference(tok_json, lines, "--decode");
    size_t bad = 0;
    for (size_t i = 0; i < seqs.size(); ++i) {
        const std::string ours = tok.decode(seqs[i]);
        const std::string want = json::parse(ref[i]).get<std::string>();
        if (ours == want) continue;
        if (++bad <= 5)
            std::fprintf(stderr, "  %s: ids %s\n    ours %s\n    HF   %s\n", label.c_str(), shown(seqs[i]).c_str(),
                         shown(ours).c_str(), shown(want).c_str());
    }
    std::fprintf(stderr, "  %s: %zu id sequences decoded, %zu mismatches\n", label.c_str(), seqs.size(), bad);
    return bad;
}

void check_real_encode(const std::string & name) {
    const HfTokenizer & tok = real(name);
    std::vector<std::string> strings = alpaca_strings();
    const auto hostile = tokcases::hostile_strings();
    strings.insert(strings.end(), hostile.begin(), hostile.end());
    CHECK(compare_encode(tok, shared_tokenizer(name), strings, false, name + " (Alpaca + hostile)") == 0);
}

// Random id sequences that favour the interesting ids: specials, byte pieces, "▁"-led pieces.
std::vector<Ids> decode_cases(const HfTokenizer & tok) {
    std::vector<Ids> seqs;
    for (const auto & s : tokcases::hostile_strings()) {
        if (seqs.size() >= 3000) break;
        seqs.push_back(tok.encode(s, true, true));
    }
    uint32_t state = 99;
    auto next = [&state]() { state = state * 1664525u + 1013904223u; return state >> 8; };
    const auto vocab = static_cast<uint32_t>(tok.vocab_size());
    for (int k = 0; k < 3000; ++k) {
        Ids ids;
        const int len = 1 + static_cast<int>(next() % 12);
        for (int i = 0; i < len; ++i) {
            const uint32_t pick = next() % 8;
            if (pick == 0) ids.push_back(static_cast<int32_t>(vocab - 1 - next() % 300));   // the added/special end
            else if (pick == 1) ids.push_back(static_cast<int32_t>(next() % 300));          // bytes, <unk>, <s>
            else ids.push_back(static_cast<int32_t>(next() % vocab));
        }
        seqs.push_back(std::move(ids));
    }
    return seqs;
}

} // namespace

TEST_CASE("llama3: ids equal PyPI tokenizers on every Alpaca field and the hostile strings") {
    check_real_encode("llama3");
}

TEST_CASE("llama2: ids equal PyPI tokenizers on every Alpaca field and the hostile strings") {
    check_real_encode("llama2");
}

TEST_CASE("qwen2_5: ids equal PyPI tokenizers on every Alpaca field and the hostile strings") {
    check_real_encode("qwen2_5");
}

TEST_CASE("decoding equals PyPI tokenizers' decode(skip_special_tokens=True)") {
    for (const char * name : {"llama3", "llama2", "qwen2_5"}) {
        const HfTokenizer & tok = real(name);
        CHECK(compare_decode(tok, shared_tokenizer(name), decode_cases(tok), std::string(name) + " decode") == 0);
    }
}

TEST_CASE("byte-level tokenizers give any valid UTF-8 back (Qwen: in NFC)") {
    std::vector<std::string> strings = tokcases::hostile_strings();
    const auto & alpaca = alpaca_strings();
    strings.insert(strings.end(), alpaca.begin(), alpaca.end());
    for (const char * name : {"llama3", "qwen2_5"}) {
        const HfTokenizer & tok = real(name);
        const bool nfc = std::string(name) == "qwen2_5";
        size_t bad = 0;
        for (const auto & s : strings) {
            const std::string want = nfc ? hf::unicode_normalize(s, hf::NormalForm::NFC) : s;
            const Ids ids = tok.encode(s, false);
            if (tok.decode_hf(ids, false) == want) continue;
            if (++bad <= 3) std::fprintf(stderr, "  %s: %s does not come back\n", name, shown(s).c_str());
        }
        std::fprintf(stderr, "  %s: %zu strings round-tripped, %zu failures\n", name, strings.size(), bad);
        CHECK(bad == 0);
    }
}

TEST_CASE("add_special_tokens=True follows each file's post-processor") {
    std::vector<std::string> strings = tokcases::hostile_strings();
    strings.resize(std::min<size_t>(strings.size(), 2000));
    for (const char * name : {"llama3", "llama2", "qwen2_5"})
        CHECK(compare_encode(real(name), shared_tokenizer(name), strings, true, std::string(name) + " add_special") == 0);
}

TEST_CASE("the real files: ids of specials, pieces, bos / eos around a text") {
    const HfTokenizer & l3 = real("llama3");
    CHECK(l3.kind() == "hf-bpe-bytelevel");
    CHECK(l3.vocab_size() == 128256);
    CHECK(l3.bos_id() == 128000);
    CHECK(l3.eos_id() == 128001);
    CHECK(l3.pad_id() == -1);
    CHECK(l3.piece(128000) == "<|begin_of_text|>");
    CHECK(l3.piece(l3.token_to_id("Ġworld")) == "Ġworld");
    const Ids hello = l3.encode("Hello world", true, true);
    REQUIRE(hello.size() == 4);
    CHECK(hello.front() == 128000);
    CHECK(hello.back() == 128001);
    CHECK(l3.decode(hello) == "Hello world");                            // specials skipped
    CHECK(l3.decode_hf(hello, false) == "<|begin_of_text|>Hello world<|end_of_text|>");
    CHECK(l3.encode("<|begin_of_text|>", false) == Ids{128000});         // special text in user text is the token
    CHECK_THROWS_WITH(l3.decode({128256}), "tokenizer.json", "decode", "outside the vocabulary");
    CHECK_THROWS_WITH(l3.encode(std::string("ab\xff", 3), false), "encode", "not valid UTF-8 (byte 2)");

    const HfTokenizer & l2 = real("llama2");
    CHECK(l2.kind() == "hf-bpe");
    CHECK(l2.vocab_size() == 32000);
    CHECK(l2.bos_id() == 1);
    CHECK(l2.eos_id() == 2);
    CHECK(l2.unk_id() == 0);
    CHECK(l2.byte_fallback());
    CHECK(l2.add_bos_default());
    CHECK(l2.piece(13) == "<0x0A>");
    CHECK(l2.encode_hf("Hi", true).front() == 1);
    CHECK(l2.decode(l2.encode("Hello\nworld", true)) == "Hello\nworld");

    const HfTokenizer & qw = real("qwen2_5");
    CHECK(qw.kind() == "hf-bpe-bytelevel");
    CHECK(qw.bos_id() == -1);
    CHECK(qw.eos_id() == 151645);
    CHECK(qw.pad_id() == 151643);
    CHECK(!qw.add_bos_default());
    CHECK(qw.encode("hi", true) == qw.encode("hi", false));               // no bos to add
}

TEST_CASE("100k-character words take milliseconds, not a quadratic rescan") {
    // Each takes about 20 ms here; quadratic merging would take minutes, so 3 s is a loose bound.
    auto rep = [](const std::string & s, size_t n) { std::string o; for (size_t i = 0; i < n; ++i) o += s; return o; };
    const std::vector<std::string> words = {rep("a", 100000), rep("abcdefghij", 10000), rep("中", 100000),
                                            rep(" ", 100000), rep("7", 100000)};
    for (const char * name : {"llama3", "llama2", "qwen2_5"}) {
        const HfTokenizer & tok = real(name);
        for (const auto & w : words) {
            const auto t0 = std::chrono::steady_clock::now();
            const Ids ids = tok.encode(w, false);
            const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            CHECK_MSG(secs < 3.0, std::string(name) + ": " + std::to_string(w.size()) + " bytes took " + std::to_string(secs) + " s");
            CHECK(!ids.empty());
        }
    }
}

TEST_CASE("encode is thread-safe (one tokenizer, four threads, same ids)") {
    const HfTokenizer & tok = real("llama3");
    const auto & strings = alpaca_strings();
    const size_t n = std::min<size_t>(strings.size(), 20000);
    std::vector<Ids> want(n);
    for (size_t i = 0; i < n; ++i) want[i] = tok.encode(strings[i], false);
    std::vector<int> bad(4, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (size_t i = t; i < n; i += 2) bad[t] += tok.encode(strings[i], false) != want[i];
        });
    for (auto & th : threads) th.join();
    for (int t = 0; t < 4; ++t) CHECK(bad[t] == 0);
}

TEST_CASE("generated tokenizer.json files: added-token flags, Split behaviours, Metaspace, affixes") {
    const auto variants = tokcases::synthetic_tokenizers();
    const auto strings = tokcases::synthetic_strings();
    size_t compared = 0;
    for (const auto & v : variants) {
        const std::string dir = tmp_dir() + "/synthetic/" + v.name;
        fs::create_directories(dir);
        const std::string file = dir + "/tokenizer.json";
        write_file_atomic(file, v.doc.dump(2));
        std::unique_ptr<HfTokenizer> tok;
        try {
            tok = load_hf_tokenizer(file);
        } catch (const std::exception & e) {
            CHECK_MSG(false, v.name + ": " + e.what());
            continue;
        }
        CHECK_MSG(compare_encode(*tok, file, strings, false, v.name) == 0, v.name);
        CHECK_MSG(compare_encode(*tok, file, strings, true, v.name + " add_special") == 0, v.name);
        std::vector<Ids> seqs;
        for (const auto & s : strings) seqs.push_back(tok->encode_hf(s, true));
        CHECK_MSG(compare_decode(*tok, file, seqs, v.name + " decode") == 0, v.name);
        compared += strings.size();
    }
    std::fprintf(stderr, "  %zu generated tokenizers, %zu strings compared\n", variants.size(), compared);
}

TEST_CASE("broken tokenizer.json files give one clear message each") {
    const std::string dir = tmp_dir() + "/broken";
    fs::create_directories(dir);
    int n = 0;
    // Writes `text` as a tokenizer.json of its own folder and expects load to throw naming the file.
    auto broken = [&](const std::string & text) {
        const std::string sub = dir + "/" + std::to_string(n++);
        fs::create_directories(sub);
        const std::string f = sub + "/tokenizer.json";
        write_file_atomic(f, text);
        return f;
    };
    auto expect = [&](const std::string & text, std::vector<std::string> parts) {
        const std::string f = broken(text);
        try {
            load_hf_tokenizer(f);
            CHECK_MSG(false, "no error for " + text.substr(0, 80));
        } catch (const Error & e) {
            const std::string m = e.what();
            std::fprintf(stderr, "  message: %s\n", m.c_str());
            CHECK_MSG(m.find(f) == 0, m);                       // the file first
            CHECK_MSG(m.find('\n') == std::string::npos, m);    // one line
            for (const auto & p : parts) CHECK_MSG(m.find(p) != std::string::npos, "'" + m + "' lacks '" + p + "'");
        }
    };
    const json good = tokcases::minimal_tokenizer();
    // The minimal file itself loads and works.
    {
        const std::string f = broken(good.dump());
        const auto tok = load_hf_tokenizer(f);
        CHECK(tok->encode("ab ab", false) == (Ids{3, 4, 3}));
        CHECK(tok->decode({3, 4, 3}) == "ab ab");
    }
    const std::string text = good.dump(2);
    expect(text.substr(0, text.size() / 2), {"not valid JSON", "line"});
    expect("", {"not valid JSON"});
    {
        json j = good;
        j["model"]["merges"] = {"a b", "ab c", "x y"};
        expect(j.dump(), {"model.merges[1]", "'ab c'", "'c'", "not in model.vocab"});
        j["model"]["merges"] = json::array({json::array({"a", "b"}), json::array({"b", "a"})});
        expect(j.dump(), {"model.merges[1]", "makes 'ba'", "not in model.vocab"});
        j["model"]["merges"] = {"a b c"};
        expect(j.dump(), {"model.merges[0]", "one space"});
    }
    {
        json j = good;
        j["pre_tokenizer"] = {{"type", "Sequence"}, {"pretokenizers", {good["pre_tokenizer"], {{"type", "Whitespace"}}}}};
        expect(j.dump(), {"pre_tokenizer.pretokenizers[1].type", "unsupported pre-tokenizer type 'Whitespace'", "supported: "});
        j["pre_tokenizer"] = {{"type", "Split"}, {"pattern", {{"Regex", "(unclosed"}}}, {"behavior", "Isolated"}, {"invert", false}};
        expect(j.dump(), {"pre_tokenizer.pattern.Regex", "bad regex"});
        j["pre_tokenizer"] = {{"type", "Split"}, {"pattern", {{"Regex", "a"}}}, {"behavior", "Sideways"}, {"invert", false}};
        expect(j.dump(), {"pre_tokenizer.behavior", "'Sideways'"});
    }
    {
        json j = good;
        j["model"]["type"] = "WordPiece";
        expect(j.dump(), {"model.type", "unsupported model type 'WordPiece'"});
    }
    {
        json j = good;
        j["normalizer"] = {{"type", "Sequence"}, {"normalizers", {{{"type", "Lowercase"}}}}};
        expect(j.dump(), {"normalizer.normalizers[0].type", "unsupported normalizer type 'Lowercase'"});
        j["normalizer"] = nullptr;
        j["decoder"] = {{"type", "CTC"}};
        expect(j.dump(), {"decoder.type", "unsupported decoder type 'CTC'"});
        j["decoder"] = nullptr;
        j["post_processor"] = {{"type", "Nope"}};
        expect(j.dump(), {"post_processor.type", "unsupported post-processor type 'Nope'"});
    }
    {
        json j = good;
        j["model"]["vocab"]["z"] = -3;
        expect(j.dump(), {"model.vocab[\"z\"]", "out of range"});
        j = good;
        j["model"].erase("vocab");
        expect(j.dump(), {"model", "missing field 'vocab'"});
        j = good;
        j.erase("model");
        expect(j.dump(), {"missing field 'model'"});
        j = good;
        j["model"]["dropout"] = 0.1;
        expect(j.dump(), {"model.dropout", "not supported"});
        j = good;
        j["added_tokens"] = {{{"id", 9}, {"special", true}}};
        expect(j.dump(), {"added_tokens[0]", "missing field 'content'"});
    }
    {
        // tokenizer_config.json naming a token the tokenizer does not have.
        const std::string f = broken(good.dump());
        write_file_atomic(fs::path(f).parent_path() / "tokenizer_config.json", R"({"bos_token": "<nope>"})");
        CHECK_THROWS_WITH(load_hf_tokenizer(f), "tokenizer_config.json", "bos_token", "'<nope>' is not a token");
    }
    CHECK_THROWS_WITH(load_hf_tokenizer(dir + "/absent.json"), "absent.json", "not found");
    CHECK_THROWS_WITH(load_hf_tokenizer(dir), "is a folder");
}

TEST_CASE("load_tokenizer: tokenizer.json file or folder -> HF; folder with neither -> error") {
    const std::string dir = tmp_dir() + "/factory";
    fs::create_directories(dir + "/empty");
    write_file_atomic(dir + "/tokenizer.json", tokcases::minimal_tokenizer().dump());
    CHECK(load_tokenizer(dir)->kind() == "hf-bpe");
    CHECK(load_tokenizer(dir + "/tokenizer.json")->kind() == "hf-bpe");
    CHECK_THROWS_WITH(load_tokenizer(dir + "/empty"), "empty", "no tokenizer.json or tokenizer.model");
    CHECK_THROWS_WITH(load_tokenizer(dir + "/missing.model"), "missing.model", "not found");
    const std::string shared = check::shared_dir();
    if (!shared.empty()) CHECK(load_tokenizer(shared + "/tokenizers/llama3")->kind() == "hf-bpe-bytelevel");
}

RAPIDUN_TEST_MAIN()
