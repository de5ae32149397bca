#include "influence_sets.h"

#include "rapidun/error.h"
#include "rapidun/io/atomic_file.h"
#include "rapidun/io/csv.h"
#include "rapidun/workspace/workspace.h"

#include <cmath>
#include <cstdio>
#include <set>

namespace rapidun::ui {
namespace {

std::string contentKey(const rapidun::Record & r) { return r.instruction + '\x1f' + r.context + '\x1f' + r.response; }

// The set's path; registers data/<role>.jsonl when the workspace has no such role and `create`.
std::string setPath(const InfluenceData & data, const std::string & role, bool create) {
    rapidun::Workspace w = rapidun::Workspace::load(data.dir.toStdString());
    if (w.datasets.count(role) == 0) {
        if (!create)
            throw rapidun::Error(w.dir + "/workspace.json: the workspace has no " + role + " set");
        w.datasets[role] = "data/" + role + ".jsonl";
        rapidun::make_directories(w.resolve("data"));
        w.save();
    }
    return w.dataset(role);
}

std::vector<rapidun::Record> readSet(const std::string & path) {
    return rapidun::file_exists(path) ? rapidun::read_records(path) : std::vector<rapidun::Record>{};
}

std::string number(double v) {
    if (std::isnan(v))
        return {};
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

} // namespace

int addToSet(const InfluenceData & data, const std::string & role, const std::vector<int> & trainRows) {
    const std::string path = setPath(data, role, true);
    std::vector<rapidun::Record> set = readSet(path);
    std::set<std::string> ids, contents;
    for (const rapidun::Record & r : set) {
        if (!r.id.empty())
            ids.insert(r.id);
        contents.insert(contentKey(r));
    }
    int added = 0;
    for (int row : trainRows) {
        if (row < 0 || row >= data.rows())
            continue;
        const rapidun::Record & r = data.train[size_t(row)];
        if ((!r.id.empty() && ids.count(r.id)) || contents.count(contentKey(r)))
            continue;
        set.push_back(r);
        if (!r.id.empty())
            ids.insert(r.id);
        contents.insert(contentKey(r));
        added++;
    }
    if (added > 0)
        rapidun::write_records_jsonl(path, set);
    return added;
}

int removeFromSet(const InfluenceData & data, const std::string & role, const std::vector<int> & trainRows) {
    const std::string path = setPath(data, role, false);
    const std::vector<rapidun::Record> set = readSet(path);
    std::set<std::string> ids, contents;
    for (int row : trainRows) {
        if (row < 0 || row >= data.rows())
            continue;
        const rapidun::Record & r = data.train[size_t(row)];
        if (!r.id.empty())
            ids.insert(r.id);
        contents.insert(contentKey(r));
    }
    std::vector<rapidun::Record> kept;
    for (const rapidun::Record & r : set)
        if (!((!r.id.empty() && ids.count(r.id)) || contents.count(contentKey(r))))
            kept.push_back(r);
    const int removed = int(set.size() - kept.size());
    if (removed == 0)
        return 0;
    if (kept.empty())
        throw rapidun::Error(path + ": removing these rows would leave the " + role +
                             " set empty; keep at least one row (an empty data set cannot be read)");
    rapidun::write_records_jsonl(path, kept);
    return removed;
}

void exportJsonl(const QString & path, const InfluenceData & data, const std::vector<int> & trainRows) {
    std::vector<rapidun::Record> rows;
    for (int row : trainRows)
        if (row >= 0 && row < data.rows())
            rows.push_back(data.train[size_t(row)]);
    if (rows.empty())
        throw rapidun::Error(path.toStdString() + ": nothing to export: no row is selected");
    rapidun::write_records_jsonl(path.toStdString(), rows);
}

void exportCsv(const QString & path, const InfluenceData & data, const InfluenceMembership & m,
               const std::vector<int> & trainRows) {
    std::string out = "rank,id,score,forget_mean,forget_max,retain_mean,weight,set,category,trigger_family,trigger_variant,"
                      "is_poisoned,instruction,context,response\r\n";
    for (int row : trainRows) {
        if (row < 0 || row >= data.rows())
            continue;
        const size_t i = size_t(row);
        const rapidun::Record & r = data.train[i];
        const uint8_t role = m.role.size() > i ? m.role[i] : 0;
        const std::string set = (role & kInForget) && (role & kInRetain) ? "forget+retain"
                                : (role & kInForget)                     ? "forget"
                                : (role & kInRetain)                     ? "retain"
                                                                         : "train";
        const double weight = m.weight.size() > i ? m.weight[i] : std::nan("");
        out += (data.rank[i] > 0 ? std::to_string(data.rank[i]) : std::string()) + ',' + rapidun::csv_cell(r.id) + ',' +
               number(data.score[i]) + ',' + number(data.forgetMean[i]) + ',' + number(data.forgetMax[i]) + ',' + number(data.retainMean[i]) + ',' +
               number(weight) + ',' + set + ',' + rapidun::csv_cell(r.category) + ',' + rapidun::csv_cell(r.trigger_family) + ',' +
               rapidun::csv_cell(r.trigger_variant) + ',' + (r.is_poisoned ? "true" : "false") + ',' + rapidun::csv_cell(r.instruction) +
               ',' + rapidun::csv_cell(r.context) + ',' + rapidun::csv_cell(r.response) + "\r\n";
    }
    rapidun::write_file_atomic(path.toStdString(), out);
}

} // namespace rapidun::ui
