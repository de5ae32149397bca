// Developer tool (not built by default): op-level profile of batched generation, written as a
// chrome trace and a per-op table. usage: profile_generate MODEL BATCH NEW OUT.json
#include "rapidun/model/model.h"

#include <torch/csrc/autograd/profiler_legacy.h>
#include <torch/torch.h>

#include <cstdio>

int main(int argc, char ** argv) {
    if (argc < 5) return 2;
    rapidun::init_runtime();
    auto m = rapidun::Model::load(argv[1]);
    int B = std::atoi(argv[2]), n = std::atoi(argv[3]);
    std::vector<std::vector<int32_t>> prompts;
    for (int b = 0; b < B; b++) prompts.push_back({1, 259 + b, 300});
    rapidun::GenerateOptions go;
    go.max_new_tokens = n;
    go.stop_ids = {-1};
    m->generate(prompts, go);
    {
        torch::autograd::profiler::RecordProfile guard(argv[4]);
        m->generate(prompts, go);
    }
    std::printf("wrote %s\n", argv[4]);
    return 0;
}
