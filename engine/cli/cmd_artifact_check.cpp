// `cairn artifact verify` and `cairn artifact gc`: re-hash objects, and remove those no
// artifact version reaches.
#include "engine/cli/args.h"
#include "engine/cli/artifact_cli.h"
#include "engine/cli/output.h"
#include "engine/cli/read_common.h"

#include <map>
#include <ostream>
#include <set>

namespace fs = std::filesystem;

namespace cairn::cli {
namespace {

using namespace artifact_cli;

// Every object the versions reach, each with the first version (and path) that uses it. A
// manifest that cannot be read adds only itself: verifying it reports why.
std::map<std::string, std::string> referencedBy(const artifacts::ObjectStore& objects, const std::vector<ArtifactVersion>& versions)
{
    std::map<std::string, std::string> users;
    for (const auto& v : versions) {
        if (v.external)  // a dataset of another tool: no bytes in the store
            continue;
        const std::string label = v.name + ":" + std::to_string(v.version);
        users.emplace(v.hash, label);
        if (!v.directory)
            continue;
        auto text = objects.readObject(v.hash);
        auto m = text ? artifacts::decodeManifest(*text, v.hash) : Result<artifacts::Manifest>(text.error());
        if (!m)
            continue;
        for (const auto& e : m->entries) {
            if (e.type == artifacts::ManifestEntry::Type::File)
                users.emplace(e.sha256, label + " '" + e.path + "'");
        }
    }
    return users;
}

} // namespace

int artifactVerify(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("artifact verify");
    args.positionalList("REF", "HASH, NAME or NAME:VERSION (default: every object in the store and every one a version uses)");
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "artifact verify", s.message());
    if (args.helpRequested()) {
        ctx.out << "Re-hash objects; exit 1 naming each one that is corrupted or missing.\n" << args.usage();
        return kExitOk;
    }
    auto project = Project::locate(ctx.projectOption);
    auto store = openForRead(ctx, "artifact verify");
    if (!project || !store)
        return kExitUsage;
    artifacts::ObjectStore objects(project->artifactsDir());
    std::vector<ArtifactVersion> versions;
    std::set<std::string> check;
    const auto refs = args.all("REF");
    if (refs.empty()) {
        auto all = store->artifactVersions();
        auto listed = objects.listObjects();
        if (!all || !listed) {
            ctx.err << "cairn artifact verify: " << (!all ? all.message() : listed.message()) << "\n";
            return kExitFailure;
        }
        versions = *all;
        for (const auto& o : *listed)
            check.insert(o.hash);
    } else {
        for (const auto& ref : refs) {
            auto target = resolve(ctx, "verify", *store, objects, ref);
            if (!target)
                return kExitUsage;
            if (target->version && target->version->external) {
                ctx.out << target->label() << " is a dataset of another tool (imported from OpenLineage): no bytes to verify\n";
                continue;
            }
            if (target->version)
                versions.push_back(*target->version);
            check.insert(target->hash);
        }
    }
    const auto users = referencedBy(objects, versions);
    for (const auto& [hash, user] : users)
        check.insert(hash);
    std::vector<std::string> hashes(check.begin(), check.end());
    Result<std::vector<artifacts::ObjectProblem>> problems = makeError("");
    {
        ProgressLine progress(ctx, "verifying");
        problems = artifacts::verifyObjects(objects, hashes, {0, progress.fn()});
    }
    if (!problems) {
        ctx.err << "cairn artifact verify: " << problems.message() << "\n";
        return kExitFailure;
    }
    for (const auto& p : *problems) {
        auto user = users.find(p.hash);
        // "missing HASH", "corrupted HASH: its bytes hash to ...", "unreadable HASH: ..."
        const auto colon = p.problem.find(": ");
        ctx.err << p.problem.substr(0, colon) << " " << p.hash << (colon == std::string::npos ? "" : p.problem.substr(colon))
                << (user != users.end() ? " (used by " + user->second + ")" : std::string()) << "\n";
    }
    if (!problems->empty()) {
        ctx.err << "cairn artifact verify: " << problems->size() << " of " << hashes.size() << " objects are damaged or missing\n";
        return kExitFailure;
    }
    ctx.out << "ok: " << hashes.size() << " object" << (hashes.size() == 1 ? "" : "s") << " verified\n";
    return kExitOk;
}

int artifactGc(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("artifact gc");
    args.flag("dry-run", "print what would be removed, remove nothing");
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "artifact gc", s.message());
    if (args.helpRequested()) {
        ctx.out << "Remove the objects no artifact version uses (and leftovers of interrupted adds).\n" << args.usage();
        return kExitOk;
    }
    auto project = Project::locate(ctx.projectOption);
    if (!project) {
        ctx.err << "cairn artifact gc: " << project.message() << "\n";
        return kExitUsage;
    }
    artifacts::ObjectStore objects(project->artifactsDir());
    // Alone: no add may write an object between reading the references and removing.
    auto lock = artifacts::StoreLock::acquire(objects.root(), true);
    if (!lock) {
        ctx.err << "cairn artifact gc: " << lock.message() << "\n";
        return kExitFailure;
    }
    auto store = openForRead(ctx, "artifact gc");
    if (!store)
        return kExitUsage;
    auto versions = store->artifactVersions();
    if (!versions) {
        ctx.err << "cairn artifact gc: " << versions.message() << "\n";
        return kExitFailure;
    }
    std::vector<artifacts::Root> roots;
    for (const auto& v : *versions)
        if (!v.external)
            roots.push_back({v.hash, v.directory});
    auto referenced = artifacts::reachableObjects(objects, roots);
    if (!referenced) {
        ctx.err << "cairn artifact gc: " << referenced.message() << "; nothing was removed ('cairn artifact verify' shows the damage)\n";
        return kExitFailure;
    }
    const bool dry = args.has("dry-run");
    auto gc = artifacts::collectGarbage(objects, *referenced, dry);
    if (!gc) {
        ctx.err << "cairn artifact gc: " << gc.message() << "\n";
        return kExitFailure;
    }
    for (const auto& o : gc->removed)
        ctx.out << (dry ? "would remove " : "removed ") << o.hash << "  " << formatBytes(o.size) << "\n";
    for (const auto& t : gc->temps)
        ctx.out << (dry ? "would remove " : "removed ") << t.string() << "  (left by an interrupted add)\n";
    ctx.out << (dry ? "would remove " : "removed ") << gc->removed.size() << " unreferenced object"
            << (gc->removed.size() == 1 ? "" : "s") << " (" << formatBytes(gc->bytes) << ", " << gc->bytes << " bytes); kept "
            << gc->kept << "\n";
    return kExitOk;
}

} // namespace cairn::cli
