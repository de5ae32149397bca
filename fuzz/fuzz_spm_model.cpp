// A sentencepiece tokenizer.model, loaded through the plug-in (Debian's libsentencepiece with its
// own protobuf, dlopen()ed; under ASan through libc's own dlopen: sentencepiece_tokenizer.cpp), then
// used: encode, decode and every piece. A model or one Error naming the file; never a crash. The
// plug-in is not instrumented (neither is the library it wraps), so coverage comes from our side
// only: what is checked before and after sentencepiece sees the bytes.
#include "fuzz_common.h"
#include "rapidun/error.h"
#include "rapidun/text/tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t * data, size_t size) {
    const std::string path = fuzz::put("tokenizer.model", data, size);
    try {
        const std::unique_ptr<rapidun::Tokenizer> tok = rapidun::load_sentencepiece(path);
        const std::vector<int32_t> ids = tok->encode("Once upon a time, 42 \xe2\x96\x81 caf\xc3\xa9\n", true, true);
        (void)tok->decode(ids);
        for (int32_t id = 0; id < tok->vocab_size() && id < 4096; id++) (void)tok->piece(id);
        (void)tok->decode({-1, tok->vocab_size(), 0});   // out-of-range ids are refused, not read
    } catch (const rapidun::Error &) {
    }
    return 0;
}
