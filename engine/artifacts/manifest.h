// A directory version: a manifest listing every entry under the directory, itself stored as an
// object, so its hash names the whole tree.
//
//   {"entries":[{"path":"a/b.csv","type":"file","size":12,"mode":"644","sha256":"..."},
//               {"path":"a/empty","type":"dir"},
//               {"path":"latest","type":"link","target":"a/b.csv"}],
//    "format":"cairn-manifest/1"}
//
// Entries are sorted by path (bytes, '/'-separated, relative). Files carry git's two modes
// (644, 755); directories are listed so empty ones come back; symbolic links are recorded as
// links (their target text), never followed, so a link loop cannot trap the walk.
#pragma once

#include "engine/core/result.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace cairn::artifacts {

struct ManifestEntry {
    enum class Type { File, Dir, Link };
    std::string path;        // relative, '/'-separated, UTF-8
    Type type = Type::File;
    std::uint64_t size = 0;  // files
    bool executable = false; // files: mode 755 rather than 644
    std::string sha256;      // files
    std::string target;      // links
};

struct Manifest {
    std::vector<ManifestEntry> entries;
    std::uint64_t totalSize() const;
    std::uint64_t fileCount() const;
};

// Canonical JSON: the same tree always gives the same bytes, hence the same hash.
std::string encodeManifest(const Manifest& m);
Result<Manifest> decodeManifest(std::string_view json, const std::string& objectName);

// Walks `root` without following symbolic links. Files come back with path, size and mode but
// no hash yet. Fails naming the entry for an unreadable directory, a name that is not UTF-8,
// or a special file (FIFO, socket, device).
Result<Manifest> scanDirectory(const std::filesystem::path& root);

// True when `rel` is a safe relative path to restore under a folder (no "..", not absolute).
bool isSafeRelativePath(std::string_view rel);

} // namespace cairn::artifacts
