// safetensors reader (mmap, validated header) and writer (atomic). Torch-free: tensors are byte
// views; the model layer wraps them with torch::from_blob.
//
// File layout: u64 little-endian header length N, N bytes of JSON
//   {"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, "__metadata__": {..}}
// then the data block; offsets are relative to the data block's start.
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace rapidun {

enum class DType { F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL };

size_t      dtype_size(DType t);
const char * dtype_name(DType t);   // safetensors spelling: "F32", "BF16", ...
bool        parse_dtype(const std::string & name, DType & out);

// A tensor held in host memory or viewing a mapped file. `data` stays valid as long as `owner`.
struct HostTensor {
    DType                 dtype = DType::F32;
    std::vector<int64_t>  shape;
    const uint8_t *       data = nullptr;
    size_t                n_bytes = 0;
    std::shared_ptr<const void> owner;   // keeps the mapping or the buffer alive
    bool                  file_mapped = false;   // data lies in a read-only file mapping (see release_pages)

    int64_t numel() const;
    static HostTensor from_floats(std::vector<int64_t> shape, std::vector<float> values);
};

using TensorMap = std::map<std::string, HostTensor>;

struct SafetensorsFile {
    TensorMap                          tensors;
    std::map<std::string, std::string> metadata;
};

// Validates: header length within 100 MiB and inside the file, JSON object, every dtype known,
// shape x dtype size == byte range, ranges inside the data block, no two ranges overlapping.
// Throws Error "<path>: <place>: <what>".
SafetensorsFile read_safetensors(const std::string & path);

// Drops a file-mapped tensor's pages from this process's resident memory once it has been copied
// (madvise MADV_DONTNEED on the whole pages inside it; they are read from the file again if
// touched). Without it, loading a model keeps every page of its file resident until the mapping
// goes: file size + model size at the peak. No-op for tensors that are not file_mapped.
void release_pages(const HostTensor & t);

// Writes tensors (sorted by name) atomically; header padded with spaces to a multiple of 8.
void write_safetensors(const std::string & path, const TensorMap & tensors,
                       const std::map<std::string, std::string> & metadata = {});

} // namespace rapidun
