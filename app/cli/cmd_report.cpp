// `rapidun report`: the workspace's report (core/report) in one format, written atomically.
#include "args.h"

#include "rapidun/error.h"
#include "rapidun/model/model.h"
#include "rapidun/report/report.h"
#include "rapidun/workspace/workspace.h"

#ifdef RAPIDUN_HAVE_PDF
#include "report_pdf.h"
#endif

#include <chrono>
#include <cstdio>

namespace rapidun::cli {

int cmd_report(int argc, char ** argv) {
    Args a(argc, argv, 2, {"help"}, {"workspace", "runs", "sections", "format", "out", "top-k", "generations", "heat-maps"});
    if (a.has("help") || !a.has("workspace") || !a.has("out")) {
        std::puts("usage: rapidun report --workspace W [--runs ID,...] [--sections S,...] [--top-k N=50]\n"
                  "       [--generations N=10] [--heat-maps N=3] [--format html|pdf|md|json|csv] --out PATH\n"
                  "sections: workspace, influence, weights, runs, comparison, generations, environment (default: all)\n"
                  "heat maps: the token-wise influence of the N top-ranked rows (computed with the workspace's model,\n"
                  "saved under W/influence/explanations/), and every explanation saved there before.\n"
                  "runs: every run under W/runs by default. html: one self-contained file; pdf: A4 pages; md: PATH and\n"
                  "PATH's stem + _images/ (SVG charts); json: the report's content; csv: one file per table in\n"
                  "the folder PATH. The format defaults to PATH's extension (.html, .pdf, .md, .json; else csv).");
        return a.has("help") ? 0 : 2;
    }
    const std::string out = a.get("out");
    std::string format = a.get("format");
    if (format.empty()) {
        const size_t dot = out.rfind('.');
        const std::string ext = dot == std::string::npos ? "" : out.substr(dot + 1);
        format = ext == "html" || ext == "pdf" || ext == "md" || ext == "json" ? ext : "csv";
    }
    if (format != "html" && format != "pdf" && format != "md" && format != "json" && format != "csv")
        throw UsageError("--format must be html, pdf, md, json or csv");
    const long long top_k = a.get_int("top-k", 50), generations = a.get_int("generations", 10), heat = a.get_int("heat-maps", 3);
    if (top_k < 0 || generations < 0 || heat < 0) throw UsageError("--top-k, --generations and --heat-maps must not be negative");
    ReportOptions opt;
    opt.sections = a.get_list("sections");
    opt.runs = a.get_list("runs");
    opt.top_k = size_t(top_k);
    opt.generations = size_t(generations);
    opt.heat_maps = size_t(heat);
    init_runtime();   // the thread count the environment section reports, as the jobs run with it
    const auto t0 = std::chrono::steady_clock::now();
    const Workspace w = Workspace::load(a.get("workspace"));
    const Report r = build_report(w, opt);
    if (format == "pdf") {
#ifdef RAPIDUN_HAVE_PDF
        ui::write_report_pdf(r, out);
#else
        throw Error("report: this rapidun was built without Qt (RAPIDUN_BUILD_GUI=OFF), so it cannot write PDF");
#endif
    } else {
        write_report(r, format, out);
    }
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    size_t tables = 0, charts = 0, heat_maps = 0;
    for (const ReportSection & s : r.sections)
        tables += s.tables().size(), charts += s.charts().size(), heat_maps += s.heat_maps().size();
    std::printf("%s: %s report, %zu sections, %zu tables, %zu charts, %zu heat maps, %.2f s\n", out.c_str(), format.c_str(),
                r.sections.size(), tables, charts, heat_maps, secs);
    return 0;
}

} // namespace rapidun::cli
