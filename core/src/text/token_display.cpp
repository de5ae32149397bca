// display_piece and heat_rgb (token_display.h).
#include "rapidun/text/token_display.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace rapidun {

std::string display_piece(const std::string & piece) {
    if (piece == "<0x0A>" || piece == "\xC4\x8A") return "\xE2\x86\xB5";   // U+21B5
    std::string o;
    o.reserve(piece.size());
    for (size_t i = 0; i < piece.size(); ++i) {
        if (piece.compare(i, 3, "\xE2\x96\x81") == 0) {   // U+2581
            o += ' ';
            i += 2;
        } else if (piece.compare(i, 2, "\xC4\xA0") == 0) {   // U+0120
            o += ' ';
            i += 1;
        } else {
            o += piece[i];
        }
    }
    return o;
}

std::array<uint8_t, 3> heat_rgb(double v, double vmax) {
    const double a = vmax > 0 && std::isfinite(v) ? std::min(1.0, std::fabs(v) / vmax) : 0.0;
    const int full[2][3] = {{214, 39, 40}, {31, 119, 180}};
    const int * f = full[v < 0 ? 1 : 0];
    std::array<uint8_t, 3> c{};
    for (int k = 0; k < 3; ++k) c[size_t(k)] = uint8_t(std::lround(255.0 - a * (255.0 - f[k])));
    return c;
}

std::string heat_hex(double v, double vmax) {
    const auto c = heat_rgb(v, vmax);
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c[0], c[1], c[2]);
    return buf;
}

} // namespace rapidun
