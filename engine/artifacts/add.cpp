// addPath: one file, or a directory's files in parallel plus their manifest.
#include "engine/artifacts/operations.h"
#include "engine/artifacts/parallel.h"

#include <sys/stat.h>

#include <cerrno>
#include <chrono>

namespace fs = std::filesystem;

namespace cairn::artifacts {
namespace {

double secondsSince(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

} // namespace

Result<AddResult> addPath(ObjectStore& store, const fs::path& path, const WorkOptions& options)
{
    const auto t0 = std::chrono::steady_clock::now();
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return makeError(describeErrno(errno, path, "cannot add"));
    AddResult result;
    ObjectWriter writer(store);
    const unsigned threads = options.threads ? options.threads : defaultThreads();
    Progress progress;
    auto tick = [&] {
        if (options.progress) {
            progress.bytesDone = writer.bytesRead();
            options.progress(progress);
        }
    };
    if (S_ISREG(st.st_mode)) {
        progress.bytesTotal = static_cast<std::uint64_t>(st.st_size);
        progress.filesTotal = 1;
        std::optional<ObjectWriter::Stored> stored;
        Status s = parallelFor(1, 1, [&](std::size_t) -> Status {
            auto r = writer.storeFile(path, true);
            if (!r)
                return r.error();
            stored = *r;
            return Ok{};
        }, tick);
        if (!s)
            return s.error();
        result.hash = stored->hash;
        result.size = stored->size;
        result.files = 1;
        result.stored = stored->added;
    } else if (S_ISDIR(st.st_mode)) {
        auto manifest = scanDirectory(path);
        if (!manifest)
            return manifest.error();
        std::vector<ManifestEntry*> files;
        for (auto& e : manifest->entries) {
            if (e.type == ManifestEntry::Type::File)
                files.push_back(&e);
        }
        progress.bytesTotal = manifest->totalSize();
        progress.filesTotal = files.size();
        std::atomic<std::uint64_t> filesDone{0};
        Status s = parallelFor(files.size(), threads, [&](std::size_t i) -> Status {
            ManifestEntry& e = *files[i];
            auto r = writer.storeFile(path / e.path, false);
            if (!r)
                return r.error();
            e.sha256 = r->hash;
            e.size = r->size;
            filesDone++;
            return Ok{};
        }, [&] {
            progress.filesDone = filesDone;
            tick();
        });
        if (!s)
            return s.error();
        auto stored = writer.storeBytes(encodeManifest(*manifest));
        if (!stored)
            return stored.error();
        result.directory = true;
        result.hash = stored->hash;
        result.size = manifest->totalSize();
        result.files = manifest->fileCount();
        result.stored = stored->added;
    } else {
        return makeError("cannot add '" + path.string() + "': not a regular file or directory");
    }
    result.objectsAdded = writer.objectsAdded();
    result.bytesWritten = writer.bytesWritten();
    result.reflinked = writer.usedReflink();
    if (auto s = writer.commit(); !s)
        return s.error();
    result.seconds = secondsSince(t0);
    return result;
}

} // namespace cairn::artifacts
