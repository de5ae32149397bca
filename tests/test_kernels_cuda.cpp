// The CUDA kernels (kernels/cuda) against their CPU references (kernels/cpu) on random inputs, with
// the tolerance float atomics allow; every case skips, saying why, where no CUDA device is usable.
#include "check.h"

#include "rapidun/kernels/sketch.h"
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

TEST_CASE("bad calls answer with a message, not a crash") {
    std::string why;
    if (!cuda_available(&why)) SKIP("no usable CUDA device: " + why);
    CHECK(sketch_accumulate_rows_norm_cuda(nullptr, 0, 10, 10, nullptr, nullptr, nullptr, 10, nullptr).empty());
    CHECK(!sketch_accumulate_rows_norm_cuda(nullptr, 70000, 10, 10, nullptr, nullptr, nullptr, 10, nullptr).empty());
}

RAPIDUN_TEST_MAIN()
