#include "rapidun/error.h"

namespace rapidun {

void fail(const std::string & file, const std::string & place, const std::string & what) {
    std::string msg = file;
    if (!place.empty()) msg += ": " + place;
    msg += ": " + what;
    throw Error(msg);
}

std::string json_message(const std::exception & e) {
    std::string m = e.what();
    if (!m.empty() && m[0] == '[') {
        const size_t close = m.find("] ");
        if (close != std::string::npos) m.erase(0, close + 2);
    }
    return m;
}

} // namespace rapidun
