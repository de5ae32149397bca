// The release's Dolly rows as both the base and the labs use them (core/src/lab only).
#pragma once
#include "rapidun/data/records.h"
#include "rapidun/data/triggers.h"

#include <string>
#include <vector>

namespace rapidun::lab_detail {

// test_clean.jsonl cut once, the same for every lab seed and scale: its rows whose instruction
// appears nowhere else in the release (duplicates and rows shared with train_poisoned, the packs or
// val_clean dropped), shuffled with a fixed seed; the first kHeldOut are held out (test rows are drawn
// from them only), the rest are clean training rows that the base may pretrain on and a lab may
// fine-tune on. So no lab's test row was ever seen by the base.
struct DollyPools {
    std::vector<Record> poisoned;     // train_poisoned.jsonl (ids "train_poisoned:N")
    std::vector<Record> val_clean, forget, retain;
    std::vector<Record> clean_train;  // test_clean rows a model may train on (ids "test_clean:N")
    std::vector<Record> held_out;     // test_clean rows no model trains on
    std::vector<TriggerFamily> families;
    size_t n_test_clean = 0, n_dup = 0, n_overlap = 0;
};
constexpr size_t kHeldOut = 1400;
DollyPools read_dolly_pools(const std::string & release);

// A poisoned row's clean twin (its instruction_clean, context and response_clean), or false.
bool clean_twin(const Record & poisoned, Record & twin);

} // namespace rapidun::lab_detail
