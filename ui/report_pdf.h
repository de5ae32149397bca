// The report (core/report) as a paged PDF, laid out by Qt: the same sections, tables and charts as
// the HTML rendering, on A4 pages. Qt only (no widgets), so the CLI links it as well as the studio.
#pragma once
#include "rapidun/report/report.h"

#include <string>

class QTextDocument;

namespace rapidun::ui {

// Lays r out into doc (headings, paragraphs, bordered tables, the charts as image resources): what
// the PDF prints and what the studio's export dialog previews.
void fill_report_document(const Report & r, QTextDocument & doc);

// Writes r to path atomically (A4, 15 mm margins; charts drawn from their SVG at 300 dpi). Creates
// an offscreen QGuiApplication when the process has none (the CLI). Throws rapidun::Error naming
// the file when it cannot be written.
void write_report_pdf(const Report & r, const std::string & path);

} // namespace rapidun::ui
