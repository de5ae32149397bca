// The CUDA kernels (kernels/cuda) against their CPU references (kernels/cpu) on random inputs, with
// the tolerance float sums in another order allow; every case skips, saying why, where no CUDA device is usable.
#include "check.h"

#include "rapidun/kernels/scores.h"
#include "rapidun/kernels/sketch.h"
#include "rapidun/kernels/sampling.h"
#include "rapidun/kernels/sketch_cuda.h"

#include <cuda_runtime.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

using namespace rapidun::kernels;

namespace {

template <class T>
T * upload(const std::vector<T> & v) {
    T * d = nullptr;
    REQUIRE(cudaMalloc(&d, v.size() * sizeof(T)) == cudaSuccess);
    REQUIRE(cudaMemcpy(d, v.data(), v.size() * sizeof(T), cudaMemcpyHostToDevice) == cudaSuccess);
    return d;
}

template <class T>
std::vector<T> download(const T * d, size_t n) {
    std::vector<T> v(n);
    REQUIRE(cudaMemcpy(v.data(), d, n * sizeof(T), cudaMemcpyDeviceToHost) == cudaSuccess);
    return v;
}

} // namespace

TEST_CASE("the CountSketch scatter with per-row norms equals the CPU reference (fp32, 1e-5 relative)") {
    std::string why;
    if (!cuda_available(&why)) SKIP("no usable CUDA device: " + why);
    // rows x n gradients, a row stride larger than n, D = 2^17 hashed into K = 4096 buckets; the
    // output starts non-zero (the kernels accumulate).
    const int64_t rows = 7, n = 1 << 17, stride = n + 13, K = 4096, out_stride = K + 5;
    std::mt19937_64 rng(7);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::vector<float> g(static_cast<size_t>(rows * stride)), out(static_cast<size_t>(rows * out_stride)),
        norm(static_cast<size_t>(rows));
    for (float & x : g) x = normal(rng);
    for (float & x : out) x = normal(rng);
    for (float & x : norm) x = std::fabs(normal(rng));
    std::vector<int32_t> bucket(static_cast<size_t>(n));
    std::vector<int8_t> sign(static_cast<size_t>(n));
    sketch_make_hash(n, K, 42, bucket.data(), sign.data());

    std::vector<float> ref_out = out, ref_norm = norm;
    sketch_accumulate_rows_norm_f32(g.data(), rows, n, stride, bucket.data(), sign.data(), ref_out.data(), out_stride, ref_norm.data());

    float * dg = upload(g);
    float * dout = upload(out);
    float * dnorm = upload(norm);
    int32_t * dbucket = upload(bucket);
    int8_t * dsign = upload(sign);
    const std::string err = sketch_accumulate_rows_norm_cuda(dg, rows, n, stride, dbucket, dsign, dout, out_stride, dnorm);
    CHECK(err.empty());
    const std::vector<float> got_out = download(dout, out.size()), got_norm = download(dnorm, norm.size());
    for (void * p : {static_cast<void *>(dg), static_cast<void *>(dout), static_cast<void *>(dnorm), static_cast<void *>(dbucket),
                     static_cast<void *>(dsign)})
        cudaFree(p);

    double worst = 0, scale = 0;
    for (size_t i = 0; i < out.size(); i++) {
        worst = std::max(worst, double(std::fabs(got_out[i] - ref_out[i])));
        scale = std::max(scale, double(std::fabs(ref_out[i])));
    }
    CHECK(worst <= 1e-5 * scale);   // each bucket sums 32 values in another order
    for (int64_t r = 0; r < rows; r++) CHECK(std::fabs(got_norm[size_t(r)] - ref_norm[size_t(r)]) <= 1e-5 * ref_norm[size_t(r)]);
}

TEST_CASE("the streaming top-k score product equals the CPU reference (fp32 sums; near-ties may swap)") {
    std::string why;
    if (!cuda_available(&why)) SKIP("no usable CUDA device: " + why);
    const int64_t n_test = 6, n_train = 900, K = 4096, k = 64, block = 256;
    std::mt19937_64 rng(11);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::vector<float> test(static_cast<size_t>(n_test * K)), train(static_cast<size_t>(n_train * K));
    for (float & x : test) x = normal(rng);
    for (float & x : train) x = normal(rng);
    std::vector<float> value(static_cast<size_t>(n_test * k));
    std::vector<int64_t> index(static_cast<size_t>(n_test * k));
    std::vector<int32_t> count(static_cast<size_t>(n_test), 0);
    float * dtest = upload(test);
    float * dtrain = upload(train);
    float * dvalue = upload(value);
    int64_t * dindex = upload(index);
    int32_t * dcount = upload(count);
    for (int64_t b0 = 0; b0 < n_train; b0 += block) {
        const int64_t nb = std::min(block, n_train - b0);
        rapidun::kernels::scores_topk_update_f32(test.data(), n_test, train.data() + b0 * K, nb, b0, K, k, value.data(), index.data(),
                                                 count.data());
        CHECK(scores_topk_update_cuda(dtest, n_test, dtrain + b0 * K, nb, b0, K, k, dvalue, dindex, dcount).empty());
    }
    const std::vector<float> gv = download(dvalue, value.size());
    const std::vector<int64_t> gi = download(dindex, index.size());
    const std::vector<int32_t> gc = download(dcount, count.size());
    for (void * p : {static_cast<void *>(dtest), static_cast<void *>(dtrain), static_cast<void *>(dvalue), static_cast<void *>(dindex),
                     static_cast<void *>(dcount)})
        cudaFree(p);
    const float tol = 1e-3f;   // |score| ~ 64 (sqrt K); float sums of 4096 products in two orders
    for (int64_t t = 0; t < n_test; t++) {
        CHECK(gc[size_t(t)] == count[size_t(t)]);
        for (int64_t i = 0; i < k; i++) {
            const size_t p = size_t(t * k + i);
            CHECK(std::fabs(gv[p] - value[p]) <= tol);
            CHECK((gi[p] == index[p] || std::fabs(value[p] - gv[p]) <= tol));   // a swap only between near-equal scores
        }
    }
}

TEST_CASE("bad calls answer with a message, not a crash") {
    std::string why;
    if (!cuda_available(&why)) SKIP("no usable CUDA device: " + why);
    CHECK(sketch_accumulate_rows_norm_cuda(nullptr, 0, 10, 10, nullptr, nullptr, nullptr, 10, nullptr).empty());
    CHECK(!sketch_accumulate_rows_norm_cuda(nullptr, 70000, 10, 10, nullptr, nullptr, nullptr, 10, nullptr).empty());
}

RAPIDUN_TEST_MAIN()

TEST_CASE("next-token selection on the GPU equals the CPU sampler (argmax exactly; sampling up to rounding)") {
    std::string why;
    if (!cuda_available(&why)) SKIP("no usable CUDA device: " + why);
    // 6 rows of V = 5,003 logits ~ 3 N(0, 1); row 0's maximum appears twice (the first one wins).
    const int64_t B = 6, V = 5003;
    std::mt19937_64 rng(11);
    std::normal_distribution<float> normal(0.0f, 3.0f);
    std::vector<float> logits(static_cast<size_t>(B * V));
    for (float & x : logits) x = normal(rng);
    logits[10] = logits[4000] = 40.0f;
    float * dlogits = upload(logits);
    float * dscratch = nullptr;
    int32_t * dout = nullptr;
    float * dcoins = nullptr;
    REQUIRE(cudaMalloc(&dscratch, size_t(5 * B * V) * sizeof(float)) == cudaSuccess);
    REQUIRE(cudaMalloc(&dout, size_t(B) * sizeof(int32_t)) == cudaSuccess);
    REQUIRE(cudaMalloc(&dcoins, size_t(B) * sizeof(float)) == cudaSuccess);
    std::vector<float> scratch;
    Rng unused;
    CHECK(sample_rows_cuda(dlogits, B, V, 0.0f, 1.0f, dcoins, dout, dscratch).empty());
    std::vector<int32_t> got = download(dout, size_t(B));
    for (int64_t b = 0; b < B; b++) CHECK(got[size_t(b)] == sample(logits.data() + b * V, V, 0.0f, 1.0f, unused, scratch));
    CHECK(got[0] == 10);
    // 300 draws per row, multinomial and top-p 0.9, each row's Rng stream shared by both sides.
    for (float top_p : {1.0f, 0.9f}) {
        std::vector<Rng> cpu(static_cast<size_t>(B)), gpu(static_cast<size_t>(B));
        for (int64_t b = 0; b < B; b++) cpu[size_t(b)].state = gpu[size_t(b)].state = 1000 + uint64_t(b);
        int64_t draws = 0, differ = 0;
        for (int round = 0; round < 300; round++) {
            std::vector<float> coins(static_cast<size_t>(B));
            for (int64_t b = 0; b < B; b++) coins[size_t(b)] = gpu[size_t(b)].next_f32();
            REQUIRE(cudaMemcpy(dcoins, coins.data(), coins.size() * sizeof(float), cudaMemcpyHostToDevice) == cudaSuccess);
            REQUIRE(sample_rows_cuda(dlogits, B, V, 0.8f, top_p, dcoins, dout, dscratch).empty());
            got = download(dout, size_t(B));
            for (int64_t b = 0; b < B; b++, draws++)
                differ += got[size_t(b)] != sample(logits.data() + b * V, V, 0.8f, top_p, cpu[size_t(b)], scratch);
        }
        CHECK_MSG(differ * 200 <= draws, "top_p " + std::to_string(top_p) + ": " + std::to_string(differ) + " of " +
                                             std::to_string(draws) + " draws differ (at most 0.5% may, by rounding)");
    }
    cudaFree(dlogits);
    cudaFree(dscratch);
    cudaFree(dout);
    cudaFree(dcoins);
}
