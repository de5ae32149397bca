// write_report_pdf (report_pdf.h): QTextDocument lays the report out (its rich-text subset: headings,
// paragraphs, bordered tables, images) and prints it into a QPdfWriter, which paginates; the charts
// are core's standalone SVGs rendered by QSvgRenderer, added to the document as image resources.
#include "report_pdf.h"

#include "rapidun/error.h"
#include "rapidun/io/atomic_file.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgRenderer>
#include <QTextDocument>
#include <QUrl>

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

} // namespace

void fill_report_document(const Report & r, QTextDocument & doc) {
    doc.clear();
    doc.setDefaultFont(QFont(QStringLiteral("DejaVu Sans"), 8));
    doc.setDefaultStyleSheet(QStringLiteral("h1{font-size:16pt} h2{font-size:12pt; margin-top:14px} "
                                            "th{background-color:#eeeeee} caption{font-weight:bold}"));
    const auto svgs = report_chart_svgs(r);
    size_t chart = 0;
    QString html = QStringLiteral("<h1>") + esc(r.title) + QStringLiteral("</h1>");
    for (const ReportSection & s : r.sections) {
        html += QStringLiteral("<h2>") + esc(s.title) + QStringLiteral("</h2>");
        for (const std::string & p : s.paragraphs) html += QStringLiteral("<p>") + esc(p) + QStringLiteral("</p>");
        for (const ReportChart & c : s.charts) {
            const QUrl name(QStringLiteral("chart:") + QString::fromStdString(c.id));
            doc.addResource(QTextDocument::ImageResource, name, render_svg(svgs[chart++].second));
            html += QStringLiteral("<p><img src=\"") + name.toString() + QStringLiteral("\" width=\"600\"></p>");
        }
        for (const ReportTable & t : s.tables) {
            html += QStringLiteral("<p><b>") + esc(t.caption) +
                    QStringLiteral("</b></p><table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\"><tr>");
            for (const std::string & c : t.columns) html += QStringLiteral("<th>") + esc(c) + QStringLiteral("</th>");
            html += QStringLiteral("</tr>");
            for (const auto & row : t.rows) {
                html += QStringLiteral("<tr>");
                for (const std::string & c : row) html += QStringLiteral("<td>") + esc(c) + QStringLiteral("</td>");
                html += QStringLiteral("</tr>");
            }
            html += QStringLiteral("</table>");
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
    write_file_atomic(path, bytes.constData(), size_t(bytes.size()));
}

} // namespace rapidun::ui
