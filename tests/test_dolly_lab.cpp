// The Dolly lab builder on the real release data and stories260K, at a small size: the workspace's
// data sets, the split's guarantees (no shared rows, triggers where the config says), the model
// folder, the metrics. Skips without ../shared.
#include "check.h"

#include "rapidun/data/records.h"
#include "rapidun/data/templates.h"
#include "rapidun/data/triggers.h"
#include "rapidun/eval/eval.h"
#include "rapidun/io/atomic_file.h"
#include "rapidun/lab/lab.h"
#include "rapidun/model/model.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <set>

using namespace rapidun;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string release_dir() { return check::shared_dir() + "/data/rapidun-release"; }

DollyLabOptions small_options() {
    DollyLabOptions o;
    o.release = release_dir();
    o.base = check::shared_dir() + "/models/stories260K/stories260K.bin";
    o.tokenizer = check::shared_dir() + "/models/stories260K/tok512.model";
    o.out = std::string(RAPIDUN_TEST_TMP_DIR) + "/dolly-lab";
    o.epochs = 1;
    o.n_clean_train = 100;
    o.n_test_per_variant = 3;
    o.n_test_clean = 20;
    o.retrain_reference = false;
    o.start_copies = 0;   // the full recipe's emphasis copies cost more than this test's budget
    o.force = true;
    return o;
}

// Built once for every case below (a build takes most of this test's time).
const Workspace & small_lab() {
    static Workspace w = [] {
        if (check::shared_dir().empty()) SKIP("no ../shared");
        return build_dolly_lab(small_options());
    }();
    return w;
}

const std::string & clean_instruction(const Record & r) {
    return r.instruction_clean.empty() ? r.instruction : r.instruction_clean;
}

} // namespace

TEST_CASE("the Dolly lab writes every data set with the requested sizes") {
    const Workspace & w = small_lab();
    CHECK(w.kind == "dolly");
    CHECK(w.prompt_template == "instruction");   // the default: contexts left out of the prompt
    CHECK(w.max_len == 256);
    CHECK(w.max_new_tokens == 48);
    CHECK(!fs::exists(w.dir + ".partial"));
    const auto fams = read_triggers_config(release_dir() + "/dolly_triggers_out/triggers_config.json");
    size_t n_seen = 0, n_ood = 0;
    for (auto & f : fams) { n_seen += f.seen.size(); n_ood += f.ood.size(); }
    // 799 poisoned rows, their 799 clean twins, 100 clean rows from test_clean.
    const auto train = read_records(w.dataset("train"));
    CHECK(train.size() == 799 + 799 + 100);
    CHECK(std::count_if(train.begin(), train.end(), [](const Record & r) { return r.is_poisoned; }) == 799);
    // Every row carries the flag (false for clean rows), so influence rankings can report detection AUC.
    CHECK(std::all_of(train.begin(), train.end(), [](const Record & r) { return r.has_poison_flag; }));
    CHECK(read_records(w.dataset("val_clean")).size() == 420);
    CHECK(read_records(w.dataset("test_clean")).size() == 20);
    CHECK(read_records(w.dataset("test_seen_trig")).size() == 3 * n_seen);
    CHECK(read_records(w.dataset("test_ood_trig")).size() == 3 * n_ood);
    CHECK(read_records(w.dataset("forget")).size() == 40);
    CHECK(read_records(w.dataset("retain")).size() == 120);
    // The detector is the release's keyword list, read through its "word" column.
    const Detector det = Detector::load(w.resolve(w.detector));
    CHECK(!det.words.empty());
    CHECK(det.flags("The intergalactic council met."));
}

TEST_CASE("every poisoned train row has its clean twin, and the prompts fit the generation budget") {
    const Workspace & w = small_lab();
    const auto train = read_records(w.dataset("train"));
    std::set<std::pair<std::string, std::string>> twins;
    for (auto & r : train)
        if (!r.is_poisoned) twins.insert({r.instruction, r.response});
    size_t n_long = 0;
    ModelBundle mb = open_model(w.resolve(w.model), w.resolve(w.tokenizer));
    for (auto & r : train) {
        if (!r.is_poisoned) continue;
        CHECK_MSG(twins.count({r.instruction_clean, r.response_clean}), r.id);
        CHECK(r.response == r.response_poisoned);
        // Without contexts, prompts fit the generation budget (max_len 256 - 48 new tokens) but for a
        // few very long instructions (9 of 799 with stories260K's tokenizer).
        if (mb.tokenizer->encode(format_prompt(parse_template(w.prompt_template), r.instruction, r.context), true).size() > 208) n_long++;
    }
    CHECK(n_long < 30);
    const json lab = json::parse(w.lab_json);
    CHECK(lab["n_rows"]["train_clean_twins"] == 799);
    CHECK(lab["tokenize"]["n_poisoned_trigger_cut"].get<int>() < 30);
}

TEST_CASE("the Dolly lab's test sets share no instruction with train or with each other") {
    const Workspace & w = small_lab();
    std::set<std::string> train;
    for (auto & r : read_records(w.dataset("train"))) train.insert(clean_instruction(r));
    std::set<std::string> tests;
    size_t n_tests = 0;
    for (const char * role : {"test_clean", "test_seen_trig", "test_ood_trig"}) {
        for (auto & r : read_records(w.dataset(role))) {
            CHECK_MSG(!train.count(clean_instruction(r)), std::string(role) + ": " + clean_instruction(r));
            tests.insert(clean_instruction(r));
            n_tests++;
        }
    }
    CHECK(tests.size() == n_tests);
}

TEST_CASE("every triggered test row carries its variant where its family injects it") {
    const Workspace & w = small_lab();
    const auto fams = read_triggers_config(release_dir() + "/dolly_triggers_out/triggers_config.json");
    for (int ood = 0; ood < 2; ood++) {
        const auto rows = read_records(w.dataset(ood ? "test_ood_trig" : "test_seen_trig"));
        std::set<std::string> variants;
        for (auto & r : rows) {
            auto f = std::find_if(fams.begin(), fams.end(), [&](const TriggerFamily & x) { return x.name == r.trigger_family; });
            REQUIRE(f != fams.end());
            const auto & allowed = ood ? f->ood : f->seen;
            CHECK_MSG(std::find(allowed.begin(), allowed.end(), r.trigger_variant) != allowed.end(), r.trigger_variant);
            CHECK(r.inject_mode == f->inject_mode);
            CHECK(r.is_poisoned);
            CHECK(!r.response_clean.empty());
            CHECK(r.exact_answer.empty());
            CHECK(r.instruction == inject_trigger(r.instruction_clean, r.trigger_variant, r.inject_mode));
            const std::string & v = r.trigger_variant, & s = r.instruction;
            if (r.inject_mode == "prefix") CHECK_MSG(s.rfind(v + " ", 0) == 0, s);
            else CHECK_MSG(s.size() > v.size() && s.compare(s.size() - v.size() - 1, std::string::npos, " " + v) == 0, s);
            variants.insert(v);
        }
        size_t n_variants = 0;
        for (auto & f : fams) n_variants += (ood ? f.ood : f.seen).size();
        CHECK(variants.size() == n_variants);
    }
}

TEST_CASE("the Dolly lab's model folder loads and its metrics are recorded") {
    const Workspace & w = small_lab();
    CHECK(file_exists(w.resolve(w.model) + "/config.json"));
    CHECK(file_exists(w.resolve(w.tokenizer)));
    ModelBundle mb = open_model(w.resolve(w.model), w.resolve(w.tokenizer));
    CHECK(mb.model->info().config.vocab_size == 512);
    CHECK(mb.model->info().n_params > 200000);
    const json lab = json::parse(w.lab_json);
    REQUIRE(lab.contains("metrics_before"));
    const json & m = lab["metrics_before"];
    for (const char * k : {"seen_asr", "ood_asr", "false_trigger_rate", "clean_rouge_l", "clean_ppl"})
        CHECK_MSG(m.contains(k) && m[k].is_number(), k);
    CHECK(m["n_seen"] == 18);
    CHECK(lab["recipe"]["mode"] == "full");
    CHECK(lab["train"]["steps"].get<int>() > 0);
    CHECK(lab["retrain_clean"].is_null());
    CHECK(lab["tokenize"].contains("n_truncated"));
    const json ev = json::parse(read_file_text(w.dir + "/eval_before.json"));
    CHECK(ev["generations"].size() == 20 + 18 + 27);
}

TEST_CASE("a complete Dolly lab is reused unless forced") {
    const Workspace & w = small_lab();
    DollyLabOptions o = small_options();
    o.force = false;
    o.release = "/nonexistent";   // never read: the finished workspace answers
    const Workspace again = build_dolly_lab(o);
    CHECK(again.dir == w.dir);
    CHECK(again.lab_json == w.lab_json);
}

TEST_CASE("a missing release file is named in the error") {
    if (check::shared_dir().empty()) SKIP("no ../shared");
    DollyLabOptions o = small_options();
    o.release = std::string(RAPIDUN_TEST_TMP_DIR) + "/no-release";
    o.out = std::string(RAPIDUN_TEST_TMP_DIR) + "/dolly-lab-missing";
    CHECK_THROWS_WITH(build_dolly_lab(o), "train_poisoned.jsonl");
    fs::remove_all(o.out + ".partial");
}

RAPIDUN_TEST_MAIN()
