// Where the loader reads params files and checks that deps exist: the disk, or a map of
// files in tests and the fuzzer (Ninja's DiskInterface seam).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace cairn::pipeline {

class SourceFiles {
public:
    virtual ~SourceFiles() = default;
    // The bytes of a file, or nullopt when it is missing or unreadable.
    virtual std::optional<std::string> read(const std::filesystem::path& path) const = 0;
    virtual bool exists(const std::filesystem::path& path) const = 0;
};

class DiskFiles : public SourceFiles {
public:
    std::optional<std::string> read(const std::filesystem::path& path) const override;
    bool exists(const std::filesystem::path& path) const override;
};

// Files held in memory, keyed by normalized path; a folder exists when a file lies under it.
class MemoryFiles : public SourceFiles {
public:
    void add(const std::filesystem::path& path, std::string contents);
    std::optional<std::string> read(const std::filesystem::path& path) const override;
    bool exists(const std::filesystem::path& path) const override;

private:
    std::map<std::string, std::string> m_files;
};

} // namespace cairn::pipeline
