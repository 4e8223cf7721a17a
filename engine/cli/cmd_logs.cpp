// cairn logs RUN [-f]: a run's output; with -f, followed until the run ends.
#include "engine/cli/args.h"
#include "engine/cli/commands.h"
#include "engine/cli/output.h"
#include "engine/store/project.h"
#include "engine/store/store.h"

#include <chrono>
#include <fcntl.h>
#include <ostream>
#include <thread>
#include <unistd.h>

namespace cairn::cli {
namespace {

// Copies what a file gained since `offset` to `out`.
void copyNew(const std::filesystem::path& path, off_t& offset, std::ostream& out)
{
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return;
    char buf[65536];
    for (;;) {
        ssize_t n = ::pread(fd, buf, sizeof buf, offset);
        if (n <= 0)
            break;
        out.write(buf, n);
        offset += n;
    }
    ::close(fd);
    out.flush();
}

} // namespace

int cmdLogs(const std::vector<std::string>& argv, Context& ctx)
{
    std::vector<std::string> rewritten;
    for (const auto& a : argv)
        rewritten.push_back(a == "-f" ? "--follow" : a);
    Args args("logs");
    args.positional("RUN", "run id, unique id prefix or run name")
        .flag("follow", "keep printing new output until the run ends (also -f)")
        .option("stream", "WHICH", "stdout, stderr or both (default: both; stderr goes to stderr)")
        .choices("stream", {"stdout", "stderr", "both"});
    if (auto s = args.parse(rewritten); !s)
        return usageError(ctx.err, "logs", s.message());
    if (args.helpRequested()) {
        ctx.out << "Print a run's output: its stdout to stdout and its stderr to stderr.\n" << args.usage();
        return kExitOk;
    }
    auto project = Project::locate(ctx.projectOption);
    if (!project) {
        ctx.err << "cairn logs: " << project.message() << "\n";
        return kExitUsage;
    }
    auto store = Store::open(project->databasePath(), Store::Mode::ReadOnly);
    if (!store) {
        ctx.err << "cairn logs: " << store.message() << "\n";
        return kExitUsage;
    }
    auto run = (*store)->findRun(args.positionalValue("RUN"));
    if (!run) {
        ctx.err << "cairn logs: " << run.message() << "\n";
        return kExitUsage;
    }
    const std::string stream = args.get("stream", "both");
    const auto dir = project->runDir(run->id);
    off_t outOffset = 0, errOffset = 0;
    for (;;) {
        auto now = (*store)->findRun(run->id);
        bool ended = !now || (now->status != RunStatus::Queued && now->status != RunStatus::Running);
        if (stream != "stderr")
            copyNew(dir / "stdout.log", outOffset, ctx.out);
        if (stream != "stdout")
            copyNew(dir / "stderr.log", errOffset, ctx.err);
        if (!args.has("follow") || ended)
            return kExitOk;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
}

} // namespace cairn::cli
