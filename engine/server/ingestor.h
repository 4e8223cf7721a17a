// Follows the journals of active runs and copies them into the database. Each tick reads what
// was appended since the offset stored with the run, and applies every run's stretch together
// with the new offsets in one transaction: after a crash the next engine continues from the
// committed offsets, so no point is lost and none is stored twice.
#pragma once

#include "engine/core/result.h"
#include "engine/ingest/journal.h"
#include "engine/server/protocol.h"
#include "engine/store/project.h"

#include <map>
#include <string>
#include <vector>

namespace cairn {
class Store;
}

namespace cairn::server {

class Ingestor {
public:
    Ingestor(Store& store, const Project& project) : m_store(store), m_project(project) {}
    ~Ingestor();

    Status follow(const std::string& runId);
    bool following(const std::string& runId) const { return m_runs.count(runId) > 0; }
    // Stops following (after the run ended, or when its supervisor vanished).
    void forget(const std::string& runId);
    std::size_t followedCount() const { return m_runs.size(); }

    struct TickResult {
        std::vector<Json> events;            // run.started, metric.batch, run.finished
        std::vector<std::string> ended;      // runs whose end record was applied
        std::uint64_t points = 0;
        bool backlog = false;                // more bytes are waiting: tick again soon
    };
    // Reads at most `maxBytesPerTick` of journal in all (shared fairly between the followed
    // runs, so memory stays bounded however many jobs run) and applies it.
    Result<TickResult> tick(std::size_t maxBytesPerTick = 8 << 20);
    // True when the journal has no bytes beyond what was applied.
    bool caughtUp(const std::string& runId) const;

private:
    struct Followed {
        std::uint64_t offset = 0;
        int fd = -1;
    };
    Store& m_store;
    const Project& m_project;
    std::map<std::string, Followed> m_runs;
    std::string m_buffer;
    ingest::JournalChunk m_chunk;
};

} // namespace cairn::server
