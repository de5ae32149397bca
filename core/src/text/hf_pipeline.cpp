// Added tokens, normalizers, pre-tokenizers and decoders of tokenizer.json (see hf_pipeline.h).
// Each function names the HF source it follows; where HF does something surprising (a pending
// unknown, the first decoded token losing every "▁"), this code does the same on purpose.
#include "text/hf_pipeline.h"

#include <algorithm>

namespace rapidun::hf {

namespace {

// (start, end, is_match) over a whole string, HF's Pattern::find_matches.
struct Mark {
    size_t start, end;
    bool match;
};

void marks_from_spans(const std::vector<std::pair<size_t, size_t>> & spans, size_t len, std::vector<Mark> & marks) {
    marks.clear();
    size_t prev = 0;
    for (const auto & m : spans) {
        if (prev != m.first) marks.push_back({prev, m.first, false});
        marks.push_back({m.first, m.second, true});
        prev = m.second;
    }
    if (prev != len) marks.push_back({prev, len, false});
}

void regex_marks(const Regex & re, const std::string & s, std::vector<Mark> & marks) {
    if (s.empty()) { marks.assign(1, Mark{0, 0, false}); return; }
    std::vector<std::pair<size_t, size_t>> spans;
    re.find_all(s, spans);
    marks_from_spans(spans, s.size(), marks);
}

void char_marks(uint32_t cp, const std::string & s, std::vector<Mark> & marks) {
    if (s.empty()) { marks.assign(1, Mark{0, 0, false}); return; }
    std::string needle;
    append_utf8(needle, cp);
    std::vector<std::pair<size_t, size_t>> spans;
    for (size_t at = s.find(needle); at != std::string::npos; at = s.find(needle, at + needle.size()))
        spans.emplace_back(at, at + needle.size());
    marks_from_spans(spans, s.size(), marks);
}

// NormalizedString::split: the marks regrouped by behavior; `match` becomes "remove".
void apply_behavior(std::vector<Mark> & marks, SplitBehavior behavior) {
    std::vector<Mark> acc;
    acc.reserve(marks.size());
    bool previous = false;
    switch (behavior) {
    case SplitBehavior::Isolated:
        for (Mark & m : marks) m.match = false;
        return;
    case SplitBehavior::Removed:
        return;
    case SplitBehavior::Contiguous:
        for (const Mark & m : marks) {
            if (m.match == previous && !acc.empty()) acc.back().end = m.end;
            else acc.push_back({m.start, m.end, false});
            previous = m.match;
        }
        break;
    case SplitBehavior::MergedWithPrevious:
        for (const Mark & m : marks) {
            if (m.match && !previous && !acc.empty()) acc.back().end = m.end;
            else acc.push_back({m.start, m.end, false});
            previous = m.match;
        }
        break;
    case SplitBehavior::MergedWithNext:
        for (auto it = marks.rbegin(); it != marks.rend(); ++it) {
            if (it->match && !previous && !acc.empty()) acc.back().start = it->start;
            else acc.push_back({it->start, it->end, false});
            previous = it->match;
        }
        std::reverse(acc.begin(), acc.end());
        break;
    }
    marks.swap(acc);
}

// The kept, non-empty slices of `p` as new pieces.
void emit_slices(const Piece & p, const std::vector<Mark> & marks, std::vector<Piece> & out) {
    for (const Mark & m : marks) {
        if (m.match || m.end <= m.start) continue;
        Piece q;
        q.text.assign(p.text, m.start, m.end - m.start);
        q.at_origin = p.at_origin && m.start == 0;
        out.push_back(std::move(q));
    }
}

void replace_all(std::string & s, const std::string & literal, const Regex * re, const std::string & content) {
    std::string out;
    if (re) {
        if (s.empty()) return;   // find_matches of "" is one non-match
        std::vector<std::pair<size_t, size_t>> spans;
        re->find_all(s, spans);
        if (spans.empty()) return;
        size_t prev = 0;
        for (const auto & m : spans) {
            out.append(s, prev, m.first - prev);
            out += content;
            prev = m.second;
        }
        out.append(s, prev, std::string::npos);
    } else {
        size_t at = s.find(literal);
        if (at == std::string::npos) return;
        size_t prev = 0;
        for (; at != std::string::npos; at = s.find(literal, prev)) {
            out.append(s, prev, at - prev);
            out += content;
            prev = at + literal.size();
        }
        out.append(s, prev, std::string::npos);
    }
    s.swap(out);
}

// Length of the run of White_Space characters that starts at s[from].
size_t leading_space(const std::string & s, size_t from) {
    size_t i = from;
    while (i < s.size()) {
        size_t j = i;
        if (!is_space_char(next_code_point(s, j))) break;
        i = j;
    }
    return i - from;
}

// Start of the run of White_Space characters that ends at s[end].
size_t trailing_space_start(const std::string & s, size_t end) {
    size_t i = end;
    while (i > 0) {
        size_t k = i - 1;
        while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
        size_t j = k;
        if (!is_space_char(next_code_point(s, j))) break;
        i = k;
    }
    return i;
}

} // namespace

// --- added tokens (added_vocabulary.rs) ---------------------------------------------------------

void AddedMatcher::build(const std::vector<AddedToken> & tokens) {
    tokens_ = tokens;
    nodes_.assign(1, Node{});
    std::fill(std::begin(first_byte_), std::end(first_byte_), false);
    for (size_t t = 0; t < tokens_.size(); ++t) {
        const std::string & c = tokens_[t].content;
        first_byte_[static_cast<unsigned char>(c[0])] = true;
        int32_t node = 0;
        for (const char ch : c) {
            const auto b = static_cast<uint8_t>(ch);
            int32_t child = -1;
            for (const auto & e : nodes_[node].next)
                if (e.first == b) { child = e.second; break; }
            if (child < 0) {
                child = static_cast<int32_t>(nodes_.size());
                nodes_[node].next.emplace_back(b, child);
                nodes_.push_back(Node{});
            }
            node = child;
        }
        nodes_[node].token = static_cast<int32_t>(t);   // the same content twice: the later wins
    }
}

void AddedMatcher::split(const std::string & s, bool at_origin, std::vector<Piece> & out) const {
    if (s.empty()) return;
    const size_t n = s.size();
    if (tokens_.empty()) { out.push_back(Piece{s, -1, at_origin}); return; }
    auto push = [&](size_t a, size_t b, int32_t id) {
        if (b <= a) return;
        Piece p;
        p.text.assign(s, a, b - a);
        p.id = id;
        p.at_origin = at_origin && a == 0;
        out.push_back(std::move(p));
    };
    size_t start_offset = 0;
    size_t i = 0;
    while (i < n) {
        if (!first_byte_[static_cast<unsigned char>(s[i])]) { ++i; continue; }
        int32_t node = 0, best = -1;
        size_t best_end = 0;
        for (size_t k = i; k < n; ++k) {
            int32_t child = -1;
            const auto b = static_cast<uint8_t>(s[k]);
            for (const auto & e : nodes_[node].next)
                if (e.first == b) { child = e.second; break; }
            if (child < 0) break;
            node = child;
            if (nodes_[node].token >= 0) { best = nodes_[node].token; best_end = k + 1; }
        }
        if (best < 0) { ++i; continue; }
        size_t start = i, stop = best_end;
        i = best_end;   // the automaton resumes after the match whatever is done with it below
        const AddedToken & tok = tokens_[best];
        if (tok.single_word) {
            const bool start_space = start == 0 || !is_word_char(last_code_point(s, start));
            size_t j = stop;
            const bool stop_space = stop == n || !is_word_char(next_code_point(s, j));
            if (!start_space || !stop_space) continue;
        }
        if (tok.lstrip) start = std::max(trailing_space_start(s, start), start_offset);
        if (tok.rstrip) stop += leading_space(s, stop);
        if (start_offset < start) push(start_offset, start, -1);
        push(start, stop, tok.id);
        start_offset = stop;
    }
    if (start_offset < n) push(start_offset, n, -1);
}

// --- normalizers --------------------------------------------------------------------------------

void normalize(const std::vector<NormalizerStep> & steps, std::string & s) {
    for (const NormalizerStep & st : steps) {
        switch (st.kind) {
        case NormalizerStep::Kind::Unicode:
            s = unicode_normalize(s, st.form);
            break;
        case NormalizerStep::Kind::Prepend:   // prepend.rs: only a non-empty string
            if (!s.empty()) s.insert(0, st.text);
            break;
        case NormalizerStep::Kind::Replace:
            replace_all(s, st.literal, st.regex.get(), st.text);
            break;
        }
    }
}

// --- pre-tokenizers -----------------------------------------------------------------------------

std::shared_ptr<Regex> gpt2_regex() {
    static const std::shared_ptr<Regex> re = std::make_shared<Regex>(
        R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+)");
    return re;
}

void pre_tokenize(const std::vector<PreTokenizerStep> & steps, std::vector<Piece> & pieces) {
    std::vector<Piece> next;
    std::vector<Mark> marks;
    for (const PreTokenizerStep & st : steps) {
        next.clear();
        next.reserve(pieces.size() * 2);
        for (Piece & p : pieces) {
            if (p.id >= 0) { next.push_back(std::move(p)); continue; }
            switch (st.kind) {
            case PreTokenizerStep::Kind::Split:   // split.rs
                regex_marks(*st.regex, p.text, marks);
                if (st.invert)
                    for (Mark & m : marks) m.match = !m.match;
                apply_behavior(marks, st.behavior);
                emit_slices(p, marks, next);
                break;
            case PreTokenizerStep::Kind::ByteLevel:   // byte_level.rs: split first, map bytes after
                if (st.add_prefix_space && (p.text.empty() || p.text[0] != ' ')) p.text.insert(0, " ");
                if (st.use_regex) {
                    regex_marks(*st.regex, p.text, marks);
                    apply_behavior(marks, SplitBehavior::Isolated);
                    emit_slices(p, marks, next);
                } else if (!p.text.empty()) {
                    next.push_back(std::move(p));
                }
                break;
            case PreTokenizerStep::Kind::Metaspace: {   // metaspace.rs
                std::string rep;
                append_utf8(rep, st.replacement);
                replace_all(p.text, " ", nullptr, rep);
                const bool starts = p.text.compare(0, rep.size(), rep) == 0;
                if (!starts && (st.prepend == PrependScheme::Always || (st.prepend == PrependScheme::First && p.at_origin)))
                    p.text.insert(0, rep);
                if (st.split) {
                    char_marks(st.replacement, p.text, marks);
                    apply_behavior(marks, SplitBehavior::MergedWithNext);
                    emit_slices(p, marks, next);
                } else if (!p.text.empty()) {
                    next.push_back(std::move(p));
                }
                break;
            }
            }
        }
        if (st.kind == PreTokenizerStep::Kind::ByteLevel) {
            // HF maps the bytes of every piece that is not a token, those of earlier steps too.
            for (Piece & p : next) {
                if (p.id >= 0) continue;
                std::string mapped;
                mapped.reserve(p.text.size() * 2);
                for (const char c : p.text) mapped += byte_char(static_cast<uint8_t>(c));
                p.text.swap(mapped);
            }
        }
        pieces.swap(next);
    }
}

// --- decoders -----------------------------------------------------------------------------------

namespace {

void push_byte_run(std::vector<std::string> & out, std::string & bytes) {
    if (bytes.empty()) return;
    if (find_invalid_utf8(bytes.data(), bytes.size()) == k_npos) {
        out.push_back(bytes);
    } else {
        for (size_t k = 0; k < bytes.size(); ++k) out.emplace_back("\xEF\xBF\xBD");
    }
    bytes.clear();
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// ByteFallback's test: a 6-byte "<0x..>" whose two middle bytes parse as a u8 in base 16
// (Rust's from_str_radix, which also takes a leading '+').
int fallback_byte(const std::string & t) {
    if (t.size() != 6 || t.compare(0, 3, "<0x") != 0 || t[5] != '>') return -1;
    if (t[3] == '+') return hex_value(t[4]);
    const int hi = hex_value(t[3]), lo = hex_value(t[4]);
    return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
}

} // namespace

std::string decode_tokens(const std::vector<DecoderStep> & steps, std::vector<std::string> tokens) {
    std::vector<std::string> next;
    for (const DecoderStep & st : steps) {
        next.clear();
        switch (st.kind) {
        case DecoderStep::Kind::ByteLevel: {   // byte_level.rs: chars -> bytes, raw when unmapped
            std::string bytes;
            for (const std::string & t : tokens) {
                const size_t mark = bytes.size();
                bool all = true;
                for (size_t i = 0; i < t.size() && all;) {
                    const int b = char_byte(next_code_point(t, i));
                    if (b < 0) all = false;
                    else bytes += static_cast<char>(b);
                }
                if (!all) { bytes.resize(mark); bytes += t; }
            }
            next.push_back(utf8_lossy(bytes));
            break;
        }
        case DecoderStep::Kind::Replace:
            for (std::string & t : tokens) {
                replace_all(t, st.literal, st.regex.get(), st.text);
                next.push_back(std::move(t));
            }
            break;
        case DecoderStep::Kind::ByteFallback: {   // byte_fallback.rs
            std::string run;
            for (std::string & t : tokens) {
                const int b = fallback_byte(t);
                if (b >= 0) { run += static_cast<char>(b); continue; }
                push_byte_run(next, run);
                next.push_back(std::move(t));
            }
            push_byte_run(next, run);
            break;
        }
        case DecoderStep::Kind::Fuse: {
            std::string all;
            for (const std::string & t : tokens) all += t;
            next.push_back(std::move(all));
            break;
        }
        case DecoderStep::Kind::Strip:   // strip.rs: up to start / stop copies of one character
            for (const std::string & t : tokens) {
                std::vector<std::pair<size_t, uint32_t>> chars;   // (byte offset, code point)
                for (size_t i = 0; i < t.size();) { const size_t at = i; chars.emplace_back(at, next_code_point(t, i)); }
                size_t start_cut = 0, stop_cut = chars.size();
                for (size_t i = 0; i < st.start && i < chars.size(); ++i) {
                    if (chars[i].second != st.content) break;
                    start_cut = i + 1;
                }
                for (size_t i = 0; i < st.stop && i < chars.size(); ++i) {
                    const size_t index = chars.size() - i - 1;
                    if (chars[index].second != st.content) break;
                    stop_cut = index;
                }
                if (start_cut >= stop_cut) { next.emplace_back(); continue; }   // HF would panic here
                const size_t a = chars[start_cut].first;
                const size_t b = stop_cut < chars.size() ? chars[stop_cut].first : t.size();
                next.push_back(t.substr(a, b - a));
            }
            break;
        case DecoderStep::Kind::Metaspace:   // metaspace.rs: in the first token every "▁" goes
            for (size_t k = 0; k < tokens.size(); ++k) {
                const std::string & t = tokens[k];
                std::string o;
                o.reserve(t.size());
                for (size_t i = 0; i < t.size();) {
                    const size_t at = i;
                    const uint32_t cp = next_code_point(t, i);
                    if (cp != st.replacement) o.append(t, at, i - at);
                    else if (k != 0 || st.prepend == PrependScheme::Never) o += ' ';
                }
                next.push_back(std::move(o));
            }
            break;
        }
        tokens.swap(next);
    }
    std::string out;
    for (const std::string & t : tokens) out += t;
    return out;
}

} // namespace rapidun::hf
