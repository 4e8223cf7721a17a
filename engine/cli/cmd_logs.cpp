// cairn logs RUN [-f]: a run's output; with -f, followed until the run ends.
#include "engine/cli/args.h"
#include "engine/cli/commands.h"
#include "engine/cli/output.h"
#include "engine/store/project.h"
#include "engine/store/store.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
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

// The log files a run folder may hold: rank 0's and rank N's output, Slurm's batch output and
// the per-node logs of a Slurm job.
bool isLogName(const std::string& n)
{
    if (n.find('/') != std::string::npos || n.find("..") != std::string::npos)
        return false;
    return n == "slurm.out" || n == "supervisor.log" || ((n.starts_with("stdout") || n.starts_with("stderr") || n.starts_with("node."))
                                                         && n.ends_with(".log"));
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
        .choices("stream", {"stdout", "stderr", "both"})
        .option("rank", "N", "the output of worker (rank) N of a multi-worker job (default 0)")
        .option("node", "NAME", "the log of one node of a Slurm job (node.NAME.log)")
        .option("file", "NAME", "one log file of the run, e.g. slurm.out (see --list)")
        .flag("list", "list the run's log files (per rank, per node, Slurm's) and exit");
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
    std::string stream = args.get("stream", "both");
    const auto dir = project->runDir(run->id);
    if (args.has("list")) {
        TextTable table({"file", "bytes"});
        std::vector<std::string> names;
        std::error_code ec;
        for (const auto& e : std::filesystem::directory_iterator(dir, ec))
            if (isLogName(e.path().filename().string()))
                names.push_back(e.path().filename().string());
        std::sort(names.begin(), names.end());
        for (const auto& n : names)
            table.add({n, std::to_string(std::filesystem::file_size(dir / n, ec))});
        table.print(ctx.out);
        return kExitOk;
    }
    std::string outName = "stdout.log", errName = "stderr.log";
    if (args.has("rank")) {
        const std::string r = args.get("rank");
        if (r.empty() || r.size() > 5 || r.find_first_not_of("0123456789") != std::string::npos)
            return usageError(ctx.err, "logs", "--rank must be a whole number, got '" + r + "'");
        if (r != "0") {
            outName = "stdout.rank" + r + ".log";
            errName = "stderr.rank" + r + ".log";
        }
    }
    if (args.has("node") || args.has("file")) {
        outName = args.has("node") ? "node." + args.get("node") + ".log" : args.get("file");
        if (!isLogName(outName))
            return usageError(ctx.err, "logs", "'" + outName + "' is not a log file of a run (see cairn logs RUN --list)");
        stream = "stdout";
    }
    if (!std::filesystem::exists(dir / outName) && !std::filesystem::exists(dir / errName) && outName != "stdout.log") {
        ctx.err << "cairn logs: run " << run->id.substr(0, 8) << " has no " << outName << " (yet); 'cairn logs " << run->id.substr(0, 8)
                << " --list' shows what it has\n";
        return kExitUsage;
    }
    off_t outOffset = 0, errOffset = 0;
    for (;;) {
        auto now = (*store)->findRun(run->id);
        bool ended = !now || (now->status != RunStatus::Queued && now->status != RunStatus::Running);
        if (stream != "stderr")
            copyNew(dir / outName, outOffset, ctx.out);
        if (stream != "stdout")
            copyNew(dir / errName, errOffset, ctx.err);
        if (!args.has("follow") || ended)
            return kExitOk;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
}

} // namespace cairn::cli
