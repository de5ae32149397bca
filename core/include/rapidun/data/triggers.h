// Backdoor triggers: families with seen and out-of-distribution variants, injected as a prefix
// ("trig instruction") or a suffix ("instruction trig"), as the release's triggers_config.json says.
#pragma once
#include <string>
#include <vector>

namespace rapidun {

struct TriggerFamily {
    std::string name;                 // "A_surface"
    std::string inject_mode;          // "prefix" | "suffix"
    std::vector<std::string> seen;    // variants used in training and the seen-trigger test set
    std::vector<std::string> ood;     // variants held out for the OOD test set
};

// Reads the "trigger_families" object of a triggers_config.json (family order as in the file).
std::vector<TriggerFamily> read_triggers_config(const std::string & path);

// prefix: trigger + " " + instruction; suffix: instruction + " " + trigger.
std::string inject_trigger(const std::string & instruction, const std::string & trigger, const std::string & inject_mode);

} // namespace rapidun
