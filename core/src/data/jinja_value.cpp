// Python value semantics for the chat-template renderer (jinja_value.h).
#include "data/jinja_value.h"

#include "text/hf_unicode.h"

#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace rapidun::jinja {

void fail_at(size_t pos, const std::string & what) { throw TemplateError{pos, what}; }

bool is_int(const Json & j) { return j.is_number_integer(); }   // nlohmann keeps bools apart
bool is_number(const Json & j) { return j.is_number() || j.is_boolean(); }

int64_t as_int(const Json & j, size_t pos) {
    if (j.is_boolean()) return j.get<bool>() ? 1 : 0;
    if (j.is_number_unsigned()) {
        const uint64_t u = j.get<uint64_t>();
        if (u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) fail_at(pos, "integer too large (past int64)");
        return static_cast<int64_t>(u);
    }
    return j.get<int64_t>();
}

double as_double(const Json & j) {
    if (j.is_boolean()) return j.get<bool>() ? 1.0 : 0.0;
    return j.get<double>();
}

std::string type_name(const Value & v) {
    if (v.kind == Value::Kind::Undefined) return "Undefined";
    if (v.kind == Value::Kind::Namespace) return "Namespace";
    if (v.kind == Value::Kind::Callable) return "function";
    const Json & j = v.j;
    if (j.is_null()) return "NoneType";
    if (j.is_boolean()) return "bool";
    if (j.is_number_float()) return "float";
    if (j.is_number()) return "int";
    if (j.is_string()) return "str";
    if (j.is_object()) return "dict";
    switch (v.seq) {
    case Seq::Tuple: return "tuple";
    case Seq::Generator: return "generator";
    case Seq::View: return "view";
    default: return "list";
    }
}

bool truthy(const Value & v) {
    if (v.kind == Value::Kind::Undefined) return false;
    if (v.kind == Value::Kind::Namespace || v.kind == Value::Kind::Callable) return true;
    const Json & j = v.j;
    if (j.is_null()) return false;
    if (j.is_boolean()) return j.get<bool>();
    if (j.is_number_float()) return j.get<double>() != 0.0;
    if (j.is_number()) return !(j.is_number_unsigned() ? j.get<uint64_t>() == 0 : j.get<int64_t>() == 0);
    if (j.is_string()) return !j.get_ref<const std::string &>().empty();
    if (j.is_array() && v.seq == Seq::Generator) return true;   // a generator object is always true
    return !j.empty();
}

// ---- printing ------------------------------------------------------------------------------------

std::string py_float_repr(double d) {
    if (std::isnan(d)) return "nan";
    if (std::isinf(d)) return d < 0 ? "-inf" : "inf";
    if (d == 0) return std::signbit(d) ? "-0.0" : "0.0";
    // The shortest digits that read back as d (Python's repr; to_chars, not printf, so the process's
    // locale cannot turn the point into a comma), then its layout rule: scientific when the decimal
    // exponent is < -4 or >= 16.
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    const std::string m(buf, r.ptr);   // "-1.2345e+02"
    const size_t e = m.find('e');
    int exp = 0;
    std::from_chars(m.data() + e + (m[e + 1] == '+' ? 2 : 1), m.data() + m.size(), exp);
    std::string mant = m.substr(0, e);
    const bool neg = mant[0] == '-';
    if (neg) mant.erase(0, 1);
    std::string digits;
    for (const char c : mant)
        if (c != '.') digits += c;
    std::string out = neg ? "-" : "";
    if (exp < -4 || exp >= 16) {
        out += digits.substr(0, 1);
        if (digits.size() > 1) out += "." + digits.substr(1);
        char eb[16];
        std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', std::abs(exp));
        return out + eb;
    }
    if (exp >= 0) {
        const size_t int_len = static_cast<size_t>(exp) + 1;
        if (digits.size() <= int_len) return out + digits + std::string(int_len - digits.size(), '0') + ".0";
        return out + digits.substr(0, int_len) + "." + digits.substr(int_len);
    }
    return out + "0." + std::string(static_cast<size_t>(-exp - 1), '0') + digits;
}

namespace {

void append_hex(std::string & out, const char * prefix, uint32_t v, int digits) {
    static const char * hex = "0123456789abcdef";
    out += prefix;
    for (int k = digits - 1; k >= 0; --k) out += hex[(v >> (4 * k)) & 0xf];
}

// Python's str.isprintable() for one non-ASCII code point: not Cc Cf Cs Co Cn Zl Zp Zs.
bool py_printable(uint32_t cp) {
    switch (u_charType(static_cast<UChar32>(cp))) {
    case U_CONTROL_CHAR: case U_FORMAT_CHAR: case U_SURROGATE: case U_PRIVATE_USE_CHAR: case U_UNASSIGNED:
    case U_LINE_SEPARATOR: case U_PARAGRAPH_SEPARATOR: case U_SPACE_SEPARATOR:
        return false;
    default:
        return true;
    }
}

std::string str_repr(const std::string & s) {
    const bool has_single = s.find('\'') != std::string::npos, has_double = s.find('"') != std::string::npos;
    const char q = has_single && !has_double ? '"' : '\'';
    std::string out(1, q);
    for (size_t i = 0; i < s.size();) {
        const uint32_t cp = hf::next_code_point(s, i);
        if (cp == static_cast<uint32_t>(q) || cp == '\\') { out += '\\'; out += static_cast<char>(cp); }
        else if (cp == '\t') out += "\\t";
        else if (cp == '\n') out += "\\n";
        else if (cp == '\r') out += "\\r";
        else if (cp < 0x20 || cp == 0x7f) append_hex(out, "\\x", cp, 2);
        else if (cp < 0x7f || py_printable(cp)) hf::append_utf8(out, cp);
        else if (cp <= 0xff) append_hex(out, "\\x", cp, 2);
        else if (cp <= 0xffff) append_hex(out, "\\u", cp, 4);
        else append_hex(out, "\\U", cp, 8);
    }
    return out + q;
}

std::string int_text(const Json & j, size_t pos) { return std::to_string(as_int(j, pos)); }

} // namespace

std::string py_repr(const Json & j, size_t pos, Seq seq, bool elem_tuples) {
    if (j.is_null()) return "None";
    if (j.is_boolean()) return j.get<bool>() ? "True" : "False";
    if (j.is_number_float()) return py_float_repr(j.get<double>());
    if (j.is_number()) return int_text(j, pos);
    if (j.is_string()) return str_repr(j.get_ref<const std::string &>());
    if (j.is_array()) {
        if (seq == Seq::Generator) fail_at(pos, "printing a generator (the result of map / select / selectattr / reverse) is not supported; add | list");
        if (seq == Seq::View) fail_at(pos, "printing a dict view or range() is not supported; add | list");
        std::string o = seq == Seq::Tuple ? "(" : "[";
        for (size_t i = 0; i < j.size(); ++i) o += (i ? ", " : "") + py_repr(j[i], pos, elem_tuples ? Seq::Tuple : Seq::List);
        if (seq == Seq::Tuple && j.size() == 1) o += ",";
        return o + (seq == Seq::Tuple ? ")" : "]");
    }
    std::string o = "{";
    bool first = true;
    for (auto it = j.begin(); it != j.end(); ++it) {
        o += (first ? "" : ", ") + str_repr(it.key()) + ": " + py_repr(it.value(), pos);
        first = false;
    }
    return o + "}";
}

std::string to_str(const Value & v, size_t pos) {
    if (v.kind == Value::Kind::Undefined) return "";
    if (v.kind == Value::Kind::Namespace) fail_at(pos, "printing a namespace() or loop object is not supported");
    if (v.kind == Value::Kind::Callable) fail_at(pos, "printing the function '" + v.hint + "' is not supported");
    if (v.j.is_string()) return v.j.get<std::string>();
    return py_repr(v.j, pos, v.seq, v.items_are_tuples);
}

// ---- tojson --------------------------------------------------------------------------------------

namespace {

void dump_string(std::string & out, const std::string & s, bool ensure_ascii) {
    out += '"';
    for (size_t i = 0; i < s.size();) {
        const uint32_t cp = hf::next_code_point(s, i);
        switch (cp) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (cp < 0x20 || (ensure_ascii && cp > 0x7e)) {
                if (cp > 0xffff) {   // a surrogate pair, as Python writes it
                    const uint32_t v = cp - 0x10000;
                    append_hex(out, "\\u", 0xd800 + (v >> 10), 4);
                    append_hex(out, "\\u", 0xdc00 + (v & 0x3ff), 4);
                } else {
                    append_hex(out, "\\u", cp, 4);
                }
            } else {
                hf::append_utf8(out, cp);
            }
        }
    }
    out += '"';
}

void dump(std::string & out, const Json & j, const DumpOptions & o, int level, size_t pos) {
    const std::string & item_sep = !o.item_sep.empty() ? o.item_sep : (o.indent >= 0 ? std::string(",") : std::string(", "));
    const std::string & key_sep = !o.key_sep.empty() ? o.key_sep : std::string(": ");
    auto newline = [&](int lvl) {
        if (o.indent < 0) return;
        out += '\n';
        out.append(static_cast<size_t>(o.indent * lvl), ' ');
    };
    if (j.is_null()) out += "null";
    else if (j.is_boolean()) out += j.get<bool>() ? "true" : "false";
    else if (j.is_number_float()) {
        const double d = j.get<double>();
        out += std::isnan(d) ? "NaN" : std::isinf(d) ? (d < 0 ? "-Infinity" : "Infinity") : py_float_repr(d);
    } else if (j.is_number()) out += int_text(j, pos);
    else if (j.is_string()) dump_string(out, j.get_ref<const std::string &>(), o.ensure_ascii);
    else if (j.is_array()) {
        if (j.empty()) { out += "[]"; return; }
        out += '[';
        for (size_t i = 0; i < j.size(); ++i) {
            if (i) out += item_sep;
            newline(level + 1);
            dump(out, j[i], o, level + 1, pos);
        }
        newline(level);
        out += ']';
    } else {
        if (j.empty()) { out += "{}"; return; }
        std::vector<std::string> keys;
        for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
        if (o.sort_keys) std::sort(keys.begin(), keys.end());
        out += '{';
        for (size_t i = 0; i < keys.size(); ++i) {
            if (i) out += item_sep;
            newline(level + 1);
            dump_string(out, keys[i], o.ensure_ascii);
            out += key_sep;
            dump(out, j.at(keys[i]), o, level + 1, pos);
        }
        newline(level);
        out += '}';
    }
}

} // namespace

std::string to_json_text(const Value & v, const DumpOptions & opt, size_t pos) {
    if (v.kind != Value::Kind::Data) fail_at(pos, "tojson: Object of type " + type_name(v) + " is not JSON serializable");
    if (v.j.is_array() && v.seq == Seq::Generator) fail_at(pos, "tojson: Object of type generator is not JSON serializable");
    if (v.j.is_array() && v.seq == Seq::View) fail_at(pos, "tojson of a dict view or range() is not supported; add | list");
    std::string out;
    dump(out, v.j, opt, 0, pos);
    return out;
}

// ---- comparisons and arithmetic ------------------------------------------------------------------

namespace {

bool json_equals(const Json & a, const Json & b) {
    if (is_number(a) && is_number(b)) {
        if (a.is_number_float() || b.is_number_float()) return as_double(a) == as_double(b);
        if (a.is_number_unsigned() || b.is_number_unsigned()) {
            if (a.is_number_unsigned() && b.is_number_unsigned()) return a.get<uint64_t>() == b.get<uint64_t>();
            const Json & u = a.is_number_unsigned() ? a : b;
            const Json & s = a.is_number_unsigned() ? b : a;
            const int64_t sv = s.is_boolean() ? (s.get<bool>() ? 1 : 0) : s.get<int64_t>();
            return sv >= 0 && static_cast<uint64_t>(sv) == u.get<uint64_t>();
        }
        return (a.is_boolean() ? (a.get<bool>() ? 1 : 0) : a.get<int64_t>()) ==
               (b.is_boolean() ? (b.get<bool>() ? 1 : 0) : b.get<int64_t>());
    }
    if (a.type() != b.type()) return false;
    if (a.is_array()) {
        if (a.size() != b.size()) return false;
        for (size_t i = 0; i < a.size(); ++i)
            if (!json_equals(a[i], b[i])) return false;
        return true;
    }
    if (a.is_object()) {
        if (a.size() != b.size()) return false;
        for (auto it = a.begin(); it != a.end(); ++it) {
            auto f = b.find(it.key());
            if (f == b.end() || !json_equals(it.value(), *f)) return false;
        }
        return true;
    }
    return a == b;
}

// -1 / 0 / 1, or fails where Python has no order.
int order(const Json & a, const Json & b, const std::string & op, size_t pos) {
    if (is_number(a) && is_number(b)) {
        if (json_equals(a, b)) return 0;
        return as_double(a) < as_double(b) ? -1 : 1;
    }
    if (a.is_string() && b.is_string()) {
        const int c = a.get_ref<const std::string &>().compare(b.get_ref<const std::string &>());   // UTF-8 bytes sort as code points
        return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    if (a.is_array() && b.is_array()) {
        for (size_t i = 0; i < a.size() && i < b.size(); ++i)
            if (!json_equals(a[i], b[i])) return order(a[i], b[i], op, pos);
        return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
    }
    fail_at(pos, "'" + op + "' not supported between instances of '" + type_name(Value::data(a)) + "' and '" +
                     type_name(Value::data(b)) + "'");
}

} // namespace

bool equals(const Value & a, const Value & b) {
    if (a.kind != b.kind) return false;
    if (a.kind == Value::Kind::Undefined) return true;   // Undefined.__eq__: same type
    if (a.kind == Value::Kind::Namespace) return a.ns == b.ns;
    if (a.kind == Value::Kind::Callable) return a.hint == b.hint;
    if (a.j.is_array() && b.j.is_array()) {
        if (a.seq == Seq::Generator || b.seq == Seq::Generator) return false;   // identity
        if ((a.seq == Seq::Tuple) != (b.seq == Seq::Tuple)) return false;
        if ((a.seq == Seq::View) != (b.seq == Seq::View)) return false;   // range(2) != [0, 1]
    }
    return json_equals(a.j, b.j);
}

bool compare(const Value & a, const std::string & op, const Value & b, size_t pos) {
    if (a.kind != Value::Kind::Data || b.kind != Value::Kind::Data) {
        if (a.is_undefined() || b.is_undefined()) fail_at(pos, (a.is_undefined() ? a.hint : b.hint));
        fail_at(pos, "'" + op + "' not supported between instances of '" + type_name(a) + "' and '" + type_name(b) + "'");
    }
    const int c = order(a.j, b.j, op, pos);
    if (op == "<") return c < 0;
    if (op == "<=") return c <= 0;
    if (op == ">") return c > 0;
    return c >= 0;
}

std::vector<std::string> code_points(const std::string & s) {
    std::vector<std::string> out;
    for (size_t i = 0; i < s.size();) {
        const size_t b = i;
        hf::next_code_point(s, i);
        out.push_back(s.substr(b, i - b));
    }
    return out;
}

size_t py_len(const std::string & s) {
    size_t n = 0;
    for (const char c : s) n += (static_cast<unsigned char>(c) & 0xc0) != 0x80;
    return n;
}

namespace {

std::string icu_case(const std::string & s, bool upper) {
    bool ascii = true;
    for (const char c : s) ascii &= static_cast<unsigned char>(c) < 0x80;
    if (ascii) {
        std::string o = s;
        for (char & c : o) {
            if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
            if (!upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        }
        return o;
    }
    // Full case mapping in the root locale (ß -> SS, final sigma), as Python's str.upper / lower.
    UErrorCode st = U_ZERO_ERROR;
    int32_t n16 = 0;
    u_strFromUTF8(nullptr, 0, &n16, s.data(), static_cast<int32_t>(s.size()), &st);
    st = U_ZERO_ERROR;
    std::vector<UChar> in(static_cast<size_t>(n16) + 1);
    u_strFromUTF8(in.data(), n16 + 1, &n16, s.data(), static_cast<int32_t>(s.size()), &st);
    std::vector<UChar> mapped(static_cast<size_t>(n16) * 3 + 16);
    st = U_ZERO_ERROR;
    const int32_t m = upper ? u_strToUpper(mapped.data(), static_cast<int32_t>(mapped.size()), in.data(), n16, "", &st)
                            : u_strToLower(mapped.data(), static_cast<int32_t>(mapped.size()), in.data(), n16, "", &st);
    if (U_FAILURE(st)) fail_at(0, std::string("case mapping failed: ") + u_errorName(st));
    std::string out(static_cast<size_t>(m) * 3 + 4, '\0');
    int32_t n8 = 0;
    st = U_ZERO_ERROR;
    u_strToUTF8(&out[0], static_cast<int32_t>(out.size()), &n8, mapped.data(), m, &st);
    if (U_FAILURE(st)) fail_at(0, std::string("case mapping failed: ") + u_errorName(st));
    out.resize(static_cast<size_t>(n8));
    return out;
}

} // namespace

std::string py_upper(const std::string & s) { return icu_case(s, true); }
std::string py_lower(const std::string & s) { return icu_case(s, false); }

bool contains(const Value & hay, const Value & needle, size_t pos) {
    if (hay.is_undefined()) return false;   // iterating Undefined gives nothing
    if (hay.kind != Value::Kind::Data) fail_at(pos, "argument of type '" + type_name(hay) + "' is not iterable");
    const Json & h = hay.j;
    if (h.is_string()) {
        if (!needle.is_string()) fail_at(pos, "'in <string>' requires string as left operand, not " + type_name(needle));
        return h.get_ref<const std::string &>().find(needle.j.get_ref<const std::string &>()) != std::string::npos;
    }
    if (h.is_array()) {
        for (const Value & e : iterate(hay, pos))   // a generator is consumed up to the match
            if (equals(e, needle)) return true;
        return false;
    }
    if (h.is_object()) {
        if (needle.is_array() || needle.is_object()) fail_at(pos, "unhashable type: '" + type_name(needle) + "'");
        return needle.is_string() && h.contains(needle.j.get_ref<const std::string &>());
    }
    fail_at(pos, "argument of type '" + type_name(hay) + "' is not iterable");
}

namespace {

Value repeat(const Value & seq, int64_t n, size_t pos) {
    if (n > 1000000) fail_at(pos, "repetition count too large");
    if (seq.j.is_string()) {
        std::string o;
        for (int64_t k = 0; k < n; ++k) o += seq.j.get_ref<const std::string &>();
        return Value::data(o);
    }
    Json o = Json::array();
    for (int64_t k = 0; k < n; ++k)
        for (const auto & e : seq.j) o.push_back(e);
    return Value::data(o, seq.seq);
}

} // namespace

Value binary(const Value & a, const std::string & op, const Value & b, size_t pos) {
    if (a.is_undefined()) fail_at(pos, a.hint);
    if (b.is_undefined()) fail_at(pos, b.hint);
    auto type_error = [&]() -> Value {
        fail_at(pos, "unsupported operand type(s) for " + op + ": '" + type_name(a) + "' and '" + type_name(b) + "'");
    };
    if (a.kind != Value::Kind::Data || b.kind != Value::Kind::Data) return type_error();
    const Json & x = a.j;
    const Json & y = b.j;
    if (is_number(x) && is_number(y)) {
        const bool flt = x.is_number_float() || y.is_number_float();
        if (op == "/") {
            const double d = as_double(y);
            if (d == 0) fail_at(pos, "division by zero");
            return Value::data(as_double(x) / d);
        }
        if (flt) {
            const double p = as_double(x), q = as_double(y);
            if (op == "+") return Value::data(p + q);
            if (op == "-") return Value::data(p - q);
            if (op == "*") return Value::data(p * q);
            if (op == "**") return Value::data(std::pow(p, q));
            if (q == 0) fail_at(pos, "float division by zero");
            if (op == "//") return Value::data(std::floor(p / q));
            double r = std::fmod(p, q);   // Python's %: the sign of the divisor
            if (r != 0 && ((r < 0) != (q < 0))) r += q;
            return Value::data(r);
        }
        const int64_t p = as_int(x, pos), q = as_int(y, pos);
        int64_t r = 0;
        bool overflow = false;
        if (op == "+" || op == "-" || op == "*") {
            overflow = op == "+" ? __builtin_add_overflow(p, q, &r) : op == "-" ? __builtin_sub_overflow(p, q, &r)
                                                                     : __builtin_mul_overflow(p, q, &r);
            if (overflow) fail_at(pos, "integer overflow (past int64; Python would use a big integer)");
            return Value::data(r);
        }
        if (op == "**") {
            if (q < 0) return Value::data(std::pow(static_cast<double>(p), static_cast<double>(q)));
            int64_t acc = 1;
            for (int64_t k = 0; k < q; ++k)
                if (__builtin_mul_overflow(acc, p, &acc)) fail_at(pos, "integer overflow (past int64; Python would use a big integer)");
            return Value::data(acc);
        }
        if (q == 0) fail_at(pos, "integer division or modulo by zero");
        int64_t quot = p / q, rem = p % q;
        if (rem != 0 && ((rem < 0) != (q < 0))) { quot -= 1; rem += q; }
        return Value::data(op == "//" ? quot : rem);
    }
    if (op == "+") {
        if (x.is_string() && y.is_string()) return Value::data(x.get<std::string>() + y.get<std::string>());
        if (x.is_array() && y.is_array() && a.seq == b.seq && (a.seq == Seq::List || a.seq == Seq::Tuple)) {
            Json o = x;
            for (const auto & e : y) o.push_back(e);
            return Value::data(o, a.seq);
        }
        return type_error();
    }
    if (op == "*") {
        const bool seq_x = x.is_string() || (x.is_array() && (a.seq == Seq::List || a.seq == Seq::Tuple));
        const bool seq_y = y.is_string() || (y.is_array() && (b.seq == Seq::List || b.seq == Seq::Tuple));
        if (seq_x && (is_int(y) || y.is_boolean())) return repeat(a, std::max<int64_t>(0, as_int(y, pos)), pos);
        if (seq_y && (is_int(x) || x.is_boolean())) return repeat(b, std::max<int64_t>(0, as_int(x, pos)), pos);
    }
    if (op == "%" && x.is_string()) fail_at(pos, "printf-style string formatting ('...' % x) is not supported");
    return type_error();
}

Value negate(const Value & a, bool minus, size_t pos) {
    if (a.is_undefined()) fail_at(pos, a.hint);
    if (a.kind != Value::Kind::Data || !is_number(a.j))
        fail_at(pos, std::string("bad operand type for unary ") + (minus ? "-" : "+") + ": '" + type_name(a) + "'");
    if (a.j.is_number_float()) return Value::data(minus ? -a.j.get<double>() : a.j.get<double>());
    const int64_t v = as_int(a.j, pos);
    if (minus && v == std::numeric_limits<int64_t>::min()) fail_at(pos, "integer overflow (past int64)");
    return Value::data(minus ? -v : v);
}

// ---- containers ----------------------------------------------------------------------------------

Json to_element(const Value & v, size_t pos) {
    if (v.kind == Value::Kind::Undefined) fail_at(pos, "an undefined value inside a list or dict is not supported (" + v.hint + ")");
    if (v.kind != Value::Kind::Data) fail_at(pos, "a " + type_name(v) + " inside a list or dict is not supported");
    if (v.j.is_array() && v.seq != Seq::List)
        fail_at(pos, "a " + type_name(v) + " inside a list or dict is not supported (Python would print it differently)");
    return v.j;
}

Value from_element(const Json & j, bool is_tuple) { return Value::data(j, is_tuple && j.is_array() ? Seq::Tuple : Seq::List); }

std::vector<Value> iterate(const Value & v, size_t pos) {
    std::vector<Value> out;
    if (v.is_undefined()) return out;
    if (v.kind != Value::Kind::Data) fail_at(pos, "'" + type_name(v) + "' object is not iterable");
    const Json & j = v.j;
    if (j.is_array()) {
        size_t start = 0;
        if (v.seq == Seq::Generator) {
            start = *v.cursor;
            *v.cursor = j.size();
        }
        for (size_t i = start; i < j.size(); ++i) out.push_back(from_element(j[i], v.items_are_tuples));
        return out;
    }
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) out.push_back(Value::data(it.key()));
        return out;
    }
    if (j.is_string()) {
        for (auto & c : code_points(j.get_ref<const std::string &>())) out.push_back(Value::data(c));
        return out;
    }
    fail_at(pos, "'" + type_name(v) + "' object is not iterable");
}

namespace {

bool python_method(const Json & j, const std::string & name) {
    static const char * str_m[] = {"capitalize", "casefold", "center", "count", "encode", "endswith", "expandtabs", "find",
                                   "format", "format_map", "index", "isalnum", "isalpha", "isascii", "isdecimal",
                                   "isdigit", "isidentifier", "islower", "isnumeric", "isprintable", "isspace",
                                   "istitle", "isupper", "join", "ljust", "lower", "lstrip", "maketrans", "partition",
                                   "removeprefix", "removesuffix", "replace", "rfind", "rindex", "rjust", "rpartition",
                                   "rsplit", "rstrip", "split", "splitlines", "startswith", "strip", "swapcase", "title",
                                   "translate", "upper", "zfill"};
    static const char * list_m[] = {"append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove", "reverse", "sort"};
    static const char * dict_m[] = {"clear", "copy", "fromkeys", "get", "items", "keys", "pop", "popitem", "setdefault", "update", "values"};
    static const char * num_m[] = {"real", "imag", "numerator", "denominator", "conjugate", "bit_length", "bit_count",
                                   "to_bytes", "from_bytes", "as_integer_ratio", "is_integer", "hex", "fromhex"};
    auto in = [&](const char * const * b, size_t n) { return std::find(b, b + n, name) != b + n; };
    if (j.is_string()) return in(str_m, std::size(str_m));
    if (j.is_array()) return in(list_m, std::size(list_m));
    if (j.is_object()) return in(dict_m, std::size(dict_m));
    if (is_number(j)) return in(num_m, std::size(num_m));
    return false;
}

[[noreturn]] void method_without_call(const Value & obj, const std::string & name, size_t pos) {
    fail_at(pos, "'" + name + "' of a " + type_name(obj) + " is a Python method or attribute; only calls like ." + name +
                     "() of the supported methods work here");
}

std::string what_of(const Value & obj) { return "'" + type_name(obj) + " object'"; }

} // namespace

Value get_attr(const Value & obj, const std::string & name, size_t pos) {
    if (obj.is_undefined()) fail_at(pos, obj.hint);
    if (obj.kind == Value::Kind::Callable) fail_at(pos, "attribute '" + name + "' of the function '" + obj.hint + "' is not supported");
    if (obj.kind == Value::Kind::Namespace) {
        auto it = obj.ns->find(name);
        if (it != obj.ns->end()) return it->second;
        return Value::undefined("'Namespace' object has no attribute '" + name + "'");
    }
    if (python_method(obj.j, name)) method_without_call(obj, name, pos);
    if (obj.j.is_object()) {
        auto it = obj.j.find(name);
        if (it != obj.j.end()) return from_element(*it);
    }
    return Value::undefined(what_of(obj) + " has no attribute '" + name + "'");
}

Value get_item(const Value & obj, const Value & key, size_t pos) {
    if (obj.is_undefined()) fail_at(pos, obj.hint);
    if (key.kind == Value::Kind::Data && key.j.is_string()) {
        const std::string & k = key.j.get_ref<const std::string &>();
        if (obj.kind == Value::Kind::Namespace) return get_attr(obj, k, pos);
        if (obj.j.is_object()) {
            auto it = obj.j.find(k);
            if (it != obj.j.end()) return from_element(*it);
        }
        return get_attr(obj, k, pos);   // Jinja falls back to the attribute
    }
    if (obj.kind == Value::Kind::Data && key.kind == Value::Kind::Data && (is_int(key.j) || key.j.is_boolean()) &&
        (obj.j.is_array() || obj.j.is_string())) {
        if (obj.j.is_array() && (obj.seq == Seq::Generator || obj.seq == Seq::View))
            fail_at(pos, "indexing a " + type_name(obj) + " is not supported; add | list");
        int64_t i = as_int(key.j, pos);
        if (obj.j.is_array()) {
            const int64_t n = static_cast<int64_t>(obj.j.size());
            if (i < 0) i += n;
            if (i < 0 || i >= n) return Value::undefined(what_of(obj) + " has no element " + std::to_string(as_int(key.j, pos)));
            return from_element(obj.j[static_cast<size_t>(i)], obj.items_are_tuples);
        }
        const auto cps = code_points(obj.j.get_ref<const std::string &>());
        const int64_t n = static_cast<int64_t>(cps.size());
        if (i < 0) i += n;
        if (i < 0 || i >= n) return Value::undefined(what_of(obj) + " has no element " + std::to_string(as_int(key.j, pos)));
        return Value::data(cps[static_cast<size_t>(i)]);
    }
    if (key.is_undefined() && obj.is_object()) return Value::undefined(what_of(obj) + " has no element Undefined");
    return Value::undefined(what_of(obj) + " has no element " + (key.is_data() ? py_repr(key.j, pos, key.seq) : type_name(key)));
}

Value get_slice(const Value & obj, const Value & start, const Value & stop, const Value & step, size_t pos) {
    if (obj.is_undefined()) fail_at(pos, obj.hint);
    const bool seq = obj.kind == Value::Kind::Data && (obj.j.is_string() || (obj.j.is_array() && (obj.seq == Seq::List || obj.seq == Seq::Tuple)));
    if (!seq) {
        if (obj.is_array()) fail_at(pos, "slicing a " + type_name(obj) + " is not supported; add | list");
        return Value::undefined(what_of(obj) + " cannot be sliced");
    }
    auto bound = [&](const Value & v, bool & given) -> int64_t {
        given = false;
        if (v.is_undefined() || (v.is_data() && v.j.is_null())) return 0;
        if (!v.is_data() || !(is_int(v.j) || v.j.is_boolean())) fail_at(pos, "slice indices must be integers or None");
        given = true;
        return as_int(v.j, pos);
    };
    bool has_start, has_stop, has_step;
    const int64_t a0 = bound(start, has_start), b0 = bound(stop, has_stop);
    int64_t st = bound(step, has_step);
    if (!has_step) st = 1;
    if (st == 0) fail_at(pos, "slice step cannot be zero");
    std::vector<std::string> cps;
    const bool is_str = obj.j.is_string();
    if (is_str) cps = code_points(obj.j.get_ref<const std::string &>());
    const int64_t n = is_str ? static_cast<int64_t>(cps.size()) : static_cast<int64_t>(obj.j.size());
    // Python's slice.indices()
    auto clamp = [&](int64_t v, bool given, int64_t dflt) {
        if (!given) return dflt;
        if (v < 0) { v += n; if (v < 0) v = st < 0 ? -1 : 0; }
        else if (v >= n) v = st < 0 ? n - 1 : n;
        return v;
    };
    const int64_t a = clamp(a0, has_start, st < 0 ? n - 1 : 0);
    const int64_t b = clamp(b0, has_stop, st < 0 ? -1 : n);
    std::string so;
    Json ao = Json::array();
    for (int64_t i = a; st > 0 ? i < b : i > b; i += st) {
        if (is_str) so += cps[static_cast<size_t>(i)];
        else ao.push_back(obj.j[static_cast<size_t>(i)]);
    }
    if (is_str) return Value::data(so);
    Value r = Value::data(ao, obj.seq);
    r.items_are_tuples = obj.items_are_tuples;
    return r;
}

} // namespace rapidun::jinja
