// `cairn card export|show|set|edit|fields`: model cards (docs/registry.md#model-cards).
// export writes Model Card Toolkit JSON, a Hugging Face README.md, a self-contained HTML page,
// or a PDF. The PDF is laid out by Qt (QTextDocument + QPdfWriter) in cairn-render-pdf, a
// small program built with the workbench and installed next to `cairn` (this CLI is Qt-free).
#include "engine/cli/subcommands.h"
#include "engine/cli/args.h"
#include "engine/cli/commands.h"
#include "engine/cli/output.h"
#include "engine/cli/read_common.h"
#include "engine/cli/registry_cli.h"
#include "engine/core/ids.h"
#include "engine/core/text.h"
#include "engine/exec/process_info.h"
#include "engine/registry/card.h"
#include "engine/registry/card_fields.h"

#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <ostream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

using nlohmann::json;
namespace fs = std::filesystem;

namespace cairn::cli {
namespace {

using namespace registry_cli;

void printHelp(std::ostream& out)
{
    out << "usage: cairn card export NAME VERSION --format mct-json|hf|html|pdf -o FILE\n"
           "       cairn card show NAME VERSION [--format text|json|yaml]\n"
           "       cairn card set NAME VERSION FIELD VALUE | --file CARD.yaml\n"
           "       cairn card edit NAME VERSION\n"
           "       cairn card fields\n\n"
           "A model card is filled from what Cairn tracked (the version, its run's params, metrics\n"
           "with confidence intervals, metrics by slice, fairness metrics, training data and its\n"
           "lineage, the environment, the gate results) and from written fields (intended use,\n"
           "limitations...) kept per version. See docs/registry.md.\n";
}

Status writeFile(const fs::path& path, const std::string& text)
{
    std::ofstream out(path, std::ios::binary);
    out << text;
    out.close();
    if (!out)
        return makeError("cannot write " + path.string());
    return Ok{};
}

// cairn-render-pdf: $CAIRN_RENDER_PDF, next to this program, the build tree's app/, then PATH.
std::optional<fs::path> findRenderer()
{
    if (const char* env = std::getenv("CAIRN_RENDER_PDF"); env && *env)
        return fs::path(env);
    std::error_code ec;
    const fs::path self = fs::path(exec::selfExecutable()).parent_path();
    for (const fs::path& p : {self / "cairn-render-pdf", self.parent_path() / "app" / "cairn-render-pdf"})
        if (fs::exists(p, ec))
            return p;
    if (const char* path = std::getenv("PATH")) {
        std::istringstream dirs(path);
        for (std::string d; std::getline(dirs, d, ':');)
            if (!d.empty() && fs::exists(fs::path(d) / "cairn-render-pdf", ec))
                return fs::path(d) / "cairn-render-pdf";
    }
    return std::nullopt;
}

// Runs argv, its stdout and stderr to `log`; the exit code, or -1 when it could not start.
int runProgram(const std::vector<std::string>& argv, const fs::path& log)
{
    if (::access(argv[0].c_str(), X_OK) != 0)
        return -1;
    pid_t pid = ::fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0) {
            ::dup2(fd, 1);
            ::dup2(fd, 2);
        }
        std::vector<char*> args;
        for (const auto& a : argv)
            args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int exportPdf(Context& ctx, const registry::CardData& card, const fs::path& out)
{
    auto renderer = findRenderer();
    if (!renderer) {
        ctx.err << "cairn card export: --format pdf needs cairn-render-pdf, the Qt program that lays out the PDF; it is "
                   "built with the workbench (cmake -DCAIRN_BUILD_GUI=ON) and installed next to cairn, and was not found next to "
                << exec::selfExecutable() << " or on PATH (CAIRN_RENDER_PDF=PATH names it). The other formats need nothing: "
                   "--format html|hf|mct-json\n";
        return kExitFailure;
    }
    std::error_code ec;
    const fs::path work = fs::temp_directory_path(ec) / ("cairn-card-" + newRunId().substr(0, 12));
    fs::create_directories(work, ec);
    if (ec) {
        ctx.err << "cairn card export: cannot create " << work.string() << ": " << ec.message() << "\n";
        return kExitFailure;
    }
    int code = kExitOk;
    Status s = writeFile(work / "card.html", registry::cardHtml(card, registry::HtmlFlavor::Document));
    for (const auto& chart : registry::cardCharts(card))
        if (s)
            s = writeFile(work / (chart.id + ".svg"), chart.svg);
    if (!s) {
        ctx.err << "cairn card export: " << s.message() << "\n";
        code = kExitFailure;
    } else {
        const int rc = runProgram({renderer->string(), (work / "card.html").string(), fs::absolute(out, ec).string()}, work / "render.log");
        if (rc != 0) {
            std::ifstream log(work / "render.log");
            std::stringstream text;
            text << log.rdbuf();
            ctx.err << "cairn card export: " << renderer->string() << (rc < 0 ? " could not run" : " failed (exit " + std::to_string(rc) + ")")
                    << (text.str().empty() ? std::string() : ": " + text.str()) << "\n";
            code = kExitFailure;
        }
    }
    fs::remove_all(work, ec);
    return code;
}

int exportCmd(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("card export");
    args.positional("NAME", "a registered model")
        .positional("VERSION", "a version number, 'latest' or an alias")
        .option("format", "FORMAT", "mct-json (Model Card Toolkit 0.0.2), hf (Hugging Face README.md), html or pdf")
        .choices("format", {"mct-json", "hf", "html", "pdf"})
        .option("o", "FILE", "where to write it (default: stdout, except for pdf)");
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "card export", s.message());
    if (args.helpRequested()) {
        ctx.out << "Export a model version's card.\n" << args.usage();
        return kExitOk;
    }
    if (!args.has("format"))
        return usageError(ctx.err, "card export", "--format is required: mct-json, hf, html or pdf");
    const std::string format = args.get("format");
    if (format == "pdf" && !args.has("o"))
        return usageError(ctx.err, "card export", "--format pdf needs -o FILE");
    auto project = Project::locate(ctx.projectOption);
    if (!project)
        return usageError(ctx.err, "card export", project.message());
    auto store = openForRead(ctx, "card export");
    if (!store)
        return kExitUsage;
    auto v = resolveVersion(*store, args.positionalValue("NAME"), args.positionalValue("VERSION"));
    if (!v)
        return usageError(ctx.err, "card export", v.message());
    auto card = registry::buildCard(*store, *project, v->model, v->version);
    if (!card) {
        ctx.err << "cairn card export: " << card.message() << "\n";
        return kExitFailure;
    }
    const fs::path out = args.get("o");
    if (format == "pdf") {
        int rc = exportPdf(ctx, *card, out);
        if (rc == kExitOk)
            ctx.err << "wrote the card of " << v->model << ":" << v->version << " to " << out.string() << "\n";
        return rc;
    }
    const std::string text = format == "mct-json" ? registry::cardMctJson(*card)
                             : format == "hf"     ? registry::cardHuggingFace(*card)
                                                  : registry::cardHtml(*card, registry::HtmlFlavor::Web);
    if (!args.has("o")) {
        ctx.out << text;
        return kExitOk;
    }
    if (auto s = writeFile(out, text); !s)
        return usageError(ctx.err, "card export", s.message());
    ctx.err << "wrote the card of " << v->model << ":" << v->version << " to " << out.string() << "\n";
    return kExitOk;
}

int showCmd(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("card show");
    args.positional("NAME", "a registered model")
        .positional("VERSION", "a version number, 'latest' or an alias")
        .option("format", "FORMAT", "text (default), json or yaml (what 'card set --file' reads)")
        .choices("format", {"text", "json", "yaml"});
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "card show", s.message());
    if (args.helpRequested()) {
        ctx.out << "Show a version's written card fields.\n" << args.usage();
        return kExitOk;
    }
    auto store = openForRead(ctx, "card show");
    if (!store)
        return kExitUsage;
    auto v = resolveVersion(*store, args.positionalValue("NAME"), args.positionalValue("VERSION"));
    if (!v)
        return usageError(ctx.err, "card show", v.message());
    auto fields = store->cardFields(v->model, v->version);
    if (!fields) {
        ctx.err << "cairn card show: " << fields.message() << "\n";
        return kExitFailure;
    }
    if (args.get("format") == "yaml") {
        ctx.out << registry::cardFieldsYaml(*fields);
        return kExitOk;
    }
    if (args.get("format") == "json") {
        nlohmann::ordered_json j = nlohmann::ordered_json::object();
        for (const auto& f : registry::cardFields()) {
            auto it = fields->find(f.key);
            j[f.key] = it == fields->end() ? "" : it->second;
        }
        ctx.out << j.dump(2) << "\n";
        return kExitOk;
    }
    for (const auto& f : registry::cardFields()) {
        auto it = fields->find(f.key);
        ctx.out << f.label << ":\n";
        if (it == fields->end() || it->second.empty()) {
            ctx.out << "  (not written: 'cairn card set " << v->model << " " << v->version << " " << f.key << " TEXT')\n";
            continue;
        }
        std::istringstream in(it->second);
        for (std::string line; std::getline(in, line);)
            ctx.out << "  " << line << "\n";
    }
    return kExitOk;
}

int setFields(Context& ctx, const std::string& command, const Args& args, const ModelVersion& v,
              const std::map<std::string, std::string>& fields)
{
    json f = json::object();
    for (const auto& [k, val] : fields)
        f[k] = val;
    int code = kExitOk;
    auto reply = engineCall(ctx, command, args, "card.set", {{"model", v.model}, {"version", v.version}, {"fields", f}}, code);
    if (!reply)
        return code;
    ctx.out << "saved " << fields.size() << " card field" << (fields.size() == 1 ? "" : "s") << " of " << v.model << ":" << v.version << "\n";
    return kExitOk;
}

int setCmd(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("card set");
    args.positional("NAME", "a registered model")
        .positional("VERSION", "a version number, 'latest' or an alias")
        .positional("FIELD", "a card field ('cairn card fields' lists them)", false)
        .positional("VALUE", "its text ('' removes it; use \\n or --file for several lines)", false)
        .option("file", "CARD.yaml", "set every field the YAML file names");
    addIdentityOption(args);
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "card set", s.message());
    if (args.helpRequested()) {
        ctx.out << "Set written card fields of a version.\n" << args.usage();
        return kExitOk;
    }
    auto store = openForRead(ctx, "card set");
    if (!store)
        return kExitUsage;
    auto v = resolveVersion(*store, args.positionalValue("NAME"), args.positionalValue("VERSION"));
    if (!v)
        return usageError(ctx.err, "card set", v.message());
    std::map<std::string, std::string> fields;
    if (args.has("file")) {
        std::ifstream in(args.get("file"), std::ios::binary);
        if (!in)
            return usageError(ctx.err, "card set", "cannot read " + args.get("file"));
        std::stringstream text;
        text << in.rdbuf();
        auto parsed = registry::parseCardFieldsYaml(text.str(), args.get("file"));
        if (!parsed)
            return usageError(ctx.err, "card set", parsed.message());
        fields = *parsed;
    }
    const std::string field = args.positionalValue("FIELD");
    if (!field.empty()) {
        if (!registry::findCardField(field)) {
            const std::string hint = didYouMean(field, registry::cardFieldKeys());
            return usageError(ctx.err, "card set", "unknown card field '" + field + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)")
                                                       + "; 'cairn card fields' lists them");
        }
        std::string value = args.positionalValue("VALUE");
        for (std::size_t at = value.find("\\n"); at != std::string::npos; at = value.find("\\n", at + 1))
            value.replace(at, 2, "\n");
        fields[field] = value;
    }
    if (fields.empty())
        return usageError(ctx.err, "card set", "give FIELD VALUE or --file CARD.yaml");
    return setFields(ctx, "card set", args, *v, fields);
}

int editCmd(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("card edit");
    args.positional("NAME", "a registered model").positional("VERSION", "a version number, 'latest' or an alias");
    addIdentityOption(args);
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "card edit", s.message());
    if (args.helpRequested()) {
        ctx.out << "Edit a version's written card fields in $VISUAL or $EDITOR (as YAML).\n" << args.usage();
        return kExitOk;
    }
    auto store = openForRead(ctx, "card edit");
    if (!store)
        return kExitUsage;
    auto v = resolveVersion(*store, args.positionalValue("NAME"), args.positionalValue("VERSION"));
    if (!v)
        return usageError(ctx.err, "card edit", v.message());
    auto current = store->cardFields(v->model, v->version);
    if (!current) {
        ctx.err << "cairn card edit: " << current.message() << "\n";
        return kExitFailure;
    }
    const char* editor = std::getenv("VISUAL");
    if (!editor || !*editor)
        editor = std::getenv("EDITOR");
    if (!editor || !*editor)
        return usageError(ctx.err, "card edit", "set VISUAL or EDITOR to your editor, or use 'cairn card set --file'");
    std::error_code ec;
    const fs::path file = fs::temp_directory_path(ec) / ("cairn-card-" + v->model + "-" + std::to_string(v->version) + ".yaml");
    if (auto s = writeFile(file, "# The card of " + v->model + ":" + std::to_string(v->version) + ". Save and quit to store it.\n"
                                     + registry::cardFieldsYaml(*current));
        !s)
        return usageError(ctx.err, "card edit", s.message());
    const int rc = std::system((std::string(editor) + " " + shellQuote(file.string())).c_str());
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (rc != 0) {
        ctx.err << "cairn card edit: the editor exited with " << rc << "; nothing was saved (your text is in " << file.string() << ")\n";
        return kExitFailure;
    }
    auto parsed = registry::parseCardFieldsYaml(text.str(), file.string());
    if (!parsed) {
        ctx.err << "cairn card edit: " << parsed.message() << " (nothing was saved; your text is in " << file.string() << ")\n";
        return kExitUsage;
    }
    std::map<std::string, std::string> changed;
    for (const auto& [k, val] : *parsed) {
        auto it = current->find(k);
        if ((it == current->end() ? std::string() : it->second) != val)
            changed[k] = val;
    }
    if (changed.empty()) {
        ctx.out << "no card field changed\n";
        fs::remove(file, ec);
        return kExitOk;
    }
    const int code = setFields(ctx, "card edit", args, *v, changed);
    if (code == kExitOk)
        fs::remove(file, ec);
    return code;
}

int fieldsCmd(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("card fields");
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "card fields", s.message());
    if (args.helpRequested()) {
        ctx.out << "List the written fields of a model card.\n" << args.usage();
        return kExitOk;
    }
    TextTable table({"field", "label", "what to write"});
    for (const auto& f : registry::cardFields())
        table.add({f.key, f.label, f.help});
    table.print(ctx.out);
    return kExitOk;
}

} // namespace

int cmdCard(const std::vector<std::string>& argv, Context& ctx)
{
    return dispatchSubcommand("card", argv, ctx, printHelp,
                              {{"export", exportCmd},
                               {"show", showCmd},
                               {"set", setCmd},
                               {"edit", editCmd},
                               {"fields", fieldsCmd}});
}

} // namespace cairn::cli
