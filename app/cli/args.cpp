#include "args.h"

#include <cstdlib>

namespace rapidun::cli {

Args::Args(int argc, char ** argv, int first, std::set<std::string> flags, std::set<std::string> options) {
    for (int i = first; i < argc; i++) {
        std::string a = argv[i];
        if (a.rfind("--", 0) == 0 && a.size() > 2) {
            std::string name = a.substr(2);
            if (flags.count(name)) {
                values_[name] = "1";
            } else if (options.count(name)) {
                if (i + 1 >= argc) throw UsageError("option --" + name + " needs a value");
                values_[name] = argv[++i];
            } else {
                throw UsageError("unknown option --" + name);
            }
        } else {
            positional_.push_back(a);
        }
    }
}

std::string Args::get(const std::string & name, const std::string & fallback) const {
    auto it = values_.find(name);
    return it == values_.end() ? fallback : it->second;
}

double Args::get_double(const std::string & name, double fallback) const {
    if (!has(name)) return fallback;
    char * end = nullptr;
    const std::string v = get(name);
    double x = std::strtod(v.c_str(), &end);
    if (v.empty() || *end) throw UsageError("--" + name + ": '" + v + "' is not a number");
    return x;
}

long long Args::get_int(const std::string & name, long long fallback) const {
    if (!has(name)) return fallback;
    char * end = nullptr;
    const std::string v = get(name);
    long long x = std::strtoll(v.c_str(), &end, 10);
    if (v.empty() || *end) throw UsageError("--" + name + ": '" + v + "' is not an integer");
    return x;
}

} // namespace rapidun::cli
