// RapidIn's influence JSON (the release's influence_results_*.json): test rows, scores, top-k.
#include "fuzz_common.h"
#include "rapidun/error.h"
#include "rapidun/influence/influence.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t * data, size_t size) {
    const std::string path = fuzz::put("influence.json", data, size);
    try {
        const rapidun::RapidInResults r = rapidun::read_rapidin_json(path);
        (void)rapidun::rapidin_matrix(r, 4);
    } catch (const rapidun::Error &) {
    }
    return 0;
}
