// The cairn command table. Each command group lives in its own cmd_*.cpp file.
// Exit codes: 0 ok, 1 failure (e.g. a failed gate, a failed run), 2 bad usage or input.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace cairn::cli {

enum ExitCode : int { kExitOk = 0, kExitFailure = 1, kExitUsage = 2 };

struct Context {
    std::string projectOption;  // global --project DIR, empty when not given
    std::ostream& out;
    std::ostream& err;
};

using CommandFn = int (*)(const std::vector<std::string>& args, Context& ctx);

struct Command {
    const char* name;
    const char* summary;
    CommandFn run;
};

const std::vector<Command>& commands();

// Entry point shared by main() and in-process tests.
int runCli(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err);

int cmdInit(const std::vector<std::string>& args, Context& ctx);
int cmdRun(const std::vector<std::string>& args, Context& ctx);
int cmdRuns(const std::vector<std::string>& args, Context& ctx);
int cmdShow(const std::vector<std::string>& args, Context& ctx);
int cmdMetrics(const std::vector<std::string>& args, Context& ctx);
int cmdExperiments(const std::vector<std::string>& args, Context& ctx);
int cmdCompare(const std::vector<std::string>& args, Context& ctx);
int cmdDemo(const std::vector<std::string>& args, Context& ctx);
int cmdGpus(const std::vector<std::string>& args, Context& ctx);
int cmdDrift(const std::vector<std::string>& args, Context& ctx);
int cmdEngine(const std::vector<std::string>& args, Context& ctx);
int cmdSupervise(const std::vector<std::string>& args, Context& ctx);
int cmdSubmit(const std::vector<std::string>& args, Context& ctx);
int cmdQueue(const std::vector<std::string>& args, Context& ctx);
int cmdCancel(const std::vector<std::string>& args, Context& ctx);
int cmdWait(const std::vector<std::string>& args, Context& ctx);
int cmdLogs(const std::vector<std::string>& args, Context& ctx);
int cmdPipeline(const std::vector<std::string>& args, Context& ctx);
int cmdArtifact(const std::vector<std::string>& args, Context& ctx);
int cmdLineage(const std::vector<std::string>& args, Context& ctx);
int cmdModel(const std::vector<std::string>& args, Context& ctx);
int cmdGate(const std::vector<std::string>& args, Context& ctx);
int cmdAudit(const std::vector<std::string>& args, Context& ctx);
int cmdCard(const std::vector<std::string>& args, Context& ctx);
int cmdReproduce(const std::vector<std::string>& args, Context& ctx);
int cmdOpenLineage(const std::vector<std::string>& args, Context& ctx);
int cmdReports(const std::vector<std::string>& args, Context& ctx);
int cmdValidate(const std::vector<std::string>& args, Context& ctx);
int cmdFairness(const std::vector<std::string>& args, Context& ctx);
int cmdAlerts(const std::vector<std::string>& args, Context& ctx);
int cmdExecutors(const std::vector<std::string>& args, Context& ctx);

} // namespace cairn::cli
