// A small self-contained HTML drift report: a table of columns and, per column, an inline SVG
// histogram of the reference (grey) against the current (orange) sample.
#include "engine/analysis/drift_json.h"

#include <algorithm>
#include <cstdio>
#include <ostream>

namespace cairn::analysis {
namespace {

std::string esc(const std::string& s)
{
    std::string o;
    for (char c : s) {
        switch (c) {
        case '&': o += "&amp;"; break;
        case '<': o += "&lt;"; break;
        case '>': o += "&gt;"; break;
        case '"': o += "&quot;"; break;
        default: o += c;
        }
    }
    return o;
}

std::string num(double v, const char* fmt = "%.6g")
{
    char b[48];
    std::snprintf(b, sizeof b, fmt, v);
    return b;
}

void svgHistogram(std::ostream& out, const ColumnDrift& c)
{
    const std::size_t n = c.binLabels.size();
    if (n == 0)
        return;
    const double w = 320, h = 90, bw = w / double(n);
    double mx = 0;
    for (std::size_t i = 0; i < n; ++i)
        mx = std::max({mx, c.refShares[i], c.curShares[i]});
    if (mx <= 0)
        mx = 1;
    out << "<svg width=\"" << w << "\" height=\"" << h + 14 << "\" role=\"img\"><title>" << esc(c.name)
        << ": reference vs current</title>";
    for (std::size_t i = 0; i < n; ++i) {
        const double rh = c.refShares[i] / mx * h, ch = c.curShares[i] / mx * h, x = double(i) * bw;
        out << "<rect class=\"r\" x=\"" << num(x + 1) << "\" y=\"" << num(h - rh) << "\" width=\"" << num(bw / 2 - 1)
            << "\" height=\"" << num(rh) << "\"><title>" << esc(c.binLabels[i]) << " ref " << num(c.refShares[i] * 100, "%.2f")
            << "%</title></rect><rect class=\"c\" x=\"" << num(x + bw / 2) << "\" y=\"" << num(h - ch) << "\" width=\""
            << num(bw / 2 - 1) << "\" height=\"" << num(ch) << "\"><title>" << esc(c.binLabels[i]) << " cur "
            << num(c.curShares[i] * 100, "%.2f") << "%</title></rect>";
    }
    out << "<text x=\"0\" y=\"" << h + 12 << "\">" << esc(c.binLabels.front()) << "</text><text x=\"" << w
        << "\" y=\"" << h + 12 << "\" text-anchor=\"end\">" << esc(c.binLabels.back()) << "</text></svg>";
}

} // namespace

void writeDriftHtml(std::ostream& out, const DriftReport& r, const std::string& refPath, const std::string& curPath)
{
    out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Cairn drift report</title>\n"
           "<style>body{font:14px system-ui,sans-serif;margin:24px;color:#222}"
           "table{border-collapse:collapse}td,th{padding:4px 10px;border-bottom:1px solid #ddd;text-align:left;vertical-align:middle}"
           "tr.d td.v{color:#b00;font-weight:600}.r{fill:#9aa}.c{fill:#e80}svg text{font-size:10px;fill:#666}"
           ".k{display:inline-block;width:10px;height:10px;margin:0 4px 0 12px}</style></head><body>\n";
    out << "<h1>Drift report</h1>\n<p>Reference: <code>" << esc(refPath) << "</code><br>Current: <code>" << esc(curPath)
        << "</code></p>\n<p><strong>" << r.driftedColumns << " of " << r.columns.size() << " columns drifted ("
        << num(r.share * 100, "%.1f") << "%): dataset " << (r.datasetDrift ? "DRIFTED" : "not drifted")
        << "</strong> (dataset drift when the share is &ge; " << num(r.driftShare) << ")"
        << "<span class=\"k r\" style=\"background:#9aa\"></span>reference<span class=\"k\" style=\"background:#e80\"></span>current</p>\n";
    out << "<table><tr><th>column</th><th>type</th><th>test</th><th>score</th><th>threshold</th><th>drift</th>"
           "<th>ref rows</th><th>cur rows</th><th>distribution</th></tr>\n";
    for (const auto& c : r.columns) {
        out << "<tr" << (c.drifted ? " class=\"d\"" : "") << "><td>" << esc(c.name) << "</td><td>"
            << toString(c.type) << "</td><td>" << testName(c.test) << "</td><td>" << num(c.score)
            << "</td><td>" << num(c.threshold) << "</td><td class=\"v\">" << (c.drifted ? "drift" : "no") << "</td><td>"
            << c.refRows << "</td><td>" << c.curRows << "</td><td>";
        svgHistogram(out, c);
        for (const auto& w : c.warnings)
            out << "<br><small>" << esc(w) << "</small>";
        out << "</td></tr>\n";
    }
    out << "</table>\n<p><small>Tests, thresholds and directions follow Evidently's defaults: p-value tests "
           "(ks, chisquare, z) flag drift when the p-value is below the threshold (ks: at or below); "
           "distances flag drift at or above it.</small></p>\n</body></html>\n";
}

} // namespace cairn::analysis
