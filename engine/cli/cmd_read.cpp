// Read-only commands: runs, show, metrics, experiments.
#include "engine/cli/args.h"
#include "engine/cli/commands.h"
#include "engine/cli/output.h"
#include "engine/core/clock.h"
#include "engine/core/text.h"
#include "engine/store/project.h"
#include "engine/store/store.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <ostream>
#include <set>

using nlohmann::ordered_json;

namespace cairn::cli {
namespace {

// Opens the located project's database for reading; prints the error and returns null on failure.
std::unique_ptr<Store> openForRead(Context& ctx, const std::string& command)
{
    auto project = Project::locate(ctx.projectOption);
    if (!project) {
        ctx.err << "cairn " << command << ": " << project.message() << "\n";
        return nullptr;
    }
    // A writable open migrates an older database; reading never needs the engine.
    auto store = Store::open(project->databasePath(), Store::Mode::ReadWrite);
    if (!store) {
        store = Store::open(project->databasePath(), Store::Mode::ReadOnly);
        if (!store) {
            ctx.err << "cairn " << command << ": " << store.message() << "\n";
            return nullptr;
        }
    }
    return std::move(*store);
}

ordered_json jsonNumber(double v)
{
    if (std::isfinite(v))
        return v;
    return formatDouble(v);  // "nan", "inf", "-inf": JSON has no such numbers
}

std::int64_t durationMs(const Run& r)
{
    if (r.startMs <= 0)
        return -1;
    return (r.endMs > 0 ? r.endMs : nowMs()) - r.startMs;
}

ordered_json runJson(const Run& r)
{
    ordered_json j;
    j["id"] = r.id;
    j["name"] = r.name;
    j["experiment"] = r.experiment;
    j["status"] = std::string(toString(r.status));
    j["start_ms"] = r.startMs;
    j["end_ms"] = r.endMs;
    j["exit_code"] = r.exitCode ? ordered_json(*r.exitCode) : ordered_json(nullptr);
    j["command"] = r.command;
    j["workdir"] = r.workdir;
    j["host"] = r.host;
    j["user"] = r.user;
    j["params"] = r.params;
    j["tags"] = r.tags;
    return j;
}

ordered_json summaryJson(const MetricSummary& s)
{
    return {{"last", jsonNumber(s.last)}, {"step", s.lastStep}, {"min", jsonNumber(s.min)},
            {"max", jsonNumber(s.max)}, {"count", s.count}};
}

} // namespace

int cmdRuns(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("runs");
    args.option("experiment", "NAME", "only runs of this experiment")
        .option("format", "FORMAT", "table (default), json or csv")
        .choices("format", {"table", "json", "csv"});
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "runs", s.message());
    if (args.helpRequested()) {
        ctx.out << "List runs, newest first, with their params and latest metrics.\n" << args.usage();
        return kExitOk;
    }
    auto store = openForRead(ctx, "runs");
    if (!store)
        return kExitUsage;
    RunFilter filter;
    if (args.has("experiment"))
        filter.experiment = args.get("experiment");
    auto runs = store->runs(filter);
    if (!runs) {
        ctx.err << "cairn runs: " << runs.message() << "\n";
        return kExitFailure;
    }
    const std::string format = args.get("format", "table");
    if (format == "json") {
        ordered_json list = ordered_json::array();
        for (const auto& rs : *runs) {
            ordered_json j = runJson(rs.run);
            ordered_json metrics = ordered_json::object();
            for (const auto& [k, s] : rs.metrics)
                metrics[k] = summaryJson(s);
            j["metrics"] = metrics;
            list.push_back(j);
        }
        ctx.out << list.dump(2) << "\n";
        return kExitOk;
    }
    std::set<std::string> paramKeys, metricKeys;
    for (const auto& rs : *runs) {
        for (const auto& [k, v] : rs.run.params)
            paramKeys.insert(k);
        for (const auto& [k, v] : rs.metrics)
            metricKeys.insert(k);
    }
    std::vector<std::string> header = {"id", "name", "experiment", "status", "start", "duration", "exit"};
    for (const auto& k : paramKeys)
        header.push_back("params." + k);
    for (const auto& k : metricKeys)
        header.push_back("metrics." + k);
    auto row = [&](const RunSummary& rs, bool full) {
        const Run& r = rs.run;
        std::vector<std::string> cells = {full ? r.id : r.id.substr(0, 8), r.name, r.experiment, std::string(toString(r.status)),
                                          full ? std::to_string(r.startMs) : formatTimestamp(r.startMs),
                                          full ? std::to_string(durationMs(r)) : formatDuration(durationMs(r)),
                                          r.exitCode ? std::to_string(*r.exitCode) : ""};
        for (const auto& k : paramKeys) {
            auto it = r.params.find(k);
            cells.push_back(it == r.params.end() ? "" : it->second);
        }
        for (const auto& k : metricKeys) {
            auto it = rs.metrics.find(k);
            cells.push_back(it == rs.metrics.end() ? "" : formatDouble(it->second.last));
        }
        return cells;
    };
    if (format == "csv") {
        header[4] = "start_ms";
        header[5] = "duration_ms";
        printCsvRow(ctx.out, header);
        for (const auto& rs : *runs)
            printCsvRow(ctx.out, row(rs, true));
        return kExitOk;
    }
    if (runs->empty()) {
        ctx.out << "no runs yet; start one with 'cairn run -- COMMAND'\n";
        return kExitOk;
    }
    TextTable table(header);
    for (const auto& rs : *runs)
        table.add(row(rs, false));
    table.print(ctx.out);
    return kExitOk;
}

int cmdShow(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("show");
    args.positional("RUN", "run id, unique id prefix or run name")
        .option("format", "FORMAT", "text (default) or json")
        .choices("format", {"text", "json"});
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "show", s.message());
    if (args.helpRequested()) {
        ctx.out << "Show a run: status, command, params, tags and metric summaries.\n" << args.usage();
        return kExitOk;
    }
    auto store = openForRead(ctx, "show");
    if (!store)
        return kExitUsage;
    auto run = store->findRun(args.positionalValue("RUN"));
    if (!run) {
        ctx.err << "cairn show: " << run.message() << "\n";
        return kExitUsage;
    }
    auto summaries = store->metricSummaries(run->id);
    if (!summaries) {
        ctx.err << "cairn show: " << summaries.message() << "\n";
        return kExitFailure;
    }
    if (args.get("format", "text") == "json") {
        ordered_json j = runJson(*run);
        ordered_json metrics = ordered_json::object();
        for (const auto& s : *summaries)
            metrics[s.key] = summaryJson(s);
        j["metrics"] = metrics;
        ctx.out << j.dump(2) << "\n";
        return kExitOk;
    }
    const Run& r = *run;
    ctx.out << "run         " << r.id << "\n"
            << "name        " << r.name << "\n"
            << "experiment  " << r.experiment << "\n"
            << "status      " << toString(r.status) << (r.exitCode ? " (exit " + std::to_string(*r.exitCode) + ")" : "") << "\n"
            << "started     " << formatTimestamp(r.startMs) << "\n"
            << "duration    " << formatDuration(durationMs(r)) << "\n"
            << "command     " << r.command << "\n"
            << "workdir     " << r.workdir << "\n"
            << "host        " << r.user << "@" << r.host << "\n";
    auto pairs = [&](const char* title, const std::map<std::string, std::string>& m) {
        if (m.empty())
            return;
        ctx.out << "\n" << title << "\n";
        TextTable t({"key", "value"});
        for (const auto& [k, v] : m)
            t.add({k, v});
        t.print(ctx.out);
    };
    pairs("params", r.params);
    pairs("tags", r.tags);
    if (!summaries->empty()) {
        ctx.out << "\nmetrics\n";
        TextTable t({"key", "last", "step", "min", "max", "points"});
        for (const auto& s : *summaries)
            t.add({s.key, formatDouble(s.last), std::to_string(s.lastStep), formatDouble(s.min), formatDouble(s.max),
                   std::to_string(s.count)});
        t.print(ctx.out);
    }
    return kExitOk;
}

int cmdMetrics(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("metrics");
    args.positional("RUN", "run id, unique id prefix or run name")
        .option("key", "KEY", "only this metric")
        .option("format", "FORMAT", "csv (default) or json")
        .choices("format", {"csv", "json"});
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "metrics", s.message());
    if (args.helpRequested()) {
        ctx.out << "Print every metric point of a run (csv header: run,key,step,timestamp,value).\n" << args.usage();
        return kExitOk;
    }
    auto store = openForRead(ctx, "metrics");
    if (!store)
        return kExitUsage;
    auto run = store->findRun(args.positionalValue("RUN"));
    if (!run) {
        ctx.err << "cairn metrics: " << run.message() << "\n";
        return kExitUsage;
    }
    const std::string key = args.get("key");
    if (!key.empty()) {
        auto keys = store->metricKeys(run->id);
        if (keys && std::find(keys->begin(), keys->end(), key) == keys->end()) {
            std::string hint = didYouMean(key, *keys);
            ctx.err << "cairn metrics: run " << run->id.substr(0, 8) << " has no metric '" << key << "'"
                    << (hint.empty() ? "" : " (did you mean '" + hint + "'?)") << "\n";
            return kExitUsage;
        }
    }
    auto points = store->metrics(run->id, key);
    if (!points) {
        ctx.err << "cairn metrics: " << points.message() << "\n";
        return kExitFailure;
    }
    if (args.get("format", "csv") == "json") {
        ordered_json list = ordered_json::array();
        for (const auto& p : *points)
            list.push_back({{"key", p.key}, {"step", p.step}, {"timestamp", p.timestampMs}, {"value", jsonNumber(p.value)}});
        ctx.out << list.dump() << "\n";
        return kExitOk;
    }
    std::string buffer = "run,key,step,timestamp,value\n";
    for (const auto& p : *points) {
        buffer += run->id;
        buffer += ',';
        buffer += csvField(p.key);
        buffer += ',' + std::to_string(p.step) + ',' + std::to_string(p.timestampMs) + ',' + formatDouble(p.value) + '\n';
        if (buffer.size() > (1 << 20)) {
            ctx.out << buffer;
            buffer.clear();
        }
    }
    ctx.out << buffer;
    return kExitOk;
}

int cmdExperiments(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("experiments");
    args.option("format", "FORMAT", "table (default), json or csv").choices("format", {"table", "json", "csv"});
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "experiments", s.message());
    if (args.helpRequested()) {
        ctx.out << "List experiments and how many runs each has.\n" << args.usage();
        return kExitOk;
    }
    auto store = openForRead(ctx, "experiments");
    if (!store)
        return kExitUsage;
    auto exps = store->experiments();
    if (!exps) {
        ctx.err << "cairn experiments: " << exps.message() << "\n";
        return kExitFailure;
    }
    const std::string format = args.get("format", "table");
    if (format == "json") {
        ordered_json list = ordered_json::array();
        for (const auto& e : *exps)
            list.push_back({{"name", e.name}, {"runs", e.runCount}, {"created_ms", e.createdMs}});
        ctx.out << list.dump(2) << "\n";
    } else if (format == "csv") {
        printCsvRow(ctx.out, {"name", "runs", "created_ms"});
        for (const auto& e : *exps)
            printCsvRow(ctx.out, {e.name, std::to_string(e.runCount), std::to_string(e.createdMs)});
    } else {
        TextTable t({"experiment", "runs", "created"});
        for (const auto& e : *exps)
            t.add({e.name, std::to_string(e.runCount), formatTimestamp(e.createdMs)});
        t.print(ctx.out);
    }
    return kExitOk;
}

} // namespace cairn::cli
