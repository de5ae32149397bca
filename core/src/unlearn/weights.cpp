// Score -> weight mapping (see weights.h and method doc 4-5).
#include "rapidun/unlearn/weights.h"

#include "rapidun/error.h"
#include "rapidun/io/atomic_file.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numeric>

namespace rapidun {

double median_of(std::vector<double> v) {
    if (v.empty()) throw Error("median of an empty list");
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

namespace {

// One test row's ordered (train index, influence) pairs -> its top-k vector [n_train].
void add_test_row(std::vector<std::pair<int64_t, double>> pairs, int64_t n_train, const AggregateOptions & opt, bool harmful,
                  std::vector<std::vector<double>> & rows) {
    if (opt.per_test_robust && !pairs.empty()) {
        std::vector<double> vals;
        for (auto & p : pairs) vals.push_back(p.second);
        const double m = median_of(vals);
        std::vector<double> dev;
        for (double v : vals) dev.push_back(std::fabs(v - m));
        const double s = std::max(1.4826 * median_of(dev), 1e-3);
        for (auto & p : pairs) p.second = (p.second - m) / s;
    }
    // Most helpful (or most harmful) first; equal values keep their listed order.
    std::stable_sort(pairs.begin(), pairs.end(), [&](const auto & a, const auto & b) {
        return harmful ? a.second < b.second : a.second > b.second;
    });
    std::vector<double> v(size_t(n_train), 0.0);
    const int64_t k = std::min<int64_t>(opt.topk, int64_t(pairs.size()));
    for (int64_t j = 0; j < k; j++) {
        const int64_t i = pairs[size_t(j)].first;
        if (i < 0 || i >= n_train) throw Error("influence results: train index " + std::to_string(i) + " outside [0, " + std::to_string(n_train) + ")");
        v[size_t(i)] = opt.rank_mode ? double(k - j) : pairs[size_t(j)].second;
    }
    rows.push_back(std::move(v));
}

std::vector<double> median_over_tests(const std::vector<std::vector<double>> & rows, int64_t n_train) {
    if (rows.empty()) throw Error("influence results: no test rows to aggregate");
    std::vector<double> out(static_cast<size_t>(n_train));
    std::vector<double> col(rows.size());
    for (int64_t i = 0; i < n_train; i++) {
        for (size_t t = 0; t < rows.size(); t++) col[t] = rows[t][size_t(i)];
        out[size_t(i)] = median_of(col);
    }
    return out;
}

} // namespace

std::vector<double> aggregate_view(const RapidInResults & r, int64_t n_train, const AggregateOptions & opt, bool harmful) {
    if (opt.topk < 1) throw Error("aggregate: topk must be at least 1");
    std::vector<std::vector<double>> rows;
    for (const RapidInEntry & e : r.tests) {
        const auto & ids = harmful ? e.harmful : e.helpful;
        const auto & val = harmful ? e.harmful_infl : e.helpful_infl;
        std::vector<std::pair<int64_t, double>> pairs;
        for (size_t j = 0; j < ids.size() && j < val.size(); j++) pairs.push_back({ids[j], val[j]});
        add_test_row(std::move(pairs), n_train, opt, harmful, rows);
    }
    return median_over_tests(rows, n_train);
}

std::vector<double> aggregate_view(const InfluenceMatrix & m, const AggregateOptions & opt, bool harmful) {
    if (opt.topk < 1) throw Error("aggregate: topk must be at least 1");
    std::vector<std::vector<double>> rows;
    for (int64_t t = 0; t < m.n_test; t++) {
        std::vector<std::pair<int64_t, double>> pairs;
        for (int64_t i = 0; i < m.n_train; i++) pairs.push_back({i, double(m.at(t, i))});
        add_test_row(std::move(pairs), m.n_train, opt, harmful, rows);
    }
    return median_over_tests(rows, m.n_train);
}

GroupWeights map_scores(const std::vector<double> & score, double tau, double w_min, double w_max, const WeightOptions & opt) {
    if (score.empty()) throw Error("weights: empty score vector");
    if (!(tau > 0) || !(w_min > 0) || !(w_max >= w_min))
        throw Error("weights: need tau > 0 and 0 < w_min <= w_max (got tau " + std::to_string(tau) + ", w_min " +
                    std::to_string(w_min) + ", w_max " + std::to_string(w_max) + ")");
    GroupWeights g;
    g.score = score;
    g.median = median_of(score);
    std::vector<double> dev;
    for (double s : score) dev.push_back(std::fabs(s - g.median));
    g.mad = median_of(dev);
    g.sigma = std::max(1.4826 * g.mad, 1e-3);
    if (opt.scale == WeightOptions::Scale::MeanAdFallback && g.mad == 0) {
        // 1.2533 = sqrt(pi/2): the mean absolute deviation's factor to a normal sigma.
        const double mean_ad = std::accumulate(dev.begin(), dev.end(), 0.0) / double(dev.size());
        g.sigma = std::max(1.2533 * mean_ad, 1e-3);
    }
    const double lo = std::log(w_min), hi = std::log(w_max);
    std::vector<double> raw;
    for (double s : score) {
        const double z = (s - g.median) / g.sigma;
        g.z.push_back(z);
        raw.push_back(std::exp(std::clamp(z / tau, lo, hi)));
    }
    if (opt.bounds == WeightOptions::Bounds::BeforeNormalize) {
        const double mean = std::accumulate(raw.begin(), raw.end(), 0.0) / double(raw.size());
        for (double r : raw) g.weight.push_back(r / mean);
        for (double z : g.z) {
            g.n_at_min += z / tau <= lo;
            g.n_at_max += z / tau >= hi;
        }
    } else {
        // mean(clip(c raw, w_min, w_max)) is continuous and non-decreasing in c; it reaches 1 when
        // w_min <= 1 <= w_max. Bisection on log c.
        if (w_min > 1 || w_max < 1) throw Error("weights: bounds after normalising need w_min <= 1 <= w_max");
        auto mean_at = [&](double c) {
            double s = 0;
            for (double r : raw) s += std::clamp(c * r, w_min, w_max);
            return s / double(raw.size());
        };
        double a = std::log(w_min) - std::log(*std::max_element(raw.begin(), raw.end())) - 1;
        double b = std::log(w_max) - std::log(*std::min_element(raw.begin(), raw.end())) + 1;
        for (int it = 0; it < 200; it++) {
            const double m = 0.5 * (a + b);
            (mean_at(std::exp(m)) < 1 ? a : b) = m;
        }
        const double c = std::exp(0.5 * (a + b));
        for (double r : raw) {
            const double w = std::clamp(c * r, w_min, w_max);
            g.weight.push_back(w);
            g.n_at_min += w <= w_min;
            g.n_at_max += w >= w_max;
        }
    }
    return g;
}

RapidUnWeights rapidun_weights(const RapidInResults & ff, const RapidInResults & fr, const RapidInResults & rf,
                               const RapidInResults & rr, int64_t n_forget, int64_t n_retain, const WeightOptions & opt) {
    auto agg = [&](const RapidInResults & r, int64_t n, bool harmful) { return aggregate_view(r, n, opt.agg, harmful); };
    const std::vector<double> FF = agg(ff, n_forget, false), FR = agg(fr, n_forget, false);
    const std::vector<double> RF = agg(rf, n_retain, false), RR = agg(rr, n_retain, false);
    std::vector<double> sf(static_cast<size_t>(n_forget)), sr(static_cast<size_t>(n_retain));
    for (size_t i = 0; i < sf.size(); i++) sf[i] = opt.alpha * FF[i] - opt.beta * FR[i];
    for (size_t j = 0; j < sr.size(); j++) sr[j] = opt.gamma * RR[j] - opt.delta * RF[j];
    if (opt.alpha_h != 0 || opt.beta_h != 0) {
        const std::vector<double> FFh = agg(ff, n_forget, true), FRh = agg(fr, n_forget, true);
        for (size_t i = 0; i < sf.size(); i++) sf[i] -= opt.alpha_h * FFh[i] + opt.beta_h * FRh[i];
    }
    if (opt.gamma_h != 0 || opt.delta_h != 0) {
        const std::vector<double> RRh = agg(rr, n_retain, true), RFh = agg(rf, n_retain, true);
        for (size_t j = 0; j < sr.size(); j++) sr[j] -= opt.gamma_h * RRh[j] + opt.delta_h * RFh[j];
    }
    RapidUnWeights w;
    w.forget = map_scores(sf, opt.tau_f, opt.w_min_f, opt.w_max_f, opt);
    w.retain = map_scores(sr, opt.tau_r, opt.w_min_r, opt.w_max_r, opt);
    return w;
}

void write_weights_jsonl(const std::string & path, const std::vector<double> & w) {
    std::string text;
    for (size_t i = 0; i < w.size(); i++) text += nlohmann::json({{"index", i}, {"weight", w[i]}}).dump() + "\n";
    write_file_atomic(path, text);
}

std::vector<double> read_weights_jsonl(const std::string & path) {
    std::ifstream in(path);
    if (!in) throw Error(path + ": cannot open");
    std::vector<double> w;
    std::string line;
    for (size_t ln = 1; std::getline(in, line); ln++) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        nlohmann::json j;
        try { j = nlohmann::json::parse(line); } catch (const std::exception & e) {
            throw Error(path + ":" + std::to_string(ln) + ": not JSON (" + e.what() + ")");
        }
        if (!j.is_object() || !j.contains("index") || !j["index"].is_number_integer() || !j.contains("weight") || !j["weight"].is_number())
            throw Error(path + ":" + std::to_string(ln) + ": expected {\"index\": int, \"weight\": number}");
        const int64_t i = j["index"].get<int64_t>();
        if (i != int64_t(w.size())) throw Error(path + ":" + std::to_string(ln) + ": index " + std::to_string(i) + ", expected " + std::to_string(w.size()));
        w.push_back(j["weight"].get<double>());
    }
    if (w.empty()) throw Error(path + ": no weights");
    return w;
}

} // namespace rapidun
