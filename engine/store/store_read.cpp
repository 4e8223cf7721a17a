// Store: the reading half (experiments, one run, metric summaries); listing runs is in
// store_runs.cpp.
#include "engine/store/store.h"

#include "engine/store/database.h"
#include "engine/store/run_rows.h"

namespace cairn {
namespace {

Status loadPairs(Database& db, const char* table, std::int64_t seq, std::map<std::string, std::string>& out)
{
    auto st = db.prepare(std::string("SELECT key, value FROM ") + table + " WHERE run = ?");
    if (!st)
        return st.error();
    st->bind(1, seq);
    if (auto s = forEachRow(*st, [&](const Statement& r) {
        out[r.text(0)] = r.text(1);
    }); !s)
        return s.error();
    return Ok{};
}

} // namespace

Result<std::vector<Experiment>> Store::experiments()
{
    auto st = m_db->prepare("SELECT e.id, e.name, e.created_ms, (SELECT COUNT(*) FROM runs r WHERE r.experiment_id = e.id)"
                            " FROM experiments e ORDER BY e.name");
    if (!st)
        return st.error();
    std::vector<Experiment> out;
    if (auto s = forEachRow(*st, [&](const Statement& r) {
        out.push_back({r.int64(0), r.text(1), r.int64(2), r.int64(3)});
    }); !s)
        return s.error();
    return out;
}

Result<Run> Store::findRun(const std::string& reference)
{
    if (reference.empty())
        return makeError("empty run reference");
    auto load = [&](Statement& st) -> Result<std::vector<std::pair<std::int64_t, Run>>> {
        std::vector<std::pair<std::int64_t, Run>> found;
        if (auto s = forEachRow(st, [&](const Statement& r) {
            found.emplace_back(r.int64(0), readRun(r));
        }); !s)
            return s.error();
        return found;
    };
    auto finish = [&](std::pair<std::int64_t, Run> hit) -> Result<Run> {
        if (auto s = loadPairs(*m_db, "params", hit.first, hit.second.params); !s)
            return s.error();
        if (auto s = loadPairs(*m_db, "tags", hit.first, hit.second.tags); !s)
            return s.error();
        return hit.second;
    };
    // 1) id or unique id prefix: a range scan on the id index (no LIKE, so no wildcards).
    bool hexOnly = reference.find_first_not_of("0123456789abcdef") == std::string::npos;
    if (hexOnly) {
        auto st = m_db->prepare(CAIRN_SELECT_RUNS " WHERE r.id >= ?1 AND r.id < ?1 || 'g' ORDER BY r.id LIMIT 3");
        if (!st)
            return st.error();
        st->bind(1, reference);
        auto found = load(*st);
        if (!found)
            return found.error();
        if (found->size() == 1)
            return finish(std::move(found->front()));
        if (found->size() > 1) {
            std::string ids;
            for (auto& f : *found)
                ids += " " + f.second.id.substr(0, 12);
            return makeError("run reference '" + reference + "' is ambiguous: it matches" + ids
                             + "...; give more digits");
        }
    }
    // 2) name: the newest run of that name.
    auto st = m_db->prepare(CAIRN_SELECT_RUNS " WHERE r.name = ? ORDER BY r.start_ms DESC, r.seq DESC LIMIT 1");
    if (!st)
        return st.error();
    st->bind(1, reference);
    auto found = load(*st);
    if (!found)
        return found.error();
    if (found->empty())
        return makeError("no run matches '" + reference + "' (give a run id, a unique id prefix or a run name; 'cairn runs' lists them)");
    return finish(std::move(found->front()));
}

Result<std::vector<std::string>> Store::metricKeys(const std::string& runId)
{
    auto s = metricSummaries(runId);
    if (!s)
        return s.error();
    std::vector<std::string> keys;
    for (auto& m : *s)
        keys.push_back(m.key);
    return keys;
}

Result<std::vector<MetricSummary>> Store::metricSummaries(const std::string& runId)
{
    auto seq = runRowId(runId);
    if (!seq)
        return seq.error();
    auto st = m_db->prepare("SELECT k.name, s.last_step, s.last_ts_ms, s.last_value, s.min_value, s.max_value, s.count"
                            " FROM metric_summary s JOIN metric_keys k ON k.id = s.key WHERE s.run = ? ORDER BY k.name");
    if (!st)
        return st.error();
    st->bind(1, *seq);
    std::vector<MetricSummary> out;
    if (auto s = forEachRow(*st, [&](const Statement& r) {
        out.push_back({r.text(0), r.int64(1), r.int64(2), r.real(3), r.real(4), r.real(5), r.int64(6)});
    }); !s)
        return s.error();
    return out;
}

} // namespace cairn
