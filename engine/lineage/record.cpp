#include "engine/lineage/record.h"

#include "engine/artifacts/operations.h"
#include "engine/lineage/profiles.h"
#include "engine/server/client.h"

#include <set>

namespace fs = std::filesystem;

namespace cairn::lineage {

RecordResult recordRunArtifacts(const Project& project, const std::string& runId, const std::vector<ingest::ArtifactDecl>& decls,
                                const fs::path& workdir)
{
    RecordResult result;
    if (decls.empty())
        return result;
    artifacts::ObjectStore objects(project.artifactsDir());
    auto lock = artifacts::StoreLock::acquire(objects.root(), false);  // gc waits until the versions are recorded
    if (!lock) {
        result.errors.push_back("cannot lock the artifact store: " + lock.message());
        return result;
    }
    auto client = server::ensureEngine(project);
    if (!client) {
        result.errors.push_back("cannot reach the engine to record inputs and outputs: " + client.message());
        return result;
    }
    std::set<std::tuple<std::string, std::string, std::string>> seen;  // the same declaration twice is recorded once
    for (const ingest::ArtifactDecl& d : decls) {
        if (!seen.insert({d.direction, d.path, d.name}).second)
            continue;
        std::error_code ec;
        fs::path path = fs::path(d.path).is_absolute() ? fs::path(d.path) : workdir / d.path;
        path = path.lexically_normal();
        std::string name = d.name;
        if (name.empty())
            name = path.filename().string();
        if (name.empty())
            name = path.parent_path().filename().string();
        auto added = artifacts::addPath(objects, path);
        if (!added) {
            result.errors.push_back(d.direction + " '" + d.path + "': " + added.message());
            continue;
        }
        auto reply = (*client)->call("artifact.add", {{"name", name},
                                                      {"type", d.type},
                                                      {"hash", added->hash},
                                                      {"kind", added->directory ? "dir" : "file"},
                                                      {"size", added->size},
                                                      {"files", added->files},
                                                      {"source", path.string()},
                                                      {"run", runId},
                                                      {"direction", d.direction}});
        if (!reply) {
            result.errors.push_back(d.direction + " '" + d.path + "': " + reply.message());
            continue;
        }
        result.recorded.push_back({d.direction, reply->value("name", name) + ":" + std::to_string(reply->value("version", 0)),
                                   added->hash, reply->value("created", false)});
        for (auto& w : profileAdded(project, **client, objects, *added, path).warnings)
            result.warnings.push_back(std::move(w));
    }
    return result;
}

} // namespace cairn::lineage
