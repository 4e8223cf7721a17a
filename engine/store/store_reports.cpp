// Store: reports (drift, validation, fairness) with their summary values by name.
#include "engine/store/store.h"

#include "engine/core/clock.h"
#include "engine/store/database.h"

#include <cmath>

namespace cairn {
namespace {

std::string selectReports(bool withBody)
{
    return std::string("SELECT r.id, r.kind, COALESCE(u.id, ''), COALESCE(u.name, ''), r.created_ms, r.title, r.passed, ")
           + (withBody ? "r.body" : "''") + " FROM reports r LEFT JOIN runs u ON u.seq = r.run";
}

Status readValues(Database& db, StoredReport& r)
{
    auto st = db.prepare("SELECT name, value FROM report_values WHERE report = ?");
    if (!st)
        return st.error();
    st->bind(1, r.id);
    return forEachRow(*st, [&](const Statement& row) { r.values[row.text(0)] = row.real(1); });
}

} // namespace

Result<StoredReport> Store::addReport(const StoredReport& in)
{
    if (!isReportKind(in.kind))
        return makeError("report kind must be drift, validation or fairness, not '" + in.kind + "'");
    Transaction tx(*m_db);
    std::optional<std::int64_t> runSeq;
    if (!in.runId.empty()) {
        auto seq = runRowId(in.runId);
        if (!seq)
            return seq.error();
        runSeq = *seq;
    }
    const std::int64_t created = in.createdMs ? in.createdMs : nowMs();
    auto st = m_db->prepare("INSERT INTO reports(kind, run, created_ms, title, passed, body) VALUES(?,?,?,?,?,?)");
    if (!st)
        return st.error();
    st->bind(1, in.kind).bind(2, runSeq).bind(3, created).bind(4, in.title).bind(5, in.passed ? 1 : 0).bind(6, in.body);
    if (auto s = st->run(); !s)
        return s.error();
    const std::int64_t id = m_db->lastInsertRowId();
    auto val = m_db->prepare("INSERT INTO report_values(report, name, value) VALUES(?,?,?)");
    if (!val)
        return val.error();
    for (const auto& [name, value] : in.values) {
        val->reset();
        val->bind(1, id).bind(2, name).bind(3, value);
        if (auto s = val->run(); !s)
            return s.error();
    }
    if (auto s = tx.commit(); !s)
        return s.error();
    return report(id);
}

Result<std::vector<StoredReport>> Store::reports(const ReportFilter& f)
{
    std::string sql = selectReports(f.withBody) + " WHERE 1";
    if (!f.runId.empty())
        sql += " AND u.id = ?1";
    if (!f.kind.empty())
        sql += " AND r.kind = ?2";
    sql += " ORDER BY r.id DESC";
    if (f.limit > 0)
        sql += " LIMIT " + std::to_string(f.limit);
    auto st = m_db->prepare(sql);
    if (!st)
        return st.error();
    if (!f.runId.empty())
        st->bind(1, f.runId);
    if (!f.kind.empty())
        st->bind(2, f.kind);
    std::vector<StoredReport> out;
    auto s = forEachRow(*st, [&](const Statement& r) {
        StoredReport rep;
        rep.id = r.int64(0);
        rep.kind = r.text(1);
        rep.runId = r.text(2);
        rep.runName = r.text(3);
        rep.createdMs = r.int64(4);
        rep.title = r.text(5);
        rep.passed = r.int64(6) != 0;
        rep.body = r.text(7);
        out.push_back(std::move(rep));
    });
    if (!s)
        return s.error();
    for (auto& r : out)
        if (auto v = readValues(*m_db, r); !v)
            return v.error();
    return out;
}

Result<StoredReport> Store::report(std::int64_t id)
{
    auto st = m_db->prepare(selectReports(true) + " WHERE r.id = ?");
    if (!st)
        return st.error();
    st->bind(1, id);
    if (auto s = firstRow(*st, "no report " + std::to_string(id) + " ('cairn reports' lists them)"); !s)
        return s.error();
    StoredReport rep;
    rep.id = st->int64(0);
    rep.kind = st->text(1);
    rep.runId = st->text(2);
    rep.runName = st->text(3);
    rep.createdMs = st->int64(4);
    rep.title = st->text(5);
    rep.passed = st->int64(6) != 0;
    rep.body = st->text(7);
    if (auto v = readValues(*m_db, rep); !v)
        return v.error();
    return rep;
}

Result<std::optional<StoredReport>> Store::latestReport(const std::string& runId, const std::string& kind)
{
    if (!isReportKind(kind))
        return makeError("report kind must be drift, validation or fairness, not '" + kind + "'");
    auto found = reports({runId, kind, 1, true});
    if (!found)
        return found.error();
    if (found->empty())
        return std::optional<StoredReport>();
    return std::optional<StoredReport>(std::move(found->front()));
}

Result<std::optional<double>> Store::reportValue(const std::string& runId, const std::string& name)
{
    const auto dot = name.find('.');
    if (dot == std::string::npos || !isReportKind(name.substr(0, dot)))
        return makeError("'" + name + "' is not a report value: expected drift.NAME, validation.NAME or fairness.NAME");
    auto latest = latestReport(runId, name.substr(0, dot));
    if (!latest)
        return latest.error();
    if (!*latest)
        return std::optional<double>();
    auto it = (*latest)->values.find(name.substr(dot + 1));
    if (it == (*latest)->values.end())
        return std::optional<double>();
    return std::optional<double>(it->second);
}

} // namespace cairn
