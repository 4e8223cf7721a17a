// Runs a command as a tracked run of a project: records it, tees its output to the terminal
// and to runs/<id>/stdout.log and stderr.log, and ingests its metrics from stdout and from the
// JSON-lines file named by CAIRN_METRICS_FILE.
#pragma once

#include "engine/core/result.h"
#include "engine/ingest/recorder.h"
#include "engine/store/project.h"

#include <map>
#include <string>
#include <vector>

namespace cairn::exec {

struct RunRequest {
    std::string name;
    std::string experiment;
    std::map<std::string, std::string> params;
    std::map<std::string, std::string> tags;
    std::vector<std::string> argv;
    std::filesystem::path workdir;   // empty: the current directory
    bool teeToTerminal = true;
};

struct RunReport {
    std::string runId;
    RunStatus status = RunStatus::Failed;
    int exitCode = 0;
    std::string startError;          // set when the command could not start
    std::string storeError;          // set when recording failed (the logs still hold everything)
    std::uint64_t points = 0;
    std::uint64_t malformed = 0;
    std::vector<ingest::MalformedLine> malformedSamples;
};

// Fails only when the run cannot be recorded at all (no database, no run folder).
Result<RunReport> trackRun(const Project& project, const RunRequest& request);

} // namespace cairn::exec
