// How Cairn reaches the far side of an executor: through the system's OpenSSH client (an ssh
// executor, or a Slurm executor `via` one), or this machine's /bin/sh (a Slurm executor without
// `via`). ssh runs with BatchMode=yes (never a prompt), a ControlMaster socket per host under
// the project's .cairn/ssh/ (one TCP connection shared by every command), and the configured
// port, user, identity and options. rsync goes through the same ssh.
#pragma once

#include "engine/remote/executor_config.h"
#include "engine/remote/subprocess.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace cairn::remote {

class Transport {
public:
    virtual ~Transport() = default;
    // "alice@gpu-box.example:22" or "this machine", for messages.
    virtual std::string where() const = 0;
    virtual bool isLocal() const = 0;
    // The argv that runs `shellCommand` with the far side's shell.
    virtual std::vector<std::string> argv(const std::string& shellCommand) const = 0;
    // rsync's options to get there (-e ...) and how it names a far-side path ("host:/path").
    virtual std::vector<std::string> rsyncOptions() const = 0;
    virtual std::string rsyncPath(const std::string& absolutePath) const = 0;
    // What a failed command says about the connection, as a message that says what to do next;
    // empty when the command itself failed (the connection was fine).
    virtual std::string explainFailure(const CommandResult& r) const = 0;
    // Closes the shared connection (ssh -O exit), e.g. before a test stops the server.
    virtual void closeMaster() const {}

    CommandResult run(const std::string& shellCommand, const std::string& input = {}, int timeoutMs = 60000) const
    {
        return runCommand(argv(shellCommand), input, timeoutMs);
    }
};

// `executor` is the ssh executor to use (a Slurm executor's `via`), `forName` the executor the
// messages name. `controlDir` holds the ControlMaster sockets.
std::unique_ptr<Transport> makeSshTransport(const ExecutorConfig& executor, const std::string& forName, const std::filesystem::path& controlDir);
std::unique_ptr<Transport> makeLocalTransport();
// The transport of any executor: its own ssh, its `via`, or this machine.
std::unique_ptr<Transport> makeTransport(const ExecutorConfig& executor, const std::vector<ExecutorConfig>& all,
                                         const std::filesystem::path& projectRoot);

// Where ControlMaster sockets go: PROJECT/.cairn/ssh, or /tmp/cairn-ssh-UID when that path is
// too long for a Unix socket (108 bytes, with ssh's temporary suffix).
std::filesystem::path controlDirFor(const std::filesystem::path& projectRoot);

// A path for the far side's shell: "~/x y" -> "$HOME"/'x y', "/a b" -> '/a b'.
std::string remoteShellPath(const std::string& path);

// The classification of ssh's own failures (exit 255), shared with tests.
enum class SshProblem { None, UnknownHost, Refused, Unreachable, AuthRefused, HostKey, Closed, Other };
SshProblem classifySshFailure(int exitCode, const std::string& stderrText);

} // namespace cairn::remote
