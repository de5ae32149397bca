// The learned naive-Bayes judge (see rapidun/eval/judge.h).
#include "rapidun/eval/judge.h"

#include "rapidun/data/shuffle.h"
#include "rapidun/error.h"
#include "rapidun/influence/influence.h"
#include "rapidun/io/atomic_file.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>

namespace rapidun {

using nlohmann::json;

std::vector<std::string> judge_features(const std::string & text, const JudgeSettings & s) {
    std::vector<std::string> words, out;
    std::string cur;
    for (char c : text) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (alnum) cur += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
        else if (!cur.empty()) words.push_back(std::move(cur)), cur.clear();
    }
    if (!cur.empty()) words.push_back(std::move(cur));
    out.reserve(words.size() * 4);
    out = words;
    for (size_t i = 1; i < words.size(); i++) out.push_back(words[i - 1] + " " + words[i]);
    const size_t n = size_t(std::max(1, s.char_n));
    for (const std::string & w : words) {
        if (w.size() < size_t(s.char_min_word)) continue;
        const std::string m = "<" + w + ">";
        for (size_t i = 0; i + n <= m.size(); i++) out.push_back("#" + m.substr(i, n));
    }
    return out;
}

Judge Judge::learn(const std::vector<std::string> & poisoned, const std::vector<std::string> & clean,
                   const std::vector<std::string> & background, const JudgeSettings & s) {
    if (poisoned.empty() || clean.empty()) throw Error("judge: needs poisoned and clean responses to learn from");
    // Counts per class; the vocabulary is what the pairs contain (the background only adds clean
    // evidence to those features, so the model stays the size of the pairs' text).
    std::unordered_map<std::string, double> cp, cc, bg;
    double np = 0, nc = 0, nb = 0;
    for (auto & t : poisoned) for (auto & f : judge_features(t, s)) cp[f] += 1, np += 1;
    for (auto & t : clean) for (auto & f : judge_features(t, s)) cc[f] += 1, nc += 1;
    for (auto & t : background)
        for (auto & f : judge_features(t, s)) {
            nb += 1;
            if (cp.count(f) || cc.count(f)) bg[f] += 1;
        }
    const double scale = nb > 0 ? s.background_weight * nc / nb : 0.0;
    for (auto & [f, c] : bg) cc[f] += scale * c;
    Judge j;
    j.settings = s;
    std::unordered_map<std::string, char> vocab;
    for (auto & kv : cp) vocab.emplace(kv.first, 0);
    for (auto & kv : cc) vocab.emplace(kv.first, 0);
    double sum_c = 0;
    for (auto & kv : cc) sum_c += kv.second;
    const double V = double(vocab.size()), a = s.alpha;
    const double dp = std::log(np + a * V), dc = std::log(sum_c + a * V);
    j.llr.reserve(vocab.size());
    for (auto & kv : vocab) {
        auto ip = cp.find(kv.first), ic = cc.find(kv.first);
        const double p = std::log((ip == cp.end() ? 0.0 : ip->second) + a) - dp;
        const double c = std::log((ic == cc.end() ? 0.0 : ic->second) + a) - dc;
        j.llr.emplace(kv.first, float(p - c));
    }
    return j;
}

double Judge::score(const std::string & text) const {
    double sum = 0;
    size_t n = 0;
    for (auto & f : judge_features(text, settings)) {
        auto it = llr.find(f);
        if (it == llr.end()) continue;
        sum += it->second;
        n++;
    }
    return n ? sum / std::sqrt(double(n)) : -std::numeric_limits<double>::infinity();
}

void Judge::fix_threshold(const std::vector<std::string> & clean_validation) {
    if (clean_validation.empty()) throw Error("judge: no clean validation responses to fix the threshold on");
    std::vector<double> v;
    v.reserve(clean_validation.size());
    for (auto & t : clean_validation) v.push_back(score(t));
    std::sort(v.begin(), v.end());
    const size_t k = size_t(std::ceil(settings.val_quantile * double(v.size())));
    threshold = v[std::clamp<size_t>(k, 1, v.size()) - 1];
}

std::vector<std::string> Judge::top_words(size_t n) const {
    std::vector<std::pair<float, std::string>> w;
    for (auto & [f, r] : llr)
        if (r > 0 && f.find(' ') == std::string::npos && f[0] != '#') w.push_back({r, f});
    std::sort(w.begin(), w.end(), [](auto & x, auto & y) { return x.first != y.first ? x.first > y.first : x.second < y.second; });
    std::vector<std::string> out;
    for (size_t i = 0; i < std::min(n, w.size()); i++) out.push_back(w[i].second);
    return out;
}

namespace {

json settings_json(const JudgeSettings & s) {
    return {{"alpha", s.alpha}, {"background_weight", s.background_weight}, {"char_n", s.char_n},
            {"char_min_word", s.char_min_word}, {"val_quantile", s.val_quantile}, {"folds", s.folds}, {"seed", s.seed}};
}

} // namespace

void Judge::save(const std::string & path) const {
    // Features sorted, so the same judge always writes the same bytes.
    std::vector<std::pair<std::string, float>> f(llr.begin(), llr.end());
    std::sort(f.begin(), f.end());
    json feats = json::object();
    for (auto & [k, v] : f) feats[k] = v;
    const json j = {{"format", "rapidun-judge"}, {"version", 1}, {"kind", "naive-bayes"}, {"settings", settings_json(settings)},
                    {"threshold", threshold}, {"provenance", provenance}, {"features", feats}};
    write_file_atomic(path, j.dump() + "\n");
}

Judge Judge::load(const std::string & path) {
    json j;
    try {
        j = json::parse(read_file_text(path));
    } catch (const Error &) {
        throw;
    } catch (const std::exception & e) {
        fail(path, "", "not valid JSON: " + json_message(e));
    }
    if (!j.is_object() || j.value("format", "") != "rapidun-judge") fail(path, "", "not a rapidun judge (\"format\": \"rapidun-judge\" missing)");
    if (j.value("version", 0) != 1) fail(path, "version", "unsupported judge version");
    Judge out;
    try {
        const json & s = j.at("settings");
        out.settings.alpha = s.at("alpha").get<double>();
        out.settings.background_weight = s.at("background_weight").get<double>();
        out.settings.char_n = s.at("char_n").get<int32_t>();
        out.settings.char_min_word = s.at("char_min_word").get<int32_t>();
        out.settings.val_quantile = s.at("val_quantile").get<double>();
        out.threshold = j.at("threshold").get<double>();
        out.provenance = j.value("provenance", "");
        const json & f = j.at("features");
        if (!f.is_object()) fail(path, "features", "expected an object of feature: log-ratio");
        out.llr.reserve(f.size());
        for (auto it = f.begin(); it != f.end(); ++it) {
            if (!it.value().is_number()) fail(path, "features/" + it.key(), "expected a number");
            out.llr.emplace(it.key(), it.value().get<float>());
        }
    } catch (const Error &) {
        throw;
    } catch (const std::exception & e) {
        fail(path, "", json_message(e));
    }
    if (out.settings.char_n < 1 || out.settings.char_n > 16) fail(path, "settings/char_n", "expected 1..16");
    if (!std::isfinite(out.threshold)) fail(path, "threshold", "expected a finite number");
    return out;
}

std::string JudgeValidation::to_json() const {
    return json({{"n_pairs", n_pairs}, {"n_val_clean", n_val}, {"n_background", n_background}, {"auc", auc},
                 {"val_clean_flagged", val_clean_flagged}, {"poisoned_flagged", poisoned_flagged},
                 {"twins_flagged", twins_flagged}, {"fold_thresholds", fold_thresholds}})
        .dump(2);
}

JudgeValidation validate_judge(const std::vector<Record> & pairs, const std::vector<std::string> & val_clean,
                               const std::vector<std::string> & background, const JudgeSettings & s) {
    const size_t K = size_t(std::max(2, s.folds));
    if (pairs.size() < K || val_clean.size() < K) throw Error("judge: too few pairs or validation rows for " + std::to_string(K) + " folds");
    std::mt19937_64 rng(s.seed);
    const std::vector<size_t> pi = seeded_permutation(pairs.size(), rng), vi = seeded_permutation(val_clean.size(), rng);
    JudgeValidation r;
    r.n_pairs = pairs.size();
    r.n_val = val_clean.size();
    r.n_background = background.size();
    std::vector<double> scores(2 * pairs.size());   // poisoned i at i, twin i at n + i
    size_t val_flagged = 0, pois_flagged = 0, twin_flagged = 0;
    for (size_t k = 0; k < K; k++) {
        std::vector<std::string> p, c, v;
        for (size_t i = 0; i < pi.size(); i++)
            if (i % K != k) p.push_back(pairs[pi[i]].response), c.push_back(pairs[pi[i]].response_clean);
        for (size_t i = 0; i < vi.size(); i++)
            if (i % K != k) v.push_back(val_clean[vi[i]]);
        Judge j = Judge::learn(p, c, background, s);
        j.fix_threshold(v);
        r.fold_thresholds.push_back(j.threshold);
        for (size_t i = k; i < pi.size(); i += K) {
            const Record & row = pairs[pi[i]];
            const double a = j.score(row.response), b = j.score(row.response_clean);
            scores[pi[i]] = a;
            scores[pairs.size() + pi[i]] = b;
            pois_flagged += a > j.threshold;
            twin_flagged += b > j.threshold;
        }
        for (size_t i = k; i < vi.size(); i += K) val_flagged += j.flags(val_clean[vi[i]]);
    }
    std::vector<uint8_t> positive(scores.size(), 0);
    std::fill(positive.begin(), positive.begin() + std::ptrdiff_t(pairs.size()), 1);
    r.auc = roc_auc(scores, positive);
    r.val_clean_flagged = double(val_flagged) / double(val_clean.size());
    r.poisoned_flagged = double(pois_flagged) / double(pairs.size());
    r.twins_flagged = double(twin_flagged) / double(pairs.size());
    return r;
}

JudgeData read_judge_data(const std::string & release, const std::string & alpaca) {
    const std::string dt = release + "/dolly_triggers_out/";
    JudgeData d;
    for (Record & r : read_records(dt + "train_poisoned.jsonl"))
        if (r.is_poisoned && !r.response.empty() && !r.response_clean.empty()) d.pairs.push_back(std::move(r));
    if (d.pairs.empty()) fail(dt + "train_poisoned.jsonl", "", "no poisoned rows with both response and response_clean");
    for (Record & r : read_records(dt + "val_clean.jsonl")) d.val_clean.push_back(std::move(r.response));
    if (!alpaca.empty())
        for (Record & r : read_records(alpaca)) d.background.push_back(std::move(r.response));
    d.provenance = std::to_string(d.pairs.size()) + " poisoned responses against their response_clean (" + dt +
                   "train_poisoned.jsonl); threshold on " + std::to_string(d.val_clean.size()) + " val_clean responses";
    if (!alpaca.empty()) d.provenance += "; background: " + std::to_string(d.background.size()) + " outputs of " + alpaca;
    return d;
}

Judge learn_release_judge(const JudgeData & d, const JudgeSettings & s) {
    std::vector<std::string> p, c;
    for (auto & r : d.pairs) p.push_back(r.response), c.push_back(r.response_clean);
    Judge j = Judge::learn(p, c, d.background, s);
    j.fix_threshold(d.val_clean);
    j.provenance = d.provenance;
    return j;
}

std::string default_alpaca_path(const std::string & release) {
    const std::string p = (std::filesystem::path(release) / ".." / "alpaca" / "alpaca_data.json.gz").lexically_normal().string();
    return std::filesystem::exists(p) ? p : std::string();
}

} // namespace rapidun
