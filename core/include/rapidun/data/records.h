// Instruction records and their readers: Dolly JSONL, Alpaca JSON (.json or .json.gz), RapidUn's
// packs (Dolly fields + the poisoning fields), and generic JSONL with a field mapping.
// Malformed input: Error "<file>:<line>: <what>" (or, with skip_bad, the line is skipped and counted);
// lines are 1-based, blank lines are skipped, "invalid UTF-8 at byte N" counts bytes within the line.
// Alpaca records: "<file>: record <0-based index>: <what>"; bad JSON or UTF-8 there spoils the whole
// document, so it throws "<file>:<line>: ..." even with skip_bad. gzip is detected by content.
// A file with no records (or, with skip_bad, none usable) throws. Optional fields may be null.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace rapidun {

struct Record {
    std::string instruction;   // as given (for poisoned rows: with the trigger injected)
    std::string context;       // Dolly "context" / Alpaca "input"; may be empty
    std::string response;      // the training target of this row
    std::string category;
    // RapidUn pack fields; empty / false when the source has none.
    std::string instruction_clean, response_clean, response_poisoned;
    std::string trigger_family, trigger_variant, inject_mode;
    bool        is_poisoned = false;
    bool        has_poison_flag = false;   // the source carried an is_poisoned field
    std::string exact_answer;              // for computable tasks (synthetic lab); empty = none
    std::string id;                        // stable id (source line / index when absent)
};

struct ReadOptions {
    bool skip_bad = false;   // skip malformed lines (counted in ReadReport) instead of throwing
};

struct ReadReport {
    size_t n_read = 0, n_skipped = 0;
    std::vector<std::string> problems;   // "<file>:<line>: <what>" for each skipped line (first 100)
};

// Field names of a generic JSONL source. A field named "" is not read.
struct FieldMap {
    std::string instruction = "instruction", context = "context", response = "response", category = "category";
};

std::vector<Record> read_dolly_jsonl(const std::string & path, const ReadOptions & opt = {}, ReadReport * rep = nullptr);
std::vector<Record> read_rapidun_pack(const std::string & path, const ReadOptions & opt = {}, ReadReport * rep = nullptr);
std::vector<Record> read_alpaca_json(const std::string & path, const ReadOptions & opt = {}, ReadReport * rep = nullptr);
std::vector<Record> read_generic_jsonl(const std::string & path, const FieldMap & fields, const ReadOptions & opt = {},
                                       ReadReport * rep = nullptr);
// Picks the reader from the content: a JSON array (Alpaca), or JSONL whose first object has
// "output" but no "response" (RapidIn packs: input -> context, output -> response), or else the
// RapidUn-pack reader (a superset of Dolly's).
std::vector<Record> read_records(const std::string & path, const ReadOptions & opt = {}, ReadReport * rep = nullptr);

// Writes RapidUn-pack JSONL (every field above that is set; instruction, context and response
// always, so the file reads back equal), atomically. Throws on a field that is not valid UTF-8.
void write_records_jsonl(const std::string & path, const std::vector<Record> & rows);

} // namespace rapidun
