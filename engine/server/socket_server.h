// The engine's listening socket: accepts clients, frames newline-delimited messages (at most
// kMaxMessageBytes each), and queues replies and events per connection. A client that sends an
// oversized message, or reads too slowly, is disconnected; the others are unaffected.
#pragma once

#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange unincluded
#include <boost/asio.hpp>

#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace cairn::server {

using ConnectionId = std::uint64_t;

class SocketServer {
public:
    using LineHandler = std::function<void(ConnectionId, std::string_view line)>;
    using CloseHandler = std::function<void(ConnectionId)>;

    SocketServer(boost::asio::io_context& io, LineHandler onLine, CloseHandler onClose);
    ~SocketServer();

    // Binds `socketFile` (mode 0600), replacing a stale file. Call with the engine lock held.
    bool listen(const std::filesystem::path& socketFile, std::string& error);
    void send(ConnectionId id, std::string message);
    void close(ConnectionId id);
    void closeAll();
    std::size_t connectionCount() const { return m_connections.size(); }
    // The user id of the process at the other end (SO_PEERCRED): who a registry request is from.
    std::optional<unsigned> peerUid(ConnectionId id) const;

    static constexpr std::size_t kMaxQueuedBytes = 16 << 20;

private:
    struct Connection {
        explicit Connection(boost::asio::io_context& io) : socket(io) {}
        boost::asio::local::stream_protocol::socket socket;
        std::string inbox;
        std::deque<std::string> outbox;
        std::size_t queuedBytes = 0;
        bool writing = false;
        bool closing = false;
        char buffer[65536];
    };
    void accept();
    void read(ConnectionId id);
    void write(ConnectionId id);
    void drop(ConnectionId id);

    boost::asio::io_context& m_io;
    boost::asio::local::stream_protocol::acceptor m_acceptor;
    LineHandler m_onLine;
    CloseHandler m_onClose;
    std::map<ConnectionId, std::shared_ptr<Connection>> m_connections;
    ConnectionId m_nextId = 1;
};

} // namespace cairn::server
