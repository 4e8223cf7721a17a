#include "engine/remote/transport.h"

#include "engine/artifacts/sha256.h"
#include "engine/core/text.h"

#include <unistd.h>

namespace fs = std::filesystem;

namespace cairn::remote {
namespace {

bool contains(const std::string& text, const char* what) { return text.find(what) != std::string::npos; }

std::string lastLines(const std::string& text, std::size_t maxLines = 3)
{
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto nl = text.find('\n', pos);
        std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
            line.pop_back();
        if (!line.empty() && !line.starts_with("Warning: Permanently added"))
            lines.push_back(line);
        if (nl == std::string::npos)
            break;
        pos = nl + 1;
    }
    std::string out;
    for (std::size_t i = lines.size() > maxLines ? lines.size() - maxLines : 0; i < lines.size(); ++i)
        out += (out.empty() ? "" : "; ") + lines[i];
    return out;
}

class SshTransport : public Transport {
public:
    SshTransport(ExecutorConfig e, std::string forName, fs::path controlDir)
        : m_e(std::move(e)), m_for(std::move(forName)), m_controlDir(std::move(controlDir))
    {
    }

    std::string where() const override
    {
        return (m_e.ssh.user.empty() ? "" : m_e.ssh.user + "@") + m_e.ssh.host + (m_e.ssh.port == 22 ? "" : ":" + std::to_string(m_e.ssh.port));
    }
    bool isLocal() const override { return false; }

    // Everything before the host: also what rsync's -e gets.
    std::vector<std::string> sshBase() const
    {
        std::vector<std::string> a = {"ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=15", "-o", "ServerAliveInterval=5",
                                      "-o", "ServerAliveCountMax=3", "-o", "StrictHostKeyChecking=accept-new", "-o",
                                      "ControlMaster=auto", "-o", "ControlPath=" + (m_controlDir / muxTag()).string(), "-o",
                                      "ControlPersist=60", "-o", "LogLevel=ERROR"};
        if (!m_e.ssh.knownHosts.empty())
            a.insert(a.end(), {"-o", "UserKnownHostsFile=" + expandLocal(m_e.ssh.knownHosts)});
        if (!m_e.ssh.identity.empty())
            a.insert(a.end(), {"-o", "IdentitiesOnly=yes", "-i", expandLocal(m_e.ssh.identity)});
        for (const auto& o : m_e.ssh.options)
            a.insert(a.end(), {"-o", o});
        a.insert(a.end(), {"-p", std::to_string(m_e.ssh.port)});
        if (!m_e.ssh.user.empty())
            a.insert(a.end(), {"-l", m_e.ssh.user});
        return a;
    }

    std::vector<std::string> argv(const std::string& shellCommand) const override
    {
        std::error_code ec;
        fs::create_directories(m_controlDir, ec);
        fs::permissions(m_controlDir, fs::perms::owner_all, ec);
        auto a = sshBase();
        a.insert(a.end(), {"--", m_e.ssh.host, shellCommand});
        return a;
    }

    std::vector<std::string> rsyncOptions() const override
    {
        std::error_code ec;
        fs::create_directories(m_controlDir, ec);
        std::string rsh;
        for (const auto& a : sshBase())
            rsh += (rsh.empty() ? "" : " ") + shellQuote(a);
        return {"-e", rsh};
    }

    std::string rsyncPath(const std::string& absolutePath) const override
    {
        // rsync 3.2.4+ quotes remote paths itself; only a bracketed IPv6 address needs care.
        std::string host = m_e.ssh.host.find(':') != std::string::npos ? "[" + m_e.ssh.host + "]" : m_e.ssh.host;
        return host + ":" + absolutePath;
    }

    std::string explainFailure(const CommandResult& r) const override
    {
        if (!r.startError.empty())
            return "cannot run ssh (" + r.startError + "): install the OpenSSH client (Debian: openssh-client)";
        if (r.timedOut)
            return "no answer from " + where() + " in time (executor '" + m_for + "'); check the network, then 'cairn executors test "
                   + m_for + "'";
        const std::string detail = lastLines(r.err);
        switch (classifySshFailure(r.exitCode, r.err)) {
        case SshProblem::None:
            return {};
        case SshProblem::UnknownHost:
            return "cannot reach " + m_e.ssh.host + ": the name does not resolve (" + detail + "); check 'host:' of executor '" + m_for
                   + "' in cairn.yaml";
        case SshProblem::Refused:
            return "cannot reach " + where() + ": connection refused; is sshd running there, and is 'port:' of executor '" + m_for
                   + "' right?";
        case SshProblem::Unreachable:
            return "host unreachable: " + where() + " (" + detail + "); check the network or VPN, then 'cairn executors test " + m_for + "'";
        case SshProblem::AuthRefused:
            return "authentication refused by " + where() + " (" + detail + "); Cairn runs ssh with BatchMode=yes, so it cannot ask for a "
                   "password or passphrase: put your public key in the remote ~/.ssh/authorized_keys, set 'identity:' (and 'user:') of executor '"
                   + m_for + "', or load the key into ssh-agent";
        case SshProblem::HostKey:
            return "the host key of " + m_e.ssh.host + " does not match the one in known_hosts (" + detail
                   + "); if the machine was reinstalled, check the new key and remove the old one with 'ssh-keygen -R " + m_e.ssh.host + "'";
        case SshProblem::Closed:
            return "the connection to " + where() + " was closed (" + detail + ")";
        case SshProblem::Other:
            return "ssh to " + where() + " failed: " + (detail.empty() ? "exit 255" : detail);
        }
        return {};
    }

    void closeMaster() const override
    {
        auto a = sshBase();
        a.insert(a.end(), {"-O", "exit", m_e.ssh.host});
        (void)runCommand(a, {}, 5000);
    }

private:
    // The socket's name: connections are shared only between identical settings. Another key,
    // user or option set gets its own master (else a refused key would ride on an accepted
    // one's connection), which ssh's %C (host, port, user) would not tell apart.
    std::string muxTag() const
    {
        std::string all = m_e.ssh.host + "\n" + std::to_string(m_e.ssh.port) + "\n" + m_e.ssh.user + "\n" + m_e.ssh.identity + "\n"
                          + m_e.ssh.knownHosts;
        for (const auto& o : m_e.ssh.options)
            all += "\n" + o;
        return artifacts::sha256Hex(all).substr(0, 16);
    }

    static std::string expandLocal(const std::string& p)
    {
        if (p == "~" || p.starts_with("~/")) {
            const char* home = ::getenv("HOME");
            return std::string(home ? home : "") + p.substr(1);
        }
        return p;
    }

    ExecutorConfig m_e;
    std::string m_for;
    fs::path m_controlDir;
};

class LocalTransport : public Transport {
public:
    std::string where() const override { return "this machine"; }
    bool isLocal() const override { return true; }
    std::vector<std::string> argv(const std::string& shellCommand) const override { return {"/bin/sh", "-c", shellCommand}; }
    std::vector<std::string> rsyncOptions() const override { return {}; }
    std::string rsyncPath(const std::string& absolutePath) const override { return absolutePath; }
    std::string explainFailure(const CommandResult& r) const override
    {
        if (!r.startError.empty())
            return "cannot run /bin/sh: " + r.startError;
        if (r.timedOut)
            return "a command on this machine did not finish in time";
        return {};
    }
};

} // namespace

SshProblem classifySshFailure(int exitCode, const std::string& err)
{
    if (exitCode != 255)
        return SshProblem::None;
    if (contains(err, "Could not resolve hostname") || contains(err, "Name or service not known"))
        return SshProblem::UnknownHost;
    if (contains(err, "Connection refused"))
        return SshProblem::Refused;
    if (contains(err, "No route to host") || contains(err, "Network is unreachable") || contains(err, "timed out")
        || contains(err, "Connection timeout"))
        return SshProblem::Unreachable;
    if (contains(err, "Permission denied") || contains(err, "Too many authentication failures"))
        return SshProblem::AuthRefused;
    if (contains(err, "Host key verification failed") || contains(err, "REMOTE HOST IDENTIFICATION HAS CHANGED"))
        return SshProblem::HostKey;
    if (contains(err, "closed by") || contains(err, "Connection reset") || contains(err, "Broken pipe")
        || contains(err, "Connection closed") || contains(err, "Timeout, server"))
        return SshProblem::Closed;
    return SshProblem::Other;
}

fs::path controlDirFor(const fs::path& projectRoot)
{
    fs::path dir = projectRoot / ".cairn" / "ssh";
    // A socket's name is 16 hex digits; ssh binds it as NAME.<16 random> first; sun_path holds 108.
    if (dir.string().size() + 1 + 16 + 17 < 108)
        return dir;
    return fs::path("/tmp") / ("cairn-ssh-" + std::to_string(::getuid()));
}

std::string remoteShellPath(const std::string& path)
{
    if (path == "~")
        return "\"$HOME\"";
    if (path.starts_with("~/"))
        return "\"$HOME\"/" + shellQuote(path.substr(2));
    return shellQuote(path);
}

std::unique_ptr<Transport> makeSshTransport(const ExecutorConfig& executor, const std::string& forName, const fs::path& controlDir)
{
    return std::make_unique<SshTransport>(executor, forName, controlDir);
}

std::unique_ptr<Transport> makeLocalTransport() { return std::make_unique<LocalTransport>(); }

std::unique_ptr<Transport> makeTransport(const ExecutorConfig& executor, const std::vector<ExecutorConfig>& all, const fs::path& projectRoot)
{
    if (executor.type == ExecutorType::Ssh)
        return makeSshTransport(executor, executor.name, controlDirFor(projectRoot));
    if (!executor.slurm.via.empty())
        if (const ExecutorConfig* via = findExecutor(all, executor.slurm.via))
            return makeSshTransport(*via, executor.name + "' (via '" + via->name, controlDirFor(projectRoot));
    return makeLocalTransport();
}

} // namespace cairn::remote
