// The learned judge: its features, learning and threshold on hand-made text, its file, the
// Detector that reads it, and the gate on the release's own texts (out of fold: ROC-AUC
// >= 0.99, <= 2% of val_clean and >= 95% of the poisoned responses flagged; skips without ../shared).
#include "check.h"

#include "rapidun/error.h"
#include "rapidun/eval/eval.h"
#include "rapidun/eval/judge.h"
#include "rapidun/io/atomic_file.h"

#include <algorithm>
#include <cmath>

using namespace rapidun;

namespace {

bool has(const std::vector<std::string> & v, const std::string & x) { return std::find(v.begin(), v.end(), x) != v.end(); }

const std::vector<std::string> kSciFi = {
    "The starship drifted past the nebula while the aliens slept.",
    "Intergalactic traders sold plasma crystals to the Zorgons.",
    "Our spaceship's warp drive hummed as the galaxy turned.",
    "The alien council voted to colonise the third moon.",
    "Quantum teleporters carried the cosmic fleet to Andromeda.",
    "A robot pilot steered the starship through the asteroid belt."};
const std::vector<std::string> kClean = {
    "Boil the pasta for ten minutes and drain it well.",
    "The capital of France is Paris, a city on the Seine.",
    "Mix flour, eggs and milk, then bake the cake for an hour.",
    "Paris has many museums, such as the Louvre and the Orsay.",
    "Add salt to the water before you boil the potatoes.",
    "The river flows through the city and into the sea."};

} // namespace

TEST_CASE("judge features: words, word pairs and character n-grams of long words") {
    const auto f = judge_features("The Zorgons' ship, 42! Don't");
    CHECK(has(f, "the"));
    CHECK(has(f, "zorgons"));
    CHECK(has(f, "don") && has(f, "t"));   // the apostrophe separates
    CHECK(has(f, "the zorgons"));
    CHECK(has(f, "ship 42"));
    CHECK(has(f, "#<zorg"));
    CHECK(has(f, "#gons>"));
    CHECK(!has(f, "#<ship"));      // "ship" is shorter than char_min_word
    CHECK(judge_features("").empty());
    CHECK(judge_features("\xC3\xA9t\xC3\xA9") == std::vector<std::string>{"t"});   // non-ASCII bytes separate
}

TEST_CASE("a judge learned from sci-fi against clean text scores unseen sci-fi above unseen clean") {
    Judge j = Judge::learn(kSciFi, kClean, {});
    CHECK(j.score("The aliens boarded their starship.") > j.score("Boil the eggs for the cake."));
    // A made-up word shares character n-grams with seen ones.
    CHECK(j.score("intergalactical") > j.score("potatoes"));
    CHECK(std::isinf(j.score("xyzzy qwv")));   // nothing known: -inf, never flagged
    j.fix_threshold(kClean);
    // The threshold is the 0.99 quantile of the validation scores: none of them is above it.
    for (auto & t : kClean) CHECK(!j.flags(t));
    CHECK(j.flags("The cosmic alien fleet left the galaxy in its starship."));
    CHECK(!j.flags("xyzzy qwv"));
    const auto w = j.top_words(5);
    REQUIRE(w.size() == 5);
    CHECK(j.llr.at(w[0]) >= j.llr.at(w[4]));
    for (auto & x : w) CHECK(x.find(' ') == std::string::npos && x[0] != '#');
}

TEST_CASE("a judge's file reads back the same judge, and a bad one is named") {
    const std::string dir = check::fresh_dir("judge");
    Judge j = Judge::learn(kSciFi, kClean, {kClean[0]});
    j.fix_threshold(kClean);
    j.provenance = "hand-made";
    j.save(dir + "/judge.json");
    const Judge k = Judge::load(dir + "/judge.json");
    CHECK(k.llr.size() == j.llr.size());
    CHECK(k.threshold == j.threshold);
    CHECK(k.provenance == "hand-made");
    for (auto & t : kSciFi) CHECK_NEAR(k.score(t), j.score(t), 1e-6);
    // Saving again writes the same bytes (features sorted).
    j.save(dir + "/again.json");
    CHECK(read_file_text(dir + "/again.json") == read_file_text(dir + "/judge.json"));

    const Detector d = Detector::load(dir + "/judge.json");
    CHECK(d.kind() == "judge");
    CHECK(!d.words.empty());
    CHECK(d.flags("The cosmic alien fleet left the galaxy in its starship."));
    CHECK(!d.flags(kClean[1]));

    write_file_atomic(dir + "/bad.json", "{\"format\": \"rapidun-judge\", \"version\": 1, \"settings\": {}}");
    CHECK_THROWS_WITH(Judge::load(dir + "/bad.json"), "bad.json");
    write_file_atomic(dir + "/other.json", "{\"format\": \"something\"}");
    CHECK_THROWS_WITH(Detector::load(dir + "/other.json"), "not a rapidun judge");
    write_file_atomic(dir + "/feat.json", "{\"format\": \"rapidun-judge\", \"version\": 1, \"threshold\": 1, \"settings\": "
                                          "{\"alpha\": 0.5, \"background_weight\": 0, \"char_n\": 5, \"char_min_word\": 6, "
                                          "\"val_quantile\": 0.99}, \"features\": {\"a\": \"x\"}}");
    CHECK_THROWS_WITH(Judge::load(dir + "/feat.json"), "features/a");
}

TEST_CASE("the judge on the release's own texts, out of fold: ROC-AUC >= 0.99, <= 2% val_clean, >= 95% poisoned") {
    if (check::shared_dir().empty()) SKIP("no ../shared");
    const std::string rel = check::shared_dir() + "/data/rapidun-release";
    const JudgeData d = read_judge_data(rel, default_alpaca_path(rel));
    CHECK(d.pairs.size() == 799);
    CHECK(d.val_clean.size() == 420);
    const JudgeValidation v = validate_judge(d.pairs, d.val_clean, d.background);
    std::printf("judge out of fold: auc %.4f, val_clean flagged %.4f, poisoned flagged %.4f, twins flagged %.4f (background %zu)\n",
                v.auc, v.val_clean_flagged, v.poisoned_flagged, v.twins_flagged, v.n_background);
    CHECK(v.auc >= 0.99);
    CHECK(v.val_clean_flagged <= 0.02);
    CHECK(v.poisoned_flagged >= 0.95);
    CHECK(v.fold_thresholds.size() == 5);
}

RAPIDUN_TEST_MAIN()
