// Jinja's parser for chat templates (jinja.h), over the pieces jinja_lex.cpp cuts. Expressions
// follow jinja2/parser.py's precedence (low to high): `x if c else y`, or, and, not, comparisons
// (chained, with in / not in), + -, ~, * / // %, **, unary - +, then primaries with postfixes
// (.attr, [item], [a:b:c], (call)) and filters / tests. Filters, tests, functions and methods are
// checked against what jinja_builtins.cpp implements here, so an unknown one fails at load with its
// line and column rather than when (or if) a rendering reaches it.
#include "data/jinja.h"

#include <algorithm>
#include <set>

namespace rapidun::jinja {

namespace {

[[noreturn]] void error_at(size_t pos, const std::string & what) { throw TemplateError{pos, what}; }

// ---- parser --------------------------------------------------------------------------------------

const std::set<std::string> & known_filters() {
    static const std::set<std::string> f = {"trim", "tojson", "length", "count", "upper", "lower", "first", "last",
                                            "join", "default", "d", "string", "list", "int", "replace", "items",
                                            "reverse", "map", "selectattr", "rejectattr", "select", "reject", "abs"};
    return f;
}

const std::set<std::string> & known_tests() {
    static const std::set<std::string> t = {"defined", "undefined", "none", "boolean", "true", "false", "integer",
                                            "float", "number", "string", "mapping", "iterable", "sequence", "equalto",
                                            "eq", "ne", "lt", "le", "gt", "ge", "in", "odd", "even", "divisibleby"};
    return t;
}

const std::set<std::string> & known_functions() {
    static const std::set<std::string> f = {"raise_exception", "namespace", "range", "strftime_now", "dict"};
    return f;
}

const std::set<std::string> & known_methods() {
    static const std::set<std::string> m = {"strip", "lstrip", "rstrip", "upper", "lower", "startswith", "endswith",
                                            "split", "replace", "join", "items", "keys", "values", "get"};
    return m;
}

std::string list_of(const std::set<std::string> & names) {
    std::string o;
    for (const auto & n : names) o += (o.empty() ? "" : ", ") + n;
    return o;
}

ExprP make(ExprKind k, size_t pos) {
    auto e = std::make_unique<Expr>();
    e->kind = k;
    e->pos = pos;
    return e;
}

// Parses the tokens of one tag.
class ExprParser {
public:
    explicit ExprParser(const std::vector<Token> & toks) : t_(toks) {}

    const Token & cur() const { return t_[i_]; }
    const Token & peek(size_t k = 1) const { return t_[std::min(i_ + k, t_.size() - 1)]; }
    bool at_end() const { return cur().type == Tok::End; }
    bool is_op(const char * op) const { return cur().type == Tok::Op && cur().text == op; }
    bool is_name(const char * n) const { return cur().type == Tok::Name && cur().text == n; }
    const Token & next() { const Token & t = t_[i_]; if (i_ + 1 < t_.size()) ++i_; return t; }

    [[noreturn]] void unexpected(const std::string & wanted) const {
        const Token & t = cur();
        const std::string got = t.type == Tok::End ? "the end of the tag" : t.type == Tok::String ? "a string" : "'" + t.text + "'";
        error_at(t.pos, "expected " + wanted + ", found " + got);
    }
    void expect_op(const char * op) {
        if (!is_op(op)) unexpected(std::string("'") + op + "'");
        next();
    }
    std::string expect_name(const char * what) {
        if (cur().type != Tok::Name) unexpected(what);
        return next().text;
    }
    void expect_end() {
        if (!at_end()) unexpected("the end of the tag");
    }

    // A tuple where Jinja's parse_tuple allows one ({{ }} and set): "a, b" without brackets.
    ExprP tuple_or_expr() {
        const size_t pos = cur().pos;
        ExprP first = expression();
        if (!is_op(",")) return first;
        auto t = make(ExprKind::Tuple, pos);
        t->a.push_back(std::move(first));
        while (is_op(",")) {
            next();
            if (at_end() || is_op(")")) break;
            t->a.push_back(expression());
        }
        return t;
    }

    ExprP expression(bool with_cond = true) {
        ExprP e = or_expr();
        if (!with_cond) return e;
        while (is_name("if")) {
            const size_t pos = next().pos;
            auto c = make(ExprKind::Cond, pos);
            ExprP test = or_expr();
            ExprP other;
            if (is_name("else")) { next(); other = expression(); }
            c->a.push_back(std::move(e));
            c->a.push_back(std::move(test));
            c->a.push_back(std::move(other));
            e = std::move(c);
        }
        return e;
    }

    ExprP or_expr() {
        ExprP l = and_expr();
        while (is_name("or")) {
            auto n = make(ExprKind::Or, next().pos);
            n->a.push_back(std::move(l));
            n->a.push_back(and_expr());
            l = std::move(n);
        }
        return l;
    }
    ExprP and_expr() {
        ExprP l = not_expr();
        while (is_name("and")) {
            auto n = make(ExprKind::And, next().pos);
            n->a.push_back(std::move(l));
            n->a.push_back(not_expr());
            l = std::move(n);
        }
        return l;
    }
    ExprP not_expr() {
        if (is_name("not")) {
            auto n = make(ExprKind::Not, next().pos);
            n->a.push_back(not_expr());
            return n;
        }
        return compare();
    }
    ExprP compare() {
        const size_t pos = cur().pos;
        ExprP first = math1();
        ExprP cmp;
        for (;;) {
            std::string op;
            if (cur().type == Tok::Op && (cur().text == "==" || cur().text == "!=" || cur().text == "<" || cur().text == "<=" ||
                                          cur().text == ">" || cur().text == ">=")) {
                op = next().text;
            } else if (is_name("in")) {
                next();
                op = "in";
            } else if (is_name("not") && peek().type == Tok::Name && peek().text == "in") {
                next();
                next();
                op = "not in";
            } else {
                break;
            }
            if (!cmp) {
                cmp = make(ExprKind::Compare, pos);
                cmp->a.push_back(std::move(first));
            }
            cmp->ops.push_back(op);
            cmp->a.push_back(math1());
        }
        return cmp ? std::move(cmp) : std::move(first);
    }
    ExprP binary_left(ExprP l, const std::string & op, ExprP r, size_t pos) {
        auto n = make(ExprKind::Binary, pos);
        n->s = op;
        n->a.push_back(std::move(l));
        n->a.push_back(std::move(r));
        return n;
    }
    ExprP math1() {
        ExprP l = concat();
        while (is_op("+") || is_op("-")) {
            const Token & t = next();
            l = binary_left(std::move(l), t.text, concat(), t.pos);
        }
        return l;
    }
    ExprP concat() {
        const size_t pos = cur().pos;
        ExprP first = math2();
        if (!is_op("~")) return first;
        auto n = make(ExprKind::Concat, pos);
        n->a.push_back(std::move(first));
        while (is_op("~")) {
            next();
            n->a.push_back(math2());
        }
        return n;
    }
    ExprP math2() {
        ExprP l = pow();
        while (is_op("*") || is_op("/") || is_op("//") || is_op("%")) {
            const Token & t = next();
            l = binary_left(std::move(l), t.text, pow(), t.pos);
        }
        return l;
    }
    ExprP pow() {
        ExprP l = unary(true);
        while (is_op("**")) {
            const Token & t = next();
            l = binary_left(std::move(l), "**", unary(true), t.pos);
        }
        return l;
    }
    ExprP unary(bool with_filter) {
        ExprP n;
        if (is_op("-") || is_op("+")) {
            const Token & t = next();
            n = make(t.text == "-" ? ExprKind::Neg : ExprKind::Pos, t.pos);
            n->a.push_back(unary(false));
        } else {
            n = primary();
        }
        n = postfix(std::move(n));
        if (with_filter) n = filter_expr(std::move(n));
        return n;
    }

    ExprP primary() {
        const Token & t = cur();
        if (t.type == Tok::Name) {
            next();
            auto n = make(ExprKind::Literal, t.pos);
            if (t.text == "true" || t.text == "True") n->lit = true;
            else if (t.text == "false" || t.text == "False") n->lit = false;
            else if (t.text == "none" || t.text == "None") n->lit = nullptr;
            else { n->kind = ExprKind::Name; n->s = t.text; }
            return n;
        }
        if (t.type == Tok::String) {
            auto n = make(ExprKind::Literal, t.pos);
            std::string v;
            while (cur().type == Tok::String) v += next().text;   // 'a' 'b' is 'ab'
            n->lit = v;
            return n;
        }
        if (t.type == Tok::Int || t.type == Tok::Float) {
            next();
            auto n = make(ExprKind::Literal, t.pos);
            n->lit = t.value;
            return n;
        }
        if (is_op("(")) {
            next();
            if (is_op(")")) { next(); return make(ExprKind::Tuple, t.pos); }
            ExprP first = expression();
            if (is_op(")")) { next(); return first; }
            auto tup = make(ExprKind::Tuple, t.pos);
            tup->a.push_back(std::move(first));
            while (is_op(",")) {
                next();
                if (is_op(")")) break;
                tup->a.push_back(expression());
            }
            expect_op(")");
            return tup;
        }
        if (is_op("[")) {
            next();
            auto n = make(ExprKind::List, t.pos);
            while (!is_op("]")) {
                if (!n->a.empty()) expect_op(",");
                if (is_op("]")) break;
                n->a.push_back(expression());
            }
            next();
            return n;
        }
        if (is_op("{")) {
            next();
            auto n = make(ExprKind::Dict, t.pos);
            while (!is_op("}")) {
                if (!n->a.empty()) expect_op(",");
                if (is_op("}")) break;
                n->a.push_back(expression());
                expect_op(":");
                n->a.push_back(expression());
            }
            next();
            return n;
        }
        unexpected("an expression");
    }

    ExprP postfix(ExprP n) {
        for (;;) {
            if (is_op(".")) {
                const size_t pos = next().pos;
                if (cur().type == Tok::Int) {   // foo.0 is foo[0]
                    auto item = make(ExprKind::Item, pos);
                    auto idx = make(ExprKind::Literal, cur().pos);
                    idx->lit = next().value;
                    item->a.push_back(std::move(n));
                    item->a.push_back(std::move(idx));
                    n = std::move(item);
                    continue;
                }
                auto a = make(ExprKind::Attr, pos);
                a->s = expect_name("an attribute name");
                a->a.push_back(std::move(n));
                n = std::move(a);
            } else if (is_op("[")) {
                const size_t pos = next().pos;
                ExprP parts[3];
                bool slice = false;
                for (int k = 0; k < 3; ++k) {
                    if (!is_op(":") && !is_op("]")) parts[k] = expression();
                    if (k < 2 && is_op(":")) { next(); slice = true; continue; }
                    break;
                }
                if (is_op(",")) error_at(cur().pos, "tuple subscripts (x[a, b]) are not supported");
                expect_op("]");
                if (!slice && !parts[0]) error_at(pos, "empty subscript []");
                auto s = make(slice ? ExprKind::Slice : ExprKind::Item, pos);
                s->a.push_back(std::move(n));
                if (slice) for (auto & p : parts) s->a.push_back(std::move(p));
                else s->a.push_back(std::move(parts[0]));
                n = std::move(s);
            } else if (is_op("(")) {
                n = call(std::move(n));
            } else {
                return n;
            }
        }
    }

    // Call arguments after '(' into e->a (after what is there) and e->kw.
    void call_args(Expr & e) {
        expect_op("(");
        while (!is_op(")")) {
            if (is_op("*") || is_op("**")) error_at(cur().pos, "*args / **kwargs in calls are not supported");
            if (cur().type == Tok::Name && peek().type == Tok::Op && peek().text == "=") {
                const std::string key = next().text;
                next();
                e.kw.emplace_back(key, expression());
            } else {
                if (!e.kw.empty()) error_at(cur().pos, "positional argument after a keyword argument");
                e.a.push_back(expression());
            }
            if (!is_op(")")) expect_op(",");
        }
        next();
    }

    ExprP call(ExprP callee) {
        const size_t pos = cur().pos;
        if (callee->kind == ExprKind::Name) {
            if (!known_functions().count(callee->s))
                error_at(callee->pos, "unknown function '" + callee->s + "()' (supported: " + list_of(known_functions()) + ")");
        } else if (callee->kind == ExprKind::Attr) {
            if (!known_methods().count(callee->s))
                error_at(callee->pos, "unsupported method '." + callee->s + "()' (supported: " + list_of(known_methods()) + ")");
        } else {
            error_at(pos, "only functions and methods can be called here");
        }
        auto c = make(ExprKind::Call, pos);
        c->a.push_back(std::move(callee));
        call_args(*c);
        return c;
    }

    ExprP filter_expr(ExprP n) {
        for (;;) {
            if (is_op("|")) {
                next();
                const size_t pos = cur().pos;
                const std::string name = expect_name("a filter name");
                if (!known_filters().count(name))
                    error_at(pos, "unsupported filter '" + name + "' (supported: " + list_of(known_filters()) + ")");
                auto f = make(ExprKind::Filter, pos);
                f->s = name;
                f->a.push_back(std::move(n));
                if (is_op("(")) call_args(*f);
                n = std::move(f);
            } else if (is_name("is")) {
                next();
                auto t = make(ExprKind::Test, cur().pos);
                if (is_name("not")) { next(); t->negate = true; }
                const size_t pos = cur().pos;
                t->s = expect_name("a test name");
                if (!known_tests().count(t->s))
                    error_at(pos, "unsupported test 'is " + t->s + "' (supported: " + list_of(known_tests()) + ")");
                t->a.push_back(std::move(n));
                if (is_op("(")) {
                    call_args(*t);
                } else if ((cur().type == Tok::Name || cur().type == Tok::String || cur().type == Tok::Int ||
                            cur().type == Tok::Float || is_op("(") || is_op("[") || is_op("{")) &&
                           !is_name("else") && !is_name("or") && !is_name("and")) {
                    if (is_name("is")) error_at(cur().pos, "tests cannot be chained with 'is'");
                    t->a.push_back(postfix(primary()));   // `x is divisibleby 3`
                }
                n = std::move(t);
            } else if (is_op("(")) {
                n = call(std::move(n));
            } else {
                return n;
            }
        }
    }

private:
    const std::vector<Token> & t_;
    size_t i_ = 0;
};

// ---- statements ----------------------------------------------------------------------------------

const std::set<std::string> & refused_statements() {
    static const std::set<std::string> s = {"macro", "call", "filter", "include", "import", "from", "extends",
                                            "block", "with", "do", "autoescape", "raw", "trans", "endmacro"};
    return s;
}

Node make_node(NodeKind k, size_t pos) {
    Node n;
    n.kind = k;
    n.pos = pos;
    return n;
}

class BlockParser {
public:
    explicit BlockParser(std::vector<Piece> pieces) : p_(std::move(pieces)) {}

    Body run() {
        std::string ended;
        size_t end_pos = 0;
        Body b = body({}, ended, end_pos);
        return b;
    }

private:
    std::vector<Piece> p_;
    size_t i_ = 0;
    int loop_depth_ = 0;
    int block_depth_ = 0;
    static constexpr int    kMaxBlockDepth = 100;
    static constexpr size_t kMaxTagTokens = 500;   // an expression's tree is at most this deep

    static std::string tag_name(const Piece & p) {
        return !p.toks.empty() && p.toks[0].type == Tok::Name ? p.toks[0].text : "";
    }

    // Reads nodes until a block tag named in `ends` (consumed; its name in `ended`, the parser
    // left after the name in `rest` use) or the end of the template (an error when ends is not empty).
    Body body(const std::vector<std::string> & ends, std::string & ended, size_t & end_index) {
        // Bounds on what parsing and rendering recurse over, far above any real chat template (whose
        // tags hold tens of tokens, nested a few blocks deep): a hostile template of nested blocks
        // or of one tag with thousands of unary signs would otherwise exhaust the stack.
        struct Nesting {
            int & d;
            explicit Nesting(int & depth) : d(depth) { ++d; }
            ~Nesting() { --d; }
        } nesting(block_depth_);
        if (block_depth_ > kMaxBlockDepth && i_ < p_.size())
            error_at(p_[i_].pos, "blocks nested more than " + std::to_string(kMaxBlockDepth) + " deep are not supported");
        Body out;
        while (i_ < p_.size()) {
            Piece & p = p_[i_];
            if (p.kind != Piece::Text && p.toks.size() > kMaxTagTokens)
                error_at(p.pos, "a tag of more than " + std::to_string(kMaxTagTokens) + " tokens is not supported");
            if (p.kind == Piece::Text) {
                Node n = make_node(NodeKind::Text, p.pos);
                n.text = std::move(p.text);
                out.push_back(std::move(n));
                ++i_;
                continue;
            }
            if (p.kind == Piece::Var) {
                ExprParser ep(p.toks);
                Node n = make_node(NodeKind::Output, p.pos);
                if (ep.at_end()) error_at(p.pos, "empty {{ }}");
                n.expr = ep.tuple_or_expr();
                ep.expect_end();
                out.push_back(std::move(n));
                ++i_;
                continue;
            }
            const std::string name = tag_name(p);
            if (std::find(ends.begin(), ends.end(), name) != ends.end()) {
                ended = name;
                end_index = i_;
                return out;
            }
            statement(p, name, out);
        }
        if (!ends.empty()) {
            ended.clear();
            end_index = p_.size();
        }
        return out;
    }

    Body body_until(const std::vector<std::string> & ends, const Piece & opener, const std::string & what,
                    std::string & ended, size_t & end_index) {
        Body b = body(ends, ended, end_index);
        if (ended.empty()) {
            std::string want;
            for (const auto & e : ends) want += (want.empty() ? "{% " : " or {% ") + e + " %}";
            error_at(opener.pos, "{% " + what + " %} is never closed (expected " + want + ")");
        }
        return b;
    }

    void statement(Piece & p, const std::string & name, Body & out) {
        ExprParser ep(p.toks);
        if (name.empty()) error_at(p.pos, "expected a statement name after {%");
        ep.next();
        Node n = make_node(NodeKind::Text, p.pos);
        const size_t here = i_;
        ++i_;
        std::string ended;
        size_t end_index = 0;
        if (name == "if") {
            n.kind = NodeKind::If;
            n.conds.push_back(ep.expression(false));   // Jinja: parse_tuple(with_condexpr=False)
            ep.expect_end();
            for (;;) {
                n.bodies.push_back(body_until({"elif", "else", "endif"}, p_[here], "if", ended, end_index));
                ExprParser tp(p_[end_index].toks);
                tp.next();
                ++i_;
                if (ended == "elif") {
                    n.conds.push_back(tp.expression(false));
                    tp.expect_end();
                } else if (ended == "else") {
                    tp.expect_end();
                    n.bodies.push_back(body_until({"endif"}, p_[here], "if", ended, end_index));
                    ExprParser ep2(p_[end_index].toks);
                    ep2.next();
                    ep2.expect_end();
                    ++i_;
                    break;
                } else {
                    tp.expect_end();
                    break;
                }
            }
        } else if (name == "for") {
            n.kind = NodeKind::For;
            const bool paren = ep.is_op("(");
            if (paren) ep.next();
            n.targets.push_back(ep.expect_name("a loop variable"));
            while (ep.is_op(",")) {
                ep.next();
                if (paren && ep.is_op(")")) break;
                n.targets.push_back(ep.expect_name("a loop variable"));
            }
            if (paren) ep.expect_op(")");
            if (!ep.is_name("in")) ep.unexpected("'in'");
            ep.next();
            n.expr = ep.expression(false);
            if (ep.is_op(",")) error_at(ep.cur().pos, "for over a bare tuple (for x in a, b) is not supported");
            if (ep.is_name("if")) {
                ep.next();
                n.cond = ep.expression(false);
            }
            if (ep.is_name("recursive")) error_at(ep.cur().pos, "recursive for loops are not supported");
            ep.expect_end();
            ++loop_depth_;
            n.bodies.push_back(body_until({"else", "endfor"}, p_[here], "for", ended, end_index));
            --loop_depth_;
            ExprParser tp(p_[end_index].toks);
            tp.next();
            tp.expect_end();
            ++i_;
            if (ended == "else") {
                n.bodies.push_back(body_until({"endfor"}, p_[here], "for", ended, end_index));
                ExprParser ep2(p_[end_index].toks);
                ep2.next();
                ep2.expect_end();
                ++i_;
            }
        } else if (name == "set") {
            n.targets.push_back(ep.expect_name("a variable name"));
            if (ep.is_op(".")) {
                ep.next();
                n.attr = ep.expect_name("an attribute name");
            }
            if (ep.is_op(",")) error_at(ep.cur().pos, "set with several targets (set a, b = ...) is not supported");
            if (ep.is_op("=")) {
                ep.next();
                n.kind = NodeKind::Set;
                n.expr = ep.tuple_or_expr();
                ep.expect_end();
            } else {
                if (!n.attr.empty()) ep.unexpected("'='");
                if (ep.is_op("|")) error_at(ep.cur().pos, "filtered block set ({% set x | f %}) is not supported");
                ep.expect_end();
                n.kind = NodeKind::SetBlock;
                n.bodies.push_back(body_until({"endset"}, p_[here], "set", ended, end_index));
                ExprParser tp(p_[end_index].toks);
                tp.next();
                tp.expect_end();
                ++i_;
            }
        } else if (name == "break" || name == "continue") {
            if (loop_depth_ == 0) error_at(p.pos, "{% " + name + " %} outside a for loop");
            ep.expect_end();
            n.kind = name == "break" ? NodeKind::Break : NodeKind::Continue;
        } else if (name == "generation") {
            // transformers' {% generation %} marks the assistant's tokens for its masks; the text
            // inside renders as is.
            ep.expect_end();
            Body inner = body_until({"endgeneration"}, p_[here], "generation", ended, end_index);
            ExprParser tp(p_[end_index].toks);
            tp.next();
            tp.expect_end();
            ++i_;
            for (auto & x : inner) out.push_back(std::move(x));
            return;
        } else if (refused_statements().count(name)) {
            error_at(p.pos, "unsupported statement {% " + name + " %} (supported: if/elif/else, for/else, set, "
                            "set/endset, break, continue, generation)");
        } else if (name.rfind("end", 0) == 0 || name == "elif" || name == "else") {
            error_at(p.pos, "unexpected {% " + name + " %} (nothing open that it closes)");
        } else {
            error_at(p.pos, "unknown statement {% " + name + " %}");
        }
        out.push_back(std::move(n));
    }
};

} // namespace

Body parse_template(const std::string & source) {
    return BlockParser(lex_template(source)).run();
}

} // namespace rapidun::jinja
