// CSV cells as every CSV this project writes them (RFC 4180), made safe to open in a spreadsheet.
#pragma once
#include <string>

namespace rapidun {

// Quotes the cell when it holds a comma, a quote or a line break (quotes doubled). A cell that is
// not a plain number and starts with '=', '+', '-', '@', a tab or a carriage return would run as a
// formula in a spreadsheet (CSV injection): it gets a leading apostrophe, which spreadsheets show
// as text. "-0.5" and "+3" stay numbers.
std::string csv_cell(const std::string & s);

} // namespace rapidun
