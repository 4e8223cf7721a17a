// A blocking client of the engine socket, for the CLI (the workbench has its own Qt one).
#pragma once

#include "engine/core/result.h"
#include "engine/server/protocol.h"
#include "engine/store/project.h"

#include <filesystem>
#include <memory>
#include <string>

namespace cairn::server {

std::filesystem::path socketPath(const Project& project);
std::filesystem::path lockPath(const Project& project);

class EngineClient {
public:
    // Connects to a running engine; fails when none listens.
    static Result<std::unique_ptr<EngineClient>> connect(const Project& project);
    ~EngineClient();

    // Sends a request and waits for its reply (events arriving meanwhile are queued).
    // An error reply becomes an Error carrying the engine's message.
    // `errorCode`, when given, receives the error reply's code (not_found, forbidden, ...).
    Result<Json> call(const std::string& method, const Json& params = Json::object(), int timeoutMs = 60000,
                      std::string* errorCode = nullptr);
    // The next pushed event; Error on timeout ("timeout") or a closed connection.
    Result<Json> nextEvent(int timeoutMs);

private:
    explicit EngineClient(int fd) : m_fd(fd) {}
    Result<Json> readMessage(int timeoutMs);
    Status sendLine(const std::string& line);

    int m_fd = -1;
    std::string m_buffer;
    std::int64_t m_nextId = 1;
    std::vector<Json> m_events;
};

// Connects to the project's engine, starting one in the background when none runs.
// `cairnExecutable` defaults to the running program (/proc/self/exe).
Result<std::unique_ptr<EngineClient>> ensureEngine(const Project& project, const std::string& cairnExecutable = {});

} // namespace cairn::server
