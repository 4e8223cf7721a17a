#include "engine/cli/commands.h"

#include "engine/core/text.h"

#include <iostream>

namespace cairn::cli {

const std::vector<Command>& commands()
{
    static const std::vector<Command> table = {
        {"init", "create a project folder", cmdInit},
        {"run", "run a command and track it as a run", cmdRun},
        {"submit", "queue a job with the engine; prints its run id", cmdSubmit},
        {"queue", "list queued and running jobs", cmdQueue},
        {"cancel", "cancel a queued or running job", cmdCancel},
        {"wait", "wait for a run to end; exits with its exit code", cmdWait},
        {"logs", "print (or follow) a run's output", cmdLogs},
        {"runs", "list runs", cmdRuns},
        {"show", "show one run", cmdShow},
        {"metrics", "print a run's metric points", cmdMetrics},
        {"experiments", "list experiments", cmdExperiments},
        {"compare", "compare runs side by side: params, tags, metrics", cmdCompare},
        {"demo", "create the demo project and run its training sweep", cmdDemo},
        {"gpus", "list the GPUs Cairn can see", cmdGpus},
        {"drift", "compare two datasets column by column for drift", cmdDrift},
        {"engine", "start, stop or inspect the project's background engine", cmdEngine},
        {"pipeline", "validate, show, run (cached, parallel) a pipeline or dvc.yaml", cmdPipeline},
        {"artifact", "store, list, restore, verify and collect files and directories by SHA-256", cmdArtifact},
        {"lineage", "show the artifacts and runs a run or artifact came from, and what came from it", cmdLineage},
        {"model", "register model versions; aliases, promotion, rollback, approvals", cmdModel},
        {"gate", "check a model version against the promotion gates in cairn.yaml (exit 1 on failure)", cmdGate},
        {"audit", "list, verify (hash chain) and export the registry's audit trail", cmdAudit},
        {"card", "export a model card (Model Card Toolkit JSON, Hugging Face, HTML, PDF); edit its fields", cmdCard},
        {"reproduce", "run a run again from its stored inputs and show what differs", cmdReproduce},
        {"openlineage", "export runs as OpenLineage events, import other tools' events", cmdOpenLineage},
        {"reports", "list and show stored drift, validation and fairness reports", cmdReports},
        {"validate", "check a dataset against expectations written in YAML", cmdValidate},
        {"fairness", "group fairness metrics of predictions, as Fairlearn defines them", cmdFairness},
        {"alerts", "list the alerts fired from the rules in cairn.yaml", cmdAlerts},
        {"executors", "list the ssh hosts and Slurm clusters of cairn.yaml, or test one", cmdExecutors},
    };
    return table;
}

static void printHelp(std::ostream& out)
{
    out << "usage: cairn [--project DIR] COMMAND [ARGS...]\n\n"
           "Cairn tracks runs, metrics and models in a project folder (cairn.yaml + cairn.db).\n"
           "Commands find the project like git does, or take --project DIR.\n\ncommands:\n";
    for (const auto& c : commands())
        out << "  " << c.name << std::string(14 - std::string(c.name).size(), ' ') << c.summary << "\n";
    out << "\n'cairn COMMAND --help' describes a command. Exit codes: 0 ok, 1 failure, 2 bad usage or input.\n";
}

int runCli(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    Context ctx{{}, out, err};
    std::size_t i = 0;
    // Global options before the command.
    while (i < argv.size() && argv[i].starts_with("-")) {
        const std::string& a = argv[i];
        if (a == "--project" && i + 1 < argv.size()) {
            ctx.projectOption = argv[i + 1];
            i += 2;
        } else if (a.starts_with("--project=")) {
            ctx.projectOption = a.substr(10);
            ++i;
        } else if (a == "-h" || a == "--help") {
            printHelp(out);
            return kExitOk;
        } else if (a == "--version") {
            out << "cairn " << CAIRN_VERSION << "\n";
            return kExitOk;
        } else {
            err << "cairn: unknown option '" << a << "'\n";
            return kExitUsage;
        }
    }
    if (i >= argv.size()) {
        printHelp(err);
        return kExitUsage;
    }
    const std::string name = argv[i];
    std::vector<std::string> rest(argv.begin() + static_cast<long>(i) + 1, argv.end());
    // `--project` is also accepted after the command (before any `--`).
    for (std::size_t k = 0; k < rest.size() && rest[k] != "--";) {
        if (rest[k] == "--project" && k + 1 < rest.size()) {
            ctx.projectOption = rest[k + 1];
            rest.erase(rest.begin() + static_cast<long>(k), rest.begin() + static_cast<long>(k) + 2);
        } else if (rest[k].starts_with("--project=")) {
            ctx.projectOption = rest[k].substr(10);
            rest.erase(rest.begin() + static_cast<long>(k));
        } else {
            ++k;
        }
    }
    for (const auto& c : commands()) {
        if (name == c.name)
            return c.run(rest, ctx);
    }
    if (name == "_supervise")  // internal: the process a queued job runs under
        return cmdSupervise(rest, ctx);
    std::vector<std::string> names;
    for (const auto& c : commands())
        names.emplace_back(c.name);
    std::string hint = didYouMean(name, names);
    err << "cairn: unknown command '" << name << "'" << (hint.empty() ? "" : " (did you mean '" + hint + "'?)")
        << "; 'cairn --help' lists the commands\n";
    return kExitUsage;
}

} // namespace cairn::cli
