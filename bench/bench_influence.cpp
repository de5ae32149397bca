// Prints the influence engine's figures on a workspace (default: the synthetic lab's cache folder):
//  1. this machine's fp32 matrix-multiply peak (LibTorch mm, 1024^3, best of 10);
//  2. per-sample gradients: samples/s of the batched path (one forward+backward per micro-batch)
//     and of the batch-1 autograd::grad loop (both fed the same micro-batches, best of 3), their largest relative difference, and the batched
//     path's GFLOP/s as a fraction of the peak, per parameter set;
//  3. sketch quality: Pearson correlation of sketched against exact inner products on 200 pairs
//     (10 forget rows x 20 train rows), for several K and 20 sketch seeds, per parameter set.
// usage: bench_influence [WORKSPACE] [--n N=64] [--threads T] [--batch B=8]
// FLOPs counted per sample: 6 x (linear weights + vocab x dim) x T for forward + backward (the
// per-sample weight gradients are the backward's weight-gradient products, done per sample) plus
// 12 x layers x T^2 x dim for attention; T = the sample's tokens.
#include "rapidun/data/records.h"
#include "rapidun/data/prompt_format.h"
#include "rapidun/data/templates.h"
#include "rapidun/influence/influence.h"
#include "rapidun/lab/lab.h"
#include "rapidun/model/model.h"
#include "rapidun/workspace/workspace.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace rapidun;

static double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

static double matmul_peak_gflops() {
    torch::NoGradGuard ng;
    const int64_t n = 1024;
    torch::Tensor a = torch::randn({n, n}), b = torch::randn({n, n});
    torch::mm(a, b);
    double best = 1e30;
    for (int r = 0; r < 10; r++) {
        auto t0 = std::chrono::steady_clock::now();
        torch::Tensor c = torch::mm(a, b);
        best = std::min(best, seconds_since(t0));
    }
    return 2.0 * double(n) * n * n / best / 1e9;
}

static double pearson(const std::vector<double> & x, const std::vector<double> & y) {
    const size_t n = x.size();
    double mx = 0, my = 0;
    for (size_t i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
    mx /= double(n); my /= double(n);
    double sxy = 0, sxx = 0, syy = 0;
    for (size_t i = 0; i < n; i++) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / std::sqrt(sxx * syy);
}

int main(int argc, char ** argv) {
    std::string ws = default_synthetic_lab_dir();
    int n = 64, threads = 0, batch = 8;
    for (int i = 1; i < argc; i++) {
        if (!std::strcmp(argv[i], "--n") && i + 1 < argc) n = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--threads") && i + 1 < argc) threads = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--batch") && i + 1 < argc) batch = std::atoi(argv[++i]);
        else ws = argv[i];
    }
    init_runtime(threads);
    try {
        const Workspace w = Workspace::load(ws);
        ModelBundle mb = open_model(w.resolve(w.model), w.resolve(w.tokenizer));
        const ModelConfig & c = mb.model->info().config;
        TokenizeOptions to;
        to.max_len = w.max_len;
        const PromptTemplate t = parse_template(w.prompt_template);
        auto load = [&](const std::string & role, size_t count) {
            std::vector<Record> rows = read_records(w.dataset(role));
            rows.resize(std::min(rows.size(), count));
            return tokenize_records(*mb.tokenizer, rows, t, to);
        };
        const std::vector<TokenizedSample> train = load("train", size_t(n));
        double flops = 0;
        int64_t n_tok = 0;
        const double linear = double(c.n_layers) * double(c.dim * (c.n_heads + 2 * c.n_kv_heads) * c.head_dim +
                                                          c.n_heads * c.head_dim * c.dim + 3 * c.dim * c.hidden_dim);
        for (auto & s : train) {
            const double T = double(s.ids.size());
            n_tok += int64_t(s.ids.size());
            flops += 6.0 * (linear + double(c.vocab_size) * c.dim) * T + 12.0 * c.n_layers * T * T * c.dim;
        }
        const double peak = matmul_peak_gflops();
        std::printf("workspace %s\nmodel %lld params (dim %lld, %lld layers), %s\n", w.dir.c_str(),
                    (long long)mb.model->info().n_params, (long long)c.dim, (long long)c.n_layers, runtime_summary().c_str());
        std::printf("fp32 matmul peak (1024^3 mm): %.1f GFLOP/s\n", peak);
        std::printf("%d train samples, %.1f tokens each on average, micro-batch %d\n\n", n, double(n_tok) / n, batch);
        std::printf("%-8s %10s %12s %12s %9s %10s %8s %14s %12s\n", "params", "D0", "batched/s", "loop/s", "speedup",
                    "GFLOP/s", "of peak", "worst sample", "all samples");
        for (const char * ps : {"linear", "embed", "lora"}) {
            InfluenceOptions o;
            o.params = parse_param_set(ps);
            o.batch_size = batch;
            if (o.params == ParamSet::Lora) {
                LoraSettings ls;
                ls.seed = 7;
                mb.model->attach_lora(ls);
            }
            const int64_t D0 = gradient_layout(*mb.model, o).D0;
            per_sample_gradients(*mb.model, {train[0]}, o, GradPath::Batched);   // warm-up
            // Both paths get the same micro-batches of `batch` rows, as the engine streams them into the
            // sketch cache; only the gradient calls are timed. The results are then copied into one
            // [n, D0] array for the comparison (untimed): a fresh 185 MB output block costs ~0.3 s of
            // page faults on this VM, which would time the allocator rather than the gradients.
            std::vector<float> gb(size_t(n) * size_t(D0)), gl(size_t(n) * size_t(D0));
            auto timed = [&](GradPath path, std::vector<float> & out) {
                double t = 0;
                for (int b0 = 0; b0 < n; b0 += batch) {
                    const std::vector<TokenizedSample> chunk(train.begin() + b0, train.begin() + std::min(n, b0 + batch));
                    const auto t0 = std::chrono::steady_clock::now();
                    const std::vector<float> g = per_sample_gradients(*mb.model, chunk, o, path);
                    t += seconds_since(t0);
                    std::copy(g.begin(), g.end(), out.begin() + std::ptrdiff_t(size_t(b0) * size_t(D0)));
                }
                return t;
            };
            double tb = 1e30, tl = 1e30;
            for (int r = 0; r < 3; r++) {
                tb = std::min(tb, timed(GradPath::Batched, gb));
                tl = std::min(tl, timed(GradPath::Loop, gl));
            }
            // Relative difference |gb - gl| / |gl| (L2): of the worst sample, and of all samples together
            // (a well-fit sample's gradient is tiny, so its relative difference is the noisiest).
            double worst = 0, d_all = 0, s_all = 0;
            for (int i = 0; i < n; i++) {
                double d = 0, s = 0;
                for (int64_t j = 0; j < D0; j++) {
                    const double a = gb[size_t(i) * size_t(D0) + size_t(j)], b = gl[size_t(i) * size_t(D0) + size_t(j)];
                    d += (a - b) * (a - b);
                    s += b * b;
                }
                worst = std::max(worst, std::sqrt(d / std::max(s, 1e-300)));
                d_all += d;
                s_all += s;
            }
            const double gf = flops / tb / 1e9;
            std::printf("%-8s %10lld %12.1f %12.1f %8.2fx %10.2f %7.1f%% %14.2e %12.2e\n", ps, (long long)D0, n / tb, n / tl,
                        tl / tb, gf, 100.0 * gf / peak, worst, std::sqrt(d_all / std::max(s_all, 1e-300)));
            if (o.params == ParamSet::Lora) mb.model->detach_lora();
        }

        // Sketch quality: 10 forget rows x 20 train rows = 200 pairs, per parameter set; each K is
        // sketched with 20 seeds (42..61; 42 is the default): one seed's Pearson moves by about +-0.015.
        const std::vector<TokenizedSample> forget = load("forget", 10);
        const std::vector<TokenizedSample> pool(train.begin(), train.begin() + std::min<size_t>(20, train.size()));
        for (const char * ps : {"linear", "embed"}) {
            InfluenceOptions o;
            o.params = parse_param_set(ps);
            o.batch_size = batch;
            const int64_t D0 = gradient_layout(*mb.model, o).D0;
            const std::vector<float> gf = per_sample_gradients(*mb.model, forget, o);
            const std::vector<float> gt = per_sample_gradients(*mb.model, pool, o);
            auto row = [&](const std::vector<float> & g, size_t i) {
                return std::vector<float>(g.begin() + std::ptrdiff_t(i * size_t(D0)), g.begin() + std::ptrdiff_t((i + 1) * size_t(D0)));
            };
            std::vector<double> exact;
            for (size_t a = 0; a < forget.size(); a++)
                for (size_t b = 0; b < pool.size(); b++) {
                    double s = 0;
                    for (int64_t j = 0; j < D0; j++) s += double(gf[a * size_t(D0) + size_t(j)]) * gt[b * size_t(D0) + size_t(j)];
                    exact.push_back(s);
                }
            std::printf("\nsketch quality, %s set (D0 %lld), %zu pairs: Pearson of sketched vs exact inner products, 20 seeds\n",
                        ps, (long long)D0, exact.size());
            std::printf("%8s %8s %10s %10s %10s %10s %12s\n", "K", "D/K", "mean", "min", "max", "seed 42", "seeds>=0.95");
            for (int64_t K : {256, 1024, 4096, 16384, 65536, 131072, 262144}) {
                if (K > D0) break;
                const int n_seeds = 20;
                double sum = 0, lo = 1, hi = -1, first = 0;
                int n_ok = 0;
                for (uint64_t seed = 42; seed < 42 + n_seeds; seed++) {
                    const RapidGradSketch sk(D0, K, seed);
                    std::vector<std::vector<float>> sf, st;
                    for (size_t a = 0; a < forget.size(); a++) sf.push_back(sk.apply(row(gf, a)));
                    for (size_t b = 0; b < pool.size(); b++) st.push_back(sk.apply(row(gt, b)));
                    std::vector<double> approx;
                    for (size_t a = 0; a < sf.size(); a++)
                        for (size_t b = 0; b < st.size(); b++) {
                            double s = 0;
                            for (int64_t k = 0; k < K; k++) s += double(sf[a][size_t(k)]) * st[b][size_t(k)];
                            approx.push_back(s);
                        }
                    const double r = pearson(exact, approx);
                    sum += r;
                    n_ok += r >= 0.95;
                    if (seed == 42) first = r;
                    lo = std::min(lo, r);
                    hi = std::max(hi, r);
                }
                std::printf("%8lld %8.1f %10.4f %10.4f %10.4f %10.4f %9d/%d%s\n", (long long)K, double(D0) / double(K), sum / n_seeds, lo,
                            hi, first, n_ok, n_seeds,
                            K == InfluenceOptions{}.K ? "   (default K)" : "");
            }
        }
    } catch (const std::exception & e) {
        std::fprintf(stderr, "bench_influence: %s\n", e.what());
        return 1;
    }
    return 0;
}
