// `rapidun tokenize`: the ids of texts, with a tokenizer.json (HF) or a sentencepiece model.
#include "args.h"

#include "rapidun/error.h"
#include "rapidun/text/hf_tokenizer.h"
#include "rapidun/text/tokenizer.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace rapidun::cli {

using nlohmann::json;

namespace {

// Without --add-special: the text's ids only. With it: what the tokenizer's own files add (HF:
// the post-processor's template, as tokenizers' encode(add_special_tokens=True); sentencepiece: BOS).
std::vector<int32_t> ids_of(const Tokenizer & tok, const std::string & text, bool add_special) {
    if (const auto * hf = dynamic_cast<const HfTokenizer *>(&tok)) return hf->encode_hf(text, add_special);
    return tok.encode(text, add_special);
}

void print_ids(const std::vector<int32_t> & ids) {
    std::string line = "[";
    for (size_t i = 0; i < ids.size(); ++i) {
        if (i) line += ',';
        line += std::to_string(ids[i]);
    }
    line += "]\n";
    std::fwrite(line.data(), 1, line.size(), stdout);
}

} // namespace

int cmd_tokenize(int argc, char ** argv) {
    Args a(argc, argv, 2, {"add-special", "help"}, {"tokenizer", "text", "jsonl"});
    if (a.has("help") || !a.has("tokenizer") || a.has("text") == a.has("jsonl") || !a.positional().empty()) {
        std::puts("usage: rapidun tokenize --tokenizer PATH (--text S | --jsonl F) [--add-special]\n"
                  "  PATH: tokenizer.json, a sentencepiece .model, or a folder holding either\n"
                  "  --text S    prints the ids of S as one JSON array\n"
                  "  --jsonl F   F holds one JSON string per line; prints one JSON array of ids per line\n"
                  "  --add-special  adds what the tokenizer adds around a text (HF: its post-processor;\n"
                  "                 sentencepiece: BOS); without it, no special tokens are added");
        return a.has("help") ? 0 : 2;
    }
    const std::unique_ptr<Tokenizer> tok = load_tokenizer(a.get("tokenizer"));
    const bool add_special = a.has("add-special");
    if (a.has("text")) {
        print_ids(ids_of(*tok, a.get("text"), add_special));
        return 0;
    }
    const std::string path = a.get("jsonl");
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(path, "", "cannot open");
    std::string line;
    for (size_t n = 1; std::getline(in, line); ++n) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const std::string place = "line " + std::to_string(n);
        json v;
        try {
            v = json::parse(line);
        } catch (const json::exception & e) {
            fail(path, place, line.empty() ? "empty line, expected a JSON string" : std::string("bad JSON: ") + e.what());
        }
        if (!v.is_string()) fail(path, place, std::string("expected a JSON string, got ") + v.type_name());
        print_ids(ids_of(*tok, v.get<std::string>(), add_special));
    }
    if (in.bad()) fail(path, "", "read failed");
    return 0;
}

} // namespace rapidun::cli
