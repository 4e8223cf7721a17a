#include "engine/exec/process_runner.h"

#include <boost/process.hpp>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace bp = boost::process;
namespace fs = std::filesystem;

namespace cairn::exec {
namespace {

constexpr std::array<int, 4> kForwarded = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
int g_signalPipe[2] = {-1, -1};

void onSignal(int signo, siginfo_t* info, void*)
{
    // Only signals sent by a process (kill, sigqueue) are forwarded; SI_KERNEL ones come from
    // the terminal and reach the child directly.
    if (info && info->si_code > 0)
        return;
    unsigned char b = static_cast<unsigned char>(signo);
    int saved = errno;
    [[maybe_unused]] auto n = ::write(g_signalPipe[1], &b, 1);
    errno = saved;
}

class SignalForwarding {
public:
    SignalForwarding()
    {
        if (::pipe2(g_signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
            g_signalPipe[0] = g_signalPipe[1] = -1;
        struct sigaction sa {};
        sa.sa_sigaction = onSignal;
        sa.sa_flags = SA_SIGINFO | SA_RESTART;
        sigemptyset(&sa.sa_mask);
        for (std::size_t i = 0; i < kForwarded.size(); ++i)
            sigaction(kForwarded[i], &sa, &m_old[i]);
        struct sigaction ign {};
        ign.sa_handler = SIG_IGN;
        sigaction(SIGPIPE, &ign, &m_oldPipe);
    }
    ~SignalForwarding()
    {
        for (std::size_t i = 0; i < kForwarded.size(); ++i)
            sigaction(kForwarded[i], &m_old[i], nullptr);
        sigaction(SIGPIPE, &m_oldPipe, nullptr);
        ::close(g_signalPipe[0]);
        ::close(g_signalPipe[1]);
        g_signalPipe[0] = g_signalPipe[1] = -1;
    }
    int fd() const { return g_signalPipe[0]; }

private:
    std::array<struct sigaction, kForwarded.size()> m_old{};
    struct sigaction m_oldPipe {};
};

bool isExecutableFile(const fs::path& p)
{
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(p.c_str(), X_OK) == 0;
}

} // namespace

fs::path resolveExecutable(const std::string& name)
{
    if (name.empty())
        return {};
    if (name.find('/') != std::string::npos)
        return fs::path(name);
    const char* path = std::getenv("PATH");
    std::string_view dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
    while (true) {
        auto colon = dirs.find(':');
        std::string_view dir = dirs.substr(0, colon);
        fs::path candidate = fs::path(dir.empty() ? "." : std::string(dir)) / name;
        if (isExecutableFile(candidate))
            return candidate;
        if (colon == std::string_view::npos)
            break;
        dirs.remove_prefix(colon + 1);
    }
    return {};
}

ProcessOutcome runProcess(const ProcessSpec& spec, ProcessObserver& observer, int tickMs)
{
    ProcessOutcome outcome;
    if (spec.argv.empty()) {
        outcome.startError = "no command given";
        outcome.exitCode = 127;
        return outcome;
    }
    fs::path exe = resolveExecutable(spec.argv[0]);
    if (exe.empty()) {
        outcome.startError = "command not found: " + spec.argv[0];
        outcome.exitCode = 127;
        return outcome;
    }
    if (!fs::exists(exe)) {
        outcome.startError = "no such file: " + exe.string();
        outcome.exitCode = 127;
        return outcome;
    }
    if (!isExecutableFile(exe)) {
        outcome.startError = "not an executable file (check its permissions): " + exe.string();
        outcome.exitCode = 126;
        return outcome;
    }

    SignalForwarding signals;
    bp::environment env = boost::this_process::environment();
    for (const auto& [k, v] : spec.extraEnv)
        env[k] = v;
    bp::pipe outPipe, errPipe;
    std::vector<std::string> args(spec.argv.begin() + 1, spec.argv.end());
    std::error_code ec;
    bp::child child;
    try {
        child = bp::child(bp::exe = exe.string(), bp::args = args, bp::std_out > outPipe, bp::std_err > errPipe,
                          env, bp::start_dir = (spec.workdir.empty() ? fs::current_path() : spec.workdir).string(), ec);
    } catch (const std::exception& e) {
        outcome.startError = e.what();
    }
    if (ec || !child.valid()) {
        if (outcome.startError.empty())
            outcome.startError = "cannot start " + exe.string() + ": " + ec.message();
        outcome.exitCode = (ec == std::errc::permission_denied) ? 126 : 127;
        return outcome;
    }
    outcome.started = true;
    const pid_t pid = child.id();
    observer.started(pid);

    int fds[2] = {outPipe.native_source(), errPipe.native_source()};
    for (int fd : fds)
        ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    bool open[2] = {true, true};
    bool exited = false;
    int status = 0;
    std::vector<char> buffer(1 << 16);
    int drainTicks = 0;

    // Runs until the child has exited and both pipes are closed. A grandchild that keeps a
    // pipe open after the child exits gets a short grace period, then is not waited for.
    while (open[0] || open[1] || !exited) {
        std::array<pollfd, 3> pfds{};
        nfds_t n = 0;
        int streamOf[3] = {0, 0, 0};
        for (int s = 0; s < 2; ++s) {
            if (open[s]) {
                pfds[n] = {fds[s], POLLIN, 0};
                streamOf[n++] = s + 1;
            }
        }
        pfds[n] = {signals.fd(), POLLIN, 0};
        streamOf[n++] = 0;
        int rc = ::poll(pfds.data(), n, tickMs);
        if (rc < 0 && errno != EINTR)
            break;
        for (nfds_t i = 0; rc > 0 && i < n; ++i) {
            if (!(pfds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            if (streamOf[i] == 0) {
                unsigned char sig = 0;
                while (::read(signals.fd(), &sig, 1) == 1) {
                    if (!exited)
                        ::kill(pid, sig);
                    outcome.forwardedSignal = sig;
                }
                continue;
            }
            int s = streamOf[i] - 1;
            ssize_t got = ::read(fds[s], buffer.data(), buffer.size());
            if (got > 0)
                observer.output(streamOf[i], std::string_view(buffer.data(), static_cast<std::size_t>(got)));
            else if (got == 0 || (errno != EINTR && errno != EAGAIN))
                open[s] = false;
        }
        if (!exited) {
            pid_t w = ::waitpid(pid, &status, WNOHANG);
            if (w == pid)
                exited = true;
        } else if ((open[0] || open[1]) && rc == 0 && ++drainTicks > 2000 / std::max(tickMs, 1)) {
            break;  // a background grandchild holds the pipe: stop following it
        }
        observer.tick();
    }
    if (!exited)
        ::waitpid(pid, &status, 0);
    child.detach();  // reaped here with waitpid, not by Boost
    if (WIFSIGNALED(status)) {
        outcome.signal = WTERMSIG(status);
        outcome.exitCode = 128 + outcome.signal;
    } else if (WIFEXITED(status)) {
        outcome.exitCode = WEXITSTATUS(status);
    }
    observer.tick();
    return outcome;
}

} // namespace cairn::exec
