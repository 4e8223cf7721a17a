// `cairn lineage RUN|ARTIFACT[:N]|HASH`: the graph of artifact versions and the runs that read
// and wrote them (docs/lineage.md), as an indented tree, Graphviz dot, or JSON.
#include "engine/cli/args.h"
#include "engine/cli/commands.h"
#include "engine/cli/output.h"
#include "engine/cli/read_common.h"
#include "engine/core/text.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <ostream>
#include <set>

namespace cairn::cli {
namespace {

std::string nodeText(const LineageNode& n)
{
    if (n.isRun)
        return "run " + n.name + " (" + n.id.substr(0, 8) + ", " + n.detail + ")";
    return n.id + " (" + n.detail + ", " + n.hash.substr(0, 12) + ")";
}

std::string dotEscape(const std::string& s)
{
    std::string out;
    for (char c : s) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c == '\n' ? ' ' : c;
    }
    return out;
}

std::string dotQuote(const std::string& s) { return "\"" + dotEscape(s) + "\""; }

void printTree(std::ostream& out, const LineageGraph& g, bool up)
{
    std::map<std::string, const LineageNode*> byId;
    for (const auto& n : g.nodes)
        byId[n.id] = &n;
    std::map<std::string, std::vector<std::string>> next;
    for (const auto& e : g.edges)
        up ? next[e.to].push_back(e.from) : next[e.from].push_back(e.to);
    std::set<std::string> printed;
    const char* arrow = up ? "<- " : "-> ";
    std::function<void(const std::string&, int)> walk = [&](const std::string& id, int depth) {
        const LineageNode& n = *byId.at(id);
        out << std::string(static_cast<std::size_t>(depth) * 2, ' ') << (depth > 0 ? arrow : "") << nodeText(n);
        if (!printed.insert(id).second) {
            out << (next.count(id) ? " (see above)\n" : "\n");
            return;
        }
        out << "\n";
        for (const auto& child : next[id])
            walk(child, depth + 1);
    };
    walk(g.nodes.front().id, 0);
}

} // namespace

int cmdLineage(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("lineage");
    args.positional("REF", "a run (id, prefix or name), an artifact (NAME, NAME:N) or a version's hash")
        .flag("upstream", "only what it came from")
        .flag("downstream", "only what came from it")
        .option("depth", "N", "at most N steps from REF (default: no limit)")
        .option("format", "FORMAT", "text (default), dot or json")
        .choices("format", {"text", "dot", "json"});
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "lineage", s.message());
    if (args.helpRequested()) {
        ctx.out << "Show where a run or an artifact version came from and what came from it: artifact\n"
                   "versions, the runs that read them (inputs) and the versions those runs wrote (outputs).\n"
                << args.usage();
        return kExitOk;
    }
    int depth = -1;
    if (args.has("depth")) {
        const std::string d = args.get("depth");
        try {
            std::size_t used = 0;
            depth = std::stoi(d, &used);
            if (used != d.size() || depth < 0)
                throw std::invalid_argument(d);
        } catch (const std::exception&) {
            return usageError(ctx.err, "lineage", "--depth must be a whole number >= 0, not '" + d + "'");
        }
    }
    bool upstream = args.has("upstream"), downstream = args.has("downstream");
    if (!upstream && !downstream)
        upstream = downstream = true;
    auto store = openForRead(ctx, "lineage");
    if (!store)
        return kExitUsage;
    const std::string ref = args.positionalValue("REF");
    std::string runId;
    std::int64_t versionId = 0;
    auto version = store->findArtifactVersion(ref);
    if (version) {
        versionId = version->id;
    } else if (auto run = store->findRun(ref)) {
        runId = run->id;
    } else {
        if (run.message().find("ambiguous") != std::string::npos) {
            ctx.err << "cairn lineage: " << run.message() << "\n";
            return kExitUsage;
        }
        std::vector<std::string> candidates;
        if (auto names = store->artifactNames())
            candidates = *names;
        if (auto runs = store->runs())
            for (const auto& r : *runs)
                candidates.push_back(r.run.name);
        std::string hint = didYouMean(ref, candidates);
        ctx.err << "cairn lineage: no run, artifact or version hash matches '" << ref << "'"
                << (hint.empty() ? std::string() : " (did you mean '" + hint + "'?)") << "\n";
        return kExitUsage;
    }
    auto graph = store->lineage(runId, versionId, upstream, downstream, depth);
    if (!graph) {
        ctx.err << "cairn lineage: " << graph.message() << "\n";
        return kExitFailure;
    }
    const std::string format = args.get("format", "text");
    if (format == "json") {
        nlohmann::ordered_json nodes = nlohmann::ordered_json::array(), edges = nlohmann::ordered_json::array();
        for (const auto& n : graph->nodes) {
            nlohmann::ordered_json j = {{"id", n.id}, {"kind", n.isRun ? "run" : "artifact"}, {"name", n.name}, {"depth", n.depth}};
            if (n.isRun) {
                j["status"] = n.detail;
            } else {
                j["type"] = n.detail;
                j["version"] = n.version;
                j["hash"] = n.hash;
            }
            nodes.push_back(std::move(j));
        }
        for (const auto& e : graph->edges)
            edges.push_back({{"from", e.from}, {"to", e.to}, {"direction", e.direction}});
        nlohmann::ordered_json j = {{"root", graph->nodes.front().id}, {"nodes", nodes}, {"edges", edges}};
        ctx.out << j.dump(2) << "\n";
    } else if (format == "dot") {
        ctx.out << "digraph lineage {\n  rankdir=LR;\n  node [fontname=\"sans-serif\"];\n";
        for (const auto& n : graph->nodes) {
            const std::string label = n.isRun ? dotEscape(n.name) + "\\n" + n.id.substr(0, 8) + " " + n.detail
                                              : dotEscape(n.id) + "\\n" + n.detail + " " + n.hash.substr(0, 12);
            ctx.out << "  " << dotQuote(n.id) << " [label=\"" << label << "\", shape="
                    << (n.isRun ? "box, style=rounded" : n.detail == "model" ? "component" : "note")
                    << (n.depth == 0 ? ", penwidth=2" : "") << "];\n";
        }
        for (const auto& e : graph->edges)
            ctx.out << "  " << dotQuote(e.from) << " -> " << dotQuote(e.to) << " [label=" << e.direction << "];\n";
        ctx.out << "}\n";
    } else {
        if (upstream && downstream) {
            ctx.out << "upstream:\n";
            printTree(ctx.out, *graph, true);
            ctx.out << "downstream:\n";
            printTree(ctx.out, *graph, false);
        } else {
            printTree(ctx.out, *graph, upstream);
        }
    }
    return kExitOk;
}

} // namespace cairn::cli
