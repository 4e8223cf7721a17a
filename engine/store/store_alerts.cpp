// Store: fired alerts (docs/alerts.md), each key (rule, run, report) once.
#include "engine/store/store.h"

#include "engine/core/clock.h"
#include "engine/store/database.h"

namespace cairn {
namespace {

#define CAIRN_SELECT_ALERTS                                                                                              \
    "SELECT a.id, a.key, a.rule, a.condition, COALESCE(r.id, ''), COALESCE(r.name, ''), COALESCE(a.report, 0), "        \
    "a.value, a.message, a.fired_ms FROM alerts a LEFT JOIN runs r ON r.seq = a.run"

FiredAlert readAlert(const Statement& st)
{
    FiredAlert a;
    a.id = st.int64(0);
    a.key = st.text(1);
    a.rule = st.text(2);
    a.condition = st.text(3);
    a.runId = st.text(4);
    a.runName = st.text(5);
    a.reportId = st.int64(6);
    a.value = st.real(7);
    a.message = st.text(8);
    a.firedMs = st.int64(9);
    return a;
}

} // namespace

Result<std::optional<FiredAlert>> Store::recordAlert(const FiredAlert& in)
{
    std::optional<std::int64_t> runSeq, report;
    if (!in.runId.empty()) {
        auto seq = runRowId(in.runId);
        if (!seq)
            return seq.error();
        runSeq = *seq;
    }
    if (in.reportId > 0)
        report = in.reportId;
    auto seen = m_db->prepare("SELECT 1 FROM alerts WHERE key = ?");
    if (!seen)
        return seen.error();
    seen->bind(1, in.key);
    bool fired = false;
    if (auto s = forEachRow(*seen, [&](const Statement&) { fired = true; }); !s)
        return s.error();
    if (fired)
        return std::optional<FiredAlert>();  // the engine is the only writer: no race between the two
    auto st = m_db->prepare("INSERT INTO alerts(key, rule, condition, run, report, value, message, fired_ms) VALUES(?,?,?,?,?,?,?,?)");
    if (!st)
        return st.error();
    st->bind(1, in.key).bind(2, in.rule).bind(3, in.condition).bind(4, runSeq).bind(5, report).bind(6, in.value).bind(7, in.message);
    st->bind(8, in.firedMs ? in.firedMs : nowMs());
    if (auto s = st->run(); !s)
        return s.error();
    auto q = m_db->prepare(CAIRN_SELECT_ALERTS " WHERE a.id = ?");
    if (!q)
        return q.error();
    q->bind(1, m_db->lastInsertRowId());
    if (auto s = firstRow(*q, "the new alert vanished"); !s)
        return s.error();
    return std::optional<FiredAlert>(readAlert(*q));
}

Result<std::vector<FiredAlert>> Store::alerts(int limit)
{
    std::string sql = CAIRN_SELECT_ALERTS " ORDER BY a.id DESC";
    if (limit > 0)
        sql += " LIMIT " + std::to_string(limit);
    auto st = m_db->prepare(sql);
    if (!st)
        return st.error();
    std::vector<FiredAlert> out;
    if (auto s = forEachRow(*st, [&](const Statement& r) { out.push_back(readAlert(r)); }); !s)
        return s.error();
    return out;
}

} // namespace cairn
