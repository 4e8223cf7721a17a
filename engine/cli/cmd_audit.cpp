// `cairn audit list|verify|export`: the registry's tamper-evident audit trail
// (docs/registry.md#audit-trail). verify recomputes the hash chain and exits 1 naming the
// first broken event when a row of audit_events was edited, deleted or reordered.
#include "engine/cli/subcommands.h"
#include "engine/cli/args.h"
#include "engine/cli/commands.h"
#include "engine/cli/output.h"
#include "engine/cli/read_common.h"
#include "engine/core/text.h"
#include "engine/registry/audit_chain.h"

#include <fstream>
#include <ostream>

using nlohmann::ordered_json;

namespace cairn::cli {
namespace {

void printHelp(std::ostream& out)
{
    out << "usage: cairn audit list [--model NAME] [--limit N] [--format text|json]\n"
           "       cairn audit verify [--format text|json]\n"
           "       cairn audit export --format csv|json [-o FILE]\n\n"
           "Every registry change (versions, aliases, promotions, approvals, refused promotions,\n"
           "card edits, changed gates and roles) is an event in the table audit_events of\n"
           "cairn.db: who, when, what, before, after. Each event's hash covers all its fields and\n"
           "the previous event's hash; 'verify' exits 1 naming the first event that was edited,\n"
           "deleted or moved. See docs/registry.md.\n";
}

ordered_json eventJson(const AuditEvent& e)
{
    auto parsed = [](const std::string& s) {
        if (s.empty())
            return ordered_json();
        auto j = ordered_json::parse(s, nullptr, false);
        return j.is_discarded() ? ordered_json(s) : j;
    };
    return {{"seq", e.seq},
            {"at", e.at},
            {"actor", e.actor},
            {"action", e.action},
            {"model", e.model},
            {"version", e.version ? ordered_json(e.version) : ordered_json()},
            {"alias", e.alias},
            {"before", parsed(e.before)},
            {"after", parsed(e.after)},
            {"prev_hash", e.prevHash},
            {"hash", e.hash}};
}

int listCmd(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("audit list");
    args.option("model", "NAME", "only this model's events")
        .option("limit", "N", "the newest N events (default 50; 0: all)")
        .option("format", "FORMAT", "text (default) or json")
        .choices("format", {"text", "json"});
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "audit list", s.message());
    if (args.helpRequested()) {
        ctx.out << "List the newest audit events, oldest first.\n" << args.usage();
        return kExitOk;
    }
    const std::string limitText = args.get("limit", "50");
    if (limitText.empty() || limitText.size() > 9 || limitText.find_first_not_of("0123456789") != std::string::npos)
        return usageError(ctx.err, "audit list", "--limit must be a whole number, not '" + limitText + "'");
    const std::size_t limit = static_cast<std::size_t>(std::stoll(limitText));
    auto store = openForRead(ctx, "audit list");
    if (!store)
        return kExitUsage;
    if (args.has("model"))
        if (auto m = store->model(args.get("model")); !m)
            return usageError(ctx.err, "audit list", m.message());
    auto events = store->auditEvents();
    if (!events) {
        ctx.err << "cairn audit list: " << events.message() << "\n";
        return kExitFailure;
    }
    std::vector<AuditEvent> shown;
    for (const auto& e : *events)
        if (!args.has("model") || e.model == args.get("model"))
            shown.push_back(e);
    if (limit > 0 && shown.size() > limit)
        shown.erase(shown.begin(), shown.end() - static_cast<long>(limit));
    if (args.get("format") == "json") {
        ordered_json list = ordered_json::array();
        for (const auto& e : shown)
            list.push_back(eventJson(e));
        ctx.out << list.dump(2) << "\n";
        return kExitOk;
    }
    if (shown.empty()) {
        ctx.out << "the audit trail is empty\n";
        return kExitOk;
    }
    TextTable table({"seq", "at (UTC)", "actor", "action", "subject", "before", "after"});
    auto cut = [](const std::string& s) { return s.size() > 60 ? s.substr(0, 57) + "..." : s; };
    for (const auto& e : shown) {
        std::string subject = e.model;
        if (e.version)
            subject += ":" + std::to_string(e.version);
        if (!e.alias.empty())
            subject += " @" + e.alias;
        table.add({std::to_string(e.seq), e.at.substr(0, 19), e.actor, e.action, subject.empty() ? "-" : subject,
                   e.before.empty() ? "-" : cut(e.before), e.after.empty() ? "-" : cut(e.after)});
    }
    table.print(ctx.out);
    return kExitOk;
}

int verifyCmd(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("audit verify");
    args.option("format", "FORMAT", "text (default) or json").choices("format", {"text", "json"});
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "audit verify", s.message());
    if (args.helpRequested()) {
        ctx.out << "Recompute the audit trail's hash chain; exit 1 naming the first broken event.\n" << args.usage();
        return kExitOk;
    }
    auto store = openForRead(ctx, "audit verify");
    if (!store)
        return kExitUsage;
    auto events = store->auditEvents();
    auto head = store->auditHead();
    if (!events || !head) {
        ctx.err << "cairn audit verify: " << (!events ? events.message() : head.message()) << "\n";
        return kExitFailure;
    }
    const registry::ChainCheck check = registry::verifyChain(*events, *head);
    if (args.get("format") == "json") {
        ctx.out << ordered_json{{"ok", check.ok},
                                {"events", check.events},
                                {"broken_event", check.brokenSeq ? ordered_json(check.brokenSeq) : ordered_json()},
                                {"message", check.message},
                                {"head_hash", check.headHash}}
                       .dump(2)
                << "\n";
        return check.ok ? kExitOk : kExitFailure;
    }
    if (!check.ok) {
        ctx.err << "cairn audit verify: BROKEN: " << check.message << "\n";
        return kExitFailure;
    }
    ctx.out << "audit trail intact: " << check.events << " event" << (check.events == 1 ? "" : "s") << ", every hash checked\n";
    if (check.events)
        ctx.out << "head " << check.headHash << " (note it elsewhere to detect a rewrite of the whole trail)\n";
    return kExitOk;
}

int exportCmd(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("audit export");
    args.option("format", "FORMAT", "csv or json").choices("format", {"csv", "json"}).option("o", "FILE", "write to FILE instead of stdout");
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "audit export", s.message());
    if (args.helpRequested()) {
        ctx.out << "Export every audit event with its hashes, for auditors.\n" << args.usage();
        return kExitOk;
    }
    if (!args.has("format"))
        return usageError(ctx.err, "audit export", "--format csv or --format json is required");
    auto store = openForRead(ctx, "audit export");
    if (!store)
        return kExitUsage;
    auto events = store->auditEvents();
    if (!events) {
        ctx.err << "cairn audit export: " << events.message() << "\n";
        return kExitFailure;
    }
    std::ofstream file;
    if (args.has("o")) {
        file.open(args.get("o"), std::ios::binary);
        if (!file)
            return usageError(ctx.err, "audit export", "cannot write " + args.get("o"));
    }
    std::ostream& out = args.has("o") ? static_cast<std::ostream&>(file) : ctx.out;
    if (args.get("format") == "json") {
        ordered_json list = ordered_json::array();
        for (const auto& e : *events)
            list.push_back(eventJson(e));
        out << list.dump(2) << "\n";
    } else {
        printCsvRow(out, {"seq", "at", "actor", "action", "model", "version", "alias", "before", "after", "prev_hash", "hash"});
        for (const auto& e : *events)
            printCsvRow(out, {std::to_string(e.seq), e.at, e.actor, e.action, e.model, e.version ? std::to_string(e.version) : "",
                              e.alias, e.before, e.after, e.prevHash, e.hash});
    }
    if (args.has("o")) {
        file.close();
        if (!file) {
            ctx.err << "cairn audit export: writing " << args.get("o") << " failed\n";
            return kExitFailure;
        }
        ctx.err << "wrote " << events->size() << " events to " << args.get("o") << "\n";
    }
    return kExitOk;
}

} // namespace

int cmdAudit(const std::vector<std::string>& argv, Context& ctx)
{
    return dispatchSubcommand("audit", argv, ctx, printHelp,
                              {{"list", listCmd},
                               {"verify", verifyCmd},
                               {"export", exportCmd}});
}

} // namespace cairn::cli
