// A foreground run (`cairn run`, `cairn demo`): the engine records it, this process supervises
// the command (so the terminal sees its output and Ctrl-C reaches it), and at the end waits
// until the engine holds every point it logged.
#pragma once

#include "engine/core/result.h"
#include "engine/exec/supervisor.h"

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
};

struct AttachedResult {
    std::string runId;
    std::string name;
    RunStatus status = RunStatus::Failed;  // as stored by the engine
    exec::SupervisorReport report;
    std::string waitError;                 // set when the engine could not confirm the end
};

Result<AttachedResult> runAttached(const Project& project, const AttachedRequest& request);

} // namespace cairn::cli
