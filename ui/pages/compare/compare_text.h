// Marking two outputs for the Compare page: the poison words (whole words, as core's keyword
// detector matches them: runs of ASCII letters and digits, case-insensitive) and the words in which
// the two outputs differ (a word-level diff: whitespace-separated words outside a longest common
// subsequence of the two word lists). Spans are QString (UTF-16) offsets. Qt-only.
#pragma once
#include <QSet>
#include <QString>
#include <QVector>

namespace rapidun::ui {

struct TextSpan {
    int start = 0;    // UTF-16 offset into the text
    int length = 0;
    bool operator==(const TextSpan & o) const { return start == o.start && length == o.length; }
};

// keywords: lower case (Detector::words).
QVector<TextSpan> keywordSpans(const QString & text, const QSet<QString> & keywords);

struct WordDiff {
    QVector<TextSpan> left, right;   // the words of each text that the other lacks; both empty when equal
};
// Words beyond the first 2,000 of either text count as changed (the LCS table stays <= 4M cells).
WordDiff wordDiff(const QString & left, const QString & right);

// HTML (escaped, newlines as <br>) with keyword spans in kKeywordStyle and changed spans in
// kChangedStyle; a span both a keyword and changed carries both styles.
inline constexpr const char * kKeywordStyle = "background-color:#f6c1c1;color:#8a0000;font-weight:bold";
inline constexpr const char * kChangedStyle = "background-color:#fff0a8;text-decoration:underline";
QString markedHtml(const QString & text, const QVector<TextSpan> & keywords, const QVector<TextSpan> & changed);

} // namespace rapidun::ui
