// write_report_pdf (report_pdf.h): QTextDocument lays the report out (its rich-text subset: headings,
// paragraphs, bordered tables, images) and prints it into a QPdfWriter, which paginates; the charts
// are core's standalone SVGs rendered by QSvgRenderer, added to the document as image resources.
#include "report_pdf.h"

#include "rapidun/error.h"
#include "rapidun/io/atomic_file.h"
#include "rapidun/text/token_display.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgRenderer>
#include <QTextDocument>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <memory>

namespace rapidun::ui {

namespace {

QString esc(const std::string & s) { return QString::fromStdString(s).toHtmlEscaped(); }

// The CLI has no application object; QTextDocument's fonts and QPdfWriter need one.
void ensure_gui_app() {
    if (QGuiApplication::instance()) return;
    if (!std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY") && !std::getenv("QT_QPA_PLATFORM"))
        setenv("QT_QPA_PLATFORM", "offscreen", 0);
    static int argc = 1;
    static char name[] = "rapidun";
    static char * argv[] = {name, nullptr};
    static std::unique_ptr<QGuiApplication> app(new QGuiApplication(argc, argv));
}

QImage render_svg(const std::string & svg) {
    QSvgRenderer renderer(QByteArray::fromStdString(svg));
    QImage img(1600, 750, QImage::Format_ARGB32);   // 640 x 300 units at 2.5x
    img.fill(Qt::white);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    renderer.render(&p);
    return img;
}

// One word of at most 18 characters (an id, a number, a header) is kept on one line: Qt would
// break it at '-' or '.'.
bool short_word(const std::string & cell) { return cell.size() <= 18 && cell.find(' ') == std::string::npos; }

QString nowrap(const std::string & cell) {
    return short_word(cell) ? QStringLiteral(" style=\"white-space:nowrap\"") : QString();
}

// A table whose columns follow their content. Columns of short words (ids, numbers, labels) take
// their natural width, unbroken; the text columns share the rest of the line by their mean cell
// length (long text wraps), each at least as wide as its header's longest word. A table without
// text columns keeps its natural width.
QString table_html(const ReportTable & t) {
    constexpr double kLine = 95;   // characters of an A4 line at 8 pt, cell padding counted
    const size_t n = t.columns.size();
    std::vector<double> longest(n, 1.0), mean(n, 0.0), word(n, 1.0);   // word: the header's longest, at most 18
    std::vector<bool> text(n, false);
    auto words = [&](size_t c, const std::string & cell) {
        for (const QString & w : QString::fromStdString(cell).split(QLatin1Char(' '), Qt::SkipEmptyParts))
            word[c] = std::max(word[c], std::min(18.0, double(w.size())));
    };
    for (size_t c = 0; c < n; ++c) {
        longest[c] = double(t.columns[c].size());
        words(c, t.columns[c]);
    }
    for (const auto & row : t.rows)
        for (size_t c = 0; c < n && c < row.size(); ++c) {
            longest[c] = std::max(longest[c], double(QString::fromStdString(row[c]).size()));
            mean[c] += std::min(80.0, double(row[c].size())) / double(t.rows.size());
            if (!short_word(row[c])) text[c] = true;
        }
    double fixed = 0, want = 0, natural = 0;
    for (size_t c = 0; c < n; ++c) {
        natural += longest[c] + 3;
        if (text[c]) want += std::max(mean[c], 4.0);
        else fixed += std::min(longest[c], 18.0) + 3;
    }
    const bool full = natural > kLine && want > 0;
    // Many columns: a smaller font, so that the short ones leave the text room on the line.
    QString html = QStringLiteral("<p><b>") + esc(t.caption) + QStringLiteral("</b></p><table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"") +
                   (full ? QStringLiteral(" width=\"100%\"") : QString()) + (n > 6 ? QStringLiteral(" style=\"font-size:7pt\"") : QString()) +
                   QStringLiteral("><tr>");
    for (size_t c = 0; c < n; ++c) {
        html += QStringLiteral("<th");
        if (full && text[c]) {
            // Never narrower than its header's longest word, which Qt would break.
            const double share = std::max(std::max(0.0, 100.0 * (1.0 - fixed / kLine)) * std::max(mean[c], 4.0) / want,
                                          100.0 * (word[c] + 3) / kLine);
            html += QStringLiteral(" width=\"%1%\"").arg(std::max(5, int(std::lround(share))));
        }
        html += nowrap(t.columns[c]) + QStringLiteral(">") + esc(t.columns[c]) + QStringLiteral("</th>");
    }
    html += QStringLiteral("</tr>");
    for (const auto & row : t.rows) {
        html += QStringLiteral("<tr>");
        for (const std::string & c : row) html += QStringLiteral("<td") + nowrap(c) + QStringLiteral(">") + esc(c) + QStringLiteral("</td>");
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

// Tokens as coloured spans (QTextDocument draws span backgrounds), the answer underlined.
QString heat_map_html(const ReportHeatMap & h) {
    double vmax = 0;
    for (double v : h.value)
        if (std::isfinite(v)) vmax = std::max(vmax, std::fabs(v));
    QString html = QStringLiteral("<p><b>") + esc(h.caption) + QStringLiteral("</b></p><p style=\"font-family:'DejaVu Sans Mono'\">");
    for (size_t i = 0; i < h.pieces.size(); ++i) {
        const double v = i < h.value.size() ? h.value[i] : 0.0;
        const bool answer = i < h.answer.size() && h.answer[i];
        html += QStringLiteral("<span style=\"background-color:%1;%2white-space:pre\">%3</span>")
                    .arg(QString::fromStdString(heat_hex(v, vmax)), answer ? QStringLiteral("text-decoration:underline;") : QString(),
                         esc(h.pieces[i]));
    }
    return html + QStringLiteral("</p>");
}

} // namespace

void fill_report_document(const Report & r, QTextDocument & doc) {
    doc.clear();
    doc.setDefaultFont(QFont(QStringLiteral("DejaVu Sans"), 8));
    doc.setDefaultStyleSheet(QStringLiteral("h1{font-size:16pt} h2{font-size:12pt; margin-top:14px} h3{font-size:10pt; margin-top:10px} "
                                            "th{background-color:#eeeeee} caption{font-weight:bold}"));
    QString html = QStringLiteral("<h1>") + esc(r.title) + QStringLiteral("</h1>");
    // Each section and each heading in it (a run, the heat maps) starts a page, so that a run's charts
    // and tables are read together and no heading is left at the foot of a page (Qt has
    // page-break-before, not break-inside: avoid).
    const QString newPage = QStringLiteral(" style=\"page-break-before:always\"");
    for (const ReportSection & s : r.sections) {
        html += QStringLiteral("<h2") + (&s != &r.sections.front() ? newPage : QString()) + QStringLiteral(">") + esc(s.title) +
                QStringLiteral("</h2>");
        bool first = true;
        for (const ReportBlock & b : s.blocks) {
            switch (b.kind) {
            case ReportBlock::Kind::Heading:
                html += QStringLiteral("<h3") + (!first ? newPage : QString()) + QStringLiteral(">") + esc(b.text) +
                        QStringLiteral("</h3>");
                break;
            case ReportBlock::Kind::Paragraph: html += QStringLiteral("<p>") + esc(b.text) + QStringLiteral("</p>"); break;
            case ReportBlock::Kind::Chart: {
                const QUrl name(QStringLiteral("chart:") + QString::fromStdString(b.chart.id));
                doc.addResource(QTextDocument::ImageResource, name, render_svg(report_chart_svg(b.chart)));
                html += QStringLiteral("<p><img src=\"") + name.toString() + QStringLiteral("\" width=\"500\"></p>");
                break;
            }
            case ReportBlock::Kind::Table: html += table_html(b.table); break;
            case ReportBlock::Kind::HeatMap: html += heat_map_html(b.heat_map); break;
            }
            first = false;
        }
    }
    doc.setHtml(html);
}

void write_report_pdf(const Report & r, const std::string & path) {
    ensure_gui_app();
    QTextDocument doc;
    fill_report_document(r, doc);
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setResolution(300);
        writer.setTitle(QString::fromStdString(r.title));
        writer.setCreator(QStringLiteral("RapidUn Studio"));
        doc.print(&writer);
    }
    if (bytes.isEmpty()) fail(path, "", "the PDF writer produced nothing");
    if (const auto parent = std::filesystem::path(path).parent_path(); !parent.empty()) make_directories(parent.string());
    if (const std::string parent = std::filesystem::path(path).parent_path().string(); !parent.empty())
        remove_stale_temporaries(parent, false);   // a killed report's temporaries (the folder itself not walked)
    write_file_atomic(path, bytes.constData(), size_t(bytes.size()));
}

} // namespace rapidun::ui
