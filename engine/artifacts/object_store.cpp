#include "engine/artifacts/object_store.h"

#include "engine/artifacts/sha256.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <memory>

namespace fs = std::filesystem;

namespace cairn::artifacts {
namespace {

char* chunkBuffer()
{
    thread_local std::unique_ptr<char[]> buffer(new char[kChunkSize]);
    return buffer.get();
}

std::string changedWhileRead(const fs::path& path)
{
    return "'" + path.string() + "' changed while it was being read (its size, modification time or inode differ "
           "before and after); nothing was stored for it. Add it again once nothing writes to it.";
}

bool isHexName(const std::string& s, std::size_t size)
{
    return s.size() == size && isHexPrefix(s);
}

// Hashes what is left of `fd` from its current position. A file that grows past `expected`
// bytes is being written: reading stops there (an appender must not keep us reading forever).
Result<std::string> hashFd(int fd, const fs::path& name, const IoHooks& hooks, std::uint64_t& bytes, std::uint64_t expected)
{
    Sha256 h;
    bytes = 0;
    auto s = readChunks(fd, name, chunkBuffer(), hooks, [&](const char* data, std::size_t n) -> Status {
        h.update(data, n);
        bytes += n;
        if (bytes > expected)
            return makeError(changedWhileRead(name));
        return Ok{};
    }, expected);
    if (!s)
        return s.error();
    return h.finishHex();
}

// The file must be the same before and after reading, and still be what `path` names.
Status checkUnchanged(int fd, const fs::path& path, const FileIdentity& before, std::uint64_t bytesRead, bool followLink)
{
    auto after = identityOf(fd, path);
    if (!after)
        return after.error();
    if (!(*after == before) || bytesRead != before.size)
        return makeError(changedWhileRead(path));
    struct stat st {};
    int rc = followLink ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st);
    if (rc != 0 || st.st_ino != before.ino || static_cast<std::uint64_t>(st.st_dev) != before.dev)
        return makeError(changedWhileRead(path));
    return Ok{};
}

} // namespace

Result<FileDigest> hashFile(const fs::path& path, bool followLink, const IoHooks& hooks)
{
    auto fd = openForRead(path, followLink);
    if (!fd)
        return fd.error();
    auto before = identityOf(fd->get(), path);
    if (!before)
        return before.error();
    std::uint64_t bytes = 0;
    auto hash = hashFd(fd->get(), path, hooks, bytes, before->size);
    if (!hash)
        return hash.error();
    if (auto s = checkUnchanged(fd->get(), path, *before, bytes, followLink); !s)
        return s.error();
    return FileDigest{*hash, bytes};
}

// --- ObjectStore ------------------------------------------------------------------------------

ObjectStore::ObjectStore(fs::path root, IoHooks hooks) : m_root(std::move(root)), m_hooks(std::move(hooks)) {}

fs::path ObjectStore::objectPath(std::string_view hash) const
{
    return m_root / std::string(hash.substr(0, 2)) / std::string(hash.substr(2));
}

bool ObjectStore::contains(std::string_view hash) const
{
    if (!isObjectHash(hash))
        return false;
    struct stat st {};
    return ::stat(objectPath(hash).c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

Result<std::string> ObjectStore::readObject(const std::string& hash, std::uint64_t maxSize) const
{
    fs::path p = objectPath(hash);
    auto fd = openForRead(p, false);
    if (!fd)
        return makeError("object " + hash + " is missing from the store (" + fd.message() + ")");
    auto id = identityOf(fd->get(), p);
    if (!id)
        return id.error();
    if (id->size > maxSize)
        return makeError("object " + hash + " is too large to read into memory");
    std::string data;
    data.reserve(id->size);
    auto s = readChunks(fd->get(), p, chunkBuffer(), {}, [&](const char* d, std::size_t n) -> Status {
        data.append(d, n);
        return Ok{};
    });
    if (!s)
        return s.error();
    if (sha256Hex(data) != hash)
        return makeError("object " + hash + " is corrupted: its bytes no longer match its name (run 'cairn artifact verify')");
    return data;
}

Result<std::vector<ObjectInfo>> ObjectStore::listObjects() const
{
    std::vector<ObjectInfo> out;
    std::error_code ec;
    fs::directory_iterator top(m_root, ec);
    if (ec)
        return makeError(describeErrno(ec.value(), m_root, "cannot list"));
    for (const auto& dir : top) {
        const std::string prefix = dir.path().filename().string();
        if (!isHexName(prefix, 2) || !dir.is_directory(ec))
            continue;
        fs::directory_iterator inner(dir.path(), ec);
        if (ec)
            return makeError(describeErrno(ec.value(), dir.path(), "cannot list"));
        for (const auto& f : inner) {
            const std::string rest = f.path().filename().string();
            if (!isHexName(rest, 62) || !f.is_regular_file(ec))
                continue;
            out.push_back({prefix + rest, static_cast<std::uint64_t>(f.file_size(ec))});
        }
    }
    std::sort(out.begin(), out.end(), [](const ObjectInfo& a, const ObjectInfo& b) { return a.hash < b.hash; });
    return out;
}

std::vector<fs::path> ObjectStore::strayTemps() const
{
    std::vector<fs::path> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(tempDir(), ec))
        out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> ObjectStore::matchPrefix(const std::string& prefix) const
{
    std::vector<std::string> out;
    if (prefix.size() < 2 || !isHexPrefix(prefix))
        return out;
    std::error_code ec;
    for (const auto& f : fs::directory_iterator(m_root / prefix.substr(0, 2), ec)) {
        std::string hash = prefix.substr(0, 2) + f.path().filename().string();
        if (isObjectHash(hash) && hash.starts_with(prefix))
            out.push_back(hash);
    }
    std::sort(out.begin(), out.end());
    return out;
}

// --- ObjectWriter -----------------------------------------------------------------------------

ObjectWriter::ObjectWriter(ObjectStore& store) : m_store(store) {}

ObjectWriter::~ObjectWriter()
{
    if (!m_committed)
        abort();
}

void ObjectWriter::abort()
{
    std::lock_guard lock(m_mutex);
    for (const auto& [hash, temp] : m_pending)
        ::unlink(temp.c_str());
    m_pending.clear();
}

std::size_t ObjectWriter::objectsAdded() const
{
    std::lock_guard lock(const_cast<std::mutex&>(m_mutex));
    return m_pending.size();
}

Status ObjectWriter::prepareTempDir()
{
    std::lock_guard lock(m_mutex);
    if (m_tempDirReady)
        return Ok{};
    std::error_code ec;
    fs::create_directories(m_store.tempDir(), ec);
    if (ec)
        return makeError(describeErrno(ec.value(), m_store.tempDir(), "cannot create"));
    m_tempDirReady = true;
    return Ok{};
}

bool ObjectWriter::known(const std::string& hash)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_pending.count(hash))
            return true;
    }
    return m_store.contains(hash);
}

bool ObjectWriter::addPending(const std::string& hash, const fs::path& temp)
{
    std::lock_guard lock(m_mutex);
    if (m_pending.count(hash) || m_store.contains(hash)) {
        ::unlink(temp.c_str());
        return false;
    }
    m_pending.emplace(hash, temp);
    return true;
}

Result<ObjectWriter::Stored> ObjectWriter::storeByReflink(int srcFd, const FileIdentity& before, const fs::path& path)
{
    fs::path temp;
    auto out = createTemp(m_store.tempDir(), "in-", temp);
    if (!out)
        return out.error();
    if (!tryReflink(srcFd, out->get())) {
        m_reflinkUnsupported = true;  // EOPNOTSUPP, EXDEV...: this filesystem copies
        ::unlink(temp.c_str());
        return makeError("");
    }
    // The clone is a snapshot: hash it, not the user's file, which may change from now on.
    auto after = identityOf(srcFd, path);
    if (!after || !(*after == before)) {
        ::unlink(temp.c_str());
        return makeError(changedWhileRead(path));
    }
    Fd in(::open(temp.c_str(), O_RDONLY | O_CLOEXEC));
    std::uint64_t bytes = 0;
    auto hash = in ? hashFd(in.get(), temp, m_store.hooks(), bytes, before.size) : Result<std::string>(makeError("cannot reopen " + temp.string()));
    if (!hash || bytes != before.size) {
        ::unlink(temp.c_str());
        return makeError(hash ? changedWhileRead(path) : hash.message());
    }
    ::fchmod(out->get(), 0444);
    m_reflinked++;
    m_bytesRead += bytes;
    bool added = addPending(*hash, temp);
    return Stored{*hash, bytes, added};
}

Result<ObjectWriter::Stored> ObjectWriter::storeFile(const fs::path& path, bool followLink)
{
    if (auto s = prepareTempDir(); !s)
        return s.error();
    auto src = openForRead(path, followLink);
    if (!src)
        return src.error();
    auto before = identityOf(src->get(), path);
    if (!before)
        return before.error();
    const IoHooks& hooks = m_store.hooks();
    if (!hooks.noReflink && !m_reflinkUnsupported && before->size > 0) {
        auto r = storeByReflink(src->get(), *before, path);
        if (r || !r.message().empty())
            return r;
    }
    // Copy: hash first, so content already stored is never written again.
    std::uint64_t bytes = 0;
    auto hash = hashFd(src->get(), path, hooks, bytes, before->size);
    if (!hash)
        return hash.error();
    m_bytesRead += bytes;
    if (auto s = checkUnchanged(src->get(), path, *before, bytes, followLink); !s)
        return s.error();
    if (known(*hash))
        return Stored{*hash, bytes, false};
    // Then copy, hashing what is written: the object's name is the hash of its own bytes even
    // if the file changed between the two reads (that is reported, and nothing is kept).
    if (::lseek(src->get(), 0, SEEK_SET) != 0)
        return makeError(describeErrno(errno, path, "cannot rewind"));
    fs::path temp;
    auto out = createTemp(m_store.tempDir(), "in-", temp);
    if (!out)
        return out.error();
    Sha256 h;
    std::uint64_t copied = 0;
    auto s = readChunks(src->get(), path, chunkBuffer(), hooks, [&](const char* data, std::size_t n) -> Status {
        h.update(data, n);
        copied += n;
        if (copied > bytes)
            return makeError(changedWhileRead(path));
        return writeAll(out->get(), data, n, m_store.root(), hooks);
    }, bytes);
    if (s && (h.finishHex() != *hash || copied != bytes || !checkUnchanged(src->get(), path, *before, copied, followLink)))
        s = makeError(changedWhileRead(path));
    if (!s) {
        ::unlink(temp.c_str());
        if (s.message().find("no space left") != std::string::npos || s.message().find("quota") != std::string::npos)
            return makeError("the disk holding the artifact store is full (" + s.message() + ") while storing '" + path.string()
                             + "'; the partial copy was removed and the store is unchanged");
        return s.error();
    }
    ::fchmod(out->get(), 0444);
    m_bytesWritten += copied;
    bool added = addPending(*hash, temp);
    return Stored{*hash, bytes, added};
}

Result<ObjectWriter::Stored> ObjectWriter::storeBytes(std::string_view data)
{
    if (auto s = prepareTempDir(); !s)
        return s.error();
    std::string hash = sha256Hex(data);
    if (known(hash))
        return Stored{hash, data.size(), false};
    fs::path temp;
    auto out = createTemp(m_store.tempDir(), "in-", temp);
    if (!out)
        return out.error();
    if (auto s = writeAll(out->get(), data.data(), data.size(), m_store.root(), m_store.hooks()); !s) {
        ::unlink(temp.c_str());
        return makeError("cannot store a manifest: " + s.message() + "; the store is unchanged");
    }
    ::fchmod(out->get(), 0444);
    m_bytesWritten += data.size();
    bool added = addPending(hash, temp);
    return Stored{hash, data.size(), added};
}

Status ObjectWriter::commit()
{
    std::lock_guard lock(m_mutex);
    m_committed = true;
    if (m_pending.empty())
        return Ok{};
    auto fail = [&](const std::string& message) -> Status {
        for (const auto& [hash, temp] : m_pending)
            ::unlink(temp.c_str());
        m_pending.clear();
        return makeError(message + "; nothing was added and the store is unchanged");
    };
    // One syncfs for the whole batch instead of one fsync per file: 10,000 small files would
    // otherwise wait for 10,000 journal commits.
    Fd root(::open(m_store.root().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!root)
        return fail(describeErrno(errno, m_store.root(), "cannot open"));
    if (m_pending.size() <= 4) {
        for (const auto& [hash, temp] : m_pending) {
            if (auto s = fsyncPath(temp); !s)
                return fail(s.message());
        }
    } else if (::syncfs(root.get()) != 0) {
        return fail(describeErrno(errno, m_store.root(), "cannot sync"));
    }
    std::vector<fs::path> dirs;
    for (const auto& [hash, temp] : m_pending) {
        fs::path dest = m_store.objectPath(hash);
        if (::mkdir(dest.parent_path().c_str(), 0755) != 0 && errno != EEXIST)
            return fail(describeErrno(errno, dest.parent_path(), "cannot create"));
        // Another add may have stored the same bytes meanwhile: replacing them is harmless.
        if (::rename(temp.c_str(), dest.c_str()) != 0)
            return fail(describeErrno(errno, dest, "cannot store"));
        dirs.push_back(dest.parent_path());
    }
    m_pending.clear();
    std::sort(dirs.begin(), dirs.end());
    dirs.erase(std::unique(dirs.begin(), dirs.end()), dirs.end());
    if (dirs.size() > 4) {
        ::syncfs(root.get());
    } else {
        for (const auto& d : dirs)
            (void)fsyncPath(d);
    }
    return Ok{};
}

// --- StoreLock --------------------------------------------------------------------------------

Result<StoreLock> StoreLock::acquire(const fs::path& storeRoot, bool exclusive)
{
    std::error_code ec;
    fs::create_directories(storeRoot, ec);
    fs::path p = storeRoot / ".lock";
    Fd fd(::open(p.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644));
    if (!fd)
        return makeError(describeErrno(errno, p, "cannot open"));
    while (::flock(fd.get(), exclusive ? LOCK_EX : LOCK_SH) != 0) {
        if (errno != EINTR)
            return makeError(describeErrno(errno, p, "cannot lock"));
    }
    return StoreLock(std::move(fd));
}

} // namespace cairn::artifacts
