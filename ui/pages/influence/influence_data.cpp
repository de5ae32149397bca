#include "influence_data.h"

#include "rapidun/error.h"
#include "rapidun/influence/influence.h"
#include "rapidun/unlearn/weights.h"
#include "rapidun/workspace/workspace.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <cstring>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>
#include <string>

namespace rapidun::ui {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
namespace fs = std::filesystem;

QString fromUtf8(const std::string & s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

// A Record's fields in RecordStore::Field order.
std::string * fieldOf(rapidun::Record & r, int f) {
    std::string * all[RecordStore::kFields] = {&r.instruction, &r.context, &r.response, &r.category, &r.instruction_clean,
                                               &r.response_clean, &r.response_poisoned, &r.trigger_family, &r.trigger_variant,
                                               &r.inject_mode, &r.exact_answer, &r.id};
    return all[f];
}

// The rows of a role, or none when the workspace has no such role or file.
std::vector<rapidun::Record> readRole(const rapidun::Workspace & w, const std::string & role) {
    if (w.datasets.count(role) == 0)
        return {};
    const std::string path = w.dataset(role);
    if (!fs::exists(path))
        return {};
    return rapidun::read_records(path);
}

std::vector<double> readWeights(const rapidun::Workspace & w, const std::string & file) {
    const std::string path = w.resolve("weights/" + file);
    return fs::exists(path) ? rapidun::read_weights_jsonl(path) : std::vector<double>{};
}

// train_ranking.jsonl: {"row": i, "rank": r, "score": s, ...} per line.
void readRanking(const std::string & path, InfluenceData & d) {
    std::ifstream in(path);
    if (!in)
        rapidun::fail(path, "", "cannot open");
    std::string line;
    for (size_t n = 1; std::getline(in, line); n++) {
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        nlohmann::json j;
        try {
            j = nlohmann::json::parse(line);
        } catch (const std::exception & e) {
            rapidun::fail(path, "line " + std::to_string(n), e.what());
        }
        const int64_t row = j.value("row", int64_t(-1));
        if (row < 0 || row >= int64_t(d.train.size()))
            rapidun::fail(path, "line " + std::to_string(n),
                          "row " + std::to_string(row) + " is not a train row (" + std::to_string(d.train.size()) +
                              " rows): the ranking belongs to another train set; compute influence again");
        d.rank[size_t(row)] = int32_t(j.value("rank", int64_t(0)));
        const auto & s = j["score"];
        d.score[size_t(row)] = s.is_number() ? s.get<double>() : kNaN;
        d.nRanked++;
    }
}

// forget_x_train.bin [n_forget, n_train] -> per train row: mean, max and argmax |I| over forget rows.
void readForgetMatrix(const std::string & path, InfluenceData & d) {
    const rapidun::InfluenceMatrix m = rapidun::read_influence_matrix(path);
    if (m.n_train != int64_t(d.train.size()) || m.n_test == 0)
        return;   // another train set: leave the columns blank
    for (int64_t z = 0; z < m.n_train; z++) {
        double sum = 0, best = -std::numeric_limits<double>::infinity(), bestAbs = -1;
        int32_t top = -1;
        for (int64_t t = 0; t < m.n_test; t++) {
            const double v = m.at(t, z);
            sum += v;
            best = std::max(best, v);
            if (std::abs(v) > bestAbs) {
                bestAbs = std::abs(v);
                top = int32_t(t);
            }
        }
        d.forgetMean[size_t(z)] = sum / double(m.n_test);
        d.forgetMax[size_t(z)] = best;
        d.topForget[size_t(z)] = top;
    }
}

// retain_x_train.bin [n_retain, n_train] -> per train row: the mean over retain rows.
void readRetainMatrix(const std::string & path, InfluenceData & d) {
    const rapidun::InfluenceMatrix m = rapidun::read_influence_matrix(path);
    if (m.n_train != int64_t(d.train.size()) || m.n_test == 0)
        return;
    for (int64_t z = 0; z < m.n_train; z++) {
        double sum = 0;
        for (int64_t t = 0; t < m.n_test; t++)
            sum += m.at(t, z);
        d.retainMean[size_t(z)] = sum / double(m.n_test);
    }
}

void readSummary(const std::string & path, InfluenceData & d) {
    std::ifstream in(path);
    if (!in)
        return;
    const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (!j.is_object() || !j.contains("rank_train") || !j["rank_train"].is_object())
        return;
    const auto & r = j["rank_train"];
    d.rankBy = fromUtf8(r.value("rank_by", std::string()));
    if (r.contains("detection_auc") && r["detection_auc"].is_number())
        d.detectionAuc = r["detection_auc"].get<double>();
}

bool newer(const std::string & a, const std::string & b) {
    std::error_code ea, eb;
    const auto ta = fs::last_write_time(a, ea), tb = fs::last_write_time(b, eb);
    return !ea && !eb && ta > tb;
}

// ordinal[i] = rank of text[i] among the distinct case-folded texts (ties share one).
std::vector<int32_t> ordinals(const std::vector<QString> & text) {
    std::vector<QString> key(text.size());
    for (size_t i = 0; i < text.size(); i++)
        key[i] = text[i].toCaseFolded();
    std::vector<int32_t> order(text.size());
    for (size_t i = 0; i < order.size(); i++)
        order[i] = int32_t(i);
    std::sort(order.begin(), order.end(), [&](int32_t a, int32_t b) { return key[size_t(a)] < key[size_t(b)]; });
    std::vector<int32_t> out(text.size(), 0);
    int32_t next = 0;
    for (size_t k = 0; k < order.size(); k++) {
        if (k > 0 && key[size_t(order[k])] != key[size_t(order[k - 1])])
            next++;
        out[size_t(order[k])] = next;
    }
    return out;
}

} // namespace

RecordStore::RecordStore(const std::vector<rapidun::Record> & rows) {
    size_t total = 0;
    for (const rapidun::Record & r : rows) {
        rapidun::Record & m = const_cast<rapidun::Record &>(r);   // fieldOf reads only
        total += 1 + 4 * kFields;
        for (int f = 0; f < kFields; f++)
            total += fieldOf(m, f)->size();
    }
    bytes_.reserve(total);
    start_.reserve(rows.size() + 1);
    for (const rapidun::Record & r : rows) {
        rapidun::Record & m = const_cast<rapidun::Record &>(r);
        start_.push_back(bytes_.size());
        bytes_ += char((r.is_poisoned ? 1 : 0) | (r.has_poison_flag ? 2 : 0));
        for (int f = 0; f < kFields; f++) {
            const std::string & s = *fieldOf(m, f);
            const uint32_t n = uint32_t(s.size());
            bytes_.append(reinterpret_cast<const char *>(&n), 4);
            bytes_ += s;
        }
    }
    start_.push_back(bytes_.size());
}

std::string_view RecordStore::field(size_t row, Field f) const {
    size_t at = size_t(start_[row]) + 1;
    for (int k = 0;; k++) {
        uint32_t n = 0;
        std::memcpy(&n, bytes_.data() + at, 4);
        if (k == f)
            return std::string_view(bytes_.data() + at + 4, n);
        at += 4 + n;
    }
}

QString RecordStore::text(size_t row, Field f) const {
    const std::string_view v = field(row, f);
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

rapidun::Record RecordStore::operator[](size_t row) const {
    rapidun::Record r;
    const uint8_t flags = uint8_t(bytes_[size_t(start_[row])]);
    r.is_poisoned = flags & 1;
    r.has_poison_flag = flags & 2;
    for (int f = 0; f < kFields; f++)
        *fieldOf(r, f) = std::string(field(row, Field(f)));
    return r;
}

std::shared_ptr<InfluenceData> makeInfluenceData(std::vector<rapidun::Record> train) {
    auto d = std::make_shared<InfluenceData>();
    const size_t n = train.size();
    d->category.resize(n);
    d->family.resize(n);
    d->variant.resize(n);
    d->searchUtf8Start.resize(n + 1);
    d->searchFoldedStart.resize(n + 1);
    d->poisoned.resize(n);
    d->rank.assign(n, 0);
    d->score.assign(n, kNaN);
    d->forgetMean.assign(n, kNaN);
    d->forgetMax.assign(n, kNaN);
    d->retainMean.assign(n, kNaN);
    d->topForget.assign(n, -1);
    std::set<std::string> categories;
    std::map<std::string, QString> shared;   // one QString per distinct short text
    auto intern = [&](const std::string & s) -> const QString & {
        auto it = shared.find(s);
        return it != shared.end() ? it->second : shared.emplace(s, fromUtf8(s)).first->second;
    };
    std::vector<QString> ids(n), instructions(n);   // for the text orders only (freed below)
    for (size_t i = 0; i < n; i++) {
        const rapidun::Record & r = train[i];
        ids[i] = fromUtf8(r.id);
        instructions[i] = fromUtf8(r.instruction);
        d->category[i] = intern(r.category);
        d->family[i] = intern(r.trigger_family);
        d->variant[i] = intern(r.trigger_variant);
        const std::string search = r.id + '\n' + r.instruction + '\n' + r.trigger_variant;
        const QString search16 = fromUtf8(search);
        d->searchUtf8Start[i] = int64_t(d->searchUtf8.size());
        const QByteArray utf8 = search16.toUtf8();   // valid UTF-8 (fromUtf8 replaced invalid input)
        d->searchUtf8.append(utf8.constData(), size_t(utf8.size()));
        d->searchUtf8 += '\n';
        d->searchFoldedStart[i] = int64_t(d->searchFolded.size());
        d->searchFolded += search16.toCaseFolded().toStdString();
        d->searchFolded += '\0';
        d->poisoned[i] = r.is_poisoned ? 1 : 0;
        d->hasPoisonFlags = d->hasPoisonFlags || r.has_poison_flag;
        categories.insert(r.category);
    }
    d->searchUtf8Start[n] = int64_t(d->searchUtf8.size());
    d->searchFoldedStart[n] = int64_t(d->searchFolded.size());
    d->searchUtf8.shrink_to_fit();
    d->searchFolded.shrink_to_fit();
    for (const std::string & c : categories)
        d->categories << fromUtf8(c);
    d->ordinal.id = ordinals(ids);
    d->ordinal.category = ordinals(d->category);
    d->ordinal.family = ordinals(d->family);
    d->ordinal.variant = ordinals(d->variant);
    d->ordinal.instruction = ordinals(instructions);
    d->train = RecordStore(train);
    return d;
}

namespace {

// Rows 0..n-1 ascending by key(row), ties by row, rows where missing(row) last.
template <class Key, class Missing>
std::vector<int32_t> ascendingOrder(size_t n, Key key, Missing missing) {
    std::vector<int32_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    const auto last = std::stable_partition(order.begin(), order.end(), [&](int32_t r) { return !missing(r); });
    std::stable_sort(order.begin(), last, [&](int32_t a, int32_t b) { return key(a) < key(b); });
    return order;
}

} // namespace

void prepareOrders(InfluenceData & d) {
    const size_t n = size_t(d.rows());
    auto never = [](int32_t) { return false; };
    auto byDouble = [&](const std::vector<double> & v) {
        return ascendingOrder(n, [&](int32_t r) { return v[size_t(r)]; }, [&](int32_t r) { return std::isnan(v[size_t(r)]); });
    };
    auto byInt = [&](const std::vector<int32_t> & v) { return ascendingOrder(n, [&](int32_t r) { return v[size_t(r)]; }, never); };
    InfluenceData::AscendingOrders & a = d.ascending;
    a.rank = ascendingOrder(n, [&](int32_t r) { return d.rank[size_t(r)]; }, [&](int32_t r) { return d.rank[size_t(r)] <= 0; });
    a.score = byDouble(d.score);
    a.forgetMean = byDouble(d.forgetMean);
    a.forgetMax = byDouble(d.forgetMax);
    a.retainMean = byDouble(d.retainMean);
    a.id = byInt(d.ordinal.id);
    a.category = byInt(d.ordinal.category);
    a.family = byInt(d.ordinal.family);
    a.variant = byInt(d.ordinal.variant);
    a.instruction = byInt(d.ordinal.instruction);
    a.poisoned = ascendingOrder(n, [&](int32_t r) { return d.poisoned[size_t(r)]; }, never);
}

InfluenceMembership matchMembership(const InfluenceData & data, std::vector<rapidun::Record> forget,
                                    const std::vector<rapidun::Record> & retain, const std::vector<double> & forgetWeights,
                                    const std::vector<double> & retainWeights) {
    const size_t n = data.train.size();
    InfluenceMembership m;
    m.role.assign(n, 0);
    m.weight.assign(n, kNaN);
    m.forgetIndex.assign(n, -1);
    m.retainIndex.assign(n, -1);

    // Views into the store and 64-bit hashes of the content (a million rows: no copy of their text);
    // the first train row wins where ids or contents repeat.
    using RS = RecordStore;
    const RS & t = data.train;
    auto hashOf = [](std::string_view a, std::string_view b, std::string_view c) {
        uint64_t h = 0xcbf29ce484222325ull;
        for (std::string_view s : {a, std::string_view("\x1f", 1), b, std::string_view("\x1f", 1), c})
            for (char ch : s)
                h = (h ^ uint8_t(ch)) * 0x100000001b3ull;
        return h;
    };
    std::unordered_map<std::string_view, int32_t> byId;
    std::unordered_multimap<uint64_t, int32_t> byContent;
    byId.reserve(n);
    byContent.reserve(n);
    for (size_t i = 0; i < n; i++) {
        const std::string_view id = t.field(i, RS::Id);
        if (!id.empty())
            byId.emplace(id, int32_t(i));
        byContent.emplace(hashOf(t.field(i, RS::Instruction), t.field(i, RS::Context), t.field(i, RS::Response)), int32_t(i));
    }
    auto match = [&](const rapidun::Record & r) -> int32_t {
        if (!r.id.empty()) {
            auto it = byId.find(r.id);
            if (it != byId.end())
                return it->second;
        }
        int32_t best = -1;
        const auto range = byContent.equal_range(hashOf(r.instruction, r.context, r.response));
        for (auto it = range.first; it != range.second; ++it) {
            const size_t i = size_t(it->second);
            if ((best < 0 || it->second < best) && t.field(i, RS::Instruction) == r.instruction &&
                t.field(i, RS::Context) == r.context && t.field(i, RS::Response) == r.response)
                best = it->second;
        }
        return best;
    };
    auto apply = [&](const std::vector<rapidun::Record> & set, const std::vector<double> & w, uint8_t bit,
                     std::vector<int32_t> & index, int & unmatched) {
        const bool useWeights = !w.empty() && w.size() == set.size();
        for (size_t k = 0; k < set.size(); k++) {
            const int32_t row = match(set[k]);
            if (row < 0) {
                unmatched++;
                continue;
            }
            m.role[size_t(row)] |= bit;
            index[size_t(row)] = int32_t(k);
            if (useWeights)
                m.weight[size_t(row)] = w[k];   // a row in both sets shows its forget weight (applied first)
        }
    };
    apply(retain, retainWeights, kInRetain, m.retainIndex, m.nRetainUnmatched);
    apply(forget, forgetWeights, kInForget, m.forgetIndex, m.nForgetUnmatched);
    m.forget = std::move(forget);
    return m;
}

InfluenceMembership loadMembership(const InfluenceData & data) {
    const rapidun::Workspace w = rapidun::Workspace::load(data.dir.toStdString());
    return matchMembership(data, readRole(w, "forget"), readRole(w, "retain"), readWeights(w, "forget_weights.jsonl"),
                           readWeights(w, "retain_weights.jsonl"));
}

LoadedInfluence loadInfluenceData(const QString & dir, const rapidun::CancelToken * cancel) {
    auto poll = [cancel] {
        if (cancel)
            cancel->throw_if_cancelled();
    };
    const rapidun::Workspace w = rapidun::Workspace::load(dir.toStdString());
    std::shared_ptr<InfluenceData> d = makeInfluenceData(rapidun::read_records(w.dataset("train")));
    d->dir = dir;
    poll();

    const std::string ranking = w.resolve("influence/train_ranking.jsonl");
    if (fs::exists(ranking)) {
        readRanking(ranking, *d);
        d->hasRanking = true;
        poll();
        const std::string matrix = w.resolve("influence/forget_x_train.bin");
        if (fs::exists(matrix))
            readForgetMatrix(matrix, *d);
        const std::string retainMatrix = w.resolve("influence/retain_x_train.bin");
        if (fs::exists(retainMatrix))
            readRetainMatrix(retainMatrix, *d);
        readSummary(w.resolve("influence/summary.json"), *d);
        if (w.datasets.count("forget") && newer(w.dataset("forget"), ranking))
            d->stale = true;
    }
    poll();
    LoadedInfluence out;
    out.membership = loadMembership(*d);
    if (d->hasRanking && !d->stale) {
        // The matrix's forget rows are the current ones only when the counts agree.
        for (int32_t t : d->topForget)
            if (t >= int32_t(out.membership.forget.size())) {
                d->stale = true;
                break;
            }
    }
    if (d->stale)
        std::fill(d->topForget.begin(), d->topForget.end(), -1);
    poll();
    prepareOrders(*d);
    out.data = std::move(d);   // what reading freed (most of a gigabyte at 1M rows) goes back as the job ends
    return out;
}

} // namespace rapidun::ui
