// `cairn gate check|list|sources`: the promotion gates of cairn.yaml (docs/registry.md#gates).
// `check` evaluates a version against an alias's rules (or every alias's) and exits 0 when all
// pass, 1 when any fails: what a CI pipeline calls before it promotes. Read-only: nothing is
// written (promotion runs the same evaluation in the engine and records it).
#include "engine/cli/subcommands.h"
#include "engine/cli/args.h"
#include "engine/cli/commands.h"
#include "engine/cli/output.h"
#include "engine/cli/read_common.h"
#include "engine/cli/registry_cli.h"
#include "engine/core/text.h"
#include "engine/registry/gates.h"

#include <algorithm>
#include <ostream>

using nlohmann::ordered_json;

namespace cairn::cli {
namespace {

using namespace registry_cli;

void printHelp(std::ostream& out)
{
    out << "usage: cairn gate check NAME VERSION [--alias ALIAS] [--format text|json]\n"
           "       cairn gate list [--format text|json]\n"
           "       cairn gate sources\n\n"
           "Gates are rules in cairn.yaml that a version must pass before it gets an alias:\n"
           "  gates:\n"
           "    champion:\n"
           "      - name: accurate\n"
           "        rule: metrics.accuracy >= 0.9\n"
           "        message: champion models must be at least 90% accurate\n"
           "Rules use the run search language (docs/search.md). 'check' exits 0 when every rule\n"
           "passes, 1 when any fails or cannot be evaluated, 2 on bad input. See docs/registry.md.\n";
}

const char* resultLabel(registry::GateResult::Outcome o)
{
    using O = registry::GateResult::Outcome;
    return o == O::Pass ? "PASS" : o == O::Fail ? "FAIL" : "ERROR";
}

// Every alias's rules, or one alias's; an alias without gates is an error only when asked for.
Result<std::vector<GateRule>> rulesFor(const GovernanceConfig& gov, const std::string& alias)
{
    std::vector<GateRule> rules;
    if (alias.empty()) {
        for (const auto& [a, list] : gov.gates)
            rules.insert(rules.end(), list.begin(), list.end());
        return rules;
    }
    auto it = gov.gates.find(alias);
    if (it == gov.gates.end()) {
        std::vector<std::string> names;
        for (const auto& [a, list] : gov.gates)
            names.push_back(a);
        const std::string hint = didYouMean(alias, names);
        if (!hint.empty())
            return makeError("cairn.yaml has no gates for '" + alias + "' (did you mean '" + hint + "'?)");
        return rules;  // no gates: nothing can fail
    }
    return it->second;
}

int checkCmd(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("gate check");
    args.positional("NAME", "a registered model")
        .positional("VERSION", "a version number, 'latest' or an alias")
        .option("alias", "ALIAS", "check only this alias's gates (default: every alias's)")
        .option("format", "FORMAT", "text (default) or json")
        .choices("format", {"text", "json"});
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "gate check", s.message());
    if (args.helpRequested()) {
        ctx.out << "Evaluate a model version against the gates in cairn.yaml; exit 1 when any rule fails.\n" << args.usage();
        return kExitOk;
    }
    auto project = Project::locate(ctx.projectOption);
    if (!project)
        return usageError(ctx.err, "gate check", project.message());
    auto store = openForRead(ctx, "gate check");
    if (!store)
        return kExitUsage;
    const std::string name = args.positionalValue("NAME");
    auto v = resolveVersion(*store, name, args.positionalValue("VERSION"));
    if (!v)
        return usageError(ctx.err, "gate check", v.message());
    const GovernanceConfig& gov = project->config().governance;
    auto rules = rulesFor(gov, args.get("alias"));
    if (!rules)
        return usageError(ctx.err, "gate check", rules.message());
    // A rule that does not parse is a mistake in cairn.yaml: report it like one (exit 2).
    for (const auto& r : *rules)
        if (auto c = registry::compileGate(r, registry::builtinGateSources()); !c) {
            ctx.err << c.message() << "\n";
            return kExitUsage;
        }
    auto subject = registry::subjectFor(*store, *v, project->root());
    if (!subject) {
        ctx.err << "cairn gate check: " << subject.message() << "\n";
        return kExitFailure;
    }
    const registry::GateReport report = registry::evaluateGates(*rules, *subject, registry::builtinGateSources());
    const std::string label = v->model + ":" + std::to_string(v->version);
    if (args.get("format") == "json") {
        ordered_json j = registry::reportJson(report);
        ordered_json out = {{"model", v->model}, {"version", v->version}};
        if (args.has("alias"))
            out["alias"] = args.get("alias");
        for (auto& [k, val] : j.items())
            out[k] = val;
        ctx.out << out.dump(2) << "\n";
        return report.passed() ? kExitOk : kExitFailure;
    }
    if (rules->empty()) {
        ctx.out << label << ": no gates " << (args.has("alias") ? "for '" + args.get("alias") + "' " : std::string())
                << "in cairn.yaml; nothing to check\n";
        return kExitOk;
    }
    TextTable table({"alias", "gate", "result", "rule", "measured"});
    for (const auto& r : report.results) {
        std::string measured;
        for (const auto& [k, val] : r.measured)
            measured += (measured.empty() ? "" : ", ") + k + " = " + val;
        table.add({r.alias, r.name, resultLabel(r.outcome), r.rule, measured.empty() ? "-" : measured});
    }
    table.print(ctx.out);
    for (const auto& r : report.results) {
        if (r.outcome == registry::GateResult::Outcome::Pass)
            continue;
        if (!r.error.empty())
            ctx.out << r.alias << "/" << r.name << ": " << r.error << "\n";
        else if (!r.message.empty())
            ctx.out << r.alias << "/" << r.name << ": " << r.message << "\n";
        else if (std::any_of(r.measured.begin(), r.measured.end(), [](const auto& m) { return m.second == "missing"; }))
            ctx.out << r.alias << "/" << r.name << ": a value the rule reads is missing, so the rule is not true\n";
    }
    ctx.out << label << ": " << (report.results.size() - static_cast<std::size_t>(report.failures())) << " of "
            << report.results.size() << " gate rules passed" << (report.passed() ? "" : " (exit 1)") << "\n";
    return report.passed() ? kExitOk : kExitFailure;
}

int listCmd(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("gate list");
    args.option("format", "FORMAT", "text (default) or json").choices("format", {"text", "json"});
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "gate list", s.message());
    if (args.helpRequested()) {
        ctx.out << "List the gates in cairn.yaml, checking that every rule parses (exit 2 naming file:line:col if not).\n"
                << args.usage();
        return kExitOk;
    }
    auto project = Project::locate(ctx.projectOption);
    if (!project)
        return usageError(ctx.err, "gate list", project.message());
    const GovernanceConfig& gov = project->config().governance;
    int bad = 0;
    for (const auto& [alias, rules] : gov.gates)
        for (const auto& r : rules)
            if (auto c = registry::compileGate(r, registry::builtinGateSources()); !c) {
                ctx.err << c.message() << "\n";
                ++bad;
            }
    if (args.get("format") == "json") {
        ordered_json j = ordered_json::object();
        for (const auto& [alias, rules] : gov.gates) {
            ordered_json list = ordered_json::array();
            for (const auto& r : rules)
                list.push_back({{"name", r.name}, {"rule", r.rule}, {"message", r.message}, {"line", r.line}});
            j[alias] = {{"protected", std::find(gov.protectedAliases.begin(), gov.protectedAliases.end(), alias)
                                          != gov.protectedAliases.end()},
                        {"rules", list}};
        }
        ctx.out << j.dump(2) << "\n";
    } else if (gov.gates.empty()) {
        ctx.out << "no gates in " << project->configPath().string() << " (add a gates: section; see 'cairn gate --help')\n";
    } else {
        TextTable table({"alias", "gate", "rule", "message"});
        for (const auto& [alias, rules] : gov.gates)
            for (const auto& r : rules)
                table.add({alias, r.name, r.rule, r.message.empty() ? "-" : r.message});
        table.print(ctx.out);
    }
    return bad ? kExitUsage : kExitOk;
}

int sourcesCmd(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("gate sources");
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "gate sources", s.message());
    if (args.helpRequested()) {
        ctx.out << "List what gate rules can read.\n" << args.usage();
        return kExitOk;
    }
    ctx.out << "metrics.KEY     the run's metric (last value; min(), max(), count() too)\n"
               "params.KEY      the run's param (compared as a number against a number)\n"
               "tags.KEY        the run's tag\n"
               "ATTRIBUTE       status, duration, user, host, experiment, name, exit_code, start...\n";
    for (const auto& s : registry::builtinGateSources().all())
        ctx.out << s->name() << ".KEY" << std::string(s->name().size() < 12 ? 12 - s->name().size() : 1, ' ') << s->description() << "\n";
    return kExitOk;
}

} // namespace

int cmdGate(const std::vector<std::string>& argv, Context& ctx)
{
    return dispatchSubcommand("gate", argv, ctx, printHelp,
                              {{"check", checkCmd},
                               {"list", listCmd},
                               {"sources", sourcesCmd}});
}

} // namespace cairn::cli
