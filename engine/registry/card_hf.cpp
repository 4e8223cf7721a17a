// A Hugging Face model card: README.md with YAML front matter (license, tags, datasets,
// metrics and a model-index with the evaluation results) followed by the card in Markdown, in
// the order of huggingface_hub's modelcard_template.md.
#include "engine/core/text.h"
#include "engine/registry/card.h"

#include <cmath>
#include <sstream>

namespace cairn::registry {
namespace {

// A YAML double-quoted scalar.
std::string q(const std::string& s)
{
    std::string out = "\"";
    for (char ch : s) {
        switch (ch) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': break;
        default:
            if (static_cast<unsigned char>(ch) < 0x20)
                continue;
            out += ch;
        }
    }
    return out + "\"";
}

std::string yamlNumber(double v)
{
    if (std::isnan(v))
        return ".nan";
    if (std::isinf(v))
        return v > 0 ? ".inf" : "-.inf";
    return formatDouble(v);
}

// Markdown table cells: no line breaks, '|' escaped.
std::string cell(const std::string& s)
{
    std::string out;
    for (char ch : s) {
        if (ch == '|')
            out += "\\|";
        else if (ch == '\n')
            out += ' ';
        else
            out += ch;
    }
    return out;
}

void bullets(std::ostringstream& md, const std::vector<std::string>& lines, const std::string& none)
{
    if (lines.empty()) {
        md << none << "\n";
        return;
    }
    for (const auto& l : lines)
        md << "- " << l << "\n";
}

} // namespace

std::string cardHuggingFace(const CardData& c)
{
    std::ostringstream y;
    y << "---\n";
    const std::string license = c.field("license");
    if (!license.empty())
        y << "license: " << q(asciiLower(license)) << "\n";
    y << "tags:\n- cairn\n";
    std::string evalName;
    std::vector<std::string> datasetNames;
    for (const auto& d : c.datasets) {
        datasetNames.push_back(d.artifact);
        if (d.role == "evaluation" && evalName.empty())
            evalName = d.artifact;
    }
    if (!datasetNames.empty()) {
        y << "datasets:\n";
        for (const auto& d : datasetNames)
            y << "- " << q(d) << "\n";
    }
    if (!c.metrics.empty()) {
        y << "metrics:\n";
        for (const auto& m : c.metrics)
            y << "- " << q(m.name) << "\n";
    }
    if (!c.metrics.empty() || !c.sliced.empty() || !c.fairness.empty()) {
        std::string task = "other";
        for (const auto& [k, v] : c.params)
            if (k == "task")
                task = v;
        if (evalName.empty())
            evalName = datasetNames.empty() ? c.model + " evaluation data" : datasetNames.front();
        y << "model-index:\n- name: " << q(c.model) << "\n  results:\n  - task:\n      type: " << q(task) << "\n"
          << "    dataset:\n      type: " << q(evalName) << "\n      name: " << q(evalName) << "\n    metrics:\n";
        auto metric = [&](const CardMetric& m, const std::string& prefix) {
            y << "    - type: " << q(prefix + m.name) << "\n      value: " << yamlNumber(m.value) << "\n      name: "
              << q(prefix + m.name + (m.slice.empty() ? "" : " (slice " + m.slice + ")")) << "\n      verified: false\n";
            if (!m.slice.empty() || m.low || m.high) {
                y << "      args:\n";
                if (!m.slice.empty())
                    y << "        slice: " << q(m.slice) << "\n";
                if (m.low)
                    y << "        ci_low: " << yamlNumber(*m.low) << "\n";
                if (m.high)
                    y << "        ci_high: " << yamlNumber(*m.high) << "\n";
            }
        };
        for (const auto& m : c.metrics)
            metric(m, "");
        for (const auto& m : c.sliced)
            metric(m, "");
        for (const auto& m : c.fairness)
            metric(m, "fairness/");
        y << "    source:\n      name: " << q("Cairn run " + c.runId) << "\n      url: " << q("cairn://runs/" + c.runId) << "\n";
    }
    y << "---\n\n";

    std::ostringstream md;
    md << "# Model Card for " << c.model << " (version " << c.version << ")\n\n";
    md << (c.field("overview").empty() ? "Version " + std::to_string(c.version) + " of " + c.model + ", trained by run "
                                             + c.runId.substr(0, 8) + "."
                                       : c.field("overview"))
       << "\n\n";
    md << "## Model details\n\n| | |\n|---|---|\n";
    md << "| Name | " << cell(c.model) << " |\n| Version | " << c.version << " |\n| Registered | " << c.registeredAt << " by "
       << cell(c.registeredBy) << " |\n";
    md << "| Aliases | " << (c.aliases.empty() ? "-" : cell(shellJoin(c.aliases))) << " |\n";
    md << "| Owners | " << (c.lines("owners").empty() ? cell(c.registeredBy) : cell(shellJoin(c.lines("owners")))) << " |\n";
    md << "| License | " << (license.empty() ? "not stated" : cell(license)) << " |\n";
    md << "| Training run | " << c.runId << (c.runName.empty() ? "" : " (" + cell(c.runName) + ")") << " |\n";
    if (!c.artifact.empty())
        md << "| Artifact | " << cell(c.artifact) << ", SHA-256 `" << c.artifactHash << "` |\n";
    for (const auto& [k, v] : c.params)
        md << "| param " << cell(k) << " | " << cell(v) << " |\n";
    if (!c.lines("references").empty()) {
        md << "\nReferences:\n\n";
        bullets(md, c.lines("references"), "");
    }
    if (!c.field("citation").empty())
        md << "\nCitation: " << c.field("citation") << "\n";
    md << "\n## Intended use\n\n";
    bullets(md, c.lines("intended_use"), "Not stated.");
    if (!c.lines("users").empty()) {
        md << "\nIntended users:\n\n";
        bullets(md, c.lines("users"), "");
    }
    if (!c.lines("out_of_scope").empty()) {
        md << "\nOut-of-scope uses:\n\n";
        bullets(md, c.lines("out_of_scope"), "");
    }
    md << "\n## Limitations\n\n";
    bullets(md, c.lines("limitations"), "Not stated.");
    if (!c.lines("tradeoffs").empty()) {
        md << "\nTrade-offs:\n\n";
        bullets(md, c.lines("tradeoffs"), "");
    }
    auto datasets = [&](const std::string& role, const std::string& key) {
        bool any = false;
        for (const auto& d : c.datasets)
            if (d.role == role) {
                md << "- `" << d.artifact << "` (" << d.type << "), SHA-256 `" << d.hash << "`\n";
                any = true;
            }
        if (!c.field(key).empty()) {
            md << (any ? "\n" : "") << c.field(key) << "\n";
            any = true;
        }
        if (!any)
            md << "Not recorded.\n";
    };
    md << "\n## Training data\n\n";
    datasets("training", "training_data");
    if (c.lineage.nodes.size() > 1) {
        md << "\nLineage (everything upstream of the training run):\n\n| depth | node | hash |\n|---|---|---|\n";
        for (const auto& n : c.lineage.nodes)
            md << "| " << n.depth << " | " << (n.isRun ? "run " + n.id.substr(0, 8) + " (" + cell(n.name) + ")" : cell(n.id)) << " | "
               << (n.hash.empty() ? "-" : "`" + n.hash.substr(0, 16) + "`") << " |\n";
    }
    md << "\n## Evaluation data\n\n";
    datasets("evaluation", "evaluation_data");
    auto metricTable = [&](const std::vector<CardMetric>& list, bool slices) {
        if (list.empty()) {
            md << "None logged.\n";
            return;
        }
        md << (slices ? "| metric | slice | value (confidence interval) |\n|---|---|---|\n" : "| metric | value (confidence interval) |\n|---|---|\n");
        for (const auto& m : list)
            md << "| " << cell(m.name) << (slices ? " | " + cell(m.slice) : "") << " | " << metricText(m) << " |\n";
    };
    md << "\n## Metrics\n\n";
    metricTable(c.metrics, false);
    md << "\n## Metrics by slice\n\n";
    metricTable(c.sliced, true);
    md << "\n## Fairness\n\n";
    metricTable(c.fairness, false);
    md << "\n## Ethical considerations\n\n";
    bullets(md, c.lines("ethical_considerations"), "Not stated.");
    md << "\n## Environment\n\n";
    const auto env = environmentRows(c);
    if (env.empty())
        md << "Not recorded.\n";
    else {
        md << "| | |\n|---|---|\n";
        for (const auto& [k, v] : env)
            md << "| " << cell(k) << " | " << cell(v) << " |\n";
    }
    md << "\n## Promotion gates\n\n";
    if (c.gates.results.empty())
        md << "No gates are configured.\n";
    else {
        md << "Evaluated " << c.generatedAt << ".\n\n| alias | gate | rule | result | measured |\n|---|---|---|---|---|\n";
        for (const auto& r : c.gates.results) {
            std::string measured;
            for (const auto& [k, v] : r.measured)
                measured += (measured.empty() ? "" : ", ") + k + " = " + v;
            md << "| " << cell(r.alias) << " | " << cell(r.name) << " | `" << cell(r.rule) << "` | " << outcomeName(r.outcome) << " | "
               << cell(measured) << " |\n";
        }
    }
    md << "\n---\nGenerated by Cairn on " << c.generatedAt << " from tracked data.\n";
    return y.str() + md.str();
}

} // namespace cairn::registry
