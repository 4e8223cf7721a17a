#include "engine/cli/attached_run.h"

#include "engine/core/text.h"
#include "engine/exec/run_context.h"
#include "engine/server/client.h"

#include <unistd.h>

namespace fs = std::filesystem;

namespace cairn::cli {
Result<AttachedResult> runAttached(const Project& project, const AttachedRequest& request)
{
    auto client = server::ensureEngine(project);
    if (!client)
        return client.error();
    std::error_code ec;
    server::JobSpec job;
    job.argv = request.argv;
    job.workdir = (request.workdir.empty() ? fs::current_path(ec) : fs::absolute(request.workdir, ec)).string();
    job.attached = true;
    server::Json params = {{"name", request.name},
                           {"experiment", request.experiment.empty() ? "default" : request.experiment},
                           {"params", request.params},
                           {"tags", request.tags},
                           {"command", shellJoin(request.argv)},
                           {"host", exec::hostName()},
                           {"user", exec::userName()},
                           {"supervisor_pid", static_cast<long>(::getpid())},
                           {"job", job.toJson()}};
    auto created = (*client)->call("run.create", params);
    if (!created)
        return makeError("the engine could not record the run: " + created.message());

    AttachedResult result;
    result.runId = created->value("run", std::string());
    result.name = created->value("name", std::string());
    result.report = exec::supervise(project, result.runId, job, request.tee);

    // The engine may have been restarted meanwhile: reconnect and let it catch up.
    for (int attempt = 0; attempt < 3; ++attempt) {
        auto done = (*client)->call("wait", {{"run", result.runId}}, 120000);
        if (done) {
            result.status = runStatusFromString(done->value("status", std::string())).value_or(RunStatus::Failed);
            result.waitError.clear();
            return result;
        }
        result.waitError = done.message();
        client = server::ensureEngine(project);
        if (!client)
            result.waitError = client.message();
        if (!client)
            break;
    }
    result.status = result.report.end.status;
    return result;
}

} // namespace cairn::cli
