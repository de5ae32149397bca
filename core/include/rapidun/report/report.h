// Reports of a workspace: core builds one content model from the workspace's files (build_report);
// the renderings only lay it out: self-contained HTML (inline CSS and SVG charts, no external
// reference), Markdown with a folder of SVG charts, JSON, and every table as CSV. The studio and
// the CLI only choose the sections and save.
#pragma once
#include "rapidun/workspace/workspace.h"

#include <string>
#include <utility>
#include <vector>

namespace rapidun {

struct ReportTable {
    std::string id;                                  // file-name-safe: "influence-top", "run-<id>-metrics"
    std::string caption;
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;      // cells as text (numbers through report_number)
};

struct ReportSeries {
    std::string name;
    std::vector<double> x, y;
};

struct ReportChart {
    std::string id, title;
    std::string kind = "line";                       // "line" (x, y per series) or "bar" (one y per label)
    std::string x_label, y_label;
    std::vector<ReportSeries> series;
    std::vector<std::string> labels;                 // bar charts: one per y of series[0]
};

struct ReportSection {
    std::string id, title;                           // id: one of report_section_names()
    std::vector<std::string> paragraphs;             // plain text (escaped by each rendering)
    std::vector<ReportTable> tables;
    std::vector<ReportChart> charts;
};

struct Report {
    std::string title;
    std::vector<ReportSection> sections;
};

struct ReportOptions {
    std::vector<std::string> sections;   // empty = all of report_section_names()
    std::vector<std::string> runs;       // run ids; empty = every run under W/runs
    size_t top_k = 50;                   // ranked training rows listed (a report stays bounded at any size)
    size_t generations = 10;             // evaluation prompts shown per run, before and after
};

// workspace, influence, runs, comparison, generations, environment
const std::vector<std::string> & report_section_names();

// Reads workspace.json, the data sets, influence/ (ranking, summary), runs/<id>/ (run.json,
// loss.jsonl, metrics.jsonl, generations.jsonl), reports/pipeline.json and eval_before.json; a
// section whose files are absent says so in a paragraph. Throws Error naming the file for a file
// that exists but cannot be read, an unknown section name or a run id that is not there.
Report build_report(const Workspace & w, const ReportOptions & opt = {});

// How every number is written in a report ("%.6g"; "n/a" for NaN, as the workspace files' nulls).
std::string report_number(double v);

std::string render_report_html(const Report & r);
// Markdown; chart i is linked as <image_dir>/<chart id>.svg (write report_chart_svgs() there).
std::string render_report_markdown(const Report & r, const std::string & image_dir);
std::vector<std::pair<std::string, std::string>> report_chart_svgs(const Report & r);   // (file name, standalone SVG)
std::string render_report_json(const Report & r);
std::string report_table_csv(const ReportTable & t);   // RFC 4180, every cell through csv_cell()

// Writes `format` (html | md | json | csv) to `out` (its folder made when missing), atomically: md
// also writes <out stem>_images/;
// csv writes one <table id>.csv per table into the folder `out`. Throws Error for another format.
void write_report(const Report & r, const std::string & format, const std::string & out);

} // namespace rapidun
