// A PEFT adapter's adapter_config.json, read without LibTorch (Model::load_adapter loads the
// tensors; the fuzz target feeds this reader directly).
#pragma once
#include "rapidun/model/model.h"

#include <string>

namespace rapidun {

struct AdapterConfig {
    LoraSettings lora;            // r, lora_alpha, lora_dropout, target_modules
    bool         rslora = false;  // use_rslora: scaling alpha / sqrt(r) instead of alpha / r
};

// Reads and checks <path>: a LORA adapter (no DoRA, no fan_in_fan_out, no per-module ranks), r >= 1,
// a finite alpha, dropout in [0, 1), target_modules a name or a list of names. Throws Error naming
// the file and the field.
AdapterConfig read_adapter_config(const std::string & path);

} // namespace rapidun
