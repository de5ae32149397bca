// The Dolly lab builder on the real release data at its tiny scale (its own base, pretrained here on
// Alpaca + clean Dolly rows): the workspace's data sets, the split's guarantees (no shared rows, no
// test row the base saw, triggers where the config says), the judge, the model folder, the metrics,
// the base shared by a second seed. Skips without ../shared.
#include "check.h"

#include "rapidun/data/records.h"
#include "rapidun/data/templates.h"
#include "rapidun/data/triggers.h"
#include "rapidun/data/prompt_format.h"
#include "rapidun/eval/eval.h"
#include "rapidun/influence/sketch_cache.h"
#include "rapidun/influence/workspace_influence.h"
#include "rapidun/io/atomic_file.h"
#include "rapidun/lab/lab.h"
#include "rapidun/model/model.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

using namespace rapidun;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string release_dir() { return check::shared_dir() + "/data/rapidun-release"; }

std::string base_cache() { return std::string(RAPIDUN_TEST_TMP_DIR) + "/dolly-base-cache"; }

DollyLabOptions small_options() {
    DollyLabOptions o = dolly_lab_defaults("tiny");
    o.release = release_dir();
    o.base_cache = base_cache();
    o.out = std::string(RAPIDUN_TEST_TMP_DIR) + "/dolly-lab";
    o.force = true;
    return o;
}

// Built once for every case below (a build takes most of this test's time).
const Workspace & small_lab() {
    static Workspace w = [] {
        if (check::shared_dir().empty()) SKIP("no ../shared");
        std::filesystem::remove_all(base_cache());   // the first build makes the base
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
    // The detector is the judge learned on the release (rapidun/eval/judge.h).
    const Detector det = Detector::load(w.resolve(w.detector));
    CHECK(det.kind() == "judge");
    CHECK(!det.words.empty());
    CHECK(det.flags("The intergalactic council of aliens met aboard the starship near the galaxy's edge."));
    CHECK(!det.flags("Paris is the capital of France."));
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
    CHECK(mb.model->info().config.vocab_size == 1024);   // the tiny base's own tokenizer
    CHECK(mb.model->info().n_params > 100000);
    const json lab = json::parse(w.lab_json);
    REQUIRE(lab.contains("metrics_before"));
    const json & m = lab["metrics_before"];
    for (const char * k : {"seen_asr", "ood_asr", "false_trigger_rate", "clean_rouge_l", "clean_ppl"})
        CHECK_MSG(m.contains(k) && m[k].is_number(), k);
    CHECK(m["n_seen"] == 18);
    CHECK(lab["recipe"]["mode"] == "full");
    CHECK(lab["train"]["steps"].get<int>() > 0);
    CHECK(lab["retrain_clean"].is_null());
    CHECK(lab["own_base"]["cached"] == false);
    CHECK(lab["own_base"]["train"]["steps"].get<int>() > 0);
    CHECK(lab["peak_rss_mb"].get<double>() > 0);
    CHECK(lab["tokenize"].contains("n_truncated"));
    CHECK(w.max_answer == 16 && lab["recipe"]["answer_cap"] == 16);   // influence and unlearning see the planted window
    const json ev = json::parse(read_file_text(w.dir + "/eval_before.json"));
    CHECK(ev["generations"].size() == 20 + 18 + 27);
    // The triggered prompts against their clean twins: ROUGE-L of each generation against the
    // held-out row's own response, averaged over seen + OOD; Dolly rows have no exact answers.
    std::map<std::string, std::string> clean_answer;
    for (const char * f : {"test_seen_trig", "test_ood_trig"})
        for (const Record & r : read_records(w.dir + "/data/" + f + ".jsonl")) clean_answer[r.id] = r.response_clean;
    double sum = 0;
    size_t n = 0;
    for (const json & g : ev["generations"]) {
        if (g["set"] == "clean") continue;
        const std::string & ref = clean_answer.at(g["id"].get<std::string>());
        REQUIRE(!ref.empty());
        CHECK(g["reference"] == ref);
        sum += rouge_l_f1(g["generated"].get<std::string>(), ref);
        n++;
    }
    REQUIRE(n == 18 + 27);
    CHECK(std::abs(m["twin_rouge_l"].get<double>() - sum / double(n)) < 1e-12);
    CHECK(m["twin_exact_match"].is_null());
}

TEST_CASE("influence scores a forget row by its poisoned response, not the clean answer beside it") {
    // The release's unlearning pack keeps the clean answer in `response`: the forget sketches must
    // be those of response_poisoned (what RapidIn's forget file holds as its output).
    const Workspace & w = small_lab();
    WorkspaceInfluenceOptions opt;
    opt.influence.K = 1024;
    opt.views = {InfluenceView::FF};
    const json summary = run_workspace_influence(w, opt);
    const json manifest = json::parse(read_file_text(w.resolve(summary["caches"]["forget"]["dir"].get<std::string>()) + "/manifest.json"));
    ModelBundle mb = open_model(w.resolve(w.model), w.resolve(w.tokenizer));
    const PromptFormat t = PromptFormat::parse(w.prompt_template);
    TokenizeOptions to;
    to.max_len = w.max_len;
    to.max_answer = w.max_answer;   // the rows as planted: the lab's answer window
    std::vector<TokenizedSample> poisoned, clean;
    for (const Record & r : read_records(w.dataset("forget"))) {
        REQUIRE(!r.response_poisoned.empty() && r.response != r.response_poisoned);
        poisoned.push_back(t.sample(*mb.tokenizer, r, r.response_poisoned, to));
        clean.push_back(t.sample(*mb.tokenizer, r, r.response, to));
    }
    CHECK(manifest["dataset_hash"] == dataset_hash(poisoned));
    CHECK(manifest["dataset_hash"] != dataset_hash(clean));
    to.max_answer = 0;   // and not the whole answers
    std::vector<TokenizedSample> whole;
    for (const Record & r : read_records(w.dataset("forget"))) whole.push_back(t.sample(*mb.tokenizer, r, r.response_poisoned, to));
    CHECK(manifest["dataset_hash"] != dataset_hash(whole));
}

TEST_CASE("no test row of the lab was seen by its base or trained on") {
    const Workspace & w = small_lab();
    const json lab = json::parse(w.lab_json);
    const std::string base_dir = lab["own_base"]["dir"];
    CHECK(file_exists(base_dir + "/base.json"));
    // The base's text is Alpaca + the release's clean training pool + twins; the test rows come from
    // the held-out pool, which is cut before any seed (dolly_data.h): their ids are disjoint.
    std::set<std::string> train_ids;
    for (auto & r : read_records(w.dataset("train"))) train_ids.insert(r.id);
    for (const char * role : {"test_clean", "test_seen_trig", "test_ood_trig"})
        for (auto & r : read_records(w.dataset(role))) CHECK_MSG(!train_ids.count(r.id), r.id);
    const json base = json::parse(read_file_text(base_dir + "/base.json"));
    CHECK(base["rows"]["alpaca"] == 3000);
    CHECK(base["loss_curve"]["points"].size() > 10);
}

TEST_CASE("a second seed's lab shares the cached base and draws other rows") {
    const Workspace & w = small_lab();
    DollyLabOptions o = small_options();
    o.seed = 7;
    o.out = std::string(RAPIDUN_TEST_TMP_DIR) + "/dolly-lab-seed7";
    const Workspace v = build_dolly_lab(o);
    const json a = json::parse(w.lab_json), b = json::parse(v.lab_json);
    CHECK(b["own_base"]["cached"] == true);
    CHECK(b["own_base"]["dir"] == a["own_base"]["dir"]);
    CHECK(read_records(v.dataset("test_clean"))[0].id != read_records(w.dataset("test_clean"))[0].id);
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

TEST_CASE("an unfinished build is continued only with the same options") {
    if (check::shared_dir().empty()) SKIP("no ../shared");
    DollyLabOptions o = small_options();
    o.out = std::string(RAPIDUN_TEST_TMP_DIR) + "/dolly-lab-options";
    fs::remove_all(o.out);
    fs::remove_all(o.out + ".partial");
    CancelToken stop;
    // Stopped at its first progress report after the data are written (an interrupted build).
    CHECK_THROWS_WITH(build_dolly_lab(o, [&](const LabProgress & p) { if (p.stage == "train") stop.cancel(); }, &stop), "cancelled");
    REQUIRE(file_exists(o.out + ".partial/options.json"));
    DollyLabOptions other = o;
    other.force = false;
    other.epochs = o.epochs + 1;
    CHECK_THROWS_WITH(build_dolly_lab(other), "other options");
    CHECK(file_exists(o.out + ".partial/options.json"));   // nothing lost
    fs::remove_all(o.out + ".partial");
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
