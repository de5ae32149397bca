// adapter_config.json (see rapidun/train/adapter_config.h). Torch-free.
#include "rapidun/train/adapter_config.h"

#include "rapidun/error.h"
#include "rapidun/io/atomic_file.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace rapidun {

using nlohmann::json;

AdapterConfig read_adapter_config(const std::string & path) {
    json cfg;
    try {
        cfg = json::parse(read_file_text(path));
    } catch (const json::exception & e) {
        fail(path, "", std::string("not valid JSON: ") + e.what());
    }
    if (!cfg.is_object()) fail(path, "", "expected a JSON object");
    auto need = [&](const char * key) -> const json & {
        if (!cfg.contains(key)) fail(path, std::string("field '") + key + "'", "missing");
        return cfg[key];
    };
    // A flag PEFT writes as a boolean (or null); anything else is a damaged file, not "false".
    auto flag = [&](const char * key) {
        if (!cfg.contains(key) || cfg[key].is_null()) return false;
        if (!cfg[key].is_boolean()) fail(path, std::string("field '") + key + "'", std::string("expected true or false, got ") + cfg[key].type_name());
        return cfg[key].get<bool>();
    };
    if (need("peft_type") != "LORA") fail(path, "field 'peft_type'", "only LORA adapters are supported");
    if (flag("use_dora")) fail(path, "field 'use_dora'", "DoRA adapters are not supported");
    if (flag("fan_in_fan_out")) fail(path, "field 'fan_in_fan_out'", "only false is supported (Llama)");
    for (const char * k : {"rank_pattern", "alpha_pattern"})
        if (cfg.contains(k) && cfg[k].is_object() && !cfg[k].empty())
            fail(path, std::string("field '") + k + "'", "per-module ranks are not supported");
    AdapterConfig a;
    LoraSettings & s = a.lora;
    try {
        s.r       = need("r").get<int32_t>();
        s.alpha   = need("lora_alpha").get<double>();
        s.dropout = cfg.contains("lora_dropout") && !cfg["lora_dropout"].is_null() ? cfg["lora_dropout"].get<double>() : 0.0;
        const json & tm = need("target_modules");
        s.targets = tm.is_string() ? std::vector<std::string>{tm.get<std::string>()} : tm.get<std::vector<std::string>>();
    } catch (const json::exception & e) {
        fail(path, "", std::string("wrong type: ") + e.what());
    }
    if (s.r < 1) fail(path, "field 'r'", "the rank must be at least 1, got " + std::to_string(s.r));
    if (!std::isfinite(s.alpha)) fail(path, "field 'lora_alpha'", "not a finite number");
    if (!(s.dropout >= 0 && s.dropout < 1)) fail(path, "field 'lora_dropout'", "must be in [0, 1)");
    if (s.targets.empty()) fail(path, "field 'target_modules'", "names no module");
    a.rslora = flag("use_rslora");
    return a;
}

} // namespace rapidun
