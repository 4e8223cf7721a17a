// cairn fairness PRED.csv --label COL --pred COL --sensitive COL: group fairness metrics as
// Fairlearn defines them (docs/fairness.md), stored as a report. Exit 0, or 1 when
// --max-difference is given and a difference exceeds it; 2 on bad usage or input.
#include "engine/analysis/fairness_json.h"
#include "engine/cli/args.h"
#include "engine/cli/commands.h"
#include "engine/cli/output.h"
#include "engine/cli/report_cli.h"
#include "engine/core/text.h"

#include <ostream>

namespace cairn::cli {

int cmdFairness(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("fairness");
    args.positional("PRED", "a CSV file (or dataset artifact) with a label, a prediction and a sensitive column")
        .option("label", "COL", "the true label column")
        .option("pred", "COL", "the predicted label column")
        .option("sensitive", "COL", "the sensitive feature: one group per value")
        .option("pos-label", "V", "the positive label (default 1, for 0/1 or -1/1 labels)")
        .option("max-difference", "X", "exit 1 when the demographic parity or equalized odds difference exceeds X")
        .option("format", "FORMAT", "text (default) or json")
        .choices("format", {"text", "json"})
        .option("run", "RUN", "attach the stored report to this run (default inside a job: the job's run)")
        .flag("no-store", "do not store the report in the project");
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "fairness", s.message());
    if (args.helpRequested()) {
        ctx.out << "Per group count, selection rate, accuracy, TPR and FPR, and the demographic parity and\n"
                   "equalized odds differences and ratios, as Fairlearn defines them (docs/fairness.md).\n"
                << args.usage();
        return kExitOk;
    }
    for (const char* required : {"label", "pred", "sensitive"})
        if (!args.has(required))
            return usageError(ctx.err, "fairness", std::string("missing --") + required + " COL");
    std::optional<double> maxDifference;
    if (args.has("max-difference")) {
        try {
            maxDifference = std::stod(args.get("max-difference"));
        } catch (...) {
            return usageError(ctx.err, "fairness", "--max-difference must be a number");
        }
    }
    analysis::FairnessOptions options;
    options.label = args.get("label");
    options.pred = args.get("pred");
    options.sensitive = args.get("sensitive");
    if (args.has("pos-label"))
        options.posLabel = args.get("pos-label");
    const auto data = report_cli::resolveData(ctx, "fairness", args.positionalValue("PRED"));
    if (!data)
        return kExitUsage;
    auto report = analysis::computeFairness(data->path, options);
    if (!report) {
        ctx.err << "cairn fairness: " << report.message() << "\n";
        return kExitUsage;
    }
    report->data = data->label;
    const bool failed = maxDifference && (report->demographicParityDifference > *maxDifference
                                          || report->equalizedOddsDifference > *maxDifference);
    const auto body = analysis::fairnessJson(*report);
    if (args.get("format") == "json")
        ctx.out << body.dump(2) << "\n";
    else
        report_cli::writeFairnessText(ctx.out, *report);
    if (maxDifference && args.get("format") != "json")
        ctx.out << (failed ? "FAILED: " : "ok: ") << "differences " << (failed ? "exceed " : "within ") << formatDouble(*maxDifference) << "\n";
    ctx.out.flush();
    StoredReport stored;
    stored.kind = "fairness";
    stored.title = data->label + " by " + options.sensitive;
    stored.passed = !failed;
    stored.values = analysis::fairnessSummary(*report);
    if (int rc = report_cli::storeReport(ctx, "fairness", args.get("run"), args.has("no-store"), stored, body); rc != kExitOk)
        return rc;
    return failed ? kExitFailure : kExitOk;
}

} // namespace cairn::cli
