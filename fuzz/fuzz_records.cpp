// Data sets: JSONL (Dolly, generic, RapidUn packs) and Alpaca JSON; the first input byte picks the
// file name the format is read by.
#include "fuzz_common.h"
#include "rapidun/data/records.h"
#include "rapidun/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t * data, size_t size) {
    if (size == 0) return 0;
    const std::string path = fuzz::put(data[0] % 2 ? "rows.jsonl" : "rows.json", data + 1, size - 1);
    try {
        (void)rapidun::read_records(path);
        rapidun::ReadOptions o;
        o.skip_bad = true;
        (void)rapidun::read_records(path, o);
    } catch (const rapidun::Error &) {
    }
    return 0;
}
