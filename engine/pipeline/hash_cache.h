// Content hashes of files remembered by (size, mtime, inode), as DVC's state database does, so
// `pipeline status` and an all-cached `pipeline run` stat a file instead of reading it again.
// Kept in `<project>/.cairn/pipelines/hashes.txt`; a damaged or missing file is an empty cache.
//
// A file is trusted only while its size, nanosecond mtime and inode are what they were when it
// was hashed, and an entry is recorded only for files last modified at least two seconds before
// they were hashed: a file written again within its own mtime tick (same size) is never
// mistaken for the old content.
#pragma once

#include "engine/core/result.h"

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace cairn::pipeline {

struct FileStamp {
    std::uint64_t size = 0;
    std::int64_t mtimeNs = 0;
    std::uint64_t inode = 0;
    bool operator==(const FileStamp&) const = default;
};

class FileHashCache {
public:
    static std::filesystem::path pathFor(const std::filesystem::path& projectRoot);
    FileHashCache() = default;
    // Loads `file` (nothing when it is missing or damaged).
    explicit FileHashCache(const std::filesystem::path& file);
    // Written beside and renamed; does nothing when nothing was added.
    Status save(const std::filesystem::path& file) const;

    // The stat of a regular file (following links), or nullopt.
    static std::optional<FileStamp> stamp(const std::filesystem::path& file);
    // The remembered SHA-256 of `file` if it still has `now`'s stamp.
    std::optional<std::string> lookup(const std::filesystem::path& file, const FileStamp& now) const;
    void remember(const std::filesystem::path& file, const FileStamp& stamp, const std::string& hash);

    std::size_t size() const { return m_entries.size(); }
    std::size_t hits() const { return m_hits; }

private:
    struct Entry {
        FileStamp stamp;
        std::string hash;
    };
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, Entry> m_entries;  // by absolute, lexically normal path
    mutable std::size_t m_hits = 0;
    bool m_dirty = false;
};

} // namespace cairn::pipeline
