// Facts about processes from /proc, and spawning a process that outlives its parent.
#pragma once

#include "engine/core/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cairn::exec {

// The process's start time in clock ticks since boot (/proc/PID/stat field 22), or 0 when the
// process does not exist. A pid plus its start time names one process even across pid reuse.
std::int64_t processStartTime(long pid);
bool processAlive(long pid, std::int64_t startTime);

// Starts argv in a new session (so it survives the caller and the caller's terminal), with
// stdin from /dev/null and stdout/stderr appended to `logFile`. Returns its pid; the caller
// must reap it (waitpid) if it is still alive when the child ends.
Result<long> spawnDetached(const std::vector<std::string>& argv, const std::string& logFile);

// Reaps `pid` if it has ended, without blocking; true when it is gone. Only for children the
// caller spawned itself: a blanket waitpid(-1) would steal exit statuses from other code.
bool reapIfEnded(long pid);

std::string selfExecutable();

} // namespace cairn::exec
