// `cairn compare RUN RUN...`: the diff table of analysis/run_compare.h as text, JSON or CSV.
#include "engine/analysis/run_compare.h"
#include "engine/cli/args.h"
#include "engine/cli/commands.h"
#include "engine/cli/output.h"
#include "engine/cli/read_common.h"
#include "engine/core/text.h"

#include <cmath>
#include <ostream>

using nlohmann::ordered_json;

namespace cairn::cli {
namespace {

// Whole numbers as integers (epoch ms and durations read better that way), others exactly.
std::string machineNumber(double v)
{
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9e15)
        return std::to_string(static_cast<long long>(v));
    return formatDouble(v);
}

ordered_json jsonValue(const analysis::CompareRow& row, std::size_t i)
{
    if (!row.values[i])
        return nullptr;
    if (row.numbers.empty())
        return *row.values[i];
    const double v = *row.numbers[i];
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9e15)
        return static_cast<long long>(v);
    return jsonNumber(v);
}

} // namespace

int cmdCompare(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("compare");
    args.positionalList("RUN", "two or more runs: ids, unique id prefixes or names")
        .flag("only-diff", "only the rows whose values differ between the runs")
        .option("format", "FORMAT", "text (default), json or csv")
        .choices("format", {"text", "json", "csv"});
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "compare", s.message());
    if (args.helpRequested()) {
        ctx.out << "Compare runs side by side: attributes, params, tags and metrics (last, min, max);\n"
                   "'*' marks the rows that differ.\n"
                << args.usage();
        return kExitOk;
    }
    const std::vector<std::string> refs = args.all("RUN");
    if (refs.size() < 2)
        return usageError(ctx.err, "compare", "give at least two runs to compare (got " + std::to_string(refs.size()) + ")");
    auto store = openForRead(ctx, "compare");
    if (!store)
        return kExitUsage;
    std::vector<RunSummary> runs;
    for (const auto& ref : refs) {
        auto run = store->findRun(ref);
        if (!run) {
            ctx.err << "cairn compare: " << run.message() << "\n";
            return kExitUsage;
        }
        auto summaries = store->metricSummaries(run->id);
        if (!summaries) {
            ctx.err << "cairn compare: " << summaries.message() << "\n";
            return kExitFailure;
        }
        RunSummary rs{std::move(*run), {}};
        for (auto& s : *summaries)
            rs.metrics[s.key] = s;
        runs.push_back(std::move(rs));
    }
    std::vector<analysis::CompareRow> rows = analysis::compareRuns(runs);
    if (args.has("only-diff"))
        std::erase_if(rows, [](const analysis::CompareRow& r) { return !r.differs; });

    const std::string format = args.get("format", "text");
    if (format == "json") {
        ordered_json out;
        out["runs"] = ordered_json::array();
        for (const auto& rs : runs)
            out["runs"].push_back({{"id", rs.run.id}, {"name", rs.run.name}});
        out["rows"] = ordered_json::array();
        for (const auto& row : rows) {
            ordered_json values = ordered_json::array();
            for (std::size_t i = 0; i < row.values.size(); ++i)
                values.push_back(jsonValue(row, i));
            out["rows"].push_back({{"field", row.field}, {"differs", row.differs}, {"values", values}});
        }
        ctx.out << out.dump(2) << "\n";
        return kExitOk;
    }
    if (format == "csv") {
        std::vector<std::string> header = {"field", "differs"};
        for (const auto& rs : runs)
            header.push_back(rs.run.id);
        printCsvRow(ctx.out, header);
        for (const auto& row : rows) {
            std::vector<std::string> cells = {row.field, row.differs ? "1" : "0"};
            for (std::size_t i = 0; i < row.values.size(); ++i)
                cells.push_back(!row.values[i] ? "" : row.numbers.empty() ? *row.values[i] : machineNumber(*row.numbers[i]));
            printCsvRow(ctx.out, cells);
        }
        return kExitOk;
    }
    if (rows.empty()) {
        ctx.out << "the " << runs.size() << " runs do not differ\n";
        return kExitOk;
    }
    std::vector<std::string> header = {"", "field"};
    for (const auto& rs : runs)
        header.push_back(rs.run.id.substr(0, 8));
    TextTable table(header);
    for (const auto& row : rows) {
        std::vector<std::string> cells = {row.differs ? "*" : "", row.field};
        for (const auto& v : row.values)
            cells.push_back(v ? *v : "-");
        table.add(std::move(cells));
    }
    table.print(ctx.out);
    return kExitOk;
}

} // namespace cairn::cli
