// Real daemons for the remote executor tests, started in a temporary folder and stopped by pid:
// an OpenSSH server on 127.0.0.1 (temporary host and user keys) and a one-node Slurm cluster
// (munged, slurmctld, slurmd) run as root. When the Debian packages are missing, start() says
// which ones in `skip` and the test QSKIPs with that reason; installer/install-deps.sh has them.
#pragma once

#include <QString>
#include <QStringList>

#include <map>

namespace cairn::testing {

// The pids of `pid`'s descendants (through /proc).
QList<long> descendantsOf(long pid);
bool processAlive(long pid);
// Sends SIGTERM, waits up to `graceMs`, then SIGKILL; true when it is gone.
bool stopPid(long pid, int graceMs = 5000);
int freeTcpPort();
// A folder of mode 755 under /tmp (daemons refuse group/world-writable parents); removed by the caller.
QString makeDaemonDir(const QString& prefix);
void removeDaemonDir(const QString& dir);

class SshServer {
public:
    ~SshServer() { stop(); }
    // Starts sshd for the current user on a free port; `env` is set for its sessions (SetEnv).
    // False with `skip` set when packages are missing, or `error` when it would not start.
    bool start(const QString& dir, QString& skip, QString& error, const std::map<QString, QString>& env = {});
    // Stops the listener and every connection's sshd (a dropped network), then starts again on
    // the same port. The jobs the connections started keep running (they left the sessions).
    bool restart(QString& error);
    void stop();

    int port() const { return m_port; }
    QString identity() const { return m_dir + "/user_key"; }
    QString knownHosts() const { return m_dir + "/known_hosts"; }
    QString user() const;
    // An executor entry for cairn.yaml, indented under `executors:`.
    QString executorYaml(const QString& name, const QString& workdir, const QString& python = "/usr/bin/python3") const;

private:
    bool launch(QString& error);
    QString m_dir;
    int m_port = 0;
    long m_pid = 0;
};

class SlurmCluster {
public:
    ~SlurmCluster() { stop(); }
    // munged + slurmctld + slurmd for this host, as root, with `cpus` CPUs and partition "debug".
    bool start(const QString& dir, QString& skip, QString& error, int cpus = 4);
    void stop();
    QString conf() const { return m_dir + "/slurm.conf"; }
    QString dir() const { return m_dir; }
    // Runs a Slurm client command with SLURM_CONF set; its stdout.
    QString client(const QStringList& argv, int* exitCode = nullptr) const;

private:
    QString m_dir;
    long m_munged = 0, m_ctld = 0, m_slurmd = 0;
};

} // namespace cairn::testing
