// HF config.json: architecture, sizes, rope_scaling, biases, eos lists.
#include "fuzz_common.h"
#include "rapidun/error.h"
#include "rapidun/model/config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t * data, size_t size) {
    try {
        const rapidun::ModelConfig c =
            rapidun::parse_hf_config_text(std::string(reinterpret_cast<const char *>(data), size), "config.json");
        (void)c.n_params();
        (void)c.rope_inv_freq();
        (void)c.rope_summary();
    } catch (const rapidun::Error &) {
    }
    return 0;
}
