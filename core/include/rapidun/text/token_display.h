// How a token and its influence are shown, the same in the studio's heat map and in reports.
#pragma once
#include <array>
#include <cstdint>
#include <string>

namespace rapidun {

// A tokenizer piece as text to show: sentencepiece's U+2581 and byte-level BPE's U+0120 as a space;
// a newline piece (<0x0A>, U+010A) as U+21B5, so that it stays visible on one line.
std::string display_piece(const std::string & piece);

// The fill colour of a token whose contribution is v when the largest |contribution| is vmax: white
// at 0, towards red (214, 39, 40) for positive and blue (31, 119, 180) for negative, full at |v| = vmax.
std::array<uint8_t, 3> heat_rgb(double v, double vmax);
std::string heat_hex(double v, double vmax);   // "#rrggbb"

} // namespace rapidun
