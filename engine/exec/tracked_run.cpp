#include "engine/exec/tracked_run.h"

#include "engine/core/clock.h"
#include "engine/core/ids.h"
#include "engine/core/text.h"
#include "engine/exec/file_sink.h"
#include "engine/exec/process_runner.h"
#include "engine/exec/run_context.h"
#include "engine/ingest/line_splitter.h"
#include "engine/store/store.h"

#include <csignal>
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
        if (m_fd < 0) {
            m_fd = ::open(m_path.c_str(), O_RDONLY | O_CLOEXEC);
            if (m_fd < 0)
                return;
        }
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

class RunObserver : public ProcessObserver {
public:
    RunObserver(Store& store, ingest::Recorder& recorder, const std::string& runId, FileSink out, FileSink err,
                bool tee, const fs::path& jsonl)
        : m_store(store)
        , m_recorder(recorder)
        , m_runId(runId)
        , m_outLog(std::move(out))
        , m_errLog(std::move(err))
        , m_tee(tee)
        , m_termOut(STDOUT_FILENO, false)
        , m_termErr(STDERR_FILENO, false)
        , m_stdout([this](std::string_view line, std::uint64_t no, bool overlong) {
            m_recorder.stdoutLine(line, no, overlong, m_chunkMs);
        })
        , m_jsonl(jsonl, [this](std::string_view line, std::uint64_t no, bool overlong) {
            if (overlong)
                return;
            m_recorder.jsonlLine(line, no, nowMs());
        })
    {
    }

    void started(long pid) override { (void)m_store.setRunPid(m_runId, pid); }

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
    }

    void tick() override
    {
        std::int64_t now = nowMs();
        if (now - m_lastJsonlPoll >= 100) {
            m_jsonl.poll();
            m_lastJsonlPoll = now;
        }
        m_recorder.maybeFlush(now);
    }

    void finish()
    {
        m_stdout.finish();
        m_jsonl.finish();
    }

    bool logFailed() const { return m_outLog.failed() || m_errLog.failed(); }

private:
    Store& m_store;
    ingest::Recorder& m_recorder;
    const std::string& m_runId;
    FileSink m_outLog, m_errLog;
    bool m_tee;
    FileSink m_termOut, m_termErr;
    std::int64_t m_chunkMs = 0;
    std::int64_t m_lastJsonlPoll = 0;
    ingest::LineSplitter m_stdout;
    FileFollower m_jsonl;
};

// "train-3fa2c1": the script's name (python train.py -> train) and a short id.
std::string defaultRunName(const std::vector<std::string>& argv, const std::string& id)
{
    std::string base;
    for (std::size_t i = 0; i < argv.size() && base.empty(); ++i) {
        fs::path p(argv[i]);
        std::string ext = p.extension().string();
        if (ext == ".py" || ext == ".sh" || ext == ".R" || ext == ".jl" || ext == ".ipynb")
            base = p.stem().string();
    }
    if (base.empty() && !argv.empty())
        base = fs::path(argv[0]).filename().string();
    std::string clean;
    for (char c : base.substr(0, 40))
        clean += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') ? c : '_';
    return (clean.empty() ? "run" : clean) + "-" + id.substr(0, 6);
}

RunStatus statusFor(const ProcessOutcome& outcome)
{
    if (!outcome.started)
        return RunStatus::Failed;
    if (outcome.exitCode == 0)
        return RunStatus::Finished;
    // Ended after we forwarded a stop request, or by a stop signal: the user stopped it.
    int sig = outcome.signal;
    if (outcome.forwardedSignal != 0 || sig == SIGINT || sig == SIGTERM || sig == SIGKILL || sig == SIGHUP)
        return RunStatus::Killed;
    return RunStatus::Failed;
}

} // namespace

Result<RunReport> trackRun(const Project& project, const RunRequest& request)
{
    auto store = Store::open(project.databasePath(), Store::Mode::ReadWrite);
    if (!store)
        return store.error();
    std::error_code ec;
    fs::path workdir = request.workdir.empty() ? fs::current_path(ec) : fs::absolute(request.workdir, ec);

    Run run;
    run.id = newRunId();
    run.name = request.name.empty() ? defaultRunName(request.argv, run.id) : request.name;
    run.experiment = request.experiment.empty() ? "default" : request.experiment;
    run.status = RunStatus::Running;
    run.startMs = nowMs();
    run.command = shellJoin(request.argv);
    run.workdir = workdir.string();
    run.host = hostName();
    run.user = userName();
    run.params = request.params;
    run.tags = request.tags;

    fs::path dir = project.runDir(run.id);
    fs::create_directories(dir, ec);
    if (ec)
        return makeError("cannot create the run folder " + dir.string() + ": " + ec.message());
    std::string error;
    FileSink outLog = FileSink::openForAppend(dir / "stdout.log", error);
    FileSink errLog = FileSink::openForAppend(dir / "stderr.log", error);
    if (!outLog.valid() || !errLog.valid())
        return makeError(error);
    fs::path jsonl = dir / "metrics.jsonl";
    { FileSink touch = FileSink::openForAppend(jsonl, error); }

    if (auto s = (*store)->createRun(run); !s)
        return s.error();

    auto recorderStore = Store::open(project.databasePath(), Store::Mode::ReadWrite);
    if (!recorderStore)
        return recorderStore.error();
    ingest::Recorder recorder(std::move(*recorderStore), run.id);

    ProcessSpec spec;
    spec.argv = request.argv;
    spec.workdir = workdir;
    spec.extraEnv = {{"CAIRN_RUN_ID", run.id},
                     {"CAIRN_PROJECT", project.root().string()},
                     {"CAIRN_METRICS_FILE", jsonl.string()},
                     {"PYTHONUNBUFFERED", "1"}};

    RunObserver observer(**store, recorder, run.id, std::move(outLog), std::move(errLog), request.teeToTerminal, jsonl);
    ProcessOutcome outcome = runProcess(spec, observer);
    observer.finish();

    RunReport report;
    report.runId = run.id;
    report.exitCode = outcome.exitCode;
    report.startError = outcome.startError;
    report.status = statusFor(outcome);
    if (auto s = recorder.finish(); !s)
        report.storeError = s.message();
    report.points = recorder.pointsQueued();
    report.malformed = recorder.malformedCount();
    report.malformedSamples = recorder.malformedSamples();
    if (!outcome.started) {
        FileSink errAgain = FileSink::openForAppend(dir / "stderr.log", error);
        errAgain.write("cairn: " + outcome.startError + "\n");
    }
    if (auto s = (*store)->finishRun(run.id, report.status, outcome.exitCode, nowMs()); !s && report.storeError.empty())
        report.storeError = s.message();
    return report;
}

} // namespace cairn::exec
