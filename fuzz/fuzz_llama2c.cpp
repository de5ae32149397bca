// llama2.c checkpoints: the 7-int header and the sizes it implies against the file's length.
#include "fuzz_common.h"
#include "rapidun/error.h"
#include "rapidun/io/model_files.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t * data, size_t size) {
    const std::string path = fuzz::put("model.bin", data, size);
    try {
        fuzz::touch(rapidun::read_model_files(path).weights);
    } catch (const rapidun::Error &) {
    }
    return 0;
}
