#include "engine/server/socket_server.h"

#include "engine/server/protocol.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace asio = boost::asio;
using stream = asio::local::stream_protocol;

namespace cairn::server {

SocketServer::SocketServer(asio::io_context& io, LineHandler onLine, CloseHandler onClose)
    : m_io(io), m_acceptor(io), m_onLine(std::move(onLine)), m_onClose(std::move(onClose))
{
}

SocketServer::~SocketServer() { closeAll(); }

bool SocketServer::listen(const std::filesystem::path& socketFile, std::string& error)
{
    // Bind by a relative name from the socket's folder: project paths may be longer than a
    // sockaddr_un can hold. The engine's working directory is that folder from now on.
    if (::chdir(socketFile.parent_path().c_str()) != 0) {
        error = "cannot enter " + socketFile.parent_path().string();
        return false;
    }
    const std::string name = socketFile.filename().string();
    ::unlink(name.c_str());
    boost::system::error_code ec;
    mode_t old = ::umask(077);
    m_acceptor.open(stream(), ec);
    if (!ec)
        m_acceptor.bind(stream::endpoint(name), ec);
    ::umask(old);
    if (!ec)
        m_acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
        error = "cannot listen on " + socketFile.string() + ": " + ec.message();
        return false;
    }
    ::chmod(name.c_str(), 0600);
    accept();
    return true;
}

std::optional<unsigned> SocketServer::peerUid(ConnectionId id) const
{
    auto it = m_connections.find(id);
    if (it == m_connections.end())
        return std::nullopt;
    ucred cred{};
    socklen_t len = sizeof cred;
    if (::getsockopt(it->second->socket.native_handle(), SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0)
        return std::nullopt;
    return static_cast<unsigned>(cred.uid);
}

void SocketServer::accept()
{
    auto conn = std::make_shared<Connection>(m_io);
    m_acceptor.async_accept(conn->socket, [this, conn](const boost::system::error_code& ec) {
        if (ec == asio::error::operation_aborted)
            return;
        if (!ec) {
            ConnectionId id = m_nextId++;
            m_connections[id] = conn;
            read(id);
        }
        accept();
    });
}

void SocketServer::read(ConnectionId id)
{
    auto it = m_connections.find(id);
    if (it == m_connections.end())
        return;
    auto conn = it->second;
    conn->socket.async_read_some(asio::buffer(conn->buffer), [this, id, conn](const boost::system::error_code& ec,
                                                                               std::size_t n) {
        if (ec) {
            drop(id);
            return;
        }
        conn->inbox.append(conn->buffer, n);
        std::size_t start = 0;
        for (;;) {
            auto nl = conn->inbox.find('\n', start);
            if (nl == std::string::npos)
                break;
            std::string_view line(conn->inbox.data() + start, nl - start);
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            if (!line.empty())
                m_onLine(id, line);
            start = nl + 1;
            if (!m_connections.count(id))
                return;  // the handler closed it
        }
        conn->inbox.erase(0, start);
        if (conn->inbox.size() > kMaxMessageBytes) {
            send(id, encodeError(0, "too_large",
                                 "message longer than " + std::to_string(kMaxMessageBytes) + " bytes; closing the connection"));
            close(id);
            return;
        }
        read(id);
    });
}

void SocketServer::send(ConnectionId id, std::string message)
{
    auto it = m_connections.find(id);
    if (it == m_connections.end() || it->second->closing)
        return;
    auto& conn = *it->second;
    conn.queuedBytes += message.size();
    if (conn.queuedBytes > kMaxQueuedBytes) {
        drop(id);  // a client that does not read its events must not grow our memory
        return;
    }
    conn.outbox.push_back(std::move(message));
    if (!conn.writing)
        write(id);
}

void SocketServer::write(ConnectionId id)
{
    auto it = m_connections.find(id);
    if (it == m_connections.end())
        return;
    auto conn = it->second;
    if (conn->outbox.empty()) {
        conn->writing = false;
        if (conn->closing)
            drop(id);
        return;
    }
    conn->writing = true;
    asio::async_write(conn->socket, asio::buffer(conn->outbox.front()),
                      [this, id, conn](const boost::system::error_code& ec, std::size_t) {
                          if (ec) {
                              drop(id);
                              return;
                          }
                          conn->queuedBytes -= conn->outbox.front().size();
                          conn->outbox.pop_front();
                          write(id);
                      });
}

void SocketServer::close(ConnectionId id)
{
    auto it = m_connections.find(id);
    if (it == m_connections.end())
        return;
    it->second->closing = true;
    if (!it->second->writing)
        drop(id);
}

void SocketServer::drop(ConnectionId id)
{
    auto it = m_connections.find(id);
    if (it == m_connections.end())
        return;
    boost::system::error_code ec;
    it->second->socket.shutdown(stream::socket::shutdown_both, ec);
    it->second->socket.close(ec);
    m_connections.erase(it);
    m_onClose(id);
}

void SocketServer::closeAll()
{
    boost::system::error_code ec;
    m_acceptor.close(ec);
    while (!m_connections.empty())
        drop(m_connections.begin()->first);
}

} // namespace cairn::server
