// CPU reference of the streaming top-k score product (see scores.h).
#include "rapidun/kernels/scores.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace rapidun::kernels {

void scores_topk_update_f32(const float * test, int64_t n_test, const float * train, int64_t n_block, int64_t first_index,
                            int64_t K, int64_t k, float * top_value, int64_t * top_index, int32_t * top_count) {
#pragma omp parallel for schedule(static) if (n_test > 1)
    for (int64_t t = 0; t < n_test; t++) {
        const float * q = test + t * K;
        std::vector<std::pair<float, int64_t>> all;
        all.reserve(size_t(top_count[t] + n_block));
        for (int32_t i = 0; i < top_count[t]; i++) all.emplace_back(top_value[t * k + i], top_index[t * k + i]);
        for (int64_t j = 0; j < n_block; j++) {
            const float * r = train + j * K;
            float s = 0.0f;
            for (int64_t d = 0; d < K; d++) s += q[d] * r[d];
            all.emplace_back(s, first_index + j);
        }
        const size_t keep = std::min<size_t>(all.size(), size_t(k));
        std::partial_sort(all.begin(), all.begin() + std::ptrdiff_t(keep), all.end(), [](const auto & a, const auto & b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        for (size_t i = 0; i < keep; i++) {
            top_value[t * k + int64_t(i)] = all[i].first;
            top_index[t * k + int64_t(i)] = all[i].second;
        }
        top_count[t] = int32_t(keep);
    }
}

} // namespace rapidun::kernels
