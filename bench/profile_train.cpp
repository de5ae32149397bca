// Developer tool (not built by default): op-level profile of training steps on the synthetic lab's
// train set. usage: profile_train WORKSPACE STEPS OUT.json
#include "rapidun/data/templates.h"
#include "rapidun/data/prompt_format.h"
#include "rapidun/model/model.h"
#include "rapidun/train/train.h"
#include "rapidun/workspace/workspace.h"

#include <torch/csrc/autograd/profiler_legacy.h>
#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

int main(int argc, char ** argv) {
    if (argc < 4) return 2;
    using namespace rapidun;
    init_runtime();
    Workspace w = Workspace::load(argv[1]);
    ModelBundle mb = open_model(w.resolve(w.model), w.resolve(w.tokenizer));
    // The default lab's model shape on this workspace's tokenizer.
    ModelConfig c = mb.model->info().config;
    c.dim = 128; c.n_layers = 4; c.n_heads = 4; c.n_kv_heads = 2; c.head_dim = 32; c.hidden_dim = 344;
    mb.model = Model::create(c, 1);
    TokenizeOptions to;
    to.max_len = w.max_len;
    auto s = tokenize_records(*mb.tokenizer, read_records(w.dataset("train")), PromptTemplate::Plain, to);
    size_t n_tok = 0;
    for (auto & x : s) n_tok += x.ids.size();
    std::printf("%zu samples, mean length %.1f tokens\n", s.size(), double(n_tok) / double(s.size()));
    const int steps = std::atoi(argv[2]);
    while (s.size() < size_t(steps) * 32) { auto copy = s; s.insert(s.end(), copy.begin(), copy.end()); }
    s.resize(size_t(steps) * 32);
    TrainOptions o;
    o.batch_size = 32;
    o.bf16_autocast = std::getenv("RAPIDUN_BF16") != nullptr;
    auto t0 = std::chrono::steady_clock::now();
    train_model(*mb.model, s, o);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("%d steps: %.1f ms a step\n", steps, 1000 * secs / steps);
    {
        torch::autograd::profiler::RecordProfile guard(argv[3]);
        train_model(*mb.model, s, o);
    }
    return 0;
}
