// Engine: starting queued jobs, watching their supervisors, answering waits.
#include "engine/core/clock.h"
#include "engine/exec/process_info.h"
#include "engine/server/engine.h"

#include <algorithm>
#include <csignal>

namespace fs = std::filesystem;

namespace cairn::server {

Status Engine::validateGpus(const JobSpec& spec) const
{
    auto s = m_gpus->validate({spec.gpuCount, spec.gpuIds});
    if (!s)
        return makeError(s.message() + " (see 'cairn gpus')");
    return Ok{};
}

void Engine::superviseJobs()
{
    auto jobs = m_store->activeJobs();
    if (!jobs)
        return;
    for (const Job& job : *jobs) {
        if (job.status == RunStatus::Running) {
            if (exec::processAlive(job.supervisorPid, job.supervisorStart))
                continue;
            // The supervisor is gone. Whatever it journaled is applied first; a run whose
            // journal holds no end record then failed without a result.
            if (!m_ingestor->caughtUp(job.runId))
                continue;
            if (reattachRemote(job))  // a remote job outlives its supervisor: follow it again
                continue;
            if (auto run = m_store->findRun(job.runId); run && run->status == RunStatus::Running)
                finishWithoutSupervisor(job.runId, RunStatus::Failed, 255,
                                        "its supervisor (pid " + std::to_string(job.supervisorPid)
                                            + ") ended without recording a result; see runs/" + job.runId + "/supervisor.log");
            continue;
        }
        // Queued: wait for the run it comes after, then for free GPUs.
        if (!job.afterRunId.empty()) {
            auto after = m_store->findRun(job.afterRunId);
            if (!after) {
                finishWithoutSupervisor(job.runId, RunStatus::Failed, 255, "the run it waits for is gone: " + job.afterRunId);
                continue;
            }
            if (after->status == RunStatus::Queued || after->status == RunStatus::Running)
                continue;
            if (after->status != RunStatus::Finished) {
                finishWithoutSupervisor(job.runId, RunStatus::Failed, 255,
                                        "not started: run " + after->id.substr(0, 8) + " it comes after " + std::string(toString(after->status)));
                continue;
            }
        }
        auto spec = JobSpec::fromJson(Json::parse(job.spec, nullptr, false));
        if (!spec) {
            finishWithoutSupervisor(job.runId, RunStatus::Failed, 2, spec.message());
            continue;
        }
        if (spec->attached)
            continue;
        if (!spec->executor.empty()) {  // the far side has its own GPUs and queue
            startJob(job, std::move(*spec));
            continue;
        }
        if (auto s = validateGpus(*spec); !s) {  // cairn.yaml's gpus: may have changed since
            finishWithoutSupervisor(job.runId, RunStatus::Failed, 2, s.message());
            continue;
        }
        auto take = m_gpus->tryAcquire({spec->gpuCount, spec->gpuIds});
        if (!take)
            continue;  // its GPUs are busy: it stays queued
        spec->assignedGpus = *take;
        startJob(job, std::move(*spec));
    }
}

void Engine::startJob(const Job& job, JobSpec spec)
{
    fs::path dir = m_project->runDir(job.runId);
    if (auto s = writeJobFile(dir, spec); !s) {
        m_gpus->release(spec.assignedGpus);
        finishWithoutSupervisor(job.runId, RunStatus::Failed, 255, s.message());
        return;
    }
    auto pid = exec::spawnDetached({m_options.cairnExecutable, "_supervise", "--project", m_project->root().string(), job.runId},
                                   (dir / "supervisor.log").string());
    if (!pid) {
        m_gpus->release(spec.assignedGpus);
        finishWithoutSupervisor(job.runId, RunStatus::Failed, 255, pid.message());
        return;
    }
    m_children.insert(*pid);
    (void)m_store->markJobStarted(job.runId, *pid, exec::processStartTime(*pid), joinIds(spec.assignedGpus), nowMs());
    (void)m_ingestor->follow(job.runId);
    broadcast({{"event", "run.scheduled"}, {"run", job.runId}, {"gpus", spec.assignedGpus}, {"supervisor_pid", *pid}});
}

void Engine::resolveWaits()
{
    for (auto it = m_waiters.begin(); it != m_waiters.end();) {
        auto run = m_store->findRun(it->runId);
        bool ended = run && run->status != RunStatus::Queued && run->status != RunStatus::Running;
        if (run && !(ended && m_ingestor->caughtUp(it->runId))) {
            ++it;
            continue;
        }
        if (!run)
            m_server->send(it->conn, encodeError(it->requestId, "not_found", run.message()));
        else
            m_server->send(it->conn, encodeResult(it->requestId, {{"run", run->id},
                                                                  {"status", std::string(toString(run->status))},
                                                                  {"exit_code", run->exitCode.value_or(-1)}}));
        it = m_waiters.erase(it);
    }
}

} // namespace cairn::server
