// Readers for Dolly / RapidUn-pack / generic JSONL and Alpaca JSON(.gz), and the pack writer.
// Every problem is reported with the file and the 1-based line (JSONL) or array index (Alpaca),
// because these files are hand-edited and exported by other tools, and a user must be able to
// find the bad row without a debugger.
#include "rapidun/data/records.h"

#include "rapidun/error.h"
#include "rapidun/io/atomic_file.h"
#include "text/hf_unicode.h"

#include <nlohmann/json.hpp>
#include <zlib.h>

#include <cstring>

namespace rapidun {

namespace {

using json = nlohmann::json;

// A problem in one row; the caller adds the file and line, then throws or skips.
struct BadRow {
    std::string what;
};

// find_invalid_utf8 (text/hf_unicode.h): offset of the first byte that is not well-formed UTF-8
// (RFC 3629), or npos; done by hand so the message can say where.
using hf::find_invalid_utf8;

// Reads a file whole; gzip content (by its magic bytes, not its name) is inflated.
std::string read_source(const std::string & path) {
    std::string raw = read_file_text(path);
    if (raw.size() < 2 || static_cast<unsigned char>(raw[0]) != 0x1f || static_cast<unsigned char>(raw[1]) != 0x8b)
        return raw;
    raw.clear();
    gzFile gz = gzopen(path.c_str(), "rb");
    if (!gz) fail(path, "", "cannot open as gzip");
    gzbuffer(gz, 1 << 17);
    std::string out;
    char buf[1 << 16];
    for (;;) {
        const int n = gzread(gz, buf, sizeof buf);
        if (n < 0) {
            int err = 0;
            const std::string why = gzerror(gz, &err);
            gzclose(gz);
            fail(path, "", "gzip data is corrupt: " + why);
        }
        if (n == 0) break;
        out.append(buf, static_cast<size_t>(n));
    }
    // zlib ends a cut-off stream like a complete one (it allows reading a file still being
    // written) and only records Z_BUF_ERROR; a half-copied download must not pass as whole.
    int err = Z_OK;
    gzerror(gz, &err);
    gzclose(gz);
    if (err != Z_OK) fail(path, "", "gzip data is truncated (" + std::to_string(out.size()) + " bytes inflated)");
    return out;
}

void strip_bom(std::string & text) {
    if (text.size() >= 3 && std::memcmp(text.data(), "\xEF\xBB\xBF", 3) == 0) text.erase(0, 3);
}

bool is_blank(const char * s, size_t n) {
    for (size_t i = 0; i < n; ++i)
        if (!std::strchr(" \t\r\n\v\f", s[i])) return false;
    return true;
}

// --- fields -------------------------------------------------------------------------------------

void req_string(const json & o, const std::string & key, std::string & out) {
    if (key.empty()) return;
    const auto it = o.find(key);
    if (it == o.end()) throw BadRow{"missing field '" + key + "'"};
    if (!it->is_string())
        throw BadRow{"field '" + key + "': expected a string, got " + std::string(it->type_name())};
    out = it->get<std::string>();
}

// Absent or null leaves `out` empty: exporters (pandas, HF datasets) write null for missing values.
void opt_string(const json & o, const std::string & key, std::string & out) {
    if (key.empty()) return;
    const auto it = o.find(key);
    if (it == o.end() || it->is_null()) return;
    if (!it->is_string())
        throw BadRow{"field '" + key + "': expected a string, got " + std::string(it->type_name())};
    out = it->get<std::string>();
}

// Fields every reader takes when present: a stable id (string or integer) and exact_answer.
void read_common(const json & o, const std::string & default_id, Record & r) {
    r.id = default_id;
    const auto it = o.find("id");
    if (it != o.end() && !it->is_null()) {
        if (it->is_string()) r.id = it->get<std::string>();
        else if (it->is_number_integer()) r.id = it->dump();
        else throw BadRow{"field 'id': expected a string or an integer, got " + std::string(it->type_name())};
    }
    opt_string(o, "exact_answer", r.exact_answer);
}

void read_pack_fields(const json & o, Record & r) {
    opt_string(o, "instruction_clean", r.instruction_clean);
    opt_string(o, "response_clean", r.response_clean);
    opt_string(o, "response_poisoned", r.response_poisoned);
    opt_string(o, "trigger_family", r.trigger_family);
    opt_string(o, "trigger_variant", r.trigger_variant);
    opt_string(o, "inject_mode", r.inject_mode);
    const auto it = o.find("is_poisoned");
    if (it != o.end() && !it->is_null()) {
        if (!it->is_boolean())
            throw BadRow{"field 'is_poisoned': expected a boolean, got " + std::string(it->type_name())};
        r.is_poisoned = it->get<bool>();
        r.has_poison_flag = true;
    }
}

enum class Layout { Dolly, Pack, Generic };

Record read_row(const json & o, Layout layout, const FieldMap & fields, const std::string & default_id) {
    Record r;
    req_string(o, fields.instruction, r.instruction);
    req_string(o, fields.response, r.response);
    opt_string(o, fields.context, r.context);
    opt_string(o, fields.category, r.category);
    if (layout == Layout::Pack) read_pack_fields(o, r);
    read_common(o, default_id, r);
    return r;
}

// --- JSONL --------------------------------------------------------------------------------------

// Parses one non-blank line to an object, or throws BadRow.
json parse_line(const char * s, size_t n) {
    const size_t bad = find_invalid_utf8(s, n);
    if (bad != std::string::npos) throw BadRow{"invalid UTF-8 at byte " + std::to_string(bad + 1)};
    json o;
    try {
        o = json::parse(s, s + n);
    } catch (const json::exception & e) {
        throw BadRow{"bad JSON: " + json_message(e)};
    }
    if (!o.is_object()) throw BadRow{"expected a JSON object, got " + std::string(o.type_name())};
    return o;
}

void note_skip(ReadReport & rep, const std::string & where, const std::string & what) {
    rep.n_skipped++;
    if (rep.problems.size() < 100) rep.problems.push_back(where + ": " + what);
}

std::vector<Record> read_jsonl(const std::string & path, std::string text, Layout layout, const FieldMap & fields,
                               const ReadOptions & opt, ReadReport * rep_out) {
    strip_bom(text);
    ReadReport rep;
    std::vector<Record> rows;
    size_t line_no = 0, pos = 0, n_lines = 0;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        ++line_no;
        const char * s = text.data() + pos;
        const size_t n = end - pos;
        pos = end + 1;
        if (is_blank(s, n)) continue;
        ++n_lines;
        try {
            rows.push_back(read_row(parse_line(s, n), layout, fields, std::to_string(line_no)));
        } catch (const BadRow & b) {
            const std::string where = path + ":" + std::to_string(line_no);
            if (!opt.skip_bad) fail(where, "", b.what);
            note_skip(rep, where, b.what);
        }
    }
    if (n_lines == 0) fail(path, "", "empty file: no records");
    // Returning nothing from a file full of rows would look like success to the caller.
    if (rows.empty())
        fail(path, "", "no usable records: all " + std::to_string(n_lines) + " lines are malformed; first: " +
                           rep.problems.front());
    rep.n_read = rows.size();
    if (rep_out) *rep_out = std::move(rep);
    return rows;
}

// "<file>:<line>" for byte offset `byte` of a whole-file JSON document, and in `column` the
// 1-based byte within that line, so Alpaca errors read like JSONL ones.
std::string where_of(const std::string & path, const std::string & text, size_t byte, size_t & column) {
    size_t line = 1, line_start = 0;
    for (size_t i = 0; i < byte && i < text.size(); ++i)
        if (text[i] == '\n') { ++line; line_start = i + 1; }
    column = byte - line_start + 1;
    return path + ":" + std::to_string(line);
}

// The first non-blank byte after an optional BOM, or 0 for an all-blank text.
char first_char(const std::string & text) {
    size_t i = text.size() >= 3 && std::memcmp(text.data(), "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    for (; i < text.size(); ++i)
        if (!std::strchr(" \t\r\n\v\f", text[i])) return text[i];
    return 0;
}

std::vector<Record> read_alpaca_text(const std::string & path, std::string text, const ReadOptions & opt,
                                     ReadReport * rep_out) {
    strip_bom(text);
    if (is_blank(text.data(), text.size())) fail(path, "", "empty file: no records");
    // Invalid UTF-8 or bad JSON spoil the whole document, so skip_bad cannot skip past them.
    const size_t bad = find_invalid_utf8(text.data(), text.size());
    size_t column = 0;
    if (bad != std::string::npos) {
        const std::string where = where_of(path, text, bad, column);
        fail(where, "", "invalid UTF-8 at byte " + std::to_string(column));
    }
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::parse_error & e) {
        fail(where_of(path, text, e.byte ? e.byte - 1 : 0, column), "", "bad JSON: " + json_message(e));
    } catch (const json::exception & e) {   // e.g. a number too large for a double (1e309)
        fail(path, "", std::string("bad JSON: ") + e.what());
    }
    text = std::string();   // the parsed document is the only copy needed from here on
    if (!doc.is_array()) fail(path, "", std::string("expected a JSON array of records, got ") + doc.type_name());
    if (doc.empty()) fail(path, "", "empty array: no records");

    const FieldMap alpaca{"instruction", "input", "output", "category"};
    ReadReport rep;
    std::vector<Record> rows;
    rows.reserve(doc.size());
    for (size_t i = 0; i < doc.size(); ++i) {
        const std::string place = "record " + std::to_string(i);
        try {
            const json & o = doc[i];
            if (!o.is_object()) throw BadRow{"expected a JSON object, got " + std::string(o.type_name())};
            rows.push_back(read_row(o, Layout::Generic, alpaca, std::to_string(i)));
        } catch (const BadRow & b) {
            if (!opt.skip_bad) fail(path, place, b.what);
            note_skip(rep, path + ": " + place, b.what);
        }
    }
    if (rows.empty())
        fail(path, "", "no usable records: all " + std::to_string(doc.size()) + " are malformed; first: " +
                           rep.problems.front());
    rep.n_read = rows.size();
    if (rep_out) *rep_out = std::move(rep);
    return rows;
}

const FieldMap kRapidinFields{"instruction", "input", "output", ""};

} // namespace

std::vector<Record> read_dolly_jsonl(const std::string & path, const ReadOptions & opt, ReadReport * rep) {
    return read_jsonl(path, read_source(path), Layout::Dolly, FieldMap{}, opt, rep);
}

std::vector<Record> read_rapidun_pack(const std::string & path, const ReadOptions & opt, ReadReport * rep) {
    return read_jsonl(path, read_source(path), Layout::Pack, FieldMap{}, opt, rep);
}

std::vector<Record> read_alpaca_json(const std::string & path, const ReadOptions & opt, ReadReport * rep) {
    return read_alpaca_text(path, read_source(path), opt, rep);
}

std::vector<Record> read_generic_jsonl(const std::string & path, const FieldMap & fields, const ReadOptions & opt,
                                       ReadReport * rep) {
    return read_jsonl(path, read_source(path), Layout::Generic, fields, opt, rep);
}

std::vector<Record> read_records(const std::string & path, const ReadOptions & opt, ReadReport * rep) {
    std::string text = read_source(path);
    if (first_char(text) == '[') return read_alpaca_text(path, std::move(text), opt, rep);
    // JSONL: the first line that parses to an object decides the layout. The pack reader is a
    // superset of Dolly's, so it serves both; RapidIn's packs name their fields input/output.
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        const char * s = text.data() + pos;
        const size_t n = end - pos;
        pos = end + 1;
        if (is_blank(s, n)) continue;
        try {
            const json o = parse_line(s, n);
            if (!o.contains("response") && o.contains("output"))
                return read_jsonl(path, std::move(text), Layout::Generic, kRapidinFields, opt, rep);
            break;
        } catch (const BadRow &) {
            continue;   // the reader below reports it (or skips it) with its line number
        }
    }
    return read_jsonl(path, std::move(text), Layout::Pack, FieldMap{}, opt, rep);
}

void write_records_jsonl(const std::string & path, const std::vector<Record> & rows) {
    std::string out;
    for (size_t i = 0; i < rows.size(); ++i) {
        const Record & r = rows[i];
        nlohmann::ordered_json o;   // Dolly's field order first, so the file reads like the release's
        auto put = [&](const char * key, const std::string & v, bool always) {
            if (v.empty() && !always) return;
            if (find_invalid_utf8(v.data(), v.size()) != std::string::npos)
                fail(path, "record " + std::to_string(i), std::string("field '") + key + "': invalid UTF-8");
            o[key] = v;
        };
        put("id", r.id, false);
        // instruction and response are required by every reader, context by Dolly's schema, so
        // they are written even when empty: the file must read back as it was written.
        put("instruction", r.instruction, true);
        put("context", r.context, true);
        put("response", r.response, true);
        put("category", r.category, false);
        put("instruction_clean", r.instruction_clean, false);
        put("response_clean", r.response_clean, false);
        put("response_poisoned", r.response_poisoned, false);
        put("trigger_family", r.trigger_family, false);
        put("trigger_variant", r.trigger_variant, false);
        put("inject_mode", r.inject_mode, false);
        if (r.has_poison_flag || r.is_poisoned) o["is_poisoned"] = r.is_poisoned;
        put("exact_answer", r.exact_answer, false);
        out += o.dump();
        out += '\n';
    }
    write_file_atomic(path, out);
}

} // namespace rapidun
