// Inputs of test_tokenizer_json.cpp: hostile strings, and small tokenizer.json documents built
// here (never copied from ../shared) for the features the three real files do not use.
#pragma once
#include "text/hf_unicode.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace tokcases {

using json = nlohmann::json;
using namespace std::string_literals;

// Short snippets that stress one thing each; hostile_strings() also joins them in pairs.
inline std::vector<std::string> atoms() {
    return {
        "Hello", " world", "I'm", "DON'T", "we\xE2\x80\x99ll", "'s", "'LL", "x's", "it'S", "123", "4567",
        "1234567890", "\xD9\xA3\xD9\xA4\xD9\xA5", "\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93", "\xC2\xB2\xC2\xB3", "3.14",
        "1,000", "\xF0\x9F\x98\x80", "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD",
        "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7\xE2\x80\x8D\xF0\x9F\x91\xA6",   // family (ZWJ)
        "\xF0\x9F\x8F\xB3\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x8C\x88",                                           // rainbow flag
        "\xF0\x9F\x87\xAF\xF0\x9F\x87\xB5\xF0\x9F\x87\xBA\xF0\x9F\x87\xB8",                                   // JP US flags
        "中文字符", "日本語のテキスト", "한국어", "ภาษาไทย", "हिन्दी", "தமிழ்", "العربية", "עברית",
        "\xE2\x80\x8F\xE2\x80\x8E",                       // RLM LRM
        "e\xCC\x81", "cafe\xCC\x81", "A\xCC\x8A", "\xE2\x84\xAB",   // decomposed é, Å; Angstrom sign
        "Z\xCC\xB4\xCC\xA1\xCC\xAA" "a\xCC\xB6" "l\xCC\xB7" "g\xCC\xB8" "o\xCC\xB5",   // stacked marks
        "\xEF\xAC\x81", "\xEF\xBB\xBF", "\xE2\x80\x8B", "\xC2\xA0", "\xE3\x80\x80", "\xE2\x80\xA8", "\xE2\x80\xA9",
        "\xC2\x85", "\t", "\r\n", "\n\n", "\r", "\v\f", "   ", "\x00"s, "\x01\x02", "\x1B[31m", "\x7F",
        "\xC2\x80\xC2\x9F", "<|begin_of_text|>", "<|end_of_text|>", "<|eot_id|>", "<|im_start|>", "<|im_end|>",
        "<|endoftext|>", "<s>", "</s>", "<unk>", "<|begin_of_text", "<|im_start|", "<0x41>", "\xE2\x96\x81",
        "\xC4\xA0", "\xC4\x8A", "\xEE\x80\x80", "\xEF\xBF\xBF", "\xF4\x8F\xBF\xBF", "\xEF\xBF\xBD",
        "\xF0\x9D\x94\x98\xF0\x9D\x94\xAB", "\xC7\x85", "\xC4\xB0", "\xC3\x9F", "\xCE\xA3\xCE\x91\xCE\xA3",
        "x", "_", "--", "...", "!!!", "$$", "#include", "http://example.com/a?b=c", "a@b.co",
    };
}

inline std::vector<std::string> hostile_strings() {
    std::vector<std::string> out = {
        "", " ", "  ", "   ", "\n", "\t", "\r\n", " \n ", "a", " a", "a ", "  a  ", "a   ", "   a",
        "Hello world", "  leading spaces", "trailing spaces   ", "tabs\tand\nnewlines\r\n\r\nx\n\n\n",
        "\t\tindented\n    code\n\tmixed \t \n", "x \r\n\r\n  y", "line\r\n", "\r\n\r\n", "   \n   ",
        "I'm sure you'll see they've GOT IT. We'D", "12 123 1234 12345 123456 1234567 00000000",
        "<|begin_of_text|>hello<|end_of_text|>", "say <|begin_of_text|> here", "<|begin_of_text|><|begin_of_text|>",
        "<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n", "<<|im_start|>|>", " <|im_start|> ",
        "<s>[INST] hi [/INST]</s>", "<unk><s></s>", "text<|endoftext|>more", "<|eot_id|><|start_header_id|>",
        "def f(x):\n    return x ** 2  # square\n", "{\"key\": [1, 2, 3], \"n\": null}",
        "| a | b |\n|---|---|\n| 1 | 2 |", "C:\\path\\to\\file.txt", "a\u00a0b c\u3000d",
    };
    const auto a = atoms();
    for (const auto & x : a) out.push_back(x);
    for (const auto & x : a)
        for (const auto & y : a)
            for (const char * sep : {"", " ", "\n"}) {
                if (out.size() % 3 == 0) out.push_back(x + sep + y);   // a third of the pairs: plenty
                else out.push_back(y + sep + x + sep);
            }
    // Long words and runs: the 10k-character cases.
    auto rep = [](const std::string & s, size_t n) { std::string o; for (size_t i = 0; i < n; ++i) o += s; return o; };
    out.push_back(rep("a", 10000));
    out.push_back(rep("abcdefghij", 1000));
    out.push_back(rep("中", 10000));
    out.push_back(rep("\xF0\x9F\x98\x80", 10000));
    out.push_back(rep("7", 10000));
    out.push_back(rep(" ", 10000));
    out.push_back(rep("\t", 3000) + "x" + rep("\n", 3000));
    out.push_back(rep("!", 10000));
    out.push_back(rep("\r\n", 5000));
    out.push_back(rep("e\xCC\x81", 5000));
    out.push_back("x" + rep(" ", 500) + "y" + rep(" ", 500));
    out.push_back(rep("ab ", 3333) + "   ");
    out.push_back(rep("<|im_start|>", 500));
    return out;
}

// --- generated tokenizer.json files -------------------------------------------------------------

struct Variant {
    std::string name;
    json doc;
};

inline std::string mapped(const std::string & bytes) {   // text -> GPT-2 byte-level characters
    std::string o;
    for (const char c : bytes) o += rapidun::hf::byte_char(static_cast<uint8_t>(c));
    return o;
}

inline json added(int id, const std::string & content, bool special, bool single_word = false, bool lstrip = false,
                  bool rstrip = false, bool normalized = false) {
    return {{"id", id}, {"content", content}, {"single_word", single_word}, {"lstrip", lstrip},
            {"rstrip", rstrip}, {"normalized", normalized}, {"special", special}};
}

// A byte-level BPE: the 256 byte characters plus a few merges (some across UTF-8 bytes).
inline json byte_level_model(bool pair_merges, bool ignore_merges) {
    json vocab = json::object();
    int next = 0;
    for (int b = 0; b < 256; ++b) vocab[mapped(std::string(1, static_cast<char>(b)))] = next++;
    const std::vector<std::pair<std::string, std::string>> merges = {
        {" ", "t"}, {"h", "e"}, {" t", "he"}, {"i", "n"}, {" ", "a"}, {"e", "r"}, {"o", "n"}, {" ", "w"},
        {"o", "r"}, {"l", "l"}, {" ", "s"}, {"i", "s"}, {"e", "n"}, {" ", " "}, {"  ", "  "}, {"\n", "\n"},
        {"1", "2"}, {"12", "3"}, {" w", "or"}, {"l", "d"}, {" wor", "ld"}, {"H", "e"}, {"He", "ll"},
        {"Hell", "o"}, {"in", "g"}, {"\xE4", "\xB8"}, {"\xE4\xB8", "\xAD"}, {"\xF0", "\x9F"}, {"'", "s"},
    };
    json list = json::array();
    if (!pair_merges) list.push_back("#version: 0.2");
    for (const auto & m : merges) {
        const std::string a = mapped(m.first), b = mapped(m.second);
        if (!vocab.contains(a + b)) vocab[a + b] = next++;
        if (pair_merges) list.push_back(json::array({a, b}));
        else list.push_back(a + " " + b);
    }
    vocab[mapped(" zzz")] = next++;   // reachable only as a whole word (ignore_merges)
    return {{"type", "BPE"}, {"dropout", nullptr}, {"unk_token", nullptr}, {"continuing_subword_prefix", nullptr},
            {"end_of_word_suffix", nullptr}, {"fuse_unk", false}, {"byte_fallback", false},
            {"ignore_merges", ignore_merges}, {"vocab", vocab}, {"merges", list}};
}

// A character-level "▁" BPE with <unk>, <s>, </s>, the 256 byte pieces and some merges.
inline json metaspace_model(bool byte_fallback, bool fuse_unk) {
    json vocab = {{"<unk>", 0}, {"<s>", 1}, {"</s>", 2}};
    int next = 3;
    char name[8];
    for (int b = 0; b < 256; ++b) {
        std::snprintf(name, sizeof name, "<0x%02X>", b);
        vocab[name] = next++;
    }
    std::string chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,!?'-";
    std::vector<std::string> singles = {"\xE2\x96\x81", "é", "中"};
    for (const char c : chars) singles.emplace_back(1, c);
    for (const auto & s : singles) vocab[s] = next++;
    const std::vector<std::pair<std::string, std::string>> merges = {
        {"▁", "t"}, {"h", "e"}, {"▁t", "he"}, {"i", "n"}, {"▁", "a"}, {"e", "r"}, {"o", "n"}, {"▁", "w"},
        {"o", "r"}, {"l", "l"}, {"▁", "▁"}, {"▁▁", "▁▁"}, {"H", "e"}, {"He", "ll"}, {"Hell", "o"}, {"▁", "H"},
        {"▁H", "ello"}, {"e", "l"}, {"el", "lo"}, {"l", "o"},
    };
    json list = json::array();
    for (const auto & m : merges) {
        if (!vocab.contains(m.first) || !vocab.contains(m.second)) {
            if (!vocab.contains(m.first)) vocab[m.first] = next++;
            if (!vocab.contains(m.second)) vocab[m.second] = next++;
        }
        if (!vocab.contains(m.first + m.second)) vocab[m.first + m.second] = next++;
        list.push_back(m.first + " " + m.second);
    }
    return {{"type", "BPE"}, {"dropout", nullptr}, {"unk_token", "<unk>"}, {"continuing_subword_prefix", nullptr},
            {"end_of_word_suffix", nullptr}, {"fuse_unk", fuse_unk}, {"byte_fallback", byte_fallback},
            {"vocab", vocab}, {"merges", list}};
}

inline json template_post(int bos, int eos) {
    return {{"type", "TemplateProcessing"},
            {"single", {{{"SpecialToken", {{"id", "<s>"}, {"type_id", 0}}}}, {{"Sequence", {{"id", "A"}, {"type_id", 0}}}},
                        {{"SpecialToken", {{"id", "</s>"}, {"type_id", 0}}}}}},
            {"pair", {{{"Sequence", {{"id", "A"}, {"type_id", 0}}}}, {{"Sequence", {{"id", "B"}, {"type_id", 1}}}}}},
            {"special_tokens", {{"<s>", {{"id", "<s>"}, {"ids", {bos}}, {"tokens", {"<s>"}}}},
                                {"</s>", {{"id", "</s>"}, {"ids", {eos}}, {"tokens", {"</s>"}}}}}}};
}

inline json doc(json normalizer, json pre, json post, json decoder, json model, json added_tokens) {
    return {{"version", "1.0"}, {"truncation", nullptr}, {"padding", nullptr}, {"added_tokens", added_tokens},
            {"normalizer", normalizer}, {"pre_tokenizer", pre}, {"post_processor", post}, {"decoder", decoder},
            {"model", model}};
}

inline std::vector<Variant> synthetic_tokenizers() {
    std::vector<Variant> out;
    const json bl_decoder = {{"type", "ByteLevel"}, {"add_prefix_space", true}, {"trim_offsets", true}, {"use_regex", true}};
    {
        // GPT-2 style, with every added-token flag and an NFKC normalizer (normalized tokens match after it).
        json model = byte_level_model(true, false);
        int id = static_cast<int>(model["vocab"].size());
        json toks = json::array({added(id, "<s>", true), added(id + 1, "</s>", true),
                                 added(id + 2, "<mask>", true, false, true, false),
                                 added(id + 3, "<sep>", true, false, false, true),
                                 added(id + 4, "hello", false, true, false, false, true),
                                 added(id + 5, "wor", false, false, false, false, false),
                                 added(id + 6, "\xEF\xBC\xA1\xEF\xBC\xA2", false, false, false, false, true),   // ＡＢ
                                 added(id + 7, "[X]", false, true, true, true, false)});
        json pre = {{"type", "ByteLevel"}, {"add_prefix_space", true}, {"trim_offsets", true}, {"use_regex", true}};
        out.push_back({"gpt2-added-flags", doc({{"type", "NFKC"}}, pre, template_post(id, id + 1), bl_decoder, model, toks)});
        // The same with string merges, ignore_merges, no prefix space and an NFC + Replace(Regex) normalizer.
        json model2 = byte_level_model(false, true);
        json pre2 = pre;
        pre2["add_prefix_space"] = false;
        json norm2 = {{"type", "Sequence"}, {"normalizers", {{{"type", "NFC"}},
                      {{"type", "Replace"}, {"pattern", {{"Regex", "[0-9]{3,}"}}}, {"content", "#"}}}}};
        out.push_back({"gpt2-ignore-merges", doc(norm2, pre2, {{"type", "ByteLevel"}, {"add_prefix_space", false},
                       {"trim_offsets", false}, {"use_regex", false}}, bl_decoder, model2, toks)});
    }
    // Every Split behaviour, plain and inverted, with a regex and with a String pattern.
    const char * behaviors[] = {"Removed", "Isolated", "MergedWithPrevious", "MergedWithNext", "Contiguous"};
    const json patterns[] = {{{"Regex", "\\s+|[0-9]"}}, {{"String", "o"}}};
    for (int p = 0; p < 2; ++p)
        for (const char * b : behaviors)
            for (const bool invert : {false, true}) {
                json model = byte_level_model(true, false);
                const int id = static_cast<int>(model["vocab"].size());
                json toks = json::array({added(id, "<s>", true), added(id + 1, "</s>", true)});
                json pre = {{"type", "Sequence"}, {"pretokenizers", {
                    {{"type", "Split"}, {"pattern", patterns[p]}, {"behavior", b}, {"invert", invert}},
                    {{"type", "ByteLevel"}, {"add_prefix_space", false}, {"trim_offsets", true}, {"use_regex", false}}}}};
                json post = {{"type", "Sequence"}, {"processors", {{{"type", "ByteLevel"}, {"add_prefix_space", true},
                             {"trim_offsets", false}, {"use_regex", true}}, template_post(id, id + 1)}}};
                out.push_back({std::string("split-") + (p ? "string-" : "regex-") + b + (invert ? "-inverted" : ""),
                               doc(nullptr, pre, post, bl_decoder, model, toks)});
            }
    // Metaspace pre-tokenizer: every prepend scheme, split or not, byte fallback or (fused) <unk>.
    int k = 0;
    for (const char * scheme : {"always", "first", "never"})
        for (const bool split : {true, false}) {
            const bool fallback = k % 2 == 0, fuse = k % 3 == 0;
            json model = metaspace_model(fallback, fuse);
            const int id = static_cast<int>(model["vocab"].size());
            json toks = json::array({added(0, "<unk>", true), added(1, "<s>", true), added(2, "</s>", true),
                                     added(id, "<mask>", true, false, true, true),
                                     added(id + 1, "[X]", false, true, false, false, false)});
            json pre = {{"type", "Metaspace"}, {"replacement", "▁"}, {"prepend_scheme", scheme}, {"split", split}};
            json dec = k % 2 == 0
                ? json{{"type", "Sequence"}, {"decoders", {{{"type", "ByteFallback"}},
                       {{"type", "Metaspace"}, {"replacement", "▁"}, {"prepend_scheme", scheme}, {"split", split}}}}}
                : json{{"type", "Sequence"}, {"decoders", {{{"type", "Metaspace"}, {"replacement", "▁"},
                       {"prepend_scheme", scheme}, {"split", split}}, {{"type", "ByteFallback"}}, {{"type", "Fuse"}},
                       {{"type", "Strip"}, {"content", " "}, {"start", 1}, {"stop", 0}}}}};   // stop > 0 panics in HF on an empty token
            json post = k % 2 == 0 ? json{{"type", "RobertaProcessing"}, {"sep", {"</s>", 2}}, {"cls", {"<s>", 1}},
                                          {"trim_offsets", true}, {"add_prefix_space", true}}
                                   : json{{"type", "BertProcessing"}, {"sep", {"</s>", 2}}, {"cls", {"<s>", 1}}};
            out.push_back({std::string("metaspace-") + scheme + (split ? "-split" : "-whole") + (fallback ? "-bytes" : "-unk"),
                           doc(nullptr, pre, post, dec, model, toks)});
            ++k;
        }
    {
        // Llama-2's normalizer form with a regex Replace and NFD; the decoder of Llama 2.
        json model = metaspace_model(true, false);
        json toks = json::array({added(0, "<unk>", true), added(1, "<s>", true), added(2, "</s>", true)});
        json norm = {{"type", "Sequence"}, {"normalizers", {{{"type", "NFD"}}, {{"type", "Prepend"}, {"prepend", "▁"}},
                     {{"type", "Replace"}, {"pattern", {{"Regex", " {2,}"}}}, {"content", "▁▁"}},
                     {{"type", "Replace"}, {"pattern", {{"String", " "}}}, {"content", "▁"}}}}};
        json dec = {{"type", "Sequence"}, {"decoders", {{{"type", "Replace"}, {"pattern", {{"String", "▁"}}}, {"content", " "}},
                    {{"type", "ByteFallback"}}, {{"type", "Fuse"}}, {{"type", "Strip"}, {"content", " "}, {"start", 1}, {"stop", 0}}}}};
        out.push_back({"llama2-form-nfd", doc(norm, nullptr, template_post(1, 2), dec, model, toks)});
    }
    for (const bool fuse : {false, true}) {
        // Word-piece-like affixes on a BPE, unknown characters as [UNK], no decoder (HF joins with spaces).
        json vocab = {{"[UNK]", 0}};
        int next = 1;
        for (char c = 'a'; c <= 'z'; ++c)
            for (const std::string & f : {std::string(1, c), "##" + std::string(1, c), std::string(1, c) + "</w>",
                                          "##" + std::string(1, c) + "</w>"})
                vocab[f] = next++;
        json merges = json::array();
        for (const auto & m : std::vector<std::pair<std::string, std::string>>{
                 {"t", "##h"}, {"th", "##e</w>"}, {"##e", "##r"}, {"##er", "##s</w>"}, {"i", "##n"}, {"in", "##g</w>"}}) {
            const std::string joined = m.first + m.second.substr(2);
            if (!vocab.contains(joined)) vocab[joined] = next++;
            merges.push_back(json::array({m.first, m.second}));
        }
        json model = {{"type", "BPE"}, {"dropout", nullptr}, {"unk_token", "[UNK]"}, {"continuing_subword_prefix", "##"},
                      {"end_of_word_suffix", "</w>"}, {"fuse_unk", fuse}, {"byte_fallback", false}, {"vocab", vocab},
                      {"merges", merges}};
        json pre = {{"type", "Split"}, {"pattern", {{"Regex", "\\s+"}}}, {"behavior", "Removed"}, {"invert", false}};
        out.push_back({std::string("affixes-unk") + (fuse ? "-fused" : ""),
                       doc(nullptr, pre, nullptr, nullptr, model, json::array({added(0, "[UNK]", true)}))});
    }
    return out;
}

inline std::vector<std::string> synthetic_strings() {
    std::vector<std::string> base = {
        "", " ", "hello world", "ahello", "hello_", "hello!", "say hello", "HELLO hello", "\xEF\xBC\xA1\xEF\xBC\xA2",
        "xABy", "AB", "wor", "world", "<s>hello</s>", "[X]", "a[X]b", " [X] ", "x [X]", "[X]y", "zzz", " zzz", "a zzz b",
        "Hello", " Hello world", "the thing", "running others", "123 1234 12345", "中文", "\xF0\x9F\x98\x80",
        "<mask>", " <mask> ", "a<mask>b", "a  <mask>  b", "  <sep>  x", "x<sep>   y", "<sep>", "<sep><mask>",
        "<mask><mask>", "  <mask>", "Hello<s>  world", "<s> first", " leading", "trailing  ", "a  b   c",
        "é e\xCC\x81", "tab\there", "new\nline", "it's 'S", "the  the", "thers", "ing", "things",
    };
    std::vector<std::string> out = base;
    const auto a = atoms();
    for (size_t i = 0; i < a.size(); i += 2) out.push_back(a[i]);
    for (size_t i = 0; i < base.size(); ++i)
        for (size_t j = 0; j < base.size(); j += 3) out.push_back(base[i] + (j % 2 ? " " : "") + base[j]);
    return out;
}

// The smallest useful tokenizer.json: "a", "b", "x", "ab", " " and the merge "a b".
inline json minimal_tokenizer() {
    json model = {{"type", "BPE"}, {"dropout", nullptr}, {"unk_token", nullptr}, {"continuing_subword_prefix", nullptr},
                  {"end_of_word_suffix", nullptr}, {"fuse_unk", false}, {"byte_fallback", false},
                  {"vocab", {{"a", 0}, {"b", 1}, {"x", 2}, {"ab", 3}, {" ", 4}}}, {"merges", {"a b"}}};
    json pre = {{"type", "Split"}, {"pattern", {{"String", " "}}}, {"behavior", "Isolated"}, {"invert", false}};
    return doc(nullptr, pre, nullptr, {{"type", "Fuse"}}, model, json::array());
}

} // namespace tokcases
