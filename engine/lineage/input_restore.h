// Putting a run's inputs back where it read them, from the artifact store (`cairn reproduce`,
// docs/lineage.md). Planning hashes what is already there and writes nothing, so a conflict
// is reported before any file changes; restoring checks every byte against its hash.
#pragma once

#include "engine/artifacts/object_store.h"
#include "engine/store/artifact_rows.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cairn::lineage {

struct InputPlacement {
    enum class State {
        Missing,  // nothing at the target: restore it
        Same,     // the target holds this content already
        Differs,  // the target holds other content: restored only with --force
        NoPath,   // the version has no recorded path (added from elsewhere, imported): skipped
    };
    ArtifactVersion version;
    std::filesystem::path target;
    State state = State::Missing;
    std::string detail;  // for Differs: what is there now (its short hash, or why it cannot be read)
};

// Where each input goes: its recorded path, or with `workdir` the same path relative to the
// run's original working directory under `workdir` (a path outside the original working
// directory keeps its recorded place).
std::vector<InputPlacement> planInputRestore(const std::vector<ArtifactVersion>& inputs, const std::filesystem::path& originalWorkdir,
                                             const std::optional<std::filesystem::path>& workdir);

// Restores one Missing (or, with `force`, Differs) placement. The new content is built beside
// the target and renamed over it, so the target is never half written; a replaced directory
// is removed only once its successor is in place.
Status restoreInput(const artifacts::ObjectStore& store, const InputPlacement& placement, bool force);

// Same path, same (size, modification time, inode): whether a file or tree was left alone
// between two looks (an output a re-run did not rewrite). Directories compare every entry.
std::string pathSignature(const std::filesystem::path& path);

} // namespace cairn::lineage
