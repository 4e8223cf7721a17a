// OpenLineage (https://openlineage.io, spec 2-0-2) run events in and out (docs/openlineage.md).
// Export: a run becomes a START event and, once it has ended, a COMPLETE, FAIL or ABORT event,
// with its input and output datasets. Import: events of other tools become runs tagged
// cairn.source=openlineage and datasets (external artifacts, or the versions Cairn stored
// from the same file). Qt-free; the store does the writing (Store::importExternalRuns).
#pragma once

#include "engine/core/result.h"
#include "engine/lineage/run_diff.h"
#include "engine/store/external_rows.h"

#include <nlohmann/json.hpp>

#include <istream>
#include <string>
#include <vector>

namespace cairn::lineage::openlineage {

extern const char* const kSchemaUrl;         // the RunEvent schema the events follow
extern const char* const kCairnFacetsBase;   // where Cairn's own facets' schemas are named

struct ExportOptions {
    std::string jobNamespace;   // for Cairn's runs; imported runs keep their own
    std::string producer;       // a URI naming the producer (Cairn and its version)
    std::string cairnVersion;
    std::string projectName;    // datasets without a path: namespace cairn://PROJECT
};

// The run's events, oldest first: none for a queued run, START, then COMPLETE (finished),
// FAIL (failed) or ABORT (killed) once it has ended.
std::vector<nlohmann::ordered_json> runEvents(const RunSide& run, const ExportOptions& options);

// 32 hex digits <-> the 8-4-4-4-12 form of a UUID.
std::string uuidFromRunId(const std::string& runId);
// A UUID's 32 hex digits (lowercase); any other text becomes the first 32 digits of its SHA-256.
std::string runIdFromUuid(const std::string& uuid);

// ISO 8601 / RFC 3339 ("2020-12-28T19:51:01.641Z", "+02:00" offsets, no zone = UTC) <-> epoch ms.
std::optional<std::int64_t> parseTime(const std::string& text);
std::string formatTime(std::int64_t ms);

struct ParsedEvents {
    std::vector<ExternalRun> runs;   // one per runId, its events merged
    int runEvents = 0;
    int otherEvents = 0;             // DatasetEvent and JobEvent: nothing to record for them
    std::vector<std::string> errors; // "FILE:LINE: what is wrong", at most 50
};

// A JSON-lines file of events, or one JSON event, or a JSON array of them. An event that is
// not an object, lacks run.runId, job.namespace, job.name or eventTime, or has a wrong type in
// one of them, is an error naming its line and field.
ParsedEvents parseEvents(std::istream& in, const std::string& fileName);

// The `openlineage.import` request's form of a run (docs/protocol.md).
nlohmann::json externalRunToJson(const ExternalRun& run);
Result<ExternalRun> externalRunFromJson(const nlohmann::json& j);

} // namespace cairn::lineage::openlineage
