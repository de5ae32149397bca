// Renders a parsed chat template (jinja.h) with Jinja's runtime rules: a for loop's body runs in a
// fresh scope per iteration (a `set` there is gone in the next iteration and after the loop),
// `if` opens no scope, namespace() attributes are shared, and Undefined prints as "" but fails when
// indexed, added or compared by order. Filters, tests, methods and globals are in jinja_builtins.cpp.
#include "data/jinja.h"
#include "data/jinja_value.h"

#include <algorithm>
#include <iterator>
#include <set>
#include <unordered_map>

namespace rapidun::jinja {

namespace {

class Renderer {
public:
    Renderer(const Json & vars, const FixedTime & now) : now_(now) {
        frames_.emplace_back();
        for (auto it = vars.begin(); it != vars.end(); ++it) frames_[0][it.key()] = Value::data(*it);
    }

    // `{% set ns.a = ns %}` makes a namespace hold itself (a shared_ptr cycle; Python's collector
    // frees it, reference counts never would): every namespace assigned into is emptied when the
    // rendering ends, which breaks any cycle among them. Found by the fuzz target as a leak.
    ~Renderer() {
        for (const auto & ns : assigned_) ns->clear();
    }
    Renderer(const Renderer &) = delete;
    Renderer & operator=(const Renderer &) = delete;

    void run(const Body & body, std::string & out) { exec(body, out); }

private:
    enum class Flow { Normal, Break, Continue };
    using Frame = std::unordered_map<std::string, Value>;

    std::vector<Frame> frames_;
    const FixedTime &  now_;
    std::set<std::shared_ptr<NamespaceMap>> assigned_;   // namespaces written by `set ns.x = ...`, once each

    Value lookup(const std::string & name) const {
        for (auto f = frames_.rbegin(); f != frames_.rend(); ++f) {
            auto it = f->find(name);
            if (it != f->end()) return it->second;
        }
        // Jinja's globals (transformers' and Jinja's own) are defined even where not called.
        static const char * globals[] = {"raise_exception", "strftime_now", "namespace", "dict", "range", "lipsum", "cycler", "joiner"};
        if (std::find(std::begin(globals), std::end(globals), name) != std::end(globals)) {
            Value f;
            f.kind = Value::Kind::Callable;
            f.hint = name;
            return f;
        }
        return Value::undefined("'" + name + "' is undefined");
    }

    Flow exec(const Body & body, std::string & out) {
        for (const Node & n : body) {
            switch (n.kind) {
            case NodeKind::Text: out += n.text; break;
            case NodeKind::Output: out += to_str(eval(*n.expr), n.expr->pos); break;
            case NodeKind::If: {
                bool done = false;
                for (size_t i = 0; i < n.conds.size() && !done; ++i) {
                    if (!truthy(eval(*n.conds[i]))) continue;
                    done = true;
                    const Flow f = exec(n.bodies[i], out);
                    if (f != Flow::Normal) return f;
                }
                if (!done && n.bodies.size() > n.conds.size()) {
                    const Flow f = exec(n.bodies.back(), out);
                    if (f != Flow::Normal) return f;
                }
                break;
            }
            case NodeKind::For: {
                const Flow f = run_for(n, out);
                if (f != Flow::Normal) return f;
                break;
            }
            case NodeKind::Set: {
                Value v = eval(*n.expr);
                if (n.attr.empty()) {
                    frames_.back()[n.targets[0]] = std::move(v);
                } else {
                    const Value ns = lookup(n.targets[0]);
                    if (ns.kind != Value::Kind::Namespace) fail_at(n.pos, "cannot assign attribute on non-namespace object '" + n.targets[0] + "'");
                    if (!n.attr.empty() && n.attr[0] == '_') fail_at(n.pos, "namespace attributes cannot start with '_'");
                    (*ns.ns)[n.attr] = std::move(v);
                    assigned_.insert(ns.ns);
                }
                break;
            }
            case NodeKind::SetBlock: {
                std::string captured;
                const Flow f = exec(n.bodies[0], captured);
                frames_.back()[n.targets[0]] = Value::data(captured);
                if (f != Flow::Normal) return f;
                break;
            }
            case NodeKind::Break: return Flow::Break;
            case NodeKind::Continue: return Flow::Continue;
            }
        }
        return Flow::Normal;
    }

    void bind_targets(const Node & n, Frame & f, const Value & item) {
        if (n.targets.size() == 1) {
            f[n.targets[0]] = item;
            return;
        }
        std::vector<Value> parts;
        if (item.is_array() && (item.seq == Seq::List || item.seq == Seq::Tuple)) {
            for (const auto & e : item.j) parts.push_back(from_element(e));
        } else if (item.is_string()) {
            parts = iterate(item, n.pos);
        } else {
            fail_at(n.expr->pos, "cannot unpack a " + type_name(item) + " into " + std::to_string(n.targets.size()) + " loop variables");
        }
        if (parts.size() != n.targets.size())
            fail_at(n.expr->pos, std::string(parts.size() < n.targets.size() ? "not enough" : "too many") + " values to unpack (expected " +
                                     std::to_string(n.targets.size()) + ", got " + std::to_string(parts.size()) + ")");
        for (size_t i = 0; i < parts.size(); ++i) f[n.targets[i]] = parts[i];
    }

    Flow run_for(const Node & n, std::string & out) {
        std::vector<Value> items = iterate(eval(*n.expr), n.expr->pos);
        if (n.cond) {   // `for x in xs if c`: filtered first, so loop.length / last count the kept items
            std::vector<Value> kept;
            for (auto & it : items) {
                frames_.emplace_back();
                bind_targets(n, frames_.back(), it);
                const bool keep = truthy(eval(*n.cond));
                frames_.pop_back();
                if (keep) kept.push_back(std::move(it));
            }
            items = std::move(kept);
        }
        if (items.empty()) return n.bodies.size() > 1 ? exec(n.bodies[1], out) : Flow::Normal;
        const int64_t count = static_cast<int64_t>(items.size());
        for (int64_t i = 0; i < count; ++i) {
            Value loop;
            loop.kind = Value::Kind::Namespace;   // prints as something we refuse, like Jinja's <LoopContext>
            loop.ns = std::make_shared<NamespaceMap>();
            auto & m = *loop.ns;
            m["index"] = Value::data(i + 1);
            m["index0"] = Value::data(i);
            m["revindex"] = Value::data(count - i);
            m["revindex0"] = Value::data(count - i - 1);
            m["first"] = Value::data(i == 0);
            m["last"] = Value::data(i == count - 1);
            m["length"] = Value::data(count);
            m["depth"] = Value::data(1);
            m["depth0"] = Value::data(0);
            if (i > 0) m["previtem"] = items[static_cast<size_t>(i - 1)];
            if (i + 1 < count) m["nextitem"] = items[static_cast<size_t>(i + 1)];
            frames_.emplace_back();
            bind_targets(n, frames_.back(), items[static_cast<size_t>(i)]);
            frames_.back()["loop"] = loop;
            const Flow f = exec(n.bodies[0], out);
            frames_.pop_back();
            if (f == Flow::Break) break;
        }
        return Flow::Normal;
    }

    CallArgs eval_args(const Expr & e, size_t first) {
        CallArgs a;
        for (size_t i = first; i < e.a.size(); ++i) a.pos.push_back(eval(*e.a[i]));
        for (const auto & [k, v] : e.kw) a.kw.emplace_back(k, eval(*v));
        return a;
    }

    Value eval(const Expr & e) {
        switch (e.kind) {
        case ExprKind::Literal: return Value::data(e.lit);
        case ExprKind::Name: return lookup(e.s);
        case ExprKind::List:
        case ExprKind::Tuple: {
            Json arr = Json::array();
            for (const auto & x : e.a) arr.push_back(to_element(eval(*x), x->pos));
            return Value::data(arr, e.kind == ExprKind::Tuple ? Seq::Tuple : Seq::List);
        }
        case ExprKind::Dict: {
            Json obj = Json::object();
            for (size_t i = 0; i + 1 < e.a.size(); i += 2) {
                const Value k = eval(*e.a[i]);
                if (!k.is_string()) fail_at(e.a[i]->pos, "dict keys other than strings are not supported");
                obj[k.j.get<std::string>()] = to_element(eval(*e.a[i + 1]), e.a[i + 1]->pos);
            }
            return Value::data(obj);
        }
        case ExprKind::Attr: return get_attr(eval(*e.a[0]), e.s, e.pos);
        case ExprKind::Item: return get_item(eval(*e.a[0]), eval(*e.a[1]), e.pos);
        case ExprKind::Slice: {
            const Value obj = eval(*e.a[0]);
            Value parts[3];
            for (int k = 0; k < 3; ++k)
                if (e.a[static_cast<size_t>(k) + 1]) parts[k] = eval(*e.a[static_cast<size_t>(k) + 1]);
            return get_slice(obj, parts[0], parts[1], parts[2], e.pos);
        }
        case ExprKind::Call: return call(e);
        case ExprKind::Filter: return apply_filter(e.s, eval(*e.a[0]), eval_args(e, 1), e.pos);
        case ExprKind::Test: {
            const Value v = eval(*e.a[0]);
            const bool r = apply_test(e.s, v, eval_args(e, 1).pos, e.pos);
            return Value::data(e.negate ? !r : r);
        }
        case ExprKind::Neg: return negate(eval(*e.a[0]), true, e.pos);
        case ExprKind::Pos: return negate(eval(*e.a[0]), false, e.pos);
        case ExprKind::Not: return Value::data(!truthy(eval(*e.a[0])));
        case ExprKind::And: {
            Value l = eval(*e.a[0]);
            return truthy(l) ? eval(*e.a[1]) : l;
        }
        case ExprKind::Or: {
            Value l = eval(*e.a[0]);
            return truthy(l) ? l : eval(*e.a[1]);
        }
        case ExprKind::Binary: return binary(eval(*e.a[0]), e.s, eval(*e.a[1]), e.pos);
        case ExprKind::Concat: {
            std::string s;
            for (const auto & x : e.a) s += to_str(eval(*x), x->pos);
            return Value::data(s);
        }
        case ExprKind::Compare: {
            Value left = eval(*e.a[0]);
            for (size_t i = 0; i < e.ops.size(); ++i) {
                Value right = eval(*e.a[i + 1]);
                const std::string & op = e.ops[i];
                bool r;
                if (op == "==") r = equals(left, right);
                else if (op == "!=") r = !equals(left, right);
                else if (op == "in") r = contains(right, left, e.a[i + 1]->pos);
                else if (op == "not in") r = !contains(right, left, e.a[i + 1]->pos);
                else r = compare(left, op, right, e.a[i + 1]->pos);
                if (!r) return Value::data(false);
                left = std::move(right);
            }
            return Value::data(true);
        }
        case ExprKind::Cond:
            if (truthy(eval(*e.a[1]))) return eval(*e.a[0]);
            if (e.a[2]) return eval(*e.a[2]);
            return Value::undefined("the inline if-expression evaluated to false and no else section was defined");
        }
        fail_at(e.pos, "unknown expression");
    }

    Value call(const Expr & e) {
        const Expr & callee = *e.a[0];
        const CallArgs args = eval_args(e, 1);
        if (callee.kind == ExprKind::Attr) return call_method(eval(*callee.a[0]), callee.s, args, callee.pos);
        return call_global(callee.s, args, now_, callee.pos, e.pos);
    }
};

} // namespace

std::string render_template(const Body & body, const Json & vars, const FixedTime & now) {
    std::string out;
    Renderer(vars, now).run(body, out);
    return out;
}

} // namespace rapidun::jinja
