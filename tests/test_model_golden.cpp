// Model goldens: our forward and greedy generation against HF transformers (PyPI, with torch) on
// random-weight models of each family, written by scripts/make_random_model.py:
//   llama3-tiny   Llama 3.2 layout: rope_scaling llama3, tied head, two EOS ids
//   qwen2-tiny    Qwen2: q/k/v biases, untied head
//   mistral-tiny  Mistral: a sliding window of 8 positions, GQA 4:1
// Logits of a 40-token prompt within 1e-4 (f32), and greedy continuations of three prompts run as
// one batch (left and right padding) identical to transformers' generate() on each prompt alone.
// Skips with a message when the reference (tests/model_reference.py) cannot import torch.
#include "check.h"
#include "reference_python.h"

#include "rapidun/io/atomic_file.h"
#include "rapidun/model/model.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

using namespace rapidun;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const int64_t kVocab = 512;   // the tiny shapes' vocab_size (make_random_model.py)
const int kNew = 20;          // new tokens per prompt: 40 + 20 positions, far past the window of 8

std::string repo_script(const char * name) {
    return (fs::path(RAPIDUN_TEST_SOURCE_DIR).parent_path() / "scripts" / name).string();
}

std::vector<int32_t> random_ids(std::mt19937 & rng, size_t n) {
    std::uniform_int_distribution<int32_t> d(4, int32_t(kVocab - 1));   // 0..3: pad, bos, eos ids
    std::vector<int32_t> v{1};
    while (v.size() < n) v.push_back(d(rng));
    return v;
}

std::string make_model(const std::string & family, int seed) {
    const std::string dir = check::fresh_dir("golden-" + family);
    const std::string cmd = pyref::python() + " " + pyref::shell_quote(repo_script("make_random_model.py")) + " " + family +
                            " " + pyref::shell_quote(dir) + " --dtype f32 --seed " + std::to_string(seed) + " > /dev/null";
    const int rc = std::system(cmd.c_str());
    if (rc != 0 && WEXITSTATUS(rc) == 127) SKIP(pyref::python() + " not found, cannot write the random model");
    CHECK_MSG(rc == 0, cmd + " failed");
    if (rc != 0) throw check::Abort{};
    return dir;
}

struct Reference {
    std::vector<float> logits;                       // [T, V]
    std::vector<std::vector<int32_t>> continuations;
};

Reference reference(const std::string & dir, const std::vector<int32_t> & prompt,
                    const std::vector<std::vector<int32_t>> & prompts, const std::vector<int32_t> & eos) {
    const std::string req = dir + "/request.json", out = dir + "/reference_logits.f32";
    write_file_atomic(req, json{{"prompt", prompt}, {"prompts", prompts}, {"max_new_tokens", kNew}, {"eos", eos}}.dump());
    const auto lines = pyref::run(pyref::script("model_reference.py"),
                                  pyref::shell_quote(dir) + " " + pyref::shell_quote(req) + " " + pyref::shell_quote(out),
                                  "torch and transformers");
    REQUIRE(!lines.empty());
    const json j = json::parse(lines.back());
    Reference r;
    for (const auto & c : j["continuations"]) r.continuations.push_back(c.get<std::vector<int32_t>>());
    std::ifstream in(out, std::ios::binary);
    r.logits.resize(prompt.size() * size_t(kVocab));
    in.read(reinterpret_cast<char *>(r.logits.data()), std::streamsize(r.logits.size() * sizeof(float)));
    REQUIRE(in.gcount() == std::streamsize(r.logits.size() * sizeof(float)));
    std::fprintf(stderr, "  reference: transformers %s, torch %s\n", j["transformers"].get<std::string>().c_str(),
                 j["torch"].get<std::string>().c_str());
    return r;
}

double max_abs_diff(const std::vector<float> & a, const std::vector<float> & b) {
    REQUIRE(a.size() == b.size());
    double m = 0;
    for (size_t i = 0; i < a.size(); i++) m = std::max(m, std::fabs(double(a[i]) - double(b[i])));
    return m;
}

// The same weights under a config.json changed by `edit` (to show the feature under test moves the
// logits far beyond the tolerance, so the comparison could fail without it).
std::string variant(const std::string & dir, const std::string & name, void (*edit)(json &)) {
    const std::string out = check::fresh_dir("golden-" + name);
    fs::copy_file(dir + "/model.safetensors", out + "/model.safetensors");
    json c = json::parse(read_file_text(dir + "/config.json"));
    edit(c);
    write_file_atomic(out + "/config.json", c.dump(2));
    return out;
}

// One family: logits, batched greedy generation with both paddings, and (with `edit`) a variant
// without the feature under test, which must move the logits well past the tolerance.
void golden(const std::string & family, int seed, const std::vector<int32_t> & eos, const char * variant_name = nullptr,
            void (*edit)(json &) = nullptr) {
    const std::string dir = make_model(family, seed);
    std::mt19937 rng(uint32_t(seed) * 7919u);
    const std::vector<int32_t> prompt = random_ids(rng, 40);
    const std::vector<std::vector<int32_t>> prompts = {random_ids(rng, 23), random_ids(rng, 9), random_ids(rng, 2)};
    const Reference ref = reference(dir, prompt, prompts, eos);

    auto model = Model::load(dir);
    CHECK(model->info().config.vocab_size == kVocab);
    const std::vector<float> ours = model->logits(prompt);
    const double diff = max_abs_diff(ours, ref.logits);
    std::fprintf(stderr, "  %s: logits of %zu positions x %lld, max |ours - transformers| = %.3g\n", family.c_str(),
                 prompt.size(), (long long)kVocab, diff);
    CHECK_MSG(diff <= 1e-4, family + ": logits differ from transformers' by " + std::to_string(diff));

    for (PadSide side : {PadSide::Left, PadSide::Right}) {
        GenerateOptions go;
        go.max_new_tokens = kNew;
        go.pad_side = side;
        go.stop_ids = eos;
        const auto got = model->generate(prompts, go);
        for (size_t i = 0; i < prompts.size(); i++) {
            CHECK_MSG(got[i] == ref.continuations[i],
                      family + ": greedy continuation of prompt " + std::to_string(i) + " (" +
                          (side == PadSide::Left ? "left" : "right") + " padding) differs from transformers'");
            CHECK(!got[i].empty());
        }
    }
    std::fprintf(stderr, "  %s: greedy continuations of %zu prompts (up to %d tokens, batched, both paddings) identical\n",
                 family.c_str(), prompts.size(), kNew);

    if (edit) {
        auto other = Model::load(variant(dir, std::string(variant_name), edit));
        const double moved = max_abs_diff(other->logits(prompt), ref.logits);
        std::fprintf(stderr, "  %s: %s moves the logits by %.3g\n", family.c_str(), variant_name, moved);
        CHECK_MSG(moved > 1e-2, family + ": without the feature the logits stay within " + std::to_string(moved));
    }
}

} // namespace

TEST_CASE("Llama 3.2 layout (rope_scaling llama3, tied head) matches transformers") {
    golden("llama3-tiny", 11, {2, 3}, "no-rope-scaling", [](json & c) { c["rope_scaling"] = nullptr; });
}

TEST_CASE("Qwen2 (q/k/v biases) matches transformers") {
    golden("qwen2-tiny", 12, {2});
}

TEST_CASE("Mistral (sliding window) matches transformers") {
    golden("mistral-tiny", 13, {2}, "no-sliding-window", [](json & c) { c["sliding_window"] = nullptr; });
}

RAPIDUN_TEST_MAIN()
