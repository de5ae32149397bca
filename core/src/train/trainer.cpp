// The fine-tuning loop (full or LoRA) and teacher-forced answer NLL.
// Shapes: B = micro-batch, T = longest sample in it, V = vocab.
#include "rapidun/train/train.h"

#include "model/model_impl.h"
#include "rapidun/data/shuffle.h"
#include "rapidun/error.h"
#include "rapidun/io/atomic_file.h"
#include "train/batch.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <random>
#include <sstream>

namespace rapidun {

using torch::Tensor;

double cosine_lr(double base_lr, int64_t step, int64_t total_steps, int64_t warmup_steps) {
    if (step < warmup_steps) return base_lr * double(step + 1) / double(warmup_steps);   // HF uses step/warmup; +1 avoids a wasted step at lr 0
    const double progress = double(step - warmup_steps) / double(std::max<int64_t>(1, total_steps - warmup_steps));
    return base_lr * 0.5 * (1.0 + std::cos(M_PI * progress));
}

namespace {

// Chunks of similar length per micro-batch (see the training loop).
constexpr size_t kLengthChunks = 4;

using train_detail::Autocast;
using train_detail::Batch;
using train_detail::lora_params;
using train_detail::make_batch;
using train_detail::row_nll_sum;
using train_detail::TrainingMode;

// Sorts each window of 64 batches by sample length, then shuffles whole batches (see TrainOptions).
std::vector<size_t> bucket_by_length(const std::vector<TokenizedSample> & samples, std::vector<size_t> order,
                                     size_t batch, std::mt19937_64 & rng) {
    const size_t window = 64 * batch;
    for (size_t w = 0; w < order.size(); w += window) {
        auto b = order.begin() + std::ptrdiff_t(w), e = order.begin() + std::ptrdiff_t(std::min(order.size(), w + window));
        std::stable_sort(b, e, [&](size_t x, size_t y) { return samples[x].ids.size() < samples[y].ids.size(); });
    }
    const size_t n_batches = (order.size() + batch - 1) / batch;
    std::vector<size_t> perm = seeded_permutation(n_batches, rng), out;
    out.reserve(order.size());
    for (size_t p : perm)
        for (size_t i = p * batch; i < std::min(order.size(), (p + 1) * batch); i++) out.push_back(order[i]);
    return out;
}

// What a checkpoint must match to be continued: the settings that shape the run and a hash of the
// samples' tokens (FNV-1a over every id, answer flag and length).
nlohmann::json run_fingerprint(const std::vector<TokenizedSample> & samples, const TrainOptions & o,
                               const std::vector<Tensor> & params, int64_t total) {
    uint64_t h = 1469598103934665603ull;
    auto mix = [&](uint64_t v) { h = (h ^ v) * 1099511628211ull; };
    for (auto & x : samples) {
        mix(x.ids.size());
        for (size_t i = 0; i < x.ids.size(); i++) mix(uint64_t(uint32_t(x.ids[i])) * 2 + (i < x.answer_mask.size() && x.answer_mask[i]));
    }
    int64_t numel = 0;
    for (auto & p : params) numel += p.numel();
    std::ostringstream hs;
    hs << std::hex << h;
    return {{"samples", samples.size()}, {"samples_hash", hs.str()}, {"total_steps", total}, {"lora", o.lora},
            {"lr", o.lr}, {"weight_decay", o.weight_decay}, {"epochs", o.epochs}, {"batch_size", o.batch_size},
            {"grad_accum", o.grad_accum}, {"warmup_ratio", o.warmup_ratio}, {"clip", o.clip}, {"seed", o.seed},
            {"length_buckets", o.length_buckets}, {"bf16_autocast", o.bf16_autocast}, {"per_sample_mean", o.per_sample_mean},
            {"prompt_loss", o.prompt_loss}, {"n_tensors", params.size()}, {"numel", numel}};
}

// Where a run stands after a step: enough to continue it exactly (see TrainOptions::checkpoint).
struct RunState {
    int32_t epoch = 0;
    int64_t step_in_epoch = 0;      // steps of `epoch` done
    int64_t step = 0;
    std::string epoch_rng;          // mt19937_64 state before `epoch`'s shuffle
    double  epoch_loss = 0.0;
    int64_t epoch_steps = 0;
    double  seconds = 0.0;
};

// Saves the state as <dir>/state-<step>.pt (tensors) and <dir>/state.json (the rest, naming the .pt):
// the .json is written last, so it always names a complete .pt; older .pt files are removed after.
void save_checkpoint(const std::string & dir, const nlohmann::json & fingerprint, const RunState & st, const TrainReport & rep,
                     const std::vector<Tensor> & params, torch::optim::AdamW & adamw) {
    namespace fs = std::filesystem;
    make_directories(dir);
    torch::serialize::OutputArchive ar;
    for (size_t i = 0; i < params.size(); i++) ar.write("param." + std::to_string(i), params[i].detach().cpu());
    ar.write("torch_rng", at::detail::getDefaultCPUGenerator().get_state());
    torch::serialize::OutputArchive opt_ar;
    adamw.save(opt_ar);
    ar.write("adamw", opt_ar);
    std::ostringstream bytes;
    ar.save_to(bytes);
    const std::string pt = "state-" + std::to_string(st.step) + ".pt", blob = bytes.str();
    write_file_atomic(dir + "/" + pt, blob.data(), blob.size());
    const nlohmann::json j = {{"format", "rapidun-train-checkpoint"}, {"version", 1}, {"fingerprint", fingerprint},
                              {"tensors", pt}, {"epoch", st.epoch}, {"step_in_epoch", st.step_in_epoch}, {"step", st.step},
                              {"epoch_rng", st.epoch_rng}, {"epoch_loss", st.epoch_loss}, {"epoch_steps", st.epoch_steps},
                              {"seconds", st.seconds}, {"n_answer_tokens", rep.n_answer_tokens},
                              {"loss_per_step", rep.loss_per_step}, {"seconds_per_step", rep.seconds_per_step}};
    write_file_atomic(dir + "/state.json", j.dump() + "\n");
    for (auto & e : fs::directory_iterator(dir)) {
        const std::string n = e.path().filename().string();
        if (n.rfind("state-", 0) == 0 && n != pt) fs::remove(e.path());
    }
}

// Loads a checkpoint into params / adamw / st / rep; false when there is none.
bool load_checkpoint(const std::string & dir, const nlohmann::json & fingerprint, RunState & st, TrainReport & rep,
                     const std::vector<Tensor> & params, torch::optim::AdamW & adamw) {
    const std::string js = dir + "/state.json";
    if (!file_exists(js)) return false;
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(read_file_text(js));
    } catch (const Error &) {
        throw;
    } catch (const std::exception & e) {
        fail(js, "", "not valid JSON: " + json_message(e));
    }
    if (j.value("format", "") != "rapidun-train-checkpoint") fail(js, "", "not a training checkpoint");
    if (j.at("fingerprint") != fingerprint)
        fail(js, "", "saved by a run with other settings or samples (saved " + j.at("fingerprint").dump() + ", now " +
                         fingerprint.dump() + "); remove " + dir + " to start over");
    torch::serialize::InputArchive ar;
    ar.load_from(dir + "/" + j.at("tensors").get<std::string>());
    {
        torch::NoGradGuard ng;
        for (size_t i = 0; i < params.size(); i++) {
            Tensor t;
            ar.read("param." + std::to_string(i), t);
            if (t.sizes() != params[i].sizes()) fail(js, "param." + std::to_string(i), "shape differs from the model's");
            params[i].copy_(t);
        }
    }
    Tensor rng_state;
    ar.read("torch_rng", rng_state);
    at::Generator gen = at::detail::getDefaultCPUGenerator();   // a handle on the one generator
    gen.set_state(rng_state);
    torch::serialize::InputArchive opt_ar;
    ar.read("adamw", opt_ar);
    adamw.load(opt_ar);
    st.epoch = j.at("epoch");
    st.step_in_epoch = j.at("step_in_epoch");
    st.step = j.at("step");
    st.epoch_rng = j.at("epoch_rng");
    st.epoch_loss = j.at("epoch_loss");
    st.epoch_steps = j.at("epoch_steps");
    st.seconds = j.at("seconds");
    rep.n_answer_tokens = j.at("n_answer_tokens");
    rep.loss_per_step = j.at("loss_per_step").get<std::vector<double>>();
    rep.seconds_per_step = j.at("seconds_per_step").get<std::vector<double>>();
    return true;
}

std::string rng_text(const std::mt19937_64 & rng) {
    std::ostringstream o;
    o << rng;
    return o.str();
}

} // namespace

TrainReport train_model(Model & model, const std::vector<TokenizedSample> & samples, const TrainOptions & opt,
                        const std::function<void(const TrainProgress &)> & progress, const CancelToken * cancel) {
    if (samples.empty()) throw Error("train: no samples");
    if (opt.batch_size <= 0 || opt.grad_accum <= 0 || opt.epochs <= 0) throw Error("train: batch size, accumulation and epochs must be positive");
    if (model.has_lora() && !opt.lora) throw Error("train: full fine-tuning of a model with a LoRA adapter attached; detach or merge it first");
    LlamaForCausalLM & net = net_of(model);
    if (model.impl()->lora_merged) throw Error("train: the LoRA adapter is merged; unmerge it first");
    if (opt.lora && !model.has_lora()) {
        LoraSettings s = opt.lora_settings;
        s.seed = opt.seed;
        model.attach_lora(s);
    }
    std::vector<Tensor> params = opt.lora ? lora_params(net) : net->parameters();
    TrainingMode mode(net, params);
    torch::manual_seed(opt.seed);   // LoRA dropout

    torch::optim::AdamW adamw(params, torch::optim::AdamWOptions(opt.lr)
                                          .betas({opt.beta1, opt.beta2})
                                          .eps(opt.eps)
                                          .weight_decay(opt.weight_decay));
    const size_t  N               = samples.size();
    const int64_t micro_per_epoch = static_cast<int64_t>((N + size_t(opt.batch_size) - 1) / size_t(opt.batch_size));
    const int64_t steps_per_epoch = (micro_per_epoch + opt.grad_accum - 1) / opt.grad_accum;
    const int64_t total           = steps_per_epoch * opt.epochs;
    const int64_t warmup          = static_cast<int64_t>(std::floor(opt.warmup_ratio * double(total)));

    TrainReport rep;
    rep.n_samples = static_cast<int64_t>(N);
    std::mt19937_64 rng(opt.seed);
    RunState st;
    st.epoch_rng = rng_text(rng);
    const nlohmann::json fingerprint = opt.checkpoint.empty() ? nlohmann::json() : run_fingerprint(samples, opt, params, total);
    if (!opt.checkpoint.empty() && load_checkpoint(opt.checkpoint, fingerprint, st, rep, params, adamw)) {
        std::istringstream(st.epoch_rng) >> rng;
        rep.resumed_at_step = st.step;
    }
    const auto t0 = std::chrono::steady_clock::now();
    auto elapsed = [&] { return st.seconds + std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
    double last_save = st.seconds;
    auto checkpoint = [&] {
        if (opt.checkpoint.empty()) return;
        RunState now = st;
        now.seconds = elapsed();
        save_checkpoint(opt.checkpoint, fingerprint, now, rep, params, adamw);
        last_save = elapsed();
    };
    int64_t & step = st.step;
    const int32_t first_epoch = st.epoch;
    for (int32_t epoch = first_epoch; epoch < opt.epochs; epoch++) {
        if (epoch != first_epoch) {   // a fresh epoch: its RNG state is where the last one left it
            st.epoch = epoch;
            st.step_in_epoch = 0;
            st.epoch_loss = 0.0;
            st.epoch_steps = 0;
            st.epoch_rng = rng_text(rng);
        }
        std::vector<size_t> order = seeded_permutation(N, rng);
        if (opt.length_buckets) order = bucket_by_length(samples, order, size_t(opt.batch_size), rng);
        double & epoch_loss = st.epoch_loss;
        int64_t & epoch_steps = st.epoch_steps;
        for (int64_t s = st.step_in_epoch; s < steps_per_epoch; s++) {
            if (cancel) cancel->throw_if_cancelled();
            const double lr = cosine_lr(opt.lr, step, total, warmup);
            for (auto & g : adamw.param_groups()) static_cast<torch::optim::AdamWOptions &>(g.options()).lr(lr);
            adamw.zero_grad();
            double step_loss = 0.0;
            int64_t n_micro = 0;
            for (int64_t m = 0; m < opt.grad_accum; m++) {
                const size_t begin = static_cast<size_t>((s * opt.grad_accum + m) * opt.batch_size);
                if (begin >= N) break;
                const size_t end = std::min(N, begin + static_cast<size_t>(opt.batch_size));
                // The micro-batch's loss is the mean over all its answer tokens. Computing it in a
                // few chunks of similar length gives the same gradient with far less padding:
                // each chunk contributes (its NLL sum) / (the micro-batch's answer-token count).
                std::vector<size_t> idx(order.begin() + std::ptrdiff_t(begin), order.begin() + std::ptrdiff_t(end));
                std::stable_sort(idx.begin(), idx.end(), [&](size_t x, size_t y) { return samples[x].ids.size() < samples[y].ids.size(); });
                int64_t n_answer = 0;
                for (size_t i : idx)
                    for (size_t p = 1; p < samples[i].answer_mask.size(); p++) n_answer += opt.prompt_loss || samples[i].answer_mask[p];
                if (n_answer == 0) continue;
                const size_t n_chunks = std::min<size_t>(kLengthChunks, idx.size());
                double micro_loss = 0.0;
                for (size_t c = 0; c < n_chunks; c++) {
                    const size_t cb = idx.size() * c / n_chunks, ce = idx.size() * (c + 1) / n_chunks;
                    Batch b = make_batch(net, samples, idx, cb, ce, opt.prompt_loss);
                    if (b.n_scored == 0) continue;
                    Tensor part;
                    {
                        Autocast ac(opt.bf16_autocast);
                        Tensor rows = row_nll_sum(net, b, model.impl()->dtype);                 // [B]
                        part = opt.per_sample_mean
                                   ? (rows / (b.targets != -100).sum(1).clamp_min(1)).sum() / double(idx.size())
                                   : rows.sum() / double(n_answer);
                    }
                    (part / double(opt.grad_accum)).backward();
                    micro_loss += part.item<double>();
                }
                step_loss += micro_loss;
                rep.n_answer_tokens += n_answer;
                n_micro++;
            }
            if (n_micro == 0) {
                st.step_in_epoch = s + 1;
                continue;
            }
            if (opt.clip > 0) torch::nn::utils::clip_grad_norm_(params, opt.clip);
            adamw.step();
            step_loss /= double(n_micro);
            if (!std::isfinite(step_loss)) throw Error("train: loss became " + std::to_string(step_loss) + " at step " + std::to_string(step));
            rep.loss_per_step.push_back(step_loss);
            rep.seconds_per_step.push_back(elapsed());
            epoch_loss += step_loss;
            epoch_steps++;
            step++;
            st.step_in_epoch = s + 1;
            if (!opt.checkpoint.empty() && elapsed() - last_save >= opt.checkpoint_seconds) checkpoint();
            if (progress) {
                TrainProgress p;
                p.step = step; p.total_steps = total; p.epoch = epoch; p.loss = step_loss; p.lr = lr;
                p.seconds = elapsed();
                const double run = p.seconds - st.seconds;   // this run's own pace for the ETA
                p.eta_seconds = run / double(std::max<int64_t>(1, step - rep.resumed_at_step)) * double(total - step);
                progress(p);
            }
        }
        rep.final_loss = epoch_steps ? epoch_loss / double(epoch_steps) : 0.0;
    }
    rep.steps   = step;
    rep.seconds = elapsed();
    if (!opt.checkpoint.empty() && (rep.resumed_at_step < step || !file_exists(opt.checkpoint + "/state.json"))) checkpoint();
    return rep;
}

std::vector<double> answer_nll(const Model & model, const std::vector<TokenizedSample> & samples, int32_t batch_size) {
    c10::InferenceMode guard;
    LlamaForCausalLM & net = net_of(model);
    std::vector<size_t> order(samples.size());
    for (size_t i = 0; i < order.size(); i++) order[i] = i;
    // Similar lengths together: less padding.
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return samples[a].ids.size() < samples[b].ids.size(); });
    std::vector<double> out(samples.size(), 0.0);
    for (size_t begin = 0; begin < order.size(); begin += size_t(batch_size)) {
        const size_t end = std::min(order.size(), begin + size_t(batch_size));
        Batch b = make_batch(net, samples, order, begin, end);
        Tensor sums = row_nll_sum(net, b, model.impl()->dtype).to(torch::kFloat64).cpu();   // [B]
        for (size_t r = 0; r < end - begin; r++) {
            const TokenizedSample & s = samples[order[begin + r]];
            int64_t n = 0;
            for (size_t p = 1; p < s.answer_mask.size(); p++) n += s.answer_mask[p];
            out[order[begin + r]] = n ? sums[static_cast<int64_t>(r)].item<double>() / double(n) : 0.0;
        }
    }
    return out;
}

} // namespace rapidun
