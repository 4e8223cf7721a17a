// Engine: `artifact.add`, recording a version of an artifact whose objects a client has already
// written into the project's object store (docs/artifacts.md). The engine checks that every
// object the version names is there before it writes the row, so the database never points
// at bytes the store lacks.
#include "engine/artifacts/manifest.h"
#include "engine/artifacts/object_store.h"
#include "engine/artifacts/sha256.h"
#include "engine/server/engine.h"

#include <sys/stat.h>

namespace cairn::server {
namespace {

struct ArtifactRequestError : std::runtime_error {
    ArtifactRequestError(std::string c, const std::string& m) : std::runtime_error(m), code(std::move(c)) {}
    std::string code;
};

[[noreturn]] void fail(const char* code, const std::string& message) { throw ArtifactRequestError(code, message); }

// Every object `v` names must be in the store, with the sizes and counts the client claims.
void checkObjects(const artifacts::ObjectStore& store, const ArtifactVersion& v)
{
    if (!v.directory) {
        struct stat st {};
        if (::stat(store.objectPath(v.hash).c_str(), &st) != 0)
            fail("not_found", "object " + v.hash + " is not in the artifact store");
        if (st.st_size != v.size)
            fail("bad_request", "object " + v.hash + " holds " + std::to_string(st.st_size) + " bytes, not " + std::to_string(v.size));
        return;
    }
    auto text = store.readObject(v.hash, 1ull << 30);
    if (!text)
        fail("not_found", text.message());
    auto manifest = artifacts::decodeManifest(*text, v.hash);
    if (!manifest)
        fail("bad_request", manifest.message());
    for (const auto& e : manifest->entries) {
        if (e.type == artifacts::ManifestEntry::Type::File && !store.contains(e.sha256))
            fail("not_found", "object " + e.sha256 + " ('" + e.path + "' in manifest " + v.hash + ") is not in the artifact store");
    }
    if (static_cast<std::int64_t>(manifest->fileCount()) != v.fileCount || static_cast<std::int64_t>(manifest->totalSize()) != v.size)
        fail("bad_request", "manifest " + v.hash + " lists " + std::to_string(manifest->fileCount()) + " files of "
                                + std::to_string(manifest->totalSize()) + " bytes, not what the request says");
}

} // namespace

Json Engine::addArtifact(const Json& p)
{
    try {
        ArtifactVersion v;
        v.name = p.value("name", std::string());
        v.type = p.value("type", std::string());
        v.hash = p.value("hash", std::string());
        v.directory = p.value("kind", std::string("file")) == "dir";
        v.size = p.value("size", std::int64_t(0));
        v.fileCount = p.value("files", std::int64_t(v.directory ? 0 : 1));
        v.source = p.value("source", std::string());
        if (v.name.empty() || v.name.find_first_of(":\n\t") != std::string::npos || v.name.front() == ' ' || v.name.back() == ' ')
            fail("bad_request", "artifact name '" + v.name + "' must be non-empty, without ':' or tabs or line breaks");
        if (!artifacts::isObjectHash(v.hash))
            fail("bad_request", "'hash' must be 64 lowercase hex digits");
        if (v.type.empty()) {  // a run's declared input or output: the artifact's type, else by kind
            auto existing = m_store->artifactVersions(v.name);
            v.type = existing && !existing->empty() ? existing->front().type : v.directory ? "dataset" : "file";
        }
        if (!isArtifactType(v.type))
            fail("bad_request", "artifact type must be dataset, model or file, not '" + v.type + "'");
        const std::string direction = p.value("direction", std::string("output"));
        if (direction != "input" && direction != "output")
            fail("bad_request", "'direction' must be input or output, not '" + direction + "'");
        std::string runId;
        if (std::string run = p.value("run", std::string()); !run.empty()) {
            auto r = m_store->findRun(run);
            if (!r)
                fail("not_found", r.message());
            runId = r->id;
            if (direction == "output")
                v.runId = r->id;  // the producing run
        }
        checkObjects(artifacts::ObjectStore(m_project->artifactsDir()), v);
        bool created = false;
        auto stored = m_store->addArtifactVersion(v, created);
        if (!stored)
            fail("bad_request", stored.message());
        if (!runId.empty()) {  // also when the content was already a version: the run still read or wrote it
            if (auto s = m_store->linkRunArtifact(runId, stored->id, direction); !s)
                fail("bad_request", s.message());
        }
        if (created)
            broadcast({{"event", "artifact.added"}, {"name", stored->name}, {"version", stored->version}, {"hash", stored->hash}});
        return {{"name", stored->name},   {"type", stored->type}, {"version", stored->version},
                {"hash", stored->hash},   {"created", created},   {"created_ms", stored->createdMs}};
    } catch (const ArtifactRequestError& e) {
        return {{"error", {{"code", e.code}, {"message", e.what()}}}};
    } catch (const Json::exception& e) {
        return {{"error", {{"code", "bad_request"}, {"message", e.what()}}}};
    }
}

// A dataset profile of an object in the store (engine/lineage/profiles.h computes it).
Json Engine::addArtifactProfile(const Json& p)
{
    try {
        const std::string hash = p.value("hash", std::string());
        if (!artifacts::isObjectHash(hash))
            fail("bad_request", "'hash' must be 64 lowercase hex digits");
        if (!artifacts::ObjectStore(m_project->artifactsDir()).contains(hash))
            fail("not_found", "object " + hash + " is not in the artifact store");
        auto profile = profileFromJson(p.value("profile", Json::object()));
        if (!profile)
            fail("bad_request", profile.message());
        if (auto s = m_store->addDatasetProfile(hash, *profile); !s)
            fail("store", s.message());
        return {{"hash", hash}, {"rows", profile->rows}, {"columns", profile->columns.size()}};
    } catch (const ArtifactRequestError& e) {
        return {{"error", {{"code", e.code}, {"message", e.what()}}}};
    } catch (const Json::exception& e) {
        return {{"error", {{"code", "bad_request"}, {"message", e.what()}}}};
    }
}

} // namespace cairn::server
