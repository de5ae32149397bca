// The on-disk sketch cache (layout in sketch_cache.h), the data-set hash and the resumable job that
// fills a cache. Torch-free: the sketches come from sketch_gradients, the model hash from grads.cpp.
#include "rapidun/influence/sketch_cache.h"

#include "rapidun/dist/process_group.h"
#include "rapidun/error.h"
#include "rapidun/io/atomic_file.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <optional>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace rapidun {

using nlohmann::json;

namespace {

constexpr uint32_t kRowMagic = 0x52534b52u;   // bytes "RKSR" little-endian
constexpr int64_t  kRowTail  = 8 + 4 + 4;     // index, magic, crc
constexpr uint64_t kFnvPrime = 0x100000001b3ull;

std::string errno_text() { return std::strerror(errno); }

// IEEE binary16 <-> binary32, round to nearest even (no dependency on a compiler's _Float16).
uint16_t to_half(float f) {
    uint32_t x;
    std::memcpy(&x, &f, 4);
    const uint32_t sign = (x >> 16) & 0x8000u;
    const uint32_t exp  = (x >> 23) & 0xffu;
    uint32_t       man  = x & 0x7fffffu;
    if (exp == 0xffu) return uint16_t(sign | 0x7c00u | (man ? 0x200u : 0u));   // inf / nan
    int32_t e = int32_t(exp) - 127 + 15;
    if (e >= 0x1f) return uint16_t(sign | 0x7c00u);                             // overflow -> inf
    if (e <= 0) {                                                                // subnormal or zero
        if (e < -10) return uint16_t(sign);
        man |= 0x800000u;
        const uint32_t shift = uint32_t(14 - e);
        uint32_t       h     = man >> shift;
        const uint32_t rem   = man & ((1u << shift) - 1u), half = 1u << (shift - 1);
        if (rem > half || (rem == half && (h & 1u))) h++;
        return uint16_t(sign | h);
    }
    uint32_t h = sign | (uint32_t(e) << 10) | (man >> 13);
    const uint32_t rem = man & 0x1fffu;
    if (rem > 0x1000u || (rem == 0x1000u && (h & 1u))) h++;   // may carry into the exponent: correct
    return uint16_t(h);
}

float from_half(uint16_t h) {
    const uint32_t sign = uint32_t(h & 0x8000u) << 16;
    uint32_t       exp  = (h >> 10) & 0x1fu, man = h & 0x3ffu, x;
    if (exp == 0) {
        if (man == 0) x = sign;
        else {   // subnormal: normalise
            int e = -1;
            do { man <<= 1; e++; } while (!(man & 0x400u));
            x = sign | (uint32_t(127 - 15 - e) << 23) | ((man & 0x3ffu) << 13);
        }
    } else if (exp == 0x1f) {
        x = sign | 0x7f800000u | (man << 13);
    } else {
        x = sign | ((exp - 15 + 127) << 23) | (man << 13);
    }
    float f;
    std::memcpy(&f, &x, 4);
    return f;
}

int64_t elem_bytes(const std::string & dtype) {
    if (dtype == "fp32") return 4;
    if (dtype == "fp16") return 2;
    throw Error("sketch cache: dtype '" + dtype + "' (fp32, fp16)");
}

} // namespace

uint64_t fnv1a64_words(const void * data, size_t n_bytes, uint64_t h) {
    // FNV-1a's xor-then-multiply on 8-byte words, plus a xorshift fold so high bits reach low ones;
    // each step is a bijection of h, so any single changed word changes the result.
    const auto * p = static_cast<const uint8_t *>(data);
    size_t i = 0;
    for (; i + 8 <= n_bytes; i += 8) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        h = (h ^ w) * kFnvPrime;
        h ^= h >> 29;
    }
    for (; i < n_bytes; i++) h = (h ^ p[i]) * kFnvPrime;
    return h;
}

std::string hash_hex(uint64_t h) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

std::string dataset_hash(const std::vector<TokenizedSample> & samples) {
    uint64_t h = 0xcbf29ce484222325ull;
    const uint64_t n = samples.size();
    h = fnv1a64_words(&n, 8, h);
    for (const auto & s : samples) {
        const uint64_t len = s.ids.size(), mlen = s.answer_mask.size();
        const int32_t  np = s.n_prompt, na = s.n_answer;
        h = fnv1a64_words(&len, 8, h);
        h = fnv1a64_words(s.ids.data(), s.ids.size() * sizeof(int32_t), h);
        h = fnv1a64_words(&mlen, 8, h);
        h = fnv1a64_words(s.answer_mask.data(), s.answer_mask.size(), h);
        h = fnv1a64_words(&np, 4, h);
        h = fnv1a64_words(&na, 4, h);
    }
    return hash_hex(h);
}

const char * sketch_dtype_name(SketchDType t) { return t == SketchDType::F16 ? "fp16" : "fp32"; }

// ---------------------------------------------------------------------------------------------
// Manifest

json SketchManifest::to_json() const {
    json j;
    j["format_version"]   = format_version;
    j["model_hash"]       = model_hash;
    j["adapter_hash"]     = adapter_hash.empty() ? json() : json(adapter_hash);
    j["param_set"]        = param_set;
    j["names"]            = names;
    j["normalize_layers"] = normalize_layers;
    j["loss"]             = loss;
    j["D0"]               = D0;
    j["K"]                = K;
    j["seed"]             = seed;
    j["dataset_hash"]     = dataset_hash;
    j["n_rows"]           = n_rows;
    j["dtype"]            = dtype;
    j["rows_file"]        = "rows.bin";
    j["row_bytes"]        = K * elem_bytes(dtype) + kRowTail;
    return j;
}

SketchManifest SketchManifest::from_json(const json & j, const std::string & path) {
    SketchManifest m;
    auto get = [&](const char * key, auto & out) {
        try {
            j.at(key).get_to(out);
        } catch (const json::exception & e) {
            throw Error(path + ": field '" + key + "': " + e.what());
        }
    };
    get("format_version", m.format_version);
    get("model_hash", m.model_hash);
    if (!j.contains("adapter_hash")) throw Error(path + ": field 'adapter_hash': missing");
    if (!j["adapter_hash"].is_null()) get("adapter_hash", m.adapter_hash);
    get("param_set", m.param_set);
    get("names", m.names);
    get("normalize_layers", m.normalize_layers);
    get("loss", m.loss);
    get("D0", m.D0);
    get("K", m.K);
    get("seed", m.seed);
    get("dataset_hash", m.dataset_hash);
    get("n_rows", m.n_rows);
    get("dtype", m.dtype);
    return m;
}

std::string SketchManifest::first_difference(const SketchManifest & w) const {
    auto diff = [](const char * field, const std::string & have, const std::string & want) {
        return std::string("'") + field + "': cache has " + (have.empty() ? "null" : have) + ", request has " + (want.empty() ? "null" : want);
    };
    auto str = [](const auto & v) { return std::to_string(v); };
    if (format_version != w.format_version) return diff("format_version", str(format_version), str(w.format_version));
    if (model_hash != w.model_hash) return diff("model_hash", model_hash, w.model_hash);
    if (adapter_hash != w.adapter_hash) return diff("adapter_hash", adapter_hash, w.adapter_hash);
    if (param_set != w.param_set) return diff("param_set", param_set, w.param_set);
    if (names != w.names) return diff("names", json(names).dump(), json(w.names).dump());
    if (normalize_layers != w.normalize_layers)
        return diff("normalize_layers", normalize_layers ? "true" : "false", w.normalize_layers ? "true" : "false");
    if (loss != w.loss) return diff("loss", loss, w.loss);
    if (D0 != w.D0) return diff("D0", str(D0), str(w.D0));
    if (K != w.K) return diff("K", str(K), str(w.K));
    if (seed != w.seed) return diff("seed", str(seed), str(w.seed));
    if (dataset_hash != w.dataset_hash) return diff("dataset_hash", dataset_hash, w.dataset_hash);
    if (n_rows != w.n_rows) return diff("n_rows", str(n_rows), str(w.n_rows));
    if (dtype != w.dtype) return diff("dtype", dtype, w.dtype);
    return "";
}

SketchManifest make_manifest(const Model & model, const std::vector<TokenizedSample> & samples, const InfluenceOptions & opt,
                             SketchDType dtype) {
    const GradLayout layout = gradient_layout(model, opt);
    SketchManifest   m;
    m.model_hash   = model_hash(model);
    m.adapter_hash = adapter_hash(model);
    m.param_set    = param_set_name(opt.params);
    for (auto & t : layout.tensors) m.names.push_back(t.name);
    m.normalize_layers = opt.normalize_layers;
    m.loss             = loss_convention_name(opt.loss);
    m.D0               = layout.D0;
    m.K                = sketch_width(opt.K, layout.D0);
    m.seed             = opt.seed;
    m.dataset_hash     = dataset_hash(samples);
    m.n_rows           = int64_t(samples.size());
    m.dtype            = sketch_dtype_name(dtype);
    return m;
}

// ---------------------------------------------------------------------------------------------
// The cache

std::string SketchCache::rows_path() const { return dir_ + "/rows.bin"; }

SketchCache SketchCache::open(const std::string & dir, const SketchManifest & want, bool overwrite, int64_t fsync_every) {
    if (want.K < 1 || want.n_rows < 0) throw Error(dir + ": sketch cache: K must be positive and n_rows not negative");
    make_directories(dir);
    SketchCache c;
    c.dir_         = dir;
    c.man_         = want;
    c.row_bytes_   = want.K * elem_bytes(want.dtype) + kRowTail;
    c.fsync_every_ = std::max<int64_t>(1, fsync_every);
    const std::string mpath = dir + "/manifest.json", rpath = c.rows_path();
    bool fresh = !file_exists(mpath);
    if (!fresh) {
        std::string diff;
        try {
            json j;
            try {
                j = json::parse(read_file_text(mpath));
            } catch (const json::exception & e) {
                throw Error(mpath + ": not valid JSON: " + e.what());
            }
            diff = SketchManifest::from_json(j, mpath).first_difference(want);
        } catch (const Error &) {
            if (!overwrite) throw;
            diff = "unreadable";
        }
        if (!diff.empty()) {
            if (!overwrite) throw Error(mpath + ": field " + diff + " (recompute with overwrite; rows are never mixed)");
            fresh = true;
        }
    }
    if (fresh) {
        // Rows first, manifest second: a crash in between leaves no rows a new manifest could adopt.
        if (::unlink(rpath.c_str()) != 0 && errno != ENOENT) fail(rpath, "", "cannot remove stale rows: " + errno_text());
        write_file_atomic(mpath, want.to_json().dump(2) + "\n");
    }
    c.fd_ = ::open(rpath.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (c.fd_ < 0) fail(rpath, "", "cannot open: " + errno_text());
    struct stat st;
    if (::fstat(c.fd_, &st) != 0) fail(rpath, "", "cannot stat: " + errno_text());
    const off_t expect = off_t(want.n_rows * c.row_bytes_);
    if (st.st_size > expect)
        fail(rpath, "", std::to_string(st.st_size) + " bytes, more than the manifest's " + std::to_string(want.n_rows) + " rows of " +
                            std::to_string(c.row_bytes_) + " bytes");
    if (st.st_size < expect && ::ftruncate(c.fd_, expect) != 0) fail(rpath, "", "cannot extend: " + errno_text());
    c.map_bytes_ = size_t(expect);
    if (c.map_bytes_ > 0) {
        void * p = ::mmap(nullptr, c.map_bytes_, PROT_READ, MAP_SHARED, c.fd_, 0);
        if (p == MAP_FAILED) fail(rpath, "", "mmap failed: " + errno_text());
        c.map_ = static_cast<const uint8_t *>(p);
    }
    return c;
}

SketchCache::SketchCache(SketchCache && o) noexcept { *this = std::move(o); }

SketchCache & SketchCache::operator=(SketchCache && o) noexcept {
    if (this == &o) return *this;
    close_all();
    dir_         = std::move(o.dir_);
    man_         = std::move(o.man_);
    row_bytes_   = o.row_bytes_;
    fsync_every_ = o.fsync_every_;
    unsynced_    = o.unsynced_;
    fd_          = o.fd_;
    map_         = o.map_;
    map_bytes_   = o.map_bytes_;
    o.fd_        = -1;
    o.map_       = nullptr;
    o.map_bytes_ = 0;
    return *this;
}

SketchCache::~SketchCache() { close_all(); }

void SketchCache::close_all() {
    if (map_) ::munmap(const_cast<uint8_t *>(map_), map_bytes_);
    map_ = nullptr;
    if (fd_ >= 0) {
        if (unsynced_ > 0) ::fsync(fd_);
        ::close(fd_);
    }
    fd_       = -1;
    unsynced_ = 0;
}

bool SketchCache::row_valid(int64_t i) const {
    if (i < 0 || i >= man_.n_rows) return false;
    const uint8_t * p   = map_ + i * row_bytes_;
    const int64_t   val = row_bytes_ - kRowTail;
    int64_t  idx;
    uint32_t magic, crc;
    std::memcpy(&idx, p + val, 8);
    std::memcpy(&magic, p + val + 8, 4);
    std::memcpy(&crc, p + val + 12, 4);
    if (magic != kRowMagic || idx != i) return false;
    return uint32_t(::crc32(0L, p, uInt(val + 12))) == crc;
}

std::vector<int64_t> SketchCache::missing_rows() const {
    std::vector<int64_t> out;
    constexpr int64_t kChunk = 256;   // rows checked between two releases of their pages
    for (int64_t b0 = 0; b0 < man_.n_rows; b0 += kChunk) {
        const int64_t b1 = std::min(man_.n_rows, b0 + kChunk);
        for (int64_t i = b0; i < b1; i++)
            if (!row_valid(i)) out.push_back(i);
        release_pages(b0, b1 - b0);
    }
    return out;
}

void SketchCache::release_pages(int64_t begin, int64_t count) const {
#ifdef MADV_DONTNEED
    // Clean file-backed pages: dropping them only means reading them again from the page cache, and
    // checking or streaming a cache bigger than memory keeps the RSS at one block.
    if (!map_ || count <= 0) return;
    const size_t page = size_t(sysconf(_SC_PAGESIZE));
    const size_t from = size_t(begin * row_bytes_) / page * page;
    const size_t to = std::min(map_bytes_, size_t((begin + count) * row_bytes_));
    if (to > from) madvise(const_cast<uint8_t *>(map_) + from, to - from, MADV_DONTNEED);
#else
    (void)begin, (void)count;
#endif
}

void SketchCache::write_row(int64_t i, const float * v) {
    if (i < 0 || i >= man_.n_rows) throw Error(rows_path() + ": row " + std::to_string(i) + " outside [0, " + std::to_string(man_.n_rows) + ")");
    std::vector<uint8_t> buf(static_cast<size_t>(row_bytes_));
    const int64_t        val = row_bytes_ - kRowTail;
    if (man_.dtype == "fp16") {
        for (int64_t k = 0; k < man_.K; k++) {
            const uint16_t h = to_half(v[k]);
            std::memcpy(buf.data() + 2 * k, &h, 2);
        }
    } else {
        std::memcpy(buf.data(), v, size_t(val));
    }
    std::memcpy(buf.data() + val, &i, 8);
    std::memcpy(buf.data() + val + 8, &kRowMagic, 4);
    const uint32_t crc = uint32_t(::crc32(0L, buf.data(), uInt(val + 12)));
    std::memcpy(buf.data() + val + 12, &crc, 4);
    size_t done = 0;
    while (done < buf.size()) {
        const ssize_t w = ::pwrite(fd_, buf.data() + done, buf.size() - done, off_t(i * row_bytes_) + off_t(done));
        if (w < 0) {
            if (errno == EINTR) continue;
            fail(rows_path(), "row " + std::to_string(i), "write failed: " + errno_text());
        }
        done += size_t(w);
    }
    if (++unsynced_ >= fsync_every_) sync();
}

void SketchCache::sync() {
    if (fd_ >= 0 && ::fsync(fd_) != 0) fail(rows_path(), "", "fsync failed: " + errno_text());
    unsynced_ = 0;
}

void SketchCache::read_row(int64_t i, float * out) const {
    if (i < 0 || i >= man_.n_rows) throw Error(rows_path() + ": row " + std::to_string(i) + " outside [0, " + std::to_string(man_.n_rows) + ")");
    if (!row_valid(i)) throw Error(rows_path() + ": row " + std::to_string(i) + ": torn, zero or misplaced (magic, index or CRC32 check failed)");
    const uint8_t * p = map_ + i * row_bytes_;
    if (man_.dtype == "fp16") {
        for (int64_t k = 0; k < man_.K; k++) {
            uint16_t h;
            std::memcpy(&h, p + 2 * k, 2);
            out[k] = from_half(h);
        }
    } else {
        std::memcpy(out, p, size_t(man_.K) * 4);
    }
}

std::vector<float> SketchCache::read_rows(int64_t begin, int64_t count) const {
    if (begin < 0 || count < 0 || begin + count > man_.n_rows)
        throw Error(rows_path() + ": rows [" + std::to_string(begin) + ", " + std::to_string(begin + count) + ") outside [0, " +
                    std::to_string(man_.n_rows) + ")");
    std::vector<float> out(size_t(count * man_.K));
    for (int64_t i = 0; i < count; i++) read_row(begin + i, out.data() + i * man_.K);
    release_pages(begin, count);
    return out;
}

std::vector<float> SketchCache::read_all() const {
    std::vector<float> out(size_t(man_.n_rows * man_.K));
    for (int64_t i = 0; i < man_.n_rows; i++) read_row(i, out.data() + i * man_.K);
    return out;
}

// ---------------------------------------------------------------------------------------------
// The resumable job

// One process, or every rank of copt.group (see CacheComputeOptions::group): the missing rows are
// dealt round-robin (one process: in order), each round every rank sketches up to batch_size of its
// rows and rank 0, the only one that opens the cache, writes them.
CacheReport compute_sketch_cache(Model & model, const std::vector<TokenizedSample> & samples, const InfluenceOptions & opt,
                                 const std::string & dir, const CacheComputeOptions & copt,
                                 const std::function<void(const SketchProgress &)> & progress, const CancelToken * cancel) {
    if (opt.batch_size <= 0) throw Error("influence: batch_size must be positive, got " + std::to_string(opt.batch_size));
    ProcessGroup * g = copt.group && copt.group->world() > 1 ? copt.group : nullptr;
    const int64_t world = g ? g->world() : 1, rank = g ? g->rank() : 0;
    const auto t0 = std::chrono::steady_clock::now();
    auto secs = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
    const SketchManifest want = make_manifest(model, samples, opt, copt.dtype);
    if (g) {
        // Every rank must sketch the same thing: the manifests' hashes agree or the job stops here.
        const std::string id = want.to_json().dump();
        const uint64_t h = fnv1a64_words(id.data(), id.size());
        const int64_t v = int64_t(h >> 2);   // 62 bits: negating it cannot overflow
        if (g->all_max(v) != -g->all_max(-v))
            throw Error("rank " + std::to_string(rank) + " of " + std::to_string(world) +
                        ": the ranks would sketch different things (their model, data or influence options differ; this "
                        "rank's manifest hash is " + hash_hex(h) + ")");
    }
    std::optional<SketchCache> cache;   // rank 0 only
    std::vector<int64_t> missing;
    if (rank == 0) {
        // Without its manifest the folder opens fresh: its rows are dropped before any is written.
        const std::string mpath = dir + "/manifest.json";
        if (copt.recompute && ::unlink(mpath.c_str()) != 0 && errno != ENOENT) fail(mpath, "", "cannot remove: " + errno_text());
        cache.emplace(SketchCache::open(dir, want, copt.overwrite, copt.fsync_every));
        missing = cache->missing_rows();
    }
    if (g) g->broadcast(missing, 0);
    CacheReport rep;
    rep.n_rows = want.n_rows;
    rep.n_reused = want.n_rows - int64_t(missing.size());
    SketchProgress pr;
    pr.total = want.n_rows;
    pr.done = rep.n_reused;
    const bool reports = progress && rank == 0;   // only rank 0 sees the totals
    if (reports) progress(pr);
    const int64_t bs = opt.batch_size, K = want.K;
    // Rank q's rows: missing[k] for k % world == q. Round r: the r-th batch of each rank's rows.
    auto share = [&](int64_t q, int64_t r, std::vector<int64_t> & rows) {
        rows.clear();
        for (int64_t j = r * bs; j < (r + 1) * bs; j++) {
            const int64_t k = j * world + q;
            if (k >= int64_t(missing.size())) break;
            rows.push_back(missing[size_t(k)]);
        }
    };
    const int64_t per_rank = (int64_t(missing.size()) + world - 1) / world;
    const int64_t rounds = (per_rank + bs - 1) / bs;
    if (rounds > 0) {
        const RapidGradSketch sketch = make_sketch(model, opt);
        if (sketch.K() != K) throw Error("internal: sketch width differs from the manifest's");
        std::vector<int64_t> rows;
        for (int64_t r = 0; r < rounds; r++) {
            // A cancel on any rank stops all of them at the same round.
            const bool cancelled = cancel && cancel->cancelled();
            if (g ? g->all_max(cancelled ? 1 : 0) != 0 : cancelled) {
                if (cache) cache->sync();
                throw Cancelled();
            }
            share(rank, r, rows);
            std::vector<float> block(size_t(bs * K), 0.0f);
            if (!rows.empty()) {
                std::vector<TokenizedSample> part;
                for (int64_t i : rows) part.push_back(samples[size_t(i)]);
                const std::vector<float> s = sketch_gradients(model, part, opt, sketch);
                std::copy(s.begin(), s.end(), block.begin());
            }
            const std::vector<std::vector<float>> blocks = g ? g->all_gather(block, bs * K) : std::vector<std::vector<float>>{block};
            for (int64_t q = 0; q < world; q++) {
                share(q, r, rows);
                if (cache)
                    for (size_t j = 0; j < rows.size(); j++) cache->write_row(rows[j], blocks[size_t(q)].data() + j * size_t(K));
                rep.n_computed += int64_t(rows.size());
            }
            pr.done = rep.n_reused + rep.n_computed;
            pr.eta_seconds = secs() / double(r + 1) * double(rounds - r - 1);
            if (reports) progress(pr);
        }
        if (cache) cache->sync();
    }
    rep.seconds = secs();
    return rep;
}

} // namespace rapidun
