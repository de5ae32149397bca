// Small helpers shared by the unlearning translation units (messages).
#pragma once
#include "rapidun/unlearn/unlearn.h"

#include <cstdio>
#include <string>

namespace rapidun::unlearn_detail {

inline std::string fmt(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", x);
    return buf;
}

inline std::string row_label(const UnlearnSample & s, size_t i) {
    return "'" + s.id + "' (index " + std::to_string(i) + ")";
}

} // namespace rapidun::unlearn_detail
