// restoreFile / restoreTree: objects back to files, every byte checked against its hash.
#include "engine/artifacts/operations.h"
#include "engine/artifacts/parallel.h"
#include "engine/artifacts/sha256.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <memory>
#include <random>

namespace fs = std::filesystem;

namespace cairn::artifacts {
namespace {

std::string randomSuffix()
{
    thread_local std::mt19937_64 rng{std::random_device{}()};
    static const char* kChars = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::string s;
    for (int i = 0; i < 10; ++i)
        s += kChars[rng() % 36];
    return s;
}

// Copies object `hash` to a new file `dest`, hashing as it goes; on a mismatch `dest` is removed.
Status copyObject(const ObjectStore& store, const std::string& hash, const fs::path& dest, bool executable,
                  std::atomic<std::uint64_t>* bytesDone)
{
    const fs::path src = store.objectPath(hash);
    auto in = openForRead(src, false);
    if (!in)
        return makeError("object " + hash + " is missing from the store (" + in.message() + ")");
    auto id = identityOf(in->get(), src);
    if (!id)
        return id.error();
    Fd out(::open(dest.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, executable ? 0755 : 0644));
    if (!out)
        return makeError(describeErrno(errno, dest, "cannot create"));
    thread_local std::unique_ptr<char[]> buffer(new char[kChunkSize]);
    Sha256 h;
    Status s = readChunks(in->get(), src, buffer.get(), store.hooks(), [&](const char* d, std::size_t n) -> Status {
        h.update(d, n);
        if (bytesDone)
            *bytesDone += n;
        return writeAll(out.get(), d, n, dest, store.hooks());
    }, id->size);
    if (s) {
        std::string actual = h.finishHex();
        if (actual != hash)
            s = makeError("object " + hash + " is corrupted (its bytes hash to " + actual.substr(0, 12)
                          + "...); nothing was restored. 'cairn artifact verify' lists every damaged object");
    }
    if (!s) {
        ::unlink(dest.c_str());
        return s;
    }
    ::fchmod(out.get(), executable ? 0755 : 0644);  // exactly these modes, whatever the umask
    return Ok{};
}

Status refuseExisting(const fs::path& dest)
{
    struct stat st {};
    if (::lstat(dest.c_str(), &st) == 0)
        return makeError("'" + dest.string() + "' already exists; give a path that does not exist yet");
    return Ok{};
}

fs::path besideDest(const fs::path& dest)
{
    fs::path parent = dest.parent_path();
    return (parent.empty() ? fs::path(".") : parent) / (".cairn-get-" + randomSuffix());
}

} // namespace

Status restoreFile(const ObjectStore& store, const std::string& hash, const fs::path& dest, bool executable)
{
    if (auto s = refuseExisting(dest); !s)
        return s;
    const fs::path temp = besideDest(dest);
    if (auto s = copyObject(store, hash, temp, executable, nullptr); !s)
        return s;
    if (::rename(temp.c_str(), dest.c_str()) != 0) {
        int err = errno;
        ::unlink(temp.c_str());
        return makeError(describeErrno(err, dest, "cannot write"));
    }
    return Ok{};
}

Status restoreTree(const ObjectStore& store, const std::string& manifestHash, const fs::path& dest, const WorkOptions& options)
{
    if (auto s = refuseExisting(dest); !s)
        return s;
    auto text = store.readObject(manifestHash);
    if (!text)
        return text.error();
    auto manifest = decodeManifest(*text, manifestHash);
    if (!manifest)
        return manifest.error();
    const fs::path temp = besideDest(dest);
    std::error_code ec;
    if (!fs::create_directory(temp, ec))
        return makeError(describeErrno(ec ? ec.value() : EEXIST, temp, "cannot create"));
    auto failed = [&](Status s) {
        fs::remove_all(temp, ec);
        return s;
    };
    std::vector<const ManifestEntry*> files;
    for (const auto& e : manifest->entries) {
        const fs::path p = temp / e.path;
        if (e.type == ManifestEntry::Type::File)
            files.push_back(&e);
        fs::create_directories(e.type == ManifestEntry::Type::Dir ? p : p.parent_path(), ec);
        if (ec)
            return failed(makeError(describeErrno(ec.value(), p, "cannot create")));
        if (e.type == ManifestEntry::Type::Link && ::symlink(e.target.c_str(), p.c_str()) != 0)
            return failed(makeError(describeErrno(errno, p, "cannot create the link")));
    }
    std::atomic<std::uint64_t> bytes{0};
    std::atomic<std::uint64_t> done{0};
    Progress progress{0, manifest->totalSize(), 0, files.size()};
    Status s = parallelFor(files.size(), options.threads ? options.threads : defaultThreads(), [&](std::size_t i) -> Status {
        const ManifestEntry& e = *files[i];
        Status c = copyObject(store, e.sha256, temp / e.path, e.executable, &bytes);
        if (!c)
            return makeError(c.message() + " ('" + e.path + "' in " + manifestHash.substr(0, 12) + ")");
        done++;
        return Ok{};
    }, [&] {
        if (options.progress) {
            progress.bytesDone = bytes;
            progress.filesDone = done;
            options.progress(progress);
        }
    });
    if (!s)
        return failed(s);
    if (::rename(temp.c_str(), dest.c_str()) != 0)
        return failed(makeError(describeErrno(errno, dest, "cannot create")));
    return Ok{};
}

} // namespace cairn::artifacts
