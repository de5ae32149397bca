// Jinja's filters, tests, methods and global functions for chat templates (jinja_value.h), each as its
// Python / Jinja definition has it: the same argument names (positional or keyword), the same
// results, and an error where Python raises one. map / select / selectattr / items / reverse give
// generators, as in Jinja, with their one-pass behaviour (Seq::Generator).
#include "data/jinja.h"
#include "data/jinja_value.h"
#include "text/hf_unicode.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <optional>

namespace rapidun::jinja {

namespace {

// Python's binding of positional and keyword arguments to named parameters.
std::vector<std::optional<Value>> bind(const CallArgs & a, const std::vector<std::string> & params, const std::string & fn,
                                       size_t pos, bool keywords = true) {
    if (a.pos.size() > params.size())
        fail_at(pos, fn + "() takes at most " + std::to_string(params.size()) + " argument(s), " + std::to_string(a.pos.size()) + " given");
    if (!keywords && !a.kw.empty()) fail_at(pos, fn + "() takes no keyword arguments");
    std::vector<std::optional<Value>> out(params.size());
    for (size_t i = 0; i < a.pos.size(); ++i) out[i] = a.pos[i];
    for (const auto & [k, v] : a.kw) {
        const auto it = std::find(params.begin(), params.end(), k);
        if (it == params.end()) fail_at(pos, fn + "() got an unexpected keyword argument '" + k + "'");
        auto & slot = out[static_cast<size_t>(it - params.begin())];
        if (slot) fail_at(pos, fn + "() got multiple values for argument '" + k + "'");
        slot = v;
    }
    return out;
}

bool given(const std::optional<Value> & v) { return v && !(v->is_data() && v->j.is_null()); }

const std::string & str_arg(const std::optional<Value> & v, const std::string & what, size_t pos) {
    if (!v || !v->is_string()) fail_at(pos, what + " must be a string, not " + (v ? type_name(*v) : std::string("nothing")));
    return v->j.get_ref<const std::string &>();
}

int64_t int_arg(const Value & v, const std::string & what, size_t pos) {
    if (!v.is_data() || !(is_int(v.j) || v.j.is_boolean())) fail_at(pos, what + " must be an integer, not " + type_name(v));
    return as_int(v.j, pos);
}

// str.strip([chars]) family: chars absent / None strips Python whitespace.
std::string strip_chars(const std::string & s, const std::optional<Value> & chars, bool left, bool right, size_t pos) {
    if (!given(chars)) return py_strip(s, left, right);
    const auto set = code_points(str_arg(chars, "strip chars", pos));
    const auto cps = code_points(s);
    size_t b = 0, e = cps.size();
    auto in = [&](const std::string & c) { return std::find(set.begin(), set.end(), c) != set.end(); };
    if (left) while (b < e && in(cps[b])) ++b;
    if (right) while (e > b && in(cps[e - 1])) --e;
    std::string o;
    for (size_t i = b; i < e; ++i) o += cps[i];
    return o;
}

std::string replace_all(const std::string & s, const std::string & old, const std::string & rep, int64_t count) {
    std::string o;
    if (old.empty()) {   // Python inserts rep before every character and at the end
        const auto cps = code_points(s);
        int64_t n = 0;
        for (size_t i = 0; i <= cps.size(); ++i) {
            if (count < 0 || n < count) { o += rep; ++n; }
            if (i < cps.size()) o += cps[i];
        }
        return o;
    }
    size_t i = 0;
    int64_t n = 0;
    for (;;) {
        const size_t f = (count < 0 || n < count) ? s.find(old, i) : std::string::npos;
        if (f == std::string::npos) break;
        o.append(s, i, f - i);
        o += rep;
        i = f + old.size();
        ++n;
    }
    o.append(s, i, std::string::npos);
    return o;
}

Json split(const std::string & s, const std::optional<Value> & sep, int64_t maxsplit, size_t pos) {
    Json out = Json::array();
    if (!given(sep)) {   // runs of whitespace, ends ignored
        const auto cps = code_points(s);
        size_t i = 0;
        auto is_sp = [&](size_t k) { size_t at = 0; return is_py_space(hf::next_code_point(cps[k], at)); };
        while (i < cps.size()) {
            while (i < cps.size() && is_sp(i)) ++i;
            if (i >= cps.size()) break;
            if (maxsplit >= 0 && static_cast<int64_t>(out.size()) >= maxsplit) {
                std::string rest;
                for (size_t k = i; k < cps.size(); ++k) rest += cps[k];
                out.push_back(rest);
                break;
            }
            std::string w;
            while (i < cps.size() && !is_sp(i)) w += cps[i++];
            out.push_back(w);
        }
        return out;
    }
    const std::string & d = str_arg(sep, "split separator", pos);
    if (d.empty()) fail_at(pos, "split(): empty separator");
    size_t i = 0;
    for (;;) {
        const size_t f = (maxsplit < 0 || static_cast<int64_t>(out.size()) < maxsplit) ? s.find(d, i) : std::string::npos;
        if (f == std::string::npos) break;
        out.push_back(s.substr(i, f - i));
        i = f + d.size();
    }
    out.push_back(s.substr(i));
    return out;
}

// ---- strftime ------------------------------------------------------------------------------------

// datetime.now().strftime(fmt) at a fixed time, in the C locale whatever the process's locale is.
std::string format_time(const FixedTime & t, const std::string & fmt, size_t pos) {
    static const char * days[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    static const char * months[] = {"January", "February", "March", "April", "May", "June", "July",
                                    "August", "September", "October", "November", "December"};
    std::tm tm{};
    tm.tm_year = t.year - 1900;
    tm.tm_mon = t.month - 1;
    tm.tm_mday = t.day;
    tm.tm_hour = t.hour;
    tm.tm_min = t.minute;
    tm.tm_sec = t.second;
    const time_t secs = timegm(&tm);
    gmtime_r(&secs, &tm);   // fills the weekday and day of the year
    auto two = [](int v) { char b[16]; std::snprintf(b, sizeof b, "%02d", v); return std::string(b); };
    std::string o;
    for (size_t i = 0; i < fmt.size(); ++i) {
        if (fmt[i] != '%' || i + 1 >= fmt.size()) { o += fmt[i]; continue; }
        const char d = fmt[++i];
        switch (d) {
        case 'a': o += std::string(days[tm.tm_wday]).substr(0, 3); break;
        case 'A': o += days[tm.tm_wday]; break;
        case 'b': case 'h': o += std::string(months[tm.tm_mon]).substr(0, 3); break;
        case 'B': o += months[tm.tm_mon]; break;
        case 'd': o += two(tm.tm_mday); break;
        case 'e': { char b[16]; std::snprintf(b, sizeof b, "%2d", tm.tm_mday); o += b; break; }
        case 'm': o += two(tm.tm_mon + 1); break;
        case 'Y': o += std::to_string(tm.tm_year + 1900); break;
        case 'y': o += two((tm.tm_year + 1900) % 100); break;
        case 'H': o += two(tm.tm_hour); break;
        case 'I': o += two(tm.tm_hour % 12 == 0 ? 12 : tm.tm_hour % 12); break;
        case 'M': o += two(tm.tm_min); break;
        case 'S': o += two(tm.tm_sec); break;
        case 'p': o += tm.tm_hour < 12 ? "AM" : "PM"; break;
        case 'j': { char b[16]; std::snprintf(b, sizeof b, "%03d", tm.tm_yday + 1); o += b; break; }
        case 'f': o += "000000"; break;
        case 'z': case 'Z': break;   // a naive datetime has no zone
        case '%': o += '%'; break;
        default: fail_at(pos, std::string("strftime_now: unsupported directive %") + d);
        }
    }
    return o;
}

// ---- filters ----------------------------------------------------------------------------------------

// environment.getitem along "a.b.0" (Jinja's make_attrgetter).
Value attr_path(const Value & v, const std::string & path, size_t pos) {
    Value cur = v;
    size_t i = 0;
    for (;;) {
        const size_t dot = path.find('.', i);
        const std::string part = path.substr(i, dot == std::string::npos ? std::string::npos : dot - i);
        const bool digits = !part.empty() && std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
        int64_t index = 0;
        if (digits) std::from_chars(part.data(), part.data() + part.size(), index);
        cur = get_item(cur, digits ? Value::data(index) : Value::data(part), pos);
        if (dot == std::string::npos) return cur;
        i = dot + 1;
    }
}

Value generator(std::vector<Value> items, size_t pos) {
    Json arr = Json::array();
    bool tuples = false;
    for (const auto & v : items) {
        if (v.is_array() && v.seq == Seq::Tuple) { tuples = true; arr.push_back(v.j); continue; }
        arr.push_back(to_element(v, pos));
    }
    Value g = Value::data(arr, Seq::Generator);
    g.items_are_tuples = tuples;
    return g;
}

} // namespace

// ---- globals and methods ---------------------------------------------------------------------------

Value call_global(const std::string & fn, const CallArgs & args, const FixedTime & now, size_t name_pos, size_t pos) {
    if (fn == "raise_exception") {
        const auto p = bind(args, {"message"}, fn, pos);
        throw TemplateError{name_pos, "raise_exception: " + (p[0] ? to_str(*p[0], pos) : std::string())};
    }
    if (fn == "namespace" || fn == "dict") {
        if (args.pos.size() > 1) fail_at(pos, fn + "() takes at most one positional argument (a mapping)");
        Json obj = Json::object();
        NamespaceMap attrs;
        if (!args.pos.empty()) {
            if (!args.pos[0].is_object()) fail_at(pos, fn + "(): the positional argument must be a dict");
            for (auto it = args.pos[0].j.begin(); it != args.pos[0].j.end(); ++it) {
                obj[it.key()] = *it;
                attrs[it.key()] = Value::data(*it);
            }
        }
        for (const auto & [k, v] : args.kw) {
            if (fn == "namespace") attrs[k] = v;
            else obj[k] = to_element(v, pos);
        }
        if (fn == "dict") return Value::data(obj);
        for (const auto & [k, v] : attrs)
            if (!k.empty() && k[0] == '_') fail_at(pos, "namespace attributes cannot start with '_' ('" + k + "')");
        Value ns;
        ns.kind = Value::Kind::Namespace;
        ns.ns = std::make_shared<NamespaceMap>(std::move(attrs));
        return ns;
    }
    if (fn == "range") {
        if (!args.kw.empty() || args.pos.empty() || args.pos.size() > 3) fail_at(pos, "range() takes 1 to 3 integer arguments");
        int64_t start = 0, stop, step = 1;
        if (args.pos.size() == 1) stop = int_arg(args.pos[0], "range() argument", pos);
        else {
            start = int_arg(args.pos[0], "range() argument", pos);
            stop = int_arg(args.pos[1], "range() argument", pos);
            if (args.pos.size() == 3) step = int_arg(args.pos[2], "range() argument", pos);
        }
        if (step == 0) fail_at(pos, "range() arg 3 must not be zero");
        Json out = Json::array();
        for (int64_t v = start; step > 0 ? v < stop : v > stop; v += step) {
            if (out.size() >= 100000) fail_at(pos, "range too big (the sandbox allows 100000 items)");
            out.push_back(v);
        }
        return Value::data(out, Seq::View);
    }
    if (fn == "strftime_now") {
        const auto p = bind(args, {"format"}, fn, pos);
        return Value::data(format_time(now, str_arg(p[0], "strftime_now format", pos), pos));
    }
    fail_at(pos, "unknown function '" + fn + "'");
}

Value call_method(const Value & obj, const std::string & name, const CallArgs & a, size_t pos) {
    if (obj.is_undefined()) fail_at(pos, obj.hint);
    auto no_method = [&]() -> Value { fail_at(pos, "'" + type_name(obj) + "' object has no method '" + name + "'"); };
    if (obj.is_string()) {
        const std::string & s = obj.j.get_ref<const std::string &>();
        if (name == "strip" || name == "lstrip" || name == "rstrip") {
            const auto p = bind(a, {"chars"}, name, pos, false);
            return Value::data(strip_chars(s, p[0], name != "rstrip", name != "lstrip", pos));
        }
        if (name == "upper" || name == "lower") {
            bind(a, {}, name, pos, false);
            return Value::data(name == "upper" ? py_upper(s) : py_lower(s));
        }
        if (name == "startswith" || name == "endswith") {
            const auto p = bind(a, {"prefix"}, name, pos, false);
            std::vector<std::string> options;
            if (p[0] && p[0]->is_string()) options.push_back(p[0]->j.get<std::string>());
            else if (p[0] && p[0]->is_array() && p[0]->seq == Seq::Tuple) {
                for (const auto & x : p[0]->j) {
                    if (!x.is_string()) fail_at(pos, name + "(): tuple items must be strings");
                    options.push_back(x.get<std::string>());
                }
            } else fail_at(pos, name + "() argument must be a string or a tuple of strings");
            for (const auto & o : options) {
                if (name == "startswith" ? s.compare(0, o.size(), o) == 0
                                         : (s.size() >= o.size() && s.compare(s.size() - o.size(), o.size(), o) == 0))
                    return Value::data(true);
            }
            return Value::data(false);
        }
        if (name == "split") {
            const auto p = bind(a, {"sep", "maxsplit"}, name, pos);
            return Value::data(split(s, p[0], p[1] ? int_arg(*p[1], "maxsplit", pos) : -1, pos));
        }
        if (name == "replace") {
            const auto p = bind(a, {"old", "new", "count"}, name, pos, false);
            return Value::data(replace_all(s, str_arg(p[0], "replace() old", pos), str_arg(p[1], "replace() new", pos),
                                           p[2] ? int_arg(*p[2], "count", pos) : -1));
        }
        if (name == "join") {
            const auto p = bind(a, {"iterable"}, name, pos, false);
            if (!p[0]) fail_at(pos, "join() takes exactly one argument");
            std::string o;
            bool first = true;
            for (const Value & x : iterate(*p[0], pos)) {
                if (!x.is_string()) fail_at(pos, "join(): sequence item is " + type_name(x) + ", not str");
                if (!first) o += s;
                o += x.j.get_ref<const std::string &>();
                first = false;
            }
            return Value::data(o);
        }
        return no_method();
    }
    if (obj.is_object()) {
        if (name == "items" || name == "keys" || name == "values") {
            bind(a, {}, name, pos, false);
            Json out = Json::array();
            for (auto it = obj.j.begin(); it != obj.j.end(); ++it) {
                if (name == "items") out.push_back(Json::array({it.key(), *it}));
                else if (name == "keys") out.push_back(it.key());
                else out.push_back(*it);
            }
            Value v = Value::data(out, Seq::View);
            v.items_are_tuples = name == "items";
            return v;
        }
        if (name == "get") {
            const auto p = bind(a, {"key", "default"}, name, pos, false);
            if (!p[0]) fail_at(pos, "get() takes at least one argument");
            if (p[0]->is_string()) {
                auto it = obj.j.find(p[0]->j.get<std::string>());
                if (it != obj.j.end()) return from_element(*it);
            } else if (p[0]->is_array() || p[0]->is_object()) {
                fail_at(pos, "unhashable type: '" + type_name(*p[0]) + "'");
            }
            return p[1] ? *p[1] : Value::data(nullptr);
        }
    }
    return no_method();
}

// ---- filters and tests ----------------------------------------------------------------------------

Value apply_filter(const std::string & f, const Value & v, const CallArgs & a, size_t pos) {
    if (f == "trim") {
        const auto p = bind(a, {"chars"}, f, pos);
        return Value::data(strip_chars(to_str(v, pos), p[0], true, true, pos));
    }
    if (f == "upper" || f == "lower") {
        bind(a, {}, f, pos);
        const std::string s = to_str(v, pos);
        return Value::data(f == "upper" ? py_upper(s) : py_lower(s));
    }
    if (f == "string") { bind(a, {}, f, pos); return Value::data(to_str(v, pos)); }
    if (f == "tojson") {
        const auto p = bind(a, {"ensure_ascii", "indent", "separators", "sort_keys"}, f, pos);
        DumpOptions o;
        if (p[0]) o.ensure_ascii = truthy(*p[0]);
        if (given(p[1])) o.indent = static_cast<int>(int_arg(*p[1], "tojson indent", pos));
        if (given(p[2])) {
            if (!p[2]->is_array() || p[2]->j.size() != 2 || !p[2]->j[0].is_string() || !p[2]->j[1].is_string())
                fail_at(pos, "tojson separators must be a pair of strings");
            o.item_sep = p[2]->j[0].get<std::string>();
            o.key_sep = p[2]->j[1].get<std::string>();
            if (o.item_sep.empty() || o.key_sep.empty()) fail_at(pos, "tojson: empty separators are not supported");
        }
        if (p[3]) o.sort_keys = truthy(*p[3]);
        return Value::data(to_json_text(v, o, pos));
    }
    if (f == "length" || f == "count") {
        bind(a, {}, f, pos);
        if (v.is_undefined()) return Value::data(0);
        if (v.is_string()) return Value::data(static_cast<int64_t>(py_len(v.j.get_ref<const std::string &>())));
        if ((v.is_array() && v.seq != Seq::Generator) || v.is_object()) return Value::data(static_cast<int64_t>(v.j.size()));
        fail_at(pos, "object of type '" + type_name(v) + "' has no len()");
    }
    if (f == "first" || f == "last") {
        bind(a, {}, f, pos);
        if (f == "last" && v.is_array() && v.seq == Seq::Generator) fail_at(pos, "last: a generator cannot be reversed; add | list");
        if (v.is_array() && v.seq == Seq::Generator) {
            if (*v.cursor >= v.j.size()) return Value::undefined("No first item, sequence was empty.");
            return from_element(v.j[(*v.cursor)++], v.items_are_tuples);
        }
        const std::vector<Value> items = iterate(v, pos);
        if (items.empty()) return Value::undefined(std::string("No ") + f + " item, sequence was empty.");
        return f == "first" ? items.front() : items.back();
    }
    if (f == "join") {
        const auto p = bind(a, {"d", "attribute"}, f, pos);
        const std::string sep = p[0] ? to_str(*p[0], pos) : "";
        std::string o;
        bool first = true;
        for (const Value & x : iterate(v, pos)) {
            const Value y = given(p[1]) ? attr_path(x, to_str(*p[1], pos), pos) : x;
            if (!first) o += sep;
            o += to_str(y, pos);
            first = false;
        }
        return Value::data(o);
    }
    if (f == "default" || f == "d") {
        const auto p = bind(a, {"default_value", "boolean"}, f, pos);
        const bool boolean = p[1] && truthy(*p[1]);
        if (v.is_undefined() || (boolean && !truthy(v))) return p[0] ? *p[0] : Value::data("");
        return v;
    }
    if (f == "list") {
        bind(a, {}, f, pos);
        Json arr = Json::array();
        bool tuples = false;
        for (const Value & x : iterate(v, pos)) {
            if (x.is_array() && x.seq == Seq::Tuple) { tuples = true; arr.push_back(x.j); continue; }
            arr.push_back(to_element(x, pos));
        }
        Value l = Value::data(arr);
        l.items_are_tuples = tuples;
        return l;
    }
    if (f == "int") {
        const auto p = bind(a, {"default", "base"}, f, pos);
        const Value dflt = p[0] ? *p[0] : Value::data(0);
        if (given(p[1]) && int_arg(*p[1], "int base", pos) != 10) fail_at(pos, "int: only base 10 is supported");
        if (v.is_data() && (is_int(v.j) || v.j.is_boolean())) return Value::data(as_int(v.j, pos));
        if (v.is_data() && v.j.is_number_float()) {
            const double d = v.j.get<double>();
            if (!std::isfinite(d) || std::fabs(d) >= 9.2e18) return dflt;
            return Value::data(static_cast<int64_t>(d));
        }
        if (v.is_string()) {   // int(str), else int(float(str)), in the C locale whatever the process's is
            const std::string s = py_strip(v.j.get<std::string>(), true, true);
            std::string clean;
            for (size_t i = 0; i < s.size(); ++i) {
                const bool digit_before = i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9';
                const bool digit_after = i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9';
                if (s[i] == '_' && digit_before && digit_after) continue;
                clean += s[i];
            }
            const char * b = clean.data();
            const char * e = b + clean.size();
            if (b != e && *b == '+') ++b;   // from_chars takes '-' but not '+'
            int64_t iv = 0;
            auto ri = std::from_chars(b, e, iv);
            if (b != e && ri.ec == std::errc() && ri.ptr == e) return Value::data(iv);
            double d = 0;
            auto rd = std::from_chars(b, e, d);
            if (b != e && rd.ec == std::errc() && rd.ptr == e && std::isfinite(d) && std::fabs(d) < 9.2e18)
                return Value::data(static_cast<int64_t>(d));
        }
        return dflt;
    }
    if (f == "abs") {
        bind(a, {}, f, pos);
        if (v.is_data() && v.j.is_number_float()) return Value::data(std::fabs(v.j.get<double>()));
        if (v.is_data() && is_number(v.j)) return negate(v, as_int(v.j, pos) < 0, pos);
        fail_at(pos, "bad operand type for abs(): '" + type_name(v) + "'");
    }
    if (f == "replace") {
        const auto p = bind(a, {"old", "new", "count"}, f, pos);
        if (!p[0] || !p[1]) fail_at(pos, "replace needs old and new");
        return Value::data(replace_all(to_str(v, pos), to_str(*p[0], pos), to_str(*p[1], pos),
                                       given(p[2]) ? int_arg(*p[2], "count", pos) : -1));
    }
    if (f == "items") {
        bind(a, {}, f, pos);
        if (v.is_undefined()) return generator({}, pos);
        if (!v.is_object()) fail_at(pos, "items: can only get item pairs from a mapping");
        std::vector<Value> pairs;
        for (auto it = v.j.begin(); it != v.j.end(); ++it) pairs.push_back(Value::data(Json::array({it.key(), *it}), Seq::Tuple));
        return generator(pairs, pos);
    }
    if (f == "reverse") {
        bind(a, {}, f, pos);
        if (v.is_string()) {
            auto cps = code_points(v.j.get<std::string>());
            std::string o;
            for (auto it = cps.rbegin(); it != cps.rend(); ++it) o += *it;
            return Value::data(o);
        }
        const bool was_generator = v.is_array() && v.seq == Seq::Generator;
        std::vector<Value> items = iterate(v, pos);
        std::reverse(items.begin(), items.end());
        if (!was_generator && !v.is_undefined()) return generator(items, pos);   // reversed(seq): an iterator
        Value l = generator(items, pos);                                          // list(value) reversed
        l.seq = Seq::List;
        l.cursor.reset();
        return l;
    }
    if (f == "map") {
        std::vector<Value> out;
        auto attr = std::find_if(a.kw.begin(), a.kw.end(), [](const auto & kv) { return kv.first == "attribute"; });
        if (attr != a.kw.end()) {
            std::optional<Value> dflt;
            for (const auto & [k, x] : a.kw) {
                if (k == "default") dflt = x;
                else if (k != "attribute") fail_at(pos, "map() got an unexpected keyword argument '" + k + "'");
            }
            if (!a.pos.empty()) fail_at(pos, "map(attribute=...) takes no positional arguments");
            for (const Value & x : iterate(v, pos)) {
                Value y = attr_path(x, to_str(attr->second, pos), pos);
                if (y.is_undefined() && dflt) y = *dflt;
                out.push_back(y);
            }
        } else {
            if (a.pos.empty() || !a.pos[0].is_string()) fail_at(pos, "map() needs a filter name or attribute=");
            const std::string name = a.pos[0].j.get<std::string>();
            static const std::vector<std::string> ok = {"trim", "upper", "lower", "string", "tojson", "length", "count",
                                                        "first", "last", "int", "abs", "replace", "default", "d", "list"};
            if (std::find(ok.begin(), ok.end(), name) == ok.end()) fail_at(pos, "map(): unsupported filter '" + name + "'");
            CallArgs rest;
            rest.pos.assign(a.pos.begin() + 1, a.pos.end());
            rest.kw = a.kw;
            for (const Value & x : iterate(v, pos)) out.push_back(apply_filter(name, x, rest, pos));
        }
        return generator(out, pos);
    }
    if (f == "select" || f == "reject" || f == "selectattr" || f == "rejectattr") {
        if (!a.kw.empty()) fail_at(pos, f + "() takes no keyword arguments");
        const bool by_attr = f == "selectattr" || f == "rejectattr";
        const bool want = f == "select" || f == "selectattr";
        size_t k = 0;
        std::string path;
        if (by_attr) {
            if (a.pos.empty() || !a.pos[0].is_string()) fail_at(pos, f + "() needs an attribute name");
            path = a.pos[k++].j.get<std::string>();
        }
        std::string test_name;
        if (k < a.pos.size()) {
            if (!a.pos[k].is_string()) fail_at(pos, f + "(): the test name must be a string");
            test_name = a.pos[k++].j.get<std::string>();
        }
        const std::vector<Value> targs(a.pos.begin() + static_cast<std::ptrdiff_t>(k), a.pos.end());
        std::vector<Value> out;
        for (const Value & x : iterate(v, pos)) {
            const Value probe = by_attr ? attr_path(x, path, pos) : x;
            const bool r = test_name.empty() ? truthy(probe) : apply_test(test_name, probe, targs, pos);
            if (r == want) out.push_back(x);
        }
        return generator(out, pos);
    }
    fail_at(pos, "unsupported filter '" + f + "'");
}

bool apply_test(const std::string & t, const Value & v, const std::vector<Value> & args, size_t pos) {
    auto nargs = [&](size_t n) {
        if (args.size() != n) fail_at(pos, "test '" + t + "' takes " + std::to_string(n) + " argument(s)");
    };
    const bool data = v.is_data();
    if (t == "defined") { nargs(0); return !v.is_undefined(); }
    if (t == "undefined") { nargs(0); return v.is_undefined(); }
    if (t == "none") { nargs(0); return data && v.j.is_null(); }
    if (t == "boolean") { nargs(0); return data && v.j.is_boolean(); }
    if (t == "true") { nargs(0); return data && v.j.is_boolean() && v.j.get<bool>(); }
    if (t == "false") { nargs(0); return data && v.j.is_boolean() && !v.j.get<bool>(); }
    if (t == "integer") { nargs(0); return data && is_int(v.j); }
    if (t == "float") { nargs(0); return data && v.j.is_number_float(); }
    if (t == "number") { nargs(0); return data && is_number(v.j); }
    if (t == "string") { nargs(0); return v.is_string(); }
    if (t == "mapping") { nargs(0); return v.is_object(); }
    if (t == "iterable") { nargs(0); return v.is_undefined() || v.is_string() || v.is_array() || v.is_object(); }
    if (t == "sequence") { nargs(0); return v.is_undefined() || v.is_string() || (v.is_array() && v.seq != Seq::Generator) || v.is_object(); }
    if (t == "equalto" || t == "eq" || t == "==") { nargs(1); return equals(v, args[0]); }
    if (t == "ne" || t == "!=") { nargs(1); return !equals(v, args[0]); }
    if (t == "lt" || t == "<") { nargs(1); return compare(v, "<", args[0], pos); }
    if (t == "le" || t == "<=") { nargs(1); return compare(v, "<=", args[0], pos); }
    if (t == "gt" || t == ">") { nargs(1); return compare(v, ">", args[0], pos); }
    if (t == "ge" || t == ">=") { nargs(1); return compare(v, ">=", args[0], pos); }
    if (t == "in") { nargs(1); return contains(args[0], v, pos); }
    if (t == "odd" || t == "even" || t == "divisibleby") {
        nargs(t == "divisibleby" ? 1 : 0);
        const int64_t x = int_arg(v, "test '" + t + "' operand", pos);
        if (t == "divisibleby") {
            const int64_t d = int_arg(args[0], "divisibleby argument", pos);
            if (d == 0) fail_at(pos, "integer division or modulo by zero");
            return x % d == 0;
        }
        return (((x % 2) + 2) % 2 == 1) == (t == "odd");
    }
    fail_at(pos, "unsupported test '" + t + "'");
}

} // namespace rapidun::jinja
