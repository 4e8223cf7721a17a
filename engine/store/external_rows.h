// Runs and datasets of other tools, as imported from OpenLineage events (docs/openlineage.md,
// engine/store/store_external.cpp). Plain values: engine/lineage/openlineage.h makes them.
#pragma once

#include "engine/store/types.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cairn {

struct ExternalDataset {
    std::string ns;              // OpenLineage namespace ("file", "postgres://db:5432", ...)
    std::string name;            // OpenLineage name, unique within the namespace
    std::string versionHash;     // 64 hex digits naming this version (of its datasetVersion facet)
    std::string displayName;     // the artifact name to use when the dataset is new
    std::string type = "dataset";
    std::string path;            // namespace "file": the path, matched to versions Cairn stored from it
    std::string contentHash;     // a SHA-256 the event gives for the bytes (Cairn's own exports); may be empty
};

struct ExternalRun {
    std::string id;              // 32 hex digits (the OpenLineage runId without dashes)
    std::string name;            // the job name
    std::string experiment;      // the job namespace
    RunStatus status = RunStatus::Running;
    std::int64_t startMs = 0;
    std::int64_t endMs = 0;
    std::optional<int> exitCode;
    std::map<std::string, std::string> tags;
    std::map<std::string, std::string> params;
    std::vector<ExternalDataset> inputs;
    std::vector<ExternalDataset> outputs;
};

struct ExternalImportResult {
    int runsCreated = 0;
    int runsUpdated = 0;
    int datasetsCreated = 0;     // new external artifacts
    int versionsCreated = 0;     // new versions of external artifacts
    int linked = 0;              // run-dataset links added
    int matchedStored = 0;       // links to versions Cairn stored itself (matched by path)
    std::vector<std::string> skipped;  // one line each: runs Cairn made itself are left alone
};

} // namespace cairn
