#include "engine/registry/gates.h"

#include "engine/core/clock.h"
#include "engine/core/text.h"
#include "engine/query/search_parser.h"
#include "engine/store/store.h"

#include <cmath>
#include <limits>
#include <set>

namespace cairn::registry {
namespace {

using nlohmann::ordered_json;

std::string where(const GateRule& r) { return "gates." + r.alias + "[" + r.name + "]"; }

void collectFields(const query::Node& n, std::vector<query::Field>& out)
{
    if (n.kind == query::Node::Kind::Predicate) {
        for (const auto& f : out)
            if (f == n.field)
                return;
        out.push_back(n.field);
        return;
    }
    for (const auto& c : n.children)
        collectFields(c, out);
}

std::string valueText(const query::FieldValue& v)
{
    if (!v.present)
        return "missing";
    return v.isNumber ? formatDouble(v.number) : v.text;
}

ordered_json numberJson(double v)
{
    if (std::isnan(v))
        return "nan";
    if (std::isinf(v))
        return v > 0 ? "inf" : "-inf";
    return v;
}

} // namespace

double snapshotNumber(const ordered_json& v)
{
    if (v.is_number())
        return v.get<double>();
    if (v.is_string()) {
        const std::string s = v.get<std::string>();
        if (s == "inf")
            return std::numeric_limits<double>::infinity();
        if (s == "-inf")
            return -std::numeric_limits<double>::infinity();
    }
    return std::numeric_limits<double>::quiet_NaN();
}

bool GateReport::passed() const { return failures() == 0; }

int GateReport::failures() const
{
    int n = 0;
    for (const auto& r : results)
        n += r.outcome != GateResult::Outcome::Pass;
    return n;
}

const char* outcomeName(GateResult::Outcome o)
{
    switch (o) {
    case GateResult::Outcome::Pass: return "pass";
    case GateResult::Outcome::Fail: return "fail";
    case GateResult::Outcome::Error: return "error";
    }
    return "error";
}

Result<CompiledGate> compileGate(const GateRule& rule, const GateSourceSet& sources)
{
    query::SearchOptions options;
    options.sources = sources.names();
    auto parsed = query::parseSearch(rule.rule, options);
    auto at = [&](int columnInRule) {
        const int column = rule.exactColumns ? rule.column + columnInRule - 1 : rule.column;
        return rule.file + ":" + std::to_string(rule.line) + ":" + std::to_string(column) + ": " + where(rule) + ": ";
    };
    if (!parsed.ok()) {
        std::string message = parsed.error->message;
        if (message.starts_with("unknown field '") || message.starts_with("unknown source '")) {
            const auto names = sources.names();
            std::string known;
            for (const auto& n : names)
                known += ", " + n + ".KEY";
            message += " (gate rules read metrics.KEY, params.KEY, tags.KEY, run attributes" + known
                       + "; no other source is registered in this Cairn)";
        }
        return makeError(at(parsed.error->column) + message);
    }
    if (!parsed.root)
        return makeError(at(1) + "the rule is empty");
    return CompiledGate{rule, std::move(*parsed.root)};
}

GateReport evaluateGates(const std::vector<GateRule>& rules, const GateSubject& subject, const GateSourceSet& sources)
{
    GateReport report;
    const std::int64_t now = nowMs();  // only a run still running reads it (duration)
    for (const GateRule& rule : rules) {
        GateResult r;
        r.alias = rule.alias;
        r.name = rule.name;
        r.rule = rule.rule;
        r.message = rule.message;
        auto compiled = compileGate(rule, sources);
        if (!compiled) {
            r.error = compiled.message();
            report.results.push_back(std::move(r));
            continue;
        }
        std::string sourceError;
        auto read = [&](const query::Field& f) -> query::FieldValue {
            if (f.kind != query::FieldKind::Source)
                return query::runFieldValue(f, subject.run, now);
            const GateSource* source = sources.find(f.source);
            if (!source) {
                sourceError = "no gate source '" + f.source + "' is registered";
                return {};
            }
            auto v = source->value(f.key, subject);
            if (!v) {
                if (sourceError.empty())
                    sourceError = f.source + "." + f.key + ": " + v.message();
                return {};
            }
            if (!*v)
                return {};
            query::FieldValue out = **v;
            if (out.isNumber) {  // sources compare like params: as text that reads as a number
                out.isNumber = false;
                out.text = formatDouble(out.number);
            }
            return out;
        };
        const query::Truth truth = query::evaluate(compiled->root, read);
        std::vector<query::Field> fields;
        collectFields(compiled->root, fields);
        for (const auto& f : fields)
            r.measured.emplace_back(query::fieldText(f), valueText(read(f)));
        if (!sourceError.empty()) {
            r.outcome = GateResult::Outcome::Error;
            r.error = sourceError;
        } else {
            r.outcome = truth == query::Truth::True ? GateResult::Outcome::Pass : GateResult::Outcome::Fail;
        }
        report.results.push_back(std::move(r));
    }
    return report;
}

ordered_json reportJson(const GateReport& report)
{
    ordered_json rules = ordered_json::array();
    for (const auto& r : report.results) {
        ordered_json measured = ordered_json::object();
        for (const auto& [k, v] : r.measured)
            measured[k] = v;
        ordered_json j = {{"alias", r.alias}, {"name", r.name}, {"rule", r.rule}, {"result", outcomeName(r.outcome)},
                          {"measured", measured}};
        if (!r.message.empty())
            j["message"] = r.message;
        if (!r.error.empty())
            j["error"] = r.error;
        rules.push_back(std::move(j));
    }
    return {{"passed", report.passed()}, {"failures", report.failures()}, {"rules", rules}};
}

Result<ordered_json> snapshotRun(Store& store, const std::string& runId)
{
    auto run = store.findRun(runId);
    if (!run)
        return run.error();
    auto summaries = store.metricSummaries(run->id);
    if (!summaries)
        return summaries.error();
    ordered_json params = ordered_json::object(), tags = ordered_json::object(), metrics = ordered_json::object();
    for (const auto& [k, v] : run->params)
        params[k] = v;
    for (const auto& [k, v] : run->tags)
        tags[k] = v;
    for (const MetricSummary& m : *summaries)
        metrics[m.key] = {{"last", numberJson(m.last)}, {"min", numberJson(m.min)}, {"max", numberJson(m.max)},
                          {"count", m.count}, {"step", m.lastStep}};
    ordered_json inputs = ordered_json::array();
    auto graph = store.lineage(run->id, 0, true, false, 1);
    if (graph) {
        for (const auto& n : graph->nodes)
            if (!n.isRun)
                inputs.push_back({{"artifact", n.id}, {"type", n.detail}, {"hash", n.hash}});
    }
    return ordered_json{{"run", {{"id", run->id}, {"name", run->name}, {"experiment", run->experiment},
                                 {"status", std::string(toString(run->status))}, {"user", run->user}}},
                        {"params", params},
                        {"tags", tags},
                        {"metrics", metrics},
                        {"inputs", inputs}};
}

Result<GateSubject> subjectFor(Store& store, const ModelVersion& version, const std::filesystem::path& projectRoot)
{
    GateSubject s;
    s.version = version;
    s.store = &store;
    s.projectRoot = projectRoot;
    auto run = store.findRun(version.runId);
    if (!run)
        return makeError("the run of " + version.model + ":" + std::to_string(version.version) + " is gone: " + run.message());
    s.run.run = *run;
    auto snap = ordered_json::parse(version.snapshot, nullptr, false);
    if (!snap.is_object())
        return makeError("the snapshot of " + version.model + ":" + std::to_string(version.version) + " is not valid JSON");
    s.run.run.params.clear();
    s.run.run.tags.clear();
    const ordered_json paramsOfSnap = snap.value("params", ordered_json::object());
    for (auto& [k, v] : paramsOfSnap.items())
        s.run.run.params[k] = v.is_string() ? v.get<std::string>() : v.dump();
    const ordered_json tagsOfSnap = snap.value("tags", ordered_json::object());
    for (auto& [k, v] : tagsOfSnap.items())
        s.run.run.tags[k] = v.is_string() ? v.get<std::string>() : v.dump();
    const ordered_json metricsOfSnap = snap.value("metrics", ordered_json::object());
    for (auto& [k, v] : metricsOfSnap.items()) {
        MetricSummary m;
        m.key = k;
        m.last = snapshotNumber(v.value("last", ordered_json()));
        m.min = snapshotNumber(v.value("min", ordered_json()));
        m.max = snapshotNumber(v.value("max", ordered_json()));
        m.count = v.value("count", std::int64_t{0});
        m.lastStep = v.value("step", std::int64_t{0});
        s.run.metrics[k] = m;
    }
    return s;
}

} // namespace cairn::registry
