// Values of the chat-template renderer (jinja.h) with Python's semantics: how they print (str and
// repr), compare, add, test true, and how tojson writes them. Internal to core.
//
// A value is Jinja's Undefined, a namespace() object, or JSON data. Arrays carry what Python would
// hold instead of a list where it shows: a tuple prints "(a, b)" and never equals a list; a
// generator (map, select, ... filters) is always true, has no length, is consumed by iterating and
// cannot be printed; a view (dict.items(), range()) prints as something this renderer refuses.
#pragma once
#include "data/jinja.h"

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace rapidun::jinja {

struct Value;
using NamespaceMap = std::unordered_map<std::string, Value>;

enum class Seq : uint8_t { List, Tuple, Generator, View };

struct Value {
    // Callable: a global function named without a call (`range is defined`); hint holds its name.
    enum class Kind : uint8_t { Undefined, Data, Namespace, Callable };
    Kind                          kind = Kind::Undefined;
    Json                          j;                      // Data
    Seq                           seq = Seq::List;        // Data arrays only
    bool                          items_are_tuples = false;   // Data arrays from .items(): elements are pairs
    std::shared_ptr<size_t>       cursor;                 // Generator: next element (shared by copies)
    std::shared_ptr<NamespaceMap> ns;                     // Namespace: attributes, shared so `set ns.x` reaches every copy
    std::string                   hint;                   // Undefined: the message Jinja would raise when it is used

    static Value undefined(std::string why) {
        Value v;
        v.hint = std::move(why);
        return v;
    }
    static Value data(Json x, Seq s = Seq::List) {
        Value v;
        v.kind = Kind::Data;
        v.j = std::move(x);
        v.seq = s;
        if (s == Seq::Generator) v.cursor = std::make_shared<size_t>(0);
        return v;
    }
    bool is_undefined() const { return kind == Kind::Undefined; }
    bool is_data() const { return kind == Kind::Data; }
    bool is_string() const { return kind == Kind::Data && j.is_string(); }
    bool is_array() const { return kind == Kind::Data && j.is_array(); }
    bool is_object() const { return kind == Kind::Data && j.is_object(); }
};

// An error at pos (TemplateError): every operation below that Python would refuse throws one.
[[noreturn]] void fail_at(size_t pos, const std::string & what);

// Python's type name of a value, for messages ("str", "int", "list", "Undefined", ...).
std::string type_name(const Value & v);
bool is_int(const Json & j);                 // an integer that is not a bool
bool is_number(const Json & j);              // int, float or bool (Python's Number)
int64_t as_int(const Json & j, size_t pos);  // ints and bools
double as_double(const Json & j);

bool truthy(const Value & v);
// str(v) (what {{ v }} writes; Undefined writes ""); refuses what would print differently here.
std::string to_str(const Value & v, size_t pos);
std::string py_repr(const Json & j, size_t pos, Seq seq = Seq::List, bool elem_tuples = false);
std::string py_float_repr(double d);

// json.dumps(v, ensure_ascii, indent (< 0: None), separators, sort_keys), as transformers' tojson.
struct DumpOptions {
    bool        ensure_ascii = false;
    int         indent = -1;
    std::string item_sep, key_sep;   // empty: Python's defaults for the indent
    bool        sort_keys = false;
};
std::string to_json_text(const Value & v, const DumpOptions & opt, size_t pos);

bool equals(const Value & a, const Value & b);
// a < b etc. for "<", "<=", ">", ">="; TypeError as fail_at where Python has no order.
bool compare(const Value & a, const std::string & op, const Value & b, size_t pos);
bool contains(const Value & haystack, const Value & needle, size_t pos);   // needle in haystack
Value binary(const Value & a, const std::string & op, const Value & b, size_t pos);
Value negate(const Value & a, bool minus, size_t pos);

// The elements a for loop sees (strings give characters, mappings their keys; a generator is
// consumed). Fails for values Python cannot iterate.
std::vector<Value> iterate(const Value & v, size_t pos);

// Jinja's getattr / getitem (sandboxed): missing data gives Undefined, a Python method reached
// without a call is refused.
Value get_attr(const Value & obj, const std::string & name, size_t pos);
Value get_item(const Value & obj, const Value & key, size_t pos);
Value get_slice(const Value & obj, const Value & start, const Value & stop, const Value & step, size_t pos);

// UTF-8 helpers with Python's code-point view of str.
std::vector<std::string> code_points(const std::string & s);
size_t py_len(const std::string & s);
std::string py_upper(const std::string & s);
std::string py_lower(const std::string & s);

// ---- builtins (jinja_builtins.cpp) ----------------------------------------------------------------

struct CallArgs {
    std::vector<Value>                         pos;
    std::vector<std::pair<std::string, Value>> kw;
};

// fn(args): raise_exception (throws TemplateError "raise_exception: <message>" at name_pos),
// namespace, dict, range, strftime_now (at `now`).
Value call_global(const std::string & fn, const CallArgs & args, const FixedTime & now, size_t name_pos, size_t pos);
// obj.name(args) for the str and dict methods the parser admits.
Value call_method(const Value & obj, const std::string & name, const CallArgs & args, size_t pos);
// v | name(args), and v is name(args).
Value apply_filter(const std::string & name, const Value & v, const CallArgs & args, size_t pos);
bool  apply_test(const std::string & name, const Value & v, const std::vector<Value> & args, size_t pos);

// A value as plain JSON for storing in a list or dict; refuses what a container would change.
Json to_element(const Value & v, size_t pos);
// An element read back out of a container.
Value from_element(const Json & j, bool is_tuple = false);

} // namespace rapidun::jinja
