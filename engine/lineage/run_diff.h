// What differs between two runs of the same command (docs/lineage.md, `cairn reproduce`): their
// environments (runs/<id>/env.json) and their results (status, params, final metrics, output
// hashes). Qt-free and database-free: loadRunSide() reads what a comparison needs once.
#pragma once

#include "engine/core/result.h"
#include "engine/store/project.h"
#include "engine/store/store.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace cairn::lineage {

// One run as a comparison sees it.
struct RunSide {
    Run run;
    std::vector<MetricSummary> metrics;
    std::vector<ArtifactVersion> inputs;
    std::vector<ArtifactVersion> outputs;
    nlohmann::ordered_json environment;  // env.json; null when the run has none
};

Result<RunSide> loadRunSide(Store& store, const Project& project, const std::string& runId);

// A field and its value on each side; an empty `original` or `reproduction` with the matching
// `present` flag false means the field is absent there.
struct FieldDiff {
    std::string field;
    std::string original;
    std::string reproduction;
    bool inOriginal = true;
    bool inReproduction = true;
    std::string note;  // e.g. "+2.5%" for a metric, "not rewritten" for an output
};

struct DiffSection {
    std::vector<FieldDiff> differ;  // what differs, sorted by field
    int same = 0;                   // how many fields compared equal
};

struct RunComparison {
    DiffSection environment;
    DiffSection status;   // status, exit code
    DiffSection params;
    DiffSection metrics;  // the last value of each metric
    DiffSection outputs;  // by artifact name: the hash of what each run wrote
    bool resultsIdentical() const { return status.differ.empty() && params.differ.empty() && metrics.differ.empty() && outputs.differ.empty(); }
};

// env.json flattened to comparable fields: argv, cwd, git.*, os.*, cpu.*, gpu.driver, gpu.cuda,
// gpu.N (model and memory), python.version, python.executable, python.packages.NAME (its
// version, from `pip freeze`), env.NAME. The format marker is left out.
std::map<std::string, std::string> flattenEnvironment(const nlohmann::ordered_json& env);

DiffSection diffMaps(const std::map<std::string, std::string>& original, const std::map<std::string, std::string>& reproduction);

RunComparison compareRuns(const RunSide& original, const RunSide& reproduction);

// {"environment": {"same": N, "differ": [{"field", "original", "reproduction", "note"}]}, ...};
// an absent side is null.
nlohmann::ordered_json comparisonJson(const RunComparison& c);

} // namespace cairn::lineage
