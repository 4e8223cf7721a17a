// The card as HTML: a self-contained page (CSS inline, charts as SVG data URIs: one file to
// mail to an auditor), or the subset of HTML that QTextDocument lays out, for cairn-render-pdf.
#include "engine/core/text.h"
#include "engine/registry/card.h"

#include <algorithm>
#include <sstream>

namespace cairn::registry {
namespace {

const char* kStyle = R"css(
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1a202c; max-width: 960px; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
h1 { font-size: 1.7em; margin-bottom: 0.2em; } h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #cbd5e0; padding-bottom: 0.2em; }
table { border-collapse: collapse; margin: 0.6em 0; } th, td { border: 1px solid #cbd5e0; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #edf2f7; } code { font-size: 0.9em; background: #f7fafc; padding: 0 3px; }
.pass { color: #276749; font-weight: bold; } .fail, .error { color: #c53030; font-weight: bold; }
.badge { display: inline-block; background: #2b6cb0; color: #fff; border-radius: 3px; padding: 0 6px; margin-right: 4px; font-size: 0.85em; }
.muted { color: #718096; } figure { margin: 1em 0; } figcaption { color: #4a5568; font-size: 0.9em; }
)css";

class Page {
public:
    Page(const CardData& c, HtmlFlavor f) : m_c(c), m_f(f) {}

    std::string build()
    {
        const auto charts = cardCharts(m_c);
        auto chart = [&](const std::string& id) {
            for (const auto& ch : charts) {
                if (ch.id != id)
                    continue;
                const std::string src = m_f == HtmlFlavor::Web ? "data:image/svg+xml;base64," + base64(ch.svg) : ch.id + ".svg";
                std::string size;
                if (m_f == HtmlFlavor::Document && ch.width > 0) {  // QTextDocument: the layout size, whatever the image's pixels
                    const double scale = std::min(1.0, 620.0 / ch.width);
                    size = " width=\"" + std::to_string(static_cast<int>(ch.width * scale)) + "\" height=\""
                           + std::to_string(static_cast<int>(ch.height * scale)) + "\"";
                }
                o << "<figure><img src=\"" << src << "\" alt=\"" << htmlEscape(ch.title) << "\"" << size << "/><figcaption>"
                  << htmlEscape(ch.title) << "</figcaption></figure>\n";
            }
        };
        o << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>Model card: " << e(m_c.model) << " version "
          << m_c.version << "</title>\n";
        if (m_f == HtmlFlavor::Web)
            o << "<style>" << kStyle << "</style>\n";
        o << "</head>\n<body>\n<h1>Model card: " << e(m_c.model) << " version " << m_c.version << "</h1>\n<p>";
        for (const auto& a : m_c.aliases)
            o << (m_f == HtmlFlavor::Web ? "<span class=\"badge\">" + e(a) + "</span>" : "[" + e(a) + "] ");
        o << e(m_c.field("overview").empty() ? "Version " + std::to_string(m_c.version) + " of " + m_c.model + ", trained by run "
                                                   + m_c.runId.substr(0, 8) + "."
                                             : m_c.field("overview"))
          << "</p>\n";

        h2(0);  // Model details
        rows({{"Name", m_c.model},
              {"Version", std::to_string(m_c.version)},
              {"Registered", m_c.registeredAt + " by " + m_c.registeredBy},
              {"Owners", m_c.lines("owners").empty() ? m_c.registeredBy : join(m_c.lines("owners"), "; ")},
              {"License", m_c.field("license").empty() ? "not stated" : m_c.field("license")},
              {"Training run", m_c.runId + (m_c.runName.empty() ? "" : " (" + m_c.runName + ", " + m_c.runStatus + ")")},
              {"Experiment", m_c.experiment},
              {"Artifact", m_c.artifact.empty() ? "-" : m_c.artifact + ", SHA-256 " + m_c.artifactHash},
              {"Command", m_c.runCommand}});
        if (!m_c.params.empty()) {
            o << "<p><b>Parameters</b></p>\n";
            rows(m_c.params);
        }
        if (!m_c.lines("references").empty()) {
            o << "<p><b>References</b></p>\n<ul>\n";
            for (const auto& r : m_c.lines("references"))
                o << "<li>" << (r.find("://") != std::string::npos ? "<a href=\"" + e(r) + "\">" + e(r) + "</a>" : e(r)) << "</li>\n";
            o << "</ul>\n";
        }
        if (!m_c.field("citation").empty())
            o << "<p><b>Citation:</b> " << e(m_c.field("citation")) << "</p>\n";

        h2(1);  // Intended use
        list(m_c.lines("intended_use"), "Not stated.");
        if (!m_c.lines("users").empty()) {
            o << "<p><b>Intended users</b></p>\n";
            list(m_c.lines("users"), "");
        }
        if (!m_c.lines("out_of_scope").empty()) {
            o << "<p><b>Out-of-scope uses</b></p>\n";
            list(m_c.lines("out_of_scope"), "");
        }
        h2(2);  // Limitations
        list(m_c.lines("limitations"), "Not stated.");
        if (!m_c.lines("tradeoffs").empty()) {
            o << "<p><b>Trade-offs</b></p>\n";
            list(m_c.lines("tradeoffs"), "");
        }
        h2(3);  // Training data
        datasets("training", "training_data");
        if (m_c.lineage.nodes.size() > 1) {
            o << "<p><b>Lineage</b> (everything upstream of the training run)</p>\n";
            std::vector<std::vector<std::string>> table;
            for (const auto& n : m_c.lineage.nodes)
                table.push_back({std::to_string(n.depth), n.isRun ? "run" : n.detail,
                                 n.isRun ? n.id.substr(0, 8) + " (" + n.name + ")" : n.id, n.hash.empty() ? "-" : n.hash.substr(0, 16)});
            grid({"depth", "kind", "node", "hash"}, table);
        }
        h2(4);  // Evaluation data
        datasets("evaluation", "evaluation_data");
        h2(5);  // Metrics
        metricTable(m_c.metrics, false);
        chart("metrics");
        chart("curves");
        h2(6);  // Metrics by slice
        metricTable(m_c.sliced, true);
        chart("slices");
        h2(7);  // Fairness
        metricTable(m_c.fairness, false);
        h2(8);  // Ethical considerations
        list(m_c.lines("ethical_considerations"), "Not stated.");
        h2(9);  // Environment
        const auto env = environmentRows(m_c);
        if (env.empty())
            o << "<p class=\"muted\">Not recorded.</p>\n";
        else
            rows(env);
        h2(10);  // Promotion gates
        if (m_c.gates.results.empty()) {
            o << "<p class=\"muted\">No gates are configured.</p>\n";
        } else {
            o << "<p>Evaluated " << e(m_c.generatedAt) << ": " << (m_c.gates.results.size() - static_cast<std::size_t>(m_c.gates.failures()))
              << " of " << m_c.gates.results.size() << " rules pass.</p>\n";
            std::vector<std::vector<std::string>> table;
            for (const auto& r : m_c.gates.results) {
                std::string measured;
                for (const auto& [k, v] : r.measured)
                    measured += (measured.empty() ? "" : ", ") + k + " = " + v;
                table.push_back({r.alias, r.name, r.rule, std::string("\x01") + outcomeName(r.outcome), measured});
            }
            grid({"alias", "gate", "rule", "result", "measured"}, table);
        }
        o << "<p class=\"muted\">Generated by Cairn on " << e(m_c.generatedAt) << " from tracked data.</p>\n</body>\n</html>\n";
        return o.str();
    }

private:
    static std::string e(const std::string& s) { return htmlEscape(s); }
    static std::string join(const std::vector<std::string>& v, const std::string& sep)
    {
        std::string out;
        for (const auto& s : v)
            out += (out.empty() ? "" : sep) + s;
        return out;
    }
    void h2(std::size_t i) { o << "<h2>" << e(cardSectionTitles()[i]) << "</h2>\n"; }
    std::string tableOpen() const
    {
        return m_f == HtmlFlavor::Web ? "<table>\n" : "<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">\n";
    }
    void rows(const std::vector<std::pair<std::string, std::string>>& kv)
    {
        o << tableOpen();
        for (const auto& [k, v] : kv)
            o << "<tr><th>" << e(k) << "</th><td>" << e(v) << "</td></tr>\n";
        o << "</table>\n";
    }
    void grid(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& table)
    {
        o << tableOpen() << "<tr>";
        for (const auto& h : header)
            o << "<th>" << e(h) << "</th>";
        o << "</tr>\n";
        for (const auto& row : table) {
            o << "<tr>";
            for (const auto& cell : row) {
                if (!cell.empty() && cell[0] == '\x01') {  // a gate outcome
                    const std::string r = cell.substr(1);
                    o << "<td class=\"" << r << "\">"
                      << (m_f == HtmlFlavor::Document ? "<b>" + e(asciiLower(r) == "pass" ? "PASS" : r == "fail" ? "FAIL" : "ERROR") + "</b>"
                                                      : e(r == "pass" ? "PASS" : r == "fail" ? "FAIL" : "ERROR"))
                      << "</td>";
                } else {
                    o << "<td>" << e(cell) << "</td>";
                }
            }
            o << "</tr>\n";
        }
        o << "</table>\n";
    }
    void list(const std::vector<std::string>& items, const std::string& none)
    {
        if (items.empty()) {
            if (!none.empty())
                o << "<p class=\"muted\">" << e(none) << "</p>\n";
            return;
        }
        o << "<ul>\n";
        for (const auto& i : items)
            o << "<li>" << e(i) << "</li>\n";
        o << "</ul>\n";
    }
    void datasets(const std::string& role, const std::string& key)
    {
        std::vector<std::vector<std::string>> table;
        for (const auto& d : m_c.datasets)
            if (d.role == role)
                table.push_back({d.artifact, d.type, d.hash});
        if (!table.empty())
            grid({"artifact", "type", "SHA-256"}, table);
        if (!m_c.field(key).empty())
            o << "<p>" << e(m_c.field(key)) << "</p>\n";
        if (table.empty() && m_c.field(key).empty())
            o << "<p class=\"muted\">Not recorded.</p>\n";
    }
    void metricTable(const std::vector<CardMetric>& list, bool slices)
    {
        if (list.empty()) {
            o << "<p class=\"muted\">None logged.</p>\n";
            return;
        }
        std::vector<std::vector<std::string>> table;
        for (const auto& m : list) {
            std::vector<std::string> row = {m.name};
            if (slices)
                row.push_back(m.slice);
            row.push_back(displayNumber(m.value));
            row.push_back(m.low || m.high ? (m.low ? displayNumber(*m.low) : "?") + " to " + (m.high ? displayNumber(*m.high) : "?") : "-");
            table.push_back(std::move(row));
        }
        grid(slices ? std::vector<std::string>{"metric", "slice", "value", "confidence interval"}
                    : std::vector<std::string>{"metric", "value", "confidence interval"},
             table);
    }

    const CardData& m_c;
    HtmlFlavor m_f;
    std::ostringstream o;
};

} // namespace

std::string cardHtml(const CardData& card, HtmlFlavor flavor) { return Page(card, flavor).build(); }

} // namespace cairn::registry
