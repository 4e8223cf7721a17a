#include "engine/artifacts/manifest.h"

#include "engine/artifacts/file_io.h"
#include "engine/artifacts/sha256.h"

#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>

namespace fs = std::filesystem;

namespace cairn::artifacts {
namespace {

constexpr const char* kFormat = "cairn-manifest/1";

bool validUtf8(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (len == 0 || i + static_cast<std::size_t>(len) > s.size())
            return false;
        for (int k = 1; k < len; ++k) {
            if ((static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) >> 6) != 2)
                return false;
        }
        i += static_cast<std::size_t>(len);
    }
    return true;
}

Status walk(const fs::path& root, const std::string& rel, Manifest& out)
{
    const fs::path dir = rel.empty() ? root : root / rel;
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec)
        return makeError(describeErrno(ec.value(), dir, "cannot list"));
    std::vector<std::string> names;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        names.push_back(it->path().filename().string());
    }
    if (ec)
        return makeError(describeErrno(ec.value(), dir, "cannot list"));
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
        const std::string childRel = rel.empty() ? name : rel + "/" + name;
        const fs::path child = root / childRel;
        if (!validUtf8(name))
            return makeError("'" + child.string() + "': the file name is not valid UTF-8; rename it to add this directory");
        struct stat st {};
        if (::lstat(child.c_str(), &st) != 0)
            return makeError(describeErrno(errno, child, "cannot stat"));
        ManifestEntry e;
        e.path = childRel;
        if (S_ISREG(st.st_mode)) {
            e.type = ManifestEntry::Type::File;
            e.size = static_cast<std::uint64_t>(st.st_size);
            e.executable = (st.st_mode & S_IXUSR) != 0;
            out.entries.push_back(std::move(e));
        } else if (S_ISLNK(st.st_mode)) {
            std::error_code lec;
            fs::path target = fs::read_symlink(child, lec);
            if (lec)
                return makeError(describeErrno(lec.value(), child, "cannot read the link"));
            e.type = ManifestEntry::Type::Link;
            e.target = target.string();
            if (!validUtf8(e.target))
                return makeError("'" + child.string() + "': the link's target is not valid UTF-8");
            out.entries.push_back(std::move(e));
        } else if (S_ISDIR(st.st_mode)) {
            e.type = ManifestEntry::Type::Dir;
            out.entries.push_back(std::move(e));
            if (auto s = walk(root, childRel, out); !s)
                return s;
        } else {
            return makeError("'" + child.string() + "' is not a regular file, directory or symbolic link (a FIFO, socket or "
                             "device cannot be stored)");
        }
    }
    return Ok{};
}

} // namespace

std::uint64_t Manifest::totalSize() const
{
    std::uint64_t n = 0;
    for (const auto& e : entries)
        n += e.type == ManifestEntry::Type::File ? e.size : 0;
    return n;
}

std::uint64_t Manifest::fileCount() const
{
    return static_cast<std::uint64_t>(std::count_if(entries.begin(), entries.end(),
                                                    [](const ManifestEntry& e) { return e.type == ManifestEntry::Type::File; }));
}

std::string encodeManifest(const Manifest& m)
{
    std::vector<const ManifestEntry*> sorted;
    for (const auto& e : m.entries)
        sorted.push_back(&e);
    std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->path < b->path; });
    nlohmann::json entries = nlohmann::json::array();
    for (const ManifestEntry* e : sorted) {
        nlohmann::json j = {{"path", e->path}};  // keys come out sorted: canonical bytes
        switch (e->type) {
        case ManifestEntry::Type::File:
            j["type"] = "file";
            j["size"] = e->size;
            j["mode"] = e->executable ? "755" : "644";
            j["sha256"] = e->sha256;
            break;
        case ManifestEntry::Type::Dir: j["type"] = "dir"; break;
        case ManifestEntry::Type::Link:
            j["type"] = "link";
            j["target"] = e->target;
            break;
        }
        entries.push_back(std::move(j));
    }
    nlohmann::json doc = {{"format", kFormat}, {"entries", std::move(entries)}};
    return doc.dump() + "\n";
}

Result<Manifest> decodeManifest(std::string_view json, const std::string& objectName)
{
    auto bad = [&](const std::string& why) { return makeError("object " + objectName + " is not a directory manifest: " + why); };
    nlohmann::json doc = nlohmann::json::parse(json, nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return bad("not JSON");
    if (doc.value("format", std::string()) != kFormat)
        return bad("unknown format '" + doc.value("format", std::string()) + "'");
    auto it = doc.find("entries");
    if (it == doc.end() || !it->is_array())
        return bad("no entries");
    Manifest m;
    try {
        for (const auto& j : *it) {
            ManifestEntry e;
            e.path = j.at("path").get<std::string>();
            if (!isSafeRelativePath(e.path))
                return bad("unsafe path '" + e.path + "'");
            const std::string type = j.at("type").get<std::string>();
            if (type == "file") {
                e.type = ManifestEntry::Type::File;
                e.size = j.at("size").get<std::uint64_t>();
                e.executable = j.at("mode").get<std::string>() == "755";
                e.sha256 = j.at("sha256").get<std::string>();
                if (!isObjectHash(e.sha256))
                    return bad("bad hash for '" + e.path + "'");
            } else if (type == "dir") {
                e.type = ManifestEntry::Type::Dir;
            } else if (type == "link") {
                e.type = ManifestEntry::Type::Link;
                e.target = j.at("target").get<std::string>();
            } else {
                return bad("unknown entry type '" + type + "'");
            }
            m.entries.push_back(std::move(e));
        }
    } catch (const nlohmann::json::exception& ex) {
        return bad(ex.what());
    }
    return m;
}

Result<Manifest> scanDirectory(const fs::path& root)
{
    Manifest m;
    if (auto s = walk(root, "", m); !s)
        return s.error();
    return m;
}

bool isSafeRelativePath(std::string_view rel)
{
    if (rel.empty() || rel.front() == '/')
        return false;
    std::size_t start = 0;
    while (start <= rel.size()) {
        std::size_t end = rel.find('/', start);
        if (end == std::string_view::npos)
            end = rel.size();
        std::string_view seg = rel.substr(start, end - start);
        if (seg.empty() || seg == "." || seg == "..")
            return false;
        start = end + 1;
    }
    return true;
}

} // namespace cairn::artifacts
