// Model's private state, shared by the torch translation units of core (model, train, eval).
#pragma once
#include "model/llama.h"
#include "rapidun/model/model.h"

namespace rapidun {

struct Model::Impl {
    ModelInfo         info;
    LlamaForCausalLM  net{nullptr};
    torch::ScalarType dtype = torch::kFloat32;
    torch::Device     device{torch::kCPU};   // of every parameter, and of every tensor the model's work makes
    LoraSettings      lora;            // valid when has_lora
    bool              has_lora = false;
    bool              lora_merged = false;
};

// The network of a model, for core's training and evaluation code.
inline LlamaForCausalLM & net_of(const Model & m) { return m.impl()->net; }
inline const torch::Device & device_of(const Model & m) { return m.impl()->device; }

torch::Device to_torch(const Device & d);   // d resolved (resolve_device)

} // namespace rapidun
