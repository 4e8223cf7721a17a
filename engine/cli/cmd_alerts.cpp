// `cairn alerts [--rules] [--limit N] [--format text|json]`: the alerts the engine fired from the
// rules in cairn.yaml (docs/alerts.md), newest first; --rules lists the rules themselves.
#include "engine/cli/args.h"
#include "engine/cli/commands.h"
#include "engine/cli/output.h"
#include "engine/cli/read_common.h"
#include "engine/core/text.h"
#include "engine/store/project.h"

#include <cmath>
#include <ostream>

using nlohmann::ordered_json;

namespace cairn::cli {

int cmdAlerts(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("alerts");
    args.flag("rules", "list the rules in cairn.yaml instead of the fired alerts")
        .option("limit", "N", "at most N alerts, newest first")
        .option("format", "FORMAT", "text (default) or json")
        .choices("format", {"text", "json"});
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "alerts", s.message());
    if (args.helpRequested()) {
        ctx.out << "List the alerts the engine fired from the 'alerts:' rules in cairn.yaml (see docs/alerts.md).\n"
                << args.usage();
        return kExitOk;
    }
    const bool json = args.get("format") == "json";
    if (args.has("rules")) {
        auto project = Project::locate(ctx.projectOption);
        if (!project) {
            ctx.err << "cairn alerts: " << project.message() << "\n";
            return kExitUsage;
        }
        const auto& rules = project->config().alerts;
        const char* kinds[] = {"metric", "report", "stale"};
        if (json) {
            ordered_json out = ordered_json::array();
            for (const auto& r : rules)
                out.push_back({{"name", r.name}, {"kind", kinds[int(r.kind)]}, {"condition", describe(r)}, {"line", r.line}});
            ctx.out << out.dump(2) << "\n";
            return kExitOk;
        }
        if (rules.empty()) {
            ctx.out << "no alert rules in " << project->configPath().string() << " (see docs/alerts.md)\n";
            return kExitOk;
        }
        TextTable t({"name", "kind", "condition", "line"});
        for (const auto& r : rules)
            t.add({r.name, kinds[int(r.kind)], describe(r), std::to_string(r.line)});
        t.print(ctx.out);
        return kExitOk;
    }
    int limit = 0;
    if (args.has("limit")) {
        try {
            limit = std::stoi(args.get("limit"));
        } catch (...) {
            return usageError(ctx.err, "alerts", "--limit must be a whole number");
        }
    }
    auto store = openForRead(ctx, "alerts");
    if (!store)
        return kExitUsage;
    auto alerts = store->alerts(limit);
    if (!alerts) {
        ctx.err << "cairn alerts: " << alerts.message() << "\n";
        return kExitFailure;
    }
    if (json) {
        ordered_json out = ordered_json::array();
        for (const auto& a : *alerts)
            out.push_back({{"id", a.id},
                           {"rule", a.rule},
                           {"condition", a.condition},
                           {"run", a.runId.empty() ? ordered_json(nullptr) : ordered_json(a.runId)},
                           {"report", a.reportId ? ordered_json(a.reportId) : ordered_json(nullptr)},
                           {"value", std::isfinite(a.value) ? ordered_json(a.value) : ordered_json(nullptr)},
                           {"message", a.message},
                           {"fired_ms", a.firedMs}});
        ctx.out << out.dump(2) << "\n";
        return kExitOk;
    }
    if (alerts->empty()) {
        ctx.out << "no alerts fired\n";
        return kExitOk;
    }
    TextTable t({"id", "fired", "rule", "run", "message"});
    for (const auto& a : *alerts)
        t.add({std::to_string(a.id), formatTimestamp(a.firedMs), a.rule, a.runId.empty() ? "-" : a.runName + " (" + a.runId.substr(0, 8) + ")",
               a.message});
    t.print(ctx.out);
    return kExitOk;
}

} // namespace cairn::cli
