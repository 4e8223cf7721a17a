#include "engine/analysis/report_html.h"
#include "engine/analysis/drift_json.h"
#include "engine/analysis/fairness_json.h"
#include "engine/analysis/validation_json.h"

#include <cmath>
#include <cstdio>
#include <ostream>

namespace cairn::analysis {
namespace {

const char* kStyle =
    "<style>body{font:14px system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse}"
    "td,th{padding:4px 10px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}"
    ".fail{color:#b00;font-weight:600}.ok{color:#080}code{font-size:12px}</style>";

std::string fixed(double v)
{
    if (!std::isfinite(v))
        return std::isnan(v) ? "nan" : (v > 0 ? "inf" : "-inf");
    char b[32];
    std::snprintf(b, sizeof b, "%.4f", v);
    return b;
}

} // namespace

std::string htmlEscape(const std::string& s)
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

void writeValidationHtml(std::ostream& out, const ValidationReport& r, const std::string& expectationsFile)
{
    out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Cairn validation report</title>" << kStyle
        << "</head><body>\n<h1>Validation report</h1>\n<p>Data: <code>" << htmlEscape(r.data) << "</code> (" << r.rows
        << " rows)<br>Expectations: <code>" << htmlEscape(expectationsFile) << "</code></p>\n<p><strong class=\""
        << (r.passed() ? "ok" : "fail") << "\">" << r.failed << " of " << r.results.size() << " expectations failed</strong></p>\n"
        << "<table><tr><th>column</th><th>expectation</th><th>expected</th><th>result</th><th>observed</th><th>offending rows (line: value)</th></tr>\n";
    for (const auto& x : r.results) {
        out << "<tr><td>" << htmlEscape(x.column.empty() ? "(file)" : x.column) << "</td><td>" << htmlEscape(x.expectation) << "</td><td>"
            << htmlEscape(x.expected) << "</td><td class=\"" << (x.passed ? "ok\">ok" : "fail\">FAIL") << "</td><td>"
            << htmlEscape(x.observed) << "</td><td>";
        for (std::size_t i = 0; i < x.examples.size(); ++i)
            out << (i ? ", " : "") << x.examples[i].line << ": <code>" << htmlEscape(x.examples[i].value.empty() ? "(missing)" : x.examples[i].value)
                << "</code>";
        out << "</td></tr>\n";
    }
    out << "</table>\n</body></html>\n";
}

void writeFairnessHtml(std::ostream& out, const FairnessReport& r)
{
    out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Cairn fairness report</title>" << kStyle
        << "</head><body>\n<h1>Fairness report</h1>\n<p>Data: <code>" << htmlEscape(r.data) << "</code>; label <code>"
        << htmlEscape(r.label) << "</code>, prediction <code>" << htmlEscape(r.pred) << "</code>, positive label <code>"
        << htmlEscape(r.posLabel) << "</code>, groups by <code>" << htmlEscape(r.sensitive) << "</code></p>\n"
        << "<table><tr><th>" << htmlEscape(r.sensitive) << "</th><th>count</th><th>selection rate</th><th>accuracy</th><th>TPR</th><th>FPR</th></tr>\n";
    for (const auto& x : r.groups)
        out << "<tr><td>" << htmlEscape(x.group) << "</td><td>" << x.count << "</td><td>" << fixed(x.selectionRate) << "</td><td>"
            << fixed(x.accuracy) << "</td><td>" << fixed(x.tpr) << "</td><td>" << fixed(x.fpr) << "</td></tr>\n";
    out << "<tr><td><em>overall</em></td><td>" << r.overall.count << "</td><td>" << fixed(r.overall.selectionRate) << "</td><td>"
        << fixed(r.overall.accuracy) << "</td><td>" << fixed(r.overall.tpr) << "</td><td>" << fixed(r.overall.fpr) << "</td></tr>\n</table>\n"
        << "<table style=\"margin-top:16px\"><tr><td>demographic parity difference</td><td>" << fixed(r.demographicParityDifference)
        << "</td></tr><tr><td>demographic parity ratio</td><td>" << fixed(r.demographicParityRatio)
        << "</td></tr><tr><td>equalized odds difference</td><td>" << fixed(r.equalizedOddsDifference)
        << "</td></tr><tr><td>equalized odds ratio</td><td>" << fixed(r.equalizedOddsRatio) << "</td></tr></table>\n"
        << "<p><small>As Fairlearn defines them: differences are max - min over groups, ratios min / max; "
           "equalized odds takes the worse of TPR and FPR.</small></p>\n</body></html>\n";
}

Status writeReportHtml(std::ostream& out, const std::string& kind, const nlohmann::json& body)
{
    if (kind == "drift") {
        std::string ref, cur;
        auto r = driftFromBody(body, &ref, &cur);
        if (!r)
            return r.error();
        writeDriftHtml(out, *r, ref, cur);
        return Ok{};
    }
    if (kind == "validation") {
        std::string expectations;
        auto r = validationFromBody(body, &expectations);
        if (!r)
            return r.error();
        writeValidationHtml(out, *r, expectations);
        return Ok{};
    }
    if (kind == "fairness") {
        auto r = fairnessFromBody(body);
        if (!r)
            return r.error();
        writeFairnessHtml(out, *r);
        return Ok{};
    }
    return makeError("no HTML form for a report of kind '" + kind + "'");
}

} // namespace cairn::analysis
