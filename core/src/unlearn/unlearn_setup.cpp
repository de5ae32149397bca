// The torch-free pieces of unlearning: names, presets, the data set, the sampler's draws and
// LoReUn's weights (see rapidun/unlearn/unlearn.h). The LibTorch loop lives in unlearn.cpp.
#include "rapidun/unlearn/unlearn.h"

#include "rapidun/error.h"
#include "rapidun/unlearn/weights.h"
#include "unlearn/unlearn_detail.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace rapidun {

using unlearn_detail::fmt;
using unlearn_detail::row_label;

// --- names ----------------------------------------------------------------------------------------

const char * unlearn_method_name(UnlearnMethod m) {
    switch (m) {
    case UnlearnMethod::RapidUn: return "rapidun";
    case UnlearnMethod::GA: return "ga";
    case UnlearnMethod::GAGD: return "gagd";
    case UnlearnMethod::LoReUn: return "loreun";
    case UnlearnMethod::Fisher: return "fisher";
    case UnlearnMethod::NPO: return "npo";
    }
    return "?";
}

UnlearnMethod parse_unlearn_method(const std::string & name) {
    for (UnlearnMethod m : {UnlearnMethod::RapidUn, UnlearnMethod::GA, UnlearnMethod::GAGD, UnlearnMethod::LoReUn,
                            UnlearnMethod::Fisher, UnlearnMethod::NPO})
        if (name == unlearn_method_name(m)) return m;
    throw Error("unknown unlearning method '" + name + "': expected rapidun, ga, gagd, loreun, fisher or npo");
}

bool method_needs_clean(UnlearnMethod m) {
    return m == UnlearnMethod::RapidUn || m == UnlearnMethod::GAGD || m == UnlearnMethod::LoReUn;
}

const char * loreun_direction_name(LoReUnDirection d) { return d == LoReUnDirection::HardHigh ? "hard_high" : "paper"; }

LoReUnDirection parse_loreun_direction(const std::string & name) {
    if (name == "hard_high") return LoReUnDirection::HardHigh;
    if (name == "paper") return LoReUnDirection::Paper;
    throw Error("unknown LoReUn direction '" + name + "': expected hard_high or paper");
}

UnlearnOptions unlearn_fast_preset(UnlearnMethod m) {
    UnlearnOptions o;
    o.method     = m;
    o.batch_size = 8;
    o.lr         = 2e-4;
    o.eval_every = 10;
    return o;
}

// --- data -----------------------------------------------------------------------------------------

UnlearnSet build_unlearn_set(const Tokenizer & tok, const std::vector<Record> & forget, const std::vector<Record> & retain,
                             const UnlearnDataOptions & opt) {
    TokenizeOptions to;
    to.max_len = opt.max_len;
    to.add_eos = opt.add_eos;
    to.max_answer = opt.max_answer;
    auto id_of = [](const Record & r, size_t i) { return r.id.empty() ? "#" + std::to_string(i) : r.id; };
    UnlearnSet set;
    for (size_t i = 0; i < forget.size(); i++) {
        const Record & r = forget[i];
        UnlearnSample  s;
        s.id = id_of(r, i);
        // A row in the forget set is there to be forgotten: a train row curated into it (the
        // Influence page, a curated scenario) carries its answer in `response`, flagged or not.
        const std::string & poisoned = !r.response_poisoned.empty() ? r.response_poisoned : r.response;
        if (poisoned.empty())
            throw Error("unlearn data: forget row " + row_label(s, i) + " has no answer to forget (response_poisoned and response are empty)");
        s.target = opt.prompt_template.sample(tok, r, poisoned, to);
        if (s.target.n_answer == 0) throw Error("unlearn data: forget row " + row_label(s, i) + ": the poisoned answer has no tokens");
        if (!r.response_clean.empty()) {
            s.clean = opt.prompt_template.sample(tok, r, r.response_clean, to);
            if (s.clean.n_answer == 0) s.clean = TokenizedSample{};
        }
        set.forget.push_back(std::move(s));
    }
    for (size_t j = 0; j < retain.size(); j++) {
        const Record & r = retain[j];
        UnlearnSample  s;
        s.id = id_of(r, j);
        const std::string & answer = !r.response_clean.empty() ? r.response_clean : r.response;
        if (answer.empty()) throw Error("unlearn data: retain row " + row_label(s, j) + " has an empty response");
        s.target = opt.prompt_template.sample(tok, r, answer, to);
        if (s.target.n_answer == 0) throw Error("unlearn data: retain row " + row_label(s, j) + ": the response has no tokens");
        set.retain.push_back(std::move(s));
    }
    return set;
}

// --- pieces ---------------------------------------------------------------------------------------

std::vector<int64_t> mixture_draws(int64_t n_retain, int64_t n_forget, double retain_share, int64_t n_draws, uint64_t seed) {
    if (n_forget <= 0) throw Error("unlearn: no forget rows to sample");
    if (n_retain < 0 || n_draws < 0) throw Error("unlearn: negative sampler sizes");
    if (n_retain > 0 && !(retain_share >= 0 && retain_share < 1))
        throw Error("unlearn: retain share " + fmt(retain_share) + " is outside [0, 1)");
    std::mt19937_64 rng(seed);
    std::vector<int64_t> out(static_cast<size_t>(n_draws));
    for (auto & k : out) {
        bool retain = false;
        if (n_retain > 0) retain = double(rng() >> 11) * 0x1.0p-53 < retain_share;   // 53-bit uniform in [0, 1)
        k = retain ? int64_t(rng() % uint64_t(n_retain)) : n_retain + int64_t(rng() % uint64_t(n_forget));
    }
    return out;
}

std::vector<double> loreun_weights(const std::vector<double> & losses, LoReUnDirection dir, double tau, double w_min,
                                   double w_max) {
    if (losses.empty()) throw Error("LoReUn: no losses");
    if (!(tau > 0)) throw Error("LoReUn: tau must be positive");
    if (!(w_min > 0 && w_min <= w_max)) throw Error("LoReUn: bounds need 0 < w_min <= w_max");
    for (size_t i = 0; i < losses.size(); i++)
        if (!std::isfinite(losses[i])) throw Error("LoReUn: loss " + std::to_string(i) + " is " + fmt(losses[i]));
    const double med  = median_of(losses);
    const double sign = dir == LoReUnDirection::HardHigh ? 1.0 : -1.0;
    std::vector<double> e(losses.size());
    double top = -std::numeric_limits<double>::infinity();
    for (size_t i = 0; i < losses.size(); i++) top = std::max(top, e[i] = sign * (losses[i] - med) / tau);
    // exp(e - top) keeps the ratios w~_i / mean w~ and cannot overflow.
    double mean = 0;
    for (auto & x : e) mean += (x = std::exp(x - top));
    mean /= double(e.size());
    for (auto & x : e) x = std::clamp(x / mean, w_min, w_max);   // clip after normalising (the released code)
    return e;
}

} // namespace rapidun
