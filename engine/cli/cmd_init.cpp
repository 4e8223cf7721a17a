#include "engine/cli/args.h"
#include "engine/cli/commands.h"
#include "engine/cli/output.h"
#include "engine/store/project.h"

#include <ostream>

namespace cairn::cli {

int cmdInit(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("init");
    args.positional("DIR", "folder to create the project in (default: the current folder)", false)
        .option("name", "NAME", "project name (default: the folder's name)");
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "init", s.message());
    if (args.helpRequested()) {
        ctx.out << "Create a Cairn project: cairn.yaml, cairn.db, runs/ and artifacts/.\n" << args.usage();
        return kExitOk;
    }
    std::string dir = args.positionalValue("DIR", ctx.projectOption.empty() ? "." : ctx.projectOption);
    auto project = Project::init(dir, args.get("name"));
    if (!project) {
        ctx.err << "cairn init: " << project.message() << "\n";
        return kExitFailure;
    }
    ctx.out << "Created Cairn project '" << project->config().name << "' in " << project->root().string() << "\n";
    return kExitOk;
}

} // namespace cairn::cli
