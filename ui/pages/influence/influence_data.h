// What the Influence page shows, as one immutable snapshot of column vectors over the training rows
// (style guide 2.9: the table model indexes these; it never builds items). Loaded on a worker by
// loadInfluenceData(); the page and the model hold it as std::shared_ptr<const InfluenceData>.
//
// Set membership (InfluenceMembership) is kept apart because curating the forget set changes it
// while the influence snapshot stays: a forget or retain row is the train row with the same id; a
// row whose id is empty or names no train row is matched by instruction + context + response
// (the labs copy train rows, ids included, into forget.jsonl and retain.jsonl).
#pragma once
#include "rapidun/data/records.h"
#include "rapidun/job.h"

#include <QString>
#include <QStringList>

#include <string>
#include <string_view>

#include <cstdint>
#include <memory>
#include <vector>

namespace rapidun::ui {

// Every train row in one buffer: a million Records of twelve std::strings each take ~800 MB as
// std::vector<Record>, about half that here (the text and a few bytes a row). Rows come back as a
// Record by value (the detail pane, curation, export: a row at a time) or as one field's bytes.
class RecordStore {
public:
    enum Field { Instruction, Context, Response, Category, InstructionClean, ResponseClean, ResponsePoisoned,
                 TriggerFamily, TriggerVariant, InjectMode, ExactAnswer, Id, kFields };
    RecordStore() = default;
    explicit RecordStore(const std::vector<rapidun::Record> & rows);
    size_t size() const { return start_.empty() ? 0 : start_.size() - 1; }
    bool empty() const { return size() == 0; }
    rapidun::Record operator[](size_t row) const;
    std::string_view field(size_t row, Field f) const;
    QString text(size_t row, Field f) const;   // the field as a QString (UTF-8 decoded)

private:
    std::string           bytes_;   // per row: a flags byte (is_poisoned, has_poison_flag), then kFields x (uint32 length, bytes)
    std::vector<uint64_t> start_;   // size() + 1 offsets into bytes_
};

// Bit flags of InfluenceMembership::role.
enum SetRole : uint8_t { kInForget = 1, kInRetain = 2 };

struct InfluenceData {
    QString dir;                         // the workspace folder
    RecordStore train;                   // every train row (id and instruction shown from here; detail pane, export)
    // Column vectors, one entry per train row (index = row of train.jsonl). Category, family and
    // variant share one QString per distinct text (implicit sharing): a million rows hold a handful of
    // texts, not a million copies.
    std::vector<QString> category, family, variant;
    // What the text filter looks at, "id\ninstruction\nvariant" of every row, each row's followed by
    // one separator, in UTF-8: as written, rows joined by '\n' (searchUtf8: a regular expression
    // scans it in one pass, restarted at the next row after a hit: RowRegex) and case-folded, rows
    // ended by a NUL (searchFolded: the plain-text filter is one memmem() pass, a match cannot span
    // rows). Row i is [start[i], start[i + 1] - 1) of each, in bytes.
    std::string          searchUtf8;
    std::string          searchFolded;
    std::vector<int64_t> searchUtf8Start, searchFoldedStart;   // rows() + 1 offsets each
    std::vector<uint8_t> poisoned;       // 1 = is_poisoned
    std::vector<int32_t> rank;           // 1-based rank in train_ranking.jsonl; 0 = not ranked
    std::vector<double>  score;          // ranking score (rank_by, default cos_abs); NaN = not ranked
    std::vector<double>  forgetMean;     // mean_t I(t, z) over the forget rows (TracIn, signed); NaN = no matrix
    std::vector<double>  forgetMax;      // max_t I(t, z); NaN = no matrix
    std::vector<double>  retainMean;     // mean_r I(r, z) over the retain rows (retain_x_train.bin); NaN = none
    std::vector<int32_t> topForget;      // argmax_t |I(t, z)|: the forget query this row moves most; -1 = none
    // Each text column's case-insensitive order, prefetched on the worker (sorting 52k strings on the
    // GUI thread takes ~100 ms; integers ~10 ms): ordinal[i] = position of row i's text among the
    // distinct texts, equal texts equal ordinals.
    struct TextOrdinals {
        std::vector<int32_t> id, category, family, variant, instruction;
    } ordinal;
    // Every column's ascending order, prefetched on the worker by prepareOrders() (sorting a million
    // rows on the GUI thread takes 100-300 ms; turning one of these into any sort is O(n)): the train
    // rows by the column's value, ties by row, rows without a value (NaN score, rank 0) last. Empty
    // when not prepared (the model then sorts itself).
    struct AscendingOrders {
        std::vector<int32_t> rank, id, score, forgetMean, forgetMax, retainMean, category, family, variant, poisoned,
            instruction;
    } ascending;
    QStringList categories;              // distinct, sorted
    bool    hasPoisonFlags = false;      // some train row carries is_poisoned
    bool    hasRanking = false;          // train_ranking.jsonl was read
    bool    stale = false;               // the forget set changed after the ranking was computed
    QString rankBy;                      // "cos_abs" ... from summary.json
    double  detectionAuc = -1;           // < 0: not reported
    int     nRanked = 0;

    int rows() const { return int(train.size()); }
    QString id(size_t row) const { return train.text(row, RecordStore::Id); }
    QString instruction(size_t row) const { return train.text(row, RecordStore::Instruction); }
};

struct InfluenceMembership {
    std::vector<uint8_t> role;           // SetRole bits per train row
    std::vector<double>  weight;         // unlearning weight from W/weights/*.jsonl; NaN = none
    std::vector<int32_t> forgetIndex;    // row in forget.jsonl, -1 = not there
    std::vector<int32_t> retainIndex;    // row in retain.jsonl, -1 = not there
    std::vector<rapidun::Record> forget; // the forget rows as on disk (forget queries of the detail pane)
    int nForgetUnmatched = 0, nRetainUnmatched = 0;   // rows of those sets that are no train row
};

// Builds the text columns from the records (no influence yet). Any thread.
std::shared_ptr<InfluenceData> makeInfluenceData(std::vector<rapidun::Record> train);

// Fills data.ascending from the columns (after the ranking and matrices are read). Any thread.
void prepareOrders(InfluenceData & data);

// Matches forget / retain rows to train rows (see the file comment). Weights are used only when a
// weights file has exactly one weight per row of its set (otherwise they belong to an older set).
InfluenceMembership matchMembership(const InfluenceData & data, std::vector<rapidun::Record> forget,
                                    const std::vector<rapidun::Record> & retain, const std::vector<double> & forgetWeights,
                                    const std::vector<double> & retainWeights);

struct LoadedInfluence {
    std::shared_ptr<const InfluenceData> data;
    InfluenceMembership                  membership;
};

// Reads the workspace: train rows, W/influence/train_ranking.jsonl, forget_x_train.bin, summary.json,
// the forget and retain sets and W/weights/{forget,retain}_weights.jsonl. Missing influence files
// leave hasRanking false; a missing forget or retain role is an empty set. Runs on a worker
// (checks `cancel` between files); throws rapidun::Error naming the file on bad input.
LoadedInfluence loadInfluenceData(const QString & dir, const rapidun::CancelToken * cancel = nullptr);

// Reads only the sets and weights again (after the page edited a set). Any thread.
InfluenceMembership loadMembership(const InfluenceData & data);

} // namespace rapidun::ui
