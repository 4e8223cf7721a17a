// Read-only commands: show, metrics, experiments (runs: cmd_runs.cpp).
#include "engine/cli/args.h"
#include "engine/cli/commands.h"
#include "engine/cli/output.h"
#include "engine/cli/read_common.h"
#include "engine/core/clock.h"
#include "engine/core/text.h"
#include "engine/store/project.h"
#include "engine/store/store.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <ostream>

using nlohmann::ordered_json;

namespace cairn::cli {
namespace {

// runs/<id>/env.json, written by the run's supervisor (docs/lineage.md); null when absent.
ordered_json readEnvironment(Context& ctx, const std::string& runId)
{
    auto project = Project::locate(ctx.projectOption);
    if (!project)
        return nullptr;
    std::ifstream in(project->runDir(runId) / "env.json");
    if (!in)
        return nullptr;
    return ordered_json::parse(in, nullptr, false);
}

// The versions a run read and wrote (run_artifacts, docs/lineage.md).
void linkedArtifacts(Store& store, const std::string& runId, std::vector<std::string>& inputs, std::vector<std::string>& outputs)
{
    auto graph = store.lineage(runId, 0, true, true, 1);
    if (!graph)
        return;
    for (const auto& e : graph->edges)
        (e.direction == "input" ? inputs : outputs).push_back(e.direction == "input" ? e.from : e.to);
}

void printEnvironment(std::ostream& out, const ordered_json& env)
{
    if (!env.is_object())
        return;
    out << "\nenvironment\n";
    TextTable t({"key", "value"});
    auto str = [](const ordered_json& j) { return j.is_string() ? j.get<std::string>() : j.dump(); };
    if (env.contains("git")) {
        const auto& g = env["git"];
        t.add({"git.commit", g.value("commit", std::string("-"))});
        if (g.contains("branch"))
            t.add({"git.branch", str(g["branch"])});
        if (g.contains("dirty"))
            t.add({"git.dirty", g["dirty"].get<bool>() ? "yes" : "no"});
        if (g.contains("diff_sha256"))
            t.add({"git.diff_sha256", str(g["diff_sha256"])});
    }
    if (env.contains("os"))
        t.add({"os", env["os"].value("system", std::string()) + " " + env["os"].value("release", std::string()) + " "
                         + env["os"].value("machine", std::string())
                         + (env["os"].contains("distribution") ? " (" + str(env["os"]["distribution"]) + ")" : std::string())});
    if (env.contains("cpu"))
        t.add({"cpu", env["cpu"].value("model", std::string()) + " (" + str(env["cpu"].value("cores", ordered_json(0))) + " cores)"});
    if (env.contains("gpu") && env["gpu"].is_object()) {
        const auto& g = env["gpu"];
        t.add({"gpu.driver", g.value("driver", std::string("-"))});
        if (g.contains("cuda"))
            t.add({"gpu.cuda", str(g["cuda"])});
        for (const auto& d : g.value("devices", ordered_json::array()))
            t.add({"gpu." + str(d.value("index", ordered_json(0))), d.value("name", std::string()) + " " + d.value("uuid", std::string())});
    }
    if (env.contains("python")) {
        const auto& p = env["python"];
        t.add({"python", p.value("version", std::string("?")) + " (" + p.value("executable", std::string()) + ")"});
        if (p.contains("packages"))
            t.add({"python.packages", std::to_string(p["packages"].size()) + " (cairn show --format json lists them)"});
    }
    if (env.contains("env"))
        for (const auto& [k, v] : env["env"].items())
            t.add({"env." + k, str(v)});
    t.print(out);
}

} // namespace

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
        std::vector<std::string> inputs, outputs;
        linkedArtifacts(*store, run->id, inputs, outputs);
        j["inputs"] = inputs;
        j["outputs"] = outputs;
        j["environment"] = readEnvironment(ctx, run->id);
        if (auto job = store->job(run->id); job && !job->message.empty())
            j["message"] = job->message;
        ordered_json history = ordered_json::array();
        for (const auto& e : store->runEvents(run->id).value_or(std::vector<RunEvent>{}))
            history.push_back({{"ts_ms", e.timestampMs}, {"kind", e.kind}, {"text", e.text}});
        j["history"] = history;
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
    std::vector<std::string> inputs, outputs;
    linkedArtifacts(*store, r.id, inputs, outputs);
    if (!inputs.empty() || !outputs.empty()) {
        ctx.out << "\nartifacts\n";
        for (const auto& i : inputs)
            ctx.out << "  input   " << i << "\n";
        for (const auto& o : outputs)
            ctx.out << "  output  " << o << "\n";
    }
    printEnvironment(ctx.out, readEnvironment(ctx, r.id));
    // Why it ended as it did, and (remote jobs) what happened on the way (docs/executors.md).
    if (auto job = store->job(r.id); job && !job->message.empty())
        ctx.out << "\nmessage     " << job->message << "\n";
    if (auto events = store->runEvents(r.id); events && !events->empty()) {
        ctx.out << "\nhistory\n";
        for (const auto& e : *events)
            ctx.out << "  " << formatTimestamp(e.timestampMs) << "  " << e.kind << "  " << e.text << "\n";
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
