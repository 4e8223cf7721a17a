// Engine: the socket protocol's requests (docs/protocol.md).
#include "engine/core/clock.h"
#include "engine/core/ids.h"
#include "engine/exec/process_info.h"
#include "engine/exec/run_context.h"
#include "engine/ingest/metric_line.h"
#include "engine/server/engine.h"

#include <csignal>
#include <unistd.h>

namespace cairn::server {
namespace {

struct RequestError {
    std::string code;
    std::string message;
};

[[noreturn]] void fail(std::string code, std::string message) { throw RequestError{std::move(code), std::move(message)}; }

std::map<std::string, std::string> pairs(const Json& p, const char* field)
{
    std::map<std::string, std::string> out;
    auto it = p.find(field);
    if (it == p.end())
        return out;
    if (!it->is_object())
        fail("bad_request", std::string("'") + field + "' must be an object of strings");
    for (const auto& [k, v] : it->items()) {
        if (!ingest::isValidKey(k))
            fail("bad_request", std::string("invalid key '") + k + "' in '" + field + "'");
        if (!v.is_string())
            fail("bad_request", std::string("'") + field + "." + k + "' must be a string");
        out[k] = v.get<std::string>();
    }
    return out;
}

std::string text(const Json& p, const char* field, const std::string& fallback = {})
{
    auto it = p.find(field);
    if (it == p.end() || it->is_null())
        return fallback;
    if (!it->is_string())
        fail("bad_request", std::string("'") + field + "' must be a string");
    return it->get<std::string>();
}

Run runFrom(const Json& p, const JobSpec& spec)
{
    Run run;
    run.id = newRunId();
    run.name = text(p, "name");
    if (run.name.empty())
        run.name = exec::defaultRunName(spec.argv, run.id);
    run.experiment = text(p, "experiment", "default");
    run.params = pairs(p, "params");
    run.tags = pairs(p, "tags");
    run.command = text(p, "command");
    run.workdir = spec.workdir;
    run.host = text(p, "host", exec::hostName());
    run.user = text(p, "user", exec::userName());
    return run;
}

} // namespace

void Engine::onLine(ConnectionId conn, std::string_view line)
{
    Request req;
    ProtocolError perr;
    if (!parseRequest(line, req, perr)) {
        m_server->send(conn, encodeError(perr.id, perr.code, perr.message));
        if (perr.code == "unsupported_version" || perr.code == "too_large")
            m_server->close(conn);
        return;
    }
    try {
        bool deferred = false;
        Json result = handle(conn, req, deferred);
        if (!deferred)
            m_server->send(conn, encodeResult(req.id, result));
    } catch (const RequestError& e) {
        m_server->send(conn, encodeError(req.id, e.code, e.message));
    } catch (const std::exception& e) {
        m_server->send(conn, encodeError(req.id, "bad_request", e.what()));
    }
}

Json Engine::handle(ConnectionId conn, const Request& req, bool& deferred)
{
    const std::string& m = req.method;
    if (m == "hello")
        return hello();
    if (m == "status")
        return status();
    if (m == "run.create")
        return createAttachedRun(req.params);
    if (m == "submit")
        return submit(req.params);
    if (m == "queue")
        return queue();
    if (m == "cancel")
        return cancel(req.params);
    if (m == "executors")
        return executors();
    if (m == "wait")
        return waitFor(conn, req, deferred);
    if (m == "artifact.add") {  // engine_artifacts.cpp; its errors come back as {"error": {code, message}}
        Json r = addArtifact(req.params);
        if (r.contains("error"))
            fail(r["error"].value("code", "bad_request"), r["error"].value("message", ""));
        return r;
    }
    if (m.starts_with("model.") || m == "card.set") {  // engine_registry.cpp; errors as for artifact.add
        Json r = handleRegistry(conn, m, req.params);
        if (r.contains("error"))
            fail(r["error"].value("code", "bad_request"), r["error"].value("message", ""));
        return r;
    }
    if (m == "artifact.profile") {  // engine_artifacts.cpp
        Json r = addArtifactProfile(req.params);
        if (r.contains("error"))
            fail(r["error"].value("code", "bad_request"), r["error"].value("message", ""));
        return r;
    }
    if (m == "openlineage.import") {  // engine_openlineage.cpp; errors come back as {"error": {code, message}}
        Json r = importOpenLineage(req.params);
        if (r.contains("error"))
            fail(r["error"].value("code", "bad_request"), r["error"].value("message", ""));
        return r;
    }
    if (m == "report.add") {  // engine_reports.cpp
        Json r = addReport(req.params);
        if (r.contains("error"))
            fail(r["error"].value("code", "bad_request"), r["error"].value("message", ""));
        return r;
    }
    if (m == "subscribe") {
        m_subscribers.insert(conn);
        return {{"subscribed", true}};
    }
    if (m == "shutdown") {
        m_stopping = true;  // the next tick closes everything and run() returns
        return {{"stopping", true}};
    }
    fail("unknown_method", "unknown method '" + m + "'");
}

Json Engine::hello()
{
    return {{"protocol", kProtocolVersion}, {"engine_pid", ::getpid()}, {"project", m_project->root().string()}};
}

Json Engine::status()
{
    auto jobs = m_store->activeJobs();
    int queued = 0, running = 0;
    for (const Job& j : jobs ? *jobs : std::vector<Job>{})
        (j.status == RunStatus::Queued ? queued : running)++;
    auto uptime = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - m_started).count();
    return {{"pid", ::getpid()},         {"project", m_project->root().string()}, {"protocol", kProtocolVersion},
            {"uptime_s", uptime},        {"clients", m_server->connectionCount()}, {"queued", queued},
            {"running", running},        {"points_ingested", m_pointsIngested},   {"usable_gpus", m_gpus->usable()},
            {"busy_gpus", m_gpus->busy()}};
}

// A foreground `cairn run` supervises its own child; the engine records and ingests it.
Json Engine::createAttachedRun(const Json& p)
{
    auto spec = JobSpec::fromJson(p.value("job", Json::object()));
    if (!spec)
        fail("bad_request", spec.message());
    spec->attached = true;
    long pid = p.value("supervisor_pid", 0L);
    if (pid <= 0 || !exec::processAlive(pid, 0))
        fail("bad_request", "'supervisor_pid' must name a running process");
    Run run = runFrom(p, *spec);
    Job job;
    job.spec = spec->toJson().dump();
    if (auto s = m_store->createJob(run, job); !s)
        fail("store", s.message());
    if (auto s = m_store->markJobStarted(run.id, pid, exec::processStartTime(pid), "", nowMs()); !s)
        fail("store", s.message());
    if (auto s = m_ingestor->follow(run.id); !s)
        fail("store", s.message());
    broadcast({{"event", "run.created"}, {"run", run.id}, {"name", run.name}});
    return {{"run", run.id}, {"name", run.name}, {"run_dir", m_project->runDir(run.id).string()}};
}

Json Engine::submit(const Json& p)
{
    auto spec = JobSpec::fromJson(p.value("job", Json::object()));
    if (!spec)
        fail("bad_request", spec.message());
    if (spec->gpuCount > 0 && !spec->gpuIds.empty())
        fail("bad_request", "give either a GPU count or GPU ids, not both");
    std::string remoteHost, remoteUser;
    if (!spec->executor.empty()) {
        if (auto s = validateExecutor(*spec, remoteHost, remoteUser); !s)
            fail("no_such_executor", s.message());
    } else if (auto s = validateGpus(*spec); !s) {
        fail("no_such_gpus", s.message());
    }
    Job job;
    std::string after = text(p, "after");
    if (!after.empty()) {
        auto a = m_store->findRun(after);
        if (!a)
            fail("not_found", "--after: " + a.message());
        job.afterRunId = a->id;
    }
    job.spec = spec->toJson().dump();
    Run run = runFrom(p, *spec);
    if (!remoteHost.empty())
        run.host = remoteHost;
    if (!remoteUser.empty())
        run.user = remoteUser;
    if (auto s = m_store->createJob(run, job); !s)
        fail("store", s.message());
    broadcast({{"event", "run.queued"}, {"run", run.id}, {"name", run.name}});
    superviseJobs();  // start it now if it can run
    return {{"run", run.id}, {"name", run.name}};
}

Json Engine::queue()
{
    auto jobs = m_store->activeJobs();
    if (!jobs)
        fail("store", jobs.message());
    Json list = Json::array();
    for (const Job& j : *jobs) {
        auto run = m_store->findRun(j.runId);
        auto spec = JobSpec::fromJson(Json::parse(j.spec, nullptr, false));
        Json row = {{"run", j.runId},
                    {"name", run ? run->name : std::string()},
                    {"status", std::string(toString(j.status))},
                    {"start_ms", run ? run->startMs : 0},
                    {"gpus", j.gpus},
                    {"nproc_per_node", spec ? spec->nprocPerNode : 1},
                    {"after", j.afterRunId},
                    {"command", run ? run->command : std::string()},
                    {"executor", spec ? spec->executor : std::string()},
                    {"nnodes", spec ? spec->nnodes : 1}};
        if (spec && !spec->executor.empty())
            addRemoteInfo(j.runId, row);
        list.push_back(std::move(row));
    }
    return {{"jobs", list}};
}

Json Engine::cancel(const Json& p)
{
    auto run = m_store->findRun(text(p, "run"));
    if (!run)
        fail("not_found", run.message());
    auto job = m_store->job(run->id);
    if (run->status == RunStatus::Queued) {
        finishWithoutSupervisor(run->id, RunStatus::Killed, 128 + SIGTERM, "cancelled before it started");
        return {{"run", run->id}, {"was", "queued"}};
    }
    if (run->status != RunStatus::Running)
        fail("not_running", "run " + run->id.substr(0, 8) + " has already ended (" + std::string(toString(run->status)) + ")");
    if (!job || !exec::processAlive(job->supervisorPid, job->supervisorStart))
        fail("not_running", "run " + run->id.substr(0, 8) + " has no live supervisor");
    // The supervisor stops the job's whole process tree (SIGTERM, then SIGKILL after a grace
    // period) and records how it ended.
    ::kill(static_cast<pid_t>(job->supervisorPid), SIGTERM);
    return {{"run", run->id}, {"was", "running"}};
}

Json Engine::waitFor(ConnectionId conn, const Request& req, bool& deferred)
{
    auto run = m_store->findRun(text(req.params, "run"));
    if (!run)
        fail("not_found", run.message());
    m_waiters.push_back({conn, req.id, run->id});
    deferred = true;
    resolveWaits();
    return {};
}

int runEngineMain(const std::filesystem::path& projectRoot)
{
    EngineOptions options;
    options.projectRoot = projectRoot;
    Engine engine(std::move(options));
    return engine.run();
}

} // namespace cairn::server
