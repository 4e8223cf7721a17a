#include "engine/pipeline/hash_cache.h"

#include <charconv>
#include <chrono>
#include <fcntl.h>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace cairn::pipeline {
namespace {

constexpr std::int64_t kSettledNs = 2'000'000'000;  // see the header: mtime at least 2 s old

constexpr const char* kFormat = "cairn-hash-cache/2";

std::string keyOf(const fs::path& file)
{
    if (file.is_absolute())
        return file.string();
    std::error_code ec;
    fs::path abs = fs::absolute(file, ec);
    return (ec ? file : abs).lexically_normal().string();
}

std::int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

} // namespace

fs::path FileHashCache::pathFor(const fs::path& projectRoot) { return projectRoot / ".cairn" / "pipelines" / "hashes.txt"; }

// The file: a first line "cairn-hash-cache/2", then one line a file:
// SIZE MTIME_NS INODE SHA256 PATH (the path last, so it may hold spaces). Lines that do not
// parse are skipped: it is only a cache.
FileHashCache::FileHashCache(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::string line;
    if (!in || !std::getline(in, line) || line != kFormat)
        return;
    while (std::getline(in, line)) {
        const char* p = line.data();
        const char* end = line.data() + line.size();
        FileStamp st;
        auto next = [&](auto& value) {
            auto r = std::from_chars(p, end, value);
            if (r.ec != std::errc() || r.ptr == end || *r.ptr != ' ')
                return false;
            p = r.ptr + 1;
            return true;
        };
        if (!next(st.size) || !next(st.mtimeNs) || !next(st.inode) || end - p < 66 || p[64] != ' ')
            continue;
        std::string hash(p, 64);
        if (hash.find_first_not_of("0123456789abcdef") != std::string::npos)
            continue;
        m_entries[std::string(p + 65, end)] = Entry{st, std::move(hash)};
    }
}

Status FileHashCache::save(const fs::path& file) const
{
    std::lock_guard lock(m_mutex);
    if (!m_dirty)
        return Ok{};
    std::string text;
    text.reserve(m_entries.size() * 128);
    text.append(kFormat).push_back('\n');
    for (const auto& [path, e] : m_entries) {
        if (path.find('\n') != std::string::npos)
            continue;
        text += std::to_string(e.stamp.size) + ' ' + std::to_string(e.stamp.mtimeNs) + ' ' + std::to_string(e.stamp.inode) + ' ' +
                e.hash + ' ' + path + '\n';
    }
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    const fs::path tmp = file.string() + ".tmp" + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out.flush())
            return makeError("cannot write '" + tmp.string() + "'");
    }
    fs::rename(tmp, file, ec);
    if (ec) {
        fs::remove(tmp, ec);
        return makeError("cannot replace '" + file.string() + "'");
    }
    return Ok{};
}

std::optional<FileStamp> FileHashCache::stamp(const fs::path& file)
{
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
        return std::nullopt;
    return FileStamp{static_cast<std::uint64_t>(st.st_size),
                     static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec,
                     static_cast<std::uint64_t>(st.st_ino)};
}

std::optional<std::string> FileHashCache::lookup(const fs::path& file, const FileStamp& now) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_entries.find(keyOf(file));
    if (it == m_entries.end() || !(it->second.stamp == now))
        return std::nullopt;
    ++m_hits;
    return it->second.hash;
}

void FileHashCache::remember(const fs::path& file, const FileStamp& stamp, const std::string& hash)
{
    if (nowNs() - stamp.mtimeNs < kSettledNs)
        return;
    std::lock_guard lock(m_mutex);
    Entry& e = m_entries[keyOf(file)];
    if (e.stamp == stamp && e.hash == hash)
        return;
    e = Entry{stamp, hash};
    m_dirty = true;
}

} // namespace cairn::pipeline
