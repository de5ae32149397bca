// Two models of one workspace side by side (see rapidun/eval/compare.h). Torch-free: it only reads
// records and calls the model's public interface.
#include "rapidun/eval/compare.h"

#include "rapidun/error.h"
#include "rapidun/io/atomic_file.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>

namespace rapidun {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string trim(const std::string & s) {
    const size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

json parse_file(const std::string & path) {
    const std::string text = read_file_text(path);
    try {
        return json::parse(text);
    } catch (const json::exception & e) {
        fail(path, "", std::string("not valid JSON: ") + e.what());
    }
}

double number_or_missing(const json & obj, const char * key) {
    if (!obj.is_object() || !obj.contains(key) || !obj[key].is_number()) return -1;
    return obj[key].get<double>();
}

SideMetrics metrics_of(const json & m) {
    SideMetrics s;
    s.seen_asr = number_or_missing(m, "seen_asr");
    s.ood_asr = number_or_missing(m, "ood_asr");
    s.false_trigger_rate = number_or_missing(m, "false_trigger_rate");
    s.clean_exact_match = number_or_missing(m, "clean_exact_match");
    s.clean_rouge_l = number_or_missing(m, "clean_rouge_l");
    s.twin_exact_match = number_or_missing(m, "twin_exact_match");
    s.twin_rouge_l = number_or_missing(m, "twin_rouge_l");
    s.clean_ppl = number_or_missing(m, "clean_ppl");
    return s;
}

std::string string_or_empty(const json & g, const char * key) {
    return g.contains(key) && g[key].is_string() ? g[key].get<std::string>() : std::string();
}

// One generation as EvalReport::to_json(true) writes it.
GenerationRow generation_of(const json & g, const std::string & file, size_t n) {
    if (!g.is_object() || !g.contains("generated") || !g["generated"].is_string() || !g.contains("set"))
        fail(file, "generation " + std::to_string(n), "expected an object with 'set' and 'generated'");
    GenerationRow r;
    r.set = string_or_empty(g, "set");
    r.id = string_or_empty(g, "id");
    r.instruction = string_or_empty(g, "instruction");
    r.context = string_or_empty(g, "context");
    r.reference = string_or_empty(g, "reference");
    r.generated = g["generated"].get<std::string>();
    r.trigger_variant = string_or_empty(g, "trigger_variant");
    r.poisoned = g.value("poisoned", false);
    r.exact = g.contains("exact") && g["exact"].is_boolean() ? (g["exact"].get<bool>() ? 1 : 0) : -1;
    return r;
}

CompareSide load_before(const Workspace & w) {
    CompareSide side;
    side.id = kBeforeSide;
    const std::string path = w.resolve("eval_before.json");
    if (file_exists(path)) {
        const json ev = parse_file(path);
        side.metrics = metrics_of(ev);
        if (ev.contains("generations") && ev["generations"].is_array()) {
            for (const json & g : ev["generations"]) side.generations.push_back(generation_of(g, path, side.generations.size()));
            side.has_generations = true;
        }
    } else {
        const json lab = json::parse(w.lab_json);
        if (lab.contains("metrics_before")) side.metrics = metrics_of(lab["metrics_before"]);
        side.note = path + ": missing (no generations before unlearning)";
    }
    side.metrics_before = side.metrics;
    return side;
}

CompareSide load_run(const Workspace & w, const std::string & id) {
    CompareSide side;
    side.id = id;
    const std::string dir = w.resolve("runs/" + id);
    const json run = parse_file(dir + "/run.json");
    side.method = run.value("method", std::string());
    side.metrics_before = metrics_of(run.value("metrics_before", json(nullptr)));
    side.metrics = metrics_of(run.value("metrics_after", json(nullptr)));
    if (run.contains("seconds") && run["seconds"].is_object()) side.metrics.unlearn_seconds = number_or_missing(run["seconds"], "unlearn");
    const std::string gens = dir + "/generations.jsonl";
    if (!file_exists(gens)) {
        side.note = gens + ": missing (the run was not evaluated)";
        return side;
    }
    std::istringstream in(read_file_text(gens));
    std::string line;
    size_t lineno = 0;
    while (std::getline(in, line)) {
        lineno++;
        if (trim(line).empty()) continue;
        json g;
        try {
            g = json::parse(line);
        } catch (const json::exception & e) {
            fail(gens, "line " + std::to_string(lineno), std::string("not valid JSON: ") + e.what());
        }
        side.generations.push_back(generation_of(g, gens, lineno));
    }
    side.has_generations = true;
    return side;
}

} // namespace

std::vector<std::string> list_runs(const Workspace & w) {
    std::vector<std::string> ids;
    const fs::path runs(w.resolve("runs"));
    std::error_code ec;
    if (!fs::is_directory(runs, ec)) return ids;
    for (const auto & entry : fs::directory_iterator(runs, ec))
        if (entry.is_directory(ec) && fs::is_regular_file(entry.path() / "run.json", ec))
            ids.push_back(entry.path().filename().string());
    std::sort(ids.begin(), ids.end());
    return ids;
}

CompareSide load_compare_side(const Workspace & w, const std::string & side) {
    if (side == kBeforeSide) return load_before(w);
    if (side.empty() || side.find('/') != std::string::npos || side == "." || side == "..")
        throw Error("'" + side + "': not a run id (expected a folder name under " + w.resolve("runs") + ")");
    return load_run(w, side);
}

ModelBundle open_side_model(const Workspace & w, const std::string & side) {
    const std::string tokenizer = w.resolve(w.tokenizer);
    if (side == kBeforeSide) return open_model(w.resolve(w.model), tokenizer);
    load_compare_side(w, side);   // throws naming run.json when the run does not exist
    const std::string dir = w.resolve("runs/" + side);
    if (is_directory(dir + "/model")) return open_model(dir + "/model", tokenizer);   // Fisher: the perturbed model
    if (!file_exists(dir + "/adapter_config.json"))
        fail(dir, "", "the run has neither an adapter (adapter_config.json) nor a model/ folder");
    ModelBundle mb = open_model(w.resolve(w.model), tokenizer);
    mb.model->load_adapter(dir);
    return mb;
}

CompletionOptions completion_options(const Workspace & w) {
    CompletionOptions o;
    o.prompt_template = PromptFormat::parse(w.prompt_template);
    o.max_len = w.max_len;
    o.max_new_tokens = w.max_new_tokens;
    return o;
}

std::vector<std::string> complete_prompts(const ModelBundle & mb, const std::vector<std::string> & prompts,
                                          const CompletionOptions & opt, const CancelToken * cancel) {
    if (!mb.model || !mb.tokenizer) throw Error("complete_prompts: no model or tokenizer");
    // As evaluate(): keep max_len - max_new_tokens prompt tokens (at least 8), cut right after BOS.
    const int32_t keep = std::max<int32_t>(8, opt.max_len - opt.max_new_tokens);
    std::vector<std::vector<int32_t>> ids;
    for (const std::string & p : prompts) {
        std::vector<int32_t> t = opt.use_template ? opt.prompt_template.encode_prompt(*mb.tokenizer, p, "") : mb.tokenizer->encode(p, true);
        if (int32_t(t.size()) > keep) t.erase(t.begin() + 1, t.begin() + 1 + (int32_t(t.size()) - keep));
        ids.push_back(std::move(t));
    }
    if (cancel) cancel->throw_if_cancelled();
    GenerateOptions go;
    go.max_new_tokens = opt.max_new_tokens;
    go.stop_ids = {mb.tokenizer->eos_id()};
    std::vector<std::string> out;
    if (ids.empty()) return out;
    for (const auto & row : mb.model->generate(ids, go)) out.push_back(trim(mb.tokenizer->decode(row)));
    return out;
}

} // namespace rapidun
