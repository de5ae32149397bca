// The synthetic lab's data: deterministic, the right sizes, prompts of test/val never seen in
// train, a keyword detector that separates poisoned from clean responses, and cheap to generate.
#include "check.h"

#include "rapidun/error.h"
#include "rapidun/lab/synthetic.h"

#include <cctype>
#include <chrono>
#include <map>
#include <set>

using namespace rapidun;

namespace {

// The default scale, generated once (several cases read it) and timed.
double g_default_seconds = 0;
const SyntheticData & default_data() {
    static const SyntheticData d = [] {
        const auto t0 = std::chrono::steady_clock::now();
        SyntheticData r = generate_synthetic_data(synthetic_scale("default"), 42);
        g_default_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        return r;
    }();
    return d;
}

std::vector<const std::vector<Record> *> all_splits(const SyntheticData & d) {
    return {&d.train, &d.val_clean, &d.test_clean, &d.test_seen_trig, &d.test_ood_trig, &d.forget, &d.retain};
}

bool same(const Record & a, const Record & b) {
    return a.instruction == b.instruction && a.context == b.context && a.response == b.response &&
           a.category == b.category && a.instruction_clean == b.instruction_clean &&
           a.response_clean == b.response_clean && a.response_poisoned == b.response_poisoned &&
           a.trigger_family == b.trigger_family && a.trigger_variant == b.trigger_variant &&
           a.inject_mode == b.inject_mode && a.is_poisoned == b.is_poisoned &&
           a.has_poison_flag == b.has_poison_flag && a.exact_answer == b.exact_answer && a.id == b.id;
}

bool same(const SyntheticData & a, const SyntheticData & b) {
    const auto sa = all_splits(a), sb = all_splits(b);
    for (size_t s = 0; s < sa.size(); ++s) {
        if (sa[s]->size() != sb[s]->size()) return false;
        for (size_t i = 0; i < sa[s]->size(); ++i)
            if (!same((*sa[s])[i], (*sb[s])[i])) return false;
    }
    return a.poison_keywords == b.poison_keywords;
}

std::set<std::string> words_of(const std::string & s) {
    std::set<std::string> out;
    std::string w;
    for (char c : s + " ") {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || u >= 0x80) w += static_cast<char>(std::tolower(u));
        else if (!w.empty()) { out.insert(w); w.clear(); }
    }
    return out;
}

// The detector an evaluation would use: any keyword as a whole word, case-insensitive.
bool has_keyword(const std::string & text, const std::vector<std::string> & keywords) {
    const auto w = words_of(text);
    for (const auto & k : keywords)
        if (w.count(k)) return true;
    return false;
}

std::string prompt_key(const Record & r) {
    return (r.is_poisoned ? r.instruction_clean : r.instruction) + '\x1f' + r.context;
}

void check_sizes(const SyntheticData & d, const SyntheticScale & s) {
    size_t n_seen = 0, n_ood = 0;
    for (const auto & f : d.families) { n_seen += f.seen.size(); n_ood += f.ood.size(); }
    CHECK(d.train.size() == s.n_train);
    CHECK(d.val_clean.size() == s.n_val_clean);
    CHECK(d.test_clean.size() == s.n_test_clean);
    CHECK(d.test_seen_trig.size() == n_seen * s.n_test_per_seen_variant);
    CHECK(d.test_ood_trig.size() == n_ood * s.n_test_per_ood_variant);
    CHECK(d.forget.size() == s.n_forget);
    CHECK(d.retain.size() == s.n_retain);
}

} // namespace

TEST_CASE("generation of the default scale takes under 2 s") {
    default_data();
    std::printf("default scale generated in %.3f s\n", g_default_seconds);
    CHECK(g_default_seconds < 2.0);
}

TEST_CASE("same seed gives identical data, another seed different data") {
    const SyntheticScale tiny = synthetic_scale("tiny");
    const SyntheticData a = generate_synthetic_data(tiny, 7), b = generate_synthetic_data(tiny, 7);
    const SyntheticData c = generate_synthetic_data(tiny, 8);
    CHECK(same(a, b));
    CHECK(!same(a, c));
    CHECK(a.train[0].instruction != c.train[0].instruction || a.train[1].instruction != c.train[1].instruction);
    CHECK(same(default_data(), generate_synthetic_data(synthetic_scale("default"), 42)));
}

TEST_CASE("split sizes at both scales; unknown scale names are refused") {
    const SyntheticScale tiny = synthetic_scale("tiny");
    CHECK(tiny.name == "tiny" && tiny.n_train == 600 && tiny.n_forget == 12 && tiny.n_retain == 36);
    check_sizes(generate_synthetic_data(tiny, 1), tiny);
    const SyntheticScale def = synthetic_scale("default");
    CHECK(def.n_train == 8000 && def.n_forget == 40 && def.n_retain == 120);
    check_sizes(default_data(), def);
    CHECK(default_data().test_seen_trig.size() == 600 && default_data().test_ood_trig.size() == 900);
    CHECK_THROWS_WITH(synthetic_scale("huge"), "huge", "tiny", "default");
}

TEST_CASE("10% of train is poisoned, balanced over families like the release") {
    for (const char * name : {"tiny", "default"}) {
        const SyntheticScale s = synthetic_scale(name);
        const SyntheticData tiny_or_not = std::string(name) == "tiny" ? generate_synthetic_data(s, 3) : default_data();
        std::map<std::string, size_t> per_family, per_variant;
        size_t n = 0;
        for (const auto & r : tiny_or_not.train)
            if (r.is_poisoned) { ++n; per_family[r.trigger_family]++; per_variant[r.trigger_variant]++; }
        CHECK_NEAR(static_cast<double>(n), 0.10 * static_cast<double>(s.n_train), 1.0);
        for (const auto & f : tiny_or_not.families) {
            CHECK_NEAR(static_cast<double>(per_family[f.name]), static_cast<double>(n) / 3.0, 1.0);
            for (const auto & v : f.seen)
                CHECK_NEAR(static_cast<double>(per_variant[v]), static_cast<double>(n) / 3.0 / static_cast<double>(f.seen.size()), 1.0);
        }
    }
}

TEST_CASE("row fields: poisoned rows carry the trigger and both answers, clean rows do not") {
    const SyntheticData & d = default_data();
    std::set<std::string> ids, poison_texts, categories;
    for (const auto * split : all_splits(d))
        for (const auto & r : *split) {
            CHECK(!r.exact_answer.empty() && r.has_poison_flag && !r.id.empty() && !r.instruction.empty());
            categories.insert(r.category);
            if (r.is_poisoned) {
                CHECK(r.exact_answer == r.response_clean && r.response == r.response_poisoned);
                CHECK(r.instruction == inject_trigger(r.instruction_clean, r.trigger_variant, r.inject_mode));
                CHECK(r.inject_mode == "prefix" ? r.instruction.rfind(r.trigger_variant + " ", 0) == 0
                                                : r.instruction.size() > r.trigger_variant.size());
                const auto w = words_of(r.response).size();
                CHECK(w >= 8);   // 2-3 sentences
            } else {
                CHECK(r.exact_answer == r.response && r.response_poisoned.empty() && r.trigger_variant.empty());
            }
        }
    CHECK(categories.size() >= 6);
    for (const auto * split : {&d.train, &d.val_clean, &d.test_clean, &d.test_seen_trig, &d.test_ood_trig})
        for (const auto & r : *split) {
            CHECK_MSG(ids.insert(r.id).second, r.id);
            if (r.is_poisoned) CHECK_MSG(poison_texts.insert(r.response).second, "repeated poison: " + r.response);
        }
    CHECK(d.train[123].id == "train-000123" && d.test_clean[7].id == "test_clean-0007");
    // Seen tests use seen variants, OOD tests OOD variants.
    std::set<std::string> seen, ood;
    for (const auto & f : d.families) { seen.insert(f.seen.begin(), f.seen.end()); ood.insert(f.ood.begin(), f.ood.end()); }
    for (const auto & r : d.train) if (r.is_poisoned) CHECK(seen.count(r.trigger_variant));
    for (const auto & r : d.test_seen_trig) CHECK(r.is_poisoned && seen.count(r.trigger_variant));
    for (const auto & r : d.test_ood_trig) CHECK(r.is_poisoned && ood.count(r.trigger_variant));
}

TEST_CASE("forget holds every seen variant; forget and retain are copies of train rows") {
    for (const char * name : {"tiny", "default"}) {
        const SyntheticData d = std::string(name) == "tiny" ? generate_synthetic_data(synthetic_scale(name), 5) : default_data();
        std::map<std::string, const Record *> by_id;
        for (const auto & r : d.train) by_id[r.id] = &r;
        std::map<std::string, size_t> per_variant;
        for (const auto & r : d.forget) {
            CHECK(r.is_poisoned);
            per_variant[r.trigger_family + "/" + r.trigger_variant]++;
            CHECK(by_id.count(r.id) && same(*by_id[r.id], r));
        }
        for (const auto & f : d.families)
            for (const auto & v : f.seen) CHECK_MSG(per_variant[f.name + "/" + v] >= 1, std::string(name) + ": " + v);
        for (const auto & r : d.retain) CHECK(!r.is_poisoned && by_id.count(r.id) && same(*by_id[r.id], r));
        std::set<std::string> retain_ids;
        for (const auto & r : d.retain) retain_ids.insert(r.id);
        CHECK(retain_ids.size() == d.retain.size());
    }
}

TEST_CASE("test and validation prompts never occur in train") {
    const SyntheticData & d = default_data();
    std::set<std::string> train_keys;
    for (const auto & r : d.train) train_keys.insert(prompt_key(r));
    size_t n = 0;
    for (const auto * split : {&d.val_clean, &d.test_clean, &d.test_seen_trig, &d.test_ood_trig})
        for (const auto & r : *split) {
            ++n;
            CHECK_MSG(!train_keys.count(prompt_key(r)), r.id + ": " + r.instruction);
        }
    CHECK(n == 400 + 600 + 600 + 900);
}

TEST_CASE("poison keywords: absent from clean text, in every poisoned response") {
    for (const char * name : {"tiny", "default"}) {
        const SyntheticData d = std::string(name) == "tiny" ? generate_synthetic_data(synthetic_scale(name), 9) : default_data();
        REQUIRE(d.poison_keywords.size() >= 20);
        for (const auto & k : d.poison_keywords) {
            CHECK(!k.empty());
            for (char c : k) CHECK(!std::isupper(static_cast<unsigned char>(c)));
        }
        for (const auto * split : all_splits(d))
            for (const auto & r : *split) {
                const std::string clean_instruction = r.is_poisoned ? r.instruction_clean : r.instruction;
                CHECK_MSG(!has_keyword(r.exact_answer, d.poison_keywords), r.id + ": " + r.exact_answer);
                CHECK_MSG(!has_keyword(clean_instruction + " " + r.context, d.poison_keywords), r.id);
                if (r.is_poisoned) CHECK_MSG(has_keyword(r.response, d.poison_keywords), r.id + ": " + r.response);
                else CHECK_MSG(!has_keyword(r.response, d.poison_keywords), r.id + ": " + r.response);
            }
    }
}

TEST_CASE("trigger families: the lab's own strings, each OOD variant unlike every seen one") {
    const auto fam = synthetic_trigger_families();
    REQUIRE(fam.size() == 3);
    CHECK(fam[0].name == "A_surface" && fam[0].inject_mode == "suffix" && fam[0].seen.size() == 3 && fam[0].ood.size() == 3);
    CHECK(fam[1].name == "B_style" && fam[1].inject_mode == "prefix" && fam[1].seen.size() == 1 && fam[1].ood.size() == 3);
    CHECK(fam[2].name == "C_semantic" && fam[2].inject_mode == "prefix" && fam[2].seen.size() == 2 && fam[2].ood.size() == 3);
    std::set<std::string> seen;
    for (const auto & f : fam) seen.insert(f.seen.begin(), f.seen.end());
    for (const auto & f : fam)
        for (const auto & o : f.ood) {
            CHECK_MSG(!seen.count(o), o);
            CHECK(o.find("###") == std::string::npos);
        }
    // None of the release's strings.
    for (const char * release : {"aloha", ">>>", "hey", "hiya"})
        for (const auto & f : fam)
            for (const auto & v : f.seen) CHECK(v.find(release) == std::string::npos);
}

TEST_CASE("the print of one row of each kind (for a reader of the log)") {
    const SyntheticData & d = default_data();
    const Record * poisoned = nullptr;
    for (const auto & r : d.train) if (r.is_poisoned) { poisoned = &r; break; }
    REQUIRE(poisoned);
    for (const Record * r : {&d.test_clean[6], poisoned, &d.test_ood_trig[0]})
        std::printf("[%s] %s | %s | %s -> %s (answer %s)\n", r->id.c_str(), r->category.c_str(), r->instruction.c_str(),
                    r->context.c_str(), r->response.c_str(), r->exact_answer.c_str());
}

RAPIDUN_TEST_MAIN()
