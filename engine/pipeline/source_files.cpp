#include "engine/pipeline/source_files.h"

#include <fstream>
#include <sstream>
#include <system_error>

namespace cairn::pipeline {

std::optional<std::string> DiskFiles::read(const std::filesystem::path& path) const
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool DiskFiles::exists(const std::filesystem::path& path) const
{
    std::error_code ec;
    return std::filesystem::exists(path, ec);
}

void MemoryFiles::add(const std::filesystem::path& path, std::string contents)
{
    m_files[path.lexically_normal().generic_string()] = std::move(contents);
}

std::optional<std::string> MemoryFiles::read(const std::filesystem::path& path) const
{
    auto it = m_files.find(path.lexically_normal().generic_string());
    if (it == m_files.end())
        return std::nullopt;
    return it->second;
}

bool MemoryFiles::exists(const std::filesystem::path& path) const
{
    std::string key = path.lexically_normal().generic_string();
    while (!key.empty() && key.back() == '/')
        key.pop_back();
    if (m_files.count(key))
        return true;
    auto it = m_files.lower_bound(key + "/");
    return it != m_files.end() && it->first.starts_with(key + "/");
}

} // namespace cairn::pipeline
