#include "engine/cli/registry_cli.h"

#include "engine/cli/output.h"
#include "engine/registry/gates.h"
#include "engine/registry/roles.h"
#include "engine/server/client.h"

#include <ostream>

namespace cairn::cli::registry_cli {

using nlohmann::ordered_json;

Result<ModelVersion> resolveVersion(Store& store, const std::string& model, const std::string& version)
{
    if (!version.empty() && version.find_first_not_of("0123456789") == std::string::npos) {
        if (version.size() > 9)
            return makeError("version '" + version + "' is too large");
        const long long n = std::stoll(version);
        if (n < 1)
            return makeError("versions are numbered from 1, not " + version);
        return store.modelVersion(model, n);
    }
    if (version == "latest" || version.empty()) {
        auto m = store.model(model);
        if (!m)
            return m.error();
        return store.modelVersion(model, m->latestVersion);
    }
    return store.modelVersionByAlias(model, version);
}

void addIdentityOption(Args& args)
{
    args.option("as", "USER", "act as USER (a test hook: honoured only when CAIRN_TEST_IDENTITY=1)");
}

std::optional<nlohmann::json> engineCall(Context& ctx, const std::string& command, const Args& args, const std::string& method,
                                         nlohmann::json params, int& exitCode)
{
    if (args.has("as")) {
        if (!registry::testIdentityEnabled()) {
            exitCode = usageError(ctx.err, command, "--as is a test hook, honoured only when CAIRN_TEST_IDENTITY=1; "
                                                    "your identity is your OS user (" + registry::currentUser() + ")");
            return std::nullopt;
        }
        params["as"] = args.get("as");
    }
    auto project = Project::locate(ctx.projectOption);
    if (!project) {
        exitCode = usageError(ctx.err, command, project.message());
        return std::nullopt;
    }
    auto client = server::ensureEngine(*project);
    if (!client) {
        ctx.err << "cairn " << command << ": " << client.message() << "\n";
        exitCode = kExitFailure;
        return std::nullopt;
    }
    std::string code;
    auto reply = (*client)->call(method, params, 60000, &code);
    if (!reply) {
        ctx.err << "cairn " << command << ": " << reply.message()
                << (code == "unknown_method" ? " (the running engine is from an older Cairn: 'cairn engine stop', then try again)" : "")
                << "\n";
        exitCode = code == "forbidden" || code == "gate_failed" || code == "store" || code.empty() ? kExitFailure : kExitUsage;
        return std::nullopt;
    }
    exitCode = kExitOk;
    return *reply;
}

std::map<std::string, double> snapshotMetrics(const ModelVersion& v)
{
    std::map<std::string, double> out;
    auto snap = ordered_json::parse(v.snapshot, nullptr, false);
    if (!snap.is_object())
        return out;
    const ordered_json metricsOfSnap = snap.value("metrics", ordered_json::object());
    for (auto& [k, m] : metricsOfSnap.items())
        out[k] = registry::snapshotNumber(m.value("last", ordered_json()));
    return out;
}

ordered_json versionJson(const ModelVersion& v, bool withSnapshot)
{
    ordered_json j = {{"model", v.model},
                      {"version", v.version},
                      {"run", v.runId},
                      {"artifact", v.artifact.empty() ? ordered_json() : ordered_json(v.artifact)},
                      {"artifact_hash", v.artifactHash.empty() ? ordered_json() : ordered_json(v.artifactHash)},
                      {"aliases", v.aliases},
                      {"created_ms", v.createdMs},
                      {"created_by", v.createdBy}};
    if (withSnapshot) {
        auto snap = ordered_json::parse(v.snapshot, nullptr, false);
        j["snapshot"] = snap.is_discarded() ? ordered_json() : snap;
    }
    return j;
}

} // namespace cairn::cli::registry_cli
