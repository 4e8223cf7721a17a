// A remote job's supervision: connecting, sending the files, starting, and the end.
#include "engine/remote/remote_supervisor.h"

#include "engine/artifacts/sha256.h"
#include "engine/core/clock.h"
#include "engine/core/text.h"
#include "engine/exec/run_context.h"
#include "engine/remote/remote_run.h"
#include "engine/remote/remote_sync.h"
#include "engine/remote/slurm.h"

#include <atomic>
#include <csignal>
#include <iostream>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace cairn::remote {
namespace {

std::atomic<int> g_stopSignal{0};

void onStop(int sig) { g_stopSignal.store(sig); }

// A path of the agent's answer, or empty.
std::string field(const Json& j, const char* key) { return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string(); }

} // namespace

RemoteRun::RemoteRun(const Project& project, std::string runId, server::JobSpec job)
    : m_project(project)
    , m_runId(std::move(runId))
    , m_job(std::move(job))
    , m_dir(project.runDir(m_runId))
    , m_stdout([this](std::string_view line, std::uint64_t no, bool overlong) { m_recorder.stdoutLine(line, no, overlong, nowMs()); })
    , m_jsonl([this](std::string_view line, std::uint64_t no, bool overlong) {
        if (!overlong)
            m_recorder.jsonlLine(line, no, nowMs());
    })
{
}

void RemoteRun::log(const std::string& text) const
{
    std::cerr << formatTimestamp(nowMs()) << " supervisor[" << ::getpid() << "] " << m_runId.substr(0, 8) << ": " << text << std::endl;
}

bool RemoteRun::stopRequested() const { return g_stopSignal.load() != 0; }

void RemoteRun::sleepFor(int ms) const
{
    for (int slept = 0; slept < ms && !(stopRequested() && !m_cancelSent); slept += 100)
        std::this_thread::sleep_for(std::chrono::milliseconds(std::min(100, ms - slept)));
}

void RemoteRun::event(const std::string& kind, const std::string& text)
{
    m_journal.event(nowMs(), kind, text);
    m_dirty = true;
    log(kind + ": " + text);
}

void RemoteRun::saveState()
{
    m_state.updatedMs = nowMs();
    (void)writeRemoteState(m_dir, m_state);
}

void RemoteRun::checkpoint(bool force)
{
    const std::int64_t now = nowMs();
    if (!force && (!m_dirty || now - m_lastCheckpointMs < 250) && m_journal.buffered() < (1 << 20))
        return;
    Json offsets = Json::object();
    for (const auto& [name, off] : m_offsets)
        offsets[name] = name == "stdout.log" ? m_stdoutLineEnd : name == "metrics.jsonl" ? m_jsonlLineEnd : off;
    Json steps = Json::object();
    for (const auto& [k, v] : m_recorder.nextSteps())
        steps[k] = v;
    m_journal.checkpoint(Json{{"offsets", offsets}, {"steps", steps}, {"started", m_startedRecorded}, {"restarts", m_restarts}}.dump());
    if (auto s = m_journal.flush(); !s)
        log("journal: " + s.message());
    m_dirty = false;
    m_lastCheckpointMs = now;
}

bool RemoteRun::withRetries(const std::string& what, const std::function<bool(AgentFailure&)>& step, std::string& error)
{
    int delayMs = 1000;
    for (int attempt = 1;; ++attempt) {
        AgentFailure f;
        if (step(f))
            return true;
        if (!f.connection || attempt >= 4 || stopRequested()) {
            error = f.message;
            return false;
        }
        log(what + ": " + f.message + "; trying again in " + std::to_string(delayMs / 1000) + " s");
        m_state.message = f.message;
        saveState();
        sleepFor(delayMs);
        delayMs *= 2;
    }
}

std::string RemoteRun::agentSpec() const
{
    Json spec = {{"run_id", m_runId},
                 {"argv", m_job.argv},
                 {"env", m_job.env},
                 {"kind", std::string(toString(m_e.type))},
                 {"nproc_per_node", m_job.nprocPerNode},
                 {"nnodes", m_job.nnodes},
                 {"gpus", m_job.gpuCount},
                 {"gpu_ids", m_job.gpuIds},
                 {"executor", m_e.name},
                 {"stop_grace_s", 10}};
    if (m_e.type == ExecutorType::Slurm) {
        SlurmRequest r;
        r.jobName = "cairn-" + m_runId.substr(0, 8);
        r.nnodes = m_job.nnodes;
        r.tasksPerNode = m_job.nprocPerNode;
        r.gpusPerNode = m_job.gpuCount;
        spec["sbatch"] = sbatchDirectives(m_e, r);
    }
    return spec.dump();
}

bool RemoteRun::setUp(std::string& error)
{
    const fs::path local = m_job.workdir.empty() ? fs::current_path() : fs::path(m_job.workdir);
    const char* home = ::getenv("HOME");
    if (local == "/" || (home && fs::path(home) == local)) {
        error = "refusing to send all of " + local.string() + " to " + m_agent->transport().where()
                + ": submit from the project's folder, or pass --workdir with the folder the job needs";
        return false;
    }
    // 1. The agent: Python version, the far side's absolute workdir.
    m_state.phase = "connecting";
    saveState();
    Json probe;
    if (!withRetries("connecting", [&](AgentFailure& f) {
            auto j = m_agent->call("probe", {m_e.workdir}, f, {}, 60000);
            if (j)
                probe = *j;
            return j.has_value();
        }, error))
        return false;
    const std::string workdir = field(probe, "workdir");
    if (workdir.empty() || probe.contains("workdir_error")) {
        error = "cannot use 'workdir: " + m_e.workdir + "' on " + m_agent->transport().where() + ": " + field(probe, "workdir_error");
        return false;
    }
    if (probe.value("free_bytes", std::uint64_t(0)) < (64u << 20)) {
        error = "the remote disk is full: only " + formatBytes(probe.value("free_bytes", std::uint64_t(0))) + " free in " + workdir + " on "
                + m_agent->transport().where() + "; free space there or point 'workdir:' of executor '" + m_e.name + "' at a larger disk";
        return false;
    }
    const std::string rundir = workdir + "/" + m_runId;
    const std::string key = artifacts::sha256Hex(exec::hostName() + ":" + local.string()).substr(0, 16);

    // 2. The files, by checksum: only what the mirror lacks goes over.
    m_state.phase = "syncing";
    saveState();
    std::vector<std::string> excludes = {".git/", "__pycache__/"};
    std::error_code ec;
    fs::path rel = fs::relative(m_project.root(), local, ec);
    if (!ec && !rel.empty() && !rel.string().starts_with("..")) {
        std::string prefix = rel == "." ? "/" : "/" + rel.string() + "/";
        for (const char* p : {"runs/", "artifacts/", ".cairn/", "cairn.db", "cairn.db-*"})
            excludes.push_back(prefix + p);
    }
    SyncStats stats;
    if (!withRetries("sending files", [&](AgentFailure& f) {
            SyncFailure sf;
            bool ok = syncUp(m_agent->transport(), local, workdir + "/.cairn/mirror/" + key, excludes, stats, sf);
            f.connection = sf.connection;
            f.message = sf.message;
            return ok;
        }, error))
        return false;
    event("remote.synced", "sent " + std::to_string(stats.filesSent) + " of " + std::to_string(stats.files) + " files ("
                               + formatBytes(stats.bytesSent) + " of " + formatBytes(stats.bytes) + ") from " + local.string() + " to "
                               + m_agent->transport().where());
    if (!withRetries("preparing", [&](AgentFailure& f) { return m_agent->call("prepare", {workdir, m_runId, key}, f).has_value(); }, error))
        return false;

    // 3. Start (idempotent on the far side: a lost reply and a second start give the same job).
    m_state.phase = "starting";
    m_state.rundir = rundir;
    saveState();
    if (stopRequested()) {
        error = "cancelled before it started";
        return false;
    }
    Json started;
    if (!withRetries("starting", [&](AgentFailure& f) {
            auto j = m_agent->call("start", {rundir}, f, agentSpec());
            if (j)
                started = *j;
            return j.has_value();
        }, error))
        return false;
    m_state.started = true;
    m_state.phase = "running";
    m_state.state = "PENDING";
    m_state.message.clear();
    m_state.slurmJob = field(started, "job");
    saveState();
    if (m_e.type == ExecutorType::Slurm)
        event("slurm.submitted", "submitted to Slurm as job " + m_state.slurmJob + " from " + field(started, "host") + " ("
                                     + (m_e.slurm.partition.empty() ? "default partition" : "partition " + m_e.slurm.partition) + ")");
    else
        event("remote.started", "started on " + field(started, "host") + " in " + rundir + " (keeper pid "
                                    + std::to_string(started.value("pid", 0)) + ")");
    checkpoint(true);
    return true;
}

bool RemoteRun::resume()
{
    auto text = ingest::lastCheckpoint(m_dir / "metrics.journal");
    Json cp = text ? Json::parse(*text, nullptr, false) : Json::object();
    if (!cp.is_object())
        cp = Json::object();
    // Local copies may hold bytes past the checkpoint (written before the crash, not journaled):
    // cut them back, and ask for those bytes again.
    const Json offsets = cp.contains("offsets") && cp["offsets"].is_object() ? cp["offsets"] : Json::object();
    for (const auto& entry : fs::directory_iterator(m_dir)) {
        const std::string name = entry.path().filename().string();
        bool followed = name == "metrics.jsonl" || name == "slurm.out" || (name.starts_with("stdout") && name.ends_with(".log"))
                        || (name.starts_with("stderr") && name.ends_with(".log")) || (name.starts_with("node.") && name.ends_with(".log"));
        if (!followed || !entry.is_regular_file())
            continue;
        std::uint64_t off = offsets.contains(name) && offsets[name].is_number_unsigned() ? offsets[name].get<std::uint64_t>() : 0;
        std::error_code ec;
        if (entry.file_size(ec) > off)
            fs::resize_file(entry.path(), off, ec);
        m_offsets[name] = off;
    }
    m_stdoutLineEnd = m_offsets["stdout.log"];
    m_jsonlLineEnd = m_offsets["metrics.jsonl"];
    std::unordered_map<std::string, std::int64_t> steps;
    if (auto it = cp.find("steps"); it != cp.end() && it->is_object())
        for (auto s = it->begin(); s != it->end(); ++s)
            if (s->is_number_integer())
                steps[s.key()] = s->get<std::int64_t>();
    m_recorder.restoreNextSteps(std::move(steps));
    m_startedRecorded = cp.value("started", false);
    m_restarts = cp.value("restarts", 0);
    event("remote.reattached", "a new supervisor follows the job on " + m_agent->transport().where() + " from stdout.log byte "
                                   + std::to_string(m_stdoutLineEnd) + " (attach " + std::to_string(m_state.attaches) + ")");
    checkpoint(true);
    return true;
}

void RemoteRun::failBeforeStart(const std::string& message, exec::SupervisorReport& report, RunStatus status)
{
    log(message);
    exec::FileSink err = [&] {
        std::string e;
        return exec::FileSink::openForAppend(m_dir / "stderr.log", e);
    }();
    err.write("cairn: " + message + "\n");
    m_state.phase = "ended";
    m_state.message = message;
    saveState();
    report.startError = message;
    report.end = {status == RunStatus::Killed ? 128 + SIGTERM : 255, 0, status, nowMs(), 0};
    m_journal.message(message);
    m_journal.ended(report.end);
    checkpoint(true);
}

void RemoteRun::fetchOutputs()
{
    AgentFailure f;
    auto changed = m_agent->call("changed", {m_state.rundir}, f);
    if (!changed) {
        event("remote.fetch_failed", "cannot list the job's outputs on " + m_agent->transport().where() + ": " + f.message
                                         + " (they stay in " + m_state.rundir + "/work)");
        return;
    }
    std::vector<std::string> files;
    for (const auto& p : changed->value("files", Json::array()))
        if (p.is_string())
            files.push_back(p.get<std::string>());
    if (files.empty())
        return;
    m_state.phase = "fetching";
    saveState();
    SyncStats stats;
    SyncFailure sf;
    const fs::path outputs = m_dir / "outputs";
    bool ok = false;
    for (int attempt = 0; attempt < 3 && !ok; ++attempt) {
        ok = fetchFiles(m_agent->transport(), field(*changed, "work"), files, outputs, stats, sf);
        if (!ok && sf.connection)
            sleepFor(2000 << attempt);
        else
            break;
    }
    if (!ok)
        event("remote.fetch_failed", "cannot fetch the job's outputs: " + sf.message + " (they stay in " + field(*changed, "work") + ")");
    else
        event("remote.fetched", "fetched " + std::to_string(files.size()) + " file" + (files.size() == 1 ? "" : "s") + " ("
                                    + formatBytes(stats.bytes) + ") the job wrote into runs/" + m_runId + "/outputs");
}

void RemoteRun::finish(const Json& end, exec::SupervisorReport& report, const std::function<void(const exec::SupervisorReport&)>& beforeEnd)
{
    const std::string state = end.value("state", std::string("UNKNOWN"));
    int exitCode = end.value("exit_code", 255);
    const int sig = end.value("signal", 0);
    const int failedRank = end.value("failed_rank", -1);
    std::string reason = end.value("reason", std::string());
    RunStatus status = RunStatus::Failed;
    std::string message;
    if (end.contains("cairn_status")) {  // the supervisor gave up (see run())
        status = runStatusFromString(end.value("cairn_status", std::string())).value_or(RunStatus::Failed);
        message = reason;
    } else if (m_e.type == ExecutorType::Slurm) {
        SlurmEnd se = slurmEnd(m_e, state, exitCode, end.value("slurm_reason", std::string()), m_state.nodes, m_cancelSent);
        status = se.status;
        message = se.message.empty() ? reason : se.message;
        if (status != RunStatus::Finished && exitCode == 0)
            exitCode = status == RunStatus::Killed ? 128 + SIGTERM : 1;
    } else if (state == "COMPLETED") {
        status = exitCode == 0 ? RunStatus::Finished : RunStatus::Failed;
    } else if (state == "CANCELLED") {
        status = RunStatus::Killed;
        message = m_cancelSent ? std::string() : reason;
    } else {
        status = RunStatus::Failed;
        message = reason;
    }
    if (failedRank > 0)
        m_journal.warning("rank " + std::to_string(failedRank) + " failed (exit " + std::to_string(exitCode)
                          + "); the other workers were stopped. Its output: stderr.rank" + std::to_string(failedRank) + ".log");
    event("remote.ended", state + " (exit " + std::to_string(exitCode) + (message.empty() ? "" : "; " + message) + ")");
    m_stdout.finish();
    m_jsonl.finish();
    checkpoint(true);
    fetchOutputs();

    report.end = {exitCode, sig, status, nowMs(), m_recorder.malformedCount()};
    report.points = m_recorder.points();
    report.malformedSamples = m_recorder.malformedSamples();
    // Outputs were written over there: they are declared relative to the job's working copy,
    // which came back into runs/<id>/outputs. Inputs are where they were sent from.
    for (auto d : m_recorder.declaredArtifacts()) {
        if (d.direction == "output" && !fs::path(d.path).is_absolute())
            d.path = (m_dir / "outputs" / d.path).string();
        report.artifacts.push_back(std::move(d));
    }
    report.workdir = m_job.workdir;
    if (beforeEnd) {
        checkpoint(true);
        beforeEnd(report);
        report.end.endMs = nowMs();
    }
    m_state.phase = "ended";
    m_state.state = state;
    m_state.message = message;
    saveState();
    if (!message.empty())
        m_journal.message(message);
    m_journal.ended(report.end);
    checkpoint(true);
}

exec::SupervisorReport RemoteRun::run(const std::function<void(const exec::SupervisorReport&)>& beforeEnd)
{
    exec::SupervisorReport report;
    std::error_code ec;
    fs::create_directories(m_dir, ec);
    if (auto s = m_journal.open(m_dir / "metrics.journal"); !s) {
        report.startError = s.message();
        report.end = {255, 0, RunStatus::Failed, nowMs(), 0};
        return report;
    }
    struct sigaction sa {};
    sa.sa_handler = onStop;
    sigemptyset(&sa.sa_mask);
    for (int s : {SIGTERM, SIGINT, SIGHUP})
        ::sigaction(s, &sa, nullptr);
    ::signal(SIGPIPE, SIG_IGN);

    const ExecutorConfig* e = findExecutor(m_project.config().executors, m_job.executor);
    if (!e) {
        failBeforeStart(unknownExecutorMessage(m_project.config().executors, m_job.executor), report);
        return report;
    }
    m_e = *e;
    m_agent = std::make_unique<AgentClient>(m_e, makeTransport(m_e, m_project.config().executors, m_project.root()));
    const bool resuming = readRemoteState(m_dir, m_state) && m_state.started;
    m_state.executor = m_e.name;
    m_state.type = std::string(toString(m_e.type));
    m_state.where = m_agent->transport().where();
    m_state.attaches += 1;
    saveState();
    if (resuming) {
        resume();
    } else {
        std::string error;
        if (!setUp(error)) {
            bool cancelled = stopRequested();
            failBeforeStart(cancelled ? "cancelled before it started on " + m_state.where : error, report,
                            cancelled ? RunStatus::Killed : RunStatus::Failed);
            return report;
        }
    }
    std::optional<Json> end = follow();
    if (!end) {
        const std::string why = m_cancelSent || !stopRequested()
                                    ? m_state.message
                                    : "cancel requested, but " + m_state.where + " could not be reached (" + m_cancelProblem
                                          + "); the job may still run in " + m_state.rundir + " there";
        end = Json{{"state", stopRequested() ? "CANCELLED" : "LOST"},
                   {"exit_code", stopRequested() ? 128 + SIGTERM : 255},
                   {"reason", why},
                   {"cairn_status", stopRequested() ? "killed" : "failed"}};
    }
    finish(*end, report, beforeEnd);
    return report;
}

exec::SupervisorReport superviseRemote(const Project& project, const std::string& runId, const server::JobSpec& job,
                                       const std::function<void(const exec::SupervisorReport&)>& beforeEnd)
{
    RemoteRun run(project, runId, job);
    return run.run(beforeEnd);
}

} // namespace cairn::remote
