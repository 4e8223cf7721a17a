// Engine: `openlineage.import`, recording runs and datasets of other tools that a client has
// parsed from OpenLineage events (docs/openlineage.md). One request is one transaction.
#include "engine/lineage/openlineage.h"
#include "engine/server/engine.h"

namespace cairn::server {

Json Engine::importOpenLineage(const Json& p)
{
    auto error = [](const char* code, const std::string& message) { return Json{{"error", {{"code", code}, {"message", message}}}}; };
    auto it = p.find("runs");
    if (it == p.end() || !it->is_array())
        return error("bad_request", "'runs' must be an array");
    std::vector<ExternalRun> runs;
    runs.reserve(it->size());
    for (const auto& j : *it) {
        auto r = lineage::openlineage::externalRunFromJson(j);
        if (!r)
            return error("bad_request", r.message());
        runs.push_back(std::move(*r));
    }
    auto result = m_store->importExternalRuns(runs);
    if (!result)
        return error("store", result.message());
    if (result->runsCreated + result->runsUpdated > 0)
        broadcast({{"event", "run.imported"}, {"runs", result->runsCreated + result->runsUpdated}});
    return {{"runs_created", result->runsCreated},
            {"runs_updated", result->runsUpdated},
            {"datasets_created", result->datasetsCreated},
            {"versions_created", result->versionsCreated},
            {"linked", result->linked},
            {"matched_stored", result->matchedStored},
            {"skipped", result->skipped}};
}

} // namespace cairn::server
