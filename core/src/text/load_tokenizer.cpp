// load_tokenizer: picks the tokenizer kind from the path (tokenizer.h).
#include "rapidun/text/tokenizer.h"

#include "rapidun/error.h"
#include "rapidun/text/hf_tokenizer.h"

#include <filesystem>
#include <system_error>

namespace rapidun {

namespace fs = std::filesystem;

std::unique_ptr<Tokenizer> load_tokenizer(const std::string & path) {
    std::error_code ec;
    const auto st = fs::status(path, ec);
    if (ec || !fs::exists(st)) fail(path, "", "not found");
    if (fs::is_directory(st)) {
        // A model folder: HF's tokenizer.json wins over a sentencepiece model when both are there,
        // as transformers' fast tokenizers prefer it.
        const fs::path dir(path);
        if (fs::is_regular_file(dir / "tokenizer.json", ec)) return load_hf_tokenizer((dir / "tokenizer.json").string());
        if (fs::is_regular_file(dir / "tokenizer.model", ec)) return load_sentencepiece((dir / "tokenizer.model").string());
        fail(path, "", "no tokenizer.json or tokenizer.model in this folder");
    }
    if (fs::path(path).extension() == ".json") return load_hf_tokenizer(path);
    return load_sentencepiece(path);   // .model, or any other name: sentencepiece says if it is not one
}

} // namespace rapidun
