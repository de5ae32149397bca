// The one batch builder (see batch.h).
#include "model/batch.h"

#include "rapidun/error.h"

#include <algorithm>

namespace rapidun {

Batch Batch::to(const torch::Device & device) const {
    if (ids.device() == device) return *this;
    Batch b = *this;
    b.ids     = ids.to(device);
    b.mask    = mask.to(device);
    b.targets = targets.to(device);
    return b;
}

Batch make_batch(const std::vector<const TokenizedSample *> & rows, Targets targets) {
    int64_t T = 0;
    for (const TokenizedSample * s : rows) T = std::max<int64_t>(T, int64_t(s->ids.size()));
    const int64_t B = int64_t(rows.size());
    Batch b;
    b.ids     = torch::zeros({B, T}, torch::kInt64);
    b.mask    = torch::zeros({B, T}, torch::kBool);
    b.targets = torch::full({B, T}, -100, torch::kInt64);
    auto ia = b.ids.accessor<int64_t, 2>();
    auto ma = b.mask.accessor<bool, 2>();
    auto ta = b.targets.accessor<int64_t, 2>();
    for (int64_t r = 0; r < B; r++) {
        const TokenizedSample & s = *rows[size_t(r)];
        const int64_t n = int64_t(s.ids.size());
        b.lens.push_back(n);
        for (int64_t p = 0; p < n; p++) {
            ia[r][p] = s.ids[size_t(p)];
            ma[r][p] = true;
        }
        auto score = [&](int64_t at, int64_t token_pos) {
            ta[r][at] = s.ids[size_t(token_pos)];
            b.n_scored++;
        };
        switch (targets) {
        case Targets::Answer:
            for (int64_t p = 1; p < n; p++)
                if (s.answer_mask[size_t(p)]) score(p - 1, p);
            break;
        case Targets::AllButFirst:
            for (int64_t p = 1; p < n; p++) score(p - 1, p);
            break;
        case Targets::RapidIn:   // labels = ids with labels[:n_prompt-1] = -100, no shift
            for (int64_t p = std::max<int64_t>(0, int64_t(s.n_prompt) - 1); p < n; p++) score(p, p);
            break;
        }
    }
    return b;
}

Batch make_batch(const std::vector<TokenizedSample> & samples, const std::vector<size_t> & order, size_t begin,
                 size_t end, Targets targets) {
    std::vector<const TokenizedSample *> rows;
    rows.reserve(end - begin);
    for (size_t i = begin; i < end; i++) rows.push_back(&samples[order[i]]);
    return make_batch(rows, targets);
}

void check_sample(const ModelConfig & cfg, const TokenizedSample & s, const std::string & what) {
    const int64_t n = int64_t(s.ids.size());
    const std::string where = what + ": ";
    if (n == 0) throw Error(where + "no tokens");
    if (s.answer_mask.size() != s.ids.size())
        throw Error(where + "answer_mask has " + std::to_string(s.answer_mask.size()) + " entries for " + std::to_string(n) + " ids");
    if (n > cfg.max_seq_len)
        throw Error(where + std::to_string(n) + " tokens, more than the model's max_seq_len " + std::to_string(cfg.max_seq_len));
    for (int32_t id : s.ids)
        if (id < 0 || id >= cfg.vocab_size)
            throw Error(where + "token id " + std::to_string(id) + " outside the vocabulary [0, " + std::to_string(cfg.vocab_size) + ")");
}

torch::Tensor batch_hidden(LlamaForCausalLM & net, const Batch & b, torch::ScalarType dtype, ForwardHooks * hooks) {
    const int64_t B = b.ids.size(0), T = b.ids.size(1);
    torch::Tensor pos  = torch::arange(T, b.ids.options()).unsqueeze(0).expand({B, T});   // right padding: slot = position
    torch::Tensor bias = net->causal_bias(b.mask, dtype);
    return net->hidden(b.ids, pos, bias, nullptr, hooks);
}

} // namespace rapidun
