// Weighted LoRA unlearning (RapidUn, GA, GAGD, LoReUn, NPO) and Fisher forgetting; the formulas
// are at the top of rapidun/unlearn/unlearn.h. Shapes: R = rows in one forward (a retain item is
// one row, a forget item one or two: poisoned, then clean), T = the longest row, V = vocab.
#include "rapidun/unlearn/unlearn.h"

#include "model/model_impl.h"
#include "rapidun/error.h"
#include "rapidun/train/train.h"
#include "rapidun/unlearn/weights.h"
#include "train/batch.h"
#include "unlearn/unlearn_detail.h"

#include <ATen/CPUGeneratorImpl.h>

#include <chrono>
#include <cmath>
#include <limits>
#include <random>

namespace rapidun {

using torch::Tensor;
using train_detail::Autocast;
using train_detail::Batch;
using train_detail::lora_params;
using train_detail::make_batch;
using train_detail::row_nll_sum;
using train_detail::TrainingMode;
using unlearn_detail::fmt;
using unlearn_detail::row_label;

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

const std::vector<std::string> kLinearNames = {"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"};


bool has_retain_term(UnlearnMethod m) { return m != UnlearnMethod::GA; }

int64_t n_answer_targets(const TokenizedSample & s) {
    int64_t n = 0;
    for (size_t p = 1; p < s.answer_mask.size(); p++) n += s.answer_mask[p];
    return n;
}

double mean_of(const std::vector<double> & v, size_t n) {
    n = std::min(n, v.size());
    if (n == 0) return kNaN;
    double s = 0;
    for (size_t i = 0; i < n; i++) s += v[i];
    return s / double(n);
}

void check_items(const UnlearnObjective & obj, size_t n_forget, size_t n_retain) {
    if (obj.forget_weights.size() != n_forget)
        throw Error("unlearn: the objective has " + std::to_string(obj.forget_weights.size()) + " forget weights for " +
                    std::to_string(n_forget) + " forget rows");
    if (has_retain_term(obj.method) && obj.retain_weights.size() != n_retain)
        throw Error("unlearn: the objective has " + std::to_string(obj.retain_weights.size()) + " retain weights for " +
                    std::to_string(n_retain) + " retain rows");
    if (obj.method == UnlearnMethod::NPO && obj.npo_ref_logp.size() != n_forget)
        throw Error("unlearn: NPO needs a reference log-probability per forget row (" + std::to_string(n_forget) + "), got " +
                    std::to_string(obj.npo_ref_logp.size()));
    if (obj.method == UnlearnMethod::NPO && !(obj.npo_beta > 0)) throw Error("unlearn: NPO beta must be positive");
    if (obj.method == UnlearnMethod::Fisher) throw Error("unlearn: Fisher forgetting has no per-batch objective");
}

// L(B) of `items` at the current weights. With `backward`, each forward's share of L(B) is
// back-propagated at once (rows are independent, so the chunks' gradients add up to dL(B)).
UnlearnBatchLoss batch_objective(LlamaForCausalLM & net, torch::ScalarType dtype, const UnlearnSet & data,
                                 const std::vector<int64_t> & items, const UnlearnObjective & obj, bool backward,
                                 bool autocast, int64_t rows_per_forward) {
    const size_t Nr = data.retain.size(), Nf = data.forget.size();
    if (items.empty()) throw Error("unlearn: empty batch");
    if (rows_per_forward < 1) throw Error("unlearn: rows_per_forward must be at least 1");
    check_items(obj, Nf, Nr);
    const bool   clean_rows = method_needs_clean(obj.method);
    const double inv_B      = 1.0 / double(items.size());

    UnlearnBatchLoss out;
    out.item_term.assign(items.size(), 0.0);
    out.poisoned_ce.assign(items.size(), kNaN);
    out.clean_ce.assign(items.size(), kNaN);
    out.retain_ce.assign(items.size(), kNaN);

    // The rows of each item: {} (a retain item under GA), {retain}, {poisoned} or {poisoned, clean}.
    std::vector<std::vector<const TokenizedSample *>> rows(items.size());
    for (size_t b = 0; b < items.size(); b++) {
        const int64_t k = items[b];
        if (k < 0 || size_t(k) >= Nr + Nf)
            throw Error("unlearn: item " + std::to_string(k) + " is outside the " + std::to_string(Nr + Nf) + " rows");
        if (size_t(k) < Nr) {
            if (has_retain_term(obj.method)) rows[b].push_back(&data.retain[size_t(k)].target);
            continue;
        }
        const size_t         i = size_t(k) - Nr;
        const UnlearnSample & f = data.forget[i];
        rows[b].push_back(&f.target);
        // A row without a clean answer (one curated from the train rows) is only ascended.
        if (clean_rows && f.has_clean()) rows[b].push_back(&f.clean);
    }

    for (size_t begin = 0; begin < items.size();) {
        // Whole items up to rows_per_forward rows (always at least one item).
        size_t end = begin, n_rows = 0;
        while (end < items.size() && (end == begin || n_rows + rows[end].size() <= size_t(rows_per_forward))) n_rows += rows[end++].size();
        std::vector<const TokenizedSample *> chunk;
        for (size_t b = begin; b < end; b++) chunk.insert(chunk.end(), rows[b].begin(), rows[b].end());
        if (chunk.empty()) {
            begin = end;
            continue;
        }
        Batch  bt = make_batch(net, chunk);
        Tensor sums;
        {
            Autocast ac(autocast);
            sums = row_nll_sum(net, bt, dtype);                                                 // [R] nats
        }
        const Tensor counts = (bt.targets != -100).sum(1).clamp_min(1).to(torch::kFloat32);   // [R]
        const Tensor ce     = sums / counts;                                                    // [R] mean CE
        const Tensor ce_d   = ce.detach().to(torch::kFloat64).cpu();
        auto         ce_a   = ce_d.accessor<double, 1>();

        Tensor chunk_loss = torch::zeros({}, sums.options().dtype(torch::kFloat32));
        int64_t r = 0;
        for (size_t b = begin; b < end; b++) {
            if (rows[b].empty()) continue;
            const int64_t k = items[b];
            Tensor term;
            if (size_t(k) < Nr) {
                term = ce[r] * obj.retain_weights[size_t(k)];
                out.retain_ce[b] = ce_a[r];
                r++;
            } else {
                const size_t i = size_t(k) - Nr;
                const double w = obj.forget_weights[i];
                const int64_t rp = r++;
                out.poisoned_ce[b] = ce_a[rp];
                switch (obj.method) {
                case UnlearnMethod::RapidUn:
                case UnlearnMethod::GAGD:
                case UnlearnMethod::LoReUn: {
                    if (rows[b].size() < 2) {   // no clean answer: the ascent alone
                        term = ce[rp] * (-obj.alpha_asc * w);
                        break;
                    }
                    const int64_t rc = r++;
                    out.clean_ce[b] = ce_a[rc];
                    term = (ce[rc] * obj.beta_desc - ce[rp] * obj.alpha_asc) * w;
                    break;
                }
                case UnlearnMethod::GA:
                    term = ce[rp] * (-obj.alpha_asc * w);
                    break;
                case UnlearnMethod::NPO: {
                    // (2/beta) log(1 + exp(beta d)) = 2 softplus_beta(d), d = log pi_theta - log pi_ref.
                    const Tensor d = -sums[rp] - obj.npo_ref_logp[i];
                    term = at::softplus(d, obj.npo_beta, 20.0) * (2.0 * w);
                    break;
                }
                case UnlearnMethod::Fisher: throw Error("unlearn: Fisher forgetting has no per-batch objective");
                }
            }
            const double tv = term.item<double>();
            out.item_term[b] = tv;
            if (size_t(k) < Nr) out.retain_term += tv * inv_B;
            else out.forget_term += tv * inv_B;
            chunk_loss = chunk_loss + term;
        }
        chunk_loss = chunk_loss * inv_B;
        if (backward && chunk_loss.requires_grad()) chunk_loss.backward();
        out.loss += chunk_loss.item<double>();
        begin = end;
    }
    return out;
}

// Per-sample mean answer CE of the first `max_rows` samples (the model in eval mode).
std::vector<double> eval_ce(const Model & model, const std::vector<const TokenizedSample *> & rows, int64_t max_rows) {
    std::vector<TokenizedSample> s;
    for (size_t i = 0; i < rows.size() && int64_t(i) < max_rows; i++) s.push_back(*rows[i]);
    if (s.empty()) return {};
    return answer_nll(model, s);
}

struct EvalRows {
    std::vector<const TokenizedSample *> poisoned, clean, retain;
    std::vector<size_t> poisoned_idx, retain_idx;   // row index in the set (for guard messages)
};

EvalRows eval_rows(const UnlearnSet & data) {
    EvalRows e;
    for (size_t i = 0; i < data.forget.size(); i++) {
        e.poisoned.push_back(&data.forget[i].target);
        e.poisoned_idx.push_back(i);
        if (data.forget[i].has_clean()) e.clean.push_back(&data.forget[i].clean);
    }
    for (size_t j = 0; j < data.retain.size(); j++) {
        e.retain.push_back(&data.retain[j].target);
        e.retain_idx.push_back(j);
    }
    return e;
}

// The guard thresholds (see unlearn.h): "" = the state passes.
struct Guard {
    double max_forget_ce = 0, retain_blowup = 0;
    std::vector<double> retain0;   // initial CE of every retain row
    double retain0_mean = 0;

    std::string forget_bad(const UnlearnSet & data, size_t i, double ce) const {
        if (!std::isfinite(ce)) return "forget row " + row_label(data.forget[i], i) + ": poisoned-answer CE is " + fmt(ce);
        if (max_forget_ce > 0 && ce > max_forget_ce)
            return "forget row " + row_label(data.forget[i], i) + ": poisoned-answer CE " + fmt(ce) + " nats above the cap " +
                   fmt(max_forget_ce);
        return "";
    }
    std::string retain_bad(const UnlearnSet & data, size_t j, double ce) const {
        if (!std::isfinite(ce)) return "retain row " + row_label(data.retain[j], j) + ": CE is " + fmt(ce);
        if (retain_blowup > 0 && j < retain0.size()) {
            const double base = std::max(retain0[j], retain0_mean);
            if (ce > retain_blowup * base)
                return "retain row " + row_label(data.retain[j], j) + ": CE " + fmt(ce) + " nats above " + fmt(retain_blowup) +
                       " x its initial " + fmt(base);
        }
        return "";
    }
};

struct Evaluation {
    UnlearnCurvePoint   point;
    std::vector<double> poisoned, clean, retain;
};

Evaluation evaluate(const Model & model, const EvalRows & rows, int64_t max_rows, int64_t step) {
    Evaluation e;
    e.poisoned = eval_ce(model, rows.poisoned, max_rows);
    e.clean    = eval_ce(model, rows.clean, max_rows);
    e.retain   = eval_ce(model, rows.retain, max_rows);
    e.point.step               = step;
    e.point.forget_poisoned_ce = mean_of(e.poisoned, e.poisoned.size());
    e.point.forget_clean_ce    = mean_of(e.clean, e.clean.size());
    e.point.retain_ce          = mean_of(e.retain, e.retain.size());
    return e;
}

std::string evaluation_bad(const Evaluation & e, const UnlearnSet & data, const EvalRows & rows, const Guard & g, bool retain_term) {
    for (size_t r = 0; r < e.poisoned.size(); r++) {
        std::string bad = g.forget_bad(data, rows.poisoned_idx[r], e.poisoned[r]);
        if (!bad.empty()) return bad;
    }
    for (double c : e.clean)
        if (!std::isfinite(c)) return "a clean-answer CE is " + fmt(c);
    if (retain_term)
        for (size_t r = 0; r < e.retain.size(); r++) {
            std::string bad = g.retain_bad(data, rows.retain_idx[r], e.retain[r]);
            if (!bad.empty()) return bad;
        }
    return "";
}

// The base weights Fisher forgetting acts on, with their HF names.
std::vector<std::pair<std::string, Tensor>> fisher_taps(LlamaForCausalLM & net, const std::vector<std::string> & targets) {
    for (auto & t : targets)
        if (std::find(kLinearNames.begin(), kLinearNames.end(), t) == kLinearNames.end())
            throw Error("fisher: unknown target module '" + t + "' (q_proj k_proj v_proj o_proj gate_proj up_proj down_proj)");
    if (targets.empty()) throw Error("fisher: no target modules");
    auto want = [&](const char * n) { return std::find(targets.begin(), targets.end(), n) != targets.end(); };
    std::vector<std::pair<std::string, Tensor>> out;
    for (size_t i = 0; i < net->model->layer_list.size(); i++) {
        auto & L = net->model->layer_list[i];
        const std::string p = "model.layers." + std::to_string(i) + ".";
        struct Lin { const char * name; const char * block; LoraLinear * lin; };
        const Lin lins[] = {{"q_proj", "self_attn.", &L->self_attn->q_proj}, {"k_proj", "self_attn.", &L->self_attn->k_proj},
                            {"v_proj", "self_attn.", &L->self_attn->v_proj}, {"o_proj", "self_attn.", &L->self_attn->o_proj},
                            {"gate_proj", "mlp.", &L->mlp->gate_proj},       {"up_proj", "mlp.", &L->mlp->up_proj},
                            {"down_proj", "mlp.", &L->mlp->down_proj}};
        for (const Lin & l : lins)
            if (want(l.name)) out.push_back({p + l.block + l.name + ".weight", (*l.lin)->weight});
    }
    return out;
}

// F per tap (fp32, the weight's shape), the mean over samples of the squared gradient of
// log pi(y | x) = -(sum of answer CE). One forward+backward per sample: per-sample gradients.
// Returns {} when cancelled.
std::vector<Tensor> fisher_tensors(const Model & model, const std::vector<const TokenizedSample *> & samples,
                                   const std::vector<std::string> & targets, const CancelToken * cancel) {
    if (model.has_lora()) throw Error("fisher: the model carries a LoRA adapter; Fisher forgetting acts on the base weights");
    if (samples.empty()) throw Error("fisher: no retain samples to estimate the Fisher information from");
    LlamaForCausalLM & net = net_of(model);
    auto taps = fisher_taps(net, targets);
    std::vector<Tensor> params, F;
    for (auto & [name, w] : taps) {
        params.push_back(w);
        F.push_back(torch::zeros(w.sizes(), w.options().dtype(torch::kFloat32)));
    }
    TrainingMode mode(net, params);
    net->eval();   // no adapter, so no dropout either way; eval states the intent
    for (const TokenizedSample * s : samples) {
        if (cancel && cancel->cancelled()) return {};
        if (n_answer_targets(*s) == 0) continue;   // log pi = 0: a zero gradient, still counted in N
        Batch  b    = make_batch(net, std::vector<const TokenizedSample *>{s});
        Tensor logp = -row_nll_sum(net, b, model.impl()->dtype).sum();
        std::vector<Tensor> g = torch::autograd::grad({logp}, params);
        for (size_t k = 0; k < g.size(); k++) F[k].add_(g[k].to(torch::kFloat32).square());
    }
    for (auto & f : F) f.div_(double(samples.size()));
    return F;
}

void validate(const UnlearnOptions & o) {
    auto need = [](bool ok, const std::string & what) {
        if (!ok) throw Error("unlearn: " + what);
    };
    need(o.epochs > 0, "epochs must be positive");
    need(o.batch_size > 0, "batch size must be positive");
    need(std::isfinite(o.lr) && o.lr > 0, "lr must be positive");
    need(o.weight_decay >= 0, "weight decay must be non-negative");
    need(o.warmup_ratio >= 0 && o.warmup_ratio < 1, "warm-up ratio must be in [0, 1)");
    need(o.retain_share >= 0 && o.retain_share < 1, "retain share must be in [0, 1)");
    need(o.max_steps >= 0, "max_steps must be non-negative");
    need(o.budget > 0 && o.budget <= 1.0, "budget must be in (0, 1]");
    need(std::isfinite(o.alpha_asc) && std::isfinite(o.beta_desc), "alpha_asc and beta_desc must be finite");
    need(o.loreun_tau > 0, "LoReUn tau must be positive");
    need(o.loreun_w_min > 0 && o.loreun_w_min <= o.loreun_w_max, "LoReUn bounds need 0 < w_min <= w_max");
    need(o.npo_beta > 0, "NPO beta must be positive");
    need(o.fisher_lambda >= 0 && o.fisher_sigma_h >= 0 && o.fisher_floor > 0,
         "Fisher lambda and sigma_h must be non-negative and the floor positive");
    need(o.snapshot_every >= 1, "snapshot_every must be at least 1");
    need(o.eval_every >= 0 && o.eval_max_rows >= 1, "eval_every must be non-negative and eval_max_rows positive");
    need(o.log_every >= 1, "log_every must be at least 1");
    need(o.rows_per_forward >= 1, "rows_per_forward must be at least 1");
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

} // namespace

UnlearnObjective make_objective(const Model & model, const UnlearnSet & data, const UnlearnOptions & opt,
                                const std::vector<double> & forget_weights, const std::vector<double> & retain_weights) {
    const size_t Nf = data.forget.size(), Nr = data.retain.size();
    if (opt.method == UnlearnMethod::Fisher) throw Error("unlearn: Fisher forgetting has no per-batch objective");
    if (Nf == 0) throw Error("unlearn: no forget rows");
    UnlearnObjective obj;
    obj.method    = opt.method;
    obj.alpha_asc = opt.alpha_asc;
    obj.beta_desc = opt.beta_desc;
    obj.npo_beta  = opt.npo_beta;
    if (opt.method == UnlearnMethod::RapidUn) {
        if (forget_weights.size() != Nf || retain_weights.size() != Nr)
            throw Error("unlearn: rapidun needs a weight per forget row (" + std::to_string(Nf) + ") and per retain row (" +
                        std::to_string(Nr) + "), got " + std::to_string(forget_weights.size()) + " and " +
                        std::to_string(retain_weights.size()) + " (gagd trains with uniform weights, loreun with loss-based ones)");
        auto check = [](const std::vector<double> & w, const char * what) {
            for (size_t i = 0; i < w.size(); i++)
                if (!std::isfinite(w[i]) || w[i] < 0)
                    throw Error(std::string("unlearn: ") + what + " weight " + std::to_string(i) + " is " + fmt(w[i]) +
                                " (weights must be finite and non-negative)");
        };
        check(forget_weights, "forget");
        check(retain_weights, "retain");
        obj.forget_weights = forget_weights;
        obj.retain_weights = retain_weights;
    } else {
        if (!forget_weights.empty() || !retain_weights.empty())
            throw Error(std::string("unlearn: ") + unlearn_method_name(opt.method) +
                        " sets its own weights; per-sample weights are for rapidun only");
        obj.forget_weights.assign(Nf, 1.0);
        obj.retain_weights.assign(Nr, 1.0);
    }
    if (opt.method == UnlearnMethod::LoReUn || opt.method == UnlearnMethod::NPO) {
        std::vector<TokenizedSample> poisoned;
        for (auto & f : data.forget) poisoned.push_back(f.target);
        const std::vector<double> ce = answer_nll(model, poisoned);   // per-sample mean CE, nats
        if (opt.method == UnlearnMethod::LoReUn)
            obj.forget_weights = loreun_weights(ce, opt.loreun_direction, opt.loreun_tau, opt.loreun_w_min, opt.loreun_w_max);
        else
            for (size_t i = 0; i < Nf; i++) obj.npo_ref_logp.push_back(-ce[i] * double(n_answer_targets(poisoned[i])));
    }
    return obj;
}

UnlearnBatchLoss unlearn_batch_loss(Model & model, const UnlearnSet & data, const std::vector<int64_t> & items,
                                    const UnlearnObjective & obj, std::vector<float> * adapter_grad, int64_t rows_per_forward) {
    LlamaForCausalLM & net = net_of(model);
    if (!adapter_grad) {
        torch::NoGradGuard no_grad;
        return batch_objective(net, model.impl()->dtype, data, items, obj, false, false, rows_per_forward);
    }
    if (!model.has_lora() || model.impl()->lora_merged)
        throw Error("unlearn_batch_loss: the adapter gradient needs an attached, unmerged LoRA adapter");
    std::vector<Tensor> params = lora_params(net);
    TrainingMode mode(net, params);
    net->eval();   // no dropout: a deterministic diagnostic
    UnlearnBatchLoss out = batch_objective(net, model.impl()->dtype, data, items, obj, true, false, rows_per_forward);
    adapter_grad->clear();
    for (auto & p : params) {
        Tensor g = p.grad().defined() ? p.grad() : torch::zeros_like(p);
        g = g.to(torch::kFloat32).cpu().contiguous().view({-1});
        adapter_grad->insert(adapter_grad->end(), g.data_ptr<float>(), g.data_ptr<float>() + g.numel());
    }
    return out;
}

FisherDiagonal fisher_diagonal(const Model & model, const std::vector<TokenizedSample> & samples,
                               const std::vector<std::string> & targets, const CancelToken * cancel) {
    std::vector<const TokenizedSample *> rows;
    for (auto & s : samples) rows.push_back(&s);
    std::vector<Tensor> F = fisher_tensors(model, rows, targets, cancel);
    if (F.empty()) throw Cancelled();
    auto taps = fisher_taps(net_of(model), targets);
    FisherDiagonal out;
    for (size_t k = 0; k < F.size(); k++) {
        Tensor f = F[k].cpu().contiguous();
        out.names.push_back(taps[k].first);
        out.shapes.push_back(f.sizes().vec());
        out.values.emplace_back(f.data_ptr<float>(), f.data_ptr<float>() + f.numel());
    }
    return out;
}

// --- the run --------------------------------------------------------------------------------------

namespace {

UnlearnResult run_fisher(Model & model, const UnlearnSet & data, const UnlearnOptions & opt, const EvalRows & rows,
                         const CancelToken * cancel, std::chrono::steady_clock::time_point t0) {
    UnlearnResult res;
    res.method = UnlearnMethod::Fisher;
    if (data.retain.empty()) throw Error("unlearn: Fisher forgetting needs retain rows");
    auto te = std::chrono::steady_clock::now();
    res.curve.push_back(evaluate(model, rows, opt.eval_max_rows, 0).point);
    res.eval_seconds += seconds_since(te);

    std::vector<Tensor> F = fisher_tensors(model, rows.retain, opt.lora.targets, cancel);
    if (F.empty()) {
        res.cancelled = true;
        res.seconds   = seconds_since(t0);
        return res;
    }
    LlamaForCausalLM & net  = net_of(model);
    auto               taps = fisher_taps(net, opt.lora.targets);
    const double       scale = std::pow(opt.fisher_lambda * opt.fisher_sigma_h * opt.fisher_sigma_h, 0.25);
    auto gen = at::make_generator<at::CPUGeneratorImpl>(opt.seed);
    double sum_f = 0, sum_d2 = 0, sum_w2 = 0;
    {
        torch::NoGradGuard no_grad;
        for (size_t k = 0; k < F.size(); k++) {
            Tensor & W = taps[k].second;
            // delta = (lambda sigma_h^2)^(1/4) (F + floor)^(-1/4) eps, eps ~ N(0, I); fp32, then W's dtype.
            Tensor eps   = torch::randn(W.sizes(), gen, torch::kFloat32).to(W.device());   // host draws: one seed, one noise
            Tensor delta = (F[k] + opt.fisher_floor).pow(-0.25) * eps * scale;
            sum_f  += F[k].sum().item<double>();
            sum_d2 += delta.square().sum().item<double>();
            sum_w2 += W.to(torch::kFloat32).square().sum().item<double>();
            res.fisher.n_params += W.numel();
            W.add_(delta.to(W.scalar_type()));
        }
    }
    net->fuse_for_inference(true);   // the fused inference copies must see the new weights
    res.fisher.scale           = scale;
    res.fisher.mean_fisher     = res.fisher.n_params ? sum_f / double(res.fisher.n_params) : 0.0;
    res.fisher.relative_change = sum_w2 > 0 ? std::sqrt(sum_d2 / sum_w2) : 0.0;
    res.steps = res.total_steps = res.last_good_step = 1;
    te = std::chrono::steady_clock::now();
    res.curve.push_back(evaluate(model, rows, opt.eval_max_rows, 1).point);
    res.eval_seconds += seconds_since(te);
    res.seconds = seconds_since(t0);
    return res;
}

} // namespace

UnlearnResult run_unlearning(Model & model, const UnlearnSet & data, const UnlearnOptions & opt,
                             const std::vector<double> & forget_weights, const std::vector<double> & retain_weights,
                             const std::function<void(const UnlearnProgress &)> & progress, const CancelToken * cancel) {
    validate(opt);
    if (model.has_lora())
        throw Error("unlearn: the model already carries a LoRA adapter; unlearning trains a new one on the base weights "
                    "(merge the old adapter into the weights, export and reload, or detach it)");
    if (data.forget.empty()) throw Error("unlearn: no forget rows");
    const auto     t0   = std::chrono::steady_clock::now();
    const EvalRows rows = eval_rows(data);
    if (opt.method == UnlearnMethod::Fisher) {
        if (!forget_weights.empty() || !retain_weights.empty())
            throw Error("unlearn: fisher takes no per-sample weights; they are for rapidun only");
        return run_fisher(model, data, opt, rows, cancel, t0);
    }

    UnlearnResult res;
    res.method = opt.method;
    const UnlearnObjective obj = make_objective(model, data, opt, forget_weights, retain_weights);
    res.forget_weights = obj.forget_weights;
    res.retain_weights = obj.retain_weights;
    const bool retain_term = has_retain_term(opt.method) && !data.retain.empty();

    // The initial state: the curve's first point and the retain guard's reference (every retain row).
    Guard guard;
    guard.max_forget_ce = opt.max_forget_ce;
    guard.retain_blowup = opt.retain_blowup;
    auto te = std::chrono::steady_clock::now();
    Evaluation e0 = evaluate(model, rows, opt.eval_max_rows, 0);
    if (retain_term && opt.retain_blowup > 0) {
        guard.retain0 = int64_t(rows.retain.size()) <= opt.eval_max_rows ? e0.retain
                                                                         : eval_ce(model, rows.retain, int64_t(rows.retain.size()));
        guard.retain0_mean = mean_of(guard.retain0, guard.retain0.size());
    }
    res.curve.push_back(e0.point);
    res.eval_seconds += seconds_since(te);

    LoraSettings ls = opt.lora;
    ls.seed = opt.seed;
    model.attach_lora(ls);
    LlamaForCausalLM & net = net_of(model);
    const torch::ScalarType dtype = model.impl()->dtype;

    // Sampler: GA draws forget items only (see unlearn.h).
    const int64_t Nr = int64_t(data.retain.size()), Nf = int64_t(data.forget.size());
    const int64_t Nr_draw   = opt.method == UnlearnMethod::GA ? 0 : Nr;
    const int64_t per_epoch = Nr_draw + Nf;
    const std::vector<int64_t> draws = mixture_draws(Nr_draw, Nf, opt.retain_share, per_epoch * opt.epochs, opt.seed);
    const int64_t B               = opt.batch_size;
    const int64_t steps_per_epoch = (per_epoch + B - 1) / B;
    const int64_t T_full          = steps_per_epoch * opt.epochs;
    const int64_t T               = opt.budget < 1.0 ? std::max<int64_t>(1, int64_t(std::ceil(opt.budget * double(T_full)))) : T_full;
    const int64_t warmup          = static_cast<int64_t>(std::floor(opt.warmup_ratio * double(T)));
    const int64_t stop_at         = opt.max_steps > 0 ? std::min(opt.max_steps, T) : T;
    res.total_steps = T;

    int64_t step = 0;
    {
        std::vector<Tensor> params = lora_params(net);
        TrainingMode mode(net, params);
        torch::manual_seed(opt.seed);   // LoRA dropout
        torch::optim::AdamW adamw(params, torch::optim::AdamWOptions(opt.lr)
                                              .betas({opt.beta1, opt.beta2})
                                              .eps(opt.eps)
                                              .weight_decay(opt.weight_decay));
        // The last adapter state that passed a check, and its step count.
        std::vector<Tensor> snapshot;
        int64_t             snapshot_step = 0;
        auto take_snapshot = [&]() {
            snapshot.clear();
            for (auto & p : params) snapshot.push_back(p.detach().clone());
            snapshot_step = step;
        };
        auto restore = [&]() {
            torch::NoGradGuard no_grad;
            for (size_t k = 0; k < params.size(); k++) params[k].copy_(snapshot[k]);
        };
        auto stop = [&](const std::string & why) {
            restore();
            res.stopped_early = true;
            res.reason        = why;
        };
        take_snapshot();
        bool done = false;
        for (int32_t epoch = 0; epoch < opt.epochs && !done; epoch++) {
            for (int64_t s = 0; s < steps_per_epoch; s++) {
                if (step >= stop_at) {
                    done = true;
                    break;
                }
                if (cancel && cancel->cancelled()) {
                    restore();
                    res.cancelled = true;
                    done = true;
                    break;
                }
                std::vector<int64_t> items;
                for (int64_t d = s * B; d < std::min(per_epoch, (s + 1) * B); d++) {
                    const int64_t k = draws[size_t(epoch * per_epoch + d)];
                    items.push_back(k < Nr_draw ? k : Nr + (k - Nr_draw));
                    (k < Nr_draw ? res.n_retain_draws : res.n_forget_draws)++;
                }
                const double lr = cosine_lr(opt.lr, step, T, warmup);
                for (auto & g : adamw.param_groups()) static_cast<torch::optim::AdamWOptions &>(g.options()).lr(lr);
                adamw.zero_grad();
                const UnlearnBatchLoss bl =
                    batch_objective(net, dtype, data, items, obj, true, opt.bf16_autocast, opt.rows_per_forward);

                // This forward checked the adapter as it is after `step` steps.
                std::string bad;
                if (!std::isfinite(bl.loss)) bad = "loss is " + fmt(bl.loss);
                for (size_t b = 0; b < items.size() && bad.empty(); b++) {
                    if (items[b] < Nr) {
                        if (retain_term) bad = guard.retain_bad(data, size_t(items[b]), bl.retain_ce[b]);
                    } else {
                        bad = guard.forget_bad(data, size_t(items[b] - Nr), bl.poisoned_ce[b]);
                        if (bad.empty() && method_needs_clean(opt.method) && data.forget[size_t(items[b] - Nr)].has_clean() &&
                            !std::isfinite(bl.clean_ce[b]))
                            bad = "a clean-answer CE is " + fmt(bl.clean_ce[b]);
                    }
                }
                if (!bad.empty()) {
                    stop(bad + " at step " + std::to_string(step));
                    done = true;
                    break;
                }
                if (step - snapshot_step >= opt.snapshot_every) take_snapshot();

                const double norm = torch::nn::utils::clip_grad_norm_(
                    params, opt.clip > 0 ? opt.clip : std::numeric_limits<double>::infinity());
                if (!std::isfinite(norm)) {
                    stop("gradient norm is " + fmt(norm) + " at step " + std::to_string(step));
                    done = true;
                    break;
                }
                adamw.step();
                step++;
                res.loss_per_step.push_back(bl.loss);
                // No finiteness check of the adapter here (it cost one host sync per LoRA tensor,
                // 56 a step): with a finite gradient (checked above) AdamW's update is finite, and a
                // non-finite tensor would make the next step's forward loss non-finite, which stops
                // the run and restores the last checked state; the last step's state goes through
                // the final evaluation.
                if (opt.eval_every > 0 && step % opt.eval_every == 0 && step < stop_at) {
                    te = std::chrono::steady_clock::now();
                    net->eval();
                    Evaluation e = evaluate(model, rows, opt.eval_max_rows, step);
                    net->train();
                    res.curve.push_back(e.point);
                    res.eval_seconds += seconds_since(te);
                    const std::string why = evaluation_bad(e, data, rows, guard, retain_term);
                    if (!why.empty()) {
                        stop(why + " at step " + std::to_string(step) + " (evaluation)");
                        done = true;
                        break;
                    }
                }
                if (progress && (step % opt.log_every == 0 || step == stop_at)) {
                    UnlearnProgress p;
                    p.step = step; p.total_steps = stop_at; p.epoch = epoch; p.loss = bl.loss; p.lr = lr;
                    p.seconds     = seconds_since(t0);
                    p.eta_seconds = p.seconds / double(step) * double(stop_at - step);
                    p.curve       = res.curve;
                    progress(p);
                }
            }
        }
        res.steps = step;
        // The state after the last step has not been through a forward check: the final
        // evaluation is one. The curve ends with the state left in the model.
        te = std::chrono::steady_clock::now();
        net->eval();
        bool restored = res.stopped_early || res.cancelled;
        if (!restored) {
            Evaluation e = evaluate(model, rows, opt.eval_max_rows, step);
            const std::string why = evaluation_bad(e, data, rows, guard, retain_term);
            if (why.empty()) {
                res.last_good_step = step;
                res.curve.push_back(e.point);
            } else {
                stop(why + " after the last step (" + std::to_string(step) + ")");
                restored = true;
            }
        }
        if (restored) {
            res.last_good_step = snapshot_step;
            res.curve.push_back(evaluate(model, rows, opt.eval_max_rows, snapshot_step).point);
        }
        res.eval_seconds += seconds_since(te);
    }
    res.seconds = seconds_since(t0);
    return res;
}

} // namespace rapidun
