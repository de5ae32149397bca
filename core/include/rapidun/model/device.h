// Where a model's tensors live: the CPU or a CUDA GPU. Torch-free, for the CLI (--device) and the
// studio; core maps it to a torch::Device. The same arithmetic on the CPU gives the same bits
// whichever way the device was named.
#pragma once
#include <string>

namespace rapidun {

struct Device {
    enum class Kind { Auto, Cpu, Cuda };
    Kind kind  = Kind::Auto;   // Auto: cuda:0 where this build's LibTorch has CUDA and a GPU is present, else cpu
    int  index = 0;            // the GPU, for Cuda
    bool operator==(const Device & o) const { return kind == o.kind && (kind != Kind::Cuda || index == o.index); }
};

// "auto", "cpu", "cuda", "cuda:N"; throws naming the text otherwise.
Device      parse_device(const std::string & text);
std::string device_name(const Device & d);   // "auto", "cpu", "cuda:0"
// Auto resolved; a CUDA device this build or machine cannot give is refused with a message
// saying why (a CPU-only LibTorch, no GPU, or fewer GPUs than the index).
Device      resolve_device(const Device & d);
int         cuda_device_count();             // 0 on a CPU-only LibTorch or without a GPU
// What Auto means in this process (the CLI's --device; else $RAPIDUN_DEVICE; else the rule above).
// Checked here, so a GPU that is not there is refused before any work starts.
void        set_default_device(const Device & d);

} // namespace rapidun
