#include "engine/server/ingestor.h"

#include "engine/store/store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cairn::server {

Ingestor::~Ingestor()
{
    for (auto& [id, f] : m_runs)
        if (f.fd >= 0)
            ::close(f.fd);
}

Status Ingestor::follow(const std::string& runId)
{
    if (m_runs.count(runId))
        return Ok{};
    auto offset = m_store.journalOffset(runId);
    if (!offset)
        return offset.error();
    m_runs[runId] = Followed{*offset, -1};
    return Ok{};
}

void Ingestor::forget(const std::string& runId)
{
    auto it = m_runs.find(runId);
    if (it == m_runs.end())
        return;
    if (it->second.fd >= 0)
        ::close(it->second.fd);
    m_runs.erase(it);
}

bool Ingestor::caughtUp(const std::string& runId) const
{
    auto it = m_runs.find(runId);
    if (it == m_runs.end())
        return true;
    struct stat st {};
    std::string path = (m_project.runDir(runId) / "metrics.journal").string();
    if (::stat(path.c_str(), &st) != 0)
        return true;
    return static_cast<std::uint64_t>(st.st_size) <= it->second.offset;
}

Result<Ingestor::TickResult> Ingestor::tick(std::size_t maxBytesPerTick)
{
    TickResult result;
    const std::size_t maxBytesPerRun = std::max<std::size_t>(256 << 10, maxBytesPerTick / std::max<std::size_t>(1, m_runs.size()));
    std::vector<IngestBatch> batches;
    for (auto& [runId, f] : m_runs) {
        if (f.fd < 0) {
            std::string path = (m_project.runDir(runId) / "metrics.journal").string();
            f.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
            if (f.fd < 0)
                continue;  // the supervisor has not created it yet
        }
        m_buffer.resize(maxBytesPerRun);
        ssize_t n = ::pread(f.fd, m_buffer.data(), maxBytesPerRun, static_cast<off_t>(f.offset));
        if (n <= 0)
            continue;
        if (static_cast<std::size_t>(n) == maxBytesPerRun)
            result.backlog = true;
        m_chunk.clear();
        ingest::parseJournal(std::string_view(m_buffer.data(), static_cast<std::size_t>(n)), m_chunk);
        if (m_chunk.consumed == 0)
            continue;
        IngestBatch b;
        b.runId = runId;
        b.points = std::move(m_chunk.points);
        b.params = std::move(m_chunk.params);
        b.tags = std::move(m_chunk.tags);
        b.newOffset = f.offset + m_chunk.consumed;
        b.events = std::move(m_chunk.events);
        b.message = std::move(m_chunk.message);
        if (m_chunk.startedPid) {
            b.startedPid = *m_chunk.startedPid;
            result.events.push_back({{"event", "run.started"}, {"run", runId}, {"pid", b.startedPid}});
        }
        if (m_chunk.end) {
            b.ended = true;
            b.endStatus = m_chunk.end->status;
            b.exitCode = m_chunk.end->exitCode;
            b.endMs = m_chunk.end->endMs;
        }
        batches.push_back(std::move(b));
    }
    if (batches.empty())
        return result;
    if (auto s = m_store.applyIngest(batches); !s)
        return s.error();  // nothing advanced: the same bytes are read again next tick
    for (const IngestBatch& b : batches) {
        m_runs[b.runId].offset = b.newOffset;
        result.points += b.points.size();
        if (!b.points.empty()) {
            Json steps = Json::object();
            for (const auto& p : b.points)
                steps[p.key] = p.step;
            result.events.push_back({{"event", "metric.batch"}, {"run", b.runId}, {"points", b.points.size()}, {"last_steps", steps}});
        }
        if (b.ended) {
            result.events.push_back({{"event", "run.finished"},
                                     {"run", b.runId},
                                     {"status", std::string(toString(b.endStatus))},
                                     {"exit_code", b.exitCode}});
            result.ended.push_back(b.runId);
        }
    }
    return result;
}

} // namespace cairn::server
