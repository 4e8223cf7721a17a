// Model Card Toolkit JSON, schema v0.0.2 (tests validate it with a JSON-schema validator against
// the schema in tests/data/modelcard). The schema has no place of its own for the environment,
// the lineage or the gate results, so they go into model_details.documentation as text.
#include "engine/core/text.h"
#include "engine/registry/card.h"

namespace cairn::registry {
namespace {

using nlohmann::ordered_json;

std::string documentation(const CardData& c)
{
    std::string d = "Registered in Cairn as " + c.model + ":" + std::to_string(c.version) + " on " + c.registeredAt + " by "
                    + c.registeredBy + ", from run " + c.runId + (c.runName.empty() ? "" : " (" + c.runName + ")")
                    + (c.experiment.empty() ? "" : ", experiment " + c.experiment) + ".";
    if (!c.aliases.empty())
        d += " Aliases: " + shellJoin(c.aliases) + ".";
    if (!c.artifact.empty())
        d += " Artifact " + c.artifact + " (SHA-256 " + c.artifactHash + ").";
    if (!c.runCommand.empty())
        d += "\n\nTraining command: " + c.runCommand;
    if (!c.lineage.nodes.empty()) {
        d += "\n\nLineage (upstream of the training run):";
        for (const auto& n : c.lineage.nodes)
            d += "\n- " + std::string(n.isRun ? "run " : "artifact ") + n.id + (n.isRun ? " (" + n.name + ")" : " " + n.hash.substr(0, 16))
                 + ", depth " + std::to_string(n.depth);
    }
    if (const auto env = environmentRows(c); !env.empty()) {
        d += "\n\nEnvironment:";
        for (const auto& [k, v] : env)
            d += "\n- " + k + ": " + v;
    }
    if (!c.gates.results.empty()) {
        d += "\n\nPromotion gates (evaluated " + c.generatedAt + "):";
        for (const auto& r : c.gates.results) {
            d += "\n- " + r.alias + "/" + r.name + ": " + outcomeName(r.outcome) + " (" + r.rule;
            for (const auto& [k, v] : r.measured)
                d += "; " + k + " = " + v;
            d += ")";
        }
    }
    return d;
}

ordered_json metricJson(const CardMetric& m, const std::string& prefix)
{
    ordered_json j = {{"type", prefix + m.name}, {"value", formatDouble(m.value)}};
    if (!m.slice.empty())
        j["slice"] = m.slice;
    if (m.low || m.high) {
        ordered_json ci = ordered_json::object();
        if (m.low)
            ci["lower_bound"] = formatDouble(*m.low);
        if (m.high)
            ci["upper_bound"] = formatDouble(*m.high);
        j["confidence_interval"] = ci;
    }
    return j;
}

ordered_json descriptions(const std::vector<std::string>& lines)
{
    ordered_json out = ordered_json::array();
    for (const auto& l : lines)
        out.push_back({{"description", l}});
    return out;
}

} // namespace

std::string cardMctJson(const CardData& c)
{
    ordered_json details = {{"name", c.model}};
    details["overview"] = c.field("overview").empty()
                              ? "Version " + std::to_string(c.version) + " of " + c.model + ", trained by run " + c.runId.substr(0, 8)
                                    + (c.runName.empty() ? "" : " (" + c.runName + ")") + "."
                              : c.field("overview");
    details["documentation"] = documentation(c);
    ordered_json owners = ordered_json::array();
    for (const auto& line : c.lines("owners")) {
        const auto lt = line.find('<');
        const auto gt = line.rfind('>');
        if (lt != std::string::npos && gt != std::string::npos && gt > lt) {
            std::string name = line.substr(0, lt);
            while (!name.empty() && name.back() == ' ')
                name.pop_back();
            owners.push_back({{"name", name}, {"contact", line.substr(lt + 1, gt - lt - 1)}});
        } else {
            owners.push_back({{"name", line}});
        }
    }
    if (owners.empty())
        owners.push_back({{"name", c.registeredBy}});
    details["owners"] = owners;
    details["version"] = {{"name", std::to_string(c.version)},
                          {"date", c.registeredDate},
                          {"diff", c.previousVersion > 0 ? "follows version " + std::to_string(c.previousVersion) + " of " + c.model
                                                         : "the first version of " + c.model}};
    if (!c.field("license").empty()) {
        const std::string l = c.field("license");
        const bool identifier = l.find_first_of(" \n") == std::string::npos;
        details["licenses"] = ordered_json::array({identifier ? ordered_json{{"identifier", l}} : ordered_json{{"custom_text", l}}});
    }
    ordered_json refs = ordered_json::array();
    for (const auto& r : c.lines("references"))
        if (r.find("://") != std::string::npos && r.find(' ') == std::string::npos)
            refs.push_back({{"reference", r}});
    if (!refs.empty())
        details["references"] = refs;
    if (!c.field("citation").empty())
        details["citations"] = ordered_json::array({{{"citation", c.field("citation")}}});
    if (!c.artifactHash.empty())
        details["path"] = "artifacts/" + c.artifactHash.substr(0, 2) + "/" + c.artifactHash.substr(2);

    ordered_json data = ordered_json::array();
    for (const auto& d : c.datasets)
        data.push_back({{"name", d.artifact},
                        {"description", d.role + " data: " + d.type + " " + d.artifact + ", SHA-256 " + d.hash}});
    for (const auto& [role, key] : {std::pair<std::string, std::string>{"training", "training_data"}, {"evaluation", "evaluation_data"}})
        if (!c.field(key).empty())
            data.push_back({{"name", role + " data (as described)"}, {"description", c.field(key)}});
    ordered_json parameters = ordered_json::object();
    std::string architecture;
    for (const auto& [k, v] : c.params)
        architecture += (architecture.empty() ? "" : ", ") + k + "=" + v;
    if (!architecture.empty())
        parameters["model_architecture"] = architecture;
    parameters["data"] = data;

    ordered_json metrics = ordered_json::array();
    for (const auto& m : c.metrics)
        metrics.push_back(metricJson(m, ""));
    for (const auto& m : c.sliced)
        metrics.push_back(metricJson(m, ""));
    for (const auto& m : c.fairness)
        metrics.push_back(metricJson(m, "fairness: "));

    ordered_json considerations = ordered_json::object();
    ordered_json uses = descriptions(c.lines("intended_use"));
    for (const auto& l : c.lines("out_of_scope"))
        uses.push_back({{"description", "Out of scope: " + l}});
    if (!c.lines("users").empty())
        considerations["users"] = descriptions(c.lines("users"));
    if (!uses.empty())
        considerations["use_cases"] = uses;
    if (!c.lines("limitations").empty())
        considerations["limitations"] = descriptions(c.lines("limitations"));
    if (!c.lines("tradeoffs").empty())
        considerations["tradeoffs"] = descriptions(c.lines("tradeoffs"));
    ordered_json risks = ordered_json::array();
    for (const auto& l : c.lines("ethical_considerations")) {
        const auto colon = l.find(':');
        if (colon == std::string::npos)
            risks.push_back({{"name", l}});
        else {
            std::string mitigation = l.substr(colon + 1);
            mitigation.erase(0, mitigation.find_first_not_of(' '));
            risks.push_back({{"name", l.substr(0, colon)}, {"mitigation_strategy", mitigation}});
        }
    }
    if (!risks.empty())
        considerations["ethical_considerations"] = risks;

    ordered_json card = {{"schema_version", "0.0.2"},
                         {"model_details", details},
                         {"model_parameters", parameters},
                         {"quantitative_analysis", {{"performance_metrics", metrics}}},
                         {"considerations", considerations}};
    return card.dump(2) + "\n";
}

} // namespace cairn::registry
