#include "engine/cli/attached_run.h"

#include "engine/core/text.h"
#include "engine/exec/run_context.h"
#include "engine/server/client.h"

#include <unistd.h>

namespace fs = std::filesystem;

namespace cairn::cli {

std::vector<ingest::ArtifactDecl> declarationsAtEnd(const exec::SupervisorReport& report, const std::vector<std::string>& extraOutputs)
{
    const bool succeeded = report.startError.empty() && report.end.exitCode == 0 && report.end.signal == 0;
    std::vector<ingest::ArtifactDecl> out;
    for (const auto& d : report.artifacts)
        if (d.direction == "input" || succeeded)
            out.push_back(d);
    if (succeeded)
        for (const auto& p : extraOutputs)
            out.push_back({"output", p, {}, {}});
    return out;
}

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
    if (!request.inputs.empty()) {
        std::vector<ingest::ArtifactDecl> inputs;
        for (const auto& p : request.inputs)
            inputs.push_back({"input", p, {}, {}});
        result.lineage = lineage::recordRunArtifacts(project, result.runId, inputs, job.workdir);
    }
    result.report = exec::supervise(project, result.runId, job, request.tee, [&](const exec::SupervisorReport& report) {
        lineage::RecordResult atEnd =
            lineage::recordRunArtifacts(project, result.runId, declarationsAtEnd(report, request.outputs), job.workdir);
        result.lineage.recorded.insert(result.lineage.recorded.end(), atEnd.recorded.begin(), atEnd.recorded.end());
        result.lineage.errors.insert(result.lineage.errors.end(), atEnd.errors.begin(), atEnd.errors.end());
        result.lineage.warnings.insert(result.lineage.warnings.end(), atEnd.warnings.begin(), atEnd.warnings.end());
    });

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
