// OpenLineage export: a run's START and COMPLETE/FAIL/ABORT events (docs/openlineage.md).
#include "engine/lineage/openlineage.h"

#include "engine/artifacts/sha256.h"

#include <cmath>
#include <cstdio>
#include <ctime>

namespace cairn::lineage::openlineage {
namespace {

using ordered_json = nlohmann::ordered_json;

const char* const kFacetBase = "https://openlineage.io/spec/facets/";

ordered_json facet(const ExportOptions& o, const std::string& schemaUrl)
{
    return ordered_json{{"_producer", o.producer}, {"_schemaURL", schemaUrl}};
}

// The schema URL of one of OpenLineage's standard facets, e.g. ("1-0-1", "ErrorMessageRunFacet").
std::string standard(const char* version, const char* name)
{
    return std::string(kFacetBase) + version + "/" + name + ".json#/$defs/" + name;
}

std::string cairnFacet(const char* name) { return std::string(kCairnFacetsBase) + name + ".json#/$defs/" + name; }

ordered_json dataset(const ArtifactVersion& v, bool output, const ExportOptions& o)
{
    ordered_json d = ordered_json::object();
    ordered_json facets = ordered_json::object();
    if (v.external) {
        d["namespace"] = v.olNamespace;
        d["name"] = v.olName;
    } else {
        if (!v.source.empty()) {
            d["namespace"] = "file";
            d["name"] = v.source;
        } else {
            d["namespace"] = "cairn://" + o.projectName;
            d["name"] = v.name;
        }
        facets["version"] = facet(o, standard("1-0-1", "DatasetVersionDatasetFacet"));
        facets["version"]["datasetVersion"] = v.hash;
        facets["datasetType"] = facet(o, standard("1-0-1", "DatasetTypeDatasetFacet"));
        facets["datasetType"]["datasetType"] = v.type == "model" ? "MODEL" : v.directory ? "DIRECTORY" : "FILE";
    }
    facets["cairn_artifact"] = facet(o, cairnFacet("CairnArtifactDatasetFacet"));
    facets["cairn_artifact"].update({{"name", v.name},
                                     {"version", v.version},
                                     {"type", v.type},
                                     {"hash", v.hash},
                                     {"kind", v.external ? "external" : v.directory ? "dir" : "file"},
                                     {"size", v.size},
                                     {"files", v.fileCount}});
    d["facets"] = facets;
    if (output && !v.external) {
        ordered_json stats = facet(o, standard("1-0-2", "OutputStatisticsOutputDatasetFacet"));
        stats["size"] = v.size;
        stats["fileCount"] = v.fileCount;
        d["outputFacets"] = {{"outputStatistics", stats}};
    }
    return d;
}

} // namespace

const char* const kSchemaUrl = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";
const char* const kCairnFacetsBase = "https://cairn.invalid/spec/openlineage/facets/1-0-0/";

std::string uuidFromRunId(const std::string& id)
{
    if (id.size() != 32)
        return id;
    return id.substr(0, 8) + "-" + id.substr(8, 4) + "-" + id.substr(12, 4) + "-" + id.substr(16, 4) + "-" + id.substr(20);
}

std::string runIdFromUuid(const std::string& uuid)
{
    std::string hex;
    for (char c : uuid) {
        if (c == '-')
            continue;
        hex += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (hex.size() == 32 && hex.find_first_not_of("0123456789abcdef") == std::string::npos)
        return hex;
    return artifacts::sha256Hex(uuid).substr(0, 32);
}

std::string formatTime(std::int64_t ms)
{
    const std::time_t t = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[40];
    const std::size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    std::snprintf(buf + n, sizeof buf - n, ".%03dZ", static_cast<int>(((ms % 1000) + 1000) % 1000));
    return buf;
}

std::vector<ordered_json> runEvents(const RunSide& side, const ExportOptions& o)
{
    const Run& r = side.run;
    std::vector<ordered_json> events;
    if (r.status == RunStatus::Queued || r.startMs <= 0)
        return events;
    const auto tag = [&](const char* key, const std::string& fallback) {
        auto it = r.tags.find(key);
        return it == r.tags.end() ? fallback : it->second;
    };

    ordered_json job = {{"namespace", tag("openlineage.job.namespace", o.jobNamespace)}, {"name", tag("openlineage.job.name", r.name)}};
    ordered_json jobFacets = ordered_json::object();
    jobFacets["jobType"] = facet(o, standard("2-0-4", "JobTypeJobFacet"));
    jobFacets["jobType"].update({{"processingType", "BATCH"},
                                 {"integration", "CAIRN"},
                                 {"jobType", r.tags.count("cairn.pipeline") ? "PIPELINE_STAGE" : "RUN"}});
    if (side.environment.is_object() && side.environment.contains("git") && side.environment["git"].contains("root")) {
        const auto& git = side.environment["git"];
        ordered_json loc = facet(o, standard("1-1-0", "SourceCodeLocationJobFacet"));
        loc["type"] = "git";
        loc["url"] = "file://" + git.value("root", std::string());
        if (git.contains("commit"))
            loc["version"] = git.value("commit", std::string());
        if (git.contains("branch"))
            loc["branch"] = git.value("branch", std::string());
        jobFacets["sourceCodeLocation"] = loc;
    }
    job["facets"] = jobFacets;

    ordered_json runFacets = ordered_json::object();
    runFacets["processing_engine"] = facet(o, standard("1-1-1", "ProcessingEngineRunFacet"));
    runFacets["processing_engine"].update({{"version", o.cairnVersion}, {"name", "Cairn"}, {"openlineageAdapterVersion", o.cairnVersion}});
    if (side.environment.is_object() && side.environment.contains("env") && !side.environment["env"].empty()) {
        ordered_json vars = ordered_json::array();
        for (const auto& [k, v] : side.environment["env"].items())
            vars.push_back({{"name", k}, {"value", v.is_string() ? v.get<std::string>() : v.dump()}});
        runFacets["environmentVariables"] = facet(o, standard("1-0-0", "EnvironmentVariablesRunFacet"));
        runFacets["environmentVariables"]["environmentVariables"] = vars;
    }
    if (!r.tags.empty()) {
        ordered_json tags = ordered_json::array();
        for (const auto& [k, v] : r.tags)
            tags.push_back({{"key", k}, {"value", v}, {"source", "CAIRN"}});
        runFacets["tags"] = facet(o, standard("1-0-0", "TagsRunFacet"));
        runFacets["tags"]["tags"] = tags;
    }
    runFacets["cairn_run"] = facet(o, cairnFacet("CairnRunRunFacet"));
    runFacets["cairn_run"].update(
        {{"id", r.id}, {"name", r.name}, {"experiment", r.experiment}, {"command", r.command}, {"workdir", r.workdir}});
    if (!r.params.empty())
        runFacets["cairn_run"]["params"] = r.params;

    ordered_json inputs = ordered_json::array(), outputs = ordered_json::array();
    for (const auto& v : side.inputs)
        inputs.push_back(dataset(v, false, o));
    for (const auto& v : side.outputs)
        outputs.push_back(dataset(v, true, o));

    auto event = [&](const char* type, std::int64_t ms, const ordered_json& facets, bool withOutputs) {
        ordered_json e = ordered_json::object();
        e["eventType"] = type;
        e["eventTime"] = formatTime(ms);
        e["producer"] = o.producer;
        e["schemaURL"] = kSchemaUrl;
        e["run"] = {{"runId", uuidFromRunId(r.id)}, {"facets", facets}};
        e["job"] = job;
        e["inputs"] = inputs;
        e["outputs"] = withOutputs ? outputs : ordered_json::array();
        return e;
    };
    events.push_back(event("START", r.startMs, runFacets, false));
    if (r.status == RunStatus::Running)
        return events;

    ordered_json endFacets = runFacets;
    if (!side.metrics.empty()) {
        ordered_json metrics = ordered_json::object();
        for (const auto& m : side.metrics)
            metrics[m.key] = std::isfinite(m.last) ? ordered_json(m.last) : ordered_json(nullptr);
        endFacets["cairn_metrics"] = facet(o, cairnFacet("CairnMetricsRunFacet"));
        endFacets["cairn_metrics"]["metrics"] = metrics;
    }
    const char* type = "COMPLETE";
    if (r.status == RunStatus::Failed) {
        type = "FAIL";
        endFacets["errorMessage"] = facet(o, standard("1-0-1", "ErrorMessageRunFacet"));
        endFacets["errorMessage"].update(
            {{"message", r.exitCode ? "the command exited with code " + std::to_string(*r.exitCode) : std::string("the run failed")},
             {"programmingLanguage", "shell"}});
    } else if (r.status == RunStatus::Killed) {
        type = "ABORT";
    }
    events.push_back(event(type, r.endMs > 0 ? r.endMs : r.startMs, endFacets, true));
    return events;
}

} // namespace cairn::lineage::openlineage
