// Store: the engine's job queue and journal ingestion.
#include "engine/store/store.h"

#include "engine/core/ids.h"
#include "engine/store/database.h"

namespace cairn {
namespace {

#define CAIRN_SELECT_JOBS                                                                               \
    "SELECT r.id, r.status, j.spec, j.after_run, j.gpus, j.supervisor_pid, j.supervisor_start, j.message " \
    "FROM jobs j JOIN runs r ON r.seq = j.run"

Job readJob(const Statement& st)
{
    Job j;
    j.runId = st.text(0);
    j.status = runStatusFromString(st.text(1)).value_or(RunStatus::Failed);
    j.spec = st.text(2);
    j.afterRunId = st.text(3);
    j.gpus = st.text(4);
    j.supervisorPid = st.int64(5);
    j.supervisorStart = st.int64(6);
    j.message = st.text(7);
    return j;
}

} // namespace

Status Store::createJob(Run& run, const Job& job)
{
    run.status = RunStatus::Queued;
    Transaction tx(*m_db);
    if (auto s = createRun(run); !s)
        return s;
    auto seq = runRowId(run.id);
    if (!seq)
        return seq.error();
    auto st = m_db->prepare("INSERT INTO jobs(run, spec, after_run) VALUES(?,?,?)");
    if (!st)
        return st.error();
    st->bind(1, *seq).bind(2, job.spec).bind(3, job.afterRunId);
    if (auto s = st->run(); !s)
        return s;
    return tx.commit();
}

Result<std::vector<Job>> Store::activeJobs()
{
    auto st = m_db->prepare(CAIRN_SELECT_JOBS " WHERE r.status IN ('queued','running') ORDER BY r.seq");
    if (!st)
        return st.error();
    std::vector<Job> out;
    if (auto s = forEachRow(*st, [&](const Statement& r) {
        out.push_back(readJob(r));
    }); !s)
        return s.error();
    return out;
}

Result<Job> Store::job(const std::string& runId)
{
    auto st = m_db->prepare(CAIRN_SELECT_JOBS " WHERE r.id = ?");
    if (!st)
        return st.error();
    st->bind(1, runId);
    if (auto s = firstRow(*st, "run " + runId + " was not submitted to the engine"); !s)
        return s.error();
    return readJob(*st);
}

Status Store::markJobStarted(const std::string& runId, std::int64_t supervisorPid, std::int64_t supervisorStart,
                             const std::string& gpus, std::int64_t startMs)
{
    auto seq = runRowId(runId);
    if (!seq)
        return seq.error();
    Transaction tx(*m_db);
    auto j = m_db->prepare("UPDATE jobs SET supervisor_pid = ?, supervisor_start = ?, gpus = ? WHERE run = ?");
    if (!j)
        return j.error();
    j->bind(1, supervisorPid).bind(2, supervisorStart).bind(3, gpus).bind(4, *seq);
    if (auto s = j->run(); !s)
        return s;
    auto r = m_db->prepare("UPDATE runs SET status = 'running', start_ms = ? WHERE seq = ?");
    if (!r)
        return r.error();
    r->bind(1, startMs).bind(2, *seq);
    if (auto s = r->run(); !s)
        return s;
    return tx.commit();
}

Status Store::setJobMessage(const std::string& runId, const std::string& message)
{
    auto seq = runRowId(runId);
    if (!seq)
        return seq.error();
    auto st = m_db->prepare("UPDATE jobs SET message = ? WHERE run = ?");
    if (!st)
        return st.error();
    st->bind(1, message).bind(2, *seq);
    return st->run();
}

Result<std::uint64_t> Store::journalOffset(const std::string& runId)
{
    auto st = m_db->prepare("SELECT journal_offset FROM runs WHERE id = ?");
    if (!st)
        return st.error();
    st->bind(1, runId);
    if (auto s = firstRow(*st, "no run with id " + runId); !s)
        return s.error();
    return static_cast<std::uint64_t>(st->int64(0));
}

Status Store::applyIngest(std::span<const IngestBatch> batches)
{
    Transaction tx(*m_db);
    if (!tx.began())
        return makeError("database error: " + m_db->lastError());
    auto offset = m_db->prepare("UPDATE runs SET journal_offset = ? WHERE seq = ?");
    auto end = m_db->prepare("UPDATE runs SET status = ?, exit_code = ?, end_ms = ? WHERE seq = ?");
    auto pid = m_db->prepare("UPDATE runs SET pid = ? WHERE seq = ?");
    auto event = m_db->prepare("INSERT INTO run_events(run, ts_ms, kind, message) VALUES(?,?,?,?)");
    auto message = m_db->prepare("UPDATE jobs SET message = ? WHERE run = ?");
    if (!offset || !end || !pid || !event || !message)
        return makeError("database error: " + m_db->lastError());
    for (const IngestBatch& b : batches) {
        auto seq = runRowId(b.runId);
        if (!seq)
            return seq.error();
        if (auto s = upsertPairs(*m_db, "params", *seq, b.params.begin(), b.params.end()); !s)
            return s;
        if (auto s = upsertPairs(*m_db, "tags", *seq, b.tags.begin(), b.tags.end()); !s)
            return s;
        if (auto s = appendMetricsNoTx(*seq, b.points); !s)
            return s;
        if (b.startedPid) {
            pid->bind(1, b.startedPid).bind(2, *seq);
            if (auto s = pid->run(); !s)
                return s;
        }
        for (const RunEvent& e : b.events) {
            event->bind(1, *seq).bind(2, e.timestampMs).bind(3, e.kind).bind(4, e.text);
            if (auto s = event->run(); !s)
                return s;
        }
        if (b.message) {
            message->bind(1, *b.message).bind(2, *seq);
            if (auto s = message->run(); !s)
                return s;
        }
        if (b.ended) {
            end->bind(1, toString(b.endStatus)).bind(2, b.exitCode).bind(3, b.endMs).bind(4, *seq);
            if (auto s = end->run(); !s)
                return s;
        }
        offset->bind(1, static_cast<std::int64_t>(b.newOffset)).bind(2, *seq);
        if (auto s = offset->run(); !s)
            return s;
    }
    return tx.commit();
}

Status Store::addRunEvent(const std::string& runId, const RunEvent& e)
{
    auto seq = runRowId(runId);
    if (!seq)
        return seq.error();
    auto st = m_db->prepare("INSERT INTO run_events(run, ts_ms, kind, message) VALUES(?,?,?,?)");
    if (!st)
        return st.error();
    st->bind(1, *seq).bind(2, e.timestampMs).bind(3, e.kind).bind(4, e.text);
    return st->run();
}

Result<std::vector<RunEvent>> Store::runEvents(const std::string& runId)
{
    auto seq = runRowId(runId);
    if (!seq)
        return seq.error();
    auto st = m_db->prepare("SELECT ts_ms, kind, message FROM run_events WHERE run = ? ORDER BY ts_ms, rowid");
    if (!st)
        return st.error();
    st->bind(1, *seq);
    std::vector<RunEvent> out;
    if (auto s = forEachRow(*st, [&](const Statement& r) {
        out.push_back({r.int64(0), r.text(1), r.text(2)});
    }); !s)
        return s.error();
    return out;
}

Result<std::vector<Run>> Store::unfinishedRuns()
{
    auto st = m_db->prepare("SELECT id FROM runs WHERE status IN ('queued','running') ORDER BY seq");
    if (!st)
        return st.error();
    std::vector<std::string> ids;
    if (auto s = forEachRow(*st, [&](const Statement& r) {
        ids.push_back(r.text(0));
    }); !s)
        return s.error();
    std::vector<Run> out;
    for (const auto& id : ids) {
        auto r = findRun(id);
        if (!r)
            return r.error();
        out.push_back(std::move(*r));
    }
    return out;
}

} // namespace cairn
