// Unicode normal forms: ICU (libicu-dev), not utf8proc. ICU is already on every machine this
// project builds on (Qt 6 links it), it is the reference implementation of the Unicode algorithms,
// and its Normalizer2 works on UTF-8 in place (normalizeUTF8) with a quick check first, so text
// that is already NFC, nearly all of it, costs one scan. HF's Rust crate carries its own, older
// Unicode tables; both agree on every character assigned in both versions.
//
// Regex: Oniguruma (libonig-dev), the engine HF tokenizers itself uses (Rust crate `onig`).
#include "text/hf_unicode.h"

#define ONIG_ESCAPE_UCHAR_COLLISION 1   // oniguruma.h would #define UChar, which ICU also declares
#include <oniguruma.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>

#include <array>
#include <mutex>
#include <stdexcept>

namespace rapidun::hf {

// --- UTF-8 --------------------------------------------------------------------------------------

namespace {

// Length of the valid UTF-8 sequence at s[i..n), or 0 when it is not one. `maximal` receives the
// length of the longest prefix that could still start a valid sequence (>= 1): the unit that
// Rust's lossy conversion replaces by one U+FFFD.
size_t sequence_length(const unsigned char * s, size_t i, size_t n, size_t & maximal) {
    const unsigned char b = s[i];
    maximal = 1;
    if (b < 0x80) return 1;
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF;   // allowed range of the second byte
    if (b >= 0xC2 && b <= 0xDF) need = 1;
    else if (b == 0xE0) { need = 2; lo = 0xA0; }
    else if (b >= 0xE1 && b <= 0xEC) need = 2;
    else if (b == 0xED) { need = 2; hi = 0x9F; }
    else if (b >= 0xEE && b <= 0xEF) need = 2;
    else if (b == 0xF0) { need = 3; lo = 0x90; }
    else if (b >= 0xF1 && b <= 0xF3) need = 3;
    else if (b == 0xF4) { need = 3; hi = 0x8F; }
    else return 0;
    for (size_t k = 1; k <= need; ++k) {
        if (i + k >= n) return 0;
        const unsigned char c = s[i + k];
        const bool ok = k == 1 ? (c >= lo && c <= hi) : (c >= 0x80 && c <= 0xBF);
        if (!ok) return 0;
        maximal = k + 1;
    }
    return need + 1;
}

} // namespace

size_t find_invalid_utf8(const char * s, size_t n) {
    const auto * u = reinterpret_cast<const unsigned char *>(s);
    size_t i = 0;
    while (i < n) {
        if (u[i] < 0x80) { ++i; continue; }
        size_t maximal = 0;
        const size_t len = sequence_length(u, i, n, maximal);
        if (len == 0) return i;
        i += len;
    }
    return k_npos;
}

uint32_t next_code_point(const std::string & s, size_t & i) {
    const auto * u = reinterpret_cast<const unsigned char *>(s.data());
    const unsigned char b = u[i];
    if (b < 0x80) { ++i; return b; }
    if (b < 0xE0) { const uint32_t cp = ((b & 0x1Fu) << 6) | (u[i + 1] & 0x3Fu); i += 2; return cp; }
    if (b < 0xF0) {
        const uint32_t cp = ((b & 0x0Fu) << 12) | ((u[i + 1] & 0x3Fu) << 6) | (u[i + 2] & 0x3Fu);
        i += 3;
        return cp;
    }
    const uint32_t cp = ((b & 0x07u) << 18) | ((u[i + 1] & 0x3Fu) << 12) | ((u[i + 2] & 0x3Fu) << 6) | (u[i + 3] & 0x3Fu);
    i += 4;
    return cp;
}

uint32_t last_code_point(const std::string & s, size_t end) {
    size_t start = end - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    return next_code_point(s, start);
}

size_t utf8_length(uint32_t cp) {
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

void append_utf8(std::string & out, uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string utf8_lossy(const std::string & bytes) {
    const auto * u = reinterpret_cast<const unsigned char *>(bytes.data());
    const size_t n = bytes.size();
    std::string out;
    out.reserve(n);
    size_t i = 0;
    while (i < n) {
        size_t maximal = 0;
        const size_t len = sequence_length(u, i, n, maximal);
        if (len) {
            out.append(bytes, i, len);
            i += len;
        } else {
            out += "\xEF\xBF\xBD";
            i += maximal;
        }
    }
    return out;
}

// --- Unicode properties and normal forms --------------------------------------------------------

bool is_word_char(uint32_t cp) {
    const auto c = static_cast<UChar32>(cp);
    if (u_hasBinaryProperty(c, UCHAR_ALPHABETIC) || u_hasBinaryProperty(c, UCHAR_JOIN_CONTROL)) return true;
    return (U_GET_GC_MASK(c) & (U_GC_M_MASK | U_GC_ND_MASK | U_GC_PC_MASK)) != 0;
}

bool is_space_char(uint32_t cp) {
    return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_WHITE_SPACE);
}

std::string unicode_normalize(const std::string & s, NormalForm form) {
    bool ascii = true;
    for (const char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) { ascii = false; break; }
    if (ascii && (form == NormalForm::NFC || form == NormalForm::NFD)) return s;   // ASCII is NFC and NFD
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 * norm = nullptr;
    switch (form) {
    case NormalForm::NFC: norm = icu::Normalizer2::getNFCInstance(status); break;
    case NormalForm::NFD: norm = icu::Normalizer2::getNFDInstance(status); break;
    case NormalForm::NFKC: norm = icu::Normalizer2::getNFKCInstance(status); break;
    case NormalForm::NFKD: norm = icu::Normalizer2::getNFKDInstance(status); break;
    }
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU normalizer unavailable: ") + u_errorName(status));
    const icu::StringPiece in(s.data(), static_cast<int32_t>(s.size()));
    if (norm->isNormalizedUTF8(in, status) && U_SUCCESS(status)) return s;
    status = U_ZERO_ERROR;
    std::string out;
    out.reserve(s.size() + 8);
    icu::StringByteSink<std::string> sink(&out);
    norm->normalizeUTF8(0, in, sink, nullptr, status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU normalization failed: ") + u_errorName(status));
    return out;
}

// --- GPT-2 byte-level alphabet ------------------------------------------------------------------

namespace {

struct ByteTable {
    std::array<std::string, 256> to_char;
    std::array<int16_t, 512> to_byte{};   // every mapped character is below U+0200
    ByteTable() {
        to_byte.fill(-1);
        auto visible = [](int b) { return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF); };
        int n = 0;
        for (int b = 0; b < 256; ++b) {
            const uint32_t cp = visible(b) ? static_cast<uint32_t>(b) : 256u + static_cast<uint32_t>(n++);
            append_utf8(to_char[b], cp);
            to_byte[cp] = static_cast<int16_t>(b);
        }
    }
};

const ByteTable & byte_table() {
    static const ByteTable t;
    return t;
}

} // namespace

const std::string & byte_char(uint8_t b) { return byte_table().to_char[b]; }

int char_byte(uint32_t cp) { return cp < 512 ? byte_table().to_byte[cp] : -1; }

// --- Oniguruma ----------------------------------------------------------------------------------

namespace {

std::once_flag g_onig_once;

void init_onig() {
    std::call_once(g_onig_once, [] {
        OnigEncoding encodings[] = {ONIG_ENCODING_UTF8};
        onig_initialize(encodings, 1);
    });
}

} // namespace

Regex::Regex(const std::string & pattern) {
    init_onig();
    regex_t * re = nullptr;
    OnigErrorInfo info{};
    const auto * p = reinterpret_cast<const OnigUChar *>(pattern.data());
    const int r = onig_new(&re, p, p + pattern.size(), ONIG_OPTION_NONE, ONIG_ENCODING_UTF8, ONIG_SYNTAX_DEFAULT, &info);
    if (r != ONIG_NORMAL) {
        OnigUChar msg[ONIG_MAX_ERROR_MESSAGE_LEN] = {};
        onig_error_code_to_str(msg, r, &info);
        throw std::runtime_error(reinterpret_cast<const char *>(msg));
    }
    re_ = re;
}

Regex::~Regex() {
    if (re_) onig_free(static_cast<regex_t *>(re_));
}

void Regex::find_all(const std::string & s, std::vector<std::pair<size_t, size_t>> & out) const {
    out.clear();
    auto * re = static_cast<regex_t *>(re_);
    const auto * begin = reinterpret_cast<const OnigUChar *>(s.data());
    const auto * end = begin + s.size();
    // One region per call (Oniguruma writes the match into it); freed on every path.
    struct RegionGuard {
        OnigRegion * r = onig_region_new();
        ~RegionGuard() { onig_region_free(r, 1); }
    } region;
    size_t last_end = 0;
    bool have_last = false;
    size_t last_match_end = 0;
    while (last_end <= s.size()) {
        const int r = onig_search(re, begin, end, begin + last_end, end, region.r, ONIG_OPTION_NONE);
        if (r == ONIG_MISMATCH) break;
        if (r < 0) {
            OnigUChar msg[ONIG_MAX_ERROR_MESSAGE_LEN] = {};
            onig_error_code_to_str(msg, r);
            throw std::runtime_error(std::string("regex search failed: ") + reinterpret_cast<const char *>(msg));
        }
        const auto ms = static_cast<size_t>(region.r->beg[0]);
        const auto me = static_cast<size_t>(region.r->end[0]);
        if (me == ms && have_last && last_match_end == me) {
            // The crate steps one character on (one byte at the very end) and searches again.
            if (last_end < s.size()) {
                size_t j = last_end;
                next_code_point(s, j);
                last_end = j;
            } else {
                last_end += 1;
            }
            continue;
        }
        last_end = me;
        last_match_end = me;
        have_last = true;
        out.emplace_back(ms, me);
    }
}

std::string escape_regex(const std::string & literal) {
    // Oniguruma reads "\" before any ASCII punctuation as that character; letters, digits and
    // non-ASCII bytes stand for themselves (escaping a letter could make it a class like \w).
    std::string out;
    out.reserve(literal.size() * 2);
    for (const char c : literal) {
        const auto u = static_cast<unsigned char>(c);
        const bool plain = u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
        if (!plain && u >= 0x20 && u < 0x7F) out += '\\';
        out += c;
    }
    return out;
}

} // namespace rapidun::hf
