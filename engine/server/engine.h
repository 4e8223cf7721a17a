// The background engine of one project (`cairn engine run`): the only writer of cairn.db.
// It serves the socket protocol, queues jobs, starts a supervisor process per job, copies job
// journals into the database, and exits after an idle period with nothing queued or running.
#pragma once

#include "engine/exec/gpu_slots.h"
#include "engine/server/ingestor.h"
#include "engine/server/job_spec.h"
#include "engine/server/socket_server.h"
#include "engine/store/project.h"
#include "engine/store/store.h"
#include "gpu/gpu_inventory.h"

#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange unincluded
#include <boost/asio.hpp>

#include <chrono>
#include <memory>
#include <set>

namespace cairn::server {

struct EngineOptions {
    std::filesystem::path projectRoot;
    int idleExitSeconds = 120;           // cairn.yaml engine.idle_exit_s; CAIRN_ENGINE_IDLE_S overrides
    int tickMs = 50;
    std::string cairnExecutable;         // for supervisors; default: this program
    std::unique_ptr<gpu::Inventory> inventory;  // default: the system's (NVML)
};

class Engine {
public:
    explicit Engine(EngineOptions options);
    ~Engine();
    // Runs until stopped, idle, or the project folder disappears. Returns a process exit code.
    int run();

private:
    Status start();
    void scheduleTick(int delayMs);
    void tick();
    void ingest(bool& backlog);
    void superviseJobs();
    void startJob(const Job& job, JobSpec spec);
    void finishWithoutSupervisor(const std::string& runId, RunStatus status, int exitCode, const std::string& why);
    void resolveWaits();
    bool idleTooLong();
    void broadcast(const Json& event);

    void onLine(ConnectionId conn, std::string_view line);
    Json handle(ConnectionId conn, const Request& req, bool& deferred);
    Json hello();
    Json status();
    Json createAttachedRun(const Json& p);
    Json submit(const Json& p);
    Json queue();
    Json cancel(const Json& p);
    Json waitFor(ConnectionId conn, const Request& req, bool& deferred);
    Json addArtifact(const Json& p);  // engine_artifacts.cpp
    // model.*, card.set: the registry's writes (engine_registry.cpp, docs/registry.md).
    Json handleRegistry(ConnectionId conn, const std::string& method, const Json& p);
    Json addArtifactProfile(const Json& p);
    Json importOpenLineage(const Json& p);  // engine_openlineage.cpp
    Json addReport(const Json& p);    // engine_reports.cpp
    // Alerts (engine_alerts.cpp, docs/alerts.md): rules from cairn.yaml, checked once a second
    // for runs with new points, every 15 s for stale runs, and on each new report.
    void alertsTick();
    void loadAlertRules(bool force);
    void onReportAdded(const StoredReport& report);
    void fireAlert(FiredAlert alert);
    Status validateGpus(const JobSpec& spec) const;
    // engine_remote.cpp: jobs of ssh and Slurm executors (docs/executors.md)
    Json executors();
    Status validateExecutor(const JobSpec& spec, std::string& host, std::string& user);
    bool reattachRemote(const Job& job);
    void addRemoteInfo(const std::string& runId, Json& row) const;

    EngineOptions m_options;
    std::optional<Project> m_project;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Ingestor> m_ingestor;
    boost::asio::io_context m_io;
    std::unique_ptr<SocketServer> m_server;
    boost::asio::steady_timer m_timer{m_io};
    boost::asio::signal_set m_signals{m_io};
    int m_lockFd = -1;
    bool m_stopping = false;
    std::set<ConnectionId> m_subscribers;
    struct Waiter {
        ConnectionId conn;
        std::int64_t requestId;
        std::string runId;
    };
    std::vector<Waiter> m_waiters;
    std::set<long> m_children;  // supervisors this engine spawned, reaped when they end
    std::unique_ptr<exec::GpuSlots> m_gpus;  // whole GPUs: which are usable, which are taken
    std::chrono::steady_clock::time_point m_lastBusy = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point m_started = std::chrono::steady_clock::now();
    std::uint64_t m_pointsIngested = 0;
    std::vector<AlertRule> m_alertRules;
    std::filesystem::file_time_type m_alertConfigTime{};
    std::set<std::string> m_alertPending;  // runs with new points since the last check
    std::chrono::steady_clock::time_point m_lastAlertCheck{}, m_lastStaleCheck{};
};

int runEngineMain(const std::filesystem::path& projectRoot);

} // namespace cairn::server
