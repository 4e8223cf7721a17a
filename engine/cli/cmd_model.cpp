// `cairn model register|list|show|alias|promote|rollback|approve|reject|requests|history`: the
// model registry (docs/registry.md). Writes go through the engine (the only writer of
// cairn.db), which runs the gates, checks roles and appends the audit trail; reads open the
// database directly.
#include "engine/cli/subcommands.h"
#include "engine/artifacts/operations.h"
#include "engine/cli/args.h"
#include "engine/cli/commands.h"
#include "engine/cli/output.h"
#include "engine/cli/read_common.h"
#include "engine/cli/registry_cli.h"
#include "engine/registry/gates.h"
#include "engine/core/text.h"
#include "engine/server/client.h"

#include <ostream>

using nlohmann::json;
using nlohmann::ordered_json;
namespace fs = std::filesystem;

namespace cairn::cli {
namespace {

using namespace registry_cli;

void printHelp(std::ostream& out)
{
    out << "usage: cairn model register NAME --run RUN [--artifact PATH|HASH|NAME:VERSION]\n"
           "       cairn model list [--format text|json]\n"
           "       cairn model show NAME [VERSION] [--format text|json]\n"
           "       cairn model alias NAME VERSION ALIAS\n"
           "       cairn model promote NAME VERSION --to ALIAS\n"
           "       cairn model rollback NAME ALIAS\n"
           "       cairn model requests [--all] [--format text|json]\n"
           "       cairn model approve REQUEST [--note TEXT]\n"
           "       cairn model reject REQUEST [--note TEXT]\n"
           "       cairn model history NAME [--alias ALIAS] [--format text|json]\n\n"
           "Registered models have versions 1, 2, 3... each pointing at a run (its params, tags and\n"
           "metrics are kept as they were) and an artifact. Aliases (champion, staging...) point at\n"
           "versions; promotion runs the alias's gates (cairn.yaml gates:) first, and a protected\n"
           "alias waits for a different approver. VERSION is a number, 'latest' or an alias. Every\n"
           "change is in the audit trail ('cairn audit'). See docs/registry.md.\n";
}

// --artifact: a path on disk is stored first (as `cairn artifact add --type model --run RUN`).
std::optional<std::string> storeArtifactPath(Context& ctx, const Project& project, const fs::path& path, const std::string& runId,
                                             int& exitCode)
{
    artifacts::ObjectStore objects(project.artifactsDir());
    auto lock = artifacts::StoreLock::acquire(objects.root(), false);
    if (!lock) {
        ctx.err << "cairn model register: " << lock.message() << "\n";
        exitCode = kExitFailure;
        return std::nullopt;
    }
    auto added = artifacts::addPath(objects, path);
    if (!added) {
        ctx.err << "cairn model register: --artifact: " << added.message() << "\n";
        exitCode = kExitUsage;
        return std::nullopt;
    }
    auto client = server::ensureEngine(project);
    if (!client) {
        ctx.err << "cairn model register: " << client.message() << "\n";
        exitCode = kExitFailure;
        return std::nullopt;
    }
    std::error_code ec;
    const fs::path absolute = fs::absolute(path, ec).lexically_normal();
    std::string name = absolute.filename().string();
    if (name.empty())
        name = absolute.parent_path().filename().string();
    auto reply = (*client)->call("artifact.add", {{"name", name},
                                                  {"type", "model"},
                                                  {"hash", added->hash},
                                                  {"kind", added->directory ? "dir" : "file"},
                                                  {"size", added->size},
                                                  {"files", added->files},
                                                  {"source", absolute.string()},
                                                  {"run", runId}});
    if (!reply) {
        ctx.err << "cairn model register: --artifact: " << reply.message() << "\n";
        exitCode = kExitUsage;
        return std::nullopt;
    }
    return reply->value("name", name) + ":" + std::to_string(reply->value("version", 0));
}

int registerCmd(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("model register");
    args.positional("NAME", "the model's name (created with its first version)")
        .option("run", "RUN", "the run that trained it: an id, a unique prefix or a run name")
        .option("artifact", "REF", "the model's files: a path (stored now), a hash or NAME:VERSION "
                                   "(default: the model the run declared as its output)")
        .option("format", "FORMAT", "text (default) or json")
        .choices("format", {"text", "json"});
    addIdentityOption(args);
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "model register", s.message());
    if (args.helpRequested()) {
        ctx.out << "Register a run's model as the next version of NAME.\n" << args.usage();
        return kExitOk;
    }
    if (!args.has("run"))
        return usageError(ctx.err, "model register", "--run RUN is required (the run that trained the model)");
    auto project = Project::locate(ctx.projectOption);
    if (!project)
        return usageError(ctx.err, "model register", project.message());
    auto store = openForRead(ctx, "model register");
    if (!store)
        return kExitUsage;
    auto run = store->findRun(args.get("run"));
    if (!run)
        return usageError(ctx.err, "model register", "--run: " + run.message());
    std::string artifact = args.get("artifact");
    int code = kExitOk;
    std::error_code ec;
    if (!artifact.empty() && fs::exists(artifact, ec) && !store->findArtifactVersion(artifact)) {
        auto stored = storeArtifactPath(ctx, *project, artifact, run->id, code);
        if (!stored)
            return code;
        artifact = *stored;
    }
    json params = {{"model", args.positionalValue("NAME")}, {"run", run->id}};
    if (!artifact.empty())
        params["artifact"] = artifact;
    auto reply = engineCall(ctx, "model register", args, "model.register", params, code);
    if (!reply)
        return code;
    if (args.get("format") == "json") {
        ctx.out << reply->dump(2) << "\n";
        return kExitOk;
    }
    const std::string label = reply->value("model", "") + ":" + std::to_string(reply->value("version", 0));
    ctx.out << "registered " << label << " from run " << run->id.substr(0, 8) << " (" << run->name << ")";
    const std::string a = reply->value("artifact", "");
    ctx.out << (a.empty() ? ", no artifact (give --artifact to name the model's files)" : ", artifact " + a) << "\n";
    return kExitOk;
}

int listCmd(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("model list");
    args.option("format", "FORMAT", "text (default) or json").choices("format", {"text", "json"});
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "model list", s.message());
    if (args.helpRequested()) {
        ctx.out << "List registered models with their newest version and aliases.\n" << args.usage();
        return kExitOk;
    }
    auto store = openForRead(ctx, "model list");
    if (!store)
        return kExitUsage;
    auto models = store->models();
    if (!models) {
        ctx.err << "cairn model list: " << models.message() << "\n";
        return kExitFailure;
    }
    if (args.get("format") == "json") {
        ordered_json list = ordered_json::array();
        for (const auto& m : *models) {
            ordered_json aliases = ordered_json::object();
            for (const auto& [a, v] : m.aliases)
                aliases[a] = v;
            list.push_back({{"name", m.name}, {"versions", m.versionCount}, {"latest", m.latestVersion}, {"aliases", aliases},
                            {"created_ms", m.createdMs}, {"created_by", m.createdBy}});
        }
        ctx.out << list.dump(2) << "\n";
        return kExitOk;
    }
    if (models->empty()) {
        ctx.out << "no registered models yet ('cairn model register NAME --run RUN' registers one)\n";
        return kExitOk;
    }
    TextTable table({"name", "versions", "latest", "aliases", "created", "by"});
    for (const auto& m : *models) {
        std::string aliases;
        for (const auto& [a, v] : m.aliases)
            aliases += (aliases.empty() ? "" : ", ") + a + "=" + std::to_string(v);
        table.add({m.name, std::to_string(m.versionCount), std::to_string(m.latestVersion), aliases.empty() ? "-" : aliases,
                   formatTimestamp(m.createdMs), m.createdBy});
    }
    table.print(ctx.out);
    return kExitOk;
}

int showVersion(Context& ctx, Store& store, const ModelVersion& v, bool asJson)
{
    auto fields = store.cardFields(v.model, v.version);
    if (asJson) {
        ordered_json j = versionJson(v, true);
        ordered_json card = ordered_json::object();
        for (const auto& [k, val] : fields.value_or({}))
            card[k] = val;
        j["card"] = card;
        ctx.out << j.dump(2) << "\n";
        return kExitOk;
    }
    auto run = store.findRun(v.runId);
    ctx.out << "model     " << v.model << ":" << v.version << "\n"
            << "run       " << v.runId << (run ? " (" + run->name + ", " + std::string(toString(run->status)) + ")" : std::string()) << "\n"
            << "artifact  " << (v.artifact.empty() ? "-" : v.artifact + " (" + v.artifactHash.substr(0, 12) + ")") << "\n"
            << "aliases   " << (v.aliases.empty() ? "-" : shellJoin(v.aliases)) << "\n"
            << "created   " << formatTimestamp(v.createdMs) << " by " << v.createdBy << "\n";
    auto snap = ordered_json::parse(v.snapshot, nullptr, false);
    if (snap.is_object()) {
        std::string params;
        const ordered_json paramsOfSnap = snap.value("params", ordered_json::object());
        for (auto& [k, val] : paramsOfSnap.items())
            params += (params.empty() ? "" : " ") + k + "=" + (val.is_string() ? val.get<std::string>() : val.dump());
        ctx.out << "params    " << (params.empty() ? "-" : params) << "\n";
        std::string inputs;
        for (auto& i : snap.value("inputs", ordered_json::array()))
            inputs += (inputs.empty() ? "" : ", ") + i.value("artifact", "");
        ctx.out << "inputs    " << (inputs.empty() ? "-" : inputs) << "\n";
        auto metrics = snapshotMetrics(v);
        if (!metrics.empty()) {
            ctx.out << "\n";
            TextTable table({"metric", "last", "min", "max", "count"});
            const ordered_json metricsOfSnap = snap.value("metrics", ordered_json::object());
            for (auto& [k, m] : metricsOfSnap.items()) {
                auto num = [&](const char* f) { return formatDouble(registry::snapshotNumber(m.value(f, ordered_json()))); };
                table.add({k, num("last"), num("min"), num("max"), std::to_string(m.value("count", 0))});
            }
            table.print(ctx.out);
        }
    }
    if (fields && !fields->empty()) {
        ctx.out << "\ncard fields ('cairn card show " << v.model << " " << v.version << "'):\n";
        for (const auto& [k, val] : *fields) {
            std::string first = val.substr(0, val.find('\n'));
            ctx.out << "  " << k << ": " << (first.size() > 70 ? first.substr(0, 67) + "..." : first) << "\n";
        }
    }
    return kExitOk;
}

int showCmd(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("model show");
    args.positional("NAME", "a registered model")
        .positional("VERSION", "a version number, 'latest' or an alias (default: every version)", false)
        .option("format", "FORMAT", "text (default) or json")
        .choices("format", {"text", "json"});
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "model show", s.message());
    if (args.helpRequested()) {
        ctx.out << "Show a model's versions and aliases, or one version with its run's metrics and params.\n" << args.usage();
        return kExitOk;
    }
    auto store = openForRead(ctx, "model show");
    if (!store)
        return kExitUsage;
    const std::string name = args.positionalValue("NAME");
    const bool asJson = args.get("format") == "json";
    if (!args.positionalValue("VERSION").empty()) {
        auto v = resolveVersion(*store, name, args.positionalValue("VERSION"));
        if (!v)
            return usageError(ctx.err, "model show", v.message());
        return showVersion(ctx, *store, *v, asJson);
    }
    auto model = store->model(name);
    if (!model)
        return usageError(ctx.err, "model show", model.message());
    auto versions = store->modelVersions(name);
    auto requests = store->promotionRequests(true);
    if (!versions || !requests) {
        ctx.err << "cairn model show: " << (!versions ? versions.message() : requests.message()) << "\n";
        return kExitFailure;
    }
    if (asJson) {
        ordered_json list = ordered_json::array();
        for (const auto& v : *versions)
            list.push_back(versionJson(v, false));
        ordered_json aliases = ordered_json::object();
        for (const auto& [a, v] : model->aliases)
            aliases[a] = v;
        ctx.out << ordered_json{{"name", model->name}, {"created_ms", model->createdMs}, {"created_by", model->createdBy},
                                {"aliases", aliases}, {"versions", list}}
                       .dump(2)
                << "\n";
        return kExitOk;
    }
    ctx.out << "model    " << model->name << " (" << model->versionCount << " version" << (model->versionCount == 1 ? "" : "s")
            << ", created " << formatTimestamp(model->createdMs) << " by " << model->createdBy << ")\n";
    std::string aliases;
    for (const auto& [a, v] : model->aliases)
        aliases += (aliases.empty() ? "" : ", ") + a + " -> " + std::to_string(v);
    ctx.out << "aliases  " << (aliases.empty() ? "-" : aliases) << "\n\n";
    TextTable table({"version", "run", "artifact", "aliases", "created", "by"});
    for (const auto& v : *versions)
        table.add({std::to_string(v.version), v.runId.substr(0, 8), v.artifact.empty() ? "-" : v.artifact,
                   v.aliases.empty() ? "-" : shellJoin(v.aliases), formatTimestamp(v.createdMs), v.createdBy});
    table.print(ctx.out);
    for (const auto& r : *requests)
        if (r.model == name)
            ctx.out << "pending: request " << r.id << " to promote version " << r.version << " to '" << r.alias << "' by "
                    << r.requestedBy << " ('cairn model approve " << r.id << "')\n";
    return kExitOk;
}

int aliasCmd(const std::vector<std::string>& argv, Context& ctx, bool promote)
{
    const std::string command = promote ? "model promote" : "model alias";
    Args args(command);
    args.positional("NAME", "a registered model").positional("VERSION", "a version number, 'latest' or an alias");
    if (promote)
        args.option("to", "ALIAS", "the alias to promote it to (e.g. champion)");
    else
        args.positional("ALIAS", "the alias to point at the version (e.g. staging)");
    args.option("format", "FORMAT", "text (default) or json").choices("format", {"text", "json"});
    addIdentityOption(args);
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, command, s.message());
    if (args.helpRequested()) {
        ctx.out << (promote ? "Promote a version to an alias: its gates run first; a protected alias creates a request\n"
                              "that a different approver must approve.\n"
                            : "Point an alias at a version (the alias's gates run first; protected aliases need 'promote').\n")
                << args.usage();
        return kExitOk;
    }
    const std::string alias = promote ? args.get("to") : args.positionalValue("ALIAS");
    if (alias.empty())
        return usageError(ctx.err, command, "--to ALIAS is required");
    auto store = openForRead(ctx, command);
    if (!store)
        return kExitUsage;
    const std::string name = args.positionalValue("NAME");
    auto v = resolveVersion(*store, name, args.positionalValue("VERSION"));
    if (!v)
        return usageError(ctx.err, command, v.message());
    int code = kExitOk;
    auto reply = engineCall(ctx, command, args, promote ? "model.promote" : "model.alias",
                            {{"model", name}, {"version", v->version}, {"alias", alias}}, code);
    if (!reply)
        return code;
    if (args.get("format") == "json") {
        ctx.out << reply->dump(2) << "\n";
        return kExitOk;
    }
    const std::string status = reply->value("status", "");
    const std::string label = name + ":" + std::to_string(v->version);
    const auto& rules = (*reply)["gates"].is_object() ? (*reply)["gates"]["rules"] : json::array();
    if (!rules.empty())
        ctx.out << "gates for '" << alias << "': " << rules.size() << " of " << rules.size() << " passed\n";
    if (status == "unchanged")
        ctx.out << "'" << alias << "' already points at " << label << "\n";
    else if (status == "requested")
        ctx.out << "'" << alias << "' is protected: request " << reply->value("request", 0) << " to promote " << label
                << " waits for an approver ('cairn model approve " << reply->value("request", 0) << "', by someone else)\n";
    else if ((*reply)["previous"].is_number())
        ctx.out << "'" << alias << "' -> " << label << " (was version " << (*reply)["previous"].get<long long>() << ")\n";
    else
        ctx.out << "'" << alias << "' -> " << label << "\n";
    return kExitOk;
}

int rollbackCmd(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("model rollback");
    args.positional("NAME", "a registered model").positional("ALIAS", "the alias to move back to its previous version");
    args.option("format", "FORMAT", "text (default) or json").choices("format", {"text", "json"});
    addIdentityOption(args);
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "model rollback", s.message());
    if (args.helpRequested()) {
        ctx.out << "Point an alias back at the version it held before (again: one more step back).\n" << args.usage();
        return kExitOk;
    }
    auto store = openForRead(ctx, "model rollback");
    if (!store)
        return kExitUsage;
    const std::string name = args.positionalValue("NAME"), alias = args.positionalValue("ALIAS");
    if (auto v = store->modelVersionByAlias(name, alias); !v)
        return usageError(ctx.err, "model rollback", v.message());
    int code = kExitOk;
    auto reply = engineCall(ctx, "model rollback", args, "model.rollback", {{"model", name}, {"alias", alias}}, code);
    if (!reply)
        return code;
    if (args.get("format") == "json")
        ctx.out << reply->dump(2) << "\n";
    else
        ctx.out << "'" << alias << "' -> " << name << ":" << reply->value("version", 0) << " (rolled back from version "
                << reply->value("previous", 0) << ")\n";
    return kExitOk;
}

int decideCmd(const std::vector<std::string>& argv, Context& ctx, bool approve)
{
    const std::string command = approve ? "model approve" : "model reject";
    Args args(command);
    args.positional("REQUEST", "the request number ('cairn model requests' lists them)")
        .option("note", "TEXT", "why (kept in the audit trail)")
        .option("format", "FORMAT", "text (default) or json")
        .choices("format", {"text", "json"});
    addIdentityOption(args);
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, command, s.message());
    if (args.helpRequested()) {
        ctx.out << (approve ? "Approve a pending promotion (not your own): the alias moves at once.\n"
                            : "Reject a pending promotion (or withdraw your own).\n")
                << args.usage();
        return kExitOk;
    }
    const std::string r = args.positionalValue("REQUEST");
    if (r.empty() || r.size() > 9 || r.find_first_not_of("0123456789") != std::string::npos || std::stoll(r) < 1)
        return usageError(ctx.err, command, "REQUEST must be a request number, not '" + r + "'");
    int code = kExitOk;
    json params = {{"request", std::stoll(r)}};
    if (args.has("note"))
        params["note"] = args.get("note");
    auto reply = engineCall(ctx, command, args, approve ? "model.approve" : "model.reject", params, code);
    if (!reply)
        return code;
    if (args.get("format") == "json") {
        ctx.out << reply->dump(2) << "\n";
        return kExitOk;
    }
    ctx.out << "request " << r << " " << reply->value("status", "") << ": " << reply->value("model", "") << ":"
            << reply->value("version", 0) << (approve ? " is now '" : " stays out of '") << reply->value("alias", "") << "'\n";
    return kExitOk;
}

int requestsCmd(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("model requests");
    args.flag("all", "decided requests too")
        .option("format", "FORMAT", "text (default) or json")
        .choices("format", {"text", "json"});
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "model requests", s.message());
    if (args.helpRequested()) {
        ctx.out << "List promotion requests waiting for an approver (--all: every request).\n" << args.usage();
        return kExitOk;
    }
    auto store = openForRead(ctx, "model requests");
    if (!store)
        return kExitUsage;
    auto requests = store->promotionRequests(!args.has("all"));
    if (!requests) {
        ctx.err << "cairn model requests: " << requests.message() << "\n";
        return kExitFailure;
    }
    if (args.get("format") == "json") {
        ordered_json list = ordered_json::array();
        for (const auto& r : *requests)
            list.push_back({{"id", r.id}, {"model", r.model}, {"version", r.version}, {"alias", r.alias}, {"status", r.status},
                            {"requested_by", r.requestedBy}, {"requested_ms", r.requestedMs}, {"decided_by", r.decidedBy},
                            {"decided_ms", r.decidedMs}, {"note", r.note}});
        ctx.out << list.dump(2) << "\n";
        return kExitOk;
    }
    if (requests->empty()) {
        ctx.out << (args.has("all") ? "no promotion requests\n" : "no promotion requests are waiting\n");
        return kExitOk;
    }
    TextTable table({"request", "model", "version", "alias", "status", "requested by", "requested", "decided by"});
    for (const auto& r : *requests)
        table.add({std::to_string(r.id), r.model, std::to_string(r.version), r.alias, r.status, r.requestedBy,
                   formatTimestamp(r.requestedMs), r.decidedBy.empty() ? "-" : r.decidedBy});
    table.print(ctx.out);
    return kExitOk;
}

int historyCmd(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("model history");
    args.positional("NAME", "a registered model")
        .option("alias", "ALIAS", "only this alias")
        .option("format", "FORMAT", "text (default) or json")
        .choices("format", {"text", "json"});
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "model history", s.message());
    if (args.helpRequested()) {
        ctx.out << "Every change of a model's aliases, oldest first.\n" << args.usage();
        return kExitOk;
    }
    auto store = openForRead(ctx, "model history");
    if (!store)
        return kExitUsage;
    const std::string name = args.positionalValue("NAME");
    if (auto m = store->model(name); !m)
        return usageError(ctx.err, "model history", m.message());
    auto history = store->aliasHistory(name, args.get("alias"));
    if (!history) {
        ctx.err << "cairn model history: " << history.message() << "\n";
        return kExitFailure;
    }
    if (args.get("format") == "json") {
        ordered_json list = ordered_json::array();
        for (const auto& c : *history)
            list.push_back({{"alias", c.alias}, {"version", c.version},
                            {"previous", c.previous ? ordered_json(*c.previous) : ordered_json()}, {"action", c.action},
                            {"at_ms", c.atMs}, {"actor", c.actor}});
        ctx.out << list.dump(2) << "\n";
        return kExitOk;
    }
    TextTable table({"when", "alias", "version", "was", "action", "by"});
    for (const auto& c : *history)
        table.add({formatTimestamp(c.atMs), c.alias, std::to_string(c.version), c.previous ? std::to_string(*c.previous) : "-",
                   c.action, c.actor});
    table.print(ctx.out);
    return kExitOk;
}

} // namespace

int cmdModel(const std::vector<std::string>& argv, Context& ctx)
{
    return dispatchSubcommand("model", argv, ctx, printHelp,
                              {{"register", registerCmd},
                               {"list", listCmd},
                               {"show", showCmd},
                               {"alias", [](const std::vector<std::string>& a, Context& c) { return aliasCmd(a, c, false); }},
                               {"promote", [](const std::vector<std::string>& a, Context& c) { return aliasCmd(a, c, true); }},
                               {"rollback", rollbackCmd},
                               {"approve", [](const std::vector<std::string>& a, Context& c) { return decideCmd(a, c, true); }},
                               {"reject", [](const std::vector<std::string>& a, Context& c) { return decideCmd(a, c, false); }},
                               {"requests", requestsCmd},
                               {"history", historyCmd}});
}

} // namespace cairn::cli
