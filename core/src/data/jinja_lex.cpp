// Jinja's lexer for chat templates (jinja.h), rule for rule where whitespace is concerned, because
// a chat template's output is compared byte for byte (jinja2/lexer.py in transformers' settings):
//   {%- / {{- / {#-   strip all whitespace before the tag (Python's str.rstrip set);
//   -%} / -}} / -#}   strip all whitespace after it;
//   lstrip_blocks     whitespace between a line's start and a {% or {# tag is dropped, unless the
//                     tag is {%+ ; a line starts after a newline, at the template's start, or right
//                     after a tag whose match ended with a newline;
//   trim_blocks       one newline right after %} or #} is dropped, unless the tag ends +%} / +#}.
// Inside a tag, the end marker counts only outside brackets, as in Jinja.
#include "data/jinja.h"

#include "text/hf_unicode.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace rapidun::jinja {

bool is_py_space(uint32_t cp) {
    return (cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x20) || cp == 0x85 || cp == 0xa0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 || cp == 0x2029 || cp == 0x202f || cp == 0x205f || cp == 0x3000;
}

std::string py_strip(const std::string & s, bool left, bool right) {
    size_t b = 0, e = s.size();
    if (left) {
        while (b < e) {
            size_t i = b;
            if (!is_py_space(hf::next_code_point(s, i))) break;
            b = i;
        }
    }
    if (right) {
        while (e > b) {
            const uint32_t cp = hf::last_code_point(s, e);
            if (!is_py_space(cp)) break;
            e -= hf::utf8_length(cp);
        }
    }
    return s.substr(b, e - b);
}

std::string normalize_source(const std::string & raw) {
    std::string s;
    s.reserve(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '\r') {
            s += '\n';
            if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
        } else {
            s += raw[i];
        }
    }
    if (!s.empty() && s.back() == '\n') s.pop_back();
    return s;
}

std::string describe_position(const std::string & source, size_t pos) {
    size_t line = 1, col = 1;
    for (size_t i = 0; i < pos && i < source.size(); ++i) {
        if (source[i] == '\n') { ++line; col = 1; }
        else if ((static_cast<unsigned char>(source[i]) & 0xc0) != 0x80) ++col;
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(col);
}

namespace {

[[noreturn]] void error_at(size_t pos, const std::string & what) { throw TemplateError{pos, what}; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || is_digit(c); }

// Python whitespace (one code point) at s[i]: its byte length, or 0.
size_t space_at(const std::string & s, size_t i) {
    if (i >= s.size()) return 0;
    size_t j = i;
    return is_py_space(hf::next_code_point(s, j)) ? j - i : 0;
}

size_t skip_spaces(const std::string & s, size_t i) {
    while (size_t n = space_at(s, i)) i += n;
    return i;
}

// The spelling backslashreplace gives a character, without its backslash: "xe9", "u2028", "U0001f600".
void append_escape_body(std::string & out, uint32_t cp) {
    static const char * hex = "0123456789abcdef";
    const int digits = cp <= 0xff ? 2 : cp <= 0xffff ? 4 : 8;
    out += digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
    for (int k = digits - 1; k >= 0; --k) out += hex[(cp >> (4 * k)) & 0xf];
}

// A string literal's body as Jinja decodes it: .encode("ascii", "backslashreplace")
// .decode("unicode-escape"). So Python's escapes work, an unknown escape keeps its backslash, and a
// backslash before a non-ASCII character yields that character's \x / \u / \U spelling.
std::string decode_string(const std::string & body, size_t pos) {
    std::string out;
    size_t i = 0;
    auto hex_value = [&](size_t start, int n, const char * what) {
        uint32_t v = 0;
        for (int k = 0; k < n; ++k) {
            const size_t p = start + static_cast<size_t>(k);
            const char c = p < body.size() ? body[p] : '\0';
            int d = -1;
            if (c >= '0' && c <= '9') d = c - '0';
            else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
            if (d < 0) error_at(pos, std::string("string literal: truncated ") + what + " escape");
            v = v * 16 + static_cast<uint32_t>(d);
        }
        return v;
    };
    auto put = [&](uint32_t cp) {
        if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            error_at(pos, "string literal: escape gives a code point that is not a character (surrogate or past U+10FFFF)");
        hf::append_utf8(out, cp);
    };
    while (i < body.size()) {
        const char c = body[i];
        if (c != '\\') { out += c; ++i; continue; }
        if (i + 1 >= body.size()) error_at(pos, "string literal ends with a lone backslash");
        const unsigned char e = static_cast<unsigned char>(body[i + 1]);
        if (e >= 0x80) {   // "\é" became "\\xe9": the two backslashes decode to one, "xe9" stays text
            out += '\\';
            size_t j = i + 1;
            append_escape_body(out, hf::next_code_point(body, j));
            i = j;
            continue;
        }
        i += 2;
        switch (e) {
        case '\n': break;   // line continuation
        case '\\': out += '\\'; break;
        case '\'': out += '\''; break;
        case '"': out += '"'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'v': out += '\v'; break;
        case 'x': put(hex_value(i, 2, "\\xXX")); i += 2; break;
        case 'u': put(hex_value(i, 4, "\\uXXXX")); i += 4; break;
        case 'U': put(hex_value(i, 8, "\\UXXXXXXXX")); i += 8; break;
        case 'N': error_at(pos, "string literal: \\N{...} escapes are not supported");
        default:
            if (e >= '0' && e <= '7') {
                uint32_t v = e - '0';
                for (int k = 0; k < 2 && i < body.size() && body[i] >= '0' && body[i] <= '7'; ++k, ++i) v = v * 8 + (body[i] - '0');
                put(v);
            } else {
                out += '\\';
                out += static_cast<char>(e);
            }
        }
    }
    return out;
}

class Lexer {
public:
    explicit Lexer(const std::string & src) : s_(src) {}

    std::vector<Piece> run() {
        std::vector<Piece> pieces;
        size_t pos = 0;
        bool line_starting = true;   // the last consumed text ended with a newline (or nothing yet)
        while (pos < s_.size()) {
            size_t start = pos;
            char kind = 0;
            for (; start + 1 < s_.size(); ++start) {
                if (s_[start] == '{' && (s_[start + 1] == '{' || s_[start + 1] == '%' || s_[start + 1] == '#')) {
                    kind = s_[start + 1];
                    break;
                }
            }
            if (!kind) {
                pieces.push_back({Piece::Text, s_.substr(pos), {}, pos});
                break;
            }
            std::string text = s_.substr(pos, start - pos);
            const char sign = start + 2 < s_.size() && (s_[start + 2] == '-' || s_[start + 2] == '+') ? s_[start + 2] : 0;
            if (sign == '-') {
                text = py_strip(text, false, true);
            } else if (sign != '+' && kind != '{') {   // lstrip_blocks, not for {{ }}
                const size_t nl = text.rfind('\n');
                const size_t l_pos = nl == std::string::npos ? 0 : nl + 1;
                if ((l_pos > 0 || line_starting) && l_pos < text.size() && skip_spaces(text, l_pos) == text.size())
                    text.resize(l_pos);
            }
            if (!text.empty()) pieces.push_back({Piece::Text, std::move(text), {}, pos});
            size_t inner = start + 2 + (sign ? 1 : 0);
            if (kind == '#') {
                const size_t close = s_.find("#}", inner);
                if (close == std::string::npos) error_at(start, "comment {# is never closed with #}");
                const char before = close > inner ? s_[close - 1] : 0;
                pos = close + 2;
                if (before == '-') pos = skip_spaces(s_, pos);
                else if (before != '+' && pos < s_.size() && s_[pos] == '\n') ++pos;   // trim_blocks
            } else {
                Piece p{kind == '{' ? Piece::Var : Piece::Block, {}, {}, start};
                pos = tag_tokens(inner, kind == '%', p.toks, start);
                pieces.push_back(std::move(p));
            }
            line_starting = pos > 0 && s_[pos - 1] == '\n';
        }
        return pieces;
    }

private:
    const std::string & s_;

    // Tokens of one tag from i to its end marker (seen only outside brackets, as Jinja does);
    // returns the position after the marker and what the marker's whitespace control consumed.
    size_t tag_tokens(size_t i, bool block, std::vector<Token> & out, size_t tag_start) {
        std::vector<char> brackets;
        const char * close = block ? "%}" : "}}";
        for (;;) {
            if (i >= s_.size())
                error_at(tag_start, std::string(block ? "{%" : "{{") + " is never closed with " + close);
            if (brackets.empty()) {
                if (block && s_.compare(i, 3, "+%}") == 0) { out.push_back({Tok::End, "", {}, i}); return i + 3; }
                if (s_.compare(i, 1, "-") == 0 && s_.compare(i + 1, 2, close) == 0) {
                    out.push_back({Tok::End, "", {}, i});
                    return skip_spaces(s_, i + 3);
                }
                if (s_.compare(i, 2, close) == 0) {
                    out.push_back({Tok::End, "", {}, i});
                    size_t end = i + 2;
                    if (block && end < s_.size() && s_[end] == '\n') ++end;   // trim_blocks
                    return end;
                }
            }
            if (const size_t n = space_at(s_, i)) { i += n; continue; }
            const char c = s_[i];
            if (is_digit(c)) { i = number(i, out); continue; }
            if (is_name_start(c)) {
                size_t j = i;
                while (j < s_.size() && is_name_char(s_[j])) ++j;
                out.push_back({Tok::Name, s_.substr(i, j - i), {}, i});
                i = j;
                continue;
            }
            if (c == '\'' || c == '"') {
                size_t j = i + 1;
                while (j < s_.size() && s_[j] != c) j += s_[j] == '\\' ? 2 : 1;
                if (j >= s_.size()) error_at(i, "string literal is never closed");
                out.push_back({Tok::String, decode_string(s_.substr(i + 1, j - i - 1), i), {}, i});
                i = j + 1;
                continue;
            }
            static const char * two[] = {"//", "**", "==", "!=", ">=", "<="};
            std::string op;
            for (const char * t : two)
                if (s_.compare(i, 2, t) == 0) op = t;
            if (op.empty() && std::string("+-/*%~[](){}><=.:|,;").find(c) != std::string::npos) op = std::string(1, c);
            if (op.empty()) {
                size_t j = i;
                const uint32_t cp = hf::next_code_point(s_, j);
                char buf[16];
                std::snprintf(buf, sizeof buf, "U+%04X", cp);
                error_at(i, "unexpected character '" + s_.substr(i, j - i) + "' (" + buf + ") inside a tag");
            }
            if (op == "(" || op == "[" || op == "{") brackets.push_back(op == "(" ? ')' : op == "[" ? ']' : '}');
            if (op == ")" || op == "]" || op == "}") {
                if (brackets.empty()) error_at(i, "unexpected '" + op + "'");
                if (brackets.back() != op[0]) error_at(i, "unexpected '" + op + "', expected '" + std::string(1, brackets.back()) + "'");
                brackets.pop_back();
            }
            out.push_back({Tok::Op, op, {}, i});
            i += op.size();
        }
    }

    // Integers (decimal, 0x, 0o, 0b, with _ separators) and floats (1.5, 1e3, 1.5e-3), as Jinja
    // lexes them; a number right after '.' is an integer (foo.0 is an item access).
    size_t number(size_t i, std::vector<Token> & out) {
        const size_t start = i;
        auto digits = [&](size_t j) {   // (\d+_)*\d+ from j; returns the end, or j when none
            size_t k = j;
            while (k < s_.size() && is_digit(s_[k])) {
                ++k;
                if (k + 1 < s_.size() && s_[k] == '_' && is_digit(s_[k + 1])) ++k;
            }
            return k;
        };
        auto strip_us = [](std::string t) { t.erase(std::remove(t.begin(), t.end(), '_'), t.end()); return t; };
        const bool after_dot = start > 0 && s_[start - 1] == '.';
        if (!after_dot) {
            size_t f = digits(i);
            bool is_float = false;
            if (f + 1 < s_.size() && s_[f] == '.' && is_digit(s_[f + 1])) { f = digits(f + 1); is_float = true; }
            if (f < s_.size() && (s_[f] == 'e' || s_[f] == 'E')) {
                size_t e = f + 1;
                if (e < s_.size() && (s_[e] == '+' || s_[e] == '-')) ++e;
                if (e < s_.size() && is_digit(s_[e])) { f = digits(e); is_float = true; }
            }
            if (is_float) {
                const std::string t = strip_us(s_.substr(start, f - start));
                double d = 0;
                std::from_chars(t.data(), t.data() + t.size(), d);   // not strtod: the C locale whatever the process's is
                out.push_back({Tok::Float, t, Json(d), start});
                return f;
            }
        }
        int base = 10;
        size_t j = i;
        if (s_[i] == '0' && i + 1 < s_.size() && std::string("xXoObB").find(s_[i + 1]) != std::string::npos) {
            const char b = static_cast<char>(s_[i + 1] | 0x20);
            base = b == 'x' ? 16 : b == 'o' ? 8 : 2;
            j = i + 2;
        } else if (s_[i] == '0') {   // 0(_?0)*
            j = i + 1;
            while (j < s_.size() && (s_[j] == '0' || (s_[j] == '_' && j + 1 < s_.size() && s_[j + 1] == '0'))) ++j;
            out.push_back({Tok::Int, "0", Json(0), start});
            return j;
        }
        unsigned long long v = 0;
        size_t n_digits = 0;
        for (; j < s_.size(); ++j) {
            const char c = s_[j];
            if (c == '_') continue;
            int d = -1;
            if (c >= '0' && c <= '9') d = c - '0';
            else if (base == 16 && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') d = (c | 0x20) - 'a' + 10;
            if (d < 0 || d >= base) break;
            if (v > (0x7fffffffffffffffULL - static_cast<unsigned>(d)) / static_cast<unsigned>(base))
                error_at(start, "integer literal too large");
            v = v * base + static_cast<unsigned>(d);
            ++n_digits;
        }
        if (n_digits == 0) error_at(start, "malformed number literal");
        out.push_back({Tok::Int, s_.substr(start, j - start), Json(static_cast<int64_t>(v)), start});
        return j;
    }
};

} // namespace

std::vector<Piece> lex_template(const std::string & source) { return Lexer(source).run(); }

} // namespace rapidun::jinja
