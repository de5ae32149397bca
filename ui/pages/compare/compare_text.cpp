#include "compare_text.h"

#include <QStringList>

#include <algorithm>
#include <vector>

namespace rapidun::ui {
namespace {

bool isAsciiAlnum(QChar c) {
    const ushort u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9');
}

// Whitespace-separated words with their spans.
QVector<TextSpan> words(const QString & text) {
    QVector<TextSpan> out;
    int i = 0;
    const int n = int(text.size());
    while (i < n) {
        while (i < n && text.at(i).isSpace())
            ++i;
        const int begin = i;
        while (i < n && !text.at(i).isSpace())
            ++i;
        if (i > begin)
            out.append({begin, i - begin});
    }
    return out;
}

constexpr int kMaxDiffWords = 2000;

} // namespace

QVector<TextSpan> keywordSpans(const QString & text, const QSet<QString> & keywords) {
    QVector<TextSpan> out;
    if (keywords.isEmpty())
        return out;
    int i = 0;
    const int n = int(text.size());
    while (i < n) {
        while (i < n && !isAsciiAlnum(text.at(i)))
            ++i;
        const int begin = i;
        while (i < n && isAsciiAlnum(text.at(i)))
            ++i;
        if (i > begin && keywords.contains(text.mid(begin, i - begin).toLower()))
            out.append({begin, i - begin});
    }
    return out;
}

WordDiff wordDiff(const QString & left, const QString & right) {
    WordDiff diff;
    if (left == right)
        return diff;
    const QVector<TextSpan> a = words(left), b = words(right);
    const int n = int(std::min<qsizetype>(a.size(), kMaxDiffWords)), m = int(std::min<qsizetype>(b.size(), kMaxDiffWords));
    auto wordA = [&](int i) { return QStringView(left).mid(a[i].start, a[i].length); };
    auto wordB = [&](int j) { return QStringView(right).mid(b[j].start, b[j].length); };
    // lcs[i][j]: LCS length of a[i..n) and b[j..m), row-major (n + 1) x (m + 1).
    std::vector<int> lcs(size_t(n + 1) * size_t(m + 1), 0);
    auto at = [&](int i, int j) -> int & { return lcs[size_t(i) * size_t(m + 1) + size_t(j)]; };
    for (int i = n - 1; i >= 0; --i)
        for (int j = m - 1; j >= 0; --j)
            at(i, j) = wordA(i) == wordB(j) ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    int i = 0, j = 0;
    while (i < n && j < m) {
        if (wordA(i) == wordB(j)) {
            ++i;
            ++j;
        } else if (at(i + 1, j) >= at(i, j + 1)) {
            diff.left.append(a[i++]);
        } else {
            diff.right.append(b[j++]);
        }
    }
    for (; i < a.size(); ++i)
        diff.left.append(a[i]);
    for (; j < b.size(); ++j)
        diff.right.append(b[j]);
    return diff;
}

QString markedHtml(const QString & text, const QVector<TextSpan> & keywords, const QVector<TextSpan> & changed) {
    // Per character: bit 0 keyword, bit 1 changed; runs of equal bits become one span.
    std::vector<unsigned char> mark(size_t(text.size()), 0);
    auto paint = [&](const QVector<TextSpan> & spans, unsigned char bit) {
        for (const TextSpan & s : spans)
            for (int k = std::max(0, s.start); k < std::min<int>(int(text.size()), s.start + s.length); ++k)
                mark[size_t(k)] |= bit;
    };
    paint(keywords, 1);
    paint(changed, 2);
    QString html;
    int k = 0;
    const int n = int(text.size());
    while (k < n) {
        const unsigned char bits = mark[size_t(k)];
        int end = k;
        while (end < n && mark[size_t(end)] == bits)
            ++end;
        QString piece = text.mid(k, end - k).toHtmlEscaped();
        piece.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
        if (bits & 2)
            piece = QStringLiteral("<span style=\"%1\">%2</span>").arg(QLatin1String(kChangedStyle), piece);
        if (bits & 1)
            piece = QStringLiteral("<span style=\"%1\">%2</span>").arg(QLatin1String(kKeywordStyle), piece);
        html += piece;
        k = end;
    }
    return html;
}

} // namespace rapidun::ui
