// What the `cairn artifact` commands do to the object store: add a file or directory, restore
// one, verify objects, and collect garbage. Qt-free and database-free: the callers record
// versions through the engine and read references from the database.
#pragma once

#include "engine/artifacts/manifest.h"
#include "engine/artifacts/object_store.h"

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <vector>

namespace cairn::artifacts {

struct Progress {
    std::uint64_t bytesDone = 0, bytesTotal = 0;
    std::uint64_t filesDone = 0, filesTotal = 0;
};
using ProgressFn = std::function<void(const Progress&)>;

struct WorkOptions {
    unsigned threads = 0;  // 0: one per core (at most 16)
    ProgressFn progress;   // called from the calling thread about every 200 ms
};

struct AddResult {
    std::string hash;            // the file's object, or the directory's manifest
    bool directory = false;
    std::uint64_t size = 0;      // bytes of file content
    std::uint64_t files = 0;
    bool stored = false;         // false: this exact file or tree was already in the store
    std::uint64_t objectsAdded = 0;
    std::uint64_t bytesWritten = 0;
    bool reflinked = false;
    double seconds = 0;
};

// Stores a file or a whole directory tree. `path` itself may be a symbolic link (it is
// followed); links inside a directory are recorded as links. On any error nothing is added.
Result<AddResult> addPath(ObjectStore& store, const std::filesystem::path& path, const WorkOptions& options = {});

// Restores an object to `dest` (a file), or a manifest's tree to `dest` (a directory), checking
// every byte against its hash as it is written. `dest` must not exist; it appears complete
// or not at all (everything is written beside it first, then renamed).
Status restoreFile(const ObjectStore& store, const std::string& hash, const std::filesystem::path& dest,
                   bool executable = false);
Status restoreTree(const ObjectStore& store, const std::string& manifestHash, const std::filesystem::path& dest,
                   const WorkOptions& options = {});

struct ObjectProblem {
    std::string hash;
    std::string problem;  // "missing", or "corrupted: its bytes hash to ..."
};
// Re-hashes each object; returns the ones that are missing or whose bytes do not match.
Result<std::vector<ObjectProblem>> verifyObjects(const ObjectStore& store, const std::vector<std::string>& hashes,
                                                 const WorkOptions& options = {});

struct Root {
    std::string hash;
    bool directory = false;
};
// Every object the roots reach: each root, and for a directory its manifest's files.
Result<std::set<std::string>> reachableObjects(const ObjectStore& store, const std::vector<Root>& roots);

struct GcResult {
    std::vector<ObjectInfo> removed;  // or, with dryRun, what would be removed
    std::uint64_t bytes = 0;
    std::size_t kept = 0;
    std::vector<std::filesystem::path> temps;  // leftovers of crashed adds
};
// Removes every object not in `referenced`, and stray temporary files. Call it holding the
// store's exclusive lock.
Result<GcResult> collectGarbage(const ObjectStore& store, const std::set<std::string>& referenced, bool dryRun);

} // namespace cairn::artifacts
