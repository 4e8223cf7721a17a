#include "engine/cli/read_common.h"

#include "engine/core/clock.h"
#include "engine/core/text.h"
#include "engine/store/project.h"

#include <cmath>
#include <ostream>

using nlohmann::ordered_json;

namespace cairn::cli {

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

int searchErrorExit(Context& ctx, const std::string& command, const std::string& option, const std::string& text,
                    const query::SearchError& error)
{
    std::string shown = text;
    for (char& c : shown)
        if (c == '\n' || c == '\r' || c == '\t')
            c = ' ';  // one character each, so the caret stays under its column
    ctx.err << "cairn " << command << ": bad " << option << "\n"
            << "  " << shown << "\n"
            << "  " << std::string(static_cast<std::size_t>(std::max(0, error.column - 1)), ' ') << "^\n"
            << "  " << error.text() << "\n";
    return kExitUsage;
}

} // namespace cairn::cli
