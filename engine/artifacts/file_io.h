// The few POSIX file operations the artifact store needs, with errors that name the file.
// Private to engine/artifacts.
#pragma once

#include "engine/core/result.h"

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace cairn::artifacts {

// Test seams where the store touches the disk (as Ninja's DiskInterface): a test makes a file
// change while it is read, or a write fail with ENOSPC, without needing a full disk.
struct IoHooks {
    // Called after each chunk read from a file being hashed or stored; `offset` is how far
    // the read has come.
    std::function<void(const std::filesystem::path& file, std::uint64_t offset)> afterChunk;
    // Replaces ::write; return -1 and set errno to fail.
    std::function<ssize_t(int fd, const void* data, std::size_t size)> write;
    bool noReflink = false;  // skip the FICLONE attempt (tests the copy path on any filesystem)
    // A reader thread for large files: Auto uses one when the machine has a core to spare
    // (4 or more); on 2 cores shared with other work it only competes (bench_artifacts).
    enum class ReadAhead { Auto, On, Off } readAhead = ReadAhead::Auto;
};

// Read buffer per thread: large enough that a read costs little next to hashing the chunk.
constexpr std::size_t kChunkSize = 1 << 20;

class Fd {
public:
    Fd() = default;
    explicit Fd(int fd) : m_fd(fd) {}
    ~Fd();
    Fd(Fd&& o) noexcept : m_fd(o.m_fd) { o.m_fd = -1; }
    Fd& operator=(Fd&& o) noexcept;
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return m_fd; }
    explicit operator bool() const { return m_fd >= 0; }
    int release() { int f = m_fd; m_fd = -1; return f; }

private:
    int m_fd = -1;
};

// What must not change while a file is read: a file that differs afterwards was being written.
struct FileIdentity {
    std::uint64_t dev = 0, ino = 0, size = 0;
    std::int64_t mtimeNs = 0, ctimeNs = 0;
    unsigned mode = 0;
    bool operator==(const FileIdentity&) const = default;
};

Result<FileIdentity> identityOf(int fd, const std::filesystem::path& name);

// "PATH: what went wrong" for an errno, in words a user can act on.
std::string describeErrno(int err, const std::filesystem::path& path, const std::string& doing);

// Opens a file for reading; `followLink` false refuses a symbolic link (the walk records links
// itself and must never read through one).
Result<Fd> openForRead(const std::filesystem::path& path, bool followLink);
// Reads the file to its end in kChunkSize pieces, calling onChunk(data, size) for each. For a
// file of `sizeHint` >= kPipelineMin bytes a reader thread may read ahead into a few buffers
// of its own while onChunk hashes, so reading (a copy from the page cache, or the disk) and
// hashing overlap instead of taking turns (IoHooks::readAhead).
constexpr std::uint64_t kPipelineMin = 8 * kChunkSize;
Status readChunks(int fd, const std::filesystem::path& name, char* buffer, const IoHooks& hooks,
                  const std::function<Status(const char*, std::size_t)>& onChunk, std::uint64_t sizeHint = 0);
Status writeAll(int fd, const char* data, std::size_t size, const std::filesystem::path& name, const IoHooks& hooks);
// FICLONE: the destination shares the source's blocks (copy-on-write) on btrfs, XFS and others.
bool tryReflink(int srcFd, int dstFd);
// A new file in `dir` named `prefix` plus random characters, opened for writing.
Result<Fd> createTemp(const std::filesystem::path& dir, const std::string& prefix, std::filesystem::path& created);
Status fsyncPath(const std::filesystem::path& path);

} // namespace cairn::artifacts
