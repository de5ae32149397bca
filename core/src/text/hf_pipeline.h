// The stages of a tokenizer.json around its model, internal to core: added-token matching,
// normalizers, pre-tokenizers, post-processor templates and decoders, each reproducing HF
// `tokenizers` (normalizer.rs, added_vocabulary.rs, pre_tokenizers/, decoders/) on plain UTF-8
// strings. HF also tracks offsets; ids need none, so only the one offset fact that changes ids
// is kept: whether a piece starts at offset 0 of the input (Metaspace's prepend_scheme "first").
// Sequences are flattened at load time: applying [a, [b, c]] is applying a, b, c in turn.
#pragma once
#include "text/hf_unicode.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace rapidun::hf {

// A stretch of text on its way through the pipeline; id >= 0 once it is an added token.
struct Piece {
    std::string text;
    int32_t id = -1;
    bool at_origin = false;   // starts at byte 0 of the encoded input
};

// --- added tokens -------------------------------------------------------------------------------

struct AddedToken {
    std::string content;   // matched text: the content, or its normalized form when normalized
    int32_t id = -1;
    bool special = false, single_word = false, lstrip = false, rstrip = false, normalized = false;
};

// Leftmost-longest, non-overlapping matching of a set of strings (HF builds a daachorse
// automaton with MatchKind::LeftmostLongest): a byte trie walked from each position that can
// start a token. Cost: O(n * longest token) in the worst case, O(n) with a first-byte test usually.
class AddedMatcher {
public:
    void build(const std::vector<AddedToken> & tokens);   // tokens[i].content, all non-empty
    bool empty() const { return tokens_.empty(); }
    // Splits `sentence` as added_vocabulary.rs find_matches does (single_word, lstrip, rstrip).
    void split(const std::string & sentence, bool at_origin, std::vector<Piece> & out) const;

private:
    struct Node { std::vector<std::pair<uint8_t, int32_t>> next; int32_t token = -1; };
    std::vector<Node> nodes_;
    std::vector<AddedToken> tokens_;
    bool first_byte_[256] = {};
};

// --- normalizers --------------------------------------------------------------------------------

struct NormalizerStep {
    enum class Kind { Unicode, Prepend, Replace } kind = Kind::Prepend;
    NormalForm form = NormalForm::NFC;   // Unicode
    std::string text;                    // Prepend: the prefix; Replace: the replacement
    std::string literal;                 // Replace with a non-empty String pattern
    std::shared_ptr<Regex> regex;        // Replace with a Regex (or empty String) pattern
};
void normalize(const std::vector<NormalizerStep> & steps, std::string & s);

// --- pre-tokenizers -----------------------------------------------------------------------------

enum class SplitBehavior { Removed, Isolated, MergedWithPrevious, MergedWithNext, Contiguous };
enum class PrependScheme { Always, First, Never };

struct PreTokenizerStep {
    enum class Kind { ByteLevel, Split, Metaspace } kind = Kind::ByteLevel;
    bool add_prefix_space = false, use_regex = true;   // ByteLevel
    std::shared_ptr<Regex> regex;                      // Split (ByteLevel with use_regex: GPT-2's)
    SplitBehavior behavior = SplitBehavior::Isolated;  // Split
    bool invert = false;                               // Split
    uint32_t replacement = 0x2581;                     // Metaspace (U+2581 "▁")
    PrependScheme prepend = PrependScheme::Always;     // Metaspace
    bool split = true;                                 // Metaspace
};
// Runs every step over every piece that is not yet a token; empty pieces are dropped.
void pre_tokenize(const std::vector<PreTokenizerStep> & steps, std::vector<Piece> & pieces);
// GPT-2's pre-tokenization regex (ByteLevel with use_regex), compiled once.
std::shared_ptr<Regex> gpt2_regex();

// --- decoders -----------------------------------------------------------------------------------

struct DecoderStep {
    enum class Kind { ByteLevel, Replace, ByteFallback, Fuse, Strip, Metaspace } kind = Kind::Fuse;
    std::string literal, text;        // Replace: pattern (non-empty String) and content
    std::shared_ptr<Regex> regex;     // Replace with a Regex pattern
    uint32_t content = ' ';           // Strip: the character
    size_t start = 0, stop = 0;       // Strip: how many at most from each end
    uint32_t replacement = 0x2581;    // Metaspace
    PrependScheme prepend = PrependScheme::Always;
};
// decode_chain of each step in turn, then joined (HF Decoder::decode).
std::string decode_tokens(const std::vector<DecoderStep> & steps, std::vector<std::string> tokens);

} // namespace rapidun::hf
