#include "engine/exec/proc_sampler.h"

#include "engine/exec/proc_tree.h"

#include <unistd.h>

namespace cairn::exec {

ProcSampler::ProcSampler(long rootPid) : m_root(rootPid)
{
    m_lastTicks = read().ticks;
    m_lastTime = std::chrono::steady_clock::now();
}

ProcSampler::Totals ProcSampler::read() const
{
    Totals t;
    auto root = readProcStat(m_root);
    if (!root)
        return t;
    auto add = [&t](const ProcStat& s) {
        t.ticks += s.cpuTicks;
        if (s.state == 'Z' || s.state == 'X')
            return;
        t.rssPages += s.rssPages;
        ++t.processes;
    };
    add(*root);
    for (const auto& s : descendantsOf(listProcesses(), m_root))
        add(s);
    return t;
}

TreeSample ProcSampler::sample()
{
    const Totals t = read();
    const auto now = std::chrono::steady_clock::now();
    const double seconds = std::chrono::duration<double>(now - m_lastTime).count();
    static const long ticksPerSecond = ::sysconf(_SC_CLK_TCK);
    static const long pageSize = ::sysconf(_SC_PAGESIZE);

    TreeSample s;
    if (seconds > 0 && t.ticks > m_lastTicks && ticksPerSecond > 0)
        s.cpuPercent = 100.0 * static_cast<double>(t.ticks - m_lastTicks) / static_cast<double>(ticksPerSecond) / seconds;
    s.rssBytes = t.rssPages * static_cast<std::uint64_t>(pageSize > 0 ? pageSize : 4096);
    s.processes = t.processes;
    m_lastTicks = t.ticks;
    m_lastTime = now;
    return s;
}

} // namespace cairn::exec
