// Supervises one job: starts its process(es), tees output to the run's logs (and the terminal
// for a foreground `cairn run`), turns cairn: lines and the JSONL file into journal records,
// samples CPU and memory of the job's process tree, and records how it ended. It never writes
// the database: the engine copies the journal in. A supervisor outlives an engine crash.
#pragma once

#include "engine/ingest/recorder.h"
#include "engine/server/job_spec.h"
#include "engine/store/project.h"

#include <functional>
#include <string>

namespace cairn::exec {

struct SupervisorReport {
    ingest::RunEnd end;
    std::string startError;
    std::string journalError;
    std::uint64_t points = 0;
    std::vector<ingest::MalformedLine> malformedSamples;
    std::vector<ingest::ArtifactDecl> artifacts;  // declared inputs and outputs, not yet recorded
    std::string workdir;                          // the job's working directory
};

// Runs the job to its end. `tee` copies output to this process's stdout and stderr.
// `beforeEnd` runs once the job has exited and its output is parsed, before the run's end goes
// into the journal (so whoever waits for the end also sees what it records, e.g. lineage).
SupervisorReport supervise(const Project& project, const std::string& runId, const server::JobSpec& job, bool tee,
                           const std::function<void(const SupervisorReport&)>& beforeEnd = {});

} // namespace cairn::exec
