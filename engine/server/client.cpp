#include "engine/server/client.h"

#include "engine/exec/process_info.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace cairn::server {

fs::path socketPath(const Project& project) { return project.root() / ".cairn" / "engine.sock"; }
fs::path lockPath(const Project& project) { return project.root() / ".cairn" / "engine.lock"; }

namespace {

// Connects to a Unix socket; paths longer than sun_path go through /proc/self/fd/N/NAME.
int connectUnix(const fs::path& path, std::string& error)
{
    int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        error = std::strerror(errno);
        return -1;
    }
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::string target = path.string();
    int dirFd = -1;
    if (target.size() >= sizeof(addr.sun_path)) {
        dirFd = ::open(path.parent_path().c_str(), O_PATH | O_CLOEXEC);
        if (dirFd < 0) {
            error = std::strerror(errno);
            ::close(fd);
            return -1;
        }
        target = "/proc/self/fd/" + std::to_string(dirFd) + "/" + path.filename().string();
    }
    std::memcpy(addr.sun_path, target.c_str(), target.size() + 1);
    int rc = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    int saved = errno;
    if (dirFd >= 0)
        ::close(dirFd);
    if (rc != 0) {
        error = std::strerror(saved);
        ::close(fd);
        return -1;
    }
    return fd;
}

// Starts `cairn engine run` fully detached: its own session, stdio to .cairn/engine.log.
Status spawnEngine(const Project& project, const std::string& exe)
{
    fs::path log = project.root() / ".cairn" / "engine.log";
    std::error_code ec;
    fs::create_directories(log.parent_path(), ec);
    pid_t child = ::fork();
    if (child < 0)
        return makeError(std::string("cannot start the engine: fork: ") + std::strerror(errno));
    if (child == 0) {
        ::setsid();
        if (::fork() != 0)
            ::_exit(0);
        int in = ::open("/dev/null", O_RDONLY);
        int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        ::dup2(in, 0);
        ::dup2(out, 1);
        ::dup2(out, 2);
        std::string root = project.root().string();
        ::execl(exe.c_str(), exe.c_str(), "engine", "run", "--project", root.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    return Ok{};
}

} // namespace

Result<std::unique_ptr<EngineClient>> EngineClient::connect(const Project& project)
{
    std::string error;
    int fd = connectUnix(socketPath(project), error);
    if (fd < 0)
        return makeError("no engine is running for " + project.root().string() + " (" + error + ")");
    std::unique_ptr<EngineClient> client(new EngineClient(fd));
    auto hello = client->call("hello", {{"client", "cairn-cli"}}, 10000);
    if (!hello)
        return hello.error();
    return client;
}

EngineClient::~EngineClient()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

Status EngineClient::sendLine(const std::string& line)
{
    std::string_view rest = line;
    while (!rest.empty()) {
        ssize_t n = ::send(m_fd, rest.data(), rest.size(), MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return makeError(std::string("lost the connection to the engine: ") + std::strerror(errno));
        }
        rest.remove_prefix(static_cast<std::size_t>(n));
    }
    return Ok{};
}

Result<Json> EngineClient::readMessage(int timeoutMs)
{
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    for (;;) {
        if (auto nl = m_buffer.find('\n'); nl != std::string::npos) {
            std::string line = m_buffer.substr(0, nl);
            m_buffer.erase(0, nl + 1);
            Json msg = Json::parse(line, nullptr, false);
            if (msg.is_discarded() || !msg.is_object())
                return makeError("the engine sent a malformed message");
            return msg;
        }
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
        if (timeoutMs >= 0 && left <= 0)
            return makeError("timeout");
        pollfd p{m_fd, POLLIN, 0};
        int rc = ::poll(&p, 1, timeoutMs < 0 ? -1 : static_cast<int>(left));
        if (rc < 0 && errno == EINTR)
            continue;
        if (rc == 0)
            continue;
        char buf[65536];
        ssize_t n = ::recv(m_fd, buf, sizeof buf, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return makeError("the engine closed the connection");
        m_buffer.append(buf, static_cast<std::size_t>(n));
    }
}

Result<Json> EngineClient::call(const std::string& method, const Json& params, int timeoutMs, std::string* errorCode)
{
    std::int64_t id = m_nextId++;
    if (auto s = sendLine(encodeRequest(id, method, params)); !s)
        return s.error();
    for (;;) {
        auto msg = readMessage(timeoutMs);
        if (!msg)
            return msg.error();
        if (msg->contains("event")) {
            m_events.push_back(std::move(*msg));
            continue;
        }
        if (msg->value("id", std::int64_t{-1}) != id)
            continue;
        if (auto e = msg->find("error"); e != msg->end()) {
            if (errorCode)
                *errorCode = e->value("code", std::string());
            return makeError(e->value("message", std::string("engine error")));
        }
        return msg->value("result", Json::object());
    }
}

Result<Json> EngineClient::nextEvent(int timeoutMs)
{
    if (!m_events.empty()) {
        Json e = std::move(m_events.front());
        m_events.erase(m_events.begin());
        return e;
    }
    for (;;) {
        auto msg = readMessage(timeoutMs);
        if (!msg)
            return msg.error();
        if (msg->contains("event"))
            return msg;
    }
}

Result<std::unique_ptr<EngineClient>> ensureEngine(const Project& project, const std::string& cairnExecutable)
{
    if (auto c = EngineClient::connect(project))
        return c;
    if (auto s = spawnEngine(project, cairnExecutable.empty() ? exec::selfExecutable() : cairnExecutable); !s)
        return s.error();
    Error last{"the engine did not start"};
    for (int i = 0; i < 200; ++i) {  // up to 10 s
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        auto c = EngineClient::connect(project);
        if (c)
            return c;
        last = c.error();
    }
    return makeError("the engine did not start within 10 s (" + last.message + "); see "
                     + (project.root() / ".cairn" / "engine.log").string());
}

} // namespace cairn::server
