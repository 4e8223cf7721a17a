// Talks to the agent (cairn_agent.py) on the far side of an executor: installs it once per
// content hash under WORKDIR/.cairn/, runs its commands and turns their failures (ssh's, the
// shell's, the agent's own) into messages that say what to do next.
#pragma once

#include "engine/core/result.h"
#include "engine/remote/executor_config.h"
#include "engine/remote/transport.h"

#include <nlohmann/json.hpp>

#include <memory>

namespace cairn::remote {

using Json = nlohmann::json;

// Why a call failed: the connection (retry later), or the far side said no (do not retry).
struct AgentFailure {
    bool connection = false;   // host unreachable, refused, closed, timed out
    std::string code;          // the agent's error code ("disk_full", "sbatch", ...) or "ssh", "python"
    std::string message;
};

class AgentClient {
public:
    AgentClient(const ExecutorConfig& executor, std::unique_ptr<Transport> transport);

    const ExecutorConfig& executor() const { return m_e; }
    const Transport& transport() const { return *m_transport; }

    // Copies the agent to WORKDIR/.cairn/agent-<hash>.py unless it is there already.
    bool install(AgentFailure& failure);
    // Runs `agent COMMAND ARGS...`; its one JSON reply, or a failure. The agent is sent only
    // when the far side lacks this version of it.
    std::optional<Json> call(const std::string& command, const std::vector<std::string>& args, AgentFailure& failure,
                             const std::string& input = {}, int timeoutMs = 120000);
    // The argv of a long-running `agent follow RUNDIR OFFSETS`.
    std::vector<std::string> followArgv(const std::string& rundir, const std::string& offsetsJson) const;

    // WORKDIR/.cairn/agent-<hash>.py, as configured (may start with ~).
    std::string agentPath() const;

private:
    std::string agentCommand(const std::string& command, const std::vector<std::string>& args) const;
    AgentFailure explain(const CommandResult& r) const;

    ExecutorConfig m_e;
    std::unique_ptr<Transport> m_transport;
    bool m_installed = false;
};

} // namespace cairn::remote
