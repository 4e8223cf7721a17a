// Store: runs and datasets of other tools, imported from OpenLineage events. An imported run
// is an ordinary run row (no job, no logs) tagged cairn.source=openlineage; a dataset is a
// Cairn version when one was stored from the same path, else an artifact whose versions are
// external (no bytes in artifacts/) and whose OpenLineage identity is in openlineage_datasets.
#include "engine/store/store.h"

#include "engine/core/clock.h"
#include "engine/store/database.h"

namespace cairn {
namespace {

bool isHash(const std::string& s)
{
    return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

} // namespace

Result<ExternalImportResult> Store::importExternalRuns(std::span<const ExternalRun> runs)
{
    ExternalImportResult result;
    Transaction tx(*m_db);
    auto existing = m_db->prepare("SELECT r.seq, r.start_ms, COALESCE(t.value, '') FROM runs r "
                                  "LEFT JOIN tags t ON t.run = r.seq AND t.key = 'cairn.source' WHERE r.id = ?");
    auto update = m_db->prepare("UPDATE runs SET status = ?, start_ms = ?, end_ms = ?, exit_code = ? WHERE seq = ?");
    auto byPath = m_db->prepare("SELECT id FROM artifact_versions WHERE source = ? AND external = 0 "
                                "AND (?2 = '' OR hash = ?2) ORDER BY id DESC LIMIT 1");
    auto byIdentity = m_db->prepare("SELECT artifact FROM openlineage_datasets WHERE namespace = ? AND name = ?");
    auto nameTaken = m_db->prepare("SELECT 1 FROM artifacts WHERE name = ?");
    auto addArtifact = m_db->prepare("INSERT INTO artifacts(name, type, created_ms) VALUES(?, ?, ?)");
    auto addIdentity = m_db->prepare("INSERT INTO openlineage_datasets(artifact, namespace, name) VALUES(?, ?, ?)");
    auto findVersion = m_db->prepare("SELECT id FROM artifact_versions WHERE artifact = ? AND hash = ?");
    auto nextVersion = m_db->prepare("SELECT COALESCE(MAX(version), 0) + 1 FROM artifact_versions WHERE artifact = ?");
    auto addVersion = m_db->prepare("INSERT INTO artifact_versions(artifact, version, hash, kind, size, file_count, created_ms, run, "
                                    "source, external) VALUES(?, ?, ?, 'file', 0, 0, ?, ?, '', 1)");
    auto link = m_db->prepare("INSERT OR IGNORE INTO run_artifacts(run, version, direction) VALUES(?, ?, ?)");
    for (auto* st : {&existing, &update, &byPath, &byIdentity, &nameTaken, &addArtifact, &addIdentity, &findVersion, &nextVersion,
                     &addVersion, &link})
        if (!*st)
            return st->error();

    // The version a dataset names: one Cairn stored from that path, else the external artifact's.
    auto resolve = [&](const ExternalDataset& d, std::optional<std::int64_t> producer) -> Result<std::int64_t> {
        if (!d.path.empty()) {
            byPath->reset();
            byPath->bind(1, d.path).bind(2, isHash(d.contentHash) ? d.contentHash : std::string());
            if (auto row = byPath->step(); !row)
                return row.error();
            else if (*row) {
                ++result.matchedStored;
                return byPath->int64(0);
            }
        }
        byIdentity->reset();
        byIdentity->bind(1, d.ns).bind(2, d.name);
        std::int64_t artifact = 0;
        if (auto row = byIdentity->step(); !row)
            return row.error();
        else if (*row)
            artifact = byIdentity->int64(0);
        if (artifact == 0) {
            std::string name = d.displayName.empty() ? d.name : d.displayName;
            for (int n = 1;; ++n) {  // a name another artifact has gets the namespace, then a number
                const std::string candidate = n == 1 ? name : n == 2 ? name + " (" + d.ns + ")" : name + " (" + d.ns + ") " + std::to_string(n);
                nameTaken->reset();
                nameTaken->bind(1, candidate);
                auto row = nameTaken->step();
                if (!row)
                    return row.error();
                if (!*row) {
                    name = candidate;
                    break;
                }
            }
            addArtifact->reset();
            addArtifact->bind(1, name).bind(2, isArtifactType(d.type) ? d.type : std::string("dataset")).bind(3, nowMs());
            if (auto s = addArtifact->run(); !s)
                return s.error();
            artifact = m_db->lastInsertRowId();
            addIdentity->reset();
            addIdentity->bind(1, artifact).bind(2, d.ns).bind(3, d.name);
            if (auto s = addIdentity->run(); !s)
                return s.error();
            ++result.datasetsCreated;
        }
        findVersion->reset();
        findVersion->bind(1, artifact).bind(2, d.versionHash);
        if (auto row = findVersion->step(); !row)
            return row.error();
        else if (*row)
            return findVersion->int64(0);
        nextVersion->reset();
        nextVersion->bind(1, artifact);
        if (auto s = firstRow(*nextVersion, "no next version"); !s)
            return s.error();
        const std::int64_t version = nextVersion->int64(0);
        addVersion->reset();
        addVersion->bind(1, artifact).bind(2, version).bind(3, d.versionHash).bind(4, nowMs()).bind(5, producer);
        if (auto s = addVersion->run(); !s)
            return s.error();
        ++result.versionsCreated;
        return m_db->lastInsertRowId();
    };

    for (const ExternalRun& er : runs) {
        existing->reset();
        existing->bind(1, er.id);
        auto row = existing->step();
        if (!row)
            return row.error();
        std::int64_t seq = 0;
        if (*row) {
            seq = existing->int64(0);
            if (existing->text(2) != "openlineage") {
                result.skipped.push_back("run " + er.id.substr(0, 8) + " (" + er.name + ") is Cairn's own run; left as it is");
                continue;
            }
            const std::int64_t oldStart = existing->int64(1);
            const std::int64_t start = oldStart > 0 && (er.startMs == 0 || oldStart < er.startMs) ? oldStart : er.startMs;
            update->reset();
            update->bind(1, toString(er.status)).bind(2, start).bind(3, er.endMs).bind(4, er.exitCode).bind(5, seq);
            if (auto s = update->run(); !s)
                return s.error();
            if (auto s = setTags(er.id, er.tags); !s)
                return s.error();
            if (auto s = setParams(er.id, er.params); !s)
                return s.error();
            ++result.runsUpdated;
        } else {
            Run run;
            run.id = er.id;
            run.name = er.name;
            run.experiment = er.experiment;
            run.status = er.status;
            run.startMs = er.startMs;
            run.endMs = er.endMs;
            run.exitCode = er.exitCode;
            run.params = er.params;
            run.tags = er.tags;
            run.tags["cairn.source"] = "openlineage";
            if (auto s = createRun(run); !s)
                return s.error();
            auto s = runRowId(er.id);
            if (!s)
                return s.error();
            seq = *s;
            ++result.runsCreated;
        }
        for (const auto* list : {&er.inputs, &er.outputs}) {
            const bool output = list == &er.outputs;
            for (const ExternalDataset& d : *list) {
                auto version = resolve(d, output ? std::optional<std::int64_t>(seq) : std::nullopt);
                if (!version)
                    return version.error();
                link->reset();
                link->bind(1, seq).bind(2, *version).bind(3, std::string_view(output ? "output" : "input"));
                if (auto s = link->run(); !s)
                    return s.error();
                result.linked += sqlite3_changes(m_db->handle()) > 0;
            }
        }
    }
    if (auto s = tx.commit(); !s)
        return s.error();
    return result;
}

} // namespace cairn
