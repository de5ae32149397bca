// CPU reference kernels: the llama2.c sampler. Add a case with TEST_CASE below.
#include "check.h"

#include "rapidun/kernels/sampling.h"

#include <cmath>
#include <map>

using namespace rapidun::kernels;

TEST_CASE("xorshift RNG follows llama2.c's random_u32") {
    // First outputs for state 133742, computed by hand from run.c's formula.
    Rng r{133742};
    uint64_t s = 133742;
    for (int i = 0; i < 5; i++) {
        s ^= s >> 12; s ^= s << 25; s ^= s >> 27;
        CHECK(r.next_u32() == static_cast<uint32_t>((s * 0x2545F4914F6CDD1Dull) >> 32));
    }
    Rng f{1};
    for (int i = 0; i < 1000; i++) {
        float x = f.next_f32();
        CHECK(x >= 0.0f && x < 1.0f);
    }
}

TEST_CASE("argmax takes the first of equal maxima; temperature 0 is argmax") {
    float v[] = {0.5f, 2.0f, -1.0f, 2.0f};
    CHECK(argmax(v, 4) == 1);
    Rng r{3};
    std::vector<float> scratch;
    CHECK(sample(v, 4, 0.0f, 0.9f, r, scratch) == 1);
}

TEST_CASE("sampling frequencies follow softmax; top-p drops the tail") {
    float logits[] = {std::log(0.5f), std::log(0.3f), std::log(0.15f), std::log(0.05f)};
    Rng r{12345};
    std::vector<float> scratch;
    std::map<int, int> counts;
    const int n = 20000;
    for (int i = 0; i < n; i++) counts[sample(logits, 4, 1.0f, 1.0f, r, scratch)]++;
    CHECK_NEAR(counts[0] / double(n), 0.5, 0.02);
    CHECK_NEAR(counts[3] / double(n), 0.05, 0.01);
    counts.clear();
    // top_p 0.7: 0.5 + 0.3 = 0.8 > 0.7 keeps {0, 1}, renormalised to 0.625 / 0.375.
    for (int i = 0; i < n; i++) counts[sample(logits, 4, 1.0f, 0.7f, r, scratch)]++;
    CHECK(counts[2] == 0 && counts[3] == 0);
    CHECK_NEAR(counts[0] / double(n), 0.625, 0.02);
}

RAPIDUN_TEST_MAIN()
