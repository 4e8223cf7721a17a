// `cairn reports [--run RUN] [--kind K]` and `cairn reports show ID`: the drift, validation and
// fairness reports stored in the project (docs/drift.md "Reports in the project").
#include "engine/analysis/drift_json.h"
#include "engine/cli/args.h"
#include "engine/cli/commands.h"
#include "engine/cli/output.h"
#include "engine/cli/read_common.h"
#include "engine/cli/report_cli.h"
#include "engine/core/text.h"

#include <fstream>
#include <ostream>

using nlohmann::ordered_json;

namespace cairn::cli {
namespace {

// One line per kind: "share 0.33 (1 of 3 columns)", "2 of 9 expectations failed"...
std::string summaryText(const StoredReport& r)
{
    auto v = [&](const char* k) {
        auto it = r.values.find(k);
        return it == r.values.end() ? std::nan("") : it->second;
    };
    auto n = [&](const char* k) { return std::to_string(static_cast<long long>(v(k))); };
    if (r.kind == "drift")
        return "share " + formatDouble(std::round(v("share") * 1000) / 1000) + " (" + n("drifted_columns") + " of " + n("columns")
               + " columns drifted)";
    if (r.kind == "validation")
        return n("failed") + " of " + n("expectations") + " expectations failed";
    if (r.kind == "fairness")
        return "demographic parity diff " + formatDouble(std::round(v("demographic_parity_difference") * 1e4) / 1e4)
               + ", equalized odds diff " + formatDouble(std::round(v("equalized_odds_difference") * 1e4) / 1e4);
    return {};
}

std::string verdict(const StoredReport& r)
{
    if (r.kind == "drift")
        return r.passed ? "no drift" : "DRIFTED";
    if (r.kind == "validation")
        return r.passed ? "passed" : "FAILED";
    return r.passed ? "ok" : "FAILED";
}

ordered_json listJson(const StoredReport& r)
{
    ordered_json values = ordered_json::object();
    for (const auto& [k, x] : r.values)
        values[k] = jsonNumber(x);
    return {{"id", r.id},
            {"kind", r.kind},
            {"run", r.runId.empty() ? ordered_json(nullptr) : ordered_json(r.runId)},
            {"run_name", r.runName.empty() ? ordered_json(nullptr) : ordered_json(r.runName)},
            {"created_ms", r.createdMs},
            {"title", r.title},
            {"passed", r.passed},
            {"values", values}};
}

int listCmd(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("reports");
    args.option("run", "RUN", "only reports attached to this run")
        .option("kind", "KIND", "drift, validation or fairness")
        .choices("kind", {"drift", "validation", "fairness"})
        .option("limit", "N", "at most N reports, newest first")
        .option("format", "FORMAT", "text (default) or json")
        .choices("format", {"text", "json"});
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "reports", s.message());
    if (args.helpRequested()) {
        ctx.out << "List the drift, validation and fairness reports stored in the project, newest first.\n"
                   "'cairn reports show ID' prints one.\n"
                << args.usage();
        return kExitOk;
    }
    auto store = openForRead(ctx, "reports");
    if (!store)
        return kExitUsage;
    ReportFilter filter;
    filter.kind = args.get("kind");
    if (args.has("limit")) {
        try {
            filter.limit = std::stoi(args.get("limit"));
        } catch (...) {
            return usageError(ctx.err, "reports", "--limit must be a whole number");
        }
    }
    if (args.has("run")) {
        auto run = store->findRun(args.get("run"));
        if (!run)
            return usageError(ctx.err, "reports", run.message());
        filter.runId = run->id;
    }
    auto list = store->reports(filter);
    if (!list) {
        ctx.err << "cairn reports: " << list.message() << "\n";
        return kExitFailure;
    }
    if (args.get("format") == "json") {
        ordered_json out = ordered_json::array();
        for (const auto& r : *list)
            out.push_back(listJson(r));
        ctx.out << out.dump(2) << "\n";
        return kExitOk;
    }
    if (list->empty()) {
        ctx.out << "no reports" << (filter.kind.empty() ? "" : " of kind " + filter.kind)
                << (filter.runId.empty() ? "" : " for run " + filter.runId.substr(0, 8))
                << " (cairn drift, cairn validate and cairn fairness store them)\n";
        return kExitOk;
    }
    TextTable t({"id", "kind", "created", "run", "result", "summary", "data"});
    for (const auto& r : *list)
        t.add({std::to_string(r.id), r.kind, formatTimestamp(r.createdMs), r.runId.empty() ? "-" : r.runName + " (" + r.runId.substr(0, 8) + ")",
               verdict(r), summaryText(r), r.title});
    t.print(ctx.out);
    return kExitOk;
}

int showCmd(const std::vector<std::string>& argvIn, Context& ctx)
{
    std::vector<std::string> argv = argvIn;
    for (auto& a : argv)
        if (a == "-o")
            a = "--output";
    Args args("reports show");
    args.positional("ID", "a report id from 'cairn reports'")
        .option("format", "FORMAT", "text (default), json or html")
        .choices("format", {"text", "json", "html"})
        .option("output", "FILE", "write to FILE (also -o)");
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "reports show", s.message());
    if (args.helpRequested()) {
        ctx.out << "Print one stored report: as text, as the JSON it was stored with, or as an HTML page.\n" << args.usage();
        return kExitOk;
    }
    std::int64_t id = 0;
    try {
        std::size_t used = 0;
        id = std::stoll(args.positionalValue("ID"), &used);
        if (used != args.positionalValue("ID").size() || id <= 0)
            throw std::invalid_argument("id");
    } catch (...) {
        return usageError(ctx.err, "reports show", "ID must be a report number, not '" + args.positionalValue("ID") + "'");
    }
    auto store = openForRead(ctx, "reports show");
    if (!store)
        return kExitUsage;
    auto report = store->report(id);
    if (!report)
        return usageError(ctx.err, "reports show", report.message());
    std::ofstream file;
    if (args.has("output")) {
        file.open(args.get("output"), std::ios::binary);
        if (!file) {
            ctx.err << "cairn reports show: cannot write " << args.get("output") << "\n";
            return kExitUsage;
        }
    }
    std::ostream& out = args.has("output") ? file : ctx.out;
    auto body = nlohmann::json::parse(report->body, nullptr, false);
    if (body.is_discarded()) {
        ctx.err << "cairn reports show: report " << id << " is damaged (its JSON does not parse)\n";
        return kExitFailure;
    }
    const std::string format = args.get("format", "text");
    if (format == "json") {
        ordered_json j = listJson(*report);
        j["report"] = ordered_json::parse(report->body);
        out << j.dump(2) << "\n";
        return kExitOk;
    }
    auto shown = report_cli::renderReport(out, report->kind, body, format);
    if (!shown) {
        ctx.err << "cairn reports show: report " << id << ": " << shown.message() << "\n";
        return kExitFailure;
    }
    if (format == "text") {
        out << "\nreport " << report->id << " (" << report->kind << "), " << formatTimestamp(report->createdMs);
        if (!report->runId.empty())
            out << ", run " << report->runName << " (" << report->runId.substr(0, 8) << ")";
        out << ": " << report->title << "\n";
    }
    return kExitOk;
}

} // namespace

int cmdReports(const std::vector<std::string>& argv, Context& ctx)
{
    if (!argv.empty() && argv.front() == "show")
        return showCmd({argv.begin() + 1, argv.end()}, ctx);
    return listCmd(argv, ctx);
}

} // namespace cairn::cli
