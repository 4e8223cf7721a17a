// The supervisor of a job that runs on an executor (docs/executors.md): the local process
// (`cairn _supervise`, one per job, outliving the engine) that sends the job's files, starts it
// through the agent, follows its output and metrics file by byte offset into the same parsers,
// recorder and journal as a local job, reconnects after a dropped connection, cancels it, and
// fetches what it wrote. It never writes the database.
#pragma once

#include "engine/exec/supervisor.h"

namespace cairn::remote {

// Runs the remote job to its end (or re-attaches to it, when runs/<id>/remote.json says it was
// started by an earlier supervisor). SIGTERM/SIGINT/SIGHUP cancel it on the far side.
exec::SupervisorReport superviseRemote(const Project& project, const std::string& runId, const server::JobSpec& job,
                                       const std::function<void(const exec::SupervisorReport&)>& beforeEnd = {});

} // namespace cairn::remote
