// Hugging Face tokenizer.json tokenizers (BPE models: Llama 3, Llama 2's converted form, Qwen2.5,
// GPT-2 style), id for id what the `tokenizers` library gives. kind() is "hf-bpe-bytelevel" when
// the pre-tokenizer maps bytes (GPT-2 / Llama 3 / Qwen), "hf-bpe" otherwise (Llama 2's metaspace).
//
// Supported (anything else throws Error "<file>: <JSON path>: <what>" at load):
//   model          BPE (byte_fallback, ignore_merges, fuse_unk, unk_token, continuing_subword_prefix,
//                  end_of_word_suffix; merges as "a b" strings or [a, b] pairs; no dropout)
//   normalizer     NFC NFD NFKC NFKD Prepend Replace Sequence
//   pre_tokenizer  ByteLevel Split Metaspace Sequence
//   post_processor TemplateProcessing ByteLevel BertProcessing RobertaProcessing Sequence
//   decoder        ByteLevel Replace ByteFallback Fuse Strip Metaspace Sequence
//   added_tokens   special or not, with single_word / lstrip / rstrip / normalized
// truncation and padding in tokenizer.json are ignored: encode never cuts nor pads.
// tokenizer_config.json beside the file, when present, names bos / eos / pad / unk and says
// add_bos_token / add_eos_token.
#pragma once
#include "rapidun/text/tokenizer.h"

#include <memory>
#include <string>
#include <vector>

namespace rapidun {

class HfTokenizer : public Tokenizer {
public:
    // encode(text, add_bos, add_eos) of Tokenizer: the text's ids (added tokens written in the
    // text are matched, as HF does), with bos_id() / eos_id() put around when asked and defined.
    // HF's Tokenizer.encode(text, add_special_tokens): with true, the post-processor's template
    // decides what is added (Llama 2: "<s>" in front; the Llama 3 file here: nothing).
    virtual std::vector<int32_t> encode_hf(const std::string & text, bool add_special_tokens) const = 0;
    // HF's decode(ids, skip_special_tokens); decode(ids) of Tokenizer is decode_hf(ids, true).
    virtual std::string decode_hf(const std::vector<int32_t> & ids, bool skip_special_tokens) const = 0;
    // tokenizer_config.json's add_bos_token / add_eos_token; without them, whether the
    // post-processor puts bos / eos around a single text.
    virtual bool add_bos_default() const = 0;
    virtual bool add_eos_default() const = 0;
    // The id of a token (added tokens included), -1 when there is none.
    virtual int32_t token_to_id(const std::string & token) const = 0;
};

// Loads a tokenizer.json file. Throws Error naming the file and the JSON path at fault.
std::unique_ptr<HfTokenizer> load_hf_tokenizer(const std::string & path);

} // namespace rapidun
