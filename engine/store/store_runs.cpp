// Store: listing runs. Filter (the search language, compiled to bound SQL), sort and page in
// one query; params, tags and metric summaries are then read for the returned runs only.
#include "engine/store/store.h"

#include "engine/core/clock.h"
#include "engine/query/search_parser.h"
#include "engine/query/search_sql.h"
#include "engine/store/database.h"
#include "engine/store/run_rows.h"

namespace cairn {
namespace {

using query::SqlFragment;

// Up to this many runs, their params, tags and summaries are read run by run through the
// primary keys; past it, one scan of each table is cheaper.
constexpr std::size_t kPerRunLoadLimit = 512;

// " WHERE ..." for the filter's experiment and search text.
Result<SqlFragment> whereClause(const RunFilter& filter, std::int64_t now)
{
    SqlFragment w{" WHERE 1", {}};
    if (filter.experiment) {
        w.sql += " AND e.name = ?";
        w.params.push_back(*filter.experiment);
    }
    auto parsed = query::parseSearch(filter.where);
    if (!parsed.ok())
        return makeError("filter, " + parsed.error->text());
    if (parsed.root) {
        w.sql += " AND ";
        w.append(query::whereSql(*parsed.root, now));
    }
    return w;
}

int bindAll(Statement& st, const std::vector<query::SqlParam>& params)
{
    int i = 1;
    for (const auto& p : params) {
        if (const double* d = std::get_if<double>(&p))
            st.bind(i++, *d);
        else
            st.bind(i++, std::string_view(std::get<std::string>(p)));
    }
    return i;
}

Status loadPerRun(Database& db, std::vector<std::int64_t>& seqs, std::vector<RunSummary>& out)
{
    auto params = db.prepare("SELECT key, value FROM params WHERE run = ?");
    auto tags = db.prepare("SELECT key, value FROM tags WHERE run = ?");
    auto metrics = db.prepare("SELECT k.name, s.last_step, s.last_ts_ms, s.last_value, s.min_value, s.max_value, s.count"
                              " FROM metric_summary s JOIN metric_keys k ON k.id = s.key WHERE s.run = ?");
    if (!params)
        return params.error();
    if (!tags)
        return tags.error();
    if (!metrics)
        return metrics.error();
    for (std::size_t i = 0; i < seqs.size(); ++i) {
        Run& run = out[i].run;
        for (auto* st : {&*params, &*tags}) {
            auto& into = st == &*params ? run.params : run.tags;
            st->reset();
            st->bind(1, seqs[i]);
            if (auto s = forEachRow(*st, [&](const Statement& r) { into[r.text(0)] = r.text(1); }); !s)
                return s;
        }
        metrics->reset();
        metrics->bind(1, seqs[i]);
        if (auto s = forEachRow(*metrics, [&](const Statement& r) {
            MetricSummary m{r.text(0), r.int64(1), r.int64(2), r.real(3), r.real(4), r.real(5), r.int64(6)};
            out[i].metrics[m.key] = m;
        }); !s)
            return s;
    }
    return Ok{};
}

// Params, tags and metric summaries in three scans rather than three queries per run.
Status loadByScan(Database& db, std::vector<std::int64_t>& seqs, std::vector<RunSummary>& out)
{
    std::map<std::int64_t, std::size_t> bySeq;
    for (std::size_t i = 0; i < seqs.size(); ++i)
        bySeq[seqs[i]] = i;
    for (const char* table : {"params", "tags"}) {
        auto pt = db.prepare(std::string("SELECT run, key, value FROM ") + table);
        if (!pt)
            return pt.error();
        if (auto s = forEachRow(*pt, [&](const Statement& r) {
            auto it = bySeq.find(r.int64(0));
            if (it == bySeq.end())
                return;
            Run& run = out[it->second].run;
            (table[0] == 'p' ? run.params : run.tags)[r.text(1)] = r.text(2);
        }); !s)
            return s;
    }
    auto ms = db.prepare("SELECT s.run, k.name, s.last_step, s.last_ts_ms, s.last_value, s.min_value, s.max_value, s.count"
                         " FROM metric_summary s JOIN metric_keys k ON k.id = s.key");
    if (!ms)
        return ms.error();
    return forEachRow(*ms, [&](const Statement& r) {
        auto it = bySeq.find(r.int64(0));
        if (it == bySeq.end())
            return;
        MetricSummary m{r.text(1), r.int64(2), r.int64(3), r.real(4), r.real(5), r.real(6), r.int64(7)};
        out[it->second].metrics[m.key] = m;
    });
}

} // namespace

Result<std::vector<RunSummary>> Store::runs(const RunFilter& filter)
{
    const std::int64_t now = nowMs();
    auto where = whereClause(filter, now);
    if (!where)
        return where.error();
    query::Field sortField;
    sortField.attribute = query::Attribute::Start;
    if (!filter.sortKey.empty()) {
        auto parsed = query::parseField(filter.sortKey);
        if (!parsed.ok())
            return makeError("sort key, " + parsed.error->text());
        sortField = parsed.field;
    }
    const query::SqlOrder order = query::orderSql(sortField, filter.descending, now);
    SqlFragment q{CAIRN_SELECT_RUNS, {}};
    q.append(order.join);
    q.append(*where);
    q.sql += " ORDER BY ";
    q.append(order.terms);
    q.sql += " LIMIT ? OFFSET ?";
    auto st = m_db->prepare(q.sql);
    if (!st)
        return st.error();
    const int next = bindAll(*st, q.params);
    st->bind(next, filter.limit < 0 ? std::int64_t(-1) : filter.limit).bind(next + 1, std::max<std::int64_t>(0, filter.offset));
    std::vector<RunSummary> out;
    std::vector<std::int64_t> seqs;
    if (auto s = forEachRow(*st, [&](const Statement& r) {
        seqs.push_back(r.int64(0));
        out.push_back({readRun(r), {}});
    }); !s)
        return s.error();
    auto loaded = seqs.size() <= kPerRunLoadLimit ? loadPerRun(*m_db, seqs, out) : loadByScan(*m_db, seqs, out);
    if (!loaded)
        return loaded.error();
    return out;
}

Result<std::int64_t> Store::countRuns(const RunFilter& filter)
{
    auto where = whereClause(filter, nowMs());
    if (!where)
        return where.error();
    SqlFragment q{"SELECT COUNT(*) FROM runs r JOIN experiments e ON e.id = r.experiment_id", {}};
    q.append(*where);
    auto st = m_db->prepare(q.sql);
    if (!st)
        return st.error();
    bindAll(*st, q.params);
    auto row = st->step();
    if (!row)
        return row.error();
    return st->int64(0);
}

Result<std::vector<std::string>> Store::keys(KeyKind kind)
{
    const char* sql = kind == KeyKind::Param ? "SELECT DISTINCT key FROM params ORDER BY key"
                    : kind == KeyKind::Tag   ? "SELECT DISTINCT key FROM tags ORDER BY key"
                                             : "SELECT k.name FROM metric_keys k"
                                               " WHERE EXISTS (SELECT 1 FROM metric_summary s WHERE s.key = k.id) ORDER BY k.name";
    auto st = m_db->prepare(sql);
    if (!st)
        return st.error();
    std::vector<std::string> out;
    if (auto s = forEachRow(*st, [&](const Statement& r) { out.push_back(r.text(0)); }); !s)
        return s.error();
    return out;
}

} // namespace cairn
