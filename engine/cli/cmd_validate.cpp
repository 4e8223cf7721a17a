// cairn validate DATA --expect FILE: checks a CSV file (or dataset artifact) against YAML
// expectations (docs/validation.md), stored as a report. Exit 0 when every expectation holds,
// 1 when any fails, 2 on bad usage or input.
#include "engine/analysis/validation_json.h"
#include "engine/cli/args.h"
#include "engine/cli/commands.h"
#include "engine/cli/output.h"
#include "engine/cli/report_cli.h"

#include <ostream>

namespace cairn::cli {

int cmdValidate(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("validate");
    args.positional("DATA", "a CSV file with a header row, or a dataset artifact (NAME, NAME:N, hash)")
        .option("expect", "FILE", "the expectations (YAML: columns: {NAME: {not_null, unique, type, min, max, allowed, regex, mean}}, rows)")
        .option("format", "FORMAT", "text (default) or json")
        .choices("format", {"text", "json"})
        .option("examples", "N", "offending rows shown per expectation (default 5)")
        .option("run", "RUN", "attach the stored report to this run (default inside a job: the job's run)")
        .flag("no-store", "do not store the report in the project");
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "validate", s.message());
    if (args.helpRequested()) {
        ctx.out << "Check a dataset against expectations written in YAML (see docs/validation.md).\n"
                   "Inside a project the report is stored ('cairn reports' lists them).\n"
                   "Exit 0 when every expectation holds, 1 when any fails, 2 on bad input.\n"
                << args.usage();
        return kExitOk;
    }
    if (!args.has("expect"))
        return usageError(ctx.err, "validate", "missing --expect FILE (the expectations in YAML)");
    analysis::ValidateOptions options;
    if (args.has("examples")) {
        try {
            options.maxExamples = std::stoul(args.get("examples"));
        } catch (...) {
            return usageError(ctx.err, "validate", "--examples must be a whole number");
        }
    }
    auto expectations = analysis::loadExpectations(args.get("expect"));
    if (!expectations) {
        ctx.err << "cairn validate: " << expectations.message() << "\n";
        return kExitUsage;
    }
    const auto data = report_cli::resolveData(ctx, "validate", args.positionalValue("DATA"));
    if (!data)
        return kExitUsage;
    auto report = analysis::validateCsv(data->path, *expectations, options);
    if (!report) {
        ctx.err << "cairn validate: " << report.message() << "\n";
        return kExitUsage;
    }
    report->data = data->label;
    const auto body = analysis::validationJson(*report, args.get("expect"));
    if (args.get("format") == "json")
        ctx.out << body.dump(2) << "\n";
    else
        report_cli::writeValidationText(ctx.out, *report);
    ctx.out.flush();
    StoredReport stored;
    stored.kind = "validation";
    stored.title = data->label + " against " + args.get("expect");
    stored.passed = report->passed();
    stored.values = analysis::validationSummary(*report);
    if (int rc = report_cli::storeReport(ctx, "validate", args.get("run"), args.has("no-store"), stored, body); rc != kExitOk)
        return rc;
    return report->passed() ? kExitOk : kExitFailure;
}

} // namespace cairn::cli
