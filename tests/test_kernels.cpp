// CPU reference kernels: the llama2.c sampler, decode attention, the fused sketch-and-norm, the
// streaming top-k score product. Add a case with TEST_CASE below.
#include "check.h"

#include "rapidun/kernels/attention.h"
#include "rapidun/kernels/sampling.h"
#include "rapidun/kernels/scores.h"
#include "rapidun/kernels/sketch.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <vector>

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

TEST_CASE("decode attention equals a float64 reference (GQA, masked slots, unused cache tail)") {
    const int64_t B = 3, H = 4, KV = 2, S = 7, S_max = 10, hd = 8;
    std::mt19937 rng(1);
    std::normal_distribution<float> nd;
    std::vector<float> q(B * H * hd), k(B * KV * S_max * hd), v(B * KV * S_max * hd), bias(B * S_max, 0.0f), out(B * H * hd);
    for (auto & x : q) x = nd(rng);
    for (auto & x : k) x = nd(rng);
    for (auto & x : v) x = nd(rng);
    bias[0 * S_max + 0] = -1e9f;   // row 0: first slot is padding
    bias[2 * S_max + 3] = -1e9f;   // row 2: a hole
    const float scale = 1.0f / std::sqrt(float(hd));
    attention_decode_f32(q.data(), k.data(), v.data(), bias.data(), S_max, out.data(), B, H, KV, S, S_max, hd, scale);
    double worst = 0;
    for (int64_t b = 0; b < B; b++)
        for (int64_t h = 0; h < H; h++) {
            const int64_t kvh = h / (H / KV);
            std::vector<double> p(S);
            double mx = -1e300, sum = 0;
            for (int64_t s = 0; s < S; s++) {
                double dot = 0;
                for (int64_t d = 0; d < hd; d++) dot += double(q[(b * H + h) * hd + d]) * k[((b * KV + kvh) * S_max + s) * hd + d];
                p[s] = dot * scale + bias[b * S_max + s];
                mx = std::max(mx, p[s]);
            }
            for (auto & x : p) { x = std::exp(x - mx); sum += x; }
            for (int64_t d = 0; d < hd; d++) {
                double o = 0;
                for (int64_t s = 0; s < S; s++) o += p[s] / sum * v[((b * KV + kvh) * S_max + s) * hd + d];
                worst = std::max(worst, std::fabs(o - out[(b * H + h) * hd + d]));
            }
        }
    CHECK_NEAR(worst, 0.0, 1e-5);
}

TEST_CASE("the fused sketch-and-norm reference equals the row sketch plus a float64 norm") {
    // The CPU reference of the CUDA kernel (test_kernels_cuda) against the kernels it fuses.
    const int64_t rows = 3, n = 4096, stride = n + 3, K = 256, out_stride = K + 1;
    std::mt19937 rng(3);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::vector<float> g(static_cast<size_t>(rows * stride));
    for (float & x : g) x = normal(rng);
    std::vector<int32_t> bucket(static_cast<size_t>(n));
    std::vector<int8_t> sign(static_cast<size_t>(n));
    rapidun::kernels::sketch_make_hash(n, K, 9, bucket.data(), sign.data());
    std::vector<float> fused(static_cast<size_t>(rows * out_stride), 0.5f), plain = fused, norm(static_cast<size_t>(rows), 1.0f);
    rapidun::kernels::sketch_accumulate_rows_norm_f32(g.data(), rows, n, stride, bucket.data(), sign.data(), fused.data(),
                                                     out_stride, norm.data());
    rapidun::kernels::sketch_accumulate_rows_f32(g.data(), rows, n, stride, bucket.data(), sign.data(), plain.data(), out_stride);
    CHECK(fused == plain);   // the same additions in the same order
    for (int64_t r = 0; r < rows; r++) {
        double s = 1.0;
        for (int64_t i = 0; i < n; i++) s += double(g[size_t(r * stride + i)]) * g[size_t(r * stride + i)];
        CHECK(std::fabs(norm[size_t(r)] - s) <= 1e-6 * s);
    }
}

TEST_CASE("the streaming top-k of the score product equals sorting the whole matrix (ties: lower index)") {
    // 4 test rows x 250 train rows in blocks of 100, 100, 50; k = 20; train rows 7 and 207 are equal
    // (a tie across blocks) and test row 3 is zero (every score ties at 0).
    const int64_t n_test = 4, n_train = 250, K = 64, k = 20;
    std::mt19937 rng(5);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::vector<float> test(static_cast<size_t>(n_test * K)), train(static_cast<size_t>(n_train * K));
    for (float & x : test) x = normal(rng);
    for (float & x : train) x = normal(rng);
    std::copy_n(train.begin() + 7 * K, K, train.begin() + 207 * K);
    std::fill_n(test.begin() + 3 * K, K, 0.0f);
    std::vector<float> value(static_cast<size_t>(n_test * k));
    std::vector<int64_t> index(static_cast<size_t>(n_test * k));
    std::vector<int32_t> count(static_cast<size_t>(n_test), 0);
    for (int64_t b0 : {0, 100, 200}) {
        const int64_t nb = std::min<int64_t>(100, n_train - b0);
        rapidun::kernels::scores_topk_update_f32(test.data(), n_test, train.data() + b0 * K, nb, b0, K, k, value.data(), index.data(),
                                                 count.data());
    }
    for (int64_t t = 0; t < n_test; t++) {
        std::vector<std::pair<float, int64_t>> all;
        for (int64_t j = 0; j < n_train; j++) {
            float s = 0.0f;   // the same order of additions as the kernel
            for (int64_t d = 0; d < K; d++) s += test[size_t(t * K + d)] * train[size_t(j * K + d)];
            all.emplace_back(s, j);
        }
        std::stable_sort(all.begin(), all.end(), [](const auto & a, const auto & b) { return a.first > b.first; });
        REQUIRE(count[size_t(t)] == k);
        for (int64_t i = 0; i < k; i++) {
            CHECK(value[size_t(t * k + i)] == all[size_t(i)].first);
            CHECK(index[size_t(t * k + i)] == all[size_t(i)].second);
        }
    }
    for (int64_t i = 0; i < k; i++) CHECK(index[size_t(3 * k + i)] == i);   // all zero: the first k rows
}

RAPIDUN_TEST_MAIN()
