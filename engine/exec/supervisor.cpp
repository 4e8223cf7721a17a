#include "engine/exec/supervisor.h"

#include "engine/core/clock.h"
#include "engine/exec/file_sink.h"
#include "engine/exec/proc_sampler.h"
#include "engine/exec/process_group.h"
#include "engine/exec/process_runner.h"
#include "gpu/gpu_inventory.h"
#include "engine/ingest/line_splitter.h"
#include "engine/lineage/environment.h"

#include <array>
#include <atomic>
#include <csignal>
#include <fstream>
#include <memory>
#include <thread>
#include <fcntl.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace cairn::exec {
namespace {

// Follows a file another process appends to, delivering complete lines.
class FileFollower {
public:
    FileFollower(fs::path path, ingest::LineSplitter::Callback cb) : m_path(std::move(path)), m_splitter(std::move(cb)) {}
    ~FileFollower()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    void poll()
    {
        if (m_fd < 0 && (m_fd = ::open(m_path.c_str(), O_RDONLY | O_CLOEXEC)) < 0)
            return;
        char buf[1 << 16];
        for (;;) {
            ssize_t n = ::pread(m_fd, buf, sizeof buf, m_offset);
            if (n <= 0)
                return;
            m_offset += n;
            m_splitter.feed(std::string_view(buf, static_cast<std::size_t>(n)));
        }
    }
    void finish()
    {
        poll();
        m_splitter.finish();
    }

private:
    fs::path m_path;
    ingest::LineSplitter m_splitter;
    int m_fd = -1;
    off_t m_offset = 0;
};

// Output of rank 0 goes to stdout.log/stderr.log (and the terminal) and is parsed for metrics;
// other ranks' output is kept in stdout.rankN.log/stderr.rankN.log.
class JobObserver : public ProcessObserver, public GroupObserver {
public:
    JobObserver(ingest::JournalWriter& journal, FileSink out, FileSink err, bool tee, const fs::path& jsonl,
                fs::path runDir, std::vector<int> gpus)
        : m_journal(journal)
        , m_runDir(std::move(runDir))
        , m_gpus(std::move(gpus))
        , m_recorder(journal)
        , m_outLog(std::move(out))
        , m_errLog(std::move(err))
        , m_tee(tee)
        , m_termOut(STDOUT_FILENO, false)
        , m_termErr(STDERR_FILENO, false)
        , m_stdout([this](std::string_view line, std::uint64_t no, bool overlong) {
            m_recorder.stdoutLine(line, no, overlong, m_chunkMs);
        })
        , m_jsonl(jsonl, [this](std::string_view line, std::uint64_t no, bool overlong) {
            if (!overlong)
                m_recorder.jsonlLine(line, no, nowMs());
        })
    {
    }

    void started(long pid) override { started(0, pid); }
    void started(int rank, long pid) override
    {
        m_samplers.push_back(std::make_unique<ProcSampler>(pid));
        if (rank == 0) {
            m_journal.started(pid, nowMs());
            flushJournal();
        }
    }

    void output(int rank, int stream, std::string_view bytes) override
    {
        if (rank == 0)
            return output(stream, bytes);
        auto& sinks = m_rankLogs[rank];
        FileSink& sink = stream == 1 ? sinks.first : sinks.second;
        if (!sink.valid()) {
            std::string error;
            sink = FileSink::openForAppend(m_runDir / ((stream == 1 ? "stdout.rank" : "stderr.rank") + std::to_string(rank) + ".log"),
                                           error);
        }
        sink.write(bytes);
    }

    void output(int stream, std::string_view bytes) override
    {
        if (stream == 1) {
            m_outLog.write(bytes);
            if (m_tee)
                m_termOut.write(bytes);
            m_chunkMs = nowMs();
            m_stdout.feed(bytes);
        } else {
            m_errLog.write(bytes);
            if (m_tee)
                m_termErr.write(bytes);
        }
        // Large bursts go out at once; small ones wait for the next tick (at most 50 ms).
        if (m_journal.buffered() > (1 << 20))
            flushJournal();
    }

    void tick() override
    {
        std::int64_t now = nowMs();
        if (now - m_lastJsonlPoll >= 100) {
            m_jsonl.poll();
            m_lastJsonlPoll = now;
        }
        if (now - m_lastSample >= 1000) {
            sampleSystem(now);
            m_lastSample = now;
        }
        flushJournal();
    }

    // CPU and memory of every worker's process tree; utilisation, memory, temperature and
    // power of the job's GPUs. Keys under sys/ so they never collide with the job's own.
    void sampleSystem(std::int64_t now)
    {
        if (m_samplers.empty())
            return;
        double cpu = 0;
        std::uint64_t rss = 0;
        for (auto& s : m_samplers) {
            TreeSample t = s->sample();
            cpu += t.cpuPercent;
            rss += t.rssBytes;
        }
        if (m_lastSample > 0) {  // the first CPU figure covers no interval yet
            m_recorder.point("sys/cpu_percent", cpu, now);
            m_recorder.point("sys/rss_mb", static_cast<double>(rss) / (1024.0 * 1024.0), now);
        }
        if (m_gpus.empty())
            return;
        if (!m_inventory)
            m_inventory = gpu::makeSystemInventory();
        for (const gpu::GpuInfo& g : m_inventory->devices()) {
            if (std::find(m_gpus.begin(), m_gpus.end(), g.index) == m_gpus.end())
                continue;
            const std::string k = "sys/gpu" + std::to_string(g.index) + "/";
            if (g.utilizationPercent >= 0)
                m_recorder.point(k + "util", g.utilizationPercent, now);
            m_recorder.point(k + "mem_used_mb", static_cast<double>(g.memoryUsedBytes) / (1024.0 * 1024.0), now);
            if (g.temperatureC >= 0)
                m_recorder.point(k + "temp_c", g.temperatureC, now);
            if (g.powerWatts >= 0)
                m_recorder.point(k + "power_w", g.powerWatts, now);
        }
    }

    void finish()
    {
        m_stdout.finish();
        m_jsonl.finish();
        flushJournal();
    }

    void flushJournal()
    {
        if (auto s = m_journal.flush(); !s && m_journalError.empty())
            m_journalError = s.message();
    }

    ingest::Recorder& recorder() { return m_recorder; }
    const std::string& journalError() const { return m_journalError; }

private:
    ingest::JournalWriter& m_journal;
    fs::path m_runDir;
    std::vector<int> m_gpus;
    std::vector<std::unique_ptr<ProcSampler>> m_samplers;
    std::unique_ptr<gpu::Inventory> m_inventory;
    std::map<int, std::pair<FileSink, FileSink>> m_rankLogs;
    std::int64_t m_lastSample = 0;
    ingest::Recorder m_recorder;
    FileSink m_outLog, m_errLog;
    bool m_tee;
    FileSink m_termOut, m_termErr;
    std::int64_t m_chunkMs = 0;
    std::int64_t m_lastJsonlPoll = 0;
    ingest::LineSplitter m_stdout;
    FileFollower m_jsonl;
    std::string m_journalError;
};

RunStatus statusFor(const ProcessOutcome& outcome)
{
    if (!outcome.started)
        return RunStatus::Failed;
    if (outcome.exitCode == 0)
        return RunStatus::Finished;
    int sig = outcome.signal;
    if (outcome.forwardedSignal != 0 || sig == SIGINT || sig == SIGTERM || sig == SIGKILL || sig == SIGHUP)
        return RunStatus::Killed;
    return RunStatus::Failed;
}

RunStatus statusFor(const GroupOutcome& outcome)
{
    if (outcome.stoppedByRequest)
        return RunStatus::Killed;  // cancelled, whatever it exited with
    if (!outcome.started)
        return RunStatus::Failed;
    return outcome.exitCode == 0 ? RunStatus::Finished : RunStatus::Failed;
}

// Stop requests (cairn cancel's SIGTERM, Ctrl-C) reach a group through requestStop().
std::atomic<ProcessGroup*> g_group{nullptr};

void onStopSignal(int)
{
    if (ProcessGroup* g = g_group.load())
        g->requestStop();
}

class StopSignals {
public:
    explicit StopSignals(ProcessGroup& group)
    {
        g_group.store(&group);
        struct sigaction sa {};
        sa.sa_handler = onStopSignal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART;
        for (std::size_t i = 0; i < kSignals.size(); ++i)
            sigaction(kSignals[i], &sa, &m_old[i]);
    }
    ~StopSignals()
    {
        for (std::size_t i = 0; i < kSignals.size(); ++i)
            sigaction(kSignals[i], &m_old[i], nullptr);
        g_group.store(nullptr);
    }

private:
    static constexpr std::array<int, 4> kSignals = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    std::array<struct sigaction, 4> m_old{};
};

} // namespace

SupervisorReport supervise(const Project& project, const std::string& runId, const server::JobSpec& job, bool tee,
                           const std::function<void(const SupervisorReport&)>& beforeEnd)
{
    SupervisorReport report;
    fs::path dir = project.runDir(runId);
    std::error_code ec;
    fs::create_directories(dir, ec);
    std::string error;
    FileSink outLog = FileSink::openForAppend(dir / "stdout.log", error);
    FileSink errLog = FileSink::openForAppend(dir / "stderr.log", error);
    fs::path jsonl = dir / "metrics.jsonl";
    { FileSink touch = FileSink::openForAppend(jsonl, error); }
    ingest::JournalWriter journal;
    if (auto s = journal.open(dir / "metrics.journal"); !s) {
        report.startError = s.message();
        report.end = {255, 0, RunStatus::Failed, nowMs(), 0};
        return report;
    }

    ProcessSpec spec;
    spec.argv = job.argv;
    spec.workdir = job.workdir.empty() ? fs::current_path(ec) : fs::path(job.workdir);
    spec.extraEnv = job.env;
    const std::pair<std::string, std::string> cairnEnv[] = {{"CAIRN_RUN_ID", runId},
                                                            {"CAIRN_PROJECT", project.root().string()},
                                                            {"CAIRN_METRICS_FILE", jsonl.string()},
                                                            {"PYTHONUNBUFFERED", std::string(1, '1')}};
    for (const auto& [k, v] : cairnEnv)
        spec.extraEnv.insert_or_assign(k, v);
    if (!job.assignedGpus.empty())
        spec.extraEnv.insert_or_assign("CUDA_VISIBLE_DEVICES", server::joinIds(job.assignedGpus));

    // The environment (docs/lineage.md): git, OS, CPU and allowed env vars now, before the job
    // can change the tree; Python's packages on a thread while the job runs (bounded, 5 s a call).
    lineage::EnvCaptureOptions envOptions;
    envOptions.argv = job.argv;
    envOptions.workdir = spec.workdir;
    envOptions.extraEnv = spec.extraEnv;
    envOptions.allowlist = lineage::envAllowlist(project);
    envOptions.python = false;
    nlohmann::ordered_json environment = lineage::captureEnvironment(envOptions);
    auto writeEnvironment = [&] {
        const fs::path tmp = dir / "env.json.tmp";
        {
            std::ofstream f(tmp, std::ios::trunc);
            f << environment.dump(2) << "\n";
        }
        fs::rename(tmp, dir / "env.json", ec);
    };
    writeEnvironment();
    nlohmann::ordered_json pythonEnv;
    std::thread pythonCapture;
    if (lineage::isPythonCommand(job.argv))
        pythonCapture = std::thread([&] { pythonEnv = lineage::capturePython(envOptions); });

    JobObserver observer(journal, std::move(outLog), std::move(errLog), tee, jsonl, dir, job.assignedGpus);
    // A foreground single-process run keeps the terminal: same process group (Ctrl-C reaches
    // it directly) and stdin. Everything else runs as a process group with tree-wide stop.
    if (job.attached && job.nprocPerNode == 1) {
        ProcessOutcome outcome = runProcess(spec, observer);
        report.startError = outcome.startError;
        report.end = {outcome.exitCode, outcome.signal, statusFor(outcome), 0, 0};
    } else {
        GroupSpec group;
        group.argv = spec.argv;
        group.workdir = spec.workdir;
        group.extraEnv = spec.extraEnv;
        group.extraEnv.erase("CUDA_VISIBLE_DEVICES");  // the group binds GPUs per worker
        group.nprocPerNode = job.nprocPerNode;
        group.gpuIds = job.assignedGpus;
        ProcessGroup processes;
        StopSignals stop(processes);
        GroupOutcome outcome = processes.run(group, observer);
        report.startError = outcome.startError;
        report.end = {outcome.exitCode, outcome.signal, statusFor(outcome), 0, 0};
        if (outcome.failedRank > 0)
            journal.warning("rank " + std::to_string(outcome.failedRank) + " failed (exit " + std::to_string(outcome.exitCode)
                            + "); the other workers were stopped. Its output: stderr.rank" + std::to_string(outcome.failedRank) + ".log");
    }
    observer.finish();
    if (pythonCapture.joinable()) {
        pythonCapture.join();
        if (!pythonEnv.is_null()) {
            environment["python"] = pythonEnv;
            writeEnvironment();
        }
    }
    if (!report.startError.empty()) {
        FileSink errAgain = FileSink::openForAppend(dir / "stderr.log", error);
        errAgain.write("cairn: " + report.startError + "\n");
    }
    report.points = observer.recorder().points();
    report.malformedSamples = observer.recorder().malformedSamples();
    report.artifacts = observer.recorder().declaredArtifacts();
    report.workdir = spec.workdir.string();
    report.end.endMs = nowMs();
    report.end.malformed = observer.recorder().malformedCount();
    if (beforeEnd) {
        observer.flushJournal();
        beforeEnd(report);
        report.end.endMs = nowMs();
    }
    journal.ended(report.end);
    observer.flushJournal();
    report.journalError = observer.journalError();
    return report;
}

} // namespace cairn::exec
