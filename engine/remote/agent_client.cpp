#include "engine/remote/agent_client.h"

#include "engine/core/text.h"
#include "engine/remote/agent_script.h"

namespace cairn::remote {

AgentClient::AgentClient(const ExecutorConfig& executor, std::unique_ptr<Transport> transport)
    : m_e(executor), m_transport(std::move(transport))
{
}

std::string AgentClient::agentPath() const { return m_e.workdir + "/.cairn/agent-" + agentHash() + ".py"; }

std::string AgentClient::agentCommand(const std::string& command, const std::vector<std::string>& args) const
{
    std::string python = m_e.python.find('/') != std::string::npos ? remoteShellPath(m_e.python) : shellQuote(m_e.python);
    std::string line = python + " " + remoteShellPath(agentPath()) + " " + shellQuote(command);
    for (const auto& a : args)
        line += " " + shellQuote(a);
    return line;
}

AgentFailure AgentClient::explain(const CommandResult& r) const
{
    AgentFailure f;
    std::string connection = m_transport->explainFailure(r);
    if (!connection.empty()) {
        // Worth trying again: the network or the server may come back. A refused key, an
        // unknown name or a changed host key will not fix themselves.
        const SshProblem p = classifySshFailure(r.exitCode, r.err);
        f.connection = r.timedOut || p == SshProblem::Refused || p == SshProblem::Unreachable || p == SshProblem::Closed;
        f.code = "ssh";
        f.message = connection;
        return f;
    }
    // The agent's own error reply: the last line of stdout.
    auto nl = r.out.find_last_not_of('\n');
    if (nl != std::string::npos) {
        auto start = r.out.rfind('\n', nl);
        Json j = Json::parse(r.out.substr(start == std::string::npos ? 0 : start + 1, nl + 1), nullptr, false);
        if (j.is_object() && j.contains("error")) {
            f.code = j.value("error", "agent");
            f.message = j.value("message", std::string());
            if (f.code == "disk_full")
                f.message = "the remote disk is full: " + f.message + "; free space there or point 'workdir:' of executor '" + m_e.name
                            + "' in cairn.yaml at a larger disk";
            return f;
        }
    }
    std::string err = r.err;
    while (!err.empty() && (err.back() == '\n' || err.back() == ' '))
        err.pop_back();
    if (r.exitCode == 127 && (err.find("not found") != std::string::npos || err.find("No such file") != std::string::npos)
        && err.find(m_e.python) != std::string::npos) {
        f.code = "python";
        f.message = "there is no '" + m_e.python + "' on " + m_transport->where() + " (" + err + "); install Python 3 there or set 'python:' of executor '"
                    + m_e.name + "' in cairn.yaml";
        return f;
    }
    if (err.find("No space left on device") != std::string::npos || err.find("Disk quota exceeded") != std::string::npos) {
        f.code = "disk_full";
        f.message = "the remote disk is full (" + err + "); free space in " + m_e.workdir + " on " + m_transport->where()
                    + " or point 'workdir:' of executor '" + m_e.name + "' at a larger disk";
        return f;
    }
    if (err.find("SyntaxError") != std::string::npos) {
        f.code = "python";
        f.message = "'" + m_e.python + "' on " + m_transport->where() + " is too old for Cairn's agent (it needs Python 3.6 or newer): set 'python:' of executor '"
                    + m_e.name + "'";
        return f;
    }
    f.code = "agent";
    f.message = "the agent on " + m_transport->where() + " failed (exit " + std::to_string(r.exitCode) + ")" + (err.empty() ? "" : ": " + err);
    return f;
}

bool AgentClient::install(AgentFailure& failure)
{
    if (m_installed)
        return true;
    const std::string dir = m_e.workdir + "/.cairn";
    const std::string file = remoteShellPath(agentPath());
    std::string cmd = "mkdir -p " + remoteShellPath(dir) + " && if [ -s " + file + " ]; then echo present; else cat > " + file + ".$$ && mv "
                      + file + ".$$ " + file + " && echo installed; fi";
    CommandResult r = m_transport->run(cmd, std::string(agentScript()), 60000);
    if (!r.ok()) {
        failure = explain(r);
        if (failure.code == "agent")
            failure.message = "cannot install Cairn's agent in " + dir + " on " + m_transport->where() + ": " + r.err;
        return false;
    }
    m_installed = true;
    return true;
}

std::optional<Json> AgentClient::call(const std::string& command, const std::vector<std::string>& args, AgentFailure& failure,
                                      const std::string& input, int timeoutMs)
{
    CommandResult r = m_transport->run(agentCommand(command, args), input, timeoutMs);
    if (!m_installed && r.exitCode == 2 && r.err.find("can't open file") != std::string::npos) {
        if (!install(failure))
            return std::nullopt;
        r = m_transport->run(agentCommand(command, args), input, timeoutMs);
    }
    if (!r.ok()) {
        failure = explain(r);
        return std::nullopt;
    }
    auto nl = r.out.find_last_not_of('\n');
    auto start = nl == std::string::npos ? std::string::npos : r.out.rfind('\n', nl);
    Json j = nl == std::string::npos ? Json() : Json::parse(r.out.substr(start == std::string::npos ? 0 : start + 1, nl + 1), nullptr, false);
    if (!j.is_object()) {
        failure = {false, "agent", "the agent on " + m_transport->where() + " gave no answer to '" + command + "'" + (r.err.empty() ? "" : ": " + r.err)};
        return std::nullopt;
    }
    return j;
}

std::vector<std::string> AgentClient::followArgv(const std::string& rundir, const std::string& offsetsJson) const
{
    return m_transport->argv(agentCommand("follow", {rundir, offsetsJson}));
}

} // namespace cairn::remote
