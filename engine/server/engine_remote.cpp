// Engine: jobs of ssh and Slurm executors (docs/executors.md). Their supervisors do the remote
// work; the engine validates the executor at submit time, lists executors, shows the far side's
// state in `queue`, and starts a new supervisor for a remote job whose supervisor died (the job
// itself runs on over there).
#include "engine/core/clock.h"
#include "engine/exec/process_info.h"
#include "engine/remote/remote_state.h"
#include "engine/server/engine.h"

namespace cairn::server {
namespace {

constexpr int kMaxAttaches = 5;

// cairn.yaml as it is now (it may have been edited since the engine started).
std::vector<remote::ExecutorConfig> currentExecutors(const Project& project, std::string& error)
{
    auto fresh = Project::open(project.root());
    if (!fresh) {
        error = fresh.message();
        return project.config().executors;
    }
    return fresh->config().executors;
}

} // namespace

Json Engine::executors()
{
    std::string error;
    Json list = Json::array();
    for (const auto& e : currentExecutors(*m_project, error)) {
        Json row = {{"name", e.name}, {"type", std::string(remote::toString(e.type))}, {"workdir", e.workdir}, {"python", e.python}};
        if (e.type == remote::ExecutorType::Ssh) {
            row["host"] = e.ssh.host;
            row["port"] = e.ssh.port;
            row["user"] = e.ssh.user;
        } else {
            row["partition"] = e.slurm.partition;
            row["gres"] = e.slurm.gres;
            row["via"] = e.slurm.via;
            row["time"] = e.slurm.time;
        }
        list.push_back(std::move(row));
    }
    Json out = {{"executors", list}};
    if (!error.empty())
        out["error"] = error;
    return out;
}

Status Engine::validateExecutor(const JobSpec& spec, std::string& host, std::string& user)
{
    std::string error;
    auto all = currentExecutors(*m_project, error);
    if (!error.empty())
        return makeError(error);
    const remote::ExecutorConfig* e = remote::findExecutor(all, spec.executor);
    if (!e)
        return makeError(remote::unknownExecutorMessage(all, spec.executor));
    if (e->type == remote::ExecutorType::Ssh && spec.nnodes > 1)
        return makeError("executor '" + e->name + "' is an ssh host, one machine: --nnodes " + std::to_string(spec.nnodes)
                         + " needs a Slurm executor");
    host = e->type == remote::ExecutorType::Ssh ? e->ssh.host : e->name + " (slurm)";
    const remote::ExecutorConfig* login = e->type == remote::ExecutorType::Ssh ? e : remote::findExecutor(all, e->slurm.via);
    if (login && !login->ssh.user.empty())
        user = login->ssh.user;
    return Ok{};
}

bool Engine::reattachRemote(const Job& job)
{
    auto spec = JobSpec::fromJson(Json::parse(job.spec, nullptr, false));
    if (!spec || spec->executor.empty())
        return false;
    const auto dir = m_project->runDir(job.runId);
    remote::RemoteState state;
    if (!remote::readRemoteState(dir, state) || !state.started || state.phase == "ended")
        return false;
    if (auto run = m_store->findRun(job.runId); !run || run->status != RunStatus::Running)
        return false;
    if (state.attaches >= kMaxAttaches) {
        finishWithoutSupervisor(job.runId, RunStatus::Failed, 255,
                                "its supervisor ended " + std::to_string(state.attaches) + " times; the job may still run in " + state.rundir
                                    + " on " + state.where + "; see runs/" + job.runId + "/supervisor.log");
        return true;
    }
    auto pid = exec::spawnDetached({m_options.cairnExecutable, "_supervise", "--project", m_project->root().string(), job.runId},
                                   (dir / "supervisor.log").string());
    if (!pid)
        return false;
    m_children.insert(*pid);
    (void)m_store->markJobStarted(job.runId, *pid, exec::processStartTime(*pid), job.gpus, m_store->findRun(job.runId)->startMs);
    (void)m_store->addRunEvent(job.runId, {nowMs(), "remote.supervisor",
                                           "its supervisor (pid " + std::to_string(job.supervisorPid) + ") was gone; started pid "
                                               + std::to_string(*pid) + " to follow the job on " + state.where});
    broadcast({{"event", "run.scheduled"}, {"run", job.runId}, {"gpus", Json::array()}, {"supervisor_pid", *pid}});
    return true;
}

void Engine::addRemoteInfo(const std::string& runId, Json& row) const
{
    remote::RemoteState s;
    if (!remote::readRemoteState(m_project->runDir(runId), s))
        return;
    row["remote"] = {{"phase", s.phase},   {"state", s.state},   {"reason", s.reason}, {"nodes", s.nodes},
                     {"where", s.where},   {"slurm_job", s.slurmJob}, {"message", s.message}};
}

} // namespace cairn::server
