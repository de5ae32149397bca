// CPU reference of single-query decode attention (see attention.h for shapes).
#include "rapidun/kernels/attention.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace rapidun::kernels {

void attention_decode_f32(const float * q, const float * k, const float * v, const float * bias,
                          int64_t bias_stride, float * out, int64_t B, int64_t H, int64_t KV, int64_t S,
                          int64_t S_max, int64_t hd, float scale) {
    const int64_t G = H / KV;
#pragma omp parallel
    {
        std::vector<float> p(static_cast<size_t>(S));   // scores, then probabilities
#pragma omp for schedule(static)
        for (int64_t bh = 0; bh < B * H; bh++) {
            const int64_t b = bh / H, h = bh % H, kvh = h / G;
            const float * qr = q + bh * hd;
            const float * kr = k + (b * KV + kvh) * S_max * hd;
            const float * vr = v + (b * KV + kvh) * S_max * hd;
            const float * br = bias + b * bias_stride;
            float mx = -INFINITY;
            for (int64_t s = 0; s < S; s++) {
                float dot = 0.0f;
                for (int64_t d = 0; d < hd; d++) dot += qr[d] * kr[s * hd + d];
                p[static_cast<size_t>(s)] = dot * scale + br[s];
                mx = std::max(mx, p[static_cast<size_t>(s)]);
            }
            float sum = 0.0f;
            for (int64_t s = 0; s < S; s++) {
                p[static_cast<size_t>(s)] = std::exp(p[static_cast<size_t>(s)] - mx);
                sum += p[static_cast<size_t>(s)];
            }
            float * o = out + bh * hd;
            std::fill(o, o + hd, 0.0f);
            const float inv = 1.0f / sum;
            for (int64_t s = 0; s < S; s++) {
                const float w = p[static_cast<size_t>(s)] * inv;
                for (int64_t d = 0; d < hd; d++) o[d] += w * vr[s * hd + d];
            }
        }
    }
}

} // namespace rapidun::kernels
