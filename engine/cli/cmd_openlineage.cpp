// `cairn openlineage export [RUN...]` and `cairn openlineage import FILE` (docs/openlineage.md):
// runs and their datasets as OpenLineage run events, and other tools' events into the lineage
// graph. Export reads the database directly; import parses here and has the engine write.
#include "engine/cli/args.h"
#include "engine/cli/commands.h"
#include "engine/cli/output.h"
#include "engine/cli/read_common.h"
#include "engine/lineage/openlineage.h"
#include "engine/server/client.h"

#include <fstream>
#include <iostream>
#include <ostream>

namespace cairn::cli {
namespace {

namespace ol = lineage::openlineage;

int exportEvents(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("openlineage export");
    args.positionalList("RUN", "runs to export (id, prefix or name); default: every run")
        .option("namespace", "NS", "the job namespace of Cairn's runs (default: cairn://PROJECT)")
        .option("producer", "URI", "the producer URI the events name (default: Cairn's, with its version)");
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "openlineage export", s.message());
    if (args.helpRequested()) {
        ctx.out << "Write OpenLineage run events (JSON lines, spec 2-0-2) for runs: START when a run started,\n"
                   "then COMPLETE, FAIL or ABORT when it ended, with the artifact versions it read and wrote\n"
                   "as input and output datasets. Queued runs have no events yet.\n"
                << args.usage();
        return kExitOk;
    }
    auto project = Project::locate(ctx.projectOption);
    if (!project) {
        ctx.err << "cairn openlineage export: " << project.message() << "\n";
        return kExitUsage;
    }
    auto store = openForRead(ctx, "openlineage export");
    if (!store)
        return kExitUsage;
    std::vector<std::string> ids;
    for (const auto& ref : args.all("RUN")) {
        auto run = store->findRun(ref);
        if (!run) {
            ctx.err << "cairn openlineage export: " << run.message() << "\n";
            return kExitUsage;
        }
        ids.push_back(run->id);
    }
    if (ids.empty()) {
        RunFilter oldestFirst;
        oldestFirst.descending = false;
        auto runs = store->runs(oldestFirst);
        if (!runs) {
            ctx.err << "cairn openlineage export: " << runs.message() << "\n";
            return kExitFailure;
        }
        for (const auto& r : *runs)
            ids.push_back(r.run.id);
    }
    const std::string projectName = project->config().name.empty() ? project->root().filename().string() : project->config().name;
    ol::ExportOptions options;
    options.projectName = projectName;
    options.jobNamespace = args.get("namespace", "cairn://" + projectName);
    options.cairnVersion = CAIRN_VERSION;
    options.producer = args.get("producer", std::string("https://cairn.invalid/cairn/") + CAIRN_VERSION);
    int events = 0;
    for (const auto& id : ids) {
        auto side = lineage::loadRunSide(*store, *project, id);
        if (!side) {
            ctx.err << "cairn openlineage export: " << side.message() << "\n";
            return kExitFailure;
        }
        for (const auto& e : ol::runEvents(*side, options)) {
            ctx.out << e.dump() << "\n";
            ++events;
        }
    }
    ctx.out.flush();
    ctx.err << "cairn: " << events << " event" << (events == 1 ? "" : "s") << " for " << ids.size() << " run"
            << (ids.size() == 1 ? "" : "s") << "\n";
    return kExitOk;
}

int importEvents(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("openlineage import");
    args.positional("FILE", "OpenLineage events: JSON lines, one JSON event, or a JSON array ('-' reads stdin)")
        .option("format", "FORMAT", "text (default) or json")
        .choices("format", {"text", "json"});
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "openlineage import", s.message());
    if (args.helpRequested()) {
        ctx.out << "Load OpenLineage run events of other tools (Airflow, Spark, dbt, ...) into the lineage graph:\n"
                   "each run becomes a run tagged cairn.source=openlineage (its job's namespace as experiment,\n"
                   "the job's name as run name), each dataset an artifact with no stored bytes, or the version\n"
                   "Cairn stored from the same file. Importing the same events again changes nothing.\n"
                << args.usage();
        return kExitOk;
    }
    auto project = Project::locate(ctx.projectOption);
    if (!project) {
        ctx.err << "cairn openlineage import: " << project.message() << "\n";
        return kExitUsage;
    }
    const std::string file = args.positionalValue("FILE");
    ol::ParsedEvents parsed;
    if (file == "-") {
        parsed = ol::parseEvents(std::cin, "<stdin>");
    } else {
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            ctx.err << "cairn openlineage import: cannot read '" << file << "'\n";
            return kExitUsage;
        }
        parsed = ol::parseEvents(in, file);
    }
    if (!parsed.errors.empty()) {
        for (const auto& e : parsed.errors)
            ctx.err << "cairn openlineage import: " << e << "\n";
        ctx.err << "cairn openlineage import: nothing was imported\n";
        return kExitUsage;
    }
    auto client = server::ensureEngine(*project);
    if (!client) {
        ctx.err << "cairn openlineage import: " << client.message() << "\n";
        return kExitFailure;
    }
    // Requests stay well under the protocol's 1 MiB: a few hundred runs each.
    nlohmann::json totals = {{"runs_created", 0}, {"runs_updated", 0}, {"datasets_created", 0}, {"versions_created", 0},
                             {"linked", 0},       {"matched_stored", 0}, {"skipped", nlohmann::json::array()}};
    std::size_t i = 0;
    while (i < parsed.runs.size()) {
        nlohmann::json batch = nlohmann::json::array();
        std::size_t bytes = 0;
        while (i < parsed.runs.size() && (batch.empty() || bytes < 512 * 1024)) {
            nlohmann::json j = ol::externalRunToJson(parsed.runs[i++]);
            bytes += j.dump().size();
            batch.push_back(std::move(j));
        }
        auto reply = (*client)->call("openlineage.import", {{"runs", batch}});
        if (!reply) {
            ctx.err << "cairn openlineage import: " << reply.message() << "\n";
            return kExitFailure;
        }
        for (const char* k : {"runs_created", "runs_updated", "datasets_created", "versions_created", "linked", "matched_stored"})
            totals[k] = totals[k].get<int>() + reply->value(k, 0);
        for (const auto& s : reply->value("skipped", nlohmann::json::array()))
            totals["skipped"].push_back(s);
    }
    totals["events"] = parsed.runEvents;
    totals["other_events"] = parsed.otherEvents;
    if (args.get("format", "text") == "json") {
        ctx.out << totals.dump(2) << "\n";
        return kExitOk;
    }
    ctx.out << "imported " << parsed.runEvents << " run event" << (parsed.runEvents == 1 ? "" : "s") << " of "
            << parsed.runs.size() << " run" << (parsed.runs.size() == 1 ? "" : "s") << ": " << totals["runs_created"].get<int>()
            << " new, " << totals["runs_updated"].get<int>() << " updated; " << totals["datasets_created"].get<int>()
            << " new dataset" << (totals["datasets_created"].get<int>() == 1 ? "" : "s") << ", " << totals["linked"].get<int>()
            << " new link" << (totals["linked"].get<int>() == 1 ? "" : "s") << " (" << totals["matched_stored"].get<int>()
            << " to versions Cairn stored)\n";
    if (parsed.otherEvents > 0)
        ctx.out << parsed.otherEvents << " dataset or job event" << (parsed.otherEvents == 1 ? "" : "s")
                << " had no run to record and were skipped\n";
    for (const auto& s : totals["skipped"])
        ctx.out << "skipped: " << s.get<std::string>() << "\n";
    return kExitOk;
}

} // namespace

int cmdOpenLineage(const std::vector<std::string>& argv, Context& ctx)
{
    const std::string sub = argv.empty() ? std::string() : argv.front();
    const std::vector<std::string> rest(argv.begin() + (argv.empty() ? 0 : 1), argv.end());
    if (sub == "export")
        return exportEvents(rest, ctx);
    if (sub == "import")
        return importEvents(rest, ctx);
    std::ostream& out = sub == "-h" || sub == "--help" ? ctx.out : ctx.err;
    out << "usage: cairn openlineage export [RUN...] [--namespace NS] [--producer URI] > events.jsonl\n"
           "       cairn openlineage import FILE [--format text|json]\n\n"
           "OpenLineage run events (https://openlineage.io) out of and into the lineage graph. See\n"
           "docs/openlineage.md.\n";
    if (sub == "-h" || sub == "--help")
        return kExitOk;
    if (!sub.empty())
        ctx.err << "cairn openlineage: unknown subcommand '" << sub << "'\n";
    return kExitUsage;
}

} // namespace cairn::cli
