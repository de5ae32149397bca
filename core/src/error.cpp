#include "rapidun/error.h"

namespace rapidun {

void fail(const std::string & file, const std::string & place, const std::string & what) {
    std::string msg = file;
    if (!place.empty()) msg += ": " + place;
    msg += ": " + what;
    throw Error(msg);
}

} // namespace rapidun
