// The Jinja2 subset behind chat templates (rapidun/data/chat_template.h lists what it supports and
// why). Internal to core: jinja_lex.cpp cuts a template into text and tags, jinja_parse.cpp turns
// those into the tree below, jinja_eval.cpp renders it; jinja_value.cpp (Python's value semantics)
// and jinja_builtins.cpp (filters, tests, methods, globals) serve the renderer.
//
// The dialect is transformers' environment exactly: ImmutableSandboxedEnvironment(trim_blocks=True,
// lstrip_blocks=True, extensions=[loopcontrols, the {% generation %} tag]), keep_trailing_newline
// off, the default (lenient) Undefined, autoescape off. Whatever the parser does not know is
// refused at parse time with the line and column; whatever the evaluator cannot do exactly (a
// value Python would print differently, an unknown method at run time) is refused when reached.
// Nothing is rendered approximately.
#pragma once
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace rapidun::jinja {

// Template data: JSON with insertion-ordered objects, as Python dicts keep their order (tojson and
// printing a dict show it).
using Json = nlohmann::ordered_json;

// A problem found in the template text or while rendering it: the byte offset into the (newline-
// normalised) source and the message. Template turns it into Error "<origin>: line L, column C: ...".
struct TemplateError {
    size_t      pos;
    std::string what;
};

// ---- expressions ---------------------------------------------------------------------------------

struct Expr;
using ExprP = std::unique_ptr<Expr>;

enum class ExprKind {
    Literal,   // lit
    Name,      // s
    List,      // a: items
    Tuple,     // a: items
    Dict,      // a: key0, value0, key1, value1, ...
    Attr,      // a[0].s
    Item,      // a[0][a[1]]
    Slice,     // a[0][a[1]:a[2]:a[3]], absent parts are null
    Call,      // a[0](a[1..], kw): a[0] is a Name (global function) or an Attr (method)
    Filter,    // a[0] | s(a[1..], kw)
    Test,      // a[0] is [not] s(a[1..])     (negate)
    Neg,       // -a[0]
    Pos,       // +a[0]
    Not,       // not a[0]
    And,       // a[0] and a[1]
    Or,        // a[0] or a[1]
    Binary,    // a[0] s a[1], s one of + - * / // % **
    Concat,    // a[0] ~ a[1] ~ ...
    Compare,   // a[0] ops[0] a[1] ops[1] a[2] ...  (Python's chained comparison)
    Cond,      // a[0] if a[1] else a[2]   (a[2] null: undefined)
};

struct Expr {
    ExprKind                                   kind = ExprKind::Literal;
    size_t                                     pos = 0;
    std::string                                s;
    Json                                       lit;
    std::vector<ExprP>                         a;
    std::vector<std::pair<std::string, ExprP>> kw;
    std::vector<std::string>                   ops;      // Compare: "==", "!=", "<", "<=", ">", ">=", "in", "not in"
    bool                                       negate = false;
};

// ---- statements ----------------------------------------------------------------------------------

struct Node;
using Body = std::vector<Node>;

enum class NodeKind {
    Text,       // text
    Output,     // {{ expr }}
    If,         // conds[i] -> bodies[i]; bodies.size() == conds.size() + 1 when there is an else
    For,        // for targets in expr [if cond] : bodies[0] [else bodies[1]]
    Set,        // set targets[0] = expr, or set targets[0].attr = expr (namespace)
    SetBlock,   // set targets[0] %} bodies[0] {% endset
    Break,
    Continue,
};

struct Node {
    NodeKind                 kind = NodeKind::Text;
    size_t                   pos = 0;
    std::string              text;      // Text
    std::string              attr;      // Set on a namespace attribute
    std::vector<std::string> targets;   // For / Set / SetBlock
    ExprP                    expr;      // Output / For's iterable / Set
    ExprP                    cond;      // For's filter
    std::vector<ExprP>       conds;     // If
    std::vector<Body>        bodies;
};

// ---- lexer (jinja_lex.cpp) -----------------------------------------------------------------------

enum class Tok { Name, String, Int, Float, Op, End };

struct Token {
    Tok         type;
    std::string text;   // the name, operator, or the decoded string
    Json        value;  // Int / Float
    size_t      pos;
};

// One piece of the template: text, or the tokens of one {{ }} / {% %} tag (comments vanish).
struct Piece {
    enum Kind { Text, Var, Block } kind;
    std::string        text;
    std::vector<Token> toks;   // ends with an End token at the tag's closing position
    size_t             pos;    // where the piece starts ({{ / {% for tags)
};

// The template cut into text and tags, whitespace control applied; throws TemplateError.
std::vector<Piece> lex_template(const std::string & source);

// Parses template text (already newline-normalised by normalize_source); throws TemplateError.
Body parse_template(const std::string & source);

// Jinja's view of a template's text: "\r\n" and "\r" become "\n", and one trailing newline is
// dropped (keep_trailing_newline=False).
std::string normalize_source(const std::string & raw);

// The values strftime_now() reads, so that renderings do not depend on the clock.
struct FixedTime {
    int year = 2024, month = 7, day = 26, hour = 0, minute = 0, second = 0;
};

// Renders a parsed template; vars is a JSON object of the template's variables. Throws
// TemplateError (raise_exception() included: its what is "raise_exception: <message>").
std::string render_template(const Body & body, const Json & vars, const FixedTime & now);

// Python's str.isspace() for one code point: the set str.strip(), str.split() and the lexer's \s use.
bool is_py_space(uint32_t cp);
// s without leading (left) and / or trailing (right) Python whitespace.
std::string py_strip(const std::string & s, bool left, bool right);

// "line L, column C" of a byte offset (columns count code points, both 1-based).
std::string describe_position(const std::string & source, size_t pos);

} // namespace rapidun::jinja
