// Append-only byte sinks for logs and the terminal: unbuffered write(2) of whole chunks,
// close-on-exec, and a sink that stops quietly when its reader goes away (EPIPE).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace cairn::exec {

class FileSink {
public:
    FileSink() = default;
    explicit FileSink(int fd, bool owned) : m_fd(fd), m_owned(owned) {}
    ~FileSink();
    FileSink(FileSink&& o) noexcept : m_fd(o.m_fd), m_owned(o.m_owned), m_failed(o.m_failed) { o.m_fd = -1; }
    FileSink& operator=(FileSink&& o) noexcept;

    static FileSink openForAppend(const std::filesystem::path& path, std::string& error);
    // Writes everything; on error the sink turns off and reports false once.
    bool write(std::string_view bytes);
    bool failed() const { return m_failed; }
    bool valid() const { return m_fd >= 0; }

private:
    int m_fd = -1;
    bool m_owned = false;
    bool m_failed = false;
};

} // namespace cairn::exec
