// Curating the forget and retain sets from the Influence page, and exporting a selection. Every edit
// reads the set's file fresh from disk (another page may have changed it), changes it and writes it
// back atomically with write_records_jsonl, so a crash leaves the old file or the new one. Rows are
// matched to train rows as InfluenceData's file comment says (id, else instruction + context +
// response). Any thread; throws rapidun::Error naming the file.
#pragma once
#include "influence_data.h"

#include <QString>

#include <string>
#include <vector>

namespace rapidun::ui {

// Appends the train rows not yet in the set (role "forget" or "retain"); returns how many. A
// workspace without that role gets data/<role>.jsonl registered in workspace.json.
int addToSet(const InfluenceData & data, const std::string & role, const std::vector<int> & trainRows);

// Removes every row of the set that matches one of the train rows; returns how many. Refuses (throws)
// to leave the set empty: an empty JSONL is not a readable data set.
int removeFromSet(const InfluenceData & data, const std::string & role, const std::vector<int> & trainRows);

// The rows as RapidUn-pack JSONL (read back by read_records: a data set of its own).
void exportJsonl(const QString & path, const InfluenceData & data, const std::vector<int> & trainRows);

// The rows as CSV (RFC 4180, UTF-8, header line): rank, id, score, forget_mean, forget_max, weight,
// set, category, trigger_family, trigger_variant, is_poisoned, instruction, context, response.
// Blank numbers are empty fields; numbers use '.' and 17 significant digits (they read back exactly).
void exportCsv(const QString & path, const InfluenceData & data, const InfluenceMembership & membership,
               const std::vector<int> & trainRows);

} // namespace rapidun::ui
