// `cairn artifact add|list|show|get|verify|gc`: the project's content-addressed store
// (docs/artifacts.md). add writes objects itself and has the engine record the version (the
// engine is the only writer of cairn.db); the reading subcommands open the database directly.
#include "engine/cli/subcommands.h"
#include "engine/cli/args.h"
#include "engine/cli/artifact_cli.h"
#include "engine/cli/commands.h"
#include "engine/cli/output.h"
#include "engine/cli/profile_text.h"
#include "engine/cli/read_common.h"
#include "engine/core/text.h"
#include "engine/lineage/profiles.h"
#include "engine/server/client.h"

#include <ostream>

using nlohmann::ordered_json;
namespace fs = std::filesystem;

namespace cairn::cli {

int artifactVerify(const std::vector<std::string>& argv, Context& ctx);  // cmd_artifact_check.cpp
int artifactGc(const std::vector<std::string>& argv, Context& ctx);

namespace {

using namespace artifact_cli;

void printHelp(std::ostream& out)
{
    out << "usage: cairn artifact add PATH [--name N] [--type dataset|model|file] [--run RUN] [--no-profile] [--format text|json]\n"
           "       cairn artifact list [--all] [--format text|json]\n"
           "       cairn artifact show HASH|NAME[:VERSION] [--limit N] [--format text|json]\n"
           "       cairn artifact get HASH|NAME[:VERSION] DEST\n"
           "       cairn artifact verify [HASH|NAME[:VERSION]...]\n"
           "       cairn artifact gc [--dry-run]\n\n"
           "Files and directories are stored once per distinct content under artifacts/, named by\n"
           "their SHA-256; a directory version is a manifest of its files. 'verify' exits 1 naming\n"
           "every corrupted or missing object. See docs/artifacts.md.\n";
}

int addCmd(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("artifact add");
    args.positional("PATH", "a file or a directory")
        .option("name", "NAME", "artifact name (default: the file or directory name)")
        .option("type", "TYPE", "dataset, model or file (default: the artifact's type, else dataset for a "
                                "directory and file for a file)")
        .choices("type", {"dataset", "model", "file"})
        .option("run", "RUN", "the run that produced it")
        .flag("no-profile", "do not profile CSV files (column types, counts, statistics, histograms)")
        .option("format", "FORMAT", "text (default) or json")
        .choices("format", {"text", "json"});
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "artifact add", s.message());
    if (args.helpRequested()) {
        ctx.out << "Store a file or a directory tree and record it as a new version of an artifact.\n" << args.usage();
        return kExitOk;
    }
    auto project = Project::locate(ctx.projectOption);
    if (!project) {
        ctx.err << "cairn artifact add: " << project.message() << "\n";
        return kExitUsage;
    }
    const fs::path path = args.positionalValue("PATH");
    std::error_code ec;
    fs::path absolute = fs::absolute(path, ec);
    std::string name = args.get("name", absolute.lexically_normal().filename().string());
    if (name.empty())
        name = absolute.lexically_normal().parent_path().filename().string();
    std::string type = args.get("type");
    if (auto existing = openForRead(ctx, "artifact add")) {  // refuse a type clash before hashing anything
        auto versions = existing->artifactVersions(name);
        if (versions && !versions->empty()) {
            if (!type.empty() && type != versions->front().type)
                return usageError(ctx.err, "artifact add", "artifact '" + name + "' is a " + versions->front().type + ", not a " + type
                                                               + " (leave out --type, or give another --name)");
            type = versions->front().type;
        }
    }
    artifacts::ObjectStore objects(project->artifactsDir());
    // Shared with other adds; gc waits until this version is recorded.
    auto lock = artifacts::StoreLock::acquire(objects.root(), false);
    if (!lock) {
        ctx.err << "cairn artifact add: " << lock.message() << "\n";
        return kExitFailure;
    }
    Result<artifacts::AddResult> added = makeError("");
    {
        ProgressLine progress(ctx, "hashing " + path.string());
        added = artifacts::addPath(objects, path, {0, progress.fn()});
    }
    if (!added) {
        ctx.err << "cairn artifact add: " << added.message() << "\n";
        const std::string& m = added.message();
        const bool badInput = m.find("no such file") != std::string::npos || m.find("permission denied") != std::string::npos
                              || m.find("link loop") != std::string::npos || m.find("not a regular file") != std::string::npos
                              || m.find("not valid UTF-8") != std::string::npos;
        return badInput ? kExitUsage : kExitFailure;
    }
    if (type.empty())
        type = added->directory ? "dataset" : "file";
    auto client = server::ensureEngine(*project);
    if (!client) {
        ctx.err << "cairn artifact add: " << client.message() << "\n";
        return kExitFailure;
    }
    auto reply = (*client)->call("artifact.add", {{"name", name},
                                                  {"type", type},
                                                  {"hash", added->hash},
                                                  {"kind", added->directory ? "dir" : "file"},
                                                  {"size", added->size},
                                                  {"files", added->files},
                                                  {"source", absolute.lexically_normal().string()},
                                                  {"run", args.get("run")}});
    if (!reply) {
        ctx.err << "cairn artifact add: " << reply.message() << "\n";
        return kExitUsage;
    }
    const bool newVersion = reply->value("created", false);
    const std::string label = reply->value("name", name) + ":" + std::to_string(reply->value("version", 0));
    lineage::ProfileOutcome profiles;
    if (!args.has("no-profile")) {
        ProgressLine progress(ctx, "profiling " + path.string());
        profiles = lineage::profileAdded(*project, **client, objects, *added, absolute.lexically_normal());
    }
    for (const auto& w : profiles.warnings)
        ctx.err << "cairn artifact add: " << w << "\n";
    if (args.get("format") == "json") {
        ordered_json j = {{"name", reply->value("name", name)}, {"version", reply->value("version", 0)},
                          {"type", type},                         {"hash", added->hash},
                          {"kind", added->directory ? "directory" : "file"},
                          {"size", added->size},                  {"files", added->files},
                          {"new_version", newVersion},            {"already_stored", !added->stored},
                          {"objects_added", added->objectsAdded}, {"bytes_written", added->bytesWritten},
                          {"method", added->reflinked ? "reflink" : "copy"}, {"seconds", added->seconds},
                          {"profiled", profiles.profiled + profiles.known}};
        ctx.out << j.dump(2) << "\n";
        return kExitOk;
    }
    ctx.out << (newVersion ? "added " : "unchanged ") << label << " (" << type << ", "
            << (added->directory ? std::to_string(added->files) + " files, " : std::string()) << formatBytes(added->size) << ")\n"
            << "hash   " << added->hash << "\n";
    if (added->stored)
        ctx.out << "stored " << added->objectsAdded << " new object" << (added->objectsAdded == 1 ? "" : "s") << ", "
                << formatBytes(added->bytesWritten) << " " << (added->reflinked ? "reflinked" : "copied");
    else
        ctx.out << "already stored: nothing written";
    ctx.out << " in " << formatDouble(static_cast<double>(static_cast<long long>(added->seconds * 1000)) / 1000) << " s ("
            << formatRate(added->size, added->seconds) << ")\n";
    if (profiles.profiled + profiles.known > 0)
        ctx.out << "profiled " << profiles.profiled + profiles.known << " CSV file" << (profiles.profiled + profiles.known == 1 ? "" : "s")
                << " ('cairn artifact show " << label << "')\n";
    if (!newVersion)
        ctx.out << label << " already has this content; no new version\n";
    return kExitOk;
}

int listCmd(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("artifact list");
    args.flag("all", "every version, not only each artifact's newest")
        .option("format", "FORMAT", "text (default) or json")
        .choices("format", {"text", "json"});
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "artifact list", s.message());
    if (args.helpRequested()) {
        ctx.out << "List artifacts: each one's newest version (--all: every version).\n" << args.usage();
        return kExitOk;
    }
    auto store = openForRead(ctx, "artifact list");
    if (!store)
        return kExitUsage;
    auto versions = store->artifactVersions();
    if (!versions) {
        ctx.err << "cairn artifact list: " << versions.message() << "\n";
        return kExitFailure;
    }
    std::vector<ArtifactVersion> shown;
    std::map<std::string, int> counts;
    for (const auto& v : *versions) {
        if (counts[v.name]++ == 0 || args.has("all"))
            shown.push_back(v);
    }
    if (args.get("format") == "json") {
        ordered_json list = ordered_json::array();
        for (const auto& v : shown) {
            ordered_json j = versionJson(v);
            j["versions"] = counts[v.name];
            list.push_back(std::move(j));
        }
        ctx.out << list.dump(2) << "\n";
        return kExitOk;
    }
    if (shown.empty()) {
        ctx.out << "no artifacts yet ('cairn artifact add PATH' stores one)\n";
        return kExitOk;
    }
    TextTable table({"name", "version", "type", "files", "size", "hash", "created", "run"});
    for (const auto& v : shown)
        table.add({v.name, std::to_string(v.version) + (args.has("all") ? "" : " of " + std::to_string(counts[v.name])),
                   v.type + (v.external ? " (external)" : ""), v.directory ? std::to_string(v.fileCount) : "-",
                   v.external ? "-" : formatBytes(static_cast<std::uint64_t>(v.size)),
                   v.hash.substr(0, 12), formatTimestamp(v.createdMs), v.runId.substr(0, 8)});
    table.print(ctx.out);
    return kExitOk;
}

int showCmd(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("artifact show");
    args.positional("REF", "HASH, a unique hash prefix, NAME or NAME:VERSION")
        .option("limit", "N", "entries of a directory listed in text (default 20)")
        .option("format", "FORMAT", "text (default) or json")
        .choices("format", {"text", "json"});
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "artifact show", s.message());
    if (args.helpRequested()) {
        ctx.out << "Show an artifact version, and a summary of a directory's manifest.\n" << args.usage();
        return kExitOk;
    }
    auto project = Project::locate(ctx.projectOption);
    auto store = openForRead(ctx, "artifact show");
    if (!project || !store)
        return kExitUsage;
    artifacts::ObjectStore objects(project->artifactsDir());
    auto target = resolve(ctx, "show", *store, objects, args.positionalValue("REF"));
    if (!target)
        return kExitUsage;
    if (target->version && target->version->external) {  // a dataset of another tool: nothing stored
        const ArtifactVersion& v = *target->version;
        if (args.get("format") == "json") {
            ordered_json j = versionJson(v);
            j["stored"] = false;
            ctx.out << j.dump(2) << "\n";
            return kExitOk;
        }
        ctx.out << "artifact  " << v.name << ":" << v.version << "\n"
                << "type      " << v.type << ", external: a dataset of another tool, imported from OpenLineage; no bytes stored\n"
                << "dataset   " << v.olNamespace << " " << v.olName << "\n"
                << "version   " << v.hash << " (names the dataset version, not content)\n"
                << "created   " << formatTimestamp(v.createdMs) << "\n";
        if (!v.runId.empty())
            ctx.out << "run       " << v.runId << "\n";
        return kExitOk;
    }
    std::optional<artifacts::Manifest> manifest;
    if (target->directory) {
        auto text = objects.readObject(target->hash);
        auto m = text ? artifacts::decodeManifest(*text, target->hash) : Result<artifacts::Manifest>(text.error());
        if (!m) {
            ctx.err << "cairn artifact show: " << m.message() << "\n";
            return kExitFailure;
        }
        manifest = std::move(*m);
    }
    const bool present = objects.contains(target->hash);
    // Dataset profiles (docs/artifacts.md): of the file, or of a directory's CSV files.
    std::vector<std::pair<std::string, DatasetProfile>> profiles;
    if (manifest) {
        for (const auto& e : manifest->entries)
            if (e.type == artifacts::ManifestEntry::Type::File)
                if (auto p = store->datasetProfile(e.sha256); p && *p)
                    profiles.push_back({e.path, std::move(**p)});
    } else if (auto p = store->datasetProfile(target->hash); p && *p) {
        profiles.push_back({{}, std::move(**p)});
    }
    if (args.get("format") == "json") {
        ordered_json j = target->version ? versionJson(*target->version) : ordered_json{{"hash", target->hash}};
        j["stored"] = present;
        if (manifest) {
            ordered_json entries = ordered_json::array();
            for (const auto& e : manifest->entries) {
                using T = artifacts::ManifestEntry::Type;
                ordered_json ej = {{"path", e.path}, {"type", e.type == T::File ? "file" : e.type == T::Dir ? "dir" : "link"}};
                if (e.type == T::File) {
                    ej["size"] = e.size;
                    ej["mode"] = e.executable ? "755" : "644";
                    ej["sha256"] = e.sha256;
                } else if (e.type == T::Link) {
                    ej["target"] = e.target;
                }
                entries.push_back(std::move(ej));
            }
            j["entries"] = std::move(entries);
        }
        ordered_json list = ordered_json::array();
        for (const auto& [path, p] : profiles)
            list.push_back({{"path", path}, {"profile", profileToJson(p)}});
        j["profiles"] = std::move(list);
        ctx.out << j.dump(2) << "\n";
        return kExitOk;
    }
    if (const auto& v = target->version) {
        ctx.out << "artifact  " << v->name << ":" << v->version << "\n"
                << "type      " << v->type << (v->directory ? " (directory)" : "") << "\n"
                << "hash      " << v->hash << "\n"
                << "size      " << formatBytes(static_cast<std::uint64_t>(v->size)) << " (" << v->size << " bytes)"
                << (v->directory ? " in " + std::to_string(v->fileCount) + " files" : std::string()) << "\n"
                << "created   " << formatTimestamp(v->createdMs) << "\n";
        if (!v->runId.empty())
            ctx.out << "run       " << v->runId << "\n";
        if (!v->source.empty())
            ctx.out << "source    " << v->source << "\n";
    } else {
        ctx.out << "object    " << target->hash << " (no artifact version names it directly)\n";
    }
    if (!present)
        ctx.out << "stored    NO: the object is missing from artifacts/ ('cairn artifact verify')\n";
    if (manifest) {
        std::size_t dirs = 0, links = 0;
        for (const auto& e : manifest->entries) {
            dirs += e.type == artifacts::ManifestEntry::Type::Dir;
            links += e.type == artifacts::ManifestEntry::Type::Link;
        }
        ctx.out << "manifest  " << manifest->fileCount() << " files, " << dirs << " director" << (dirs == 1 ? "y, " : "ies, ") << links << " link"
                << (links == 1 ? "" : "s") << "\n\n";
        const std::size_t limit = static_cast<std::size_t>(std::max(0, std::atoi(args.get("limit", "20").c_str())));
        TextTable table({"path", "size", "sha256"});
        std::size_t n = 0;
        for (const auto& e : manifest->entries) {
            if (n++ >= limit)
                break;
            using T = artifacts::ManifestEntry::Type;
            if (e.type == T::File)
                table.add({e.path + (e.executable ? " *" : ""), formatBytes(e.size), e.sha256.substr(0, 12)});
            else
                table.add({e.path + (e.type == T::Dir ? "/" : " -> " + e.target), "-", "-"});
        }
        table.print(ctx.out);
        if (manifest->entries.size() > limit)
            ctx.out << "... " << manifest->entries.size() - limit << " more (--limit N, or --format json)\n";
    }
    constexpr std::size_t kShownProfiles = 5;
    for (std::size_t i = 0; i < profiles.size() && i < kShownProfiles; ++i)
        printProfile(ctx.out, profiles[i].second, profiles[i].first.empty() ? target->label() : profiles[i].first);
    if (profiles.size() > kShownProfiles)
        ctx.out << "... " << profiles.size() - kShownProfiles << " more profiles (--format json)\n";
    return kExitOk;
}

int getCmd(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("artifact get");
    args.positional("REF", "HASH, a unique hash prefix, NAME or NAME:VERSION").positional("DEST", "where to restore it (must not exist)");
    if (auto s = args.parse(argv); !s)
        return usageError(ctx.err, "artifact get", s.message());
    if (args.helpRequested()) {
        ctx.out << "Restore a file or a directory tree, checking every byte against its hash.\n" << args.usage();
        return kExitOk;
    }
    auto project = Project::locate(ctx.projectOption);
    auto store = openForRead(ctx, "artifact get");
    if (!project || !store)
        return kExitUsage;
    artifacts::ObjectStore objects(project->artifactsDir());
    auto target = resolve(ctx, "get", *store, objects, args.positionalValue("REF"));
    if (!target)
        return kExitUsage;
    if (target->version && target->version->external)
        return usageError(ctx.err, "artifact get", target->label() + " is a dataset of another tool (" + target->version->olNamespace + " "
                                                       + target->version->olName + ", imported from OpenLineage): Cairn holds no bytes of it");
    const fs::path dest = args.positionalValue("DEST");
    std::error_code ec;
    if (fs::exists(fs::symlink_status(dest, ec)))
        return usageError(ctx.err, "artifact get", "'" + dest.string() + "' already exists; give a path that does not exist yet");
    Status s = Ok{};
    {
        ProgressLine progress(ctx, "restoring " + target->label());
        s = target->directory ? artifacts::restoreTree(objects, target->hash, dest, {0, progress.fn()})
                              : artifacts::restoreFile(objects, target->hash, dest);
    }
    if (!s) {
        ctx.err << "cairn artifact get: " << s.message() << "\n";
        return kExitFailure;
    }
    ctx.out << "restored " << target->label();
    if (target->version)
        ctx.out << " (" << (target->directory ? std::to_string(target->version->fileCount) + " files, " : std::string())
                << formatBytes(static_cast<std::uint64_t>(target->version->size)) << ")";
    ctx.out << " to " << dest.string() << ", every byte checked against its SHA-256\n";
    return kExitOk;
}

} // namespace

int cmdArtifact(const std::vector<std::string>& argv, Context& ctx)
{
    return dispatchSubcommand("artifact", argv, ctx, printHelp,
                              {{"add", addCmd},
                               {"list", listCmd},
                               {"show", showCmd},
                               {"get", getCmd},
                               {"verify", artifactVerify},
                               {"gc", artifactGc}});
}

} // namespace cairn::cli
