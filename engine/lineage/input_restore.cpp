#include "engine/lineage/input_restore.h"

#include "engine/artifacts/operations.h"
#include "engine/pipeline/cache_key.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>

namespace fs = std::filesystem;

namespace cairn::lineage {
namespace {

std::string randomSuffix()
{
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    static const char* kChars = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::string s;
    for (int i = 0; i < 10; ++i)
        s += kChars[rng() % 36];
    return s;
}

std::string entrySignature(const fs::path& p, const struct stat& st)
{
    return p.string() + ":" + std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "."
           + std::to_string(st.st_mtim.tv_nsec) + ":" + std::to_string(st.st_ino) + ";";
}

} // namespace

std::vector<InputPlacement> planInputRestore(const std::vector<ArtifactVersion>& inputs, const fs::path& originalWorkdir,
                                             const std::optional<fs::path>& workdir)
{
    std::vector<InputPlacement> plan;
    for (const ArtifactVersion& v : inputs) {
        InputPlacement p;
        p.version = v;
        if (v.source.empty()) {
            p.state = InputPlacement::State::NoPath;
            plan.push_back(std::move(p));
            continue;
        }
        fs::path source = fs::path(v.source).lexically_normal();
        p.target = source;
        if (workdir && !originalWorkdir.empty()) {
            const fs::path rel = source.lexically_relative(originalWorkdir.lexically_normal());
            if (!rel.empty() && *rel.begin() != "..")
                p.target = (*workdir / rel).lexically_normal();
        }
        pipeline::PathHash now = pipeline::hashPath(p.target);
        if (now.missing) {
            p.state = InputPlacement::State::Missing;
        } else if (!now.error.empty()) {
            p.state = InputPlacement::State::Differs;
            p.detail = now.error;
        } else if (now.hash == v.hash && now.directory == v.directory) {
            p.state = InputPlacement::State::Same;
        } else {
            p.state = InputPlacement::State::Differs;
            p.detail = std::string(now.directory ? "a folder" : "a file") + " with content " + now.hash.substr(0, 12);
        }
        plan.push_back(std::move(p));
    }
    return plan;
}

Status restoreInput(const artifacts::ObjectStore& store, const InputPlacement& placement, bool force)
{
    using State = InputPlacement::State;
    if (placement.state == State::Same || placement.state == State::NoPath)
        return Ok{};
    if (placement.state == State::Differs && !force)
        return makeError("'" + placement.target.string() + "' holds other content (" + placement.detail
                         + "); give --force to replace it, or --workdir DIR to restore elsewhere");
    const fs::path& target = placement.target;
    fs::path parent = target.parent_path();
    if (parent.empty())
        parent = ".";
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec)
        return makeError("cannot create '" + parent.string() + "': " + ec.message());
    const fs::path fresh = parent / (".cairn-restore-" + randomSuffix());
    struct stat old {};
    const bool exists = ::lstat(target.c_str(), &old) == 0;
    const bool executable = exists && S_ISREG(old.st_mode) && (old.st_mode & S_IXUSR);
    Status s = placement.version.directory ? artifacts::restoreTree(store, placement.version.hash, fresh)
                                           : artifacts::restoreFile(store, placement.version.hash, fresh, executable);
    if (!s)
        return makeError("restoring " + placement.version.name + ":" + std::to_string(placement.version.version) + " to '"
                         + target.string() + "': " + s.message());
    // A file over a file (or a link) is one atomic rename; anything over a directory, or a
    // directory over anything, moves the old one aside first and removes it last.
    if (exists && (S_ISDIR(old.st_mode) || placement.version.directory)) {
        const fs::path aside = parent / (".cairn-replaced-" + randomSuffix());
        if (::rename(target.c_str(), aside.c_str()) != 0) {
            const int e = errno;
            fs::remove_all(fresh, ec);
            return makeError("cannot move '" + target.string() + "' aside: " + std::strerror(e));
        }
        if (::rename(fresh.c_str(), target.c_str()) != 0) {
            const int e = errno;
            ::rename(aside.c_str(), target.c_str());
            fs::remove_all(fresh, ec);
            return makeError("cannot put '" + target.string() + "' in place: " + std::strerror(e));
        }
        fs::remove_all(aside, ec);
        return Ok{};
    }
    if (::rename(fresh.c_str(), target.c_str()) != 0) {
        const int e = errno;
        fs::remove_all(fresh, ec);
        return makeError("cannot put '" + target.string() + "' in place: " + std::strerror(e));
    }
    return Ok{};
}

std::string pathSignature(const fs::path& path)
{
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0)
        return {};
    std::string sig = entrySignature(path, st);
    if (!S_ISDIR(st.st_mode))
        return sig;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        struct stat e {};
        if (::lstat(it->path().c_str(), &e) == 0)
            sig += entrySignature(it->path(), e);
    }
    return sig;
}

} // namespace cairn::lineage
