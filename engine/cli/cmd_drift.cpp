// cairn drift REF.csv CUR.csv: column-by-column drift with Evidently's default tests.
// Exit 0: the dataset has not drifted; 1: it has; 2: bad usage or input.
#include "engine/analysis/drift.h"
#include "engine/cli/args.h"
#include "engine/cli/commands.h"
#include "engine/cli/output.h"
#include "engine/core/text.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <ostream>
#include <sstream>

using nlohmann::ordered_json;

namespace cairn::cli {

void writeDriftHtml(std::ostream& out, const analysis::DriftReport& report, const std::string& refPath,
                    const std::string& curPath);

namespace {

ordered_json score(double v) { return std::isfinite(v) ? ordered_json(v) : ordered_json(nullptr); }

ordered_json reportJson(const analysis::DriftReport& r)
{
    ordered_json cols = ordered_json::array();
    for (const auto& c : r.columns)
        cols.push_back({{"name", c.name}, {"type", analysis::toString(c.type)}, {"test", analysis::testName(c.test)},
                        {"score", score(c.score)}, {"threshold", c.threshold}, {"drifted", c.drifted},
                        {"ref_rows", c.refRows}, {"cur_rows", c.curRows}});
    return {{"columns", cols}, {"drifted_columns", r.driftedColumns}, {"share", r.share}, {"dataset_drift", r.datasetDrift}};
}

void writeText(std::ostream& out, const analysis::DriftReport& r)
{
    TextTable t({"column", "type", "test", "score", "threshold", "drift", "ref", "cur"});
    for (const auto& c : r.columns) {
        char s[32];
        std::snprintf(s, sizeof s, "%.6g", c.score);
        t.add({c.name, analysis::toString(c.type), analysis::testName(c.test), s, formatDouble(c.threshold),
               c.drifted ? "DRIFT" : "-", std::to_string(c.refRows), std::to_string(c.curRows)});
    }
    t.print(out);
    char share[32];
    std::snprintf(share, sizeof share, "%.1f%%", r.share * 100);
    out << "\n" << r.driftedColumns << " of " << r.columns.size() << " columns drifted (" << share << "); dataset "
        << (r.datasetDrift ? "DRIFTED" : "not drifted") << " (threshold: share >= " << formatDouble(r.driftShare) << ")\n";
}

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
    args.positional("REF", "reference data (CSV with a header row)")
        .positional("CUR", "current data (CSV with the same columns)")
        .option("columns", "A,B", "compare only these columns (default: every column of REF)")
        .option("spec", "FILE", "YAML: drift_share, threshold, columns: {NAME: {type, test, threshold}}")
        .option("format", "FORMAT", "text (default), json or html")
        .option("output", "FILE", "write the report to FILE (also -o)")
        .option("threads", "N", "worker threads (default: all cores)")
        .choices("format", {"text", "json", "html"});
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "drift", s.message());
    if (args.helpRequested()) {
        ctx.out << "Compare two datasets column by column with Evidently's default drift tests.\n"
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
    const std::string refPath = args.positionalValue("REF"), curPath = args.positionalValue("CUR");
    auto inputs = analysis::loadDriftInputs(refPath, curPath, splitList(args.get("columns")), options);
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
        out << reportJson(*report).dump(2) << "\n";
    else if (format == "html")
        writeDriftHtml(out, *report, refPath, curPath);
    else
        writeText(out, *report);
    return report->datasetDrift ? kExitFailure : kExitOk;
}

} // namespace cairn::cli
