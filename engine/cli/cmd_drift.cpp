// cairn drift REF CUR: column-by-column drift with Evidently's default tests, stored as a report
// in the project. Exit 0: the dataset has not drifted; 1: it has; 2: bad usage or input.
#include "engine/analysis/drift_json.h"
#include "engine/cli/args.h"
#include "engine/cli/commands.h"
#include "engine/cli/output.h"
#include "engine/cli/report_cli.h"

#include <cmath>
#include <fstream>
#include <ostream>
#include <sstream>

namespace cairn::cli {
namespace {

std::vector<std::string> splitList(const std::string& s)
{
    std::vector<std::string> out;
    std::stringstream ss(s);
    for (std::string item; std::getline(ss, item, ',');)
        if (!item.empty())
            out.push_back(item);
    return out;
}

} // namespace

int cmdDrift(const std::vector<std::string>& argvIn, Context& ctx)
{
    std::vector<std::string> argv = argvIn;
    for (auto& a : argv)  // the one short option this command takes
        if (a == "-o")
            a = "--output";
    Args args("drift");
    args.positional("REF", "reference data: a CSV file with a header row, or a dataset artifact (NAME, NAME:N, hash)")
        .positional("CUR", "current data with the same columns (CSV file or dataset artifact)")
        .option("columns", "A,B", "compare only these columns (default: every column of REF)")
        .option("spec", "FILE", "YAML: drift_share, threshold, columns: {NAME: {type, test, threshold}}")
        .option("format", "FORMAT", "text (default), json or html")
        .option("output", "FILE", "write the report to FILE (also -o)")
        .option("threads", "N", "worker threads (default: all cores)")
        .option("run", "RUN", "attach the stored report to this run (default inside a job: the job's run)")
        .flag("no-store", "do not store the report in the project")
        .choices("format", {"text", "json", "html"});
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "drift", s.message());
    if (args.helpRequested()) {
        ctx.out << "Compare two datasets column by column with Evidently's default drift tests.\n"
                   "Inside a project the report is stored ('cairn reports' lists them).\n"
                   "Exit 0 when the dataset has not drifted, 1 when it has, 2 on bad input.\n"
                << args.usage();
        return kExitOk;
    }
    analysis::DriftOptions options;
    if (args.has("spec")) {
        auto spec = analysis::loadDriftSpec(args.get("spec"));
        if (!spec) {
            ctx.err << "cairn drift: " << spec.message() << "\n";
            return kExitUsage;
        }
        options = std::move(*spec);
    }
    if (args.has("threads")) {
        try {
            options.threads = static_cast<unsigned>(std::stoul(args.get("threads")));
        } catch (...) {
            return usageError(ctx.err, "drift", "--threads must be a whole number");
        }
    }
    const auto ref = report_cli::resolveData(ctx, "drift", args.positionalValue("REF"));
    if (!ref)
        return kExitUsage;
    const auto cur = report_cli::resolveData(ctx, "drift", args.positionalValue("CUR"));
    if (!cur)
        return kExitUsage;
    auto inputs = analysis::loadDriftInputs(ref->path, cur->path, splitList(args.get("columns")), options);
    if (!inputs) {
        ctx.err << "cairn drift: " << inputs.message() << "\n";
        return kExitUsage;
    }
    auto report = analysis::computeDrift(inputs->ref, inputs->cur, inputs->columns, options);
    if (!report) {
        ctx.err << "cairn drift: " << report.message() << "\n";
        return kExitUsage;
    }
    for (const auto& c : report->columns)
        for (const auto& w : c.warnings)
            ctx.err << "cairn drift: warning: column '" << c.name << "': " << w << "\n";
    std::ofstream file;
    if (args.has("output")) {
        file.open(args.get("output"), std::ios::binary);
        if (!file) {
            ctx.err << "cairn drift: cannot write " << args.get("output") << "\n";
            return kExitUsage;
        }
    }
    std::ostream& out = args.has("output") ? file : ctx.out;
    const std::string format = args.get("format", "text");
    if (format == "json")
        out << analysis::driftJson(*report).dump(2) << "\n";
    else if (format == "html")
        analysis::writeDriftHtml(out, *report, ref->label, cur->label);
    else
        report_cli::writeDriftText(out, *report);
    out.flush();
    StoredReport stored;
    stored.kind = "drift";
    stored.title = ref->label + " vs " + cur->label;
    stored.passed = !report->datasetDrift;
    stored.values = analysis::driftSummary(*report);
    if (int rc = report_cli::storeReport(ctx, "drift", args.get("run"), args.has("no-store"), stored,
                                         analysis::driftBody(*report, ref->label, cur->label));
        rc != kExitOk)
        return rc;
    return report->datasetDrift ? kExitFailure : kExitOk;
}

} // namespace cairn::cli
