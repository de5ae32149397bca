// safetensors: the header (length, JSON, dtypes, shapes, offsets) and every tensor's byte range.
#include "fuzz_common.h"
#include "rapidun/error.h"
#include "rapidun/io/safetensors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t * data, size_t size) {
    const std::string path = fuzz::put("t.safetensors", data, size);
    try {
        fuzz::touch(rapidun::read_safetensors(path).tensors);
    } catch (const rapidun::Error &) {
    }
    return 0;
}
