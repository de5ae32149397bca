// csv_cell (csv.h).
#include "rapidun/io/csv.h"

#include <cstdlib>

namespace rapidun {

namespace {

bool plain_number(const std::string & s) {
    if (s.empty()) return false;
    char * end = nullptr;
    std::strtod(s.c_str(), &end);
    return end == s.c_str() + s.size() && s.find_first_of("xXpP") == std::string::npos;   // no hex floats
}

} // namespace

std::string csv_cell(const std::string & s) {
    std::string v = s;
    if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r') &&
        !plain_number(v))
        v.insert(v.begin(), '\'');
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

} // namespace rapidun
