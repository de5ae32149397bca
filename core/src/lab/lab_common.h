// Pieces both lab builders share (core/src/lab only).
#pragma once
#include "rapidun/lab/lab.h"

#include <string>

namespace rapidun::lab_detail {

// Saves the workspace built in `w.dir` (= "<out>.partial") and renames it into place: a complete
// workspace.json under `out` always means a finished lab. Returns the workspace loaded from `out`.
Workspace commit_lab(const Workspace & w, const std::string & out);

} // namespace rapidun::lab_detail
