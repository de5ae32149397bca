// Trigger families from the release's triggers_config.json, and trigger injection.
#include "rapidun/data/triggers.h"

#include "rapidun/error.h"
#include "rapidun/io/atomic_file.h"

#include <nlohmann/json.hpp>

namespace rapidun {

namespace {

// ordered_json keeps the families in file order, so "family 0" means the same thing to every
// caller (the synthetic lab and the GUI list them in that order).
using ojson = nlohmann::ordered_json;

std::vector<std::string> string_array(const std::string & path, const std::string & place, const ojson & fam,
                                      const char * key, bool required) {
    std::vector<std::string> out;
    const auto it = fam.find(key);
    if (it == fam.end()) {
        if (required) fail(path, place, std::string("missing field '") + key + "'");
        return out;
    }
    if (!it->is_array())
        fail(path, place, std::string("field '") + key + "': expected an array of strings, got " + it->type_name());
    for (size_t i = 0; i < it->size(); ++i) {
        const ojson & v = (*it)[i];
        if (!v.is_string())
            fail(path, place, std::string("field '") + key + "' item " + std::to_string(i) +
                                  ": expected a string, got " + v.type_name());
        out.push_back(v.get<std::string>());
    }
    return out;
}

} // namespace

std::vector<TriggerFamily> read_triggers_config(const std::string & path) {
    const std::string text = read_file_text(path);
    ojson doc;
    try {
        doc = ojson::parse(text);
    } catch (const ojson::exception & e) {
        fail(path, "", std::string("bad JSON: ") + e.what());
    }
    if (!doc.is_object()) fail(path, "", std::string("expected a JSON object, got ") + doc.type_name());
    const auto fams = doc.find("trigger_families");
    if (fams == doc.end()) fail(path, "", "missing object 'trigger_families'");
    if (!fams->is_object())
        fail(path, "", std::string("'trigger_families': expected an object, got ") + fams->type_name());

    std::vector<TriggerFamily> out;
    for (const auto & [name, fam] : fams->items()) {
        const std::string place = "trigger_families." + name;
        if (!fam.is_object()) fail(path, place, std::string("expected an object, got ") + fam.type_name());
        TriggerFamily f;
        f.name = name;
        const auto mode = fam.find("inject_mode");
        if (mode == fam.end()) fail(path, place, "missing field 'inject_mode'");
        if (!mode->is_string())
            fail(path, place, std::string("field 'inject_mode': expected a string, got ") + mode->type_name());
        f.inject_mode = mode->get<std::string>();
        // Checked here, not only at injection time, so a typo shows up when the file is opened.
        if (f.inject_mode != "prefix" && f.inject_mode != "suffix")
            fail(path, place, "inject_mode '" + f.inject_mode + "': expected 'prefix' or 'suffix'");
        f.seen = string_array(path, place, fam, "seen", true);
        // A family without held-out variants is still usable (no OOD test set for it).
        f.ood = string_array(path, place, fam, "ood", false);
        if (f.seen.empty()) fail(path, place, "field 'seen': no trigger variants");
        out.push_back(std::move(f));
    }
    if (out.empty()) fail(path, "", "'trigger_families' is empty");
    return out;
}

// Exactly one space joins trigger and instruction, as the release's generator did. (Its
// train_poisoned rows whose source instruction ended in a space show two spaces before a suffix
// trigger: the generator stripped instruction_clean but not the string it injected into.)
std::string inject_trigger(const std::string & instruction, const std::string & trigger, const std::string & inject_mode) {
    if (inject_mode == "prefix") return trigger + " " + instruction;
    if (inject_mode == "suffix") return instruction + " " + trigger;
    throw Error("inject_mode '" + inject_mode + "': expected 'prefix' or 'suffix'");
}

} // namespace rapidun
