// rapidun influence: sketches, the four views and the training-set ranking of a workspace;
// rapidun influence explain: token-wise influence of one (test, train) pair.
#include "args.h"

#include "rapidun/dist/process_group.h"
#include "rapidun/influence/workspace_influence.h"
#include "rapidun/workspace/workspace.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <sstream>

namespace rapidun::cli {

using nlohmann::json;

static const char * kInfluenceUsage =
    "usage: rapidun influence --workspace W [--adapter DIR] [--params lora|embed|embed_head|linear|names:a,b,...]\n"
    "       [--normalize-layers] [--loss shifted|unshifted] [--k K=65536] [--seed S=42] [--batch-size B=8]\n"
    "       [--views FF,FR,RF,RR] [--rank-train [--rank-by cos_abs|cos|abs|mean] [--row-block N=64]] [--fp16]\n"
    "       [--overwrite-cache] [--top-k N=1000] [--json]\n"
    "       rapidun influence explain --workspace W --test I --train J [--test-set forget] [--train-set train]\n"
    "       [--top N=20] [same gradient options] [--json]\n"
    "per-sample gradients of the answer loss, RapidGrad sketches (cached under W/cache, resumable),\n"
    "TracIn views FF FR RF RR under W/influence, and with --rank-train every train row ranked by its\n"
    "mean influence on the forget set (detection_auc when rows carry is_poisoned); the train sketches are\n"
    "streamed from their cache --row-block rows at a time, never all in memory.\n"
    "default parameter set: the adapter's LoRA tensors with --adapter, else every linear layer.\n"
    "several processes: WORLD_SIZE, RANK, MASTER_ADDR, MASTER_PORT set (torchrun's variables; on one machine\n"
    "scripts/launch.sh N build/bin/rapidun influence ...): the sketches are sharded over the processes\n"
    "(c10d, Gloo), rank 0 writes every file";

static const std::set<std::string> kFlags = {"json", "help", "normalize-layers", "rank-train", "fp16", "overwrite-cache"};
static const std::set<std::string> kOptions = {"workspace", "adapter", "params", "loss", "k", "seed", "batch-size", "views",
                                               "top-k", "test", "train", "test-set", "train-set", "top", "rank-by", "row-block"};

static WorkspaceInfluenceOptions influence_options(const Args & a) {
    WorkspaceInfluenceOptions o;
    o.adapter = a.get("adapter");
    if (a.has("params")) {
        std::string p = a.get("params");
        o.params_given = true;
        if (p.rfind("names:", 0) == 0) {
            o.influence.params = ParamSet::Names;
            std::stringstream ss(p.substr(6));
            for (std::string n; std::getline(ss, n, ',');)
                if (!n.empty()) o.influence.names.push_back(n);
            if (o.influence.names.empty()) throw UsageError("--params names: needs at least one tensor name");
        } else {
            o.influence.params = parse_param_set(p);
            if (o.influence.params == ParamSet::Names) throw UsageError("--params names takes a list: names:a,b,...");
        }
    }
    o.influence.normalize_layers = a.has("normalize-layers");
    if (a.has("loss")) o.influence.loss = parse_loss_convention(a.get("loss"));
    const long long k = a.get_int("k", o.influence.K), b = a.get_int("batch-size", o.influence.batch_size);
    if (k < 1 || b < 1) throw UsageError("--k and --batch-size must be positive");
    o.influence.K = k;
    o.influence.batch_size = static_cast<int32_t>(b);
    o.influence.seed = static_cast<uint64_t>(a.get_int("seed", static_cast<long long>(o.influence.seed)));
    if (a.has("views")) {
        o.views.clear();
        std::stringstream ss(a.get("views"));
        for (std::string v; std::getline(ss, v, ',');) {
            if (v == "FF") o.views.push_back(InfluenceView::FF);
            else if (v == "FR") o.views.push_back(InfluenceView::FR);
            else if (v == "RF") o.views.push_back(InfluenceView::RF);
            else if (v == "RR") o.views.push_back(InfluenceView::RR);
            else if (!v.empty()) throw UsageError("--views: unknown view '" + v + "' (FF, FR, RF, RR)");
        }
    }
    o.rank_train = a.has("rank-train");
    if (a.has("rank-by")) o.rank_by = parse_rank_aggregate(a.get("rank-by"));
    o.dtype = a.has("fp16") ? SketchDType::F16 : SketchDType::F32;
    o.overwrite_cache = a.has("overwrite-cache");
    o.top_k = a.get_int("top-k", o.top_k);
    o.row_block = a.get_int("row-block", o.row_block);
    if (o.row_block <= 0) throw UsageError("--row-block must be positive");
    return o;
}

static int cmd_explain(int argc, char ** argv) {
    Args a(argc, argv, 3, kFlags, kOptions);
    if (a.has("help") || !a.has("workspace") || !a.has("test") || !a.has("train")) {
        std::puts(kInfluenceUsage);
        return a.has("help") ? 0 : 2;
    }
    const Workspace w = Workspace::load(a.get("workspace"));
    const long long ti = a.get_int("test", 0), zi = a.get_int("train", 0);
    if (ti < 0 || zi < 0) throw UsageError("--test and --train are row numbers from 0");
    const TokenExplanation e = explain_influence(w, influence_options(a), a.get("test-set", "forget"), size_t(ti),
                                                 a.get("train-set", "train"), size_t(zi));
    if (a.has("json")) {
        json t = json::array();
        for (size_t p = 0; p < e.pieces.size(); p++)
            t.push_back({{"piece", e.pieces[p]}, {"contribution", e.contribution[p]}, {"answer", bool(e.is_answer[p])}});
        std::printf("%s\n", json({{"test_id", e.test_id}, {"train_id", e.train_id}, {"score", e.score}, {"tokens", t}}).dump(2).c_str());
        return 0;
    }
    std::printf("test %s, train %s: influence %.6g (sum of the token contributions)\n", e.test_id.c_str(), e.train_id.c_str(), e.score);
    std::printf("%5s  %-4s %-20s %14s\n", "pos", "part", "token", "contribution");
    for (size_t p = 0; p < e.pieces.size(); p++)
        std::printf("%5zu  %-4s %-20s %14.6g\n", p, e.is_answer[p] ? "ans" : "", e.pieces[p].c_str(), e.contribution[p]);
    // The largest contributions, where the score comes from.
    std::vector<size_t> idx(e.pieces.size());
    for (size_t i = 0; i < idx.size(); i++) idx[i] = i;
    std::sort(idx.begin(), idx.end(), [&](size_t x, size_t y) { return std::fabs(e.contribution[x]) > std::fabs(e.contribution[y]); });
    const size_t top = std::min<size_t>(idx.size(), size_t(a.get_int("top", 20)));
    std::printf("largest |contribution|:");
    for (size_t k = 0; k < top; k++) std::printf(" %s(%zu)=%.3g", e.pieces[idx[k]].c_str(), idx[k], e.contribution[idx[k]]);
    std::printf("\n");
    return 0;
}

int cmd_influence(int argc, char ** argv) {
    if (argc > 2 && std::string(argv[2]) == "explain") return cmd_explain(argc, argv);
    Args a(argc, argv, 2, kFlags, kOptions);
    if (a.has("help") || !a.has("workspace")) {
        std::puts(kInfluenceUsage);
        return a.has("help") ? 0 : 2;
    }
    const Workspace w = Workspace::load(a.get("workspace"));
    WorkspaceInfluenceOptions o = influence_options(a);
    // Several processes, the torchrun way (scripts/launch.sh): the sketches are sharded over them.
    std::unique_ptr<ProcessGroup> group;
    if (const auto env = ProcessGroup::env_from_environment()) {
        group = ProcessGroup::connect(*env);
        o.group = group.get();
        std::fprintf(stderr, "rank %d of %d joined the group at %s:%d\n", env->rank, env->world, env->addr.c_str(), env->port);
    }
    const json s = run_workspace_influence(w, o, [](const InfluenceJobProgress & p) {
        std::fprintf(stderr, "\r[%3d%%] %-8s %6lld/%-6lld ETA %5.0f s   ", int(p.fraction * 100), p.stage.c_str(),
                     (long long)p.done, (long long)p.total, p.eta_seconds);
        if (p.stage == "done") std::fputc('\n', stderr);
        std::fflush(stderr);
    });
    if (group && group->rank() != 0) {   // rank 0 reports the job; the others say what they sketched
        std::printf("rank %d of %d: sketched", group->rank(), group->world());
        for (auto & [role, c] : s["caches"].items()) std::printf(" %s %lld/%lld", role.c_str(), c["computed"].get<long long>(), c["rows"].get<long long>());
        std::printf(" (rank 0 wrote them)\n");
        return 0;
    }
    if (a.has("json")) {
        std::printf("%s\n", s.dump(2).c_str());
        return 0;
    }
    std::printf("parameter set %s (D0 %lld, K %lld), %s loss, normalisation %s\n", s["params"].get<std::string>().c_str(),
                s["D0"].get<long long>(), s["K"].get<long long>(), s["loss"].get<std::string>().c_str(),
                s["normalize_layers"].get<bool>() ? "on" : "off");
    for (auto & [view, v] : s["views"].items())
        std::printf("%s: %s (%lld x %lld)\n", view.c_str(), v["rapidin_json"].get<std::string>().c_str(),
                    v["n_test"].get<long long>(), v["n_train"].get<long long>());
    if (s.contains("rank_train")) {
        const json & r = s["rank_train"];
        std::printf("train ranking: %s", r["file"].get<std::string>().c_str());
        if (!r["detection_auc"].is_null())
            std::printf(", detection ROC-AUC %.4f, precision at %lld %.3f", r["detection_auc"].get<double>(),
                        r["n_poisoned"].get<long long>(), r["precision_at_n_poisoned"].get<double>());
        std::printf("\n");
    }
    std::printf("%.1f s\n", s["seconds"].get<double>());
    return 0;
}

} // namespace rapidun::cli
