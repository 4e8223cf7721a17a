#include "engine/remote/subprocess.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace cairn::remote {
namespace {

using Clock = std::chrono::steady_clock;

int decodeStatus(int status)
{
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return 255;
}

// fork + exec with the given pipe ends as 0, 1, 2. Returns the pid, or -1 with `error` set.
long spawn(const std::vector<std::string>& argv, int in, int out, int err, const std::map<std::string, std::string>& extraEnv,
           std::string& error)
{
    if (argv.empty()) {
        error = "no command";
        return -1;
    }
    std::vector<std::string> envStrings;
    for (char** e = environ; *e; ++e) {
        std::string kv(*e);
        auto eq = kv.find('=');
        if (eq != std::string::npos && extraEnv.count(kv.substr(0, eq)))
            continue;
        envStrings.push_back(std::move(kv));
    }
    for (const auto& [k, v] : extraEnv)
        envStrings.push_back(k + "=" + v);
    std::vector<char*> envp, args;
    for (auto& s : envStrings)
        envp.push_back(s.data());
    envp.push_back(nullptr);
    std::vector<std::string> copy = argv;
    for (auto& a : copy)
        args.push_back(a.data());
    args.push_back(nullptr);
    int report[2];
    if (::pipe2(report, O_CLOEXEC) != 0) {
        error = std::string("pipe: ") + std::strerror(errno);
        return -1;
    }
    pid_t pid = ::fork();
    if (pid < 0) {
        error = std::string("fork: ") + std::strerror(errno);
        ::close(report[0]);
        ::close(report[1]);
        return -1;
    }
    if (pid == 0) {
        ::setpgid(0, 0);
        ::dup2(in, 0);
        ::dup2(out, 1);
        ::dup2(err, 2);
        for (int s : {SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT})
            ::signal(s, SIG_DFL);
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        ::execvpe(args[0], args.data(), envp.data());
        int e = errno;
        (void)!::write(report[1], &e, sizeof e);
        ::_exit(127);
    }
    ::close(report[1]);
    int childErrno = 0;
    ssize_t n;
    do {
        n = ::read(report[0], &childErrno, sizeof childErrno);
    } while (n < 0 && errno == EINTR);
    ::close(report[0]);
    if (n == sizeof childErrno) {
        ::waitpid(pid, nullptr, 0);
        error = "cannot run " + argv[0] + ": " + std::strerror(childErrno);
        return -1;
    }
    return pid;
}

void setNonBlocking(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK); }

// Reads what is there; false at end of file.
bool readSome(int fd, std::string& into)
{
    char buf[65536];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n > 0) {
            into.append(buf, static_cast<std::size_t>(n));
            continue;
        }
        if (n == 0)
            return false;
        if (errno == EINTR)
            continue;
        return errno == EAGAIN || errno == EWOULDBLOCK;
    }
}

} // namespace

CommandResult runCommand(const std::vector<std::string>& argv, const std::string& input, int timeoutMs,
                         const std::map<std::string, std::string>& extraEnv)
{
    CommandResult r;
    int in[2], out[2], err[2];
    if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0) {
        r.startError = std::string("pipe: ") + std::strerror(errno);
        return r;
    }
    long pid = spawn(argv, in[0], out[1], err[1], extraEnv, r.startError);
    ::close(in[0]);
    ::close(out[1]);
    ::close(err[1]);
    if (pid < 0) {
        ::close(in[1]);
        ::close(out[0]);
        ::close(err[0]);
        return r;
    }
    setNonBlocking(in[1]);
    setNonBlocking(out[0]);
    setNonBlocking(err[0]);
    std::size_t written = 0;
    if (input.empty()) {
        ::close(in[1]);
        in[1] = -1;
    }
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    bool outOpen = true, errOpen = true, exited = false, termSent = false;
    Clock::time_point killAt{}, drainUntil{};
    int status = 0;
    while (outOpen || errOpen || !exited) {
        if (!exited) {
            pid_t w = ::waitpid(static_cast<pid_t>(pid), &status, WNOHANG);
            if (w == pid) {
                exited = true;
                // Something the child started may hold its pipes open (an ssh master): read what
                // is already there, then stop.
                drainUntil = Clock::now() + std::chrono::milliseconds(300);
            }
        }
        if (exited && Clock::now() >= drainUntil)
            break;
        if (!termSent && Clock::now() >= deadline) {
            r.timedOut = true;
            ::kill(-static_cast<pid_t>(pid), SIGTERM);
            termSent = true;
            killAt = Clock::now() + std::chrono::seconds(2);
        }
        if (termSent && !exited && Clock::now() >= killAt)
            ::kill(-static_cast<pid_t>(pid), SIGKILL);
        pollfd fds[3];
        nfds_t n = 0;
        if (outOpen)
            fds[n++] = {out[0], POLLIN, 0};
        if (errOpen)
            fds[n++] = {err[0], POLLIN, 0};
        if (in[1] >= 0)
            fds[n++] = {in[1], POLLOUT, 0};
        ::poll(fds, n, 50);
        if (outOpen && !readSome(out[0], r.out))
            outOpen = false;
        if (errOpen && !readSome(err[0], r.err))
            errOpen = false;
        if (in[1] >= 0) {
            ssize_t w = ::write(in[1], input.data() + written, input.size() - written);
            if (w > 0)
                written += static_cast<std::size_t>(w);
            if ((w < 0 && errno != EAGAIN && errno != EINTR) || written == input.size()) {
                ::close(in[1]);
                in[1] = -1;
            }
        }
    }
    if (!exited) {
        ::waitpid(static_cast<pid_t>(pid), &status, 0);
    }
    if (in[1] >= 0)
        ::close(in[1]);
    ::close(out[0]);
    ::close(err[0]);
    r.exitCode = decodeStatus(status);
    return r;
}

StreamingCommand::~StreamingCommand()
{
    if (m_pid > 0)
        stop(200);
    if (m_out >= 0)
        ::close(m_out);
    if (m_errFd >= 0)
        ::close(m_errFd);
}

bool StreamingCommand::start(const std::vector<std::string>& argv, std::string& error)
{
    int devnull = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    int out[2], err[2];
    if (devnull < 0 || ::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0) {
        error = std::string("pipe: ") + std::strerror(errno);
        return false;
    }
    m_pid = spawn(argv, devnull, out[1], err[1], {}, error);
    ::close(devnull);
    ::close(out[1]);
    ::close(err[1]);
    m_out = out[0];
    m_errFd = err[0];
    setNonBlocking(m_out);
    setNonBlocking(m_errFd);
    m_err.clear();
    return m_pid > 0;
}

void StreamingCommand::drainStderr()
{
    if (m_errFd >= 0 && !readSome(m_errFd, m_err)) {
        ::close(m_errFd);
        m_errFd = -1;
    }
    if (m_err.size() > (64 << 10))
        m_err.erase(0, m_err.size() - (64 << 10));
}

bool StreamingCommand::read(std::string& out, int waitMs)
{
    if (m_out < 0)
        return false;
    pollfd fds[2] = {{m_out, POLLIN, 0}, {m_errFd, POLLIN, 0}};
    ::poll(fds, m_errFd >= 0 ? 2 : 1, waitMs);
    drainStderr();
    if (!readSome(m_out, out)) {
        ::close(m_out);
        m_out = -1;
        return false;
    }
    return true;
}

int StreamingCommand::stop(int graceMs)
{
    if (m_pid <= 0)
        return -1;
    ::kill(-static_cast<pid_t>(m_pid), SIGTERM);
    int status = 0;
    const auto deadline = Clock::now() + std::chrono::milliseconds(graceMs);
    for (;;) {
        pid_t w = ::waitpid(static_cast<pid_t>(m_pid), &status, WNOHANG);
        if (w == m_pid || w < 0)
            break;
        if (Clock::now() >= deadline) {
            ::kill(-static_cast<pid_t>(m_pid), SIGKILL);
            ::waitpid(static_cast<pid_t>(m_pid), &status, 0);
            break;
        }
        ::usleep(20000);
    }
    m_pid = -1;
    drainStderr();
    return decodeStatus(status);
}

int StreamingCommand::wait()
{
    if (m_pid <= 0)
        return -1;
    int status = 0;
    // stdout is closed; the child exits (or is about to). Give it a moment, then make sure.
    const auto deadline = Clock::now() + std::chrono::seconds(5);
    for (;;) {
        pid_t w = ::waitpid(static_cast<pid_t>(m_pid), &status, WNOHANG);
        if (w == m_pid || w < 0)
            break;
        if (Clock::now() >= deadline)
            return stop(500);
        drainStderr();
        ::usleep(10000);
    }
    drainStderr();
    m_pid = -1;
    return decodeStatus(status);
}

} // namespace cairn::remote
