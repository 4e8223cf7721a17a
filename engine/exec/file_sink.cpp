#include "engine/exec/file_sink.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace cairn::exec {

FileSink::~FileSink()
{
    if (m_owned && m_fd >= 0)
        ::close(m_fd);
}

FileSink& FileSink::operator=(FileSink&& o) noexcept
{
    if (this != &o) {
        if (m_owned && m_fd >= 0)
            ::close(m_fd);
        m_fd = o.m_fd;
        m_owned = o.m_owned;
        m_failed = o.m_failed;
        o.m_fd = -1;
    }
    return *this;
}

FileSink FileSink::openForAppend(const std::filesystem::path& path, std::string& error)
{
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) {
        error = "cannot open " + path.string() + ": " + std::strerror(errno);
        return {};
    }
    return FileSink(fd, true);
}

bool FileSink::write(std::string_view bytes)
{
    if (m_fd < 0 || m_failed)
        return false;
    while (!bytes.empty()) {
        ssize_t n = ::write(m_fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR)
                continue;
            m_failed = true;
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

} // namespace cairn::exec
