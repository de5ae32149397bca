// A chat_template (the Jinja subset of chat_template.h): parsed, then rendered for a short
// conversation with and without the generation prompt.
#include "fuzz_common.h"
#include "rapidun/data/chat_template.h"
#include "rapidun/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t * data, size_t size) {
    try {
        const rapidun::ChatTemplate t(std::string(reinterpret_cast<const char *>(data), size), "fuzz: chat_template",
                                      {{"bos_token", "<s>"}, {"eos_token", "</s>"}});
        const std::vector<rapidun::ChatMessage> m = {{"system", "Be brief."}, {"user", "Hi"}, {"assistant", "Hello"}};
        rapidun::ChatRenderOptions o;
        (void)t.render(m, o);
        o.add_generation_prompt = true;
        (void)t.render({m[1]}, o);
    } catch (const rapidun::Error &) {
    }
    return 0;
}
