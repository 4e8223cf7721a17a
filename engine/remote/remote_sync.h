// Moving files to and from the far side with rsync through the executor's transport: the job's
// working directory goes to a mirror under WORKDIR/.cairn/mirror/ (compared by checksum, so only
// files whose content is missing there are sent), and what the job created or changed comes
// back into runs/<id>/outputs/.
#pragma once

#include "engine/remote/transport.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace cairn::remote {

struct SyncStats {
    std::uint64_t files = 0;        // regular files considered
    std::uint64_t filesSent = 0;    // regular files transferred
    std::uint64_t bytes = 0;        // their total size
    std::uint64_t bytesSent = 0;    // literal data sent (what was missing)
};

// Parses rsync --stats output ("Number of regular files transferred: 1,234" ...).
SyncStats parseRsyncStats(const std::string& text);

struct SyncFailure {
    bool connection = false;
    std::string message;
};

// Sends `localDir` to `remoteDir` (absolute, on the far side), deleting there what is gone here.
// `excludes` are rsync patterns ("/runs/", ".git/"); a .cairnignore in any folder adds its own.
bool syncUp(const Transport& t, const std::filesystem::path& localDir, const std::string& remoteDir,
            const std::vector<std::string>& excludes, SyncStats& stats, SyncFailure& failure, int timeoutMs = 3600000);

// Copies `files` (relative to `remoteDir`) into `localDir`.
bool fetchFiles(const Transport& t, const std::string& remoteDir, const std::vector<std::string>& files,
                const std::filesystem::path& localDir, SyncStats& stats, SyncFailure& failure, int timeoutMs = 3600000);

std::string formatBytes(std::uint64_t bytes);

} // namespace cairn::remote
