// Runs a child process to completion, streaming its stdout and stderr to an observer.
// Signals: SIGINT, SIGTERM, SIGHUP and SIGQUIT sent to this process by another process (kill)
// are forwarded to the child. Those the terminal generates (Ctrl-C) already reach the child,
// which shares our process group, and are not sent twice.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cairn::exec {

struct ProcessSpec {
    std::vector<std::string> argv;
    std::filesystem::path workdir;                 // empty: the current directory
    std::map<std::string, std::string> extraEnv;   // added to (or replacing in) our environment
};

class ProcessObserver {
public:
    virtual ~ProcessObserver() = default;
    virtual void started(long pid) = 0;
    // stream 1 = stdout, 2 = stderr; raw bytes as read.
    virtual void output(int stream, std::string_view bytes) = 0;
    // Called at least every `tickMs` while the child runs, and once after it ends.
    virtual void tick() = 0;
};

struct ProcessOutcome {
    bool started = false;
    std::string startError;  // why it could not start
    int exitCode = 0;        // shell convention: 128+N when killed by signal N, 127 not found, 126 not executable
    int signal = 0;          // the signal that ended it, 0 if it exited
    int forwardedSignal = 0; // last signal forwarded to it, 0 if none
};

ProcessOutcome runProcess(const ProcessSpec& spec, ProcessObserver& observer, int tickMs = 50);

// Resolves argv[0] like a shell: a name without '/' is searched on PATH.
// Returns empty when not found.
std::filesystem::path resolveExecutable(const std::string& name);

} // namespace cairn::exec
