// CPU reference of next-token selection, a transcription of llama2.c run.c (MIT, Karpathy):
// sample_argmax, sample_mult, sample_topp, random_u32, random_f32.
#include "rapidun/kernels/sampling.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>

namespace rapidun::kernels {

uint32_t Rng::next_u32() {
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return static_cast<uint32_t>((state * 0x2545F4914F6CDD1Dull) >> 32);
}

float Rng::next_f32() { return static_cast<float>(next_u32() >> 8) / 16777216.0f; }

int32_t argmax(const float * logits, int64_t n) {
    int64_t best = 0;
    for (int64_t i = 1; i < n; i++) {
        if (logits[i] > logits[best]) best = i;
    }
    return static_cast<int32_t>(best);
}

namespace {

// In-place softmax in fp32, as run.c does (max subtraction, then exp and normalise).
void softmax(float * x, int64_t n) {
    float max_val = x[0];
    for (int64_t i = 1; i < n; i++) max_val = std::max(max_val, x[i]);
    float sum = 0.0f;
    for (int64_t i = 0; i < n; i++) {
        x[i] = std::exp(x[i] - max_val);
        sum += x[i];
    }
    for (int64_t i = 0; i < n; i++) x[i] /= sum;
}

int32_t sample_mult(const float * probs, int64_t n, float coin) {
    float cdf = 0.0f;
    for (int64_t i = 0; i < n; i++) {
        cdf += probs[i];
        if (coin < cdf) return static_cast<int32_t>(i);
    }
    return static_cast<int32_t>(n - 1);   // rounding
}

// Top-p: keep tokens with prob >= (1-p)/(n-1) (they cannot all be cut), sort them descending,
// truncate where the cumulative probability first exceeds p, sample within.
int32_t sample_topp(const float * probs, int64_t n, float top_p, float coin, std::vector<float> & scratch) {
    struct Cand { float prob; int32_t index; };
    std::vector<Cand> cands;
    cands.reserve(static_cast<size_t>(n));
    const float cutoff = (1.0f - top_p) / static_cast<float>(n - 1);
    for (int64_t i = 0; i < n; i++) {
        if (probs[i] >= cutoff) cands.push_back({probs[i], static_cast<int32_t>(i)});
    }
    // run.c uses qsort with a comparator returning -1/1/0; ties keep an unspecified order there.
    // A stable sort gives the index order on ties, which is what glibc's merge-based qsort does.
    std::stable_sort(cands.begin(), cands.end(), [](const Cand & a, const Cand & b) { return a.prob > b.prob; });
    float   cumulative = 0.0f;
    int64_t last = static_cast<int64_t>(cands.size()) - 1;
    for (size_t i = 0; i < cands.size(); i++) {
        cumulative += cands[i].prob;
        if (cumulative > top_p) {
            last = static_cast<int64_t>(i);
            break;
        }
    }
    const float r = coin * cumulative;
    float cdf = 0.0f;
    for (int64_t i = 0; i <= last; i++) {
        cdf += cands[static_cast<size_t>(i)].prob;
        if (r < cdf) return cands[static_cast<size_t>(i)].index;
    }
    (void)scratch;
    return cands[static_cast<size_t>(last)].index;
}

} // namespace

int32_t sample(const float * logits, int64_t n, float temperature, float top_p, Rng & rng,
               std::vector<float> & scratch) {
    if (temperature == 0.0f) return argmax(logits, n);
    scratch.resize(static_cast<size_t>(n));
    float * probs = scratch.data();
    for (int64_t i = 0; i < n; i++) probs[i] = logits[i] / temperature;
    softmax(probs, n);
    const float coin = rng.next_f32();
    if (top_p <= 0.0f || top_p >= 1.0f) return sample_mult(probs, n, coin);
    std::vector<float> unused;
    return sample_topp(probs, n, top_p, coin, unused);
}

bool built_with_cuda() {
#ifdef RAPIDUN_HAVE_CUDA_KERNELS
    return true;
#else
    return false;
#endif
}

} // namespace rapidun::kernels
