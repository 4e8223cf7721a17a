// Commands of the engine's job queue: submit, queue, cancel, wait, logs.
#include "engine/cli/args.h"
#include "engine/cli/commands.h"
#include "engine/cli/key_values.h"
#include "engine/cli/output.h"
#include "engine/core/text.h"
#include "engine/server/client.h"
#include "engine/server/job_spec.h"
#include "engine/store/store.h"

#include <chrono>
#include <fstream>
#include <ostream>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace fs = std::filesystem;

namespace cairn::cli {
namespace {

std::unique_ptr<server::EngineClient> engineFor(Context& ctx, const std::string& command, std::optional<Project>& project)
{
    auto p = Project::locate(ctx.projectOption);
    if (!p) {
        ctx.err << "cairn " << command << ": " << p.message() << "\n";
        return nullptr;
    }
    project = std::move(*p);
    auto client = server::ensureEngine(*project);
    if (!client) {
        ctx.err << "cairn " << command << ": " << client.message() << "\n";
        return nullptr;
    }
    return std::move(*client);
}

bool parsePositiveInt(const std::string& text, int& out)
{
    if (text.empty() || text.size() > 4 || text.find_first_not_of("0123456789") != std::string::npos)
        return false;
    out = std::stoi(text);
    return true;
}

// "local", or the executor with the far side's state: "cluster: PENDING (Resources)", "box: RUNNING on gpu1".
std::string whereText(const server::Json& j)
{
    const std::string executor = j.value("executor", std::string());
    if (executor.empty())
        return "local";
    std::string out = executor;
    if (!j.contains("remote"))
        return out;
    const auto& r = j["remote"];
    std::string state = r.value("state", std::string());
    const std::string phase = r.value("phase", std::string());
    if (phase != "running" || state.empty())
        state = phase;
    out += ": " + state;
    if (!r.value("reason", std::string()).empty())
        out += " (" + r.value("reason", std::string()) + ")";
    std::string nodes;
    for (const auto& n : r.value("nodes", server::Json::array()))
        nodes += (nodes.empty() ? "" : ",") + n.get<std::string>();
    if (!nodes.empty() && state != "PENDING")
        out += " on " + nodes;
    return out;
}

} // namespace

int cmdSubmit(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("submit");
    args.option("name", "NAME", "run name (default: the script's name and a short id)")
        .option("experiment", "NAME", "experiment (default: 'default')")
        .repeated("param", "KEY=VALUE", "record a parameter")
        .repeated("tag", "KEY=VALUE", "record a tag")
        .option("gpus", "N", "whole GPUs the job needs (any free ones)")
        .option("gpu-ids", "LIST", "exactly these GPUs, e.g. 0,2")
        .option("nproc-per-node", "N", "worker processes (torchrun contract); default 1")
        .option("after", "RUN", "start only after RUN has finished successfully")
        .repeated("input", "PATH", "a file or folder the job reads: stored and linked to the run before it starts")
        .repeated("output", "PATH", "a file or folder the job writes: stored and linked after it succeeded")
        .option("workdir", "DIR", "working directory (default: the current one); an executor gets a copy of it")
        .option("executor", "NAME", "run on an executor of cairn.yaml (ssh host or Slurm cluster; see 'cairn executors')")
        .option("nnodes", "N", "nodes (Slurm executors); default 1")
        .repeated("env", "KEY=VALUE", "set an environment variable for the job")
        .passthrough("COMMAND [ARGS...]", true);
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "submit", s.message());
    if (args.helpRequested()) {
        ctx.out << "Queue a job with the engine and print its run id (alone on the last line).\n" << args.usage();
        return kExitOk;
    }
    auto params = parseKeyValues(args.all("param"), "--param");
    auto tags = parseKeyValues(args.all("tag"), "--tag");
    if (!params || !tags)
        return usageError(ctx.err, "submit", !params ? params.message() : tags.message());
    server::JobSpec job;
    job.argv = args.rest();
    std::error_code ec;
    job.workdir = fs::absolute(args.get("workdir", fs::current_path(ec).string()), ec).string();
    job.inputs = args.all("input");
    job.outputs = args.all("output");
    if (args.has("gpus") && args.has("gpu-ids"))
        return usageError(ctx.err, "submit", "give --gpus or --gpu-ids, not both");
    if (args.has("gpus") && !parsePositiveInt(args.get("gpus"), job.gpuCount))
        return usageError(ctx.err, "submit", "--gpus must be a whole number, got '" + args.get("gpus") + "'");
    if (args.has("gpu-ids")) {
        auto ids = server::parseIdList(args.get("gpu-ids"));
        if (!ids || ids->empty())
            return usageError(ctx.err, "submit", "--gpu-ids must be comma-separated GPU indices, e.g. 0,2");
        job.gpuIds = *ids;
    }
    if (args.has("nproc-per-node") && (!parsePositiveInt(args.get("nproc-per-node"), job.nprocPerNode) || job.nprocPerNode < 1))
        return usageError(ctx.err, "submit", "--nproc-per-node must be a whole number >= 1");
    job.executor = args.get("executor");
    if (job.executor == "local")
        job.executor.clear();
    if (args.has("nnodes") && (!parsePositiveInt(args.get("nnodes"), job.nnodes) || job.nnodes < 1))
        return usageError(ctx.err, "submit", "--nnodes must be a whole number >= 1");
    if (job.nnodes > 1 && job.executor.empty())
        return usageError(ctx.err, "submit", "--nnodes " + args.get("nnodes") + " needs --executor with a Slurm executor (this machine is one node)");
    for (const auto& kv : args.all("env")) {
        auto eq = kv.find('=');
        if (eq == std::string::npos || eq == 0)
            return usageError(ctx.err, "submit", "--env must be KEY=VALUE, got '" + kv + "'");
        job.env[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    if (!job.executor.empty())  // NCCL settings of this shell go along to the far side
        for (char** e = environ; *e; ++e)
            if (std::string_view kv(*e); kv.starts_with("NCCL_") && kv.find('=') != std::string_view::npos)
                job.env.try_emplace(std::string(kv.substr(0, kv.find('='))), std::string(kv.substr(kv.find('=') + 1)));
    std::optional<Project> project;
    auto client = engineFor(ctx, "submit", project);
    if (!client)
        return kExitUsage;
    auto reply = client->call("submit", {{"name", args.get("name")},
                                         {"experiment", args.get("experiment", "default")},
                                         {"params", *params},
                                         {"tags", *tags},
                                         {"command", shellJoin(job.argv)},
                                         {"after", args.get("after")},
                                         {"job", job.toJson()}});
    if (!reply) {
        ctx.err << "cairn submit: " << reply.message() << "\n";
        return kExitUsage;
    }
    ctx.out << reply->value("run", std::string()) << "\n";
    return kExitOk;
}

int cmdQueue(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("queue");
    args.option("format", "FORMAT", "table (default) or json").choices("format", {"table", "json"});
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "queue", s.message());
    if (args.helpRequested()) {
        ctx.out << "List queued and running jobs, oldest first.\n" << args.usage();
        return kExitOk;
    }
    std::optional<Project> project;
    auto client = engineFor(ctx, "queue", project);
    if (!client)
        return kExitUsage;
    auto reply = client->call("queue");
    if (!reply) {
        ctx.err << "cairn queue: " << reply.message() << "\n";
        return kExitFailure;
    }
    if (args.get("format", "table") == "json") {
        ctx.out << (*reply)["jobs"].dump(2) << "\n";
        return kExitOk;
    }
    if ((*reply)["jobs"].empty()) {
        ctx.out << "no jobs queued or running\n";
        return kExitOk;
    }
    TextTable table({"id", "name", "status", "where", "gpus", "procs", "after", "command"});
    for (const auto& j : (*reply)["jobs"])
        table.add({j["run"].get<std::string>().substr(0, 8), j["name"], j["status"], whereText(j), j["gpus"],
                   std::to_string(j["nproc_per_node"].get<int>()), j["after"].get<std::string>().substr(0, 8), j["command"]});
    table.print(ctx.out);
    return kExitOk;
}

int cmdCancel(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("cancel");
    args.positional("RUN", "run id, unique id prefix or run name");
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "cancel", s.message());
    if (args.helpRequested()) {
        ctx.out << "Cancel a job: a queued one never starts; a running one gets SIGTERM, then SIGKILL\n"
                   "after a grace period, for its whole process tree.\n"
                << args.usage();
        return kExitOk;
    }
    std::optional<Project> project;
    auto client = engineFor(ctx, "cancel", project);
    if (!client)
        return kExitUsage;
    auto reply = client->call("cancel", {{"run", args.positionalValue("RUN")}});
    if (!reply) {
        ctx.err << "cairn cancel: " << reply.message() << "\n";
        return kExitUsage;
    }
    ctx.out << "cancelling run " << reply->value("run", std::string()).substr(0, 8) << " (was " << reply->value("was", std::string())
            << ")\n";
    return kExitOk;
}

int cmdWait(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("wait");
    args.positional("RUN", "run id, unique id prefix or run name");
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "wait", s.message());
    if (args.helpRequested()) {
        ctx.out << "Wait until a run has ended and every point it logged is in the database; exit\n"
                   "with the run's exit code.\n"
                << args.usage();
        return kExitOk;
    }
    std::optional<Project> project;
    auto client = engineFor(ctx, "wait", project);
    if (!client)
        return kExitUsage;
    for (;;) {
        auto reply = client->call("wait", {{"run", args.positionalValue("RUN")}}, -1);
        if (reply) {
            ctx.err << "cairn: run " << reply->value("run", std::string()).substr(0, 8) << " "
                    << reply->value("status", std::string()) << " (exit " << reply->value("exit_code", -1) << ")\n";
            return reply->value("exit_code", 1);
        }
        if (reply.message().find("closed") == std::string::npos) {
            ctx.err << "cairn wait: " << reply.message() << "\n";
            return kExitUsage;
        }
        // The engine went away (restart, crash): the next one replays the journal.
        auto again = server::ensureEngine(*project);
        if (!again) {
            ctx.err << "cairn wait: " << again.message() << "\n";
            return kExitFailure;
        }
        client = std::move(*again);
    }
}

} // namespace cairn::cli
