#include "engine/server/engine.h"

#include "engine/core/clock.h"
#include "engine/core/text.h"
#include "engine/exec/process_info.h"
#include "engine/server/client.h"

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <iostream>
#include <sys/file.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace cairn::server {

Engine::Engine(EngineOptions options) : m_options(std::move(options)) {}

Engine::~Engine()
{
    if (m_lockFd >= 0)
        ::close(m_lockFd);
}

static void log(const std::string& message)
{
    std::cerr << formatTimestamp(nowMs()) << " engine[" << ::getpid() << "]: " << message << std::endl;
}

Status Engine::start()
{
    auto project = Project::open(m_options.projectRoot);
    if (!project)
        return project.error();
    m_project = std::move(*project);
    fs::create_directories(m_project->root() / ".cairn");

    // One engine per project: an exclusive lock held for the engine's lifetime.
    std::string lock = lockPath(*m_project).string();
    m_lockFd = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (m_lockFd < 0)
        return makeError("cannot open " + lock + ": " + std::strerror(errno));
    if (::flock(m_lockFd, LOCK_EX | LOCK_NB) != 0)
        return makeError("an engine is already running for " + m_project->root().string());
    std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(m_lockFd, 0) != 0 || ::pwrite(m_lockFd, pid.data(), pid.size(), 0) < 0)
        return makeError("cannot write " + lock);

    auto store = Store::open(m_project->databasePath(), Store::Mode::ReadWrite);
    if (!store)
        return store.error();
    m_store = std::move(*store);
    m_ingestor = std::make_unique<Ingestor>(*m_store, *m_project);

    if (!m_options.inventory)
        m_options.inventory = gpu::makeSystemInventory();
    std::optional<std::vector<int>> allow;
    if (!m_project->config().gpus.empty())
        allow = m_project->config().gpus;
    m_gpus = std::make_unique<exec::GpuSlots>(exec::GpuSlots::usableIds(m_options.inventory->devices(), allow));
    if (m_options.cairnExecutable.empty())
        m_options.cairnExecutable = exec::selfExecutable();
    m_options.idleExitSeconds = m_project->config().engineIdleExitSeconds;
    if (const char* idle = std::getenv("CAIRN_ENGINE_IDLE_S"))  // for tests and one-off overrides
        m_options.idleExitSeconds = std::max(1, std::atoi(idle));

    // Recover: follow every running job's journal from its committed offset; busy GPUs back.
    auto jobs = m_store->activeJobs();
    if (!jobs)
        return jobs.error();
    for (const Job& job : *jobs) {
        if (job.status != RunStatus::Running)
            continue;
        if (auto s = m_ingestor->follow(job.runId); !s)
            return s;
        if (auto ids = parseIdList(job.gpus); ids && !ids->empty())
            (void)m_gpus->tryAcquire({0, *ids});
    }
    log("recovered " + std::to_string(m_ingestor->followedCount()) + " running job(s); " + std::to_string(m_gpus->usable().size())
        + " usable GPU(s)");

    m_server = std::make_unique<SocketServer>(
        m_io, [this](ConnectionId c, std::string_view line) { onLine(c, line); },
        [this](ConnectionId c) {
            m_subscribers.erase(c);
            std::erase_if(m_waiters, [c](const Waiter& w) { return w.conn == c; });
        });
    std::string error;
    if (!m_server->listen(socketPath(*m_project), error))
        return makeError(error);
    return Ok{};
}

int Engine::run()
{
    if (auto s = start(); !s) {
        log(s.message());
        return s.message().find("already running") != std::string::npos ? 0 : 1;
    }
    log("listening on " + socketPath(*m_project).string());
    m_signals.add(SIGINT);
    m_signals.add(SIGTERM);
    m_signals.add(SIGHUP);
    m_signals.async_wait([this](const boost::system::error_code& ec, int sig) {
        if (!ec) {
            log("stopping on signal " + std::to_string(sig) + "; jobs keep running under their supervisors");
            m_stopping = true;
        }
    });
    std::signal(SIGPIPE, SIG_IGN);
    scheduleTick(0);
    m_io.run();
    log("stopped; " + std::to_string(m_pointsIngested) + " points ingested");
    return 0;
}

void Engine::scheduleTick(int delayMs)
{
    m_timer.expires_after(std::chrono::milliseconds(delayMs));
    m_timer.async_wait([this](const boost::system::error_code& ec) {
        if (!ec)
            tick();
    });
}

void Engine::tick()
{
    bool backlog = false;
    ingest(backlog);
    superviseJobs();
    resolveWaits();
    alertsTick();
    std::erase_if(m_children, [](long pid) { return exec::reapIfEnded(pid); });
    if (m_stopping || idleTooLong() || !fs::exists(m_project->configPath())) {
        if (!m_stopping)
            log(fs::exists(m_project->configPath()) ? "idle: exiting" : "the project folder is gone: exiting");
        broadcast({{"event", "engine.stopping"}});
        m_server->closeAll();
        boost::system::error_code ec;
        m_signals.clear(ec);  // registered signals keep io_context::run() busy until removed
        m_signals.cancel(ec);
        m_timer.cancel();
        ::unlink(socketPath(*m_project).c_str());
        return;
    }
    scheduleTick(backlog ? 0 : m_options.tickMs);
}

void Engine::ingest(bool& backlog)
{
    auto result = m_ingestor->tick();
    if (!result) {
        log("ingestion failed (will retry): " + result.message());
        return;
    }
    backlog = result->backlog;
    m_pointsIngested += result->points;
    for (const Json& e : result->events) {
        broadcast(e);
        if (e.value("event", std::string()) == "metric.batch")
            m_alertPending.insert(e.value("run", std::string()));
    }
    for (const std::string& runId : result->ended) {
        m_ingestor->forget(runId);
        if (auto job = m_store->job(runId)) {
            m_gpus->release(parseIdList(job->gpus).value_or(std::vector<int>{}));
        }
    }
}

bool Engine::idleTooLong()
{
    auto now = std::chrono::steady_clock::now();
    bool busy = m_server->connectionCount() > 0 || m_ingestor->followedCount() > 0;
    if (!busy) {
        auto jobs = m_store->activeJobs();
        busy = !jobs || !jobs->empty();
    }
    if (busy)
        m_lastBusy = now;
    return now - m_lastBusy > std::chrono::seconds(m_options.idleExitSeconds);
}

void Engine::broadcast(const Json& event)
{
    Json data = event;
    std::string name = data.value("event", std::string("event"));
    data.erase("event");
    std::string line = encodeEvent(name, data);
    for (ConnectionId c : m_subscribers)
        m_server->send(c, line);
}

void Engine::finishWithoutSupervisor(const std::string& runId, RunStatus status, int exitCode, const std::string& why)
{
    log("run " + runId.substr(0, 8) + ": " + why);
    if (auto job = m_store->job(runId))
        m_gpus->release(parseIdList(job->gpus).value_or(std::vector<int>{}));
    (void)m_store->setJobMessage(runId, why);
    (void)m_store->finishRun(runId, status, exitCode, nowMs());
    m_ingestor->forget(runId);
    broadcast({{"event", "run.finished"}, {"run", runId}, {"status", std::string(toString(status))}, {"exit_code", exitCode},
               {"message", why}});
}

} // namespace cairn::server
