#include "engine/pipeline/cache_key.h"

#include "engine/artifacts/manifest.h"
#include "engine/artifacts/object_store.h"
#include "engine/artifacts/sha256.h"
#include "engine/pipeline/lock_parse.h"
#include "engine/pipeline/yaml_value.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;
using nlohmann::json;

namespace cairn::pipeline {
namespace {

json valueJson(const Value& v)
{
    switch (v.kind()) {
    case Value::Kind::Null:
        return nullptr;
    case Value::Kind::Bool:
        return v.asBool();
    case Value::Kind::Int:
        return v.text();  // may exceed 64 bits; its canonical text is exact
    case Value::Kind::Float:
        return v.asFloat();
    case Value::Kind::String:
        return v.text();
    case Value::Kind::List: {
        json a = json::array();
        for (const auto& i : v.items())
            a.push_back(valueJson(i));
        return a;
    }
    case Value::Kind::Map: {
        json o = json::object();  // sorted keys: canonical
        for (const auto& [k, x] : v.entries())
            o[k.text().empty() && !k.isString() ? valueJson(k).dump() : k.text()] = valueJson(x);
        return o;
    }
    }
    return nullptr;
}

// `a.b.c` in a mapping, or nullptr.
const Value* lookupDotted(const Value& root, const std::string& key)
{
    if (const Value* whole = root.find(key))
        return whole;
    const Value* cur = &root;
    std::size_t start = 0;
    while (cur) {
        const auto dot = key.find('.', start);
        const std::string part = key.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        cur = cur->isMap() ? cur->find(part) : nullptr;
        if (dot == std::string::npos)
            return cur;
        start = dot + 1;
    }
    return nullptr;
}

PathHash hashRel(const PipelineSpec& spec, const std::string& rel, HashMemo* memo)
{
    if (!memo)
        return hashPath(spec.root / rel);
    auto it = memo->hashes.find(rel);
    if (it == memo->hashes.end())
        it = memo->hashes.emplace(rel, hashPath(spec.root / rel, memo->files)).first;
    return it->second;
}

std::string joinedCmd(const Stage& stage)
{
    std::string out;
    for (const auto& c : stage.cmd)
        out += (out.empty() ? "" : "\n") + c;
    return out;
}

// A file's SHA-256 through the cache when there is one.
Result<artifacts::FileDigest> hashFileCached(const fs::path& path, bool followLink, FileHashCache* cache)
{
    std::optional<FileStamp> stamp = cache ? FileHashCache::stamp(path) : std::nullopt;
    if (stamp)
        if (auto known = cache->lookup(path, *stamp))
            return artifacts::FileDigest{*known, stamp->size};
    auto d = artifacts::hashFile(path, followLink);
    if (!d)
        return d.error();
    if (stamp && d->size == stamp->size)
        cache->remember(path, *stamp, d->hash);
    return d;
}

} // namespace

PathHash hashPath(const fs::path& path, FileHashCache* cache)
{
    PathHash r;
    std::error_code ec;
    const auto st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
        r.missing = true;
        r.error = "'" + path.string() + "' does not exist";
        return r;
    }
    if (fs::is_directory(st)) {
        auto manifest = artifacts::scanDirectory(path);
        if (!manifest) {
            r.error = manifest.message();
            return r;
        }
        for (auto& e : manifest->entries) {
            if (e.type != artifacts::ManifestEntry::Type::File)
                continue;
            auto d = hashFileCached(path / e.path, false, cache);
            if (!d) {
                r.error = d.message();
                return r;
            }
            e.sha256 = d->hash;
            e.size = d->size;
        }
        r.directory = true;
        r.hash = artifacts::sha256Hex(artifacts::encodeManifest(*manifest));
        return r;
    }
    auto d = hashFileCached(path, true, cache);
    if (!d) {
        r.error = d.message();
        return r;
    }
    r.hash = d->hash;
    return r;
}

StageState computeStageState(const PipelineSpec& spec, const Stage& stage, HashMemo* memo)
{
    StageState s;
    s.cmd = joinedCmd(stage);
    s.wdir = stage.wdir;
    for (const auto& [k, v] : stage.env)
        s.env[k] = v;
    for (const auto& d : stage.deps) {
        const std::string rel = stagePath(stage, d.path);
        PathHash h = hashRel(spec, rel, memo);
        s.deps[rel] = h.hash;
        if (h.hash.empty())
            s.missingDeps.push_back(rel);
    }
    std::map<std::string, Value> local;
    std::map<std::string, Value>& files = memo ? memo->params : local;
    for (const auto& ref : stage.params) {
        const std::string rel = stagePath(stage, ref.file.empty() ? "params.yaml" : ref.file);
        auto it = files.find(rel);
        if (it == files.end()) {
            std::ifstream in(spec.root / rel, std::ios::binary);
            std::stringstream ss;
            ss << in.rdbuf();
            it = files.emplace(rel, in ? parseYaml(ss.str()).root : Value()).first;
        }
        const Value& root = it->second;
        if (ref.wholeFile || ref.keys.empty()) {
            s.params[rel + ":"] = valueJson(root).dump();
            continue;
        }
        for (const auto& k : ref.keys) {
            const Value* v = root.isMap() ? lookupDotted(root, k.path) : nullptr;
            const std::string name = rel + ":" + k.path;
            if (!v)
                s.missingParams.push_back(name);
            s.params[name] = v ? valueJson(*v).dump() : std::string("<missing>");
        }
    }
    for (const auto& o : stage.outs)
        s.outs[stagePath(stage, o.path)] = OutState{"", false, o.cache};
    json outs = json::array();
    for (const auto& [p, o] : s.outs)
        outs.push_back({p, o.cache});
    const json keyed{{"cmd", s.cmd}, {"wdir", s.wdir}, {"env", s.env}, {"deps", s.deps}, {"params", s.params}, {"outs", outs}};
    s.key = artifacts::sha256Hex(keyed.dump());
    return s;
}

std::map<std::string, OutState> hashOutputs(const PipelineSpec& spec, const Stage& stage, HashMemo* memo)
{
    std::map<std::string, OutState> out;
    for (const auto& o : stage.outs) {
        const std::string rel = stagePath(stage, o.path);
        PathHash h = hashRel(spec, rel, memo);
        out[rel] = OutState{h.hash, h.directory, o.cache};
    }
    return out;
}

std::string pipelineName(const std::string& pipelineFile)
{
    const fs::path p(pipelineFile);
    return p.filename() == "dvc.yaml" ? std::string("dvc") : p.stem().string();
}

fs::path lockPathFor(const fs::path& projectRoot, const std::string& pipelineFile)
{
    return projectRoot / ".cairn" / "pipelines" / (pipelineName(pipelineFile) + ".lock.json");
}

Result<LockFile> readLock(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return LockFile{};
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return parseLock(text, path.string());
}

Status writeLock(const fs::path& path, const LockFile& lock)
{
    json stages = json::object();
    for (const auto& [name, s] : lock.stages) {
        json outs = json::object();
        for (const auto& [p, o] : s.outs)
            outs[p] = {{"hash", o.hash}, {"dir", o.directory}, {"cache", o.cache}};
        stages[name] = {{"key", s.key}, {"cmd", s.cmd}, {"wdir", s.wdir}, {"env", s.env},
                        {"deps", s.deps}, {"params", s.params}, {"outs", outs}};
        if (!s.run.empty())
            stages[name]["run"] = s.run;
    }
    const std::string text = json{{"format", "cairn-pipeline-lock/1"}, {"stages", stages}}.dump(2) + "\n";
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    const fs::path tmp = path.string() + ".tmp" + std::to_string(::getpid());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return makeError("cannot write '" + tmp.string() + "'");
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n <= 0) {
            ::close(fd);
            fs::remove(tmp, ec);
            return makeError("cannot write '" + tmp.string() + "'");
        }
        done += static_cast<std::size_t>(n);
    }
    ::fsync(fd);
    ::close(fd);
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        fs::remove(tmp, ec);
        return makeError("cannot replace '" + path.string() + "'");
    }
    return Ok{};
}

std::vector<std::string> outdatedReasons(const Stage& stage, const StageState& now,
                                         const std::map<std::string, OutState>& outsNow, const StageState* locked)
{
    std::vector<std::string> why;
    if (stage.frozen)
        return why;
    if (!locked)
        return {"never run"};
    if (stage.alwaysChanged)
        why.push_back("always changed");
    if (now.cmd != locked->cmd)
        why.push_back("cmd changed");
    if (now.wdir != locked->wdir)
        why.push_back("wdir changed");
    if (now.env != locked->env)
        why.push_back("env changed");
    for (const auto& [p, h] : now.deps) {
        auto it = locked->deps.find(p);
        if (h.empty())
            why.push_back("dep '" + p + "' missing");
        else if (it == locked->deps.end())
            why.push_back("dep '" + p + "' added");
        else if (it->second != h)
            why.push_back("dep '" + p + "' changed");
    }
    for (const auto& [p, h] : locked->deps)
        if (!now.deps.count(p))
            why.push_back("dep '" + p + "' removed");
    for (const auto& [k, v] : now.params) {
        auto it = locked->params.find(k);
        const std::string shown = k.substr(0, 12) == "params.yaml:" ? k.substr(12) : k;
        if (it == locked->params.end())
            why.push_back("param '" + shown + "' added");
        else if (it->second != v)
            why.push_back("param '" + shown + "' changed");
    }
    for (const auto& [k, v] : locked->params)
        if (!now.params.count(k))
            why.push_back("param '" + (k.substr(0, 12) == "params.yaml:" ? k.substr(12) : k) + "' removed");
    for (const auto& [p, o] : outsNow) {
        auto it = locked->outs.find(p);
        if (it == locked->outs.end())
            why.push_back("out '" + p + "' added");
        else if (o.hash.empty())
            why.push_back("out '" + p + "' missing");
        else if (o.hash != it->second.hash)
            why.push_back("out '" + p + "' changed");
    }
    return why;
}

} // namespace cairn::pipeline
