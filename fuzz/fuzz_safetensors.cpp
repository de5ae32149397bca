// safetensors: the header (length, JSON, dtypes, shapes, offsets) and every tensor's byte range.
#include "fuzz_common.h"
#include "rapidun/error.h"
#include "rapidun/io/safetensors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t * data, size_t size) {
    const std::string path = fuzz::put("t.safetensors", data, size);
    try {
        const rapidun::SafetensorsFile f = rapidun::read_safetensors(path);
        volatile uint8_t sum = 0;
        for (const auto & [name, t] : f.tensors)
            if (t.n_bytes) sum = uint8_t(sum + t.data[0] + t.data[t.n_bytes - 1]);   // the range must be readable
    } catch (const rapidun::Error &) {
    }
    return 0;
}
