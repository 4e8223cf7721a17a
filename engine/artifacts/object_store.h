// The content-addressed object store in a project's artifacts/ folder.
//
//   artifacts/ab/cdef...   one plain, read-only file per distinct content, named by the SHA-256
//                          of its bytes (64 hex digits split 2/62, as git splits its objects)
//   artifacts/tmp/         files being written; renamed into place only once complete and synced
//   artifacts/.lock        flock: adding takes it shared, gc exclusive
//
// An object is never rewritten: identical content is stored once, and an object becomes
// visible under its name only after its bytes are on disk, so a crash or a full disk leaves
// at most a stray file in tmp/ (gc removes those).
#pragma once

#include "engine/artifacts/file_io.h"
#include "engine/core/result.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace cairn::artifacts {

struct FileDigest {
    std::string hash;
    std::uint64_t size = 0;
};

// SHA-256 of a regular file, streamed. Fails, naming the file, when it changes while read.
Result<FileDigest> hashFile(const std::filesystem::path& path, bool followLink = true, const IoHooks& hooks = {});

struct ObjectInfo {
    std::string hash;
    std::uint64_t size = 0;
};

class ObjectStore {
public:
    explicit ObjectStore(std::filesystem::path root, IoHooks hooks = {});

    const std::filesystem::path& root() const { return m_root; }
    const IoHooks& hooks() const { return m_hooks; }
    std::filesystem::path objectPath(std::string_view hash) const;
    std::filesystem::path tempDir() const { return m_root / "tmp"; }
    bool contains(std::string_view hash) const;
    // Reads a whole (small) object, checking its bytes against its name: manifests.
    Result<std::string> readObject(const std::string& hash, std::uint64_t maxSize = 1ull << 30) const;
    // Every object in the store, sorted by hash; files that are not objects are skipped.
    Result<std::vector<ObjectInfo>> listObjects() const;
    // Leftovers in tmp/ from an add that crashed.
    std::vector<std::filesystem::path> strayTemps() const;
    // Hashes whose name starts with `prefix`.
    std::vector<std::string> matchPrefix(const std::string& prefix) const;

private:
    std::filesystem::path m_root;
    IoHooks m_hooks;
};

// Writes objects into a store. Thread-safe: many files are stored in parallel through one
// writer. Nothing it writes is visible until commit(); destroyed without commit it removes
// everything it wrote, so a failed add leaves the store as it was.
class ObjectWriter {
public:
    explicit ObjectWriter(ObjectStore& store);
    ~ObjectWriter();
    ObjectWriter(const ObjectWriter&) = delete;
    ObjectWriter& operator=(const ObjectWriter&) = delete;

    struct Stored {
        std::string hash;
        std::uint64_t size = 0;
        bool added = false;  // false: the content was already stored
    };
    // Stores a regular file: a reflink when the filesystem can (the object then shares the
    // file's blocks but not its future changes), else a copy. Fails, naming the file, when it
    // changes while read; then nothing is stored for it.
    Result<Stored> storeFile(const std::filesystem::path& path, bool followLink = true);
    Result<Stored> storeBytes(std::string_view data);
    // Makes every stored object durable (synced) and visible under its name.
    Status commit();

    std::uint64_t bytesRead() const { return m_bytesRead.load(); }
    std::uint64_t bytesWritten() const { return m_bytesWritten.load(); }
    std::size_t objectsAdded() const;
    bool usedReflink() const { return m_reflinked.load() > 0; }

private:
    Status prepareTempDir();
    // Registers a finished temp file; false when the same content is already stored or pending
    // (the temp file is then removed).
    bool addPending(const std::string& hash, const std::filesystem::path& temp);
    bool known(const std::string& hash);
    Result<Stored> storeByReflink(int srcFd, const FileIdentity& before, const std::filesystem::path& path);
    void abort();

    ObjectStore& m_store;
    std::mutex m_mutex;
    std::map<std::string, std::filesystem::path> m_pending;  // hash -> temp file
    bool m_tempDirReady = false;
    bool m_committed = false;
    std::atomic<bool> m_reflinkUnsupported{false};
    std::atomic<std::uint64_t> m_bytesRead{0};
    std::atomic<std::uint64_t> m_bytesWritten{0};
    std::atomic<int> m_reflinked{0};
};

// flock on artifacts/.lock: adds share it; gc holds it alone, so it never removes an object an
// add has written but not yet recorded.
class StoreLock {
public:
    static Result<StoreLock> acquire(const std::filesystem::path& storeRoot, bool exclusive);
    StoreLock(StoreLock&& o) noexcept : m_fd(std::move(o.m_fd)) {}
    ~StoreLock() = default;

private:
    explicit StoreLock(Fd fd) : m_fd(std::move(fd)) {}
    Fd m_fd;
};

} // namespace cairn::artifacts
