// `cairn pipeline run`: the cached, parallel scheduler (`status` is cmd_pipeline_status.cpp). This process schedules; every
// stage that must run is an ordinary engine job (a tracked run tagged cairn.pipeline,
// cairn.stage and cairn.pipeline_run), started as soon as the stages it needs are done, up
// to --jobs at a time. Keys and the lock file are engine/pipeline/cache_key.h; outputs go
// to the artifact store so a deleted output comes back without running its stage.
#include "engine/artifacts/operations.h"
#include "engine/cli/args.h"
#include "engine/cli/commands.h"
#include "engine/cli/output.h"
#include "engine/cli/pipeline_cli.h"
#include "engine/core/text.h"
#include "engine/pipeline/cache_key.h"
#include "engine/pipeline/progress.h"
#include "engine/pipeline/validate.h"
#include "engine/server/client.h"
#include "engine/server/job_spec.h"
#include "engine/store/project.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <atomic>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <memory>
#include <mutex>
#include <ostream>
#include <random>
#include <thread>

namespace fs = std::filesystem;
using nlohmann::ordered_json;

namespace cairn::cli {

int pipelineRunCmd(const std::vector<std::string>& argv, Context& ctx);

namespace {

namespace pl = cairn::pipeline;
using Clock = std::chrono::steady_clock;
using pipeline_cli::plural;
using pipeline_cli::readable;

std::string shownParam(const std::string& k)
{
    return k.rfind("params.yaml:", 0) == 0 ? k.substr(12) : k;
}

enum class State { Pending, Running, Done, Cached, Failed, SkippedUpstream, Interrupted };

// Ctrl-C / SIGTERM: cancel the stages' runs, start nothing more.
std::atomic<bool> g_interrupted{false};
extern "C" void onInterrupt(int) { g_interrupted = true; }

const char* stateName(State s)
{
    switch (s) {
    case State::Pending: return "pending";
    case State::Running: return "running";
    case State::Done: return "done";
    case State::Cached: return "cached";
    case State::Failed: return "failed";
    case State::SkippedUpstream: return "skipped-upstream-failed";
    case State::Interrupted: return "not-run-interrupted";
    }
    return "?";
}

struct Slot {
    State state = State::Pending;
    std::string run;
    double seconds = 0;
    std::string message;
    bool finished = false;  // set by the worker; the main thread then records it
    pl::StageState record;  // what goes to the lock file after success
};

struct Shared {
    std::mutex mutex;
    std::condition_variable cv;
};

std::string randomId()
{
    std::random_device rd;
    char buf[17];
    std::snprintf(buf, sizeof buf, "%08x%08x", rd(), rd());
    return std::string(buf, 12);
}

struct StageJob {
    const Project* project = nullptr;
    const pl::PipelineSpec* spec = nullptr;
    const pl::Stage* stage = nullptr;
    std::string pipeline;
    std::string pipelineRun;
    pl::StageState state;  // at dispatch: deps hashed
    pl::ProgressWriter* progress = nullptr;  // the workbench follows this
};

// Runs one stage through the engine with retries; fills slot.
void runStage(StageJob job, Slot& slot, Shared& shared)
{
    const pl::Stage& st = *job.stage;
    const auto t0 = Clock::now();
    server::JobSpec spec;
    if (st.cmd.size() == 1) {
        spec.argv = {"/bin/sh", "-c", st.cmd[0]};
    } else {
        std::string script = "set -e\n";
        for (const auto& c : st.cmd)
            script += c + "\n";
        spec.argv = {"/bin/sh", "-c", script};
    }
    spec.workdir = (job.spec->root / st.wdir).lexically_normal().string();
    for (const auto& [k, v] : st.env)
        spec.env[k] = v;
    // Lineage (docs/lineage.md): the stage's run reads its deps and writes its cached outs; its
    // supervisor stores and links them like `cairn submit --input/--output`.
    for (const auto& d : st.deps)
        spec.inputs.push_back((job.spec->root / pl::stagePath(st, d.path)).lexically_normal().string());
    for (const auto& o : st.outs)
        if (o.cache)
            spec.outputs.push_back((job.spec->root / pl::stagePath(st, o.path)).lexically_normal().string());
    spec.gpuCount = st.resources.gpus;
    spec.nprocPerNode = std::max(1, st.resources.nproc);
    nlohmann::json params = nlohmann::json::object();
    for (const auto& [k, v] : job.state.params) {
        auto j = nlohmann::json::parse(v, nullptr, false);
        params[shownParam(k)] = j.is_string() ? j.get<std::string>() : v;
    }
    const nlohmann::json tags{{"cairn.pipeline", job.pipeline}, {"cairn.stage", st.name}, {"cairn.pipeline_run", job.pipelineRun}};

    std::string run, message;
    bool ok = false;
    const int attempts = 1 + std::max(0, st.retries);
    for (int attempt = 0; attempt < attempts && !ok && !g_interrupted; ++attempt) {
        if (attempt > 0) {
            const double backoff = std::min(30.0, 0.5 * double(1 << std::min(attempt - 1, 6)));
            std::this_thread::sleep_for(std::chrono::duration<double>(backoff));
        }
        // Outputs are written fresh (DVC removes them too), unless `persist: true`.
        std::error_code ec;
        for (const auto& o : st.outs)
            if (!o.persist)
                fs::remove_all(job.spec->root / pl::stagePath(st, o.path), ec);
        auto client = server::ensureEngine(*job.project);
        if (!client) {
            message = client.message();
            continue;
        }
        auto reply = (*client)->call("submit", {{"name", job.pipeline + "." + st.name},
                                                {"experiment", job.pipeline},
                                                {"params", params},
                                                {"tags", tags},
                                                {"command", shellJoin(spec.argv)},
                                                {"after", ""},
                                                {"job", spec.toJson()}});
        if (!reply) {
            message = "submit: " + reply.message();
            continue;
        }
        run = reply->value("run", std::string());
        {
            std::lock_guard lock(shared.mutex);
            slot.run = run;
        }
        if (job.progress)
            job.progress->stage(st.name, "running", run);
        if (g_interrupted)
            (void)(*client)->call("cancel", {{"run", run}});
        const int timeoutMs = st.timeoutSeconds ? static_cast<int>(std::min(*st.timeoutSeconds * 1000.0, 2e9)) : -1;
        auto waited = (*client)->call("wait", {{"run", run}}, timeoutMs);
        // The engine went away (restart, crash): the next one replays the journal.
        for (int again = 0; again < 5 && !waited && waited.message().find("closed") != std::string::npos; ++again) {
            client = server::ensureEngine(*job.project);
            if (!client)
                break;
            waited = (*client)->call("wait", {{"run", run}}, timeoutMs);
        }
        if (!waited && st.timeoutSeconds && waited.message().find("timeout") != std::string::npos) {
            if (auto c2 = server::EngineClient::connect(*job.project))
                (void)(*c2)->call("cancel", {{"run", run}});
            if (auto c3 = server::EngineClient::connect(*job.project))
                (void)(*c3)->call("wait", {{"run", run}}, -1);
            message = "timed out after " + formatDouble(*st.timeoutSeconds) + " s";
            continue;
        }
        if (!waited) {
            message = "wait: " + waited.message();
            continue;
        }
        const int code = waited->value("exit_code", 1);
        if (code != 0 || waited->value("status", std::string()) != "finished") {
            message = "run " + run.substr(0, 8) + " " + waited->value("status", std::string()) + " (exit " + std::to_string(code) + ")";
            continue;
        }
        ok = true;
    }
    pl::StageState record = job.state;
    record.run = run;
    if (ok) {
        artifacts::ObjectStore store(job.project->artifactsDir());
        for (const auto& o : st.outs) {
            const std::string rel = pl::stagePath(st, o.path);
            const fs::path path = job.spec->root / rel;
            if (!o.cache) {
                pl::PathHash h = pl::hashPath(path);
                if (h.hash.empty()) {
                    ok = false;
                    message = "the command did not write '" + rel + "'";
                    break;
                }
                record.outs[rel] = pl::OutState{h.hash, h.directory, false};
                continue;
            }
            std::error_code ec;
            if (!fs::exists(path, ec)) {
                ok = false;
                message = "the command did not write '" + rel + "'";
                break;
            }
            auto lock = artifacts::StoreLock::acquire(store.root(), false);
            auto added = artifacts::addPath(store, path);
            if (!added) {
                ok = false;
                message = "storing '" + rel + "': " + added.message();
                break;
            }
            record.outs[rel] = pl::OutState{added->hash, added->directory, true};
        }
    }
    std::lock_guard lock(shared.mutex);
    slot.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    slot.state = ok ? State::Done : State::Failed;
    slot.message = ok ? std::string() : message;
    slot.record = std::move(record);
    slot.finished = true;
    shared.cv.notify_all();
}

// Restores missing outs from the store when the key matches; true when the stage need not run.
bool upToDate(const pl::PipelineSpec& spec, const pl::Stage& st, const pl::StageState& now, const pl::StageState* locked,
              const artifacts::ObjectStore& store, std::vector<std::string>& restored, pl::FileHashCache& hashCache)
{
    if (!locked || locked->key != now.key || st.alwaysChanged)
        return false;
    pl::HashMemo memo;
    memo.files = &hashCache;
    const auto outsNow = pl::hashOutputs(spec, st, &memo);
    std::vector<std::pair<std::string, pl::OutState>> toRestore;
    for (const auto& [rel, o] : outsNow) {
        auto it = locked->outs.find(rel);
        if (it == locked->outs.end())
            return false;
        if (o.hash == it->second.hash)
            continue;
        if (!o.hash.empty() || !it->second.cache || !store.contains(it->second.hash))
            return false;
        toRestore.emplace_back(rel, it->second);
    }
    for (const auto& [rel, o] : toRestore) {
        const fs::path dest = spec.root / rel;
        std::error_code ec;
        fs::create_directories(dest.parent_path(), ec);
        Status s = o.directory ? artifacts::restoreTree(store, o.hash, dest) : artifacts::restoreFile(store, o.hash, dest);
        if (!s)
            return false;
        restored.push_back(rel);
    }
    return true;
}

std::string formatSeconds(double s)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1fs", s);
    return buf;
}

} // namespace

int pipelineRunCmd(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("pipeline run");
    args.positional("FILE", "pipelines/NAME.yaml or a dvc.yaml")
        .option("stage", "S", "run S and the stages it needs")
        .option("from", "S", "run S and every stage that depends on it")
        .flag("force", "run the selected stages even when cached")
        .option("jobs", "N", "stages run at the same time (default: the number of cores)");
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "pipeline run", s.message());
    if (args.helpRequested()) {
        ctx.out << "Run a pipeline's outdated stages through the engine, in parallel, each as a run.\n" << args.usage();
        return kExitOk;
    }
    int jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    if (args.has("jobs")) {
        const std::string j = args.get("jobs");
        if (j.empty() || j.size() > 4 || j.find_first_not_of("0123456789") != std::string::npos || std::stoi(j) < 1)
            return usageError(ctx.err, "pipeline run", "--jobs must be a whole number >= 1, got '" + j + "'");
        jobs = std::stoi(j);
    }
    if (args.has("stage") && args.has("from"))
        return usageError(ctx.err, "pipeline run", "give --stage or --from, not both");
    const std::string file = args.positionalValue("FILE");
    if (!readable(file, ctx, "run"))
        return kExitUsage;
    pl::DiskFiles disk;
    pl::CheckedPipeline c = pl::checkPipeline(file, disk);
    for (const auto& d : c.diagnostics.list())
        if (d.severity == pl::Severity::Error)
            ctx.err << pl::formatDiagnostic(d) << "\n";
    if (c.diagnostics.hasErrors()) {
        ctx.err << "cairn pipeline run: " << file << " has " << plural(c.diagnostics.errorCount(), "error") << "\n";
        return kExitFailure;
    }
    const auto& stages = c.spec.stages;
    const pl::Dag& dag = c.dag;
    std::vector<int> selected = dag.order();
    for (const char* opt : {"stage", "from"}) {
        if (!args.has(opt))
            continue;
        const int s = c.spec.indexOf(args.get(opt));
        if (s < 0)
            return usageError(ctx.err, "pipeline run", "no stage '" + args.get(opt) + "' in " + file);
        selected = std::string(opt) == "stage" ? dag.upstream({s}) : dag.downstream({s});
    }
    auto project = Project::locate(ctx.projectOption);
    if (!project) {
        ctx.err << "cairn pipeline run: " << project.message() << "\n";
        return kExitUsage;
    }
    {
        auto client = server::ensureEngine(*project);
        if (!client) {
            ctx.err << "cairn pipeline run: " << client.message() << "\n";
            return kExitFailure;
        }
    }
    const fs::path lockPath = pl::lockPathFor(project->root(), file);
    // Dep and out hashes of files unchanged since they were last hashed (hash_cache.h); each
    // look gets its own memo, since stages rewrite files between looks.
    const fs::path hashCacheFile = pl::FileHashCache::pathFor(project->root());
    pl::FileHashCache hashCache(hashCacheFile);
    auto lockRead = pl::readLock(lockPath);
    if (!lockRead) {
        ctx.err << "cairn pipeline run: " << lockRead.message() << "\n";
        return kExitFailure;
    }
    pl::LockFile lock = std::move(*lockRead);
    artifacts::ObjectStore store(project->artifactsDir());
    const std::string name = pl::pipelineName(file);
    const std::string runId = randomId();
    const bool force = args.has("force");
    const auto t0 = Clock::now();
    ctx.out << "pipeline " << name << ": run " << runId << ", " << plural(selected.size(), "stage") << ", up to " << jobs
            << " at a time\n";
    ctx.out.flush();
    std::unique_ptr<pl::ProgressWriter> progress;
    {
        std::vector<std::string> names;
        for (int s : selected)
            names.push_back(stages[static_cast<std::size_t>(s)].name);
        auto started = pl::ProgressWriter::start(pl::progressPathFor(project->root(), file), runId, file, jobs, names);
        if (started)
            progress = std::move(*started);
        else
            ctx.err << "cairn pipeline run: " << started.message() << " (the workbench will not show this run live)\n";
    }
    auto note = [&](const pl::Stage& st, const char* state, const Slot& slot) {
        if (progress)
            progress->stage(st.name, state, slot.run, slot.message, slot.seconds);
    };

    std::vector<Slot> slots(stages.size());
    std::vector<char> isSelected(stages.size(), 0);
    for (int s : selected)
        isSelected[static_cast<std::size_t>(s)] = 1;
    Shared shared;
    std::vector<std::thread> threads;
    int running = 0;
    bool cancelling = false;
    bool lockDirty = false;
    auto lastLockWrite = Clock::now() - std::chrono::seconds(10);
    auto writeLockNow = [&] {
        if (auto w = pl::writeLock(lockPath, lock); !w)
            ctx.err << "cairn pipeline run: " << w.message() << "\n";
        lockDirty = false;
        lastLockWrite = Clock::now();
    };
    g_interrupted = false;
    struct sigaction sa {}, oldInt {}, oldTerm {};
    sa.sa_handler = onInterrupt;
    sigemptyset(&sa.sa_mask);
    ::sigaction(SIGINT, &sa, &oldInt);
    ::sigaction(SIGTERM, &sa, &oldTerm);
    std::unique_lock guard(shared.mutex);
    for (;;) {
        // Record finished stages.
        for (int s : selected) {
            Slot& slot = slots[static_cast<std::size_t>(s)];
            if (!slot.finished)
                continue;
            slot.finished = false;
            --running;
            const auto& st = stages[static_cast<std::size_t>(s)];
            if (slot.state == State::Done) {
                lock.stages[st.name] = slot.record;
                lockDirty = true;
                ctx.out << "  done    " << st.name << " (run " << slot.run.substr(0, 8) << ", " << formatSeconds(slot.seconds) << ")\n";
                note(st, "done", slot);
            } else {
                ctx.out << "  failed  " << st.name << ": " << slot.message << "\n";
                note(st, "failed", slot);
            }
            ctx.out.flush();
        }
        // The lock file at most once a second while stages finish (a big pipeline's file is
        // megabytes), and at the end: a crash loses at most a second of records.
        if (lockDirty && Clock::now() - lastLockWrite >= std::chrono::seconds(1))
            writeLockNow();
        // Start what is ready.
        bool progressed = false;
        for (int s : selected) {
            Slot& slot = slots[static_cast<std::size_t>(s)];
            if (slot.state != State::Pending)
                continue;
            bool ready = true, blocked = false;
            for (int e : dag.predecessors(s)) {
                const int p = dag.edge(e).from;
                if (!isSelected[static_cast<std::size_t>(p)])
                    continue;
                const State ps = slots[static_cast<std::size_t>(p)].state;
                if (ps == State::Failed || ps == State::SkippedUpstream)
                    blocked = true;
                else if (ps != State::Done && ps != State::Cached)
                    ready = false;
            }
            const auto& st = stages[static_cast<std::size_t>(s)];
            if (blocked) {
                slot.state = State::SkippedUpstream;
                note(st, "skipped", slot);
                progressed = true;
                continue;
            }
            if (g_interrupted) {
                slot.state = State::Interrupted;
                note(st, "not-run", slot);
                continue;
            }
            if (!ready || running >= jobs)
                continue;
            progressed = true;
            pl::HashMemo memo;
            memo.files = &hashCache;
            pl::StageState now = pl::computeStageState(c.spec, st, &memo);
            // A dep that is still missing now is an error for this stage.
            std::string missing;
            for (const auto& d : st.deps) {
                const std::string rel = pl::stagePath(st, d.path);
                if (!now.deps[rel].empty())
                    continue;
                const pl::OutputRef producer = dag.producerOf(rel);
                missing += c.spec.file + ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + ": error: stages." +
                           st.name + ".deps[" + std::to_string(d.index) + "]: '" + rel + "' does not exist" +
                           (producer.stage < 0 ? " and no stage writes it"
                                               : " ('" + stages[static_cast<std::size_t>(producer.stage)].name + "' did not write it)") +
                           "\n";
            }
            if (!missing.empty()) {
                ctx.err << missing;
                slot.state = State::Failed;
                slot.message = "missing dependencies";
                ctx.out << "  failed  " << st.name << ": missing dependencies\n";
                note(st, "failed", slot);
                continue;
            }
            auto it = lock.stages.find(st.name);
            const pl::StageState* locked = it == lock.stages.end() ? nullptr : &it->second;
            std::vector<std::string> restored;
            if (!force && (st.frozen ? locked != nullptr : upToDate(c.spec, st, now, locked, store, restored, hashCache))) {
                slot.state = State::Cached;
                note(st, "cached", slot);
                ctx.out << "  cached  " << st.name;
                for (const auto& r : restored)
                    ctx.out << (r == restored.front() ? " (restored " : ", ") << r;
                ctx.out << (restored.empty() ? "" : ")") << "\n";
                continue;
            }
            slot.state = State::Running;
            ++running;
            ctx.out << "  running " << st.name << "\n";
            ctx.out.flush();
            note(st, "running", slot);
            StageJob job{&*project, &c.spec, &st, name, runId, std::move(now), progress.get()};
            threads.emplace_back([job = std::move(job), &slot, &shared]() mutable { runStage(std::move(job), slot, shared); });
        }
        if (progressed)
            continue;
        if (running == 0)
            break;
        if (g_interrupted && !cancelling) {
            cancelling = true;
            ctx.out << "interrupted: cancelling the running stages\n";
            ctx.out.flush();
            for (int s : selected) {
                const Slot& slot = slots[static_cast<std::size_t>(s)];
                if (slot.state == State::Running && !slot.run.empty())
                    if (auto client = server::EngineClient::connect(*project))
                        (void)(*client)->call("cancel", {{"run", slot.run}});
            }
            continue;
        }
        shared.cv.wait_for(guard, std::chrono::milliseconds(200), [&] {
            return std::any_of(selected.begin(), selected.end(), [&](int s) { return slots[static_cast<std::size_t>(s)].finished; });
        });
    }
    if (lockDirty)
        writeLockNow();
    guard.unlock();
    for (auto& t : threads)
        t.join();
    ::sigaction(SIGINT, &oldInt, nullptr);
    ::sigaction(SIGTERM, &oldTerm, nullptr);

    std::size_t counts[7] = {};
    TextTable table({"stage", "state", "run", "duration"});
    for (int s : selected) {
        const Slot& slot = slots[static_cast<std::size_t>(s)];
        ++counts[static_cast<int>(slot.state)];
        const bool ran = slot.state == State::Done || (slot.state == State::Failed && !slot.run.empty());
        table.add({stages[static_cast<std::size_t>(s)].name, stateName(slot.state), slot.run.empty() ? "-" : slot.run.substr(0, 8),
                   ran ? formatSeconds(slot.seconds) : "-"});
    }
    table.print(ctx.out);
    const double total = std::chrono::duration<double>(Clock::now() - t0).count();
    const std::size_t failed = counts[static_cast<int>(State::Failed)], skipped = counts[static_cast<int>(State::SkippedUpstream)];
    ctx.out << "pipeline " << name << " run " << runId << ": " << counts[static_cast<int>(State::Done)] << " done, "
            << counts[static_cast<int>(State::Cached)] << " cached, " << failed << " failed, " << skipped << " skipped in "
            << formatSeconds(total) << "\n";
    (void)hashCache.save(hashCacheFile);  // only a cache: the next command hashes again without it
    const int code = g_interrupted ? 130 : failed + skipped > 0 ? kExitFailure : kExitOk;
    if (progress)
        progress->end(code);
    return code;
}

} // namespace cairn::cli
