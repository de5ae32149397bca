// Text helpers of the tokenizer.json tokenizer (hf_tokenizer.cpp): UTF-8, the Unicode predicates
// and normal forms HF's Rust code uses, GPT-2's byte-level alphabet, and the Oniguruma regex with
// the iteration rules of HF's SysRegex. Internal to core; strings are UTF-8 byte strings and every
// offset is a byte offset.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace rapidun::hf {

constexpr size_t k_npos = static_cast<size_t>(-1);

// Byte offset of the first byte that does not start a valid UTF-8 sequence (overlong forms,
// surrogates and code points past U+10FFFF are invalid), or k_npos when all of s is valid.
size_t find_invalid_utf8(const char * s, size_t n);

// Decodes the code point at s[i] (s must be valid UTF-8) and advances i past it.
uint32_t next_code_point(const std::string & s, size_t & i);
// The code point that ends just before s[end] (valid UTF-8, end > 0).
uint32_t last_code_point(const std::string & s, size_t end);
void append_utf8(std::string & out, uint32_t cp);
size_t utf8_length(uint32_t cp);

// Rust's String::from_utf8_lossy: each maximal invalid subsequence becomes one U+FFFD.
std::string utf8_lossy(const std::string & bytes);

// Rust regex's Unicode \w (Alphabetic, marks, decimal digits, connector punctuation, join
// controls) and \s (White_Space), as HF's added-token matcher tests them.
bool is_word_char(uint32_t cp);
bool is_space_char(uint32_t cp);

enum class NormalForm { NFC, NFD, NFKC, NFKD };
// s in the given Unicode normal form (ICU). ASCII is returned as is without calling ICU.
std::string unicode_normalize(const std::string & s, NormalForm form);

// GPT-2's byte <-> visible-character table (HF ByteLevel): byte_char(b) is the UTF-8 of the
// character that stands for byte b; char_byte(cp) is the byte a character stands for, or -1.
const std::string & byte_char(uint8_t b);
int char_byte(uint32_t cp);

// A compiled Oniguruma regex: the engine HF tokenizers itself uses (Rust crate `onig`), with the
// same syntax (ONIG_SYNTAX_DEFAULT), options (none) and encoding (UTF-8), so \p{L}, \s, (?i:..)
// and lookaheads behave identically. Searching is thread-safe; the object is not copyable.
class Regex {
public:
    explicit Regex(const std::string & pattern);   // throws std::runtime_error with Oniguruma's message
    ~Regex();
    Regex(const Regex &) = delete;
    Regex & operator=(const Regex &) = delete;

    // All matches as [start, end) byte ranges, by the rules of the `onig` crate's find_iter:
    // each search starts where the previous match ended (lookarounds still see the whole text),
    // and an empty match right at the previous match's end is skipped.
    void find_all(const std::string & s, std::vector<std::pair<size_t, size_t>> & out) const;

private:
    void * re_ = nullptr;   // regex_t *
};

// The pattern that matches `literal` and nothing else (HF's regex::escape for String patterns).
std::string escape_regex(const std::string & literal);

} // namespace rapidun::hf
