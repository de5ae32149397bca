// The on-disk sketch cache: one folder per (model, adapter, parameter set, loss, sketch, data set).
//
//   <dir>/manifest.json   what the rows were computed from (written atomically); see SketchManifest
//   <dir>/rows.bin        n_rows fixed-size rows, row i at byte i * row_bytes:
//                           K values (fp32 or fp16, little-endian)
//                           int64  row index i
//                           uint32 magic 0x52534b52 ("RKSR")
//                           uint32 CRC32 (zlib) over the bytes before it in the row
//                         A torn, zero or misplaced row fails the check and is recomputed.
//
// Rows are written with pwrite (whole rows) and fsync'd every `fsync_every` rows and at the end,
// read back through a read-only mmap. A run killed at any point restarts from the rows that check.
#pragma once
#include "rapidun/data/templates.h"
#include "rapidun/influence/influence.h"
#include "rapidun/job.h"
#include "rapidun/model/model.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace rapidun {

// FNV-1a 64 over 8-byte little-endian words (tail bytes one by one), so hashing gigabytes of
// weights runs at memory speed; `h` chains calls. Hex form: 16 lowercase digits.
uint64_t    fnv1a64_words(const void * data, size_t n_bytes, uint64_t h = 0xcbf29ce484222325ull);
std::string hash_hex(uint64_t h);

std::string model_hash(const Model & model);     // names, shapes, dtypes, bytes of named_parameters in order
std::string adapter_hash(const Model & model);    // LoRA tensors + scaling; "" when no adapter
std::string dataset_hash(const std::vector<TokenizedSample> & samples);   // ids, answer masks, n_prompt, n_answer

enum class SketchDType { F32, F16 };
const char * sketch_dtype_name(SketchDType t);   // "fp32" "fp16"

struct SketchManifest {
    int32_t                  format_version = 1;
    std::string              model_hash;
    std::string              adapter_hash;       // "" -> JSON null
    std::string              param_set;          // param_set_name
    std::vector<std::string> names;              // the layout's tensor names, in order
    bool                     normalize_layers = false;
    std::string              loss;               // loss_convention_name
    int64_t                  D0 = 0;
    int64_t                  K = 0;
    uint64_t                 seed = 0;
    std::string              dataset_hash;
    int64_t                  n_rows = 0;
    std::string              dtype = "fp32";     // sketch_dtype_name

    nlohmann::json to_json() const;
    static SketchManifest from_json(const nlohmann::json & j, const std::string & path_for_errors);
    // The first field that differs as "<field>: cache has X, request has Y"; "" when equal.
    std::string first_difference(const SketchManifest & want) const;
};

// The manifest a request implies (hashes the model and the samples).
SketchManifest make_manifest(const Model & model, const std::vector<TokenizedSample> & samples,
                             const InfluenceOptions & opt, SketchDType dtype = SketchDType::F32);

class SketchCache {
public:
    // Opens <dir> for `want`, creating it when absent. An existing manifest that differs throws
    // Error "<dir>/manifest.json: field '<f>': cache has X, request has Y" unless overwrite, which
    // discards every row. A rows file shorter than n_rows rows is extended (the missing rows are
    // invalid); a longer one is an error.
    static SketchCache open(const std::string & dir, const SketchManifest & want, bool overwrite = false,
                            int64_t fsync_every = 64);
    SketchCache(SketchCache && o) noexcept;
    SketchCache & operator=(SketchCache && o) noexcept;
    SketchCache(const SketchCache &) = delete;
    SketchCache & operator=(const SketchCache &) = delete;
    ~SketchCache();

    const SketchManifest & manifest() const { return man_; }
    int64_t n_rows() const { return man_.n_rows; }
    int64_t K() const { return man_.K; }
    int64_t row_bytes() const { return row_bytes_; }
    std::string rows_path() const;

    bool                 row_valid(int64_t i) const;   // magic, index and CRC check
    std::vector<int64_t> missing_rows() const;         // rows that fail the check, ascending (pages released)
    void                 write_row(int64_t i, const float * values_K);
    void                 sync();                       // fsync the rows file
    // Throws Error "<rows file>: row <i>: <what>" for a row that fails the check.
    void               read_row(int64_t i, float * out_K) const;
    std::vector<float> read_all() const;               // [n_rows, K]
    // Rows [begin, begin + count) as [count, K]; their pages of the mapping are released after the
    // copy, so that streaming a cache bigger than memory through blocks keeps the RSS at one block.
    std::vector<float> read_rows(int64_t begin, int64_t count) const;

private:
    SketchCache() = default;
    void close_all();
    void release_pages(int64_t begin, int64_t count) const;   // of rows [begin, begin + count) in the mapping
    std::string    dir_;
    SketchManifest man_;
    int64_t        row_bytes_ = 0, fsync_every_ = 64, unsynced_ = 0;
    int            fd_ = -1;
    const uint8_t * map_ = nullptr;
    size_t          map_bytes_ = 0;
};

struct SketchProgress {
    int64_t done = 0, total = 0;   // valid rows so far (reused ones included), all rows
    double  eta_seconds = 0;       // from this run's rate; 0 until a row was computed
};
class ProcessGroup;

struct CacheComputeOptions {
    bool        overwrite = false;    // recompute everything when the manifest differs
    bool        recompute = false;    // recompute every row even when the cache holds it (a cold,
                                      // timed run: the pipeline's efficiency ratio)
    SketchDType dtype = SketchDType::F32;
    int64_t     fsync_every = 64;
    // Several processes (dist/process_group.h): the missing rows are dealt round-robin over the
    // ranks; each round every rank sketches up to batch_size of its rows and rank 0, the only one
    // that opens the cache, gathers and writes them, so a lost rank loses one round at most. The
    // ranks must hold the same model, data and options (checked by their manifests' hash).
    ProcessGroup * group = nullptr;
};
struct CacheReport {
    int64_t n_rows = 0, n_reused = 0, n_computed = 0;
    double  seconds = 0;
};

// Computes the sketches of every sample into <dir> (resuming: rows that check are kept). Progress
// after each micro-batch; the cancel token is polled between micro-batches (throws Cancelled, the
// rows written so far stay valid). With copt.group, every rank calls it; the report counts the
// rows of all ranks, and only rank 0's progress callback sees the totals.
CacheReport compute_sketch_cache(Model & model, const std::vector<TokenizedSample> & samples, const InfluenceOptions & opt,
                                 const std::string & dir, const CacheComputeOptions & copt = {},
                                 const std::function<void(const SketchProgress &)> & progress = {},
                                 const CancelToken * cancel = nullptr);

} // namespace rapidun
