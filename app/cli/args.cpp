#include "args.h"

#include <algorithm>
#include <cstdlib>

namespace rapidun::cli {

std::string terminal_safe(const std::string & s) {
    static const char * hex = "0123456789abcdef";
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); i++) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else if (c == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(s[i + 1]) <= 0x9f) {
            const unsigned char d = static_cast<unsigned char>(s[++i]);
            out += "\\u00";
            out += hex[d >> 4];
            out += hex[d & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

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

std::vector<std::string> Args::get_list(const std::string & name) const {
    std::vector<std::string> out;
    const std::string v = get(name);
    size_t start = 0;
    while (start <= v.size()) {
        const size_t comma = std::min(v.find(',', start), v.size());
        if (comma > start) out.push_back(v.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
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
