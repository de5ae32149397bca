// safetensors: mmap reader with a fully validated header, and an atomic writer.
// A hostile or damaged file must give an Error naming the tensor or byte, never a crash: every
// offset is checked against the mapping before a HostTensor points into it.
#include "rapidun/io/safetensors.h"

#include "rapidun/error.h"
#include "rapidun/io/atomic_file.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <tuple>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace rapidun {

using json = nlohmann::json;

namespace {

constexpr uint64_t k_max_header_bytes = 100ull << 20;   // 100 MiB, as the reference implementation

struct DTypeInfo { DType type; const char * name; size_t size; };
constexpr DTypeInfo k_dtypes[] = {
    {DType::F64, "F64", 8}, {DType::F32, "F32", 4}, {DType::F16, "F16", 2}, {DType::BF16, "BF16", 2},
    {DType::I64, "I64", 8}, {DType::I32, "I32", 4}, {DType::I16, "I16", 2}, {DType::I8, "I8", 1},
    {DType::U8, "U8", 1},   {DType::BOOL, "BOOL", 1},
};

const DTypeInfo & info(DType t) {
    for (const auto & d : k_dtypes)
        if (d.type == t) return d;
    fail("safetensors", "dtype", "invalid enum value " + std::to_string(static_cast<int>(t)));
}

std::string shape_text(const std::vector<int64_t> & shape) {
    std::string s = "[";
    for (size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

std::string range_text(uint64_t b, uint64_t e) {
    return "[" + std::to_string(b) + ", " + std::to_string(e) + "]";
}

uint64_t read_u64_le(const uint8_t * p) {
    uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
    return v;
}

// A read-only private mapping of a whole file; the shared_ptr's deleter munmaps it.
std::shared_ptr<const void> map_file(const std::string & path, size_t & size_out) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail(path, "", std::string("cannot open: ") + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        const std::string why = std::strerror(errno);
        ::close(fd);
        fail(path, "", "cannot stat: " + why);
    }
    if (S_ISDIR(st.st_mode)) { ::close(fd); fail(path, "", "is a folder, expected a .safetensors file"); }
    const size_t size = static_cast<size_t>(st.st_size);
    size_out = size;
    if (size < 8) {
        ::close(fd);
        fail(path, "byte 0", "file has " + std::to_string(size) +
                             " bytes, too short for the 8-byte header length");
    }
    void * p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    const std::string why = std::strerror(errno);
    ::close(fd);   // the mapping keeps the file referenced
    if (p == MAP_FAILED) fail(path, "", "mmap failed: " + why);
    return std::shared_ptr<const void>(p, [size](const void * q) { ::munmap(const_cast<void *>(q), size); });
}

// Reads a JSON value that must be a non-negative integer.
uint64_t as_index(const json & v, const std::string & path, const std::string & place, const char * what) {
    if (!v.is_number_integer()) fail(path, place, std::string(what) + " must be integers, got " + v.dump());
    if (!v.is_number_unsigned() && v.get<int64_t>() < 0)
        fail(path, place, std::string(what) + " must be non-negative, got " + v.dump());
    return v.get<uint64_t>();
}

struct Entry { std::string name; uint64_t begin, end; };

} // namespace

size_t dtype_size(DType t) { return info(t).size; }
const char * dtype_name(DType t) { return info(t).name; }

bool parse_dtype(const std::string & name, DType & out) {
    for (const auto & d : k_dtypes)
        if (name == d.name) { out = d.type; return true; }
    return false;
}

void release_pages(const HostTensor & t) {
    if (!t.file_mapped || t.n_bytes == 0) return;
    const uintptr_t page = uintptr_t(::sysconf(_SC_PAGESIZE));
    const uintptr_t begin = (uintptr_t(t.data) + page - 1) / page * page;   // whole pages inside the tensor only:
    const uintptr_t end = (uintptr_t(t.data) + t.n_bytes) / page * page;     // a neighbour may still be needed
    if (end > begin) ::madvise(reinterpret_cast<void *>(begin), end - begin, MADV_DONTNEED);
}

int64_t HostTensor::numel() const {
    int64_t n = 1;
    for (int64_t d : shape) n *= d;
    return n;
}

HostTensor HostTensor::from_floats(std::vector<int64_t> shape, std::vector<float> values) {
    HostTensor t;
    t.dtype = DType::F32;
    t.shape = std::move(shape);
    if (t.numel() != static_cast<int64_t>(values.size()))
        fail("HostTensor::from_floats", "shape " + shape_text(t.shape),
             "needs " + std::to_string(t.numel()) + " values, got " + std::to_string(values.size()));
    auto buf = std::make_shared<std::vector<float>>(std::move(values));
    t.data = reinterpret_cast<const uint8_t *>(buf->data());
    t.n_bytes = buf->size() * sizeof(float);
    t.owner = buf;
    return t;
}

SafetensorsFile read_safetensors(const std::string & path) {
    size_t file_size = 0;
    std::shared_ptr<const void> map = map_file(path, file_size);
    const auto * base = static_cast<const uint8_t *>(map.get());

    const uint64_t n_header = read_u64_le(base);
    if (n_header > k_max_header_bytes)
        fail(path, "byte 0", "header length " + std::to_string(n_header) + " exceeds the 100 MiB limit");
    if (8 + n_header > file_size)
        fail(path, "byte 0", "header length " + std::to_string(n_header) +
                             " runs past the end of the file (size " + std::to_string(file_size) + ")");
    const uint8_t * data_block = base + 8 + n_header;
    const uint64_t data_size = file_size - 8 - n_header;

    json header;
    try {
        header = json::parse(base + 8, base + 8 + n_header);
    } catch (const json::parse_error & e) {
        // e.byte is 1-based within the header; report it as a file offset.
        fail(path, "header byte " + std::to_string(8 + (e.byte ? e.byte - 1 : 0)),
             std::string("invalid JSON: ") + e.what());
    } catch (const json::exception & e) {   // e.g. a number too large for a double (1e309)
        fail(path, "header", std::string("invalid JSON: ") + e.what());
    }
    if (!header.is_object()) fail(path, "header", "expected a JSON object, got " + std::string(header.type_name()));

    SafetensorsFile out;
    std::vector<Entry> ranges;
    for (auto it = header.begin(); it != header.end(); ++it) {
        const std::string & name = it.key();
        const json & v = it.value();
        if (name == "__metadata__") {
            if (!v.is_object()) fail(path, "__metadata__", "expected an object of strings");
            for (auto m = v.begin(); m != v.end(); ++m) {
                if (!m.value().is_string())
                    fail(path, "__metadata__ '" + m.key() + "'",
                         "expected a string, got " + std::string(m.value().type_name()));
                out.metadata[m.key()] = m.value().get<std::string>();
            }
            continue;
        }
        const std::string place = "tensor '" + name + "'";
        if (!v.is_object()) fail(path, place, "expected an object, got " + std::string(v.type_name()));

        const auto dt = v.find("dtype");
        if (dt == v.end() || !dt->is_string()) fail(path, place, "missing string field 'dtype'");
        HostTensor t;
        if (!parse_dtype(dt->get<std::string>(), t.dtype))
            fail(path, place, "unknown dtype '" + dt->get<std::string>() + "'");

        const auto sh = v.find("shape");
        if (sh == v.end() || !sh->is_array()) fail(path, place, "missing array field 'shape'");
        // numel in bytes, checked for overflow so a huge shape cannot wrap to a small one.
        uint64_t want_bytes = dtype_size(t.dtype);
        bool overflow = false;
        for (const json & d : *sh) {
            const uint64_t n = as_index(d, path, place, "shape entries");
            if (n > static_cast<uint64_t>(INT64_MAX)) overflow = true;
            t.shape.push_back(static_cast<int64_t>(n));
            if (__builtin_mul_overflow(want_bytes, n, &want_bytes)) overflow = true;
        }

        const auto off = v.find("data_offsets");
        if (off == v.end() || !off->is_array() || off->size() != 2)
            fail(path, place, "missing field 'data_offsets' [begin, end]");
        const uint64_t b = as_index((*off)[0], path, place, "data_offsets");
        const uint64_t e = as_index((*off)[1], path, place, "data_offsets");
        if (b > e) fail(path, place, "data_offsets " + range_text(b, e) + ": begin is after end");
        if (e > data_size)
            fail(path, place, "data_offsets " + range_text(b, e) + " out of file: the data block has " +
                              std::to_string(data_size) + " bytes");
        if (overflow || e - b != want_bytes)
            fail(path, place, "shape " + shape_text(t.shape) + " of " + dtype_name(t.dtype) + " needs " +
                              (overflow ? std::string("more") : std::to_string(want_bytes)) +
                              " bytes but data_offsets " + range_text(b, e) + " span " +
                              std::to_string(e - b));

        t.data = data_block + b;
        t.n_bytes = e - b;
        t.owner = map;
        t.file_mapped = true;
        out.tensors.emplace(name, std::move(t));
        if (e > b) ranges.push_back({name, b, e});   // empty tensors cannot overlap anything
    }

    std::sort(ranges.begin(), ranges.end(),
              [](const Entry & x, const Entry & y) { return std::tie(x.begin, x.end) < std::tie(y.begin, y.end); });
    for (size_t i = 1; i < ranges.size(); ++i) {
        const Entry & a = ranges[i - 1];
        const Entry & c = ranges[i];
        if (c.begin < a.end)
            fail(path, "data block", "tensors '" + a.name + "' and '" + c.name + "' overlap: " +
                                     range_text(a.begin, a.end) + " and " + range_text(c.begin, c.end));
    }
    return out;
}

void write_safetensors(const std::string & path, const TensorMap & tensors,
                       const std::map<std::string, std::string> & metadata) {
    // Header text built by hand so that __metadata__ comes first and tensors follow in name
    // order (TensorMap is sorted), matching the order of the packed data.
    std::string hdr = "{";
    if (!metadata.empty()) hdr += "\"__metadata__\":" + json(metadata).dump();
    uint64_t offset = 0;
    for (const auto & [name, t] : tensors) {
        const std::string place = "tensor '" + name + "'";
        if (name == "__metadata__") fail(path, place, "the name is reserved for metadata");
        for (int64_t d : t.shape)
            if (d < 0) fail(path, place, "negative dimension in shape " + shape_text(t.shape));
        const uint64_t want = static_cast<uint64_t>(t.numel()) * dtype_size(t.dtype);
        if (t.n_bytes != want)
            fail(path, place, "shape " + shape_text(t.shape) + " of " + dtype_name(t.dtype) + " needs " +
                              std::to_string(want) + " bytes but the tensor holds " + std::to_string(t.n_bytes));
        if (t.n_bytes > 0 && !t.data) fail(path, place, "no data");
        json entry = {{"dtype", dtype_name(t.dtype)}, {"shape", t.shape},
                      {"data_offsets", {offset, offset + t.n_bytes}}};
        if (hdr.size() > 1) hdr += ",";
        hdr += json(name).dump() + ":" + entry.dump();
        offset += t.n_bytes;
    }
    hdr += "}";
    while (hdr.size() % 8 != 0) hdr += ' ';   // keeps the data block 8-byte aligned in the file

    std::vector<uint8_t> buf;
    buf.reserve(8 + hdr.size() + offset);
    const uint64_t n = hdr.size();
    for (int i = 0; i < 8; ++i) buf.push_back(static_cast<uint8_t>(n >> (8 * i)));
    buf.insert(buf.end(), hdr.begin(), hdr.end());
    for (const auto & kv : tensors) buf.insert(buf.end(), kv.second.data, kv.second.data + kv.second.n_bytes);
    write_file_atomic(path, buf.data(), buf.size());
}

} // namespace rapidun
