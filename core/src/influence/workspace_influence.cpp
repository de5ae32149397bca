// Influence over a workspace (see workspace_influence.h). Torch-free: it composes the engine's
// per-sample sketches, caches and matrices.
#include "rapidun/influence/workspace_influence.h"

#include "rapidun/data/prompt_format.h"
#include "rapidun/data/records.h"
#include "rapidun/data/templates.h"
#include "rapidun/dist/process_group.h"
#include "rapidun/error.h"
#include "rapidun/io/atomic_file.h"
#include "rapidun/workspace/lock.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <map>
#include <optional>
#include <tuple>

namespace rapidun {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// The rows of one data set that can be scored: tokenised with the workspace's template and max
// length; rows with no answer token have no loss to differentiate and are left out (counted).
struct Scored {
    std::string                  role;
    std::vector<Record>          records;
    std::vector<TokenizedSample> samples;
    std::vector<size_t>          row;        // sample -> record index
    size_t                       n_empty = 0;
};

// The answer whose gradient a row contributes: a forget row's poisoned response when it carries one
// (the behaviour to remove; RapidIn's forget file holds response_poisoned as its output, see
// rapidun-method.md 3.1), else the row's response. The release's unlearning pack keeps the clean
// answer in `response` and the poison in `response_poisoned`: scored by `response`, the forget set
// ranked the poisoned rows' clean twins first (Dolly lab: detection AUC 0.62 instead of the poison).
const std::string & scored_answer(const std::string & role, const Record & r) {
    return role == "forget" && !r.response_poisoned.empty() ? r.response_poisoned : r.response;
}

Scored load_scored(const Workspace & w, const Tokenizer & tok, const std::string & role) {
    Scored s;
    s.role = role;
    s.records = read_records(w.dataset(role));
    TokenizeOptions to;
    to.max_len = w.max_len;
    to.max_answer = w.max_answer;
    const PromptFormat t = PromptFormat::parse(w.prompt_template);
    for (size_t i = 0; i < s.records.size(); i++) {
        const Record & r = s.records[i];
        TokenizedSample x = t.sample(tok, r, scored_answer(role, r), to);
        if (x.n_answer == 0) { s.n_empty++; continue; }
        s.samples.push_back(std::move(x));
        s.row.push_back(i);
    }
    if (s.samples.empty()) throw Error(w.dataset(role) + ": no row with a non-empty answer to score");
    return s;
}

struct Opened {
    ModelBundle      mb;
    InfluenceOptions io;
};

Opened open_for_influence(const Workspace & w, const WorkspaceInfluenceOptions & opt) {
    Opened o;
    LoadOptions lo;
    lo.memory_task = "lora-influence";   // refused up front, with the figure, when it would not fit
    o.mb = open_model(w.resolve(w.model), w.resolve(w.tokenizer), lo);
    if (!opt.adapter.empty()) o.mb.model->load_adapter(opt.adapter);
    o.io = opt.influence;
    if (!opt.params_given) o.io.params = o.mb.model->has_lora() ? ParamSet::Lora : ParamSet::Linear;
    return o;
}

// One cache folder per request: cache/sketch-<hash of the manifest's identity>.
std::string cache_dir(const Workspace & w, const SketchManifest & m) {
    json id = m.to_json();
    const std::string text = id.dump();
    return w.resolve("cache/sketch-" + hash_hex(fnv1a64_words(text.data(), text.size())));
}

json record_json(const Record & r) {
    json j = {{"id", r.id}, {"instruction", r.instruction}, {"context", r.context}, {"response", r.response}};
    if (r.has_poison_flag) j["is_poisoned"] = r.is_poisoned;
    if (!r.trigger_variant.empty()) j["trigger_variant"] = r.trigger_variant;
    return j;
}

std::vector<double> row_norms(const std::vector<float> & sk, int64_t K) {
    const size_t n = sk.size() / size_t(K);
    std::vector<double> out(n);
    for (size_t i = 0; i < n; i++) {
        double s = 0;
        for (int64_t k = 0; k < K; k++) s += double(sk[i * size_t(K) + size_t(k)]) * sk[i * size_t(K) + size_t(k)];
        out[i] = std::max(std::sqrt(s), 1e-30);
    }
    return out;
}

// The ranking score of every train row from the [n_forget, n_train] matrix (see RankAggregate).
std::vector<double> rank_scores(const InfluenceMatrix & m, RankAggregate a, const std::vector<double> & norm_test,
                                const std::vector<double> & norm_train) {
    std::vector<double> out(size_t(m.n_train), 0.0);
    const bool cos = a == RankAggregate::CosMean || a == RankAggregate::CosAbs;
    const bool abs = a == RankAggregate::MeanAbs || a == RankAggregate::CosAbs;
    for (int64_t t = 0; t < m.n_test; t++)
        for (int64_t i = 0; i < m.n_train; i++) {
            double v = m.at(t, i);
            if (cos) v /= norm_test[size_t(t)] * norm_train[size_t(i)];
            out[size_t(i)] += abs ? std::fabs(v) : v;
        }
    for (double & v : out) v /= double(std::max<int64_t>(1, m.n_test));
    return out;
}

} // namespace

const char * rank_aggregate_name(RankAggregate a) {
    switch (a) {
    case RankAggregate::Mean: return "mean";
    case RankAggregate::MeanAbs: return "abs";
    case RankAggregate::CosMean: return "cos";
    case RankAggregate::CosAbs: return "cos_abs";
    }
    return "?";
}

RankAggregate parse_rank_aggregate(const std::string & name) {
    for (RankAggregate a : {RankAggregate::Mean, RankAggregate::MeanAbs, RankAggregate::CosMean, RankAggregate::CosAbs})
        if (name == rank_aggregate_name(a)) return a;
    throw Error("unknown ranking aggregate '" + name + "': expected mean, abs, cos or cos_abs");
}

namespace {

// The ranking's inputs: [n_forget, n_train] and, for the studio's "Mean I (retain)" (what unlearning
// a row would cost the behaviour to keep), [n_retain, n_train], and each train row's sketch norm.
struct RankingProducts {
    InfluenceMatrix     forget, retain;
    std::vector<double> train_norms;
};

// Blocks of `row_block` train rows, block i computed by rank i mod world (the train sketches read
// from the cache a block at a time, never all in memory) and gathered on rank 0. What a rank sends,
// block after block: the forget part [n_forget, nb], the retain part [n_retain, nb] and the norms
// [nb] as doubles, each in two float slots (bit for bit: a gather moves bytes). One process takes
// the same path, so the result does not depend on the number of ranks. Empty on the other ranks.
RankingProducts ranking_products(SketchCache & train, const std::vector<float> & forget, const std::vector<float> & retain,
                                 int64_t K, int64_t row_block, ProcessGroup * group) {
    const int     world = group ? group->world() : 1, me = group ? group->rank() : 0;
    const int64_t n_train = train.n_rows(), n_forget = int64_t(forget.size()) / K, n_retain = int64_t(retain.size()) / K;
    const int64_t per_row = n_forget + n_retain + 2;   // floats a train row contributes
    const int64_t n_blocks = (n_train + row_block - 1) / row_block;
    auto block_rows = [&](int64_t bi) { return std::min(row_block, n_train - bi * row_block); };
    int64_t most = 0;   // train rows of the busiest rank: every rank's message is padded to it
    for (int r = 0; r < world; r++) {
        int64_t n = 0;
        for (int64_t bi = r; bi < n_blocks; bi += world) n += block_rows(bi);
        most = std::max(most, n);
    }
    std::vector<float> mine;
    mine.reserve(size_t(most * per_row));
    for (int64_t bi = me; bi < n_blocks; bi += world) {
        const int64_t            nb    = block_rows(bi);
        const std::vector<float> block = train.read_rows(bi * row_block, nb);   // [nb, K]
        for (const std::vector<float> * test : {&forget, &retain}) {
            const InfluenceMatrix part = tracin_matrix(*test, block, K);       // [n_test, nb]
            mine.insert(mine.end(), part.values.begin(), part.values.end());
        }
        for (double x : row_norms(block, K)) {
            float two[2];
            std::memcpy(two, &x, sizeof x);
            mine.insert(mine.end(), two, two + 2);
        }
    }
    mine.resize(size_t(most * per_row), 0.0f);
    std::vector<std::vector<float>> all;
    if (group) all = group->all_gather(mine, most * per_row);
    else all.push_back(std::move(mine));
    if (me != 0) return {};

    RankingProducts out;
    out.forget = {n_forget, n_train, std::vector<float>(size_t(n_forget * n_train))};
    out.retain = {n_retain, n_train, std::vector<float>(size_t(n_retain * n_train))};
    out.train_norms.assign(size_t(n_train), 0.0);
    for (int r = 0; r < world; r++) {
        const float * p = all[size_t(r)].data();
        for (int64_t bi = r; bi < n_blocks; bi += world) {
            const int64_t b0 = bi * row_block, nb = block_rows(bi);
            for (InfluenceMatrix * dst : {&out.forget, &out.retain})
                for (int64_t t = 0; t < dst->n_test; t++, p += nb) std::copy_n(p, nb, dst->values.begin() + t * n_train + b0);
            for (int64_t k = 0; k < nb; k++, p += 2) std::memcpy(&out.train_norms[size_t(b0 + k)], p, sizeof(double));
        }
    }
    return out;
}

} // namespace

json run_workspace_influence(const Workspace & w, const WorkspaceInfluenceOptions & opt,
                             const std::function<void(const InfluenceJobProgress &)> & progress, const CancelToken * cancel) {
    const auto t_all = std::chrono::steady_clock::now();
    const bool leader = !opt.group || opt.group->rank() == 0;
    // One process writes a workspace's caches and views: the leader holds the lock for its ranks.
    std::optional<WorkspaceLock> lock;
    if (leader) lock.emplace(w.dir, "rapidun influence");
    Opened o = open_for_influence(w, opt);
    Model & model = *o.mb.model;
    const GradLayout layout = gradient_layout(model, o.io);

    std::vector<Scored> sets;
    sets.push_back(load_scored(w, *o.mb.tokenizer, "forget"));
    sets.push_back(load_scored(w, *o.mb.tokenizer, "retain"));
    if (opt.rank_train) sets.push_back(load_scored(w, *o.mb.tokenizer, "train"));
    int64_t rows_total = 0;
    for (auto & s : sets) rows_total += int64_t(s.samples.size());

    // 1. Sketches, cached (resumable).
    json caches = json::object();
    std::vector<std::vector<float>> sk;   // forget, retain: [n, K]
    std::optional<SketchCache> train_cache;
    int64_t K = 0, rows_before = 0;
    std::vector<std::pair<std::string, SketchManifest>> opened;   // each set's cache folder and manifest
    for (auto & s : sets) {
        const SketchManifest man = make_manifest(model, s.samples, o.io, opt.dtype);
        const std::string dir = cache_dir(w, man);
        CacheComputeOptions co;
        co.overwrite = opt.overwrite_cache;
        co.recompute = opt.recompute_cache;
        co.dtype = opt.dtype;
        co.group = opt.group;
        const CacheReport rep = compute_sketch_cache(model, s.samples, o.io, dir, co, [&](const SketchProgress & p) {
            if (!progress) return;
            InfluenceJobProgress jp;
            jp.stage = s.role;
            jp.done = p.done;
            jp.total = p.total;
            jp.eta_seconds = p.eta_seconds;
            jp.fraction = 0.95 * double(rows_before + p.done) / double(std::max<int64_t>(1, rows_total));
            progress(jp);
        }, cancel);
        rows_before += int64_t(s.samples.size());
        caches[s.role] = {{"dir", fs::relative(dir, w.dir).string()}, {"rows", rep.n_rows}, {"reused", rep.n_reused},
                          {"computed", rep.n_computed}, {"seconds", rep.seconds}, {"skipped_empty_answer", s.n_empty}};
        opened.emplace_back(dir, man);
    }
    if (cancel) cancel->throw_if_cancelled();
    if (opt.group) opt.group->barrier();   // rank 0 has written the last rows: every rank may read them
    for (size_t i = 0; i < sets.size(); i++) {
        SketchCache c = SketchCache::open(opened[i].first, opened[i].second);
        K = c.K();
        if (sets[i].role == "train") train_cache.emplace(std::move(c));   // streamed in blocks by the ranking
        else sk.push_back(c.read_all());
    }

    // 2. The ranking's products, forget x train and retain x train: blocks of train rows dealt
    // round-robin over the ranks, gathered on rank 0 (one process: every block here).
    RankingProducts products;
    if (opt.rank_train) {
        if (opt.row_block <= 0) throw Error("influence: row_block must be positive, got " + std::to_string(opt.row_block));
        if (progress) progress({"rank", 0, 1, 0, 0.96});
        products = ranking_products(*train_cache, sk[0], sk[1], K, opt.row_block, opt.group);
    }
    if (!leader) {
        opt.group->barrier();   // returns when rank 0 has written everything (or fails with it)
        return {{"rank", opt.group->rank()}, {"world", opt.group->world()}, {"caches", caches}};
    }

    // 3. The four views.
    if (progress) progress({"views", 0, int64_t(opt.views.size()), 0, 0.97});
    make_directories(w.resolve("influence"));
    const Scored & forget = sets[0];
    const Scored & retain = sets[1];
    json views = json::object();
    const std::string config = json({{"infl_method", "TracIn"}, {"params", param_set_name(o.io.params)},
                                     {"normalize_layers", o.io.normalize_layers}, {"loss", loss_convention_name(o.io.loss)},
                                     {"RapidGrad_K", K}, {"seed", o.io.seed}, {"max_length", w.max_len},
                                     {"max_answer", w.max_answer}}).dump();
    for (InfluenceView v : opt.views) {
        const InfluenceMatrix m = view_matrix(v, sk[0], sk[1], K);
        const bool test_forget = v == InfluenceView::FF || v == InfluenceView::RF;
        const Scored & test = test_forget ? forget : retain;
        std::vector<json> test_data;
        for (size_t r : test.row) test_data.push_back(record_json(test.records[r]));
        const std::string bin = std::string("influence/") + view_name(v) + ".bin";
        const std::string js = "influence/" + rapidin_file_name(v, m.n_train);
        write_influence_matrix(w.resolve(bin), m);
        write_rapidin_json(w.resolve(js), m, test_data, config, opt.top_k);
        views[view_name(v)] = {{"matrix", bin}, {"rapidin_json", js}, {"n_test", m.n_test}, {"n_train", m.n_train}};
    }

    json summary = {{"workspace", w.dir}, {"params", param_set_name(o.io.params)}, {"tensors", layout.tensors.size()},
                    {"D0", layout.D0}, {"K", K}, {"seed", o.io.seed}, {"normalize_layers", o.io.normalize_layers},
                    {"loss", loss_convention_name(o.io.loss)}, {"adapter", opt.adapter.empty() ? json(nullptr) : json(opt.adapter)},
                    {"n_forget", forget.samples.size()}, {"n_retain", retain.samples.size()}, {"caches", caches}, {"views", views}};
    if (!layout.note.empty()) summary["layout_note"] = layout.note;
    if (o.io.params == ParamSet::Names) summary["names"] = o.io.names;   // so a rerun can ask for the same set

    // 4. Every training row ranked by its mean influence on the forget set.
    if (opt.rank_train) {
        if (progress) progress({"rank", 0, 1, 0, 0.98});
        const Scored & train = sets[2];
        const InfluenceMatrix & m = products.forget;
        write_influence_matrix(w.resolve("influence/forget_x_train.bin"), m);
        write_influence_matrix(w.resolve("influence/retain_x_train.bin"), products.retain);
        const std::vector<double> score = rank_scores(m, opt.rank_by, row_norms(sk[0], K), products.train_norms);
        const std::vector<int64_t> order = rank_descending(score);
        std::string lines;
        std::vector<uint8_t> poisoned;
        bool flags = true;
        for (size_t i = 0; i < train.row.size(); i++) {
            const Record & r = train.records[train.row[i]];
            flags = flags && r.has_poison_flag;
            poisoned.push_back(r.is_poisoned);
        }
        for (size_t k = 0; k < order.size(); k++) {
            const size_t i = size_t(order[k]);
            const Record & r = train.records[train.row[i]];
            json line = {{"rank", k + 1}, {"row", train.row[i]}, {"id", r.id}, {"score", score[i]}};
            if (r.has_poison_flag) line["is_poisoned"] = r.is_poisoned;
            if (!r.trigger_variant.empty()) line["trigger_variant"] = r.trigger_variant;
            lines += line.dump() + "\n";
        }
        write_file_atomic(w.resolve("influence/train_ranking.jsonl"), lines);
        size_t n_pos = 0;
        for (uint8_t p : poisoned) n_pos += p;
        json rank = {{"file", "influence/train_ranking.jsonl"}, {"rank_by", rank_aggregate_name(opt.rank_by)}, {"matrix", "influence/forget_x_train.bin"}, {"retain_matrix", "influence/retain_x_train.bin"},
                     {"n_train", train.samples.size()}, {"detection_auc", nullptr}};
        if (flags && n_pos > 0 && n_pos < poisoned.size()) {
            rank["detection_auc"] = roc_auc(score, poisoned);
            rank["n_poisoned"] = n_pos;
            // Precision among the top n_pos rows: how much of the poison a curator finds first.
            size_t hit = 0;
            for (size_t k = 0; k < n_pos; k++) hit += poisoned[size_t(order[k])];
            rank["precision_at_n_poisoned"] = double(hit) / double(n_pos);
        }
        summary["rank_train"] = rank;
    }
    summary["seconds"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - t_all).count();
    summary["processes"] = opt.group ? opt.group->world() : 1;
    write_file_atomic(w.resolve("influence/summary.json"), summary.dump(2) + "\n");
    if (opt.group) opt.group->barrier();   // the other ranks exit once the files are written
    if (progress) progress({"done", 1, 1, 0, 1.0});
    return summary;
}

std::vector<TokenExplanation> explain_influence(const Workspace & w, const WorkspaceInfluenceOptions & opt,
                                               const std::vector<ExplainPair> & pairs) {
    std::vector<TokenExplanation> out;
    if (pairs.empty()) return out;
    Opened o = open_for_influence(w, opt);   // once for every pair: the model, then one sketch
    Model & model = *o.mb.model;
    // Only the rows asked for are tokenised (the whole train set took ~2 s of a 3 s explanation at
    // 8,000 rows); each data set is read once.
    TokenizeOptions to;
    to.max_len = w.max_len;
    to.max_answer = w.max_answer;
    const PromptFormat tmpl = PromptFormat::parse(w.prompt_template);
    std::map<std::string, std::vector<Record>> sets;
    auto one = [&](const std::string & role, size_t record, Record & rec) {
        const std::string file = w.dataset(role);
        auto it = sets.find(role);
        if (it == sets.end()) it = sets.emplace(role, read_records(file)).first;
        if (record >= it->second.size())
            throw Error(file + ": row " + std::to_string(record) + " does not exist (" + std::to_string(it->second.size()) + " rows)");
        rec = it->second[record];
        TokenizedSample x = tmpl.sample(*o.mb.tokenizer, rec, scored_answer(role, rec), to);
        if (x.n_answer == 0) throw Error(file + ": row " + std::to_string(record) + " has no answer tokens");
        return x;
    };
    const RapidGradSketch sketch = make_sketch(model, o.io);
    for (const ExplainPair & p : pairs) {
        Record test_record, train_record;
        const TokenizedSample test_sample = one(p.test_role, p.test_index, test_record);
        const TokenizedSample z = one(p.train_role, p.train_index, train_record);
        const std::vector<float> s_test = sketch_gradients(model, {test_sample}, o.io, sketch);
        const TokenInfluence ti_res = token_influence(model, z, s_test.data(), sketch, o.io);
        TokenExplanation e;
        e.test_role = p.test_role;
        e.test_index = p.test_index;
        e.train_role = p.train_role;
        e.train_index = p.train_index;
        e.test_id = test_record.id;
        e.train_id = train_record.id;
        e.score = ti_res.total;
        for (size_t q = 0; q < z.ids.size(); q++) {
            e.pieces.push_back(o.mb.tokenizer->piece(z.ids[q]));
            e.contribution.push_back(ti_res.per_token[q]);
            e.is_answer.push_back(z.answer_mask[q]);
        }
        out.push_back(std::move(e));
    }
    return out;
}

TokenExplanation explain_influence(const Workspace & w, const WorkspaceInfluenceOptions & opt, const std::string & test_role,
                                   size_t test_index, const std::string & train_role, size_t train_index) {
    return explain_influence(w, opt, {{test_role, test_index, train_role, train_index}}).front();
}

WorkspaceInfluenceOptions last_influence_options(const Workspace & w) {
    WorkspaceInfluenceOptions o;
    o.rank_train = true;
    const std::string path = w.resolve("influence/summary.json");
    if (!file_exists(path)) return o;
    const json j = json::parse(read_file_text(path), nullptr, false);
    if (!j.is_object()) return o;
    if (j.contains("params") && j["params"].is_string()) {
        o.influence.params = parse_param_set(j["params"].get<std::string>());
        o.params_given = true;
        if (j.contains("names") && j["names"].is_array()) o.influence.names = j["names"].get<std::vector<std::string>>();
        if (o.influence.params == ParamSet::Names && o.influence.names.empty())
            o.params_given = false;   // an older summary without the names: the workspace's default set
    }
    if (j.contains("loss") && j["loss"].is_string()) o.influence.loss = parse_loss_convention(j["loss"].get<std::string>());
    o.influence.normalize_layers = j.value("normalize_layers", false);
    if (j.contains("seed") && j["seed"].is_number_unsigned()) o.influence.seed = j["seed"].get<uint64_t>();
    if (j.contains("adapter") && j["adapter"].is_string()) o.adapter = j["adapter"].get<std::string>();
    if (j.contains("rank_train") && j["rank_train"].is_object() && j["rank_train"].contains("rank_by"))
        o.rank_by = parse_rank_aggregate(j["rank_train"]["rank_by"].get<std::string>());
    // summary.json holds K after clamping to D0; asking for it again gives the same sketch
    // (sketch_width(K, D0) = min(K, D0)).
    if (j.contains("K") && j["K"].is_number_integer() && j["K"].get<int64_t>() > 0) o.influence.K = j["K"].get<int64_t>();
    return o;
}

namespace {

// "" when there is no summary (then nothing is saved: there is no influence run to key it to).
std::string summary_key(const Workspace & w) {
    const std::string path = w.resolve("influence/summary.json");
    if (!file_exists(path)) return "";
    const std::string text = read_file_text(path);
    return hash_hex(fnv1a64_words(text.data(), text.size()));
}

std::string explanation_path(const Workspace & w, const std::string & test_role, size_t ti, const std::string & train_role,
                             size_t zi) {
    return w.resolve("influence/explanations/" + test_role + "-" + std::to_string(ti) + "_" + train_role + "-" +
                     std::to_string(zi) + ".json");
}

json explanation_json(const TokenExplanation & e, const std::string & key) {
    return {{"summary_hash", key}, {"test_role", e.test_role}, {"test_index", e.test_index}, {"train_role", e.train_role},
            {"train_index", e.train_index}, {"test_id", e.test_id}, {"train_id", e.train_id}, {"score", e.score},
            {"pieces", e.pieces}, {"contribution", e.contribution}, {"is_answer", e.is_answer}};
}

// Throws (json or Error) for a file that is not a whole explanation.
TokenExplanation explanation_of(const json & j) {
    TokenExplanation e;
    e.test_role = j.at("test_role").get<std::string>();
    e.train_role = j.at("train_role").get<std::string>();
    e.test_index = j.at("test_index").get<size_t>();
    e.train_index = j.at("train_index").get<size_t>();
    e.test_id = j.at("test_id").get<std::string>();
    e.train_id = j.at("train_id").get<std::string>();
    e.score = j.at("score").get<double>();
    e.pieces = j.at("pieces").get<std::vector<std::string>>();
    e.contribution = j.at("contribution").get<std::vector<double>>();
    e.is_answer = j.at("is_answer").get<std::vector<uint8_t>>();
    if (e.contribution.size() != e.pieces.size() || e.is_answer.size() != e.pieces.size())
        throw Error("pieces, contribution and is_answer differ in length");
    return e;
}

} // namespace

std::vector<TokenExplanation> saved_explanations(const Workspace & w, const std::vector<ExplainPair> & pairs) {
    const std::string key = summary_key(w);
    std::vector<TokenExplanation> out(pairs.size());
    std::vector<ExplainPair> todo;
    std::vector<size_t> where;   // out's slot of each of todo
    for (size_t i = 0; i < pairs.size(); i++) {
        const ExplainPair & p = pairs[i];
        const std::string path = explanation_path(w, p.test_role, p.test_index, p.train_role, p.train_index);
        bool have = false;
        if (!key.empty() && file_exists(path)) {
            try {
                const json j = json::parse(read_file_text(path));
                if (j.value("summary_hash", std::string()) == key) {
                    out[i] = explanation_of(j);
                    have = true;
                }
            } catch (const std::exception &) {
                // unreadable: computed again below and rewritten whole
            }
        }
        if (!have) {
            todo.push_back(p);
            where.push_back(i);
        }
    }
    std::vector<TokenExplanation> computed = explain_influence(w, last_influence_options(w), todo);
    // Reports save explanations without the workspace lock (a report may be written while a job
    // runs): a killed report's temporaries are swept here, not only by the next lock holder.
    if (!computed.empty()) remove_stale_temporaries(w.resolve("influence/explanations"), false);
    for (size_t k = 0; k < computed.size(); k++) {
        const TokenExplanation & e = computed[k];
        if (!key.empty()) {
            try {
                make_directories(w.resolve("influence/explanations"));
                write_file_atomic(explanation_path(w, e.test_role, e.test_index, e.train_role, e.train_index),
                                  explanation_json(e, key).dump() + "\n");
            } catch (const Error &) {
                // a read-only workspace: the explanation is still shown, only not kept
            }
        }
        out[where[k]] = std::move(computed[k]);
    }
    return out;
}

TokenExplanation saved_explanation(const Workspace & w, const std::string & test_role, size_t test_index,
                                   const std::string & train_role, size_t train_index) {
    return saved_explanations(w, {{test_role, test_index, train_role, train_index}}).front();
}

std::vector<TokenExplanation> saved_explanations(const Workspace & w) {
    std::vector<TokenExplanation> out;
    const std::string key = summary_key(w);
    const fs::path dir = w.resolve("influence/explanations");
    std::error_code ec;
    if (key.empty() || !fs::is_directory(dir, ec)) return out;
    for (const auto & f : fs::directory_iterator(dir, ec)) {
        if (f.path().extension() != ".json") continue;
        try {
            const json j = json::parse(read_file_text(f.path().string()));
            if (j.value("summary_hash", std::string()) == key) out.push_back(explanation_of(j));
        } catch (const std::exception &) {
        }
    }
    std::sort(out.begin(), out.end(), [](const TokenExplanation & a, const TokenExplanation & b) {
        return std::tie(a.train_role, a.train_index, a.test_role, a.test_index) <
               std::tie(b.train_role, b.train_index, b.test_role, b.test_index);
    });
    return out;
}

} // namespace rapidun
