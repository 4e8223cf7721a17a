#include "daemons.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostInfo>
#include <QProcess>
#include <QThread>

#include <csignal>
#include <functional>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cairn::testing {
namespace {

QString readText(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

bool writeText(const QString& path, const QString& text, QFileDevice::Permissions perms = {})
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    f.write(text.toUtf8());
    f.close();
    if (perms)
        f.setPermissions(perms);
    return true;
}

long pidFromFile(const QString& path) { return readText(path).trimmed().toLong(); }

// Runs a program to its end; its exit code (-1 if it did not start).
int runTool(const QString& program, const QStringList& args, QString* output = nullptr, int timeoutMs = 30000,
            const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return -1;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(2000);
        return -1;
    }
    if (output)
        *output = QString::fromUtf8(p.readAll());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

QString missing(const QList<QPair<QString, QString>>& files)
{
    QStringList packages;
    for (const auto& [file, package] : files)
        if (!QFileInfo::exists(file) && !packages.contains(package))
            packages << package;
    if (packages.isEmpty())
        return {};
    return "Debian package(s) " + packages.join(", ") + " not installed (installer/install-deps.sh installs them)";
}

bool waitFor(const std::function<bool()>& condition, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (condition())
            return true;
        QThread::msleep(100);
    }
    return condition();
}

} // namespace

QList<long> descendantsOf(long pid)
{
    QMap<long, QList<long>> children;
    for (const QString& e : QDir("/proc").entryList(QDir::Dirs)) {
        bool ok = false;
        long p = e.toLong(&ok);
        if (!ok)
            continue;
        QString stat = readText("/proc/" + e + "/stat");
        int close = stat.lastIndexOf(')');
        if (close < 0)
            continue;
        QStringList f = stat.mid(close + 2).split(' ');
        if (f.size() > 1)
            children[f[1].toLong()].append(p);
    }
    QList<long> out, todo{pid};
    while (!todo.isEmpty()) {
        long p = todo.takeLast();
        for (long c : children.value(p)) {
            out << c;
            todo << c;
        }
    }
    return out;
}

bool processAlive(long pid)
{
    if (pid <= 0 || ::kill(static_cast<pid_t>(pid), 0) != 0)
        return false;
    QString stat = readText(QString("/proc/%1/stat").arg(pid));
    int close = stat.lastIndexOf(')');
    return close < 0 || stat.mid(close + 2, 1) != "Z";
}

bool stopPid(long pid, int graceMs)
{
    if (!processAlive(pid))
        return true;
    ::kill(static_cast<pid_t>(pid), SIGTERM);
    if (waitFor([pid] { return !processAlive(pid); }, graceMs))
        return true;
    ::kill(static_cast<pid_t>(pid), SIGKILL);
    return waitFor([pid] { return !processAlive(pid); }, 5000);
}

int freeTcpPort()
{
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 && ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0)
        port = ntohs(a.sin_port);
    ::close(fd);
    return port;
}

QString makeDaemonDir(const QString& prefix)
{
    QByteArray templ = QString("/tmp/%1-XXXXXX").arg(prefix).toUtf8();
    char* made = ::mkdtemp(templ.data());
    if (!made)
        return {};
    ::chmod(made, 0755);
    return QString::fromUtf8(made);
}

void removeDaemonDir(const QString& dir)
{
    if (dir.startsWith("/tmp/") && dir.size() > 6)
        QDir(dir).removeRecursively();
}

// --- sshd ------------------------------------------------------------------------------------

QString SshServer::user() const
{
    const passwd* pw = ::getpwuid(::geteuid());
    return pw ? QString::fromUtf8(pw->pw_name) : QString("root");
}

bool SshServer::start(const QString& dir, QString& skip, QString& error, const std::map<QString, QString>& env)
{
    skip = missing({{"/usr/sbin/sshd", "openssh-server"}, {"/usr/bin/ssh", "openssh-client"}, {"/usr/bin/ssh-keygen", "openssh-client"},
                    {"/usr/bin/rsync", "rsync"}});
    if (!skip.isEmpty())
        return false;
    if (!QFileInfo::exists("/run/sshd")) {
        if (::geteuid() != 0) {
            skip = "sshd needs /run/sshd, and only root can create it (mkdir -m755 /run/sshd)";
            return false;
        }
        ::mkdir("/run/sshd", 0755);
    }
    m_dir = dir;
    for (const char* key : {"host_key", "user_key"}) {
        QString out;
        if (runTool("/usr/bin/ssh-keygen", {"-q", "-t", "ed25519", "-N", "", "-f", m_dir + "/" + key}, &out) != 0) {
            error = "ssh-keygen failed: " + out;
            return false;
        }
    }
    QFile::copy(m_dir + "/user_key.pub", m_dir + "/authorized_keys");
    m_port = freeTcpPort();
    QString config = QString("Port %1\nListenAddress 127.0.0.1\nHostKey %2/host_key\nAuthorizedKeysFile %2/authorized_keys\n"
                             "PidFile %2/sshd.pid\nUsePAM no\nStrictModes no\nPermitRootLogin yes\nPasswordAuthentication no\n"
                             "KbdInteractiveAuthentication no\nMaxStartups 100\nMaxSessions 100\n"
                             "Subsystem sftp /usr/lib/openssh/sftp-server\n")
                         .arg(m_port)
                         .arg(m_dir);
    for (const auto& [k, v] : env)
        config += "SetEnv " + k + "=" + v + "\n";
    if (!writeText(m_dir + "/sshd_config", config))
        return false;
    return launch(error);
}

bool SshServer::launch(QString& error)
{
    QFile::remove(m_dir + "/sshd.pid");
    QString out;
    int code = runTool("/usr/sbin/sshd", {"-f", m_dir + "/sshd_config", "-E", m_dir + "/sshd.log"}, &out);
    if (code != 0) {
        error = "sshd did not start: " + out + readText(m_dir + "/sshd.log");
        return false;
    }
    if (!waitFor([this] { return pidFromFile(m_dir + "/sshd.pid") > 0; }, 10000)) {
        error = "sshd wrote no pid file: " + readText(m_dir + "/sshd.log");
        return false;
    }
    m_pid = pidFromFile(m_dir + "/sshd.pid");
    return true;
}

bool SshServer::restart(QString& error)
{
    stop();
    return launch(error);
}

void SshServer::stop()
{
    if (m_pid <= 0)
        return;
    // Every connection's own sshd first (they are the listener's children), then the listener.
    for (long child : descendantsOf(m_pid))
        if (readText(QString("/proc/%1/comm").arg(child)).trimmed().startsWith("sshd"))
            stopPid(child, 2000);
    stopPid(m_pid, 5000);
    m_pid = 0;
}

QString SshServer::executorYaml(const QString& name, const QString& workdir, const QString& python) const
{
    return QString("  %1:\n    type: ssh\n    host: 127.0.0.1\n    port: %2\n    user: %3\n    identity: %4\n    known_hosts: %5\n"
                   "    workdir: %6\n    python: %7\n")
        .arg(name)
        .arg(m_port)
        .arg(user(), identity(), knownHosts(), workdir, python);
}

// --- Slurm -----------------------------------------------------------------------------------

QString SlurmCluster::client(const QStringList& argv, int* exitCode) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("SLURM_CONF", conf());
    QString out;
    int code = runTool(argv.first(), argv.mid(1), &out, 30000, env);
    if (exitCode)
        *exitCode = code;
    return out;
}

bool SlurmCluster::start(const QString& dir, QString& skip, QString& error, int cpus)
{
    skip = missing({{"/usr/sbin/munged", "munge"}, {"/usr/sbin/slurmctld", "slurmctld"}, {"/usr/sbin/slurmd", "slurmd"},
                    {"/usr/bin/sbatch", "slurm-client"}, {"/usr/bin/scontrol", "slurm-client"}});
    if (!skip.isEmpty())
        return false;
    if (::geteuid() != 0) {
        skip = "a private Slurm cluster runs its daemons as root (slurmd starts jobs as their users)";
        return false;
    }
    m_dir = dir;
    for (const char* sub : {"munge", "state", "spool", "log"}) {
        QDir().mkpath(m_dir + "/" + sub);
        ::chmod(QString(m_dir + "/" + sub).toUtf8().constData(), 0755);
    }
    // munged: its key, socket, log, pid and seed in the folder.
    {
        QFile key(m_dir + "/munge/munge.key");
        QFile random("/dev/urandom");
        if (!key.open(QIODevice::WriteOnly) || !random.open(QIODevice::ReadOnly))
            return false;
        key.write(random.read(1024));
        key.close();
        key.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    const QString m = m_dir + "/munge/";
    QString out;
    if (runTool("/usr/sbin/munged", {"-f", "--socket=" + m + "munge.sock", "--key-file=" + m + "munge.key", "--log-file=" + m + "munged.log",
                                     "--pid-file=" + m + "munged.pid", "--seed-file=" + m + "munged.seed"},
                &out) != 0) {
        error = "munged did not start: " + out + readText(m + "munged.log");
        return false;
    }
    waitFor([&] { return pidFromFile(m + "munged.pid") > 0; }, 5000);
    m_munged = pidFromFile(m + "munged.pid");

    const QString host = QHostInfo::localHostName();
    QString conf = QString("ClusterName=cairntest\nSlurmctldHost=%1(127.0.0.1)\nSlurmUser=root\nSlurmdUser=root\n"
                           "SlurmctldPort=%2\nSlurmdPort=%3\nAuthType=auth/munge\nAuthInfo=socket=%4munge.sock\nCryptoType=crypto/munge\n"
                           "StateSaveLocation=%5/state\nSlurmdSpoolDir=%5/spool\nSlurmctldPidFile=%5/slurmctld.pid\n"
                           "SlurmdPidFile=%5/slurmd.pid\nSlurmctldLogFile=%5/log/slurmctld.log\nSlurmdLogFile=%5/log/slurmd.log\n"
                           "ProctrackType=proctrack/linuxproc\nTaskPlugin=task/none\nJobAcctGatherType=jobacct_gather/none\n"
                           "SelectType=select/cons_tres\nSelectTypeParameters=CR_Core\nSlurmdParameters=config_overrides\n"
                           "MailProg=/bin/true\nReturnToService=2\nMinJobAge=600\nKillWait=5\nInactiveLimit=0\n"
                           "SchedulerParameters=sched_interval=1\n"
                           "NodeName=%1 NodeAddr=127.0.0.1 CPUs=%6 RealMemory=2000 State=UNKNOWN\n"
                           "PartitionName=debug Nodes=%1 Default=YES MaxTime=INFINITE State=UP\n")
                       .arg(host)
                       .arg(freeTcpPort())
                       .arg(freeTcpPort())
                       .arg(m, m_dir)
                       .arg(cpus);
    if (!writeText(this->conf(), conf))
        return false;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("SLURM_CONF", this->conf());
    if (runTool("/usr/sbin/slurmctld", {}, &out, 30000, env) != 0) {
        error = "slurmctld did not start: " + out + readText(m_dir + "/log/slurmctld.log");
        return false;
    }
    waitFor([&] { return pidFromFile(m_dir + "/slurmctld.pid") > 0; }, 10000);
    m_ctld = pidFromFile(m_dir + "/slurmctld.pid");
    if (!waitFor([&] { return client({"/usr/bin/scontrol", "ping"}).contains("UP"); }, 30000)) {
        error = "slurmctld does not answer scontrol ping: " + readText(m_dir + "/log/slurmctld.log").right(2000);
        return false;
    }
    if (runTool("/usr/sbin/slurmd", {}, &out, 30000, env) != 0) {
        error = "slurmd did not start: " + out + readText(m_dir + "/log/slurmd.log");
        return false;
    }
    waitFor([&] { return pidFromFile(m_dir + "/slurmd.pid") > 0; }, 10000);
    m_slurmd = pidFromFile(m_dir + "/slurmd.pid");
    if (!waitFor([&] { return client({"/usr/bin/sinfo", "-h", "-o", "%T"}).trimmed() == "idle"; }, 30000)) {
        error = "the node did not become idle: " + client({"/usr/bin/sinfo", "-N", "-l"}) + readText(m_dir + "/log/slurmd.log").right(2000);
        return false;
    }
    return true;
}

void SlurmCluster::stop()
{
    if (m_dir.isEmpty())
        return;
    if (m_ctld > 0) {  // end the jobs first, so no slurmstepd outlives its slurmd
        client({"/usr/bin/scancel", "--full", "--user", QString::number(::geteuid())});
        waitFor([&] { return client({"/usr/bin/squeue", "-h"}).trimmed().isEmpty(); }, 15000);
    }
    // slurmstepd processes of this cluster are the slurmd's or were started by it; ours by pid.
    QList<long> steps = m_slurmd > 0 ? descendantsOf(m_slurmd) : QList<long>{};
    for (long pid : {m_slurmd, m_ctld, m_munged})
        if (pid > 0)
            stopPid(pid, 5000);
    for (long pid : steps)
        stopPid(pid, 2000);
    m_slurmd = m_ctld = m_munged = 0;
    m_dir.clear();
}

} // namespace cairn::testing
