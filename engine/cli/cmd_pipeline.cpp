// `cairn pipeline validate|dag|list`: a pipeline file (pipelines/NAME.yaml or any dvc.yaml)
// checked with every problem at file:line:column, and its stage graph as text, dot or JSON.
#include "engine/cli/subcommands.h"
#include "engine/cli/args.h"
#include "engine/cli/commands.h"
#include "engine/cli/output.h"
#include "engine/core/text.h"
#include "engine/pipeline/pipeline_files.h"
#include "engine/pipeline/validate.h"
#include "engine/store/project.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <ostream>

using nlohmann::ordered_json;

namespace cairn::cli {

int pipelineRunCmd(const std::vector<std::string>& argv, Context& ctx);     // cmd_pipeline_run.cpp
int pipelineStatusCmd(const std::vector<std::string>& argv, Context& ctx);

namespace {

namespace pl = cairn::pipeline;

void printHelp(std::ostream& out)
{
    out << "usage: cairn pipeline validate FILE [--format text|json]\n"
           "       cairn pipeline dag FILE [--format text|dot|json]\n"
           "       cairn pipeline list [--format table|json]\n"
           "       cairn pipeline run FILE [--stage S | --from S] [--force] [--jobs N]\n"
           "       cairn pipeline status FILE [--format text|json]\n\n"
           "FILE is pipelines/NAME.yaml or a dvc.yaml (read unchanged). 'validate' prints every problem\n"
           "as FILE:LINE:COLUMN: error|warning: FIELD: message and exits 1 when there are errors (warnings,\n"
           "such as data not on disk yet, exit 0). 'dag' prints the stages by level with what each one\n"
           "needs; 'list' shows the project's pipelines. 'run' runs the outdated stages through the engine,\n"
           "in parallel and cached; 'status' says which stages are outdated and why. See docs/pipelines.md.\n";
}

std::string plural(std::size_t n, const char* word)
{
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

ordered_json diagnosticJson(const pl::Diagnostic& d)
{
    return {{"severity", d.severity == pl::Severity::Error ? "error" : "warning"},
            {"file", d.file},
            {"line", d.pos.line},
            {"column", d.pos.column},
            {"field", d.field},
            {"message", d.message}};
}

void printDiagnostics(std::ostream& err, const pl::Diagnostics& diags)
{
    for (const auto& d : diags.list())
        err << pl::formatDiagnostic(d) << "\n";
}

// Reading the file is input the user gave: a missing one is bad input (2), not a failed check.
bool readable(const std::string& file, Context& ctx, const std::string& command)
{
    std::error_code ec;
    if (std::filesystem::is_regular_file(file, ec))
        return true;
    ctx.err << "cairn pipeline " << command << ": cannot read '" << file << "'\n";
    return false;
}

int validateCmd(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("pipeline validate");
    args.positional("FILE", "pipelines/NAME.yaml or a dvc.yaml")
        .option("format", "FORMAT", "text (default) or json")
        .choices("format", {"text", "json"});
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "pipeline validate", s.message());
    if (args.helpRequested()) {
        ctx.out << "Check a pipeline file and report every problem with its position.\n" << args.usage();
        return kExitOk;
    }
    const std::string file = args.positionalValue("FILE");
    if (!readable(file, ctx, "validate"))
        return kExitUsage;
    pl::DiskFiles disk;
    pl::CheckedPipeline c = pl::checkPipeline(file, disk);
    const auto& diags = c.diagnostics;
    if (args.get("format", "text") == "json") {
        ordered_json out{{"file", file},
                         {"ok", !diags.hasErrors()},
                         {"stages", c.spec.stages.size()},
                         {"errors", diags.errorCount()},
                         {"warnings", diags.warningCount()},
                         {"diagnostics", ordered_json::array()}};
        for (const auto& d : diags.list())
            out["diagnostics"].push_back(diagnosticJson(d));
        ctx.out << out.dump(2) << "\n";
    } else {
        printDiagnostics(ctx.err, diags);
        ctx.out << file << ": " << plural(c.spec.stages.size(), "stage") << ", " << plural(c.dag.edges().size(), "edge") << ", "
                << plural(diags.errorCount(), "error") << ", " << plural(diags.warningCount(), "warning") << "\n";
    }
    return diags.hasErrors() ? kExitFailure : kExitOk;
}

std::string dotQuote(const std::string& s)
{
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "\"";
}

ordered_json stageJson(const pl::Stage& s, const pl::Dag& dag, int index)
{
    ordered_json j;
    j["name"] = s.name;
    if (s.name != s.entry) {
        j["entry"] = s.entry;
        j["key"] = s.key;
    }
    if (s.cmdIsList)
        j["cmd"] = s.cmd;
    else
        j["cmd"] = s.cmd.empty() ? std::string() : s.cmd[0];
    if (!s.wdir.empty())
        j["wdir"] = s.wdir;
    j["deps"] = ordered_json::array();
    for (const auto& d : s.deps)
        j["deps"].push_back(d.path);
    j["outs"] = ordered_json::array();
    for (const auto& o : s.outs) {
        ordered_json oj{{"path", o.path}, {"kind", pl::outputListName(o.kind)}, {"cache", o.cache}};
        if (o.persist)
            oj["persist"] = true;
        j["outs"].push_back(oj);
    }
    j["params"] = ordered_json::array();
    for (const auto& p : s.params) {
        ordered_json keys = ordered_json::array();
        for (const auto& k : p.keys)
            keys.push_back(k.path);
        j["params"].push_back({{"file", p.file}, {"keys", keys}});
    }
    if (s.frozen)
        j["frozen"] = true;
    if (s.alwaysChanged)
        j["always_changed"] = true;
    if (s.resources.gpus > 0 || s.resources.nproc > 1)
        j["resources"] = {{"gpus", s.resources.gpus}, {"nproc", s.resources.nproc}};
    j["level"] = dag.level(index);
    j["line"] = s.pos.line;
    return j;
}

int dagCmd(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("pipeline dag");
    args.positional("FILE", "pipelines/NAME.yaml or a dvc.yaml")
        .option("format", "FORMAT", "text (default), dot or json")
        .choices("format", {"text", "dot", "json"});
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "pipeline dag", s.message());
    if (args.helpRequested()) {
        ctx.out << "Show a pipeline's stages and what each one needs: by level (stages of a level can run\n"
                   "at the same time), as Graphviz dot, or as JSON.\n"
                << args.usage();
        return kExitOk;
    }
    const std::string file = args.positionalValue("FILE");
    if (!readable(file, ctx, "dag"))
        return kExitUsage;
    pl::DiskFiles disk;
    pl::CheckedPipeline c = pl::checkPipeline(file, disk);
    printDiagnostics(ctx.err, c.diagnostics);
    if (c.diagnostics.hasErrors()) {
        ctx.err << "cairn pipeline dag: " << file << " has " << plural(c.diagnostics.errorCount(), "error")
                << "; 'cairn pipeline validate' lists them\n";
        return kExitFailure;
    }
    const auto& stages = c.spec.stages;
    const pl::Dag& dag = c.dag;
    const std::string format = args.get("format", "text");
    if (format == "json") {
        ordered_json out{{"file", file}, {"stages", ordered_json::array()}, {"edges", ordered_json::array()}, {"levels", ordered_json::array()}};
        for (int i = 0; i < static_cast<int>(stages.size()); ++i)
            out["stages"].push_back(stageJson(stages[static_cast<std::size_t>(i)], dag, i));
        for (const auto& e : dag.edges())
            out["edges"].push_back({{"from", stages[static_cast<std::size_t>(e.from)].name},
                                    {"to", stages[static_cast<std::size_t>(e.to)].name},
                                    {"path", stages[static_cast<std::size_t>(e.to)].deps[static_cast<std::size_t>(e.dep)].path}});
        for (const auto& level : dag.levels()) {
            ordered_json names = ordered_json::array();
            for (int s : level)
                names.push_back(stages[static_cast<std::size_t>(s)].name);
            out["levels"].push_back(names);
        }
        ctx.out << out.dump(2) << "\n";
        return kExitOk;
    }
    if (format == "dot") {
        ctx.out << "digraph pipeline {\n  rankdir=TB;\n  node [shape=box];\n";
        for (const auto& s : stages)
            ctx.out << "  " << dotQuote(s.name) << ";\n";
        for (const auto& e : dag.edges())
            ctx.out << "  " << dotQuote(stages[static_cast<std::size_t>(e.from)].name) << " -> "
                    << dotQuote(stages[static_cast<std::size_t>(e.to)].name) << ";\n";
        ctx.out << "}\n";
        return kExitOk;
    }
    TextTable table({"level", "stage", "after"});
    for (std::size_t l = 0; l < dag.levels().size(); ++l) {
        for (int s : dag.levels()[l]) {
            std::string after;
            for (int e : dag.predecessors(s))
                after += (after.empty() ? "" : ", ") + stages[static_cast<std::size_t>(dag.edge(e).from)].name;
            table.add({std::to_string(l), stages[static_cast<std::size_t>(s)].name, after.empty() ? "-" : after});
        }
    }
    table.print(ctx.out);
    ctx.out << plural(stages.size(), "stage") << ", " << plural(dag.edges().size(), "edge") << ", "
            << plural(dag.levels().size(), "level") << "\n";
    return kExitOk;
}

int listCmd(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("pipeline list");
    args.option("format", "FORMAT", "table (default) or json").choices("format", {"table", "json"});
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "pipeline list", s.message());
    if (args.helpRequested()) {
        ctx.out << "List the project's pipelines: pipelines/*.yaml and dvc.yaml.\n" << args.usage();
        return kExitOk;
    }
    auto project = Project::locate(ctx.projectOption);
    if (!project) {
        ctx.err << "cairn pipeline list: " << project.message() << "\n";
        return kExitUsage;
    }
    const std::vector<std::string> files = pl::projectPipelineFiles(project->root());
    pl::DiskFiles disk;
    ordered_json json = ordered_json::array();
    TextTable table({"pipeline", "file", "stages", "errors", "warnings"});
    for (const auto& f : files) {
        pl::CheckedPipeline c = pl::checkPipeline((project->root() / f).string(), disk);
        const std::string name = f == "dvc.yaml" ? "dvc" : std::filesystem::path(f).stem().string();
        json.push_back({{"name", name}, {"file", f}, {"stages", c.spec.stages.size()},
                        {"errors", c.diagnostics.errorCount()}, {"warnings", c.diagnostics.warningCount()}});
        table.add({name, f, std::to_string(c.spec.stages.size()), std::to_string(c.diagnostics.errorCount()),
                   std::to_string(c.diagnostics.warningCount())});
    }
    if (args.get("format", "table") == "json") {
        ctx.out << json.dump(2) << "\n";
        return kExitOk;
    }
    if (files.empty()) {
        ctx.out << "no pipelines: add pipelines/NAME.yaml (see docs/pipelines.md)\n";
        return kExitOk;
    }
    table.print(ctx.out);
    return kExitOk;
}

} // namespace

int cmdPipeline(const std::vector<std::string>& argv, Context& ctx)
{
    return dispatchSubcommand("pipeline", argv, ctx, printHelp,
                              {{"validate", validateCmd},
                               {"dag", dagCmd},
                               {"list", listCmd},
                               {"run", pipelineRunCmd},
                               {"status", pipelineStatusCmd}});
}

} // namespace cairn::cli
