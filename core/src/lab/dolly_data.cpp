// The release's Dolly rows cut into pools (see dolly_data.h).
#include "lab/dolly_data.h"

#include "rapidun/data/shuffle.h"
#include "rapidun/error.h"

#include <set>

namespace rapidun::lab_detail {

namespace {

// The split of test_clean is a property of the release, not of a lab: its own seed.
constexpr uint64_t kPoolSeed = 42;

const std::string & clean_instruction(const Record & r) {
    return r.instruction_clean.empty() ? r.instruction : r.instruction_clean;
}

} // namespace

DollyPools read_dolly_pools(const std::string & rel) {
    const std::string dt = rel + "/dolly_triggers_out/", up = rel + "/unlearn_packs/";
    DollyPools p;
    p.poisoned = read_records(dt + "train_poisoned.jsonl");
    for (auto & r : p.poisoned) r.id = "train_poisoned:" + r.id;
    std::vector<Record> test_clean = read_records(dt + "test_clean.jsonl");
    p.val_clean = read_records(dt + "val_clean.jsonl");
    p.forget = read_records(up + "forget_set_supervised.jsonl");
    p.retain = read_records(up + "retain_set.jsonl");
    p.families = read_triggers_config(dt + "triggers_config.json");
    p.n_test_clean = test_clean.size();

    std::set<std::string> used, seen;
    for (auto * rows : {&p.poisoned, &p.forget, &p.retain, &p.val_clean})
        for (auto & r : *rows) used.insert(clean_instruction(r));
    std::vector<Record> pool;
    for (auto & r : test_clean) {
        r.id = "test_clean:" + r.id;
        if (!seen.insert(r.instruction).second) { p.n_dup++; continue; }
        if (used.count(r.instruction)) { p.n_overlap++; continue; }
        pool.push_back(std::move(r));
    }
    if (pool.size() < kHeldOut + 100)
        fail(dt + "test_clean.jsonl", "", "too few usable rows (" + std::to_string(pool.size()) + ") for " +
                                              std::to_string(kHeldOut) + " held out and clean training rows");
    shuffle_seeded(pool, kPoolSeed);
    p.held_out.assign(pool.begin(), pool.begin() + std::ptrdiff_t(kHeldOut));
    p.clean_train.assign(pool.begin() + std::ptrdiff_t(kHeldOut), pool.end());
    return p;
}

bool clean_twin(const Record & r, Record & c) {
    if (r.instruction_clean.empty() || r.response_clean.empty()) return false;
    c = Record{};
    c.id = r.id + ":clean";
    c.instruction = r.instruction_clean;
    c.context = r.context;
    c.response = r.response_clean;
    c.category = r.category;
    return true;
}

} // namespace rapidun::lab_detail
