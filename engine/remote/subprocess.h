// Runs the commands the executors need (ssh, rsync, sh) as child processes: to their end with a
// time limit, or streaming stdout while they run. Each child gets its own process group, so a
// timeout or kill() also stops what it started (rsync's ssh). Nothing here installs signal
// handlers; SIGPIPE must be ignored by the caller (writing to a child that exited gives EPIPE).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace cairn::remote {

struct CommandResult {
    int exitCode = -1;         // 128+N when killed by signal N
    std::string out;
    std::string err;
    bool timedOut = false;
    std::string startError;    // non-empty: it did not start (the program is missing...)
    bool ok() const { return startError.empty() && !timedOut && exitCode == 0; }
};

// Runs argv, writes `input` to its stdin (then closes it), collects stdout and stderr. After
// `timeoutMs` it gets SIGTERM, then SIGKILL 2 s later, and timedOut is set.
CommandResult runCommand(const std::vector<std::string>& argv, const std::string& input = {}, int timeoutMs = 60000,
                         const std::map<std::string, std::string>& extraEnv = {});

// A child whose stdout is read as it comes (stdin is /dev/null; stderr is collected).
class StreamingCommand {
public:
    StreamingCommand() = default;
    ~StreamingCommand();
    StreamingCommand(const StreamingCommand&) = delete;
    StreamingCommand& operator=(const StreamingCommand&) = delete;

    bool start(const std::vector<std::string>& argv, std::string& error);
    // Waits up to `waitMs` for output and appends what arrived to `out`. False once stdout is at
    // its end (the child closed it or exited).
    bool read(std::string& out, int waitMs);
    // SIGTERM to the child's process group, SIGKILL if it is still there after `graceMs`; reaps it.
    int stop(int graceMs = 1000);
    // Reaps the child (blocking) after read() returned false; its exit code.
    int wait();
    const std::string& stderrText() const { return m_err; }
    bool running() const { return m_pid > 0; }

private:
    void drainStderr();
    long m_pid = -1;
    int m_out = -1;
    int m_errFd = -1;
    std::string m_err;
};

} // namespace cairn::remote
