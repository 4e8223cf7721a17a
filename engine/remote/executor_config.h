// Executors: where a job runs besides this machine (docs/executors.md). Declared under
// `executors:` in cairn.yaml; parsed by parseExecutors() with file:line:col errors.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace YAML {
class Node;
}

namespace cairn::remote {

enum class ExecutorType { Ssh, Slurm };

struct SshSettings {
    std::string host;
    int port = 22;
    std::string user;                      // empty: ssh's default (~/.ssh/config, then the local user)
    std::string identity;                  // private key file; empty: ssh's default keys and agent
    std::string knownHosts;                // known_hosts file; empty: ssh's default (~/.ssh/known_hosts)
    std::vector<std::string> options;      // extra `-o` options, e.g. "ProxyJump=bastion"
};

struct SlurmSettings {
    std::string partition;
    std::string gres;                      // e.g. "gpu:4" (per node)
    std::string account;
    std::string time;                      // sbatch --time, e.g. "2:00:00" or "1-12"
    std::string qos;
    std::vector<std::string> extra;        // more sbatch options, e.g. "--mem=32G" (one per line)
    std::string via;                       // an ssh executor (a login node); empty: sbatch here
};

struct ExecutorConfig {
    std::string name;
    ExecutorType type = ExecutorType::Ssh;
    std::string workdir = "~/cairn-work";  // on the far side; `~` is the remote home
    std::string python = "python3";        // the far side's interpreter (runs the agent and is on PATH for jobs)
    int line = 0;                          // where it is declared in cairn.yaml (1-based)
    SshSettings ssh;
    SlurmSettings slurm;
};

std::string_view toString(ExecutorType type);

// Reads the `executors:` mapping. On error returns false with `error` set to
// "FILE:LINE:COL: message" (unknown keys and names come with a suggestion).
bool parseExecutors(const YAML::Node& node, const std::string& fileName, std::vector<ExecutorConfig>& out, std::string& error);

// The executor named `name`, or nullptr.
const ExecutorConfig* findExecutor(const std::vector<ExecutorConfig>& executors, const std::string& name);
// "no executor named 'bx' in cairn.yaml (did you mean 'box'?)", or one that says how to add one.
std::string unknownExecutorMessage(const std::vector<ExecutorConfig>& executors, const std::string& name);

// True for the forms sbatch --time accepts: M, M:S, H:M:S, D-H, D-H:M, D-H:M:S.
bool isSlurmTime(const std::string& text);

} // namespace cairn::remote
