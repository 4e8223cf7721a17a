// verifyObjects, reachableObjects and collectGarbage.
#include "engine/artifacts/operations.h"
#include "engine/artifacts/parallel.h"
#include "engine/artifacts/sha256.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace fs = std::filesystem;

namespace cairn::artifacts {

Result<std::vector<ObjectProblem>> verifyObjects(const ObjectStore& store, const std::vector<std::string>& hashes,
                                                 const WorkOptions& options)
{
    std::vector<std::optional<ObjectProblem>> found(hashes.size());
    std::atomic<std::uint64_t> done{0};
    Status s = parallelFor(hashes.size(), options.threads ? options.threads : defaultThreads(), [&](std::size_t i) -> Status {
        const std::string& hash = hashes[i];
        done++;
        if (!store.contains(hash)) {
            found[i] = ObjectProblem{hash, "missing"};
            return Ok{};
        }
        auto digest = hashFile(store.objectPath(hash), false, store.hooks());
        if (!digest)
            found[i] = ObjectProblem{hash, "unreadable: " + digest.message()};
        else if (digest->hash != hash)
            found[i] = ObjectProblem{hash, "corrupted: its bytes hash to " + digest->hash};
        return Ok{};
    }, [&] {
        if (options.progress)
            options.progress(Progress{0, 0, done, hashes.size()});
    });
    if (!s)
        return s.error();
    std::vector<ObjectProblem> out;
    for (auto& p : found) {
        if (p)
            out.push_back(std::move(*p));
    }
    return out;
}

Result<std::set<std::string>> reachableObjects(const ObjectStore& store, const std::vector<Root>& roots)
{
    std::set<std::string> out;
    std::set<std::string> manifestsRead;
    for (const Root& r : roots) {
        out.insert(r.hash);
        if (!r.directory || !manifestsRead.insert(r.hash).second)
            continue;
        auto text = store.readObject(r.hash);
        if (!text)
            return makeError("cannot tell what directory version " + r.hash + " references: " + text.message());
        auto m = decodeManifest(*text, r.hash);
        if (!m)
            return m.error();
        for (const auto& e : m->entries) {
            if (e.type == ManifestEntry::Type::File)
                out.insert(e.sha256);
        }
    }
    return out;
}

Result<GcResult> collectGarbage(const ObjectStore& store, const std::set<std::string>& referenced, bool dryRun)
{
    auto objects = store.listObjects();
    if (!objects)
        return objects.error();
    GcResult result;
    for (const ObjectInfo& o : *objects) {
        if (referenced.count(o.hash)) {
            result.kept++;
            continue;
        }
        if (!dryRun && ::unlink(store.objectPath(o.hash).c_str()) != 0 && errno != ENOENT)
            return makeError(describeErrno(errno, store.objectPath(o.hash), "cannot remove"));
        result.removed.push_back(o);
        result.bytes += o.size;
    }
    result.temps = store.strayTemps();
    if (!dryRun) {
        std::error_code ec;
        for (const auto& t : result.temps)
            fs::remove_all(t, ec);
        // Empty fan-out folders go too.
        for (const auto& dir : fs::directory_iterator(store.root(), ec)) {
            const std::string name = dir.path().filename().string();
            if (name.size() == 2 && isHexPrefix(name))
                ::rmdir(dir.path().c_str());  // fails, harmlessly, unless empty
        }
    }
    return result;
}

} // namespace cairn::artifacts
