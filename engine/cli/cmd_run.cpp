#include "engine/cli/args.h"
#include "engine/cli/commands.h"
#include "engine/cli/key_values.h"
#include "engine/cli/output.h"
#include "engine/core/text.h"
#include "engine/cli/attached_run.h"

#include <ostream>

namespace cairn::cli {

void printMalformedReport(std::ostream& err, const exec::SupervisorReport& report)
{
    const std::uint64_t count = report.end.malformed;
    if (count == 0)
        return;
    err << "cairn: " << count << " malformed cairn: line" << (count == 1 ? " was" : "s were")
        << " kept in the log but not recorded (grammar: docs/logging.md):\n";
    for (const auto& m : report.malformedSamples)
        err << "  " << m.source << " line " << m.lineNo << ": " << m.error << "\n";
    if (count > report.malformedSamples.size())
        err << "  ... and " << (count - report.malformedSamples.size()) << " more\n";
}

int cmdRun(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("run");
    args.option("name", "NAME", "run name (default: the script's name and a short id)")
        .option("experiment", "NAME", "experiment to file the run under (default: 'default')")
        .repeated("param", "KEY=VALUE", "record a parameter")
        .repeated("tag", "KEY=VALUE", "record a tag")
        .repeated("input", "PATH", "a file or folder the command reads: stored and linked to the run before it starts")
        .repeated("output", "PATH", "a file or folder the command writes: stored and linked after it succeeded")
        .flag("quiet", "do not copy the command's output to this terminal (it is still logged)")
        .passthrough("COMMAND [ARGS...]", true);
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "run", s.message());
    if (args.helpRequested()) {
        ctx.out << "Run a command as a tracked run. Its output is logged under runs/<id>/ and its\n"
                   "'cairn:metric' lines and $CAIRN_METRICS_FILE JSON lines are recorded (docs/logging.md).\n"
                   "Exits with the command's exit code.\n"
                << args.usage();
        return kExitOk;
    }
    auto params = parseKeyValues(args.all("param"), "--param");
    if (!params)
        return usageError(ctx.err, "run", params.message());
    auto tags = parseKeyValues(args.all("tag"), "--tag");
    if (!tags)
        return usageError(ctx.err, "run", tags.message());
    auto project = Project::locate(ctx.projectOption);
    if (!project) {
        ctx.err << "cairn run: " << project.message() << "\n";
        return kExitUsage;
    }
    AttachedRequest request;
    request.name = args.get("name");
    request.experiment = args.get("experiment");
    request.params = *params;
    request.tags = *tags;
    request.argv = args.rest();
    request.tee = !args.has("quiet");
    request.inputs = args.all("input");
    request.outputs = args.all("output");
    ctx.out.flush();
    auto result = runAttached(*project, request);
    if (!result) {
        ctx.err << "cairn run: " << result.message() << "\n";
        return kExitFailure;
    }
    const exec::SupervisorReport& report = result->report;
    if (!report.startError.empty())
        ctx.err << "cairn run: " << report.startError << "\n";
    printMalformedReport(ctx.err, report);
    if (!report.journalError.empty())
        ctx.err << "cairn run: recording failed: " << report.journalError
                << "\n  (the full output is still in runs/" << result->runId << "/stdout.log)\n";
    for (const auto& e : result->lineage.errors)
        ctx.err << "cairn run: not recorded: " << e << "\n";
    for (const auto& w : result->lineage.warnings)
        ctx.err << "cairn run: " << w << "\n";
    for (const auto& r : result->lineage.recorded)
        ctx.err << "cairn: " << r.direction << " " << r.label << " (" << r.hash.substr(0, 12) << ")\n";
    if (!result->waitError.empty())
        ctx.err << "cairn run: the engine has not confirmed the run's end (" << result->waitError
                << "); its journal is kept and the next engine will record it\n";
    ctx.err << "cairn: run " << result->runId.substr(0, 8) << " " << toString(result->status) << " (exit "
            << report.end.exitCode << "), " << report.points << " metric points; 'cairn show " << result->runId.substr(0, 8)
            << "' for details\n";
    return report.end.exitCode;
}

} // namespace cairn::cli
