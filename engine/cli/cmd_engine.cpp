// cairn engine start|stop|status|run, and the hidden `cairn _supervise` a job runs under.
#include "engine/cli/args.h"
#include "engine/cli/attached_run.h"
#include "engine/cli/commands.h"
#include "engine/cli/output.h"
#include "engine/exec/process_info.h"
#include "engine/exec/supervisor.h"
#include "engine/remote/remote_supervisor.h"
#include "engine/server/client.h"
#include "engine/server/engine.h"

#include <chrono>
#include <fcntl.h>
#include <fstream>
#include <ostream>
#include <sys/file.h>
#include <thread>
#include <unistd.h>

namespace cairn::cli {
namespace {

// The pid of the engine holding the project's lock, or 0 when none does.
long runningEnginePid(const Project& project)
{
    std::string lock = server::lockPath(project).string();
    int fd = ::open(lock.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    long pid = 0;
    if (::flock(fd, LOCK_SH | LOCK_NB) != 0) {  // held: an engine runs
        std::ifstream in(lock);
        in >> pid;
    }
    ::close(fd);
    return pid;
}

} // namespace

int cmdEngine(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("engine");
    args.positional("ACTION", "start, stop, status, or run (in the foreground)")
        .option("format", "FORMAT", "text (default) or json, for status")
        .choices("format", {"text", "json"});
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "engine", s.message());
    if (args.helpRequested()) {
        ctx.out << "Control the project's background engine: the only writer of cairn.db, which runs\n"
                   "queued jobs and records their metrics. Commands start it on demand; it exits when\n"
                   "idle (CAIRN_ENGINE_IDLE_S seconds, default 120) with nothing queued or running.\n"
                << args.usage();
        return kExitOk;
    }
    const std::string action = args.positionalValue("ACTION");
    if (action != "start" && action != "stop" && action != "status" && action != "run")
        return usageError(ctx.err, "engine", "unknown action '" + action + "' (expected start, stop, status or run)");
    auto project = Project::locate(ctx.projectOption);
    if (!project) {
        ctx.err << "cairn engine: " << project.message() << "\n";
        return kExitUsage;
    }
    if (action == "run")
        return server::runEngineMain(project->root());
    if (action == "start") {
        auto client = server::ensureEngine(*project);
        if (!client) {
            ctx.err << "cairn engine: " << client.message() << "\n";
            return kExitFailure;
        }
        ctx.out << "engine running, pid " << runningEnginePid(*project) << "\n";
        return kExitOk;
    }
    long pid = runningEnginePid(*project);
    if (action == "status") {
        if (args.get("format", "text") == "json") {
            server::Json j = {{"running", pid != 0}, {"pid", pid}, {"project", project->root().string()}};
            if (pid) {
                if (auto client = server::EngineClient::connect(*project))
                    if (auto st = (*client)->call("status"))
                        j["status"] = *st;
            }
            ctx.out << j.dump(2) << "\n";
        } else if (pid) {
            ctx.out << "pid " << pid << "\n";
        } else {
            ctx.out << "no engine running for " << project->root().string() << "\n";
        }
        return pid ? kExitOk : kExitFailure;
    }
    // stop
    if (!pid) {
        ctx.out << "no engine running\n";
        return kExitOk;
    }
    auto client = server::EngineClient::connect(*project);
    if (!client) {
        ctx.err << "cairn engine: " << client.message() << "\n";
        return kExitFailure;
    }
    if (auto r = (*client)->call("shutdown", {}, 10000); !r) {
        ctx.err << "cairn engine: " << r.message() << "\n";
        return kExitFailure;
    }
    for (int i = 0; i < 200 && runningEnginePid(*project); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (runningEnginePid(*project)) {
        ctx.err << "cairn engine: the engine (pid " << pid << ") did not stop within 10 s\n";
        return kExitFailure;
    }
    ctx.out << "engine stopped (jobs keep running; the next engine follows them)\n";
    return kExitOk;
}

int cmdSupervise(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("_supervise");
    args.positional("RUN", "the run to supervise (started by the engine)");
    if (auto s = args.parse(argv); !s || args.helpRequested())
        return usageError(ctx.err, "_supervise", s ? "internal command" : s.message());
    auto project = Project::locate(ctx.projectOption);
    if (!project) {
        ctx.err << "cairn _supervise: " << project.message() << "\n";
        return kExitUsage;
    }
    const std::string runId = args.positionalValue("RUN");
    auto job = server::readJobFile(project->runDir(runId));
    if (!job) {
        ctx.err << "cairn _supervise: " << job.message() << "\n";
        return kExitFailure;
    }
    // Declared inputs and outputs are hashed here, never in the engine (docs/lineage.md): the
    // job's own --input paths before it starts, its outputs once it has ended.
    if (!job->inputs.empty()) {
        std::vector<ingest::ArtifactDecl> inputs;
        for (const auto& p : job->inputs)
            inputs.push_back({"input", p, {}, {}});
        const std::string workdir = job->workdir.empty() ? std::filesystem::current_path().string() : job->workdir;
        for (const auto& e : lineage::recordRunArtifacts(*project, runId, inputs, workdir).errors)
            ctx.err << "cairn _supervise: not recorded: " << e << "\n";
    }
    auto recordLineage = [&](const exec::SupervisorReport& r) {
        for (const auto& e : lineage::recordRunArtifacts(*project, runId, declarationsAtEnd(r, job->outputs), r.workdir).errors)
            ctx.err << "cairn _supervise: not recorded: " << e << "\n";
    };
    // A job of an ssh or Slurm executor runs over there; this process follows it (docs/executors.md).
    exec::SupervisorReport report = job->executor.empty() ? exec::supervise(*project, runId, *job, false, recordLineage)
                                                          : remote::superviseRemote(*project, runId, *job, recordLineage);
    if (!report.startError.empty())
        ctx.err << "cairn _supervise: " << report.startError << "\n";
    return report.end.exitCode;
}

} // namespace cairn::cli
