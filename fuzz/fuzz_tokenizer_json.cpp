// tokenizer.json (BPE / WordPiece-free subset the project reads: models, normalizers,
// pre-tokenizers, post-processors, decoders, added tokens), then an encode and a decode with it.
#include "fuzz_common.h"
#include "rapidun/error.h"
#include "rapidun/text/hf_tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t * data, size_t size) {
    const std::string path = fuzz::put("tokenizer.json", data, size);
    try {
        const auto tok = rapidun::load_hf_tokenizer(path);
        const std::vector<int32_t> ids = tok->encode("Hello world! 12 caf\xC3\xA9 <s> \xF0\x9F\x99\x82", true);
        (void)tok->decode(ids);
        (void)tok->decode_hf(ids, false);
    } catch (const rapidun::Error &) {
    }
    return 0;
}
