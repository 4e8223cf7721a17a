// cairn executors list|test: the ssh hosts and Slurm clusters of cairn.yaml (docs/executors.md).
#include "engine/cli/args.h"
#include "engine/cli/commands.h"
#include "engine/cli/output.h"
#include "engine/core/clock.h"
#include "engine/remote/agent_client.h"
#include "engine/remote/remote_sync.h"
#include "engine/store/project.h"

#include <csignal>
#include <ostream>

namespace cairn::cli {
namespace {

using remote::Json;

std::string whereOf(const remote::ExecutorConfig& e)
{
    if (e.type == remote::ExecutorType::Ssh)
        return (e.ssh.user.empty() ? "" : e.ssh.user + "@") + e.ssh.host + ":" + std::to_string(e.ssh.port);
    return e.slurm.via.empty() ? "sbatch on this machine" : "sbatch via " + e.slurm.via;
}

std::string detailsOf(const remote::ExecutorConfig& e)
{
    if (e.type == remote::ExecutorType::Ssh)
        return e.ssh.identity.empty() ? "" : "identity " + e.ssh.identity;
    std::string d;
    auto add = [&](const std::string& k, const std::string& v) {
        if (!v.empty())
            d += (d.empty() ? "" : ", ") + k + " " + v;
    };
    add("partition", e.slurm.partition);
    add("gres", e.slurm.gres);
    add("account", e.slurm.account);
    add("time", e.slurm.time);
    add("qos", e.slurm.qos);
    if (!e.slurm.extra.empty())
        add("extra", std::to_string(e.slurm.extra.size()) + " line(s)");
    return d;
}

int listExecutors(const Project& project, const std::string& format, Context& ctx)
{
    const auto& all = project.config().executors;
    if (format == "json") {
        Json list = Json::array();
        for (const auto& e : all)
            list.push_back({{"name", e.name}, {"type", std::string(remote::toString(e.type))}, {"where", whereOf(e)}, {"workdir", e.workdir},
                            {"python", e.python}, {"details", detailsOf(e)}});
        ctx.out << list.dump(2) << "\n";
        return kExitOk;
    }
    if (all.empty()) {
        ctx.out << "no executors in " << project.configPath().string()
                << "; jobs run on this machine. Add an 'executors:' section (docs/executors.md).\n";
        return kExitOk;
    }
    TextTable table({"name", "type", "where", "workdir", "details"});
    for (const auto& e : all)
        table.add({e.name, std::string(remote::toString(e.type)), whereOf(e), e.workdir, detailsOf(e)});
    table.print(ctx.out);
    return kExitOk;
}

struct Check {
    std::string name;
    bool ok = false;
    bool required = true;
    std::string text;
};

int testExecutor(const Project& project, const std::string& name, const std::string& format, Context& ctx)
{
    const auto& all = project.config().executors;
    const remote::ExecutorConfig* e = remote::findExecutor(all, name);
    if (!e) {
        ctx.err << "cairn executors test: " << remote::unknownExecutorMessage(all, name) << "\n";
        return kExitUsage;
    }
    ::signal(SIGPIPE, SIG_IGN);
    remote::AgentClient agent(*e, remote::makeTransport(*e, all, project.root()));
    std::vector<Check> checks;
    const std::int64_t t0 = nowMs();
    remote::AgentFailure failure;
    auto probe = agent.call("probe", {e->workdir}, failure, {}, 60000);
    if (!probe) {
        checks.push_back({"connection", false, true, failure.message});
    } else {
        const Json& p = *probe;
        checks.push_back({"connection", true, true,
                          agent.transport().where() + " (" + std::to_string(nowMs() - t0) + " ms, agent " + agent.agentPath() + ")"});
        checks.push_back({"python", true, true, p.value("python", std::string()) + " (" + p.value("executable", std::string()) + ")"});
        if (p.contains("workdir_error"))
            checks.push_back({"workdir", false, true, p.value("workdir", std::string()) + ": " + p.value("workdir_error", std::string())});
        else
            checks.push_back({"workdir", p.value("free_bytes", std::uint64_t(0)) >= (64u << 20), true,
                              p.value("workdir", std::string()) + ", " + remote::formatBytes(p.value("free_bytes", std::uint64_t(0))) + " free"});
        std::string gpus;
        for (const auto& g : p.value("gpus", Json::array()))
            gpus += (gpus.empty() ? "" : "; ") + std::to_string(g.value("index", 0)) + ": " + g.value("name", std::string());
        checks.push_back({"gpus", true, false,
                          !p.value("nvidia_smi", false) ? "none seen (no nvidia-smi there)"
                          : gpus.empty()                ? "none (nvidia-smi lists no GPUs)"
                                                        : std::to_string(p["gpus"].size()) + " (" + gpus + ")"});
        if (e->type == remote::ExecutorType::Slurm) {
            std::string parts;
            bool havePartition = e->slurm.partition.empty();
            for (const auto& pt : p.value("partitions", Json::array())) {
                const std::string pn = pt.value("name", std::string());
                havePartition = havePartition || pn == e->slurm.partition;
                parts += (parts.empty() ? "" : "; ") + pn + (pt.value("default", false) ? "*" : "") + " " + pt.value("avail", std::string()) + " "
                         + pt.value("nodes", std::string()) + " " + pt.value("state", std::string());
            }
            if (!p.value("sinfo", false))
                checks.push_back({"slurm", false, true, "sinfo does not run on " + agent.transport().where() + " (is Slurm's client installed, SLURM_CONF set?)"});
            else
                checks.push_back({"slurm", havePartition, true,
                                  (havePartition ? "partitions: " : "no partition '" + e->slurm.partition + "'; there are: ") + parts});
            checks.push_back({"sacct", p.value("sacct", false), false,
                              p.value("sacct", false) ? "available"
                                                      : "unavailable (no accounting database): final states come from scontrol while Slurm "
                                                        "remembers the job (MinJobAge)"});
        }
        if (!agent.transport().isLocal()) {
            remote::CommandResult r = agent.transport().run("rsync --version", {}, 30000);
            std::string first = r.out.substr(0, r.out.find('\n'));
            checks.push_back({"rsync", r.ok(), true, r.ok() ? first : "missing on " + agent.transport().where() + ": install rsync there"});
        }
    }
    remote::CommandResult local = remote::runCommand({"rsync", "--version"}, {}, 10000);
    checks.push_back({"local rsync", local.ok(), true, local.ok() ? local.out.substr(0, local.out.find('\n')) : "missing here: install rsync"});
    bool ok = true;
    for (const auto& c : checks)
        ok = ok && (c.ok || !c.required);
    if (format == "json") {
        Json j = {{"executor", e->name}, {"ok", ok}, {"checks", Json::array()}};
        for (const auto& c : checks)
            j["checks"].push_back({{"name", c.name}, {"ok", c.ok}, {"required", c.required}, {"text", c.text}});
        ctx.out << j.dump(2) << "\n";
    } else {
        ctx.out << "executor " << e->name << " (" << remote::toString(e->type) << ", " << whereOf(*e) << ")\n";
        for (const auto& c : checks)
            ctx.out << "  " << (c.ok ? "ok  " : c.required ? "FAIL" : "--  ") << " " << c.name << std::string(c.name.size() < 12 ? 12 - c.name.size() : 1, ' ')
                    << c.text << "\n";
        ctx.out << (ok ? "ready for jobs\n" : "not ready: fix what FAIL says, then run this again\n");
    }
    return ok ? kExitOk : kExitFailure;
}

} // namespace

int cmdExecutors(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("executors");
    args.positional("ACTION", "list (default) or test", false)
        .positional("NAME", "the executor to test", false)
        .option("format", "FORMAT", "table (default) or json")
        .choices("format", {"table", "json"});
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "executors", s.message());
    if (args.helpRequested()) {
        ctx.out << "List the executors of cairn.yaml, or test one: the connection, the far side's Python, its\n"
                   "working directory and free space, the GPUs nvidia-smi sees, Slurm's partitions (sinfo),\n"
                   "sacct, and rsync. Exit 1 when a required check fails.\n"
                << args.usage();
        return kExitOk;
    }
    const std::string action = args.positionalValue("ACTION", "list");
    if (action != "list" && action != "test")
        return usageError(ctx.err, "executors", "unknown action '" + action + "' (expected list or test)");
    auto project = Project::locate(ctx.projectOption);
    if (!project) {
        ctx.err << "cairn executors: " << project.message() << "\n";
        return kExitUsage;
    }
    const std::string format = args.get("format", "table");
    if (action == "list")
        return listExecutors(*project, format, ctx);
    if (args.positionalValue("NAME").empty())
        return usageError(ctx.err, "executors", "'test' needs the executor's name, e.g. cairn executors test box");
    return testExecutor(*project, args.positionalValue("NAME"), format, ctx);
}

} // namespace cairn::cli
