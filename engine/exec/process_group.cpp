#include "engine/exec/process_group.h"

#include "engine/exec/proc_tree.h"
#include "engine/exec/process_runner.h"
#include "engine/exec/worker_env.h"

#include <boost/process.hpp>
#include <boost/process/extend.hpp>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>

namespace bp = boost::process;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace cairn::exec {
namespace {

struct Worker {
    int rank = 0;
    pid_t pid = -1;       // also its process group id
    bp::pipe pipes[2];    // stdout, stderr (read ends stay open here until EOF)
    bool open[2] = {false, false};
    bool exited = false;
    bool gone = false;    // exited and nothing left in its process group: never signal it again
    int status = 0;
};

bool isExecutableFile(const fs::path& p)
{
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(p.c_str(), X_OK) == 0;
}

bp::pipe cloexecPipe()
{
    int fds[2] = {-1, -1};
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return bp::pipe();
    return bp::pipe(fds[0], fds[1]);
}

// Signals the live part of one worker: its tree while it is unreaped, and its process group.
void signalWorker(const Worker& w, int sig)
{
    if (w.gone)
        return;
    if (!w.exited)
        signalProcessTree(w.pid, sig);
    ::kill(-w.pid, sig);
}

// True while a process other than a zombie is in the process group `pgid`. Zombies of the group
// that are our own children (we may be a subreaper) are reaped on the way.
bool groupAlive(const std::vector<ProcStat>& table, pid_t pgid)
{
    int st = 0;
    while (::waitpid(-pgid, &st, WNOHANG) > 0) {
    }
    return std::any_of(table.begin(), table.end(),
                       [&](const ProcStat& s) { return s.pgrp == pgid && s.state != 'Z' && s.state != 'X'; });
}

int exitCodeOf(int status)
{
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 0;
}

std::map<std::string, std::string> currentEnvironment()
{
    std::map<std::string, std::string> out;
    for (const auto& entry : boost::this_process::environment())
        out[entry.get_name()] = entry.to_string();
    return out;
}

} // namespace

ProcessGroup::ProcessGroup()
{
    if (::pipe2(m_wakePipe, O_CLOEXEC | O_NONBLOCK) != 0)
        m_wakePipe[0] = m_wakePipe[1] = -1;
}

ProcessGroup::~ProcessGroup()
{
    for (int fd : m_wakePipe)
        if (fd >= 0)
            ::close(fd);
}

void ProcessGroup::requestStop()
{
    m_stopRequested.store(true);
    if (m_wakePipe[1] >= 0) {
        int saved = errno;
        unsigned char b = 1;
        [[maybe_unused]] auto n = ::write(m_wakePipe[1], &b, 1);
        errno = saved;
    }
}

GroupOutcome ProcessGroup::run(const GroupSpec& spec, GroupObserver& observer, int tickMs)
{
    GroupOutcome out;
    tickMs = std::max(tickMs, 1);
    const int nproc = std::max(spec.nprocPerNode, 1);
    if (m_stopRequested.load()) {
        out.stoppedByRequest = true;
        out.startError = "stopped before it started";
        return out;
    }
    // Same checks and codes as runProcess, done once for all workers.
    fs::path exe = spec.argv.empty() ? fs::path() : resolveExecutable(spec.argv[0]);
    if (spec.argv.empty() || exe.empty() || !fs::exists(exe)) {
        out.startError = spec.argv.empty() ? "no command given" : "command not found: " + spec.argv[0];
        out.exitCode = 127;
        return out;
    }
    if (!isExecutableFile(exe)) {
        out.startError = "not an executable file (check its permissions): " + exe.string();
        out.exitCode = 126;
        return out;
    }
    const int port = !isDistributed(spec) ? 0 : (spec.masterPort > 0 ? spec.masterPort : findFreeTcpPort());
    out.masterPort = port;
    const auto inherited = currentEnvironment();
    const std::vector<std::string> args(spec.argv.begin() + 1, spec.argv.end());
    const std::string startDir = (spec.workdir.empty() ? fs::current_path() : spec.workdir).string();

    std::vector<Worker> workers(static_cast<std::size_t>(nproc));
    bool stopping = false, killed = false;
    Clock::time_point killAt{};
    auto beginStop = [&] {
        if (stopping)
            return;
        stopping = true;
        killAt = Clock::now() + std::chrono::milliseconds(std::max(spec.stopGraceMs, 0));
        for (const auto& w : workers)
            if (w.pid > 0)
                signalWorker(w, SIGTERM);
    };

    for (int local = 0; local < nproc; ++local) {
        Worker& w = workers[static_cast<std::size_t>(local)];
        w.rank = spec.nodeRank * nproc + local;
        bp::environment env = boost::this_process::environment();
        for (const auto& [k, v] : workerEnv(spec, local, port, inherited))
            env[k] = v;
        w.pipes[0] = cloexecPipe();
        w.pipes[1] = cloexecPipe();
        std::error_code ec;
        bp::child child;
        try {
            child = bp::child(bp::exe = exe.string(), bp::args = args, bp::std_in < bp::null,
                              bp::std_out > w.pipes[0], bp::std_err > w.pipes[1], env, bp::start_dir = startDir,
                              bp::extend::on_exec_setup = [](auto&) {
                                  // Own process group; default signal mask and SIGPIPE (like
                                  // Python's restore_signals), whatever the caller had.
                                  ::setpgid(0, 0);
                                  sigset_t none;
                                  sigemptyset(&none);
                                  ::sigprocmask(SIG_SETMASK, &none, nullptr);
                                  ::signal(SIGPIPE, SIG_DFL);
                                  ::signal(SIGXFSZ, SIG_DFL);
                              },
                              ec);
        } catch (const std::exception& e) {
            out.startError = e.what();
        }
        if (ec || !child.valid()) {
            if (out.startError.empty())
                out.startError = "cannot start " + exe.string() + " (rank " + std::to_string(w.rank) + "): " + ec.message();
            out.exitCode = (ec == std::errc::permission_denied) ? 126 : 127;
            workers.resize(static_cast<std::size_t>(local));  // stop the ones already running
            beginStop();
            break;
        }
        w.pid = child.id();
        child.detach();          // reaped here with waitpid, not by Boost
        ::setpgid(w.pid, w.pid); // also from this side, so the group exists before we signal it
        w.open[0] = w.open[1] = true;
        observer.started(w.rank, w.pid);
    }
    out.started = out.startError.empty();

    std::vector<char> buffer(1 << 16);
    bool cleanup = false;             // every worker ended: stopping their leftovers
    Clock::time_point drainUntil{};
    while (true) {
        std::vector<pollfd> pfds;
        std::vector<std::pair<std::size_t, int>> who;  // worker index, stream index (-1: wake pipe)
        pfds.push_back({m_wakePipe[0], POLLIN, 0});
        who.emplace_back(0, -1);
        for (std::size_t i = 0; i < workers.size(); ++i)
            for (int s = 0; s < 2; ++s)
                if (workers[i].open[s]) {
                    pfds.push_back({workers[i].pipes[s].native_source(), POLLIN, 0});
                    who.emplace_back(i, s);
                }
        int rc = ::poll(pfds.data(), pfds.size(), tickMs);
        for (std::size_t k = 0; rc > 0 && k < pfds.size(); ++k) {
            if (!(pfds[k].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            if (who[k].second < 0) {
                unsigned char b;
                while (::read(m_wakePipe[0], &b, 1) == 1) {
                }
                continue;
            }
            Worker& w = workers[who[k].first];
            const int s = who[k].second;
            ssize_t got = ::read(pfds[k].fd, buffer.data(), buffer.size());
            if (got > 0)
                observer.output(w.rank, s + 1, std::string_view(buffer.data(), static_cast<std::size_t>(got)));
            else if (got == 0 || (errno != EINTR && errno != EAGAIN))
                w.open[s] = false;
        }
        if (m_stopRequested.load() && !stopping) {
            out.stoppedByRequest = true;
            beginStop();
        }
        bool allExited = true;
        for (auto& w : workers) {
            if (w.exited)
                continue;
            pid_t r = ::waitpid(w.pid, &w.status, WNOHANG);
            if (r == -1 && errno == ECHILD)
                w.status = 255 << 8;  // someone else reaped it (waitpid(-1) elsewhere): status lost
            if (r == w.pid || (r == -1 && errno == ECHILD)) {
                w.exited = true;
                const int code = exitCodeOf(w.status);
                if (code != 0 && out.exitCode == 0) {
                    out.exitCode = code;
                    out.signal = WIFSIGNALED(w.status) ? WTERMSIG(w.status) : 0;
                    if (!stopping)
                        out.failedRank = w.rank;
                }
                if (code != 0)
                    beginStop();
            }
            allExited = allExited && w.exited;
        }
        const auto now = Clock::now();
        if (stopping && !killed && now >= killAt) {
            killed = true;
            for (const auto& w : workers)
                signalWorker(w, SIGKILL);
        }
        if (allExited) {
            if (!cleanup) {
                cleanup = true;
                beginStop();  // leftovers of workers that exited: TERM now (if not yet), KILL at killAt
            }
            const auto table = listProcesses();
            bool anyAlive = false;
            for (auto& w : workers) {
                w.gone = w.gone || !groupAlive(table, w.pid);
                anyAlive = anyAlive || !w.gone;
            }
            bool anyOpen = std::any_of(workers.begin(), workers.end(), [](const Worker& w) { return w.open[0] || w.open[1]; });
            if (!anyAlive && drainUntil == Clock::time_point{})
                drainUntil = now + std::chrono::seconds(2);  // a setsid'd process may still hold a pipe
            if (!anyAlive && (!anyOpen || now >= drainUntil))
                break;
            if (killed && now >= killAt + std::chrono::seconds(5))
                break;  // a leftover stuck in uninterruptible sleep (D state): don't hang forever
        }
        observer.tick();
    }
    observer.tick();
    return out;
}

void signalProcessTree(long pid, int sig)
{
    if (pid <= 0)
        return;
    const auto tree = descendantsOf(listProcesses(), pid);
    for (auto it = tree.rbegin(); it != tree.rend(); ++it)
        ::kill(static_cast<pid_t>(it->pid), sig);
    ::kill(static_cast<pid_t>(pid), sig);
}

int findFreeTcpPort()
{
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return 0;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

} // namespace cairn::exec
