#include "engine/lineage/profiles.h"

#include "engine/store/store.h"

namespace fs = std::filesystem;

namespace cairn::lineage {

ProfileOutcome profileAdded(const Project& project, server::EngineClient& client, const artifacts::ObjectStore& objects,
                            const artifacts::AddResult& added, const fs::path& source, const analysis::ProfileOptions& options)
{
    ProfileOutcome out;
    // (object hash, the name to show in messages)
    std::vector<std::pair<std::string, std::string>> csv;
    if (!added.directory) {
        if (analysis::isProfilable(source))
            csv.push_back({added.hash, source.string()});
    } else {
        auto text = objects.readObject(added.hash);
        auto manifest = text ? artifacts::decodeManifest(*text, added.hash) : Result<artifacts::Manifest>(text.error());
        if (!manifest) {
            out.warnings.push_back("no profiles: " + manifest.message());
            return out;
        }
        constexpr std::size_t kMaxFiles = 200;  // a folder of many CSV files: the first ones
        for (const auto& e : manifest->entries)
            if (e.type == artifacts::ManifestEntry::Type::File && analysis::isProfilable(e.path) && csv.size() < kMaxFiles)
                csv.push_back({e.sha256, (source / e.path).string()});
    }
    if (csv.empty())
        return out;
    std::unique_ptr<Store> store;
    if (auto s = Store::open(project.databasePath(), Store::Mode::ReadOnly))
        store = std::move(*s);
    for (const auto& [hash, name] : csv) {
        if (store)
            if (auto known = store->datasetProfile(hash); known && *known) {
                ++out.known;
                continue;
            }
        auto profile = analysis::profileCsv(objects.objectPath(hash).string(), options);
        if (!profile) {
            // The reader names the object's path: name the user's file instead.
            std::string why = profile.message();
            const std::string object = objects.objectPath(hash).string();
            if (why.rfind(object, 0) == 0)
                why = name + why.substr(object.size());
            else
                why = name + ": " + why;
            out.warnings.push_back("no profile: " + why);
            continue;
        }
        auto reply = client.call("artifact.profile", {{"hash", hash}, {"profile", profileToJson(*profile)}});
        if (!reply) {
            out.warnings.push_back("no profile for " + name + ": " + reply.message());
            continue;
        }
        ++out.profiled;
    }
    return out;
}

} // namespace cairn::lineage
