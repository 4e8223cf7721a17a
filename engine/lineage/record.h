// Recording a run's declared inputs and outputs (docs/lineage.md). The process that supervised
// the job (the foreground `cairn run`, or `cairn _supervise`) hashes and stores each path
// itself, so the engine never reads a large file; it then asks the engine to record the
// version and link it to the run with the `artifact.add` request (`run` and `direction`).
#pragma once

#include "engine/ingest/metrics_jsonl.h"
#include "engine/store/project.h"

#include <filesystem>
#include <string>
#include <vector>

namespace cairn::lineage {

struct Recorded {
    std::string direction;
    std::string label;  // "name:version"
    std::string hash;
    bool created = false;
};

struct RecordResult {
    std::vector<Recorded> recorded;
    std::vector<std::string> errors;  // one line each, naming the path
    std::vector<std::string> warnings;  // recorded, but e.g. a CSV could not be profiled
};

// Relative paths are resolved against `workdir`. Each declaration is independent: one that
// fails (a missing file, a type clash) is reported and the others are still recorded.
RecordResult recordRunArtifacts(const Project& project, const std::string& runId, const std::vector<ingest::ArtifactDecl>& decls,
                                const std::filesystem::path& workdir);

} // namespace cairn::lineage
