// Reading the process table from /proc: one process's stat line, and the descendants of a
// process found by following ppid links. Every reader tolerates processes that vanish mid-walk
// (a missing or unreadable /proc/PID is skipped, never an error). Linux only.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace cairn::exec {

struct ProcStat {
    long pid = 0;
    char state = '?';            // R, S, D, Z (zombie), T, ...
    long ppid = 0;
    long pgrp = 0;
    std::uint64_t cpuTicks = 0;  // utime + stime + cutime + cstime, in clock ticks
    std::uint64_t rssPages = 0;
};

// /proc/PID/stat parsed; nullopt when the process does not exist (any more).
std::optional<ProcStat> readProcStat(long pid);

// Every process visible in /proc right now.
std::vector<ProcStat> listProcesses();

// Descendants of `root` in `table` (not root itself), parents before their children.
std::vector<ProcStat> descendantsOf(const std::vector<ProcStat>& table, long root);

// True while `pid` exists and is not a zombie (see also process_info.h processAlive, which checks the start time).
bool processRunning(long pid);

} // namespace cairn::exec
