// The project's one seeded shuffle. std::shuffle and the std distributions differ between standard
// libraries; a lab, a fold split or a sample order must come out the same wherever it is rebuilt
// from the same seed, so this is Fisher-Yates with a plain modulo draw from mt19937_64.
#pragma once
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace rapidun {

template <class T> void shuffle_with(std::vector<T> & v, std::mt19937_64 & rng) {
    for (size_t i = v.size(); i > 1; i--) std::swap(v[i - 1], v[size_t(rng() % i)]);
}

template <class T> void shuffle_seeded(std::vector<T> & v, uint64_t seed) {
    std::mt19937_64 rng(seed);
    shuffle_with(v, rng);
}

// 0..n-1 in a seeded order.
inline std::vector<size_t> seeded_permutation(size_t n, std::mt19937_64 & rng) {
    std::vector<size_t> v(n);
    for (size_t i = 0; i < n; i++) v[i] = i;
    shuffle_with(v, rng);
    return v;
}

} // namespace rapidun
