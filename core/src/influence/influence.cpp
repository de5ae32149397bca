// The torch-free half of the influence engine: names, the RapidGrad sketch object, the four views,
// RapidIn's influence_results JSON, the binary matrix format, ranking and ROC-AUC.
#include "rapidun/influence/influence.h"

#include "rapidun/error.h"
#include "rapidun/io/atomic_file.h"
#include "rapidun/kernels/sketch.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <numeric>
#include <stdexcept>

namespace rapidun {

using nlohmann::json;

const char * param_set_name(ParamSet p) {
    switch (p) {
    case ParamSet::Lora: return "lora";
    case ParamSet::Embed: return "embed";
    case ParamSet::EmbedHead: return "embed_head";
    case ParamSet::Linear: return "linear";
    case ParamSet::Names: return "names";
    }
    return "?";
}

ParamSet parse_param_set(const std::string & name) {
    for (ParamSet p : {ParamSet::Lora, ParamSet::Embed, ParamSet::EmbedHead, ParamSet::Linear, ParamSet::Names})
        if (name == param_set_name(p)) return p;
    throw Error("unknown parameter set '" + name + "' (lora, embed, embed_head, linear, names)");
}

const char * loss_convention_name(LossConvention c) { return c == LossConvention::Shifted ? "shifted" : "unshifted"; }

LossConvention parse_loss_convention(const std::string & name) {
    if (name == "shifted") return LossConvention::Shifted;
    if (name == "unshifted") return LossConvention::Unshifted;
    throw Error("unknown loss convention '" + name + "' (shifted, unshifted)");
}

// ---------------------------------------------------------------------------------------------
// RapidGrad sketch

int64_t sketch_width(int64_t K, int64_t D0) {
    if (K < 1) throw Error("sketch: width K must be at least 1, got " + std::to_string(K));
    return std::max<int64_t>(1, std::min(K, D0));
}

RapidGradSketch::RapidGradSketch(int64_t D0, int64_t K, uint64_t seed) : D0_(D0), K_(K), seed_(seed) {
    if (D0 < 1) throw Error("sketch: gradient length D0 must be positive, got " + std::to_string(D0));
    if (K < 1 || K > D0)
        throw Error("sketch: width K=" + std::to_string(K) + " must lie in [1, D0=" + std::to_string(D0) + "] (see sketch_width)");
    if (K > INT32_MAX) throw Error("sketch: width K=" + std::to_string(K) + " does not fit the int32 bucket index");
    D_ = (D0 + K - 1) / K * K;
    bucket_.resize(size_t(D_));
    sign_.resize(size_t(D_));
    kernels::sketch_make_hash(D_, K_, seed_, bucket_.data(), sign_.data());
}

void RapidGradSketch::accumulate(const float * g, int64_t n, int64_t offset, float * out_K) const {
    if (offset < 0 || n < 0 || offset + n > D_)
        throw Error("sketch: slice [" + std::to_string(offset) + ", " + std::to_string(offset + n) + ") outside [0, D=" +
                    std::to_string(D_) + ")");
    kernels::sketch_accumulate_f32(g, n, bucket_.data() + offset, sign_.data() + offset, out_K);
}

std::vector<float> RapidGradSketch::apply(const std::vector<float> & g) const {
    std::vector<float> out(size_t(K_), 0.0f);
    accumulate(g.data(), int64_t(g.size()), 0, out.data());
    return out;
}

std::vector<float> RapidGradSketch::unsketch(const float * s_K) const {
    std::vector<float> u(static_cast<size_t>(D0_));
    kernels::unsketch_f32(s_K, D0_, bucket_.data(), sign_.data(), u.data());
    return u;
}

// ---------------------------------------------------------------------------------------------
// Views

const char * view_name(InfluenceView v) {
    switch (v) {
    case InfluenceView::FF: return "FF";
    case InfluenceView::FR: return "FR";
    case InfluenceView::RF: return "RF";
    case InfluenceView::RR: return "RR";
    }
    return "?";
}

const char * rapidin_view_tag(InfluenceView v) {
    // Release files are named "{TRAIN}T{TEST}" (method doc 12.7).
    switch (v) {
    case InfluenceView::FF: return "FTF";
    case InfluenceView::FR: return "FTR";
    case InfluenceView::RF: return "RTF";
    case InfluenceView::RR: return "RTR";
    }
    return "?";
}

std::string rapidin_file_name(InfluenceView v, int64_t n_train) {
    return "influence_results_" + std::to_string(n_train) + "_" + rapidin_view_tag(v) + ".json";
}

// ---------------------------------------------------------------------------------------------
// RapidIn JSON

namespace {

// Train indices of one test row sorted by influence (descending or ascending); ties: lower index first.
std::vector<int64_t> order_row(const InfluenceMatrix & m, int64_t t, bool descending) {
    std::vector<int64_t> idx(static_cast<size_t>(m.n_train));
    std::iota(idx.begin(), idx.end(), int64_t(0));
    std::stable_sort(idx.begin(), idx.end(), [&](int64_t a, int64_t b) {
        return descending ? m.at(t, a) > m.at(t, b) : m.at(t, a) < m.at(t, b);
    });
    return idx;
}

} // namespace

void write_rapidin_json(const std::string & path, const InfluenceMatrix & m, const std::vector<json> & test_data,
                        const std::string & config, int64_t top_k) {
    if (!test_data.empty() && int64_t(test_data.size()) != m.n_test)
        throw Error(path + ": " + std::to_string(test_data.size()) + " test records for " + std::to_string(m.n_test) + " test rows");
    if (top_k < 1) throw Error(path + ": top_k must be at least 1");
    // The release's key order: config, "0".."n-1", finished_cnt; per test: test_data, helpful,
    // helpful_infl, harmful, harmful_infl.
    nlohmann::ordered_json out;
    out["config"] = config;
    const size_t keep = size_t(std::min(top_k, m.n_train));
    for (int64_t t = 0; t < m.n_test; t++) {
        nlohmann::ordered_json e;
        e["test_data"] = test_data.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json::parse(test_data[size_t(t)].dump());
        for (bool helpful : {true, false}) {
            std::vector<int64_t> idx = order_row(m, t, helpful);
            idx.resize(keep);
            std::vector<double> vals;
            for (int64_t i : idx) vals.push_back(double(m.at(t, i)));   // float32 widened, as Python's float(tensor)
            e[helpful ? "helpful" : "harmful"]           = idx;
            e[helpful ? "helpful_infl" : "harmful_infl"] = vals;
        }
        out[std::to_string(t)] = std::move(e);
    }
    const std::string total = std::to_string(m.n_test * m.n_train);
    out["finished_cnt"]     = total + "/" + total;
    write_file_atomic(path, out.dump());
}

// Train ids as integers. nlohmann converts a float to int64 without a range check (undefined
// behaviour for 2.6e40: found by fuzz_rapidin_json), so a non-integer is refused first.
static std::vector<int64_t> id_list(const json & a, const std::string & where) {
    if (!a.is_array()) throw Error(where + "not a list of train ids");
    std::vector<int64_t> ids;
    ids.reserve(a.size());
    for (const json & v : a) {
        if (v.is_number_integer() && !(v.is_number_unsigned() && v.get<uint64_t>() > uint64_t(INT64_MAX)))
            ids.push_back(v.get<int64_t>());
        else
            throw Error(where + "train id " + v.dump() + " is not an integer");
    }
    return ids;
}

RapidInResults read_rapidin_json(const std::string & path) {
    json j;
    try {
        j = json::parse(read_file_text(path));
    } catch (const json::exception & e) {
        throw Error(path + ": not valid JSON: " + e.what());
    }
    if (!j.is_object()) throw Error(path + ": top level is not an object");
    RapidInResults r;
    std::vector<std::pair<int64_t, const json *>> rows;
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string & k = it.key();
        if (k == "config") {
            if (!it->is_string()) throw Error(path + ": key 'config': not a string");
            r.config = it->get<std::string>();
        } else if (k == "finished_cnt") {
            if (!it->is_string()) throw Error(path + ": key 'finished_cnt': not a string");
            r.finished_cnt = it->get<std::string>();
        } else if (!k.empty() && k.size() < 12 && std::all_of(k.begin(), k.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            rows.push_back({std::stoll(k), &*it});
        } else {
            throw Error(path + ": key '" + k + "': unexpected (config, finished_cnt or a test index)");
        }
    }
    std::sort(rows.begin(), rows.end(), [](auto & a, auto & b) { return a.first < b.first; });
    for (size_t i = 0; i < rows.size(); i++) {
        const std::string where = path + ": key '" + std::to_string(rows[i].first) + "': ";
        if (rows[i].first != int64_t(i)) throw Error(where + "test indices are not 0.." + std::to_string(rows.size() - 1));
        const json & e = *rows[i].second;
        if (!e.is_object()) throw Error(where + "not an object");
        RapidInEntry en;
        try {
            en.test_data    = e.value("test_data", json());
            en.helpful      = id_list(e.at("helpful"), where + "helpful: ");
            en.helpful_infl = e.at("helpful_infl").get<std::vector<double>>();
            en.harmful      = id_list(e.at("harmful"), where + "harmful: ");
            en.harmful_infl = e.at("harmful_infl").get<std::vector<double>>();
        } catch (const json::exception & x) {
            throw Error(where + x.what());
        }
        if (en.helpful.size() != en.helpful_infl.size() || en.harmful.size() != en.harmful_infl.size())
            throw Error(where + "id and influence lists differ in length");
        r.tests.push_back(std::move(en));
    }
    return r;
}

InfluenceMatrix rapidin_matrix(const RapidInResults & r, int64_t n_train) {
    InfluenceMatrix m;
    m.n_test  = int64_t(r.tests.size());
    m.n_train = n_train;
    m.values.assign(size_t(m.n_test * n_train), 0.0f);
    for (int64_t t = 0; t < m.n_test; t++) {
        const RapidInEntry & e = r.tests[size_t(t)];
        std::vector<uint8_t> seen(size_t(n_train), 0);
        for (size_t k = 0; k < e.helpful.size(); k++) {
            const int64_t i = e.helpful[k];
            if (i < 0 || i >= n_train)
                throw Error("influence results: test " + std::to_string(t) + ": train id " + std::to_string(i) + " outside [0, " +
                            std::to_string(n_train) + ")");
            seen[size_t(i)] = 1;
            m.values[size_t(t * n_train + i)] = float(e.helpful_infl[k]);
        }
        const int64_t n_seen = std::count(seen.begin(), seen.end(), uint8_t(1));
        if (n_seen != n_train)
            throw Error("influence results: test " + std::to_string(t) + " lists " + std::to_string(n_seen) + " of " +
                        std::to_string(n_train) + " training samples (top_k smaller than the training set?)");
    }
    return m;
}

// ---------------------------------------------------------------------------------------------
// Binary matrix

namespace {
const char     kMatMagic[4] = {'R', 'U', 'I', 'M'};
const uint32_t kMatVersion  = 1;
const size_t   kMatHeader   = 4 + 4 + 8 + 8;
} // namespace

void write_influence_matrix(const std::string & path, const InfluenceMatrix & m) {
    if (int64_t(m.values.size()) != m.n_test * m.n_train)
        throw Error(path + ": matrix has " + std::to_string(m.values.size()) + " values for " + std::to_string(m.n_test) + " x " +
                    std::to_string(m.n_train));
    std::string buf(kMatHeader + m.values.size() * sizeof(float), '\0');
    char * p = buf.data();
    std::memcpy(p, kMatMagic, 4);
    std::memcpy(p + 4, &kMatVersion, 4);
    std::memcpy(p + 8, &m.n_test, 8);
    std::memcpy(p + 16, &m.n_train, 8);
    if (!m.values.empty()) std::memcpy(p + kMatHeader, m.values.data(), m.values.size() * sizeof(float));
    write_file_atomic(path, buf.data(), buf.size());
}

InfluenceMatrix read_influence_matrix(const std::string & path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw Error(path + ": cannot open");
    std::string buf((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    if (buf.size() < kMatHeader || std::memcmp(buf.data(), kMatMagic, 4) != 0)
        throw Error(path + ": header: not an influence matrix (magic RUIM missing)");
    uint32_t version;
    InfluenceMatrix m;
    std::memcpy(&version, buf.data() + 4, 4);
    std::memcpy(&m.n_test, buf.data() + 8, 8);
    std::memcpy(&m.n_train, buf.data() + 16, 8);
    if (version != kMatVersion) throw Error(path + ": header: format version " + std::to_string(version) + ", this build reads 1");
    if (m.n_test < 0 || m.n_train < 0 || (m.n_train > 0 && m.n_test > int64_t(buf.size()) / 4 / m.n_train) ||
        buf.size() != kMatHeader + size_t(m.n_test * m.n_train) * 4)
        throw Error(path + ": size " + std::to_string(buf.size()) + " bytes does not match the header's " + std::to_string(m.n_test) +
                    " x " + std::to_string(m.n_train) + " matrix");
    m.values.resize(size_t(m.n_test * m.n_train));
    if (!m.values.empty()) std::memcpy(m.values.data(), buf.data() + kMatHeader, m.values.size() * 4);
    return m;
}

// ---------------------------------------------------------------------------------------------
// Ranking and AUC

std::vector<double> mean_influence(const InfluenceMatrix & m) {
    std::vector<double> s(size_t(m.n_train), 0.0);
    if (m.n_test == 0) return s;
    for (int64_t t = 0; t < m.n_test; t++)
        for (int64_t i = 0; i < m.n_train; i++) s[size_t(i)] += double(m.at(t, i));
    for (double & v : s) v /= double(m.n_test);
    return s;
}

std::vector<int64_t> rank_descending(const std::vector<double> & scores) {
    std::vector<int64_t> idx(scores.size());
    std::iota(idx.begin(), idx.end(), int64_t(0));
    std::stable_sort(idx.begin(), idx.end(), [&](int64_t a, int64_t b) { return scores[size_t(a)] > scores[size_t(b)]; });
    return idx;
}

double roc_auc(const std::vector<double> & scores, const std::vector<uint8_t> & positive) {
    if (scores.size() != positive.size())
        throw Error("roc_auc: " + std::to_string(scores.size()) + " scores for " + std::to_string(positive.size()) + " labels");
    const size_t n = scores.size();
    std::vector<size_t> idx(n);
    std::iota(idx.begin(), idx.end(), size_t(0));
    std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return scores[a] < scores[b]; });
    // Mann-Whitney: sum of the positives' ranks (1-based, ties share their average rank).
    double rank_sum = 0;
    size_t n_pos = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && scores[idx[j]] == scores[idx[i]]) j++;
        const double avg = 0.5 * double(i + 1 + j);   // mean of ranks i+1 .. j
        for (size_t k = i; k < j; k++)
            if (positive[idx[k]]) { rank_sum += avg; n_pos++; }
        i = j;
    }
    const size_t n_neg = n - n_pos;
    if (n_pos == 0 || n_neg == 0) throw Error("roc_auc: needs both positive and negative samples (got " + std::to_string(n_pos) +
                                              " positive, " + std::to_string(n_neg) + " negative)");
    const double U = rank_sum - double(n_pos) * double(n_pos + 1) / 2.0;
    return U / (double(n_pos) * double(n_neg));
}

} // namespace rapidun
