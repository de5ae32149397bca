// LoRA adapters on the model's linear layers, and their files in PEFT's layout
// (adapter_config.json + adapter_model.safetensors) so adapters move between here and PEFT.
#include "model/model_impl.h"
#include "rapidun/error.h"
#include "rapidun/io/atomic_file.h"
#include "rapidun/io/safetensors.h"
#include "rapidun/train/adapter_config.h"

#include <ATen/CPUGeneratorImpl.h>
#include <nlohmann/json.hpp>

#include <cmath>

namespace rapidun {

using torch::Tensor;
using nlohmann::json;

namespace {

// Every (PEFT module path, layer) pair of the model, in layer order. Paths are PEFT's names
// without the "base_model.model." prefix, e.g. "model.layers.3.mlp.down_proj".
std::vector<std::pair<std::string, LoraLinear>> linear_layers(LlamaForCausalLM & net) {
    std::vector<std::pair<std::string, LoraLinear>> out;
    for (size_t i = 0; i < net->model->layer_list.size(); i++) {
        auto & layer = net->model->layer_list[i];
        const std::string p = "model.layers." + std::to_string(i) + ".";
        out.push_back({p + "self_attn.q_proj", layer->self_attn->q_proj});
        out.push_back({p + "self_attn.k_proj", layer->self_attn->k_proj});
        out.push_back({p + "self_attn.v_proj", layer->self_attn->v_proj});
        out.push_back({p + "self_attn.o_proj", layer->self_attn->o_proj});
        out.push_back({p + "mlp.gate_proj", layer->mlp->gate_proj});
        out.push_back({p + "mlp.up_proj", layer->mlp->up_proj});
        out.push_back({p + "mlp.down_proj", layer->mlp->down_proj});
    }
    return out;
}

std::string short_name(const std::string & path) { return path.substr(path.rfind('.') + 1); }

bool targeted(const LoraSettings & s, const std::string & path) {
    for (auto & t : s.targets)
        if (short_name(path) == t) return true;
    return false;
}

void clear_adapter(LlamaForCausalLM & net) {
    for (auto & [path, lin] : linear_layers(net)) {
        if (lin->lora_merged) throw Error("internal: clearing a merged adapter");
        lin->lora_A = Tensor();
        lin->lora_B = Tensor();
    }
}

const char * kPrefix = "base_model.model.";

} // namespace

void Model::attach_lora(const LoraSettings & s) {
    if (s.r <= 0) throw Error("LoRA: rank r must be positive, got " + std::to_string(s.r));
    for (auto & t : s.targets)
        if (t != "q_proj" && t != "k_proj" && t != "v_proj" && t != "o_proj" && t != "gate_proj" && t != "up_proj" &&
            t != "down_proj")
            throw Error("LoRA: unknown target module '" + t + "' (q_proj k_proj v_proj o_proj gate_proj up_proj down_proj)");
    if (impl_->has_lora) detach_lora();
    torch::NoGradGuard no_grad;
    auto gen = at::make_generator<at::CPUGeneratorImpl>(s.seed);
    for (auto & [path, lin] : linear_layers(impl_->net)) {
        if (!targeted(s, path)) continue;
        const int64_t in = lin->weight.size(1), out = lin->weight.size(0);
        // PEFT: nn.init.kaiming_uniform_(A, a=sqrt(5)) => U(-1/sqrt(in), 1/sqrt(in)); B = 0.
        const double bound = 1.0 / std::sqrt(double(in));
        // Drawn on the host from the seed, so a seed gives the same adapter on every device.
        lin->lora_A       = (torch::rand({s.r, in}, gen, torch::kFloat32) * (2 * bound) - bound).to(lin->weight.device());   // [r, in]
        lin->lora_B       = torch::zeros({out, s.r}, lin->weight.options().dtype(torch::kFloat32));                  // [out, r]
        lin->lora_scaling = s.alpha / s.r;
        lin->lora_dropout = s.dropout;
        lin->lora_merged  = false;
    }
    impl_->lora     = s;
    impl_->has_lora = true;
    impl_->net->fuse_for_inference(true);
}

void Model::detach_lora() {
    if (!impl_->has_lora) return;
    if (impl_->lora_merged) unmerge_lora();
    clear_adapter(impl_->net);
    impl_->has_lora = false;
    impl_->net->fuse_for_inference(true);
}

bool Model::has_lora() const { return impl_->has_lora; }
const LoraSettings & Model::lora_settings() const { return impl_->lora; }

void Model::merge_lora() {
    if (!impl_->has_lora || impl_->lora_merged) return;
    torch::NoGradGuard no_grad;
    for (auto & [path, lin] : linear_layers(impl_->net)) {
        if (!lin->lora_A.defined()) continue;
        lin->weight.add_((torch::matmul(lin->lora_B, lin->lora_A) * lin->lora_scaling).to(lin->weight.scalar_type()));
        lin->lora_merged = true;
    }
    impl_->lora_merged = true;
    impl_->net->fuse_for_inference(true);
}

void Model::unmerge_lora() {
    if (!impl_->has_lora || !impl_->lora_merged) return;
    torch::NoGradGuard no_grad;
    for (auto & [path, lin] : linear_layers(impl_->net)) {
        if (!lin->lora_A.defined()) continue;
        lin->weight.sub_((torch::matmul(lin->lora_B, lin->lora_A) * lin->lora_scaling).to(lin->weight.scalar_type()));
        lin->lora_merged = false;
    }
    impl_->lora_merged = false;
    impl_->net->fuse_for_inference(true);
}

void Model::save_adapter(const std::string & dir) const {
    if (!impl_->has_lora) throw Error("save_adapter: the model has no LoRA adapter");
    make_directories(dir);
    TensorMap tensors;
    auto put = [&](const std::string & name, const Tensor & t) {
        auto holder = std::make_shared<Tensor>(t.detach().to(torch::kFloat32).cpu().contiguous().clone());
        HostTensor ht;
        ht.dtype   = DType::F32;
        ht.shape   = holder->sizes().vec();
        ht.n_bytes = static_cast<size_t>(holder->numel()) * sizeof(float);
        ht.data    = static_cast<const uint8_t *>(holder->data_ptr());
        ht.owner   = holder;
        tensors[name] = ht;
    };
    for (auto & [path, lin] : linear_layers(impl_->net)) {
        if (!lin->lora_A.defined()) continue;
        put(kPrefix + path + ".lora_A.weight", lin->lora_A);
        put(kPrefix + path + ".lora_B.weight", lin->lora_B);
    }
    const LoraSettings & s = impl_->lora;
    json cfg = {{"alpha_pattern", json::object()}, {"auto_mapping", nullptr},
                {"base_model_name_or_path", impl_->info.source}, {"bias", "none"}, {"fan_in_fan_out", false},
                {"inference_mode", true}, {"init_lora_weights", true}, {"layers_pattern", nullptr},
                {"layers_to_transform", nullptr}, {"lora_alpha", s.alpha}, {"lora_dropout", s.dropout},
                {"modules_to_save", nullptr}, {"peft_type", "LORA"}, {"r", s.r}, {"rank_pattern", json::object()},
                {"revision", nullptr}, {"target_modules", s.targets}, {"task_type", "CAUSAL_LM"},
                {"use_dora", false}, {"use_rslora", false}};
    write_safetensors(dir + "/adapter_model.safetensors", tensors, {{"format", "pt"}});
    write_file_atomic(dir + "/adapter_config.json", cfg.dump(2) + "\n");
}

void Model::load_adapter(const std::string & dir) {
    const AdapterConfig ac = read_adapter_config(dir + "/adapter_config.json");
    const LoraSettings & s = ac.lora;
    const bool rslora = ac.rslora;

    const std::string st_path = dir + "/adapter_model.safetensors";
    SafetensorsFile st = read_safetensors(st_path);
    // PEFT writes "<prefix><module>.lora_A.weight"; unsaved state dicts carry ".default" too.
    auto find = [&](const std::string & path, const char * ab) -> const HostTensor * {
        for (std::string name : {kPrefix + path + "." + ab + ".weight", kPrefix + path + "." + ab + ".default.weight"}) {
            auto it = st.tensors.find(name);
            if (it != st.tensors.end()) return &it->second;
        }
        return nullptr;
    };
    if (impl_->has_lora) detach_lora();
    torch::NoGradGuard no_grad;
    int n_loaded = 0;
    for (auto & [path, lin] : linear_layers(impl_->net)) {
        const HostTensor * a = find(path, "lora_A");
        const HostTensor * b = find(path, "lora_B");
        if (!a && !b) continue;   // layers_to_transform may leave layers out
        if (!a || !b) fail(st_path, path, "has only one of lora_A / lora_B");
        auto to_tensor = [&](const HostTensor & h, std::vector<int64_t> want, const char * what) {
            if (h.shape != want)
                fail(st_path, path + "." + what, "shape does not match the model (rank " + std::to_string(s.r) + ")");
            return torch::from_blob(const_cast<uint8_t *>(h.data), h.shape, to_torch(h.dtype)).to(torch::kFloat32).clone().to(lin->weight.device());
        };
        lin->lora_A       = to_tensor(*a, {s.r, lin->weight.size(1)}, "lora_A");
        lin->lora_B       = to_tensor(*b, {lin->weight.size(0), s.r}, "lora_B");
        lin->lora_scaling = rslora ? s.alpha / std::sqrt(double(s.r)) : s.alpha / s.r;
        lin->lora_dropout = s.dropout;
        lin->lora_merged  = false;
        n_loaded++;
    }
    if (n_loaded == 0) fail(st_path, "", "no LoRA tensor matches a linear layer of this model");
    impl_->lora     = s;
    impl_->has_lora = true;
    impl_->net->fuse_for_inference(true);
}

} // namespace rapidun
