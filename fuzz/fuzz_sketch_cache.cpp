// The on-disk sketch cache (influence/sketch_cache.h): the input becomes a cache folder's files and
// is opened against a fixed, valid request (4 rows of K = 5), then every row is checked and read.
// Input: byte 0 = flags (bit 0: the request is fp16, else fp32; bit 1: overwrite; bit 2: no
// manifest.json at all), bytes 1-2 = the manifest's length n (little-endian), then n bytes of
// manifest.json, then the rest as rows.bin. What must hold: a manifest that is not the request's is
// refused with rapidun::Error (or, with overwrite, replaced and its rows dropped); a rows file longer
// than the manifest's rows is refused; a row that fails its check reads as missing and read_row
// refuses it with rapidun::Error; a row that checks reads back without fault.
#include "fuzz_common.h"
#include "rapidun/error.h"
#include "rapidun/influence/sketch_cache.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace {

rapidun::SketchManifest want(bool fp16) {
    rapidun::SketchManifest m;
    m.model_hash       = "0123456789abcdef";
    m.adapter_hash     = "";
    m.param_set        = "lora";
    m.names            = {"model.layers.0.self_attn.q_proj.lora_A", "model.layers.0.self_attn.q_proj.lora_B"};
    m.normalize_layers = false;
    m.loss             = "shifted";
    m.D0               = 96;
    m.K                = 5;
    m.seed             = 42;
    m.dataset_hash     = "fedcba9876543210";
    m.n_rows           = 4;
    m.dtype            = fp16 ? "fp16" : "fp32";
    return m;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t * data, size_t size) {
    if (size < 3) return 0;
    const bool     fp16 = data[0] & 1, overwrite = data[0] & 2, no_manifest = data[0] & 4;
    const size_t   n    = std::min(size - 3, size_t(data[1]) | size_t(data[2]) << 8);
    const uint8_t *man = data + 3, *rows = man + n;
    const std::string dir = fuzz::scratch_dir() + "/cache";
    // A fresh folder each time (the cache writes its own manifest and extends its rows file).
    const std::string rm = "rm -rf '" + dir + "' && mkdir '" + dir + "'";
    static bool first = true;
    if (first) {
        if (std::system(rm.c_str()) != 0) std::abort();
        first = false;
    }
    for (const char * f : {"manifest.json", "rows.bin"}) std::remove((dir + "/" + f).c_str());
    if (!no_manifest) fuzz::put("cache/manifest.json", man, n);
    fuzz::put("cache/rows.bin", rows, size_t(data + size - rows));

    const rapidun::SketchManifest w = want(fp16);
    try {
        const rapidun::SketchCache c = rapidun::SketchCache::open(dir, w, overwrite, 1);
        const std::vector<int64_t> missing = c.missing_rows();
        std::vector<float> row(size_t(w.K));
        for (int64_t i = 0; i < c.n_rows(); i++) {
            const bool bad = std::find(missing.begin(), missing.end(), i) != missing.end();
            if (bad != !c.row_valid(i)) std::abort();
            try {
                c.read_row(i, row.data());
                if (bad) std::abort();   // a row that fails its check must not be read
            } catch (const rapidun::Error &) {
                if (!bad) std::abort();  // a row that checks must read
            }
        }
        if (missing.empty()) {
            (void)c.read_all();
            (void)c.read_rows(1, c.n_rows() - 1);
        }
    } catch (const rapidun::Error &) {
    }
    return 0;
}
