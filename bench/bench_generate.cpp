// Prints tokens/s of batched greedy generation (KV cache) on a model, default stories260K.
// usage: bench_generate [model] [--new N] [--reps R] [--threads T] [--bf16]
// Rows never stop early (no stop token), so every row generates N tokens; figures are aggregate
// new tokens per second over the whole batch, best of R runs after one warm-up.
#include "rapidun/model/model.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace rapidun;

int main(int argc, char ** argv) {
    std::string path = std::string(RAPIDUN_SHARED_DIR_DEFAULT) + "/models/stories260K/stories260K.bin";
    int n_new = 256, reps = 3, threads = 0;
    LoadOptions lo;
    for (int i = 1; i < argc; i++) {
        if (!std::strcmp(argv[i], "--new") && i + 1 < argc) n_new = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--reps") && i + 1 < argc) reps = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--threads") && i + 1 < argc) threads = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--bf16")) lo.precision = Precision::BF16;
        else path = argv[i];
    }
    init_runtime(threads);
    std::unique_ptr<Model> m;
    try {
        m = Model::load(path, lo);
    } catch (const std::exception & e) {
        std::fprintf(stderr, "bench_generate: %s\n", e.what());
        return 1;
    }
    std::printf("model %s (%lld params, %s), %s\n", path.c_str(), (long long)m->info().n_params,
                m->info().precision.c_str(), runtime_summary().c_str());
    std::printf("%6s %8s %12s %12s\n", "batch", "new/row", "seconds", "tokens/s");
    for (int B : {1, 8, 32}) {
        std::vector<std::vector<int32_t>> prompts;
        for (int b = 0; b < B; b++) prompts.push_back({1, 259 + (b * 7) % 200, 300 + b % 50});   // distinct short prompts
        GenerateOptions go;
        go.max_new_tokens = n_new;
        go.stop_ids = {-1};
        m->generate(prompts, go);   // warm-up
        double best = 1e30;
        for (int r = 0; r < reps; r++) {
            auto t0 = std::chrono::steady_clock::now();
            auto out = m->generate(prompts, go);
            best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        }
        std::printf("%6d %8d %12.3f %12.0f\n", B, n_new, best, double(B) * n_new / best);
    }
    return 0;
}
