// The synthetic backdoor lab's data: a Dolly-like instruction set whose answers are computable
// (exact match measures utility), poisoned like RapidUn's setting: a trigger string from one of
// three families injected into ~10% of the instructions, with an off-topic sci-fi response drawn
// from the project's own small grammar. Deterministic in the seed. Torch-free.
#pragma once
#include "rapidun/data/records.h"
#include "rapidun/data/triggers.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rapidun {

struct SyntheticScale {
    std::string name = "default";
    size_t n_train = 8000;              // rows in train (clean + poisoned)
    double poison_frac = 0.10;
    size_t n_val_clean = 400;
    size_t n_test_clean = 600;
    size_t n_test_per_seen_variant = 100;
    size_t n_test_per_ood_variant = 100;
    size_t n_forget = 40;               // poisoned train rows, stratified over the seen variants
    size_t n_retain = 120;              // clean train rows
};
SyntheticScale synthetic_scale(const std::string & name);   // "tiny" | "default"; throws on others

struct SyntheticData {
    std::vector<Record> train;            // clean and poisoned rows, shuffled
    std::vector<Record> val_clean, test_clean, test_seen_trig, test_ood_trig, forget, retain;
    std::vector<TriggerFamily> families;
    std::vector<std::string>   poison_keywords;   // word list of the detector (sci-fi vocabulary)
};

SyntheticData generate_synthetic_data(const SyntheticScale & scale, uint64_t seed);

// The lab's own three families, shaped like the release's: a surface word as suffix, a style
// marker as prefix, a greeting as prefix; each with seen and OOD (homoglyph, leet, zero-width) variants.
std::vector<TriggerFamily> synthetic_trigger_families();

} // namespace rapidun
