// The Influence page's regular-expression filter over many rows at once. PCRE2's 8-bit library (the
// engine QRegularExpression wraps in 16 bits, same syntax, same version) on the rows' UTF-8 text
// joined by '\n': half the code units of the UTF-16 text, one match-data block per thread reused
// for every call (QRegularExpression allocates per match), JIT-compiled once.
// Options as the filter always had them: UTF, caseless, multiline (^ and $ at each line of a row);
// \C (one code unit, which would split a UTF-8 character) is refused as an invalid pattern.
#pragma once
#include <QString>

#include <cstdint>
#include <string>
#include <vector>

namespace rapidun::ui {

class RowRegex {
public:
    explicit RowRegex(const QString & pattern);
    ~RowRegex();
    RowRegex(const RowRegex &) = delete;
    RowRegex & operator=(const RowRegex &) = delete;

    bool isValid() const { return code_ != nullptr; }
    // hit[i] = 1 where row i matches, row i being text[start[i], start[i + 1] - 1) (each row is
    // followed by one '\n'); start has rows + 1 entries. One scan of the joined text per thread (a
    // slice of the rows each), resumed at the next row after a hit; a match that runs past its row's
    // end is checked on that row alone. Expressions whose meaning depends on what lies outside the
    // row (\A \z \Z \G, lookaround, inline options) are matched row by row. A match that fails with an
    // error (the JIT stack exhausted) counts as no match, as QRegularExpression answers it.
    std::vector<uint8_t> matchRows(const std::string & text, const std::vector<int64_t> & start) const;

private:
    void * code_ = nullptr;   // pcre2_code_8 (pcre2.h stays out of this header)
    bool   perRow_ = false;
};

} // namespace rapidun::ui
