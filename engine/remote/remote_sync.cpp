#include "engine/remote/remote_sync.h"

#include <cstdio>

namespace fs = std::filesystem;

namespace cairn::remote {
namespace {

std::uint64_t numberAfter(const std::string& text, const std::string& label)
{
    auto pos = text.find(label);
    if (pos == std::string::npos)
        return 0;
    std::uint64_t v = 0;
    for (std::size_t i = pos + label.size(); i < text.size(); ++i) {
        char c = text[i];
        if (c >= '0' && c <= '9')
            v = v * 10 + static_cast<std::uint64_t>(c - '0');
        else if (c != ',' && c != '.' && c != ' ')
            break;
        else if (c == ' ' && v > 0)
            break;
    }
    return v;
}

std::string explain(const Transport& t, const CommandResult& r, bool& connection)
{
    connection = false;
    if (!r.startError.empty())
        return "cannot run rsync here (" + r.startError + "): install it (Debian: rsync)";
    if (r.timedOut)
        return "rsync to " + t.where() + " did not finish in time";
    const std::string& err = r.err;
    if (err.find("rsync: command not found") != std::string::npos || err.find("rsync: not found") != std::string::npos)
        return "there is no rsync on " + t.where() + ": install it there (Debian: apt install rsync), Cairn sends the job's files with it";
    if (err.find("No space left on device") != std::string::npos || err.find("Disk quota exceeded") != std::string::npos)
        return "the remote disk is full: rsync to " + t.where() + " failed with 'No space left on device'; free space there or point 'workdir:' at a larger disk";
    CommandResult asSsh = r;
    asSsh.exitCode = 255;
    if (classifySshFailure(255, err) != SshProblem::Other && classifySshFailure(255, err) != SshProblem::None) {
        connection = true;
        return t.explainFailure(asSsh);
    }
    if (err.find("connection unexpectedly closed") != std::string::npos) {
        connection = true;
        return "the connection to " + t.where() + " closed during rsync";
    }
    std::string tail = err.size() > 400 ? err.substr(err.size() - 400) : err;
    while (!tail.empty() && tail.back() == '\n')
        tail.pop_back();
    return "rsync to " + t.where() + " failed (exit " + std::to_string(r.exitCode) + "): " + tail;
}

} // namespace

SyncStats parseRsyncStats(const std::string& text)
{
    SyncStats s;
    auto reg = text.find("Number of files:");
    if (reg != std::string::npos) {
        auto line = text.substr(reg, text.find('\n', reg) - reg);
        s.files = line.find("reg:") != std::string::npos ? numberAfter(line, "reg:")
                  : line.find('(') != std::string::npos ? 0
                                                        : numberAfter(line, "Number of files:");
    }
    s.filesSent = numberAfter(text, "Number of regular files transferred:");
    s.bytes = numberAfter(text, "Total file size:");
    s.bytesSent = numberAfter(text, "Literal data:");
    return s;
}

std::string formatBytes(std::uint64_t b)
{
    char buf[32];
    if (b < 1024)
        std::snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(b));
    else if (b < (1u << 20))
        std::snprintf(buf, sizeof buf, "%.1f KiB", static_cast<double>(b) / 1024.0);
    else if (b < (1u << 30))
        std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(b) / (1024.0 * 1024.0));
    else
        std::snprintf(buf, sizeof buf, "%.2f GiB", static_cast<double>(b) / (1024.0 * 1024.0 * 1024.0));
    return buf;
}

bool syncUp(const Transport& t, const fs::path& localDir, const std::string& remoteDir, const std::vector<std::string>& excludes,
            SyncStats& stats, SyncFailure& failure, int timeoutMs)
{
    std::vector<std::string> argv = {"rsync", "-a", "--delete", "--checksum", "--stats"};
    for (const auto& o : t.rsyncOptions())
        argv.push_back(o);
    argv.push_back("--filter=:- .cairnignore");
    for (const auto& e : excludes)
        argv.push_back("--exclude=" + e);
    std::string src = localDir.string();
    if (src.empty() || src.back() != '/')
        src += '/';
    argv.push_back(src);
    argv.push_back(t.rsyncPath(remoteDir + "/"));
    CommandResult r = runCommand(argv, {}, timeoutMs);
    if (!r.ok()) {
        failure.message = explain(t, r, failure.connection);
        return false;
    }
    stats = parseRsyncStats(r.out);
    return true;
}

bool fetchFiles(const Transport& t, const std::string& remoteDir, const std::vector<std::string>& files, const fs::path& localDir,
                SyncStats& stats, SyncFailure& failure, int timeoutMs)
{
    if (files.empty())
        return true;
    std::error_code ec;
    fs::create_directories(localDir, ec);
    std::vector<std::string> argv = {"rsync", "-a", "--stats", "--files-from=-", "--from0"};
    for (const auto& o : t.rsyncOptions())
        argv.push_back(o);
    argv.push_back(t.rsyncPath(remoteDir + "/"));
    argv.push_back(localDir.string() + "/");
    std::string list;
    for (const auto& f : files) {
        list += f;
        list += '\0';
    }
    CommandResult r = runCommand(argv, list, timeoutMs);
    if (!r.ok()) {
        failure.message = explain(t, r, failure.connection);
        return false;
    }
    stats = parseRsyncStats(r.out);
    return true;
}

} // namespace cairn::remote
