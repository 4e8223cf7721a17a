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

// Finds the returned run of a row's seq; rows come in seq order, so mostly the last one again.
class SeqIndex {
public:
    explicit SeqIndex(const std::vector<std::int64_t>& seqs)
    {
        for (std::size_t i = 0; i < seqs.size(); ++i)
            m_bySeq[seqs[i]] = i;
    }
    const std::size_t* find(std::int64_t seq)
    {
        if (seq != m_lastSeq) {
            auto it = m_bySeq.find(seq);
            m_last = it == m_bySeq.end() ? nullptr : &it->second;
            m_lastSeq = seq;
        }
        return m_last;
    }

private:
    std::map<std::int64_t, std::size_t> m_bySeq;
    std::int64_t m_lastSeq = -1;
    const std::size_t* m_last = nullptr;
};

// Params, tags and metric summaries in three scans rather than three queries per run. The
// ORDER BY makes SQLite walk each table's primary key (in run order), not a search index.
Status loadByScan(Database& db, std::vector<std::int64_t>& seqs, std::vector<RunSummary>& out)
{
    SeqIndex index(seqs);
    for (const char* table : {"params", "tags"}) {
        auto pt = db.prepare(std::string("SELECT run, key, value FROM ") + table + " ORDER BY run, key");
        if (!pt)
            return pt.error();
        if (auto s = forEachRow(*pt, [&](const Statement& r) {
            const std::size_t* i = index.find(r.int64(0));
            if (!i)
                return;
            Run& run = out[*i].run;
            auto& into = table[0] == 'p' ? run.params : run.tags;
            into.emplace_hint(into.end(), r.text(1), r.text(2));
        }); !s)
            return s;
    }
    auto ms = db.prepare("SELECT s.run, k.name, s.last_step, s.last_ts_ms, s.last_value, s.min_value, s.max_value, s.count"
                         " FROM metric_summary s JOIN metric_keys k ON k.id = s.key ORDER BY s.run, s.key");
    if (!ms)
        return ms.error();
    return forEachRow(*ms, [&](const Statement& r) {
        const std::size_t* i = index.find(r.int64(0));
        if (!i)
            return;
        MetricSummary m{r.text(1), r.int64(2), r.int64(3), r.real(4), r.real(5), r.real(6), r.int64(7)};
        out[*i].metrics[m.key] = m;
    });
}

Result<std::int64_t> countMatching(Database& db, const RunFilter& filter)
{
    auto where = whereClause(filter, nowMs());
    if (!where)
        return where.error();
    SqlFragment q{"SELECT COUNT(*)" CAIRN_RUNS_FROM, {}};
    q.append(*where);
    auto st = db.prepare(q.sql);
    if (!st)
        return st.error();
    bindAll(*st, q.params);
    auto row = st->step();
    if (!row)
        return row.error();
    return st->int64(0);
}

// SELECT `columns` FROM the runs the filter matches, sorted, with LIMIT and OFFSET bound:
// the one query behind runs(), runPage() and runKeys(). `extra` (bound values in order) goes
// between the columns and FROM; the statement's values are bound by bindSelect().
Result<SqlFragment> selectRuns(const RunFilter& filter, std::int64_t now, const char* columns, const SqlFragment& extra = {})
{
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
    SqlFragment q{columns, {}};
    q.append(extra);
    q.sql += CAIRN_RUNS_FROM;
    q.append(order.join);
    q.append(*where);
    q.sql += " ORDER BY ";
    q.append(order.terms);
    q.sql += " LIMIT ? OFFSET ?";
    return q;
}

// Binds a selectRuns() query's values, then its limit and offset.
void bindSelect(Statement& st, const SqlFragment& q, const RunFilter& filter)
{
    const int next = bindAll(st, q.params);
    st.bind(next, filter.limit < 0 ? std::int64_t(-1) : filter.limit).bind(next + 1, std::max<std::int64_t>(0, filter.offset));
}

// The filtered, sorted page; with `withTotal`, the number of matching runs from the same
// evaluation of the filter (a window count over the rows before LIMIT).
Result<RunPage> listRuns(Database& db, const RunFilter& filter, bool withTotal)
{
    auto q = selectRuns(filter, nowMs(), withTotal ? "SELECT " CAIRN_RUN_COLUMNS ", COUNT(*) OVER ()" : "SELECT " CAIRN_RUN_COLUMNS);
    if (!q)
        return q.error();
    auto st = db.prepare(q->sql);
    if (!st)
        return st.error();
    bindSelect(*st, *q, filter);
    RunPage page;
    std::vector<std::int64_t> seqs;
    if (auto s = forEachRow(*st, [&](const Statement& r) {
        seqs.push_back(r.int64(0));
        page.runs.push_back({readRun(r), {}});
        if (withTotal)
            page.total = r.int64(13);
    }); !s)
        return s.error();
    if (withTotal && page.runs.empty() && (filter.offset > 0 || filter.limit == 0)) {
        auto n = countMatching(db, filter);  // no row came back to carry the count
        if (!n)
            return n.error();
        page.total = *n;
    }
    auto loaded = seqs.size() <= kPerRunLoadLimit ? loadPerRun(db, seqs, page.runs) : loadByScan(db, seqs, page.runs);
    if (!loaded)
        return loaded.error();
    return page;
}

} // namespace

Result<std::vector<RunSummary>> Store::runs(const RunFilter& filter)
{
    auto page = listRuns(*m_db, filter, false);
    if (!page)
        return page.error();
    return std::move(page->runs);
}

Result<RunPage> Store::runPage(const RunFilter& filter) { return listRuns(*m_db, filter, true); }

Result<std::int64_t> Store::countRuns(const RunFilter& filter) { return countMatching(*m_db, filter); }

Result<std::vector<RunKey>> Store::runKeys(const RunFilter& filter, const std::string& groupField)
{
    const std::int64_t now = nowMs();
    SqlFragment group{", NULL", {}};
    if (!groupField.empty()) {
        auto parsed = query::parseField(groupField);
        if (!parsed.ok())
            return makeError("group field, " + parsed.error->text());
        group.sql = ", ";
        group.append(query::valueSql(parsed.field, now));
    }
    auto q = selectRuns(filter, now, "SELECT r.id", group);
    if (!q)
        return q.error();
    auto st = m_db->prepare(q->sql);
    if (!st)
        return st.error();
    bindSelect(*st, *q, filter);
    std::vector<RunKey> out;
    if (auto s = forEachRow(*st, [&](const Statement& r) {
        out.push_back({r.text(0), r.isNull(1) ? std::nullopt : std::optional<std::string>(r.text(1))});
    }); !s)
        return s.error();
    return out;
}

Result<std::vector<std::string>> Store::keys(KeyKind kind)
{
    // Params and tags: hop from key to key along the (key, value) index rather than reading
    // every row, so the cost follows the number of distinct keys.
#define CAIRN_DISTINCT_KEYS(table)                                                                        \
    "WITH RECURSIVE k(key) AS (SELECT MIN(key) FROM " table " UNION ALL SELECT (SELECT MIN(key) FROM " table \
    " WHERE key > k.key) FROM k WHERE k.key IS NOT NULL) SELECT key FROM k WHERE key IS NOT NULL"
    const char* sql = kind == KeyKind::Param ? CAIRN_DISTINCT_KEYS("params")
                    : kind == KeyKind::Tag   ? CAIRN_DISTINCT_KEYS("tags")
                                             : "SELECT k.name FROM metric_keys k"
                                               " WHERE EXISTS (SELECT 1 FROM metric_summary s WHERE s.key = k.id) ORDER BY k.name";
#undef CAIRN_DISTINCT_KEYS
    auto st = m_db->prepare(sql);
    if (!st)
        return st.error();
    std::vector<std::string> out;
    if (auto s = forEachRow(*st, [&](const Statement& r) { out.push_back(r.text(0)); }); !s)
        return s.error();
    return out;
}

} // namespace cairn
