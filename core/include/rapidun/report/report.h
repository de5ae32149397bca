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

// A training row's tokens coloured by their share of its influence on one forget row (method doc
// 3.7): the values sum to the score.
struct ReportHeatMap {
    std::string id, caption;
    std::vector<std::string> pieces;                 // display text of each token
    std::vector<double> value;                       // contribution per token
    std::vector<uint8_t> answer;                     // 1: an answer token (underlined)
    double score = 0;
};

// One item of a section, in reading order: a run's heading, then its settings, charts and tables.
struct ReportBlock {
    enum class Kind { Heading, Paragraph, Table, Chart, HeatMap } kind = Kind::Paragraph;
    std::string text;                                // Heading, Paragraph (plain text, escaped by each rendering)
    ReportTable table;
    ReportChart chart;
    ReportHeatMap heat_map;
};

struct ReportSection {
    std::string id, title;                           // id: one of report_section_names()
    std::vector<ReportBlock> blocks;

    void heading(std::string text);
    void paragraph(std::string text);
    void add(ReportTable t);
    void add(ReportChart c);
    void add(ReportHeatMap h);
    // The blocks of one kind, in order.
    std::vector<const std::string *> paragraphs() const;
    std::vector<const ReportTable *> tables() const;
    std::vector<const ReportChart *> charts() const;
    std::vector<const ReportHeatMap *> heat_maps() const;
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
    size_t heat_maps = 3;                // token heat maps of the top-ranked rows (computed with the model when
                                         // not saved), besides every explanation saved in the workspace
    bool compute_heat_maps = true;       // false: only the saved ones (a preview that must not load the model)
};

// workspace, influence, weights, runs, comparison, generations, environment
const std::vector<std::string> & report_section_names();

// Reads workspace.json, the data sets, influence/ (ranking, summary, saved explanations), weights/
// (the weights and weights_settings.json), runs/<id>/ (run.json, loss.jsonl, metrics.jsonl,
// generations.jsonl), reports/pipeline.json and eval_before.json; a section whose files are absent
// says so in a paragraph. The heat maps of the top rows are the only thing computed (with the
// workspace's model, then saved under influence/explanations/); when the model cannot be opened the
// section says why. Throws Error naming the file for a file that exists but cannot be read, an
// unknown section name or a run id that is not there.
Report build_report(const Workspace & w, const ReportOptions & opt = {});

// How every number is written in a report ("%.6g"; "n/a" for NaN, as the workspace files' nulls).
std::string report_number(double v);

std::string render_report_html(const Report & r);
// Markdown; chart i is linked as <image_dir>/<chart id>.svg (write report_chart_svgs() there).
std::string render_report_markdown(const Report & r, const std::string & image_dir);
// (file name, standalone SVG) of every chart and heat map: <id>.svg
std::vector<std::pair<std::string, std::string>> report_chart_svgs(const Report & r);
std::string report_chart_svg(const ReportChart & c);   // one chart, standalone (640 x 300 units)
std::string render_report_json(const Report & r);
std::string report_table_csv(const ReportTable & t);   // RFC 4180, every cell through csv_cell()

// Writes `format` (html | md | json | csv) to `out` (its folder made when missing), atomically: md
// also writes <out stem>_images/; csv writes one <table id>.csv per table (and per heat map: position,
// token, contribution, answer) into the folder `out`. Throws Error for another format.
void write_report(const Report & r, const std::string & format, const std::string & out);

} // namespace rapidun
