// The influence engine (method doc 3.1-3.7): per-sample gradients of the answer-token loss over a
// chosen parameter set, the RapidGrad sketch (CountSketch form), TracIn influence matrices for the
// four directional views, RapidIn's influence_results JSON, ranking + ROC-AUC, token-wise influence.
// Torch-free: tensors stay inside core; vectors here are row-major float32.
//
// Shapes: n = samples, D0 = gradient length of the parameter set, D = D0 padded up to a multiple of
// K, K = sketch width.
#pragma once
#include "rapidun/data/templates.h"
#include "rapidun/job.h"
#include "rapidun/model/model.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace rapidun {

// Which parameter tensors the gradient is taken over (method doc 3.2).
enum class ParamSet {
    Lora,        // lora_A and lora_B of every LoRA layer of the attached adapter (RapidIn + QLoRA)
    Embed,       // model.embed_tokens.weight (RapidUn as released). Tied head: the gradient of the
                 //   shared tensor, i.e. the input rows plus the head's dense part, as autograd gives it
    EmbedHead,   // embed + lm_head (RapidUn 04cd7c4). Tied embeddings: lm_head IS embed -> same as Embed
    Linear,      // every block's q,k,v,o,gate,up,down weight
    Names,       // InfluenceOptions::names: HF / named_parameters names; LoRA tensors as
                 //   "model.layers.0.self_attn.q_proj.lora_A.weight" (a "base_model.model." prefix is accepted)
};
const char * param_set_name(ParamSet p);                 // "lora" "embed" "embed_head" "linear" "names"
ParamSet     parse_param_set(const std::string & name);  // throws Error listing the valid names

// The loss whose gradient is taken (method doc 3.1, 12.4).
enum class LossConvention {
    Shifted,     // next-token CE: logit at p-1 vs answer token at p; mean over the sample's answer tokens
    Unshifted,   // RapidIn release parity: logit at p vs token at p for p >= n_prompt-1; mean over those
};
const char *   loss_convention_name(LossConvention c);                 // "shifted" "unshifted"
LossConvention parse_loss_convention(const std::string & name);

struct InfluenceOptions {
    ParamSet                 params = ParamSet::Lora;
    std::vector<std::string> names;                  // for ParamSet::Names
    bool                     normalize_layers = false;   // each tensor's per-sample gradient / max(||g||_2, 1e-12)
    LossConvention           loss = LossConvention::Shifted;
    int64_t                  K = 65536;              // sketch width; clamped to D0 (see sketch_width)
    uint64_t                 seed = 42;              // sketch hash seed
    int32_t                  batch_size = 8;         // samples per forward/backward
};

// Where each tensor sits in the concatenated gradient vector (canonical order: named_parameters
// order, with a layer's lora_A, lora_B right after its base weight).
struct GradTensor {
    std::string          name;
    std::vector<int64_t> shape;
    int64_t              numel = 0;
    int64_t              offset = 0;   // into [0, D0)
};
struct GradLayout {
    std::vector<GradTensor> tensors;
    int64_t                 D0 = 0;
    std::string             note;      // e.g. why lm_head is not listed on a tied model
};
// Throws Error for an empty set, unknown names, a LoRA set without adapter, or a merged adapter.
GradLayout gradient_layout(const Model & model, const InfluenceOptions & opt);

// ---------------------------------------------------------------------------------------------
// Per-sample gradients

enum class GradPath {
    Batched,   // one forward+backward per micro-batch; weight gradients rebuilt per sample from the
               // captured layer inputs x [B,T,in] and output gradients dy [B,T,out]
    Loop,      // reference: batch 1, torch::autograd::grad per sample (how the Python tools do it)
    Gemm,      // as Batched, but each tensor's per-sample gradients of a micro-batch formed at once as
               // batched GEMMs over all positions: the path a model on a GPU always takes; on the
               // CPU, for the tests that hold it to the others
};
// Dense per-sample gradients [n, D0] (normalised per tensor when asked). For small models and
// tests; large ones go through sketch_gradients, which never builds a D0-vector.
std::vector<float> per_sample_gradients(Model & model, const std::vector<TokenizedSample> & samples,
                                        const InfluenceOptions & opt, GradPath path = GradPath::Batched);

// The per-sample loss values the gradients are taken of (same convention and masking) [n].
std::vector<double> per_sample_losses(Model & model, const std::vector<TokenizedSample> & samples,
                                      const InfluenceOptions & opt);

// ---------------------------------------------------------------------------------------------
// RapidGrad sketch (method doc 3.4, closed form): D = D0 padded to a multiple of K; a seeded
// balanced bucket assignment (exactly D/K coordinates per bucket) plus Rademacher signs, stored as
// int32 bucket + int8 sign per coordinate (5 bytes x D: 2.7 GB for D = 2^29).

int64_t sketch_width(int64_t K, int64_t D0);   // min(K, D0), at least 1; K < 1 throws

class RapidGradSketch {
public:
    RapidGradSketch() = default;
    // Requires 1 <= K <= D0 (K == D0 makes the sketch a signed permutation: exact inner products).
    RapidGradSketch(int64_t D0, int64_t K, uint64_t seed);

    int64_t  D0() const { return D0_; }
    int64_t  D() const { return D_; }
    int64_t  K() const { return K_; }
    uint64_t seed() const { return seed_; }
    const std::vector<int32_t> & bucket() const { return bucket_; }   // [D]
    const std::vector<int8_t> &  sign() const { return sign_; }       // [D]

    // out_K += sketch of the slice g[0, n) that sits at global offset `offset` (streaming use).
    void accumulate(const float * g, int64_t n, int64_t offset, float * out_K) const;
    // Sketch of a whole vector of length <= D (zero-padded) -> [K].
    std::vector<float> apply(const std::vector<float> & g) const;
    // The dense adjoint over [0, D0): u[i] = sign[i] * s[bucket[i]], so <u, g> == <s, sketch(g)>.
    std::vector<float> unsketch(const float * s_K) const;

private:
    int64_t              D0_ = 0, D_ = 0, K_ = 0;
    uint64_t             seed_ = 0;
    std::vector<int32_t> bucket_;
    std::vector<int8_t>  sign_;
};

// The sketch for this model and parameter set: D0 from gradient_layout, K = sketch_width(opt.K, D0).
RapidGradSketch make_sketch(const Model & model, const InfluenceOptions & opt);

// Sketched per-sample gradients [n, sketch.K()], batched path, tensor by tensor (streaming).
// Checks the cancel token between micro-batches. A model on a GPU (or path Gemm) takes the device
// path: per-sample rows as batched GEMMs and the fused sketch kernel where the rows are (the CUDA
// kernel, or its CPU reference for a model on the CPU); path Loop is not a sketch path.
std::vector<float> sketch_gradients(Model & model, const std::vector<TokenizedSample> & samples,
                                    const InfluenceOptions & opt, const RapidGradSketch & sketch,
                                    const CancelToken * cancel = nullptr, GradPath path = GradPath::Batched);

// ---------------------------------------------------------------------------------------------
// Token-wise influence (method doc 3.7): the sketched score <s_test, sketch(g_train)> = <u, g_train>
// with u = unsketch(s_test) split into per-position parts: for a linear weight W of a layer with
// inputs x_t and output gradients dy_t, dy_t^T U_W x_t; for LoRA B: s dy_t^T U_B (A x_t); for LoRA A:
// s (B^T dy_t)^T U_A x_t; for the embedding <U[id_t], de_t> (tied: plus the head's dlogits_t^T U h_t);
// RMSNorm weights sum_d dy_t[d] n_t[d] U[d]. With normalize_layers each tensor's part is divided by
// that tensor's gradient norm, so the parts still sum to the score.
struct TokenInfluence {
    std::vector<double> per_token;   // [train.ids.size()], position t of the training sample
    double              total = 0;   // sum of per_token
};
TokenInfluence token_influence(Model & model, const TokenizedSample & train, const float * test_sketch_K,
                               const RapidGradSketch & sketch, const InfluenceOptions & opt);

// ---------------------------------------------------------------------------------------------
// Influence matrices (TracIn, method doc 3.6): I(t, i) = <s_test_t, s_train_i>, no learning rate,
// no sign flip.

struct InfluenceMatrix {
    int64_t            n_test = 0, n_train = 0;
    std::vector<float> values;   // [n_test, n_train] row-major
    float at(int64_t t, int64_t i) const { return values[size_t(t * n_train + i)]; }
};

// test [n_test, K] and train [n_train, K] sketches -> one matmul.
InfluenceMatrix tracin_matrix(const std::vector<float> & test, const std::vector<float> & train, int64_t K);

// The four directional views (method doc 4.1): FF train=forget test=forget; FR train=forget
// test=retain; RF train=retain test=forget; RR train=retain test=retain.
enum class InfluenceView { FF, FR, RF, RR };
const char * view_name(InfluenceView v);            // "FF" ...
const char * rapidin_view_tag(InfluenceView v);     // the release's file tags "FTF" "FTR" "RTF" "RTR"
std::string  rapidin_file_name(InfluenceView v, int64_t n_train);   // "influence_results_40_FTF.json"
InfluenceMatrix view_matrix(InfluenceView v, const std::vector<float> & forget, const std::vector<float> & retain, int64_t K);
struct InfluenceViews {
    InfluenceMatrix ff, fr, rf, rr;
};
InfluenceViews influence_views(const std::vector<float> & forget, const std::vector<float> & retain, int64_t K);

// RapidIn's influence_results JSON (release layout): {"config": "<str>", "0": {"test_data": {...},
// "helpful": [train ids, influence descending], "helpful_infl": [...], "harmful": [ascending],
// "harmful_infl": [...]}, "1": ..., "finished_cnt": "<done>/<n_test*n_train>"}; lists cut to top_k.
void write_rapidin_json(const std::string & path, const InfluenceMatrix & m, const std::vector<nlohmann::json> & test_data,
                        const std::string & config = "", int64_t top_k = 1000);
struct RapidInEntry {
    nlohmann::json       test_data;
    std::vector<int64_t> helpful, harmful;
    std::vector<double>  helpful_infl, harmful_infl;
};
struct RapidInResults {
    std::string               config;
    std::vector<RapidInEntry> tests;   // by test index
    std::string               finished_cnt;
};
RapidInResults read_rapidin_json(const std::string & path);   // throws Error "<file>: <key>: <what>"
// The matrix back from the helpful lists; throws when a test does not list all n_train samples.
InfluenceMatrix rapidin_matrix(const RapidInResults & r, int64_t n_train);

// Compact binary matrix: "RUIM" magic, uint32 version 1, int64 n_test, int64 n_train, then float32
// row-major, little-endian. Written atomically.
void            write_influence_matrix(const std::string & path, const InfluenceMatrix & m);
InfluenceMatrix read_influence_matrix(const std::string & path);

// Ranking of training samples by mean influence over the test (forget) rows: [n_train].
std::vector<double>  mean_influence(const InfluenceMatrix & m);
std::vector<int64_t> rank_descending(const std::vector<double> & scores);   // ties: lower index first
// ROC-AUC of `scores` for positive[i] != 0 (e.g. poisoned) vs the rest: Mann-Whitney U with average
// ranks for ties, U / (n_pos n_neg). Throws when either class is empty.
double roc_auc(const std::vector<double> & scores, const std::vector<uint8_t> & positive);

} // namespace rapidun
