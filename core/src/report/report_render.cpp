// Report renderings (report.h): HTML with inline CSS and SVG, Markdown + SVG files, JSON, CSV.
// Every dataset string is text to every rendering: HTML and Markdown escape it, CSV neutralises it.
#include "rapidun/report/report.h"

#include "rapidun/error.h"
#include "rapidun/io/atomic_file.h"
#include "rapidun/io/csv.h"
#include "rapidun/text/token_display.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>

namespace rapidun {

namespace fs = std::filesystem;

namespace {

std::string html_escape(const std::string & s) {
    std::string o;
    o.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '&': o += "&amp;"; break;
        case '<': o += "&lt;"; break;
        case '>': o += "&gt;"; break;
        case '"': o += "&quot;"; break;
        case '\'': o += "&#39;"; break;
        default: o += c;
        }
    }
    return o;
}

// Markdown table cells and text: <, > and & as entities (Markdown passes raw HTML through), line
// breaks kept inside the cell, and the characters that start Markdown markup backslash-escaped.
std::string md_escape(const std::string & s) {
    std::string o;
    for (char c : s) {
        switch (c) {
        case '<': o += "&lt;"; break;
        case '>': o += "&gt;"; break;
        case '&': o += "&amp;"; break;
        case '\n': o += "<br>"; break;
        case '\r': break;
        case '|': case '\\': case '`': case '*': case '_': case '[': case ']':
            o += '\\';
            o += c;
            break;
        default: o += c;
        }
    }
    return o;
}

std::string fmt(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}

const char * const kColours[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};

// An SVG chart, 640 x 300 user units: axes with min / max ticks, one polyline per series (line) or
// one bar per label (bar), a legend. `standalone` adds the XML namespace a separate .svg file needs
// (inline SVG in HTML5 needs none, so the HTML holds no URL at all).
std::string chart_svg(const ReportChart & c, bool standalone) {
    const double W = 640, H = 300, L = 60, R = 20, T = 30, B = c.kind == "bar" ? 70 : 50;
    double x0 = std::numeric_limits<double>::infinity(), x1 = -x0, y0 = x0, y1 = -x0;
    for (const ReportSeries & s : c.series) {
        for (double x : s.x)
            if (std::isfinite(x)) x0 = std::min(x0, x), x1 = std::max(x1, x);
        for (double y : s.y)
            if (std::isfinite(y)) y0 = std::min(y0, y), y1 = std::max(y1, y);
    }
    if (c.kind == "bar") {
        y0 = std::min(0.0, y0);
        y1 = y1 + 0.1 * (y1 - y0);   // headroom above the tallest bar
        x0 = -0.5;
        x1 = double(c.labels.size()) - 0.5;
    }
    if (!std::isfinite(x0)) x0 = 0, x1 = 1;
    if (!std::isfinite(y0)) y0 = 0, y1 = 1;
    if (x1 <= x0) x1 = x0 + 1;
    if (y1 <= y0) y1 = y0 + 1;
    auto px = [&](double x) { return L + (x - x0) / (x1 - x0) * (W - L - R); };
    auto py = [&](double y) { return H - B - (y - y0) / (y1 - y0) * (H - T - B); };
    std::string o = "<svg ";
    if (standalone) o += "xmlns=\"http://www.w3.org/2000/svg\" ";
    o += "viewBox=\"0 0 640 300\" width=\"640\" height=\"300\" role=\"img\" aria-label=\"" + html_escape(c.title) + "\">";
    o += "<rect width=\"640\" height=\"300\" fill=\"#fff\"/>";
    o += "<text x=\"320\" y=\"18\" text-anchor=\"middle\" font-size=\"14\" font-family=\"sans-serif\">" + html_escape(c.title) + "</text>";
    o += "<g stroke=\"#444\" stroke-width=\"1\"><line x1=\"" + fmt(L) + "\" y1=\"" + fmt(H - B) + "\" x2=\"" + fmt(W - R) + "\" y2=\"" +
         fmt(H - B) + "\"/><line x1=\"" + fmt(L) + "\" y1=\"" + fmt(T) + "\" x2=\"" + fmt(L) + "\" y2=\"" + fmt(H - B) + "\"/></g>";
    o += "<g font-size=\"11\" font-family=\"sans-serif\" fill=\"#333\">";
    o += "<text x=\"" + fmt(L - 4) + "\" y=\"" + fmt(H - B) + "\" text-anchor=\"end\">" + fmt(y0) + "</text>";
    o += "<text x=\"" + fmt(L - 4) + "\" y=\"" + fmt(T + 8) + "\" text-anchor=\"end\">" + fmt(y1) + "</text>";
    if (c.kind != "bar") {
        o += "<text x=\"" + fmt(L) + "\" y=\"" + fmt(H - B + 14) + "\" text-anchor=\"middle\">" + fmt(x0) + "</text>";
        o += "<text x=\"" + fmt(W - R) + "\" y=\"" + fmt(H - B + 14) + "\" text-anchor=\"middle\">" + fmt(x1) + "</text>";
    }
    o += "<text x=\"" + fmt((L + W - R) / 2) + "\" y=\"" + fmt(H - 8) + "\" text-anchor=\"middle\">" + html_escape(c.x_label) + "</text>";
    o += "<text x=\"14\" y=\"" + fmt((T + H - B) / 2) + "\" text-anchor=\"middle\" transform=\"rotate(-90 14 " +
         fmt((T + H - B) / 2) + ")\">" + html_escape(c.y_label) + "</text></g>";
    for (size_t si = 0; si < c.series.size(); ++si) {
        const ReportSeries & s = c.series[si];
        const std::string colour = kColours[si % 6];
        if (c.kind == "bar") {
            const double bw = 0.7 * (W - L - R) / std::max<double>(1, double(c.labels.size()));
            for (size_t i = 0; i < s.y.size() && i < c.labels.size(); ++i) {
                if (!std::isfinite(s.y[i])) continue;
                const double cx = px(double(i)), top = py(std::max(s.y[i], 0.0)), base = py(std::min(s.y[i], 0.0));
                o += "<rect x=\"" + fmt(cx - bw / 2) + "\" y=\"" + fmt(top) + "\" width=\"" + fmt(bw) + "\" height=\"" +
                     fmt(std::max(base - top, 0.5)) + "\" fill=\"" + colour + "\"><title>" + html_escape(c.labels[i]) + ": " +
                     fmt(s.y[i]) + "</title></rect>";
                // Many labels: slanted, ending under their bar, so that long ones do not overlap.
                const bool slant = c.labels.size() > 4;
                o += "<text x=\"" + fmt(cx) + "\" y=\"" + fmt(H - B + 12) + "\" text-anchor=\"" + (slant ? "end" : "middle") +
                     "\" font-size=\"10\" font-family=\"sans-serif\"" +
                     (slant ? " transform=\"rotate(-20 " + fmt(cx) + " " + fmt(H - B + 12) + ")\"" : std::string()) + ">" +
                     html_escape(c.labels[i]) + "</text>";
            }
            continue;
        }
        std::string pts;
        for (size_t i = 0; i < s.x.size() && i < s.y.size(); ++i)
            if (std::isfinite(s.x[i]) && std::isfinite(s.y[i])) pts += fmt(px(s.x[i])) + "," + fmt(py(s.y[i])) + " ";
        o += "<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"1.5\" points=\"" + pts + "\"/>";
        o += "<text x=\"" + fmt(W - R - 4) + "\" y=\"" + fmt(T + 14 + 14 * double(si)) + "\" text-anchor=\"end\" font-size=\"11\" "
             "font-family=\"sans-serif\" fill=\"" + colour + "\">" + html_escape(s.name) + "</text>";
    }
    return o + "</svg>";
}

const char * const kCss =
    "body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}"
    "h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}"
    "table{border-collapse:collapse;margin:1em 0;font-size:.85em}caption{text-align:left;font-weight:bold;margin:.3em 0}"
    "th,td{border:1px solid #ccc;padding:.25em .5em;vertical-align:top;text-align:left}th{background:#f2f2f2}"
    "td{white-space:pre-wrap;word-break:break-word;max-width:28em}figure{margin:1em 0}h3{margin-top:1.5em}"
    ".heat span{white-space:pre;padding:1px 1px;line-height:1.9;font-family:monospace}.heat .a{border-bottom:2px solid #222}"
    "figcaption{font-weight:bold;font-size:.9em;margin-bottom:.3em}";

// The heat map's largest |value|: the colour scale of all its tokens.
double heat_scale(const ReportHeatMap & h) {
    double m = 0;
    for (double v : h.value)
        if (std::isfinite(v)) m = std::max(m, std::fabs(v));
    return m;
}

// Code points of a UTF-8 string (the SVG layout's width estimate).
size_t code_points(const std::string & s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

// A heat map as SVG for the Markdown rendering: monospace boxes 7.2 units a character at 12 units,
// wrapped at 640 units, the answer tokens underlined.
std::string heat_map_svg(const ReportHeatMap & h, bool standalone) {
    const double W = 640, pad = 3, cw = 7.2, lh = 20, top = 28;
    const double vmax = heat_scale(h);
    std::string body;
    double x = 4, y = top;
    for (size_t i = 0; i < h.pieces.size(); ++i) {
        const double w = std::max<double>(1, double(code_points(h.pieces[i]))) * cw + 2 * pad;
        if (x > 4 && x + w > W - 4) x = 4, y += lh + 2;
        const double v = i < h.value.size() ? h.value[i] : 0.0;
        body += "<rect x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" width=\"" + fmt(w) + "\" height=\"" + fmt(lh) + "\" fill=\"" +
                heat_hex(v, vmax) + "\"><title>" + std::to_string(i) + ": " + fmt(v) + "</title></rect>";
        body += "<text x=\"" + fmt(x + pad) + "\" y=\"" + fmt(y + 14) + "\" xml:space=\"preserve\">" + html_escape(h.pieces[i]) + "</text>";
        if (i < h.answer.size() && h.answer[i])
            body += "<line x1=\"" + fmt(x) + "\" y1=\"" + fmt(y + lh - 1) + "\" x2=\"" + fmt(x + w) + "\" y2=\"" + fmt(y + lh - 1) +
                    "\" stroke=\"#222\" stroke-width=\"2\"/>";
        x += w + 2;
    }
    const double H = y + lh + 6;
    std::string o = "<svg ";
    if (standalone) o += "xmlns=\"http://www.w3.org/2000/svg\" ";
    o += "viewBox=\"0 0 640 " + fmt(H) + "\" width=\"640\" height=\"" + fmt(H) + "\" role=\"img\" aria-label=\"" + html_escape(h.caption) + "\">";
    o += "<rect width=\"640\" height=\"" + fmt(H) + "\" fill=\"#fff\"/>";
    o += "<text x=\"4\" y=\"16\" font-size=\"12\" font-family=\"sans-serif\" font-weight=\"bold\">" + html_escape(h.caption) + "</text>";
    o += "<g font-size=\"12\" font-family=\"monospace\" fill=\"#141414\">" + body + "</g>";
    return o + "</svg>";
}

std::string heat_map_html(const ReportHeatMap & h) {
    const double vmax = heat_scale(h);
    std::string o = "<figure class=\"heat\" id=\"" + html_escape(h.id) + "\"><figcaption>" + html_escape(h.caption) + "</figcaption><div>";
    for (size_t i = 0; i < h.pieces.size(); ++i) {
        const double v = i < h.value.size() ? h.value[i] : 0.0;
        const bool answer = i < h.answer.size() && h.answer[i];
        o += "<span" + std::string(answer ? " class=\"a\"" : "") + " style=\"background:" + heat_hex(v, vmax) + "\" title=\"" +
             std::to_string(i) + ": " + fmt(v) + "\">" + html_escape(h.pieces[i]) + "</span>";
    }
    return o + "</div></figure>\n";
}

std::string table_html(const ReportTable & t) {
    std::string o = "<table id=\"" + html_escape(t.id) + "\"><caption>" + html_escape(t.caption) + "</caption><tr>";
    for (const std::string & c : t.columns) o += "<th>" + html_escape(c) + "</th>";
    o += "</tr>\n";
    for (const auto & row : t.rows) {
        o += "<tr>";
        for (const std::string & c : row) o += "<td>" + html_escape(c) + "</td>";
        o += "</tr>\n";
    }
    return o + "</table>\n";
}

std::string table_markdown(const ReportTable & t) {
    std::string o = "**" + md_escape(t.caption) + "**\n\n|";
    for (const std::string & c : t.columns) o += " " + md_escape(c) + " |";
    o += "\n|";
    for (size_t i = 0; i < t.columns.size(); ++i) o += " --- |";
    o += "\n";
    for (const auto & row : t.rows) {
        o += "|";
        for (const std::string & c : row) o += " " + md_escape(c) + " |";
        o += "\n";
    }
    return o + "\n";
}

ReportTable heat_map_table(const ReportHeatMap & h) {
    ReportTable t{h.id, h.caption, {"position", "token", "contribution", "answer"}, {}};
    for (size_t i = 0; i < h.pieces.size(); ++i)
        t.rows.push_back({std::to_string(i), h.pieces[i], report_number(i < h.value.size() ? h.value[i] : 0.0),
                          i < h.answer.size() && h.answer[i] ? "1" : "0"});
    return t;
}

} // namespace

std::string render_report_html(const Report & r) {
    std::string o = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + html_escape(r.title) +
                     "</title><style>" + kCss + "</style></head><body>\n<h1>" + html_escape(r.title) + "</h1>\n";
    for (const ReportSection & s : r.sections) {
        o += "<section id=\"" + html_escape(s.id) + "\"><h2>" + html_escape(s.title) + "</h2>\n";
        for (const ReportBlock & b : s.blocks) {
            switch (b.kind) {
            case ReportBlock::Kind::Heading: o += "<h3>" + html_escape(b.text) + "</h3>\n"; break;
            case ReportBlock::Kind::Paragraph: o += "<p>" + html_escape(b.text) + "</p>\n"; break;
            case ReportBlock::Kind::Chart: o += "<figure>" + chart_svg(b.chart, false) + "</figure>\n"; break;
            case ReportBlock::Kind::Table: o += table_html(b.table); break;
            case ReportBlock::Kind::HeatMap: o += heat_map_html(b.heat_map); break;
            }
        }
        o += "</section>\n";
    }
    return o + "</body></html>\n";
}

std::string render_report_markdown(const Report & r, const std::string & image_dir) {
    std::string o = "# " + md_escape(r.title) + "\n";
    for (const ReportSection & s : r.sections) {
        o += "\n## " + md_escape(s.title) + "\n\n";
        for (const ReportBlock & b : s.blocks) {
            switch (b.kind) {
            case ReportBlock::Kind::Heading: o += "### " + md_escape(b.text) + "\n\n"; break;
            case ReportBlock::Kind::Paragraph: o += md_escape(b.text) + "\n\n"; break;
            case ReportBlock::Kind::Chart:
                o += "![" + md_escape(b.chart.title) + "](" + image_dir + "/" + b.chart.id + ".svg)\n\n";
                break;
            case ReportBlock::Kind::Table: o += table_markdown(b.table); break;
            case ReportBlock::Kind::HeatMap:
                o += "![" + md_escape(b.heat_map.caption) + "](" + image_dir + "/" + b.heat_map.id + ".svg)\n\n";
                break;
            }
        }
    }
    return o;
}

std::string report_chart_svg(const ReportChart & c) { return chart_svg(c, true); }

std::vector<std::pair<std::string, std::string>> report_chart_svgs(const Report & r) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const ReportSection & s : r.sections)
        for (const ReportBlock & b : s.blocks) {
            if (b.kind == ReportBlock::Kind::Chart) out.push_back({b.chart.id + ".svg", chart_svg(b.chart, true) + "\n"});
            if (b.kind == ReportBlock::Kind::HeatMap) out.push_back({b.heat_map.id + ".svg", heat_map_svg(b.heat_map, true) + "\n"});
        }
    return out;
}

std::string render_report_json(const Report & r) {
    using ojson = nlohmann::ordered_json;
    ojson j;
    j["title"] = r.title;
    j["sections"] = ojson::array();
    for (const ReportSection & s : r.sections) {
        ojson js{{"id", s.id}, {"title", s.title}, {"blocks", ojson::array()}};
        for (const ReportBlock & b : s.blocks) {
            switch (b.kind) {
            case ReportBlock::Kind::Heading: js["blocks"].push_back({{"type", "heading"}, {"text", b.text}}); break;
            case ReportBlock::Kind::Paragraph: js["blocks"].push_back({{"type", "paragraph"}, {"text", b.text}}); break;
            case ReportBlock::Kind::Table: {
                const ReportTable & t = b.table;
                js["blocks"].push_back({{"type", "table"}, {"id", t.id}, {"caption", t.caption}, {"columns", t.columns}, {"rows", t.rows}});
                break;
            }
            case ReportBlock::Kind::Chart: {
                const ReportChart & c = b.chart;
                ojson jc{{"type", "chart"}, {"id", c.id},           {"title", c.title},     {"kind", c.kind},
                         {"x_label", c.x_label}, {"y_label", c.y_label}, {"labels", c.labels}, {"series", ojson::array()}};
                for (const ReportSeries & se : c.series) jc["series"].push_back({{"name", se.name}, {"x", se.x}, {"y", se.y}});
                js["blocks"].push_back(jc);
                break;
            }
            case ReportBlock::Kind::HeatMap: {
                const ReportHeatMap & h = b.heat_map;
                js["blocks"].push_back({{"type", "heat_map"}, {"id", h.id}, {"caption", h.caption}, {"score", h.score},
                                        {"pieces", h.pieces}, {"value", h.value}, {"answer", h.answer}});
                break;
            }
            }
        }
        j["sections"].push_back(js);
    }
    // Invalid UTF-8 in a data set is replaced, not an error: a report must not fail on one bad byte.
    return j.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

std::string report_table_csv(const ReportTable & t) {
    std::string o;
    for (size_t i = 0; i < t.columns.size(); ++i) o += (i ? "," : "") + csv_cell(t.columns[i]);
    o += "\r\n";
    for (const auto & row : t.rows) {
        for (size_t i = 0; i < row.size(); ++i) o += (i ? "," : "") + csv_cell(row[i]);
        o += "\r\n";
    }
    return o;
}

namespace {

// One CSV file per table and heat map, written into a staging folder beside `out` first: a new
// folder appears whole (one rename); an existing one (the user's, possibly holding other files) is
// never removed: each table is renamed into it, whole, so a kill leaves every file whole. A killed
// writer's staging folder is swept by the next one.
void write_report_csv_folder(const Report & r, const std::string & out) {
    const fs::path target(out);
    const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
    make_directories(parent.string());
    remove_stale_temporaries(parent.string(), false);
    std::error_code ec;
    const bool existed = fs::exists(target, ec);
    if (existed && !is_directory(out)) throw Error(out + ": a file is in the way of the report's CSV folder");
    if (existed) remove_stale_temporaries(out, false);
    const std::string stage = staging_name(out);
    fs::remove_all(stage, ec);
    make_directories(stage);
    for (const ReportSection & s : r.sections)
        for (const ReportBlock & b : s.blocks) {
            if (b.kind == ReportBlock::Kind::Table)
                write_file_atomic((fs::path(stage) / (b.table.id + ".csv")).string(), report_table_csv(b.table));
            if (b.kind == ReportBlock::Kind::HeatMap)
                write_file_atomic((fs::path(stage) / (b.heat_map.id + ".csv")).string(), report_table_csv(heat_map_table(b.heat_map)));
        }
    if (!existed) {
        fs::rename(stage, target, ec);
        if (ec) throw Error(out + ": cannot move the report's tables into place: " + ec.message());
        return;
    }
    for (const fs::directory_entry & e : fs::directory_iterator(stage)) {
        fs::rename(e.path(), target / e.path().filename(), ec);
        if (ec) throw Error((target / e.path().filename()).string() + ": cannot move the report's table into place: " + ec.message());
    }
    fs::remove_all(stage, ec);
}

} // namespace

void write_report(const Report & r, const std::string & format, const std::string & out) {
    if (const fs::path parent = fs::path(out).parent_path(); !parent.empty() && format != "csv") {
        make_directories(parent.string());
        remove_stale_temporaries(parent.string(), false);   // a killed report's temporaries (a folder of the user's: not walked)
    }
    if (format == "html") {
        write_file_atomic(out, render_report_html(r));
    } else if (format == "json") {
        write_file_atomic(out, render_report_json(r));
    } else if (format == "md") {
        const fs::path p(out);
        const std::string images = p.stem().string() + "_images";
        const fs::path dir = (p.has_parent_path() ? p.parent_path() : fs::path(".")) / images;
        make_directories(dir.string());
        remove_stale_temporaries(dir.string(), false);
        for (const auto & [name, svg] : report_chart_svgs(r)) write_file_atomic((dir / name).string(), svg);
        write_file_atomic(out, render_report_markdown(r, images));
    } else if (format == "csv") {
        write_report_csv_folder(r, out);
    } else {
        throw Error("report: unknown format '" + format + "' (html, md, json, csv)");
    }
}

} // namespace rapidun
