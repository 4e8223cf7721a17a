// A foreground run (`cairn run`, `cairn demo`): the engine records it, this process supervises
// the command (so the terminal sees its output and Ctrl-C reaches it), and at the end waits
// until the engine holds every point it logged.
#pragma once

#include "engine/core/result.h"
#include "engine/exec/supervisor.h"
#include "engine/lineage/record.h"

#include <iosfwd>
#include <map>

namespace cairn::cli {

struct AttachedRequest {
    std::string name;
    std::string experiment;
    std::map<std::string, std::string> params;
    std::map<std::string, std::string> tags;
    std::vector<std::string> argv;
    std::filesystem::path workdir;
    bool tee = true;
    std::vector<std::string> inputs;   // --input: recorded before the command starts
    std::vector<std::string> outputs;  // --output: recorded after it succeeded
};

struct AttachedResult {
    std::string runId;
    std::string name;
    RunStatus status = RunStatus::Failed;  // as stored by the engine
    exec::SupervisorReport report;
    std::string waitError;                 // set when the engine could not confirm the end
    lineage::RecordResult lineage;         // inputs and outputs recorded (docs/lineage.md)
};

// The declarations to record once the job has ended: every input, and the outputs only when
// the command succeeded (a failed run's outputs are not trusted as versions).
std::vector<ingest::ArtifactDecl> declarationsAtEnd(const exec::SupervisorReport& report,
                                                    const std::vector<std::string>& extraOutputs = {});

Result<AttachedResult> runAttached(const Project& project, const AttachedRequest& request);

} // namespace cairn::cli
