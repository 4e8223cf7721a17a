// cairn demo DIR: a project with a real training sweep, for a first look at the workbench.
#include "engine/cli/args.h"
#include "engine/cli/commands.h"
#include "engine/cli/output.h"
#include "engine/core/text.h"
#include "engine/demo/demo_files.h"
#include "engine/exec/python_finder.h"
#include "engine/cli/attached_run.h"
#include "engine/server/client.h"
#include "engine/store/store.h"

#include <fstream>
#include <sstream>
#include <ostream>

namespace fs = std::filesystem;

namespace cairn::cli {

int pipelineRunCmd(const std::vector<std::string>& argv, Context& ctx);  // cmd_pipeline_run.cpp

namespace {

struct SweepPoint {
    const char* script;
    const char* name;
    std::vector<std::pair<std::string, std::string>> params;
};

const std::vector<SweepPoint>& sweep()
{
    static const std::vector<SweepPoint> points = {
        {"train_logreg.py", "logreg-lr0.003", {{"lr", "0.003"}}},
        {"train_logreg.py", "logreg-lr0.03", {{"lr", "0.03"}}},
        {"train_logreg.py", "logreg-lr0.3", {{"lr", "0.3"}}},
        {"train_mlp.py", "mlp-h16", {{"hidden", "16"}, {"lr", "0.003"}}},
        {"train_mlp.py", "mlp-h64", {{"hidden", "64"}, {"lr", "0.003"}}},
        {"train_mlp.py", "mlp-h256", {{"hidden", "256"}, {"lr", "0.003"}}},
    };
    return points;
}

const char* kDemoGates = R"yaml(
# Promotion gates and approvals (docs/registry.md): a version must pass an alias's gates
# before it gets the alias. Add `protected_aliases: [champion]` and `roles:` to make a
# second person approve every new champion.
gates:
  champion:
    - name: accurate
      rule: metrics.accuracy >= 0.95
      message: a champion reads at least 95% of the held-out digits correctly
    - name: fair
      rule: metrics.fairness.accuracy_difference_even_odd < 0.05
      message: even and odd digits must be recognised about equally well
  staging:
    - name: finished
      rule: status = 'finished'
)yaml";

// Registers the best logistic regression and the best run overall as versions of
// `digits-classifier`, with gates in cairn.yaml, a written card, staging and champion aliases.
Status registerDemoModels(const Project& project, std::ostream& out)
{
    {
        std::ifstream in(project.configPath());
        std::stringstream text;
        text << in.rdbuf();
        if (text.str().find("\ngates:") == std::string::npos) {
            std::ofstream append(project.configPath(), std::ios::app);
            append << kDemoGates;
            if (!append)
                return makeError("cannot write " + project.configPath().string());
        }
    }
    auto store = Store::open(project.databasePath(), Store::Mode::ReadOnly);
    if (!store)
        return store.error();
    RunFilter filter;
    filter.where = "status = 'finished' and metrics.accuracy is not null";
    filter.sortKey = "metrics.accuracy";
    auto runs = (*store)->runs(filter);
    if (!runs)
        return runs.error();
    if (runs->empty())
        return makeError("no finished demo run logged an accuracy");
    const RunSummary* best = &runs->front();
    const RunSummary* linear = nullptr;
    for (const auto& r : *runs)
        if (!linear && r.run.name.starts_with("logreg"))
            linear = &r;
    auto client = server::ensureEngine(project);
    if (!client)
        return client.error();
    const std::string model = "digits-classifier";
    std::vector<const RunSummary*> order;
    if (linear && linear != best)
        order.push_back(linear);
    order.push_back(best);
    server::Json card = {
        {"overview", "Reads a handwritten digit (an 8x8 grey image) and says which of 0-9 it is."},
        {"owners", "Cairn demo <demo@example.org>"},
        {"license", "BSD-3-Clause"},
        {"references", "https://scikit-learn.org/stable/datasets/toy_dataset.html#digits-dataset"},
        {"intended_use", "Teaching: trying the Cairn workbench, registry and model cards\nSorting scanned digits where a person checks doubtful cases"},
        {"users", "People learning Cairn"},
        {"out_of_scope", "Reading amounts on cheques or any decision about a person"},
        {"limitations", "Trained on 1,347 8x8 images from 43 writers; other handwriting or resolutions are untested\n"
                        "The digit 8 is recognised least well (see Metrics by slice)"},
        {"ethical_considerations", "Misread digits in forms: a person reviews every low-confidence prediction"},
        {"training_data", "75% of scikit-learn's digits (stratified split, seed 0)"},
        {"evaluation_data", "The other 25% of the digits, held out from training"}};
    for (std::size_t i = 0; i < order.size(); ++i) {
        auto v = (*client)->call("model.register", {{"model", model}, {"run", order[i]->run.id}});
        if (!v)
            return v.error();
        const int version = v->value("version", 0);
        if (auto c = (*client)->call("card.set", {{"model", model}, {"version", version}, {"fields", card}}); !c)
            return c.error();
        const char* alias = i + 1 == order.size() ? "champion" : "staging";
        auto a = (*client)->call("model.promote", {{"model", model}, {"version", version}, {"alias", alias}});
        out << "  registered " << model << ":" << version << " (" << order[i]->run.name << ", accuracy "
            << formatDouble(order[i]->metrics.at("accuracy").last) << ")";
        if (a)
            out << " as " << alias;
        else
            out << "; not " << alias << ": " << a.message().substr(0, a.message().find('\n'));
        out << "\n";
    }
    return Ok{};
}

} // namespace

int cmdDemo(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("demo");
    args.positional("DIR", "folder for the demo project (created)")
        .flag("rerun", "run the sweep again in an existing demo project")
        .flag("run-pipeline", "also run the demo pipeline (pipelines/digits.yaml) through the engine, about 10 s")
        .option("epochs", "N", "epochs per run (default 30)");
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "demo", s.message());
    if (args.helpRequested()) {
        ctx.out << "Create a demo project and train a small sweep (logistic regression and MLPs on\n"
                   "scikit-learn's digits) with Debian's Python, numpy and scikit-learn.\n"
                << args.usage();
        return kExitOk;
    }
    std::string epochs = args.get("epochs", "30");
    if (epochs.empty() || epochs.find_first_not_of("0123456789") != std::string::npos || std::stoll(epochs) < 1
        || epochs.size() > 6)
        return usageError(ctx.err, "demo", "--epochs must be a whole number >= 1, got '" + epochs + "'");

    fs::path dir = args.positionalValue("DIR");
    Result<Project> project = fs::exists(dir / "cairn.yaml") ? Project::open(dir) : Project::init(dir, "demo");
    if (!project) {
        ctx.err << "cairn demo: " << project.message() << "\n";
        return kExitFailure;
    }
    {
        auto store = Store::open(project->databasePath(), Store::Mode::ReadOnly);
        if (!store) {
            ctx.err << "cairn demo: " << store.message() << "\n";
            return kExitFailure;
        }
        auto runs = (*store)->runs();
        if (runs && !runs->empty() && !args.has("rerun")) {
            ctx.out << "Demo project " << project->root().string() << " already has " << runs->size()
                    << " runs (use --rerun to add another sweep)\n";
            return kExitOk;
        }
    }
    auto python = exec::findPython(project->config().python, {"numpy", "sklearn"});
    if (!python) {
        ctx.err << "cairn demo: " << python.message() << "\n";
        return kExitFailure;
    }
    fs::path code = project->root() / "code";
    fs::create_directories(code);
    fs::create_directories(project->root() / "pipelines");
    for (const auto& f : demoFiles()) {
        // Scripts go to code/ (refreshed); the pipeline and its params are the user's to edit
        // once written: pipelines/digits.yaml and params.yaml are never overwritten.
        const std::string name(f.name);
        const bool yaml = name.ends_with(".yaml");
        const fs::path dest = !yaml ? code / name : name == "params.yaml" ? project->root() / name : project->root() / "pipelines" / name;
        std::error_code ec;
        if (yaml && fs::exists(dest, ec))
            continue;
        std::string contents(f.contents);
        if (name == "digits.yaml")  // the Python found above runs the stages
            if (auto at = contents.find("python: /usr/bin/python3"); at != std::string::npos)
                contents.replace(at + 8, std::string_view("/usr/bin/python3").size(), *python);
        std::ofstream out(dest, std::ios::binary);
        out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
        if (!out) {
            ctx.err << "cairn demo: cannot write " << dest.string() << "\n";
            return kExitFailure;
        }
    }
    ctx.out << "Training " << sweep().size() << " demo runs with " << *python << " in " << project->root().string() << "\n";
    int failures = 0;
    for (std::size_t i = 0; i < sweep().size(); ++i) {
        const SweepPoint& p = sweep()[i];
        AttachedRequest request;
        request.name = p.name;
        request.experiment = "digits";
        request.workdir = code;
        request.tee = false;
        request.argv = {*python, p.script, "--epochs", epochs};
        for (const auto& [k, v] : p.params) {
            request.params[k] = v;
            request.argv.push_back("--" + k);
            request.argv.push_back(v);
        }
        request.params["epochs"] = epochs;
        ctx.out << "  [" << (i + 1) << "/" << sweep().size() << "] " << p.name << " ... " << std::flush;
        auto result = runAttached(*project, request);
        if (!result) {
            ctx.out << "error\n";
            ctx.err << "cairn demo: " << result.message() << "\n";
            return kExitFailure;
        }
        ctx.out << toString(result->status) << ", " << result->report.points << " points (run " << result->runId.substr(0, 8)
                << ")\n";
        if (result->status != RunStatus::Finished) {
            ++failures;
            ctx.err << "cairn demo: " << p.name << " exited with " << result->report.end.exitCode << "; see runs/"
                    << result->runId << "/stderr.log\n";
        }
    }
    if (!failures) {
        if (auto s = registerDemoModels(*project, ctx.out); !s)
            ctx.err << "cairn demo: registering the demo model failed: " << s.message() << "\n";
    }
    if (args.has("run-pipeline") && failures == 0) {
        ctx.out << "Running the demo pipeline pipelines/digits.yaml\n";
        const std::string saved = ctx.projectOption;
        ctx.projectOption = project->root().string();
        const int code = pipelineRunCmd({(project->root() / "pipelines" / "digits.yaml").string()}, ctx);
        ctx.projectOption = saved;
        if (code != kExitOk)
            return code;
    }
    ctx.out << "Done. Open it with: cairn-workbench " << project->root().string() << "\n"
            << "The demo pipeline (prepare -> featurize -> train x3 -> evaluate) is pipelines/digits.yaml: run it with\n"
            << "  cairn --project " << project->root().string() << " pipeline run pipelines/digits.yaml\n"
            << "or open it from the workbench's Pipelines dock and press Run Pipeline.\n"
            << "Its model card: cairn card export digits-classifier champion --format html -o card.html\n";
    return failures ? kExitFailure : kExitOk;
}

} // namespace cairn::cli
