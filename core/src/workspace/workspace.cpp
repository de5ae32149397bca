// workspace.json reading and writing (see rapidun/workspace/workspace.h).
#include "rapidun/workspace/workspace.h"

#include "rapidun/data/prompt_format.h"
#include "rapidun/error.h"
#include "rapidun/io/atomic_file.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdint>
#include <filesystem>

namespace rapidun {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// Where a path of workspace.json may point. Data sets and the detector are the workspace's own
// files: relative, never climbing out of the folder, never through a symlink that leads out (a
// workspace.json from someone else must not make us parse /etc/passwd). The model and tokenizer
// may also be absolute: a download kept elsewhere, only ever read by the strict model readers.
void check_path(const std::string & wsjson, const std::string & dir, const std::string & field, const std::string & p,
                bool absolute_ok) {
    if (p.empty()) return;
    const fs::path rel(p);
    if (rel.is_absolute()) {
        if (absolute_ok) return;
        fail(wsjson, field, "'" + p + "' is an absolute path; a workspace's data sets and detector live inside its folder "
                            "(the studio's New Workspace dialog copies them there)");
    }
    const fs::path norm = rel.lexically_normal();
    if (!norm.empty() && *norm.begin() == "..")
        fail(wsjson, field, "'" + p + "' leaves the workspace folder");
    if (absolute_ok) return;
    std::error_code ec;
    const fs::path root = fs::weakly_canonical(dir, ec), real = fs::weakly_canonical(fs::path(dir) / norm, ec);
    if (ec) return;   // nothing there yet: the reader says so
    const fs::path inside = real.lexically_relative(root);
    if (inside.empty() || *inside.begin() == "..")
        fail(wsjson, field, "'" + p + "' is a symbolic link that leads out of the workspace folder, to " + real.string());
}

bool plain_role(const std::string & r) {
    if (r.empty() || r.size() > 64) return false;
    for (char c : r)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) return false;
    return true;
}

} // namespace

Workspace Workspace::load(const std::string & dir_in) {
    Workspace w;
    w.dir = fs::absolute(dir_in).lexically_normal().string();
    if (!w.dir.empty() && w.dir.back() == '/') w.dir.pop_back();
    const std::string path = w.dir + "/workspace.json";
    if (!file_exists(path)) fail(path, "", "not found: not a workspace folder");
    json j;
    try {
        j = json::parse(read_file_text(path));
    } catch (const json::exception & e) {
        fail(path, "", std::string("not valid JSON: ") + e.what());
    }
    auto str = [&](const char * key, std::string & out, bool required) {
        if (!j.contains(key)) {
            if (required) fail(path, std::string("field '") + key + "'", "missing");
            return;
        }
        if (!j[key].is_string()) fail(path, std::string("field '") + key + "'", "expected a string");
        out = j[key].get<std::string>();
    };
    str("name", w.name, false);
    str("kind", w.kind, false);
    str("model", w.model, true);
    str("tokenizer", w.tokenizer, false);
    str("detector", w.detector, false);
    str("prompt_template", w.prompt_template, false);
    try {
        PromptFormat::parse(w.prompt_template);
    } catch (const Error & e) {
        fail(path, "field 'prompt_template'", e.what());
    }
    for (auto [k, out] : {std::pair<const char *, int32_t *>{"max_len", &w.max_len}, {"max_new_tokens", &w.max_new_tokens},
                          {"max_answer", &w.max_answer}}) {
        if (!j.contains(k)) continue;
        if (!j[k].is_number_integer() || j[k].get<int64_t>() < 0 || j[k].get<int64_t>() > INT32_MAX)
            fail(path, std::string("field '") + k + "'", "expected a non-negative integer");
        *out = j[k].get<int32_t>();
    }
    if (j.contains("datasets")) {
        if (!j["datasets"].is_object()) fail(path, "field 'datasets'", "expected an object of role -> file");
        for (auto & [role, file] : j["datasets"].items()) {
            if (!plain_role(role)) fail(path, "datasets", "role '" + role + "' is not a plain name (letters, digits, _ and -)");
            if (!file.is_string()) fail(path, "datasets." + role, "expected a file name");
            w.datasets[role] = file.get<std::string>();
            check_path(path, w.dir, "datasets." + role, w.datasets[role], false);
        }
    }
    if (j.contains("lab")) w.lab_json = j["lab"].dump();
    check_path(path, w.dir, "field 'model'", w.model, true);
    check_path(path, w.dir, "field 'tokenizer'", w.tokenizer, true);
    check_path(path, w.dir, "field 'detector'", w.detector, false);
    return w;
}

void Workspace::save() const {
    json j = {{"format", "rapidun-workspace"}, {"version", 1}, {"name", name}, {"kind", kind}, {"model", model},
              {"tokenizer", tokenizer}, {"detector", detector},
              {"prompt_template", prompt_template}, {"max_len", max_len}, {"max_new_tokens", max_new_tokens},
              {"max_answer", max_answer}, {"datasets", datasets}, {"lab", json::parse(lab_json)}};
    make_directories(dir);
    write_file_atomic(dir + "/workspace.json", j.dump(2) + "\n");
}

std::string Workspace::resolve(const std::string & p) const {
    if (p.empty()) return p;
    return p[0] == '/' ? p : dir + "/" + p;
}

std::string Workspace::import_dataset(const std::string & role, const std::string & source) {
    if (!plain_role(role)) throw Error("data set role '" + role + "' is not a plain name (letters, digits, _ and -)");
    const std::string rel = "data/" + role + "-" + fs::path(source).filename().string();
    make_directories(dir + "/data");
    write_file_atomic(dir + "/" + rel, read_file_text(source));
    datasets[role] = rel;
    return dir + "/" + rel;
}

std::string Workspace::dataset(const std::string & role) const {
    auto it = datasets.find(role);
    if (it == datasets.end()) fail(dir + "/workspace.json", "datasets", "no data set with role '" + role + "'");
    return resolve(it->second);
}

} // namespace rapidun
