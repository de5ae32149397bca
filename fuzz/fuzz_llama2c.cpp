// llama2.c checkpoints: the 7-int header and the sizes it implies against the file's length.
#include "fuzz_common.h"
#include "rapidun/error.h"
#include "rapidun/io/model_files.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t * data, size_t size) {
    const std::string path = fuzz::put("model.bin", data, size);
    try {
        const rapidun::ModelFiles mf = rapidun::read_model_files(path);
        volatile uint8_t sum = 0;
        for (const auto & [name, t] : mf.weights)
            if (t.n_bytes) sum = uint8_t(sum + t.data[t.n_bytes - 1]);
    } catch (const rapidun::Error &) {
    }
    return 0;
}
