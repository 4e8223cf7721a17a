#include "engine/exec/proc_tree.h"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>

namespace cairn::exec {
namespace {

// Reads a small /proc file in one go (they are generated at read time, so one read is atomic).
bool readSmallFile(const char* path, std::string& out)
{
    int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    std::array<char, 1024> buf{};
    ssize_t n = ::read(fd, buf.data(), buf.size() - 1);
    ::close(fd);
    if (n <= 0)
        return false;
    out.assign(buf.data(), static_cast<std::size_t>(n));
    return true;
}

} // namespace

std::optional<ProcStat> readProcStat(long pid)
{
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%ld/stat", pid);
    std::string line;
    if (!readSmallFile(path, line))
        return std::nullopt;
    // "pid (comm) state ppid pgrp ...": comm may hold spaces and ')', so parse after the last ')'.
    auto close = line.rfind(')');
    if (close == std::string::npos || close + 2 >= line.size())
        return std::nullopt;
    // Fields after comm, numbered from 0 = field 3 (state) of proc(5).
    std::array<std::uint64_t, 22> f{};
    const char* p = line.c_str() + close + 2;
    ProcStat s;
    s.pid = pid;
    s.state = *p;
    p += 1;
    for (std::size_t i = 1; i < f.size() && *p; ++i) {
        char* end = nullptr;
        long long v = std::strtoll(p, &end, 10);
        if (end == p)
            return std::nullopt;
        f[i] = static_cast<std::uint64_t>(v < 0 ? 0 : v);
        if (i == 1)
            s.ppid = static_cast<long>(v);
        p = end;
    }
    s.pgrp = static_cast<long>(f[2]);
    s.cpuTicks = f[11] + f[12] + f[13] + f[14];  // utime stime cutime cstime (fields 14-17)
    s.rssPages = f[21];                           // rss (field 24)
    return s;
}

std::vector<ProcStat> listProcesses()
{
    std::vector<ProcStat> out;
    DIR* dir = ::opendir("/proc");
    if (!dir)
        return out;
    while (dirent* e = ::readdir(dir)) {
        char* end = nullptr;
        long pid = std::strtol(e->d_name, &end, 10);
        if (pid <= 0 || *end != '\0')
            continue;
        if (auto s = readProcStat(pid))
            out.push_back(*s);
    }
    ::closedir(dir);
    return out;
}

std::vector<ProcStat> descendantsOf(const std::vector<ProcStat>& table, long root)
{
    std::unordered_multimap<long, const ProcStat*> children;
    for (const auto& s : table)
        if (s.pid != s.ppid)
            children.emplace(s.ppid, &s);
    std::vector<ProcStat> out;
    std::vector<long> frontier{root};
    // Breadth first; a pid seen twice (pid reuse during the walk) is not followed again.
    for (std::size_t guard = 0; !frontier.empty() && guard < table.size() + 1; ++guard) {
        std::vector<long> next;
        for (long parent : frontier) {
            auto [b, e] = children.equal_range(parent);
            for (auto it = b; it != e; ++it) {
                out.push_back(*it->second);
                next.push_back(it->second->pid);
            }
        }
        frontier = std::move(next);
    }
    return out;
}

bool processRunning(long pid)
{
    auto s = readProcStat(pid);
    return s && s->state != 'Z' && s->state != 'X';
}

} // namespace cairn::exec
