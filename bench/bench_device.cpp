// Prints the figures of one model on one device, for scripts/device-check.sh (a GPU machine) and
// for a CPU comparison: one "key value" line each.
//   gemm_bf16_tflops / gemm_f32_tflops: the device's measured matrix-multiply peak (LibTorch mm,
//       n^3 with n = 8192 on a GPU, 1024 on the CPU, best of 10) in the model's precision
//   influence_samples_per_s, influence_mfu: sketch_gradients over --n random samples of --seq
//       tokens (the second half the answer) with the paper's LoRA (r 16 on the seven projections),
//       K 65,536, micro-batch --batch; MFU = FLOPs / time / peak, FLOPs per sample counted as
//       4 P T (forward 2 P T + backward to the activations 2 P T; P = linear weights + vocab x dim)
//       + 8 L T^2 D (attention, forward and backward), T = --seq
//   unlearn_step_s: one RapidUn step (paper preset: batch 1, a forget pair or a retain row), the
//       mean over --steps steps after one warm-up, monitoring evaluations excluded
//   generate_tokens_per_s: batch 1, greedy, 128 new tokens after a --seq-token prompt
//   peak_rss_mb: the process's peak resident memory (host)
// usage: bench_device MODEL_DIR [--device D] [--bf16] [--seq 256] [--n 32] [--batch 8] [--steps 8]
#include "rapidun/influence/influence.h"
#include "rapidun/model/model.h"
#include "rapidun/unlearn/unlearn.h"

#include <torch/torch.h>

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>

using namespace rapidun;

static double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Best of 10 n^3 products, TFLOP/s, on the model's device and dtype (synchronised by reading back).
static double gemm_peak_tflops(const std::string & device, bool bf16) {
    torch::NoGradGuard ng;
    const bool    gpu = device.rfind("cuda", 0) == 0;
    const int64_t n   = gpu ? 8192 : 1024;
    auto opt = torch::TensorOptions().dtype(bf16 ? torch::kBFloat16 : torch::kFloat32).device(torch::Device(device));
    torch::Tensor a = torch::randn({n, n}, opt), b = torch::randn({n, n}, opt);
    torch::mm(a, b).sum().item<float>();
    double best = 1e30;
    for (int i = 0; i < 10; i++) {
        auto t0 = std::chrono::steady_clock::now();
        torch::Tensor c = torch::mm(a, b);
        c.select(0, 0).select(0, 0).item<float>();
        best = std::min(best, seconds_since(t0));
    }
    return 2.0 * double(n) * n * n / best / 1e12;
}

int main(int argc, char ** argv) {
    std::string dir, device = "auto";
    bool        bf16 = false;
    int64_t     seq = 256, n = 32, batch = 8, steps = 8;
    for (int i = 1; i < argc; i++) {
        auto val = [&]() { return i + 1 < argc ? argv[++i] : (std::fprintf(stderr, "%s needs a value\n", argv[i]), std::exit(2), ""); };
        if (!std::strcmp(argv[i], "--device")) device = val();
        else if (!std::strcmp(argv[i], "--bf16")) bf16 = true;
        else if (!std::strcmp(argv[i], "--seq")) seq = std::atoll(val());
        else if (!std::strcmp(argv[i], "--n")) n = std::atoll(val());
        else if (!std::strcmp(argv[i], "--batch")) batch = std::atoll(val());
        else if (!std::strcmp(argv[i], "--steps")) steps = std::atoll(val());
        else dir = argv[i];
    }
    if (dir.empty()) {
        std::fprintf(stderr, "usage: bench_device MODEL_DIR [--device D] [--bf16] [--seq 256] [--n 32] [--batch 8] [--steps 8]\n");
        return 2;
    }
    try {
        LoadOptions lo;
        lo.precision   = bf16 ? Precision::BF16 : Precision::F32;
        lo.device      = parse_device(device);
        lo.memory_task = "lora-influence";
        std::unique_ptr<Model> model = Model::load(dir, lo);
        const ModelConfig & c = model->info().config;
        std::printf("device %s\nruntime %s\nmodel %s params %lld seq %lld precision %s\n", model->info().device.c_str(),
                    runtime_summary().c_str(), dir.c_str(), (long long)model->info().n_params, (long long)seq,
                    model->info().precision.c_str());
        const double peak = gemm_peak_tflops(model->info().device, bf16);
        std::printf("gemm_%s_tflops %.2f\n", bf16 ? "bf16" : "f32", peak);

        // Random samples: ids in [3, vocab), the second half the answer.
        std::mt19937_64 rng(7);
        auto sample = [&]() {
            TokenizedSample s;
            for (int64_t p = 0; p < seq; p++) {
                s.ids.push_back(p == 0 ? int32_t(c.bos_id) : int32_t(3 + rng() % uint64_t(c.vocab_size - 3)));
                s.answer_mask.push_back(p >= seq / 2);
            }
            s.n_prompt = int32_t(seq / 2);
            s.n_answer = int32_t(seq - seq / 2);
            return s;
        };
        std::vector<TokenizedSample> samples;
        for (int64_t i = 0; i < n; i++) samples.push_back(sample());

        // Influence: LoRA sketches.
        model->attach_lora(LoraSettings{});
        InfluenceOptions io;
        io.params     = ParamSet::Lora;
        io.batch_size = int32_t(batch);
        RapidGradSketch sk = make_sketch(*model, io);
        sketch_gradients(*model, std::vector<TokenizedSample>(samples.begin(), samples.begin() + std::min<int64_t>(batch, n)), io, sk);
        auto t0 = std::chrono::steady_clock::now();
        sketch_gradients(*model, samples, io, sk);
        const double t_inf = seconds_since(t0);
        const double P = double(model->info().n_params - (c.tie_embeddings ? 0 : c.vocab_size * c.dim)) ;   // linear + vocab x dim
        const double flops = (4.0 * P * seq + 8.0 * c.n_layers * double(seq) * seq * c.dim) * n;
        std::printf("influence_samples_per_s %.2f\ninfluence_mfu %.3f\n", n / t_inf, flops / t_inf / (peak * 1e12));
        model->detach_lora();

        // Unlearning: RapidUn steps at the paper's preset, no monitoring evaluations in the time.
        UnlearnSet set;
        for (int64_t i = 0; i < 4; i++) set.forget.push_back({"f" + std::to_string(i), sample(), sample()});
        for (int64_t i = 0; i < 12; i++) set.retain.push_back({"r" + std::to_string(i), sample(), {}});
        UnlearnOptions uo;
        uo.max_steps     = steps + 1;
        uo.eval_every    = 0;
        uo.eval_max_rows = 1;
        auto t1 = std::chrono::steady_clock::now();
        UnlearnResult ur = run_unlearning(*model, set, uo, std::vector<double>(4, 1.0), std::vector<double>(12, 1.0));
        const double t_unl = seconds_since(t1) - ur.eval_seconds;
        std::printf("unlearn_step_s %.4f\n", t_unl / double(steps + 1));
        model->detach_lora();

        // Generation: batch 1, greedy.
        GenerateOptions go;
        go.max_new_tokens = 128;
        go.stop_ids       = {-1};   // never stops early: 128 tokens every time
        std::vector<int32_t> prompt = sample().ids;
        model->generate({prompt}, go);
        auto t2 = std::chrono::steady_clock::now();
        auto out = model->generate({prompt}, go);
        std::printf("generate_tokens_per_s %.1f\n", double(out[0].size()) / seconds_since(t2));

        struct rusage ru {};
        getrusage(RUSAGE_SELF, &ru);
        std::printf("peak_rss_mb %.0f\n", ru.ru_maxrss / 1024.0);
    } catch (const std::exception & e) {
        std::fprintf(stderr, "bench_device: %s\n", e.what());
        return 1;
    }
    return 0;
}
