// Tokenizer interface and the sentencepiece implementation. sentencepiece and LibTorch bundle two
// protobuf copies that crash before main() in one binary, so sentencepiece lives in a plug-in
// (librapidun_spm.so) loaded with dlopen(RTLD_LOCAL | RTLD_DEEPBIND); this header knows nothing of it.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace rapidun {

class Tokenizer {
public:
    virtual ~Tokenizer() = default;
    virtual std::vector<int32_t> encode(const std::string & text, bool add_bos, bool add_eos = false) const = 0;
    // Decodes ids to text; control ids (BOS/EOS/PAD) are dropped, byte-fallback pieces become bytes.
    virtual std::string decode(const std::vector<int32_t> & ids) const = 0;
    virtual std::string piece(int32_t id) const = 0;   // the raw piece, e.g. "▁Once" or "<0x0A>"
    virtual int32_t vocab_size() const = 0;
    virtual int32_t bos_id() const = 0;
    virtual int32_t eos_id() const = 0;
    virtual int32_t pad_id() const = 0;                // -1 when the model defines none
    virtual int32_t unk_id() const = 0;
    virtual bool    byte_fallback() const = 0;
    virtual std::string path() const = 0;
    virtual std::string kind() const = 0;              // "sentencepiece-bpe", "sentencepiece-unigram",
                                                       // "hf-bpe-bytelevel", "hf-bpe" (hf_tokenizer.h)
};

// Loads any tokenizer this project reads: a tokenizer.json file (HF, hf_tokenizer.h), a
// sentencepiece .model file, or a folder holding tokenizer.json (preferred) or tokenizer.model.
// Throws Error naming the path.
std::unique_ptr<Tokenizer> load_tokenizer(const std::string & path);

// Loads a sentencepiece model file (tokenizer.model). Throws Error naming the file.
std::unique_ptr<Tokenizer> load_sentencepiece(const std::string & path);

struct SentencepieceTrainOptions {
    std::string input_path;             // one sentence per line
    std::string model_prefix;           // writes <prefix>.model and <prefix>.vocab
    int32_t     vocab_size = 512;
    std::string model_type = "bpe";     // bpe | unigram
    bool        byte_fallback = true;
    bool        split_digits = false;   // one piece per digit (Llama's tokenizer does this)
    double      character_coverage = 1.0;
    int32_t     n_threads = 2;
    std::string user_defined_symbols;   // comma-separated pieces kept whole (e.g. trigger strings)
};
void train_sentencepiece(const SentencepieceTrainOptions & opt);

// Path of the plug-in that was or will be loaded (env RAPIDUN_SPM_PLUGIN overrides the search).
std::string sentencepiece_plugin_path();

} // namespace rapidun
