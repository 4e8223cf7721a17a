// `cairn runs`: list runs, filtered, sorted and paged in the store (docs/search.md), with the
// default columns (attributes, every param, every metric's last value) or the --columns asked for.
#include "engine/cli/args.h"
#include "engine/cli/commands.h"
#include "engine/cli/output.h"
#include "engine/cli/read_common.h"
#include "engine/core/text.h"
#include "engine/query/filter_text.h"
#include "engine/query/search_parser.h"
#include "engine/store/project.h"
#include "engine/store/saved_views.h"

#include <charconv>
#include <cmath>
#include <ostream>
#include <set>

using nlohmann::ordered_json;

namespace cairn::cli {
namespace {

using query::Attribute;
using query::Field;
using query::FieldKind;

// Splits --columns at commas outside backquotes (a backquoted key may hold a comma).
std::vector<std::string> splitColumns(const std::string& text)
{
    std::vector<std::string> out;
    std::string cur;
    bool quoted = false;
    for (char c : text) {
        if (c == '`')
            quoted = !quoted;
        if (c == ',' && !quoted) {
            out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    out.push_back(cur);
    for (auto& s : out) {
        s.erase(0, s.find_first_not_of(' '));
        s.erase(s.find_last_not_of(' ') + 1);
    }
    return out;
}

bool parseCount(const std::string& text, std::int64_t& out)
{
    auto res = std::from_chars(text.data(), text.data() + text.size(), out);
    return res.ec == std::errc() && res.ptr == text.data() + text.size() && out >= 0;
}

bool isAttribute(const Field& f, Attribute a) { return f.kind == FieldKind::Attribute && f.attribute == a; }

// The header of a column in CSV and JSON (epoch and duration columns say their unit).
std::string machineName(const Field& f)
{
    if (isAttribute(f, Attribute::Start))
        return "start_ms";
    if (isAttribute(f, Attribute::Duration))
        return "duration_ms";
    return query::fieldText(f);
}

const MetricSummary* metricOf(const RunSummary& rs, const Field& f)
{
    auto it = rs.metrics.find(f.key);
    return it == rs.metrics.end() ? nullptr : &it->second;
}

double statOf(const MetricSummary& m, query::MetricStat stat)
{
    switch (stat) {
    case query::MetricStat::Min: return m.min;
    case query::MetricStat::Max: return m.max;
    case query::MetricStat::Count: return static_cast<double>(m.count);
    case query::MetricStat::Last: break;
    }
    return m.last;
}

// One cell as JSON: strings, numbers, or null when the run lacks it.
ordered_json jsonCell(const RunSummary& rs, const Field& f)
{
    const Run& r = rs.run;
    if (f.kind == FieldKind::Metric) {
        const MetricSummary* m = metricOf(rs, f);
        if (!m)
            return nullptr;
        if (f.stat == query::MetricStat::Count)
            return m->count;
        return jsonNumber(statOf(*m, f.stat));
    }
    if (f.kind == FieldKind::Param || f.kind == FieldKind::Tag) {
        const auto& map = f.kind == FieldKind::Param ? r.params : r.tags;
        auto it = map.find(f.key);
        return it == map.end() ? ordered_json(nullptr) : ordered_json(it->second);
    }
    switch (f.attribute) {
    case Attribute::Id: return r.id;
    case Attribute::Name: return r.name;
    case Attribute::Experiment: return r.experiment;
    case Attribute::Status: return std::string(toString(r.status));
    case Attribute::User: return r.user;
    case Attribute::Host: return r.host;
    case Attribute::Command: return r.command;
    case Attribute::ExitCode: return r.exitCode ? ordered_json(*r.exitCode) : ordered_json(nullptr);
    case Attribute::Start: return r.startMs > 0 ? ordered_json(r.startMs) : ordered_json(nullptr);
    case Attribute::Duration: return durationMs(r) >= 0 ? ordered_json(durationMs(r)) : ordered_json(nullptr);
    }
    return nullptr;
}

// One cell as text: for people (`full` false: short id, local time, 1m30s) or for CSV.
std::string textCell(const RunSummary& rs, const Field& f, bool full)
{
    const Run& r = rs.run;
    if (!full && isAttribute(f, Attribute::Id))
        return r.id.substr(0, 8);
    if (!full && isAttribute(f, Attribute::Start))
        return formatTimestamp(r.startMs);
    if (!full && isAttribute(f, Attribute::Duration))
        return formatDuration(durationMs(r));
    ordered_json j = jsonCell(rs, f);
    if (j.is_null())
        return "";
    if (j.is_string())
        return j.get<std::string>();
    if (j.is_number_integer())
        return std::to_string(j.get<std::int64_t>());
    return formatDouble(j.get<double>());
}

// The listing as it always was: attributes, every param, every metric's last value.
int printDefault(Context& ctx, const std::vector<RunSummary>& runs, const std::string& format)
{
    if (format == "json") {
        ordered_json list = ordered_json::array();
        for (const auto& rs : runs) {
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
    for (const auto& rs : runs) {
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
    const bool csv = format == "csv";
    if (csv) {
        header[4] = "start_ms";
        header[5] = "duration_ms";
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& rs : runs)
        rows.push_back(row(rs, csv));
    printRows(ctx.out, csv, header, rows);
    return kExitOk;
}

int printColumns(Context& ctx, const std::vector<RunSummary>& runs, const std::vector<Field>& columns,
                 const std::string& format)
{
    if (format == "json") {
        ordered_json list = ordered_json::array();
        for (const auto& rs : runs) {
            ordered_json j = ordered_json::object();
            for (const auto& f : columns)
                j[machineName(f)] = jsonCell(rs, f);
            list.push_back(j);
        }
        ctx.out << list.dump(2) << "\n";
        return kExitOk;
    }
    std::vector<std::string> header;
    for (const auto& f : columns)
        header.push_back(format == "csv" ? machineName(f) : query::fieldText(f));
    auto row = [&](const RunSummary& rs, bool full) {
        std::vector<std::string> cells;
        for (const auto& f : columns)
            cells.push_back(textCell(rs, f, full));
        return cells;
    };
    std::vector<std::vector<std::string>> rows;
    for (const auto& rs : runs)
        rows.push_back(row(rs, format == "csv"));
    printRows(ctx.out, format == "csv", header, rows);
    return kExitOk;
}

// `cairn runs --views`: the project's saved views (.cairn/views.json).
int printViews(Context& ctx, const ViewsFile& views, const std::string& format)
{
    if (format == "json") {
        ordered_json list = ordered_json::array();
        for (const SavedView& v : views.views)
            list.push_back({{"name", v.name}, {"filter", v.filter}, {"columns", v.columns}, {"sort", v.sort},
                            {"ascending", v.ascending}, {"group_by", v.groupBy}});
        ctx.out << list.dump(2) << "\n";
        return kExitOk;
    }
    if (views.views.empty() && format == "table") {
        ctx.out << "no saved views yet; save one in the workbench's runs table (Views > Save View...)\n";
        return kExitOk;
    }
    std::vector<std::vector<std::string>> rows;
    for (const SavedView& v : views.views) {
        std::string columns;
        for (const auto& c : v.columns)
            columns += (columns.empty() ? "" : ",") + c;
        std::string sort = v.sort.empty() ? "start" : v.sort;
        rows.push_back({v.name, v.filter, sort + (v.ascending ? " (asc)" : ""), columns, v.groupBy});
    }
    printRows(ctx.out, format == "csv", {"name", "filter", "sort", "columns", "group_by"}, rows);
    return kExitOk;
}

} // namespace

int cmdRuns(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("runs");
    args.option("experiment", "NAME", "only runs of this experiment")
        .option("filter", "EXPR", "only runs matching EXPR, e.g. \"metrics.acc > 0.9 and params.lr = 0.01\" (docs/search.md)")
        .option("sort", "KEY", "sort by a field: start (default), name, duration, metrics.acc, params.lr, ...")
        .flag("asc", "sort ascending (default: descending); runs lacking the key come last either way")
        .option("columns", "LIST", "the columns to show, e.g. name,status,params.lr,metrics.acc,min(metrics.loss)")
        .option("limit", "N", "show at most N runs")
        .option("offset", "N", "skip the first N runs")
        .option("view", "NAME", "a saved view's filter, sort and columns (--filter narrows it, --sort and --columns replace its own)")
        .flag("views", "list the saved views (.cairn/views.json) and exit")
        .option("format", "FORMAT", "table (default), json or csv")
        .choices("format", {"table", "json", "csv"});
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "runs", s.message());
    if (args.helpRequested()) {
        ctx.out << "List runs, newest first, with their params and latest metrics.\n" << args.usage();
        return kExitOk;
    }
    // A saved view gives the defaults that the options below narrow or replace.
    std::optional<SavedView> view;
    if (args.has("view") || args.has("views")) {
        auto project = Project::locate(ctx.projectOption);
        if (!project) {
            ctx.err << "cairn runs: " << project.message() << "\n";
            return kExitUsage;
        }
        auto views = loadViews(viewsFilePath(project->root()));
        if (!views) {
            ctx.err << "cairn runs: " << views.message() << "\n";
            return kExitUsage;
        }
        if (args.has("views"))
            return printViews(ctx, *views, args.get("format", "table"));
        const std::string name = args.get("view");
        const SavedView* found = findView(*views, name);
        if (!found) {
            std::string message = "no saved view '" + name + "'";
            if (std::string guess = didYouMean(name, viewNames(*views)); !guess.empty())
                message += " (did you mean '" + guess + "'?)";
            message += views->views.empty() ? "; this project has no saved views" : "; 'cairn runs --views' lists them";
            ctx.err << "cairn runs: " << message << "\n";
            return kExitUsage;
        }
        view = *found;
    }
    RunFilter filter;
    if (args.has("experiment"))
        filter.experiment = args.get("experiment");
    filter.where = args.get("filter");
    if (auto e = query::searchError(filter.where))
        return searchErrorExit(ctx, "runs", "--filter", filter.where, *e);
    if (view) {
        // The view's filter is what its filter box held: a search, or plain text.
        const std::string viewWhere = query::filterTextSearch(view->filter);
        if (!viewWhere.empty())
            filter.where = filter.where.empty() ? viewWhere : "(" + viewWhere + ") and (" + filter.where + ")";
    }
    filter.sortKey = args.get("sort", view && !args.has("sort") ? view->sort : std::string());
    if (!filter.sortKey.empty()) {
        if (auto p = query::parseField(filter.sortKey); !p.ok())
            return searchErrorExit(ctx, "runs", args.has("sort") ? "--sort" : "sort of view '" + view->name + "'",
                                   filter.sortKey, *p.error);
    }
    filter.descending = !args.has("asc") && !(view && !args.has("sort") && view->ascending);
    for (const char* name : {"limit", "offset"}) {
        if (!args.has(name))
            continue;
        std::int64_t& into = name[0] == 'l' ? filter.limit : filter.offset;
        if (!parseCount(args.get(name), into))
            return usageError(ctx.err, "runs", std::string("--") + name + " must be a whole number, 0 or more (got '"
                                                   + args.get(name) + "')");
    }
    std::vector<Field> columns;
    if (args.has("columns")) {
        for (const auto& c : splitColumns(args.get("columns"))) {
            auto p = query::parseField(c);
            if (!p.ok())
                return searchErrorExit(ctx, "runs", "column in --columns", c, *p.error);
            columns.push_back(p.field);
        }
    } else if (view) {
        for (const auto& c : view->columns) {
            auto p = query::parseField(c);
            if (!p.ok())
                return searchErrorExit(ctx, "runs", "column of view '" + view->name + "'", c, *p.error);
            columns.push_back(p.field);
        }
    }
    auto store = openForRead(ctx, "runs");
    if (!store)
        return kExitUsage;
    // The whole list needs no separate count; a page gets it from the same query.
    Result<RunPage> page = RunPage{};
    if (filter.limit < 0 && filter.offset == 0) {
        auto all = store->runs(filter);
        page = all ? Result<RunPage>(RunPage{std::move(*all), 0}) : Result<RunPage>(all.error());
        if (page)
            page->total = static_cast<std::int64_t>(page->runs.size());
    } else {
        page = store->runPage(filter);
    }
    if (!page) {
        ctx.err << "cairn runs: " << page.message() << "\n";
        return kExitFailure;
    }
    const std::string format = args.get("format", "table");
    const std::vector<RunSummary>& runs = page->runs;
    if (format == "table" && runs.empty()) {
        if (page->total > 0)
            ctx.out << "no runs past the first " << page->total << " (--offset " << filter.offset << ")\n";
        else if (!filter.where.empty() || filter.experiment)
            ctx.out << "no runs match\n";
        else
            ctx.out << "no runs yet; start one with 'cairn run -- COMMAND'\n";
        return kExitOk;
    }
    int rc = columns.empty() ? printDefault(ctx, runs, format) : printColumns(ctx, runs, columns, format);
    if (format == "table" && static_cast<std::int64_t>(runs.size()) < page->total) {
        const std::int64_t first = std::max<std::int64_t>(0, filter.offset) + 1;
        ctx.out << "(runs " << first << "-" << first + static_cast<std::int64_t>(runs.size()) - 1 << " of "
                << page->total << "; --limit and --offset show others)\n";
    }
    return rc;
}

} // namespace cairn::cli
