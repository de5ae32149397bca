// A PEFT adapter's adapter_config.json (read_adapter_config): a LORA config or one Error naming the
// file and field. (The adapter's tensors are read by read_safetensors: the safetensors target.)
#include "fuzz_common.h"
#include "rapidun/error.h"
#include "rapidun/train/adapter_config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t * data, size_t size) {
    fuzz::put("adapter_config.json", data, size);
    try {
        const rapidun::AdapterConfig a = rapidun::read_adapter_config(fuzz::scratch_dir() + "/adapter_config.json");
        if (a.lora.r < 1 || a.lora.targets.empty()) __builtin_trap();   // the reader promised these
    } catch (const rapidun::Error &) {
    }
    return 0;
}
