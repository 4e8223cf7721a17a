// CPU and memory of a process and all its descendants, read from /proc (Linux).
#pragma once

#include <chrono>
#include <cstdint>

namespace cairn::exec {

struct TreeSample {
    double cpuPercent = 0.0;     // since the previous sample (or construction); 100 = one core busy
    std::uint64_t rssBytes = 0;  // resident memory, summed over the tree (shared pages count per process)
    int processes = 0;           // live processes in the tree, root included; 0 once the root is gone
};

class ProcSampler {
public:
    explicit ProcSampler(long rootPid);
    // Walks the tree now. CPU time is utime+stime+cutime+cstime of every member, so a child that
    // its parent reaped between two samples still counts (in the parent's cutime); one that
    // vanished unreaped is lost for its last interval (never a negative rate).
    TreeSample sample();

private:
    struct Totals {
        std::uint64_t ticks = 0;
        std::uint64_t rssPages = 0;
        int processes = 0;
    };
    Totals read() const;

    long m_root;
    std::uint64_t m_lastTicks = 0;
    std::chrono::steady_clock::time_point m_lastTime;
};

} // namespace cairn::exec
