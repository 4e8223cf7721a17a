// `cairn reproduce RUN`: put the run's inputs back from the artifact store, run its command
// again with the same params through the engine (a new run tagged cairn.reproduces=RUN), and
// print what differs between the two environments and the two results (docs/lineage.md).
#include "engine/cli/args.h"
#include "engine/cli/commands.h"
#include "engine/cli/output.h"
#include "engine/cli/read_common.h"
#include "engine/core/text.h"
#include "engine/lineage/input_restore.h"
#include "engine/lineage/run_diff.h"
#include "engine/server/client.h"
#include "engine/server/job_spec.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <ostream>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;
using nlohmann::ordered_json;

namespace cairn::cli {
namespace {

std::atomic<bool> g_stop{false};
extern "C" void onStop(int) { g_stop = true; }

// Env vars of the original run (env.json) that describe the machine or the shell rather than
// the computation: not set again for the reproduction.
bool machineVariable(const std::string& name)
{
    return name == "CUDA_VISIBLE_DEVICES" || name == "VIRTUAL_ENV" || name == "CONDA_DEFAULT_ENV";
}

const char* stateText(lineage::InputPlacement::State s)
{
    using S = lineage::InputPlacement::State;
    switch (s) {
    case S::Missing: return "restored";
    case S::Same: return "in place";
    case S::Differs: return "differs";
    case S::NoPath: return "no recorded path";
    }
    return "";
}

// Maps a path of the original run into --workdir (when it lies inside the original workdir).
std::string mapped(const std::string& path, const fs::path& originalWorkdir, const std::optional<fs::path>& workdir)
{
    if (!workdir || path.empty())
        return path;
    const fs::path rel = fs::path(path).lexically_normal().lexically_relative(originalWorkdir.lexically_normal());
    if (rel.empty() || *rel.begin() == "..")
        return path;
    return (*workdir / rel).lexically_normal().string();
}

// Copies what a log gained since `offset` to `out`.
void copyNew(const fs::path& path, off_t& offset, std::ostream& out)
{
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return;
    char buf[65536];
    for (;;) {
        ssize_t n = ::pread(fd, buf, sizeof buf, offset);
        if (n <= 0)
            break;
        out.write(buf, n);
        offset += n;
    }
    ::close(fd);
    out.flush();
}

void printSection(std::ostream& out, const char* title, const lineage::DiffSection& s)
{
    const std::size_t n = s.differ.size();
    if (n == 0) {
        out << title << ": " << (s.same == 0 ? std::string("nothing to compare") : "all " + std::to_string(s.same) + " the same") << "\n";
        return;
    }
    out << title << ": " << n << (n == 1 ? " differs" : " differ") << ", " << s.same << " the same\n";
    TextTable t({"  field", "original", "reproduction", ""});
    for (const auto& f : s.differ)
        t.add({"  " + f.field, f.inOriginal ? f.original : "(absent)", f.inReproduction ? f.reproduction : "(absent)", f.note});
    t.print(out);
}

void printComparison(std::ostream& out, const lineage::RunSide& a, const lineage::RunSide& b, const lineage::RunComparison& c)
{
    out << "original      " << a.run.id.substr(0, 8) << " " << a.run.name << ": " << toString(a.run.status)
        << (a.run.exitCode ? " (exit " + std::to_string(*a.run.exitCode) + ")" : "") << "\n"
        << "reproduction  " << b.run.id.substr(0, 8) << " " << b.run.name << ": " << toString(b.run.status)
        << (b.run.exitCode ? " (exit " + std::to_string(*b.run.exitCode) + ")" : "") << "\n\n";
    printSection(out, "environment", c.environment);
    printSection(out, "status", c.status);
    printSection(out, "params", c.params);
    printSection(out, "metrics (last values)", c.metrics);
    printSection(out, "outputs (content hashes)", c.outputs);
    out << "\n"
        << (c.resultsIdentical() ? "results: the same (status, params, final metrics and output hashes)\n"
                                 : "results: they differ (see above)\n");
}

// Output hashes shown short, like everywhere else.
void shortenHashes(lineage::DiffSection& s)
{
    for (auto& f : s.differ) {
        f.original = f.original.substr(0, 12);
        f.reproduction = f.reproduction.substr(0, 12);
    }
}

int report(Context& ctx, Store& store, const Project& project, const std::string& originalId, const std::string& reproId,
           const std::string& format, bool strict, const std::map<std::string, bool>& notRewritten, const ordered_json& restored)
{
    auto a = lineage::loadRunSide(store, project, originalId);
    auto b = a ? lineage::loadRunSide(store, project, reproId) : Result<lineage::RunSide>(a.error());
    if (!a || !b) {
        ctx.err << "cairn reproduce: " << (a ? b.message() : a.message()) << "\n";
        return kExitFailure;
    }
    lineage::RunComparison c = lineage::compareRuns(*a, *b);
    // An output the reproduction did not write again still holds the original's bytes: the
    // same hash would prove nothing.
    for (const auto& [name, untouched] : notRewritten) {
        if (!untouched)
            continue;
        auto it = std::find_if(c.outputs.differ.begin(), c.outputs.differ.end(), [&](const auto& f) { return f.field == name; });
        if (it != c.outputs.differ.end()) {
            it->note = "not rewritten by the reproduction";
            continue;
        }
        std::string hash;
        for (const auto& v : b->outputs)
            if (v.name == name)
                hash = v.hash;
        if (hash.empty())
            continue;
        c.outputs.differ.push_back({name, hash, hash, true, true, "not rewritten by the reproduction"});
        --c.outputs.same;
    }
    std::sort(c.outputs.differ.begin(), c.outputs.differ.end(), [](const auto& x, const auto& y) { return x.field < y.field; });
    const bool endedAlike = a->run.status == b->run.status && a->run.exitCode == b->run.exitCode;
    const int code = !endedAlike || (strict && !c.resultsIdentical()) ? kExitFailure : kExitOk;
    if (format == "json") {
        ordered_json j = {{"original", a->run.id}, {"reproduction", b->run.id}};
        if (!restored.is_null())
            j["inputs"] = restored;
        j["comparison"] = lineage::comparisonJson(c);
        ctx.out << j.dump(2) << "\n";
        return code;
    }
    shortenHashes(c.outputs);
    printComparison(ctx.out, *a, *b, c);
    return code;
}

// Waits for `runId` to end, copying its logs to stderr (unless quiet); Ctrl-C cancels the run.
Result<ordered_json> waitStreaming(Context& ctx, const Project& project, const std::string& runId, bool quiet)
{
    std::atomic<bool> done{false};
    Result<ordered_json> ended = makeError("not ended");
    std::thread waiter([&] {
        auto client = server::ensureEngine(project);
        for (int attempt = 0; attempt < 10 && client; ++attempt) {
            auto r = (*client)->call("wait", {{"run", runId}}, -1);
            if (r || r.message().find("closed") == std::string::npos) {
                ended = r ? Result<ordered_json>(ordered_json(*r)) : Result<ordered_json>(r.error());
                break;
            }
            client = server::ensureEngine(project);  // the engine went away: the next one replays the journal
        }
        if (!client)
            ended = client.error();
        done = true;
    });
    struct sigaction sa {}, oldInt {}, oldTerm {};
    sa.sa_handler = onStop;
    sigemptyset(&sa.sa_mask);
    ::sigaction(SIGINT, &sa, &oldInt);
    ::sigaction(SIGTERM, &sa, &oldTerm);
    g_stop = false;
    bool cancelled = false;
    off_t outOffset = 0, errOffset = 0;
    const fs::path dir = project.runDir(runId);
    while (!done) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (!quiet) {
            copyNew(dir / "stdout.log", outOffset, ctx.err);
            copyNew(dir / "stderr.log", errOffset, ctx.err);
        }
        if (g_stop && !cancelled) {
            cancelled = true;
            ctx.err << "cairn reproduce: cancelling run " << runId.substr(0, 8) << "\n";
            if (auto c = server::EngineClient::connect(project))
                (void)(*c)->call("cancel", {{"run", runId}});
        }
    }
    waiter.join();
    if (!quiet) {
        copyNew(dir / "stdout.log", outOffset, ctx.err);
        copyNew(dir / "stderr.log", errOffset, ctx.err);
    }
    ::sigaction(SIGINT, &oldInt, nullptr);
    ::sigaction(SIGTERM, &oldTerm, nullptr);
    if (cancelled)
        return makeError("cancelled");
    return ended;
}

} // namespace

int cmdReproduce(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("reproduce");
    args.positional("RUN", "the run to reproduce: id, unique id prefix or name")
        .option("workdir", "DIR", "restore the inputs under DIR and run there, not in the run's own folder")
        .flag("force", "replace input files that now hold other content")
        .flag("strict", "exit 1 unless params, final metrics and output hashes are all the same")
        .flag("quiet", "do not copy the new run's output to this terminal (it is still logged)")
        .option("diff", "RUN2", "run nothing: only compare RUN with RUN2 (e.g. an earlier reproduction)")
        .option("format", "FORMAT", "text (default) or json")
        .choices("format", {"text", "json"});
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "reproduce", s.message());
    if (args.helpRequested()) {
        ctx.out << "Run a run again: restore the artifact versions it read to where it read them (from the\n"
                   "store, every byte checked), run the same command with the same params, env vars and GPUs\n"
                   "through the engine as a new run tagged cairn.reproduces=RUN, then print what differs: the\n"
                   "environment (git, Python packages, OS, CPU, GPU, driver, env vars) and the results (status,\n"
                   "params, final metrics, output hashes). A file that now holds other content is not\n"
                   "replaced without --force. Exit 0 when the new run ended as the original did, 1 when not\n"
                   "(with --strict also when results differ), 2 on bad input. See docs/lineage.md.\n"
                << args.usage();
        return kExitOk;
    }
    const std::string format = args.get("format", "text");
    auto project = Project::locate(ctx.projectOption);
    if (!project) {
        ctx.err << "cairn reproduce: " << project.message() << "\n";
        return kExitUsage;
    }
    auto store = openForRead(ctx, "reproduce");
    if (!store)
        return kExitUsage;
    auto run = store->findRun(args.positionalValue("RUN"));
    if (!run) {
        ctx.err << "cairn reproduce: " << run.message() << "\n";
        return kExitUsage;
    }
    if (args.has("diff")) {
        auto other = store->findRun(args.get("diff"));
        if (!other) {
            ctx.err << "cairn reproduce: --diff: " << other.message() << "\n";
            return kExitUsage;
        }
        return report(ctx, *store, *project, run->id, other->id, format, args.has("strict"), {}, nullptr);
    }
    if (run->status == RunStatus::Queued || run->status == RunStatus::Running) {
        ctx.err << "cairn reproduce: run " << run->id.substr(0, 8) << " is " << toString(run->status)
                << "; reproduce it once it has ended ('cairn wait " << run->id.substr(0, 8) << "')\n";
        return kExitUsage;
    }
    Result<server::JobSpec> spec = makeError("");
    if (auto job = store->job(run->id))
        spec = server::JobSpec::fromJson(server::Json::parse(job->spec, nullptr, false));
    if (!spec)
        spec = server::readJobFile(project->runDir(run->id));
    if (!spec || spec->argv.empty()) {
        const auto source = run->tags.find("cairn.source");
        ctx.err << "cairn reproduce: run " << run->id.substr(0, 8) << " has no recorded command to run again"
                << (source != run->tags.end() ? " (it was imported from " + source->second + ")" : std::string()) << "\n";
        return kExitUsage;
    }
    auto original = lineage::loadRunSide(*store, *project, run->id);
    if (!original) {
        ctx.err << "cairn reproduce: " << original.message() << "\n";
        return kExitFailure;
    }

    std::optional<fs::path> workdir;
    std::error_code ec;
    if (args.has("workdir"))
        workdir = fs::absolute(args.get("workdir"), ec).lexically_normal();
    const fs::path originalWorkdir = spec->workdir.empty() ? fs::path(run->workdir) : fs::path(spec->workdir);

    // 1. The inputs: plan (hash what is there), refuse conflicts before writing anything, restore.
    auto plan = lineage::planInputRestore(original->inputs, originalWorkdir, workdir);
    bool conflict = false;
    for (const auto& p : plan)
        if (p.state == lineage::InputPlacement::State::Differs && !args.has("force")) {
            ctx.err << "cairn reproduce: '" << p.target.string() << "' holds other content than " << p.version.name << ":"
                    << p.version.version << " (" << p.version.hash.substr(0, 12) << "): " << p.detail << "\n";
            conflict = true;
        }
    if (conflict) {
        ctx.err << "cairn reproduce: nothing was changed; give --force to replace those files, or --workdir DIR to restore "
                   "the inputs elsewhere\n";
        return kExitUsage;
    }
    artifacts::ObjectStore objects(project->artifactsDir());
    ordered_json restored = ordered_json::array();
    {
        auto lock = artifacts::StoreLock::acquire(objects.root(), false);  // gc waits
        if (!lock) {
            ctx.err << "cairn reproduce: cannot lock the artifact store: " << lock.message() << "\n";
            return kExitFailure;
        }
        for (const auto& p : plan) {
            if (auto s = lineage::restoreInput(objects, p, args.has("force")); !s) {
                ctx.err << "cairn reproduce: " << s.message() << "\n";
                return kExitFailure;
            }
            const std::string label = p.version.name + ":" + std::to_string(p.version.version);
            const char* state = p.state == lineage::InputPlacement::State::Differs ? "replaced"
                                : p.version.external                             ? "external (another tool's dataset; nothing to restore)"
                                                                                 : stateText(p.state);
            restored.push_back({{"artifact", label}, {"hash", p.version.hash}, {"path", p.target.string()}, {"state", state}});
            ctx.err << "cairn: input " << label << " " << state
                    << (p.target.empty() ? std::string() : (p.state == lineage::InputPlacement::State::Same ? " at " : " to ") + p.target.string())
                    << "\n";
        }
    }

    // 2. The same job again: command, params, GPUs, workers, env; inputs and outputs declared.
    server::JobSpec job = *spec;
    job.attached = false;
    job.assignedGpus.clear();
    job.workdir = workdir ? workdir->string() : originalWorkdir.string();
    if (workdir)
        fs::create_directories(*workdir, ec);
    job.inputs.clear();
    for (const auto& p : plan)
        if (p.state != lineage::InputPlacement::State::NoPath)
            job.inputs.push_back(p.target.string());
    job.outputs.clear();
    std::map<std::string, std::string> before;  // output name -> signature before the run
    std::map<std::string, std::string> outputPath;
    for (const auto& o : original->outputs) {
        if (o.source.empty())
            continue;
        const std::string path = mapped(o.source, originalWorkdir, workdir);
        job.outputs.push_back(path);
        outputPath[o.name] = path;
        before[o.name] = lineage::pathSignature(path);
    }
    if (original->environment.is_object() && original->environment.contains("env"))
        for (const auto& [k, v] : original->environment["env"].items())
            if (v.is_string() && !machineVariable(k))
                job.env.emplace(k, v.get<std::string>());  // what the job itself was given wins
    std::map<std::string, std::string> tags;
    for (const auto& [k, v] : run->tags)
        if (!k.starts_with("cairn."))
            tags[k] = v;
    tags["cairn.reproduces"] = run->id;

    auto client = server::ensureEngine(*project);
    if (!client) {
        ctx.err << "cairn reproduce: " << client.message() << "\n";
        return kExitFailure;
    }
    auto submitted = (*client)->call("submit", {{"name", run->name + "-repro"},
                                                {"experiment", run->experiment},
                                                {"params", run->params},
                                                {"tags", tags},
                                                {"command", shellJoin(job.argv)},
                                                {"after", ""},
                                                {"job", job.toJson()}});
    if (!submitted) {
        ctx.err << "cairn reproduce: " << submitted.message() << "\n";
        return kExitFailure;
    }
    const std::string reproId = submitted->value("run", std::string());
    ctx.err << "cairn: reproducing run " << run->id.substr(0, 8) << " (" << run->name << ") as run " << reproId.substr(0, 8)
            << " in " << job.workdir << "\n";
    ctx.err.flush();

    // 3. Wait for it, showing its output; then compare.
    auto ended = waitStreaming(ctx, *project, reproId, args.has("quiet"));
    if (!ended) {
        ctx.err << "cairn reproduce: run " << reproId.substr(0, 8) << ": " << ended.message() << "\n";
        return kExitFailure;
    }
    std::map<std::string, bool> notRewritten;
    for (const auto& [name, sig] : before)
        notRewritten[name] = !sig.empty() && sig == lineage::pathSignature(outputPath[name]);
    auto fresh = openForRead(ctx, "reproduce");  // a new read snapshot with the new run in it
    if (!fresh)
        return kExitFailure;
    ctx.err << "\n";
    return report(ctx, *fresh, *project, run->id, reproId, format, args.has("strict"), notRewritten, restored);
}

} // namespace cairn::cli
