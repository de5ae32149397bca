// workspace.json: fields, data set roles and paths (which must stay inside the folder).
#include "fuzz_common.h"
#include "rapidun/error.h"
#include "rapidun/workspace/workspace.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t * data, size_t size) {
    fuzz::put("workspace.json", data, size);
    try {
        const rapidun::Workspace w = rapidun::Workspace::load(fuzz::scratch_dir());
        for (const auto & [role, file] : w.datasets) (void)w.dataset(role);
    } catch (const rapidun::Error &) {
    }
    return 0;
}
