#include "engine/artifacts/file_io.h"

#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <random>
#include <thread>

namespace cairn::artifacts {

Fd::~Fd()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

Fd& Fd::operator=(Fd&& o) noexcept
{
    if (this != &o) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = o.m_fd;
        o.m_fd = -1;
    }
    return *this;
}

std::string describeErrno(int err, const std::filesystem::path& path, const std::string& doing)
{
    std::string what;
    switch (err) {
    case ENOENT: what = "no such file or directory"; break;
    case EACCES:
    case EPERM: what = "permission denied"; break;
    case ELOOP: what = "symbolic link loop (or a link where none may be)"; break;
    case ENOSPC: what = "no space left on device"; break;
    case EDQUOT: what = "disk quota exceeded"; break;
    default: what = std::strerror(err); break;
    }
    return (doing.empty() ? "" : doing + " ") + "'" + path.string() + "': " + what;
}

Result<FileIdentity> identityOf(int fd, const std::filesystem::path& name)
{
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        return makeError(describeErrno(errno, name, "cannot stat"));
    FileIdentity id;
    id.dev = st.st_dev;
    id.ino = st.st_ino;
    id.size = static_cast<std::uint64_t>(st.st_size);
    id.mtimeNs = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    id.ctimeNs = static_cast<std::int64_t>(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec;
    id.mode = st.st_mode;
    return id;
}

Result<Fd> openForRead(const std::filesystem::path& path, bool followLink)
{
    int flags = O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK;  // O_NONBLOCK: a FIFO must not hang us
    if (!followLink)
        flags |= O_NOFOLLOW;
    int fd = ::open(path.c_str(), flags);
    if (fd < 0)
        return makeError(describeErrno(errno, path, "cannot read"));
    Fd out(fd);
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        return makeError(describeErrno(errno, path, "cannot stat"));
    if (!S_ISREG(st.st_mode))
        return makeError("'" + path.string() + "' is not a regular file");
    ::fcntl(fd, F_SETFL, O_RDONLY);  // back to blocking reads
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    return out;
}

namespace {

// One reader thread, kSlots buffers passed back and forth: the reader fills free slots in
// order, the caller consumes filled ones in order.
Status readPipelined(int fd, const std::filesystem::path& name, const IoHooks& hooks,
                     const std::function<Status(const char*, std::size_t)>& onChunk)
{
    constexpr int kSlots = 4;
    struct Slot {
        std::unique_ptr<char[]> data{new char[kChunkSize]};
        ssize_t size = 0;
        int err = 0;
    };
    Slot slots[kSlots];
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<int> freeSlots = {0, 1, 2, 3}, filled;
    bool stop = false;
    std::jthread reader([&] {
        for (;;) {
            int slot;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return stop || !freeSlots.empty(); });
                if (stop)
                    return;
                slot = freeSlots.front();
                freeSlots.pop_front();
            }
            ssize_t n;
            do
                n = ::read(fd, slots[slot].data.get(), kChunkSize);
            while (n < 0 && errno == EINTR);
            {
                std::lock_guard lock(mutex);
                slots[slot].size = n;
                slots[slot].err = n < 0 ? errno : 0;
                filled.push_back(slot);
            }
            changed.notify_all();
            if (n <= 0)
                return;
        }
    });
    auto finish = [&](Status s) {
        {
            std::lock_guard lock(mutex);
            stop = true;
        }
        changed.notify_all();
        return s;
    };
    std::uint64_t offset = 0;
    for (;;) {
        int slot;
        {
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] { return !filled.empty(); });
            slot = filled.front();
            filled.pop_front();
        }
        const Slot& s = slots[slot];
        if (s.size < 0)
            return finish(makeError(describeErrno(s.err, name, "cannot read")));
        if (s.size == 0)
            return finish(Ok{});
        offset += static_cast<std::uint64_t>(s.size);
        if (auto st = onChunk(s.data.get(), static_cast<std::size_t>(s.size)); !st)
            return finish(st);
        if (hooks.afterChunk)
            hooks.afterChunk(name, offset);
        {
            std::lock_guard lock(mutex);
            freeSlots.push_back(slot);
        }
        changed.notify_all();
    }
}

} // namespace

Status readChunks(int fd, const std::filesystem::path& name, char* buffer, const IoHooks& hooks,
                  const std::function<Status(const char*, std::size_t)>& onChunk, std::uint64_t sizeHint)
{
    static const bool spareCore = std::thread::hardware_concurrency() >= 4;
    const bool readAhead = hooks.readAhead == IoHooks::ReadAhead::On
                           || (hooks.readAhead == IoHooks::ReadAhead::Auto && spareCore);
    if (sizeHint >= kPipelineMin && readAhead)
        return readPipelined(fd, name, hooks, onChunk);
    std::uint64_t offset = 0;
    for (;;) {
        ssize_t n = ::read(fd, buffer, kChunkSize);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return makeError(describeErrno(errno, name, "cannot read"));
        }
        if (n == 0)
            return Ok{};
        offset += static_cast<std::uint64_t>(n);
        if (auto s = onChunk(buffer, static_cast<std::size_t>(n)); !s)
            return s;
        if (hooks.afterChunk)
            hooks.afterChunk(name, offset);
    }
}

Status writeAll(int fd, const char* data, std::size_t size, const std::filesystem::path& name, const IoHooks& hooks)
{
    while (size > 0) {
        ssize_t n = hooks.write ? hooks.write(fd, data, size) : ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return makeError(describeErrno(errno, name, "cannot write"));
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return Ok{};
}

bool tryReflink(int srcFd, int dstFd) { return ::ioctl(dstFd, FICLONE, srcFd) == 0; }

Result<Fd> createTemp(const std::filesystem::path& dir, const std::string& prefix, std::filesystem::path& created)
{
    thread_local std::mt19937_64 rng{std::random_device{}()};
    static const char* kChars = "abcdefghijklmnopqrstuvwxyz0123456789";
    for (int attempt = 0; attempt < 100; ++attempt) {
        std::string name = prefix;
        for (int i = 0; i < 12; ++i)
            name += kChars[rng() % 36];
        std::filesystem::path p = dir / name;
        int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd >= 0) {
            created = p;
            return Fd(fd);
        }
        if (errno != EEXIST)
            return makeError(describeErrno(errno, p, "cannot create"));
    }
    return makeError("cannot create a temporary file in '" + dir.string() + "'");
}

Status fsyncPath(const std::filesystem::path& path)
{
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_DIRECTORY);
    if (fd < 0)
        fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return makeError(describeErrno(errno, path, "cannot open"));
    Fd guard(fd);
    if (::fsync(fd) != 0)
        return makeError(describeErrno(errno, path, "cannot sync"));
    return Ok{};
}

} // namespace cairn::artifacts
