// Metric points: written as packed blocks (engine/store/metric_block.h) with a short
// per-point tail, read back merged in logging order.
#include "engine/store/store.h"

#include "engine/store/database.h"
#include "engine/store/metric_block.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace cairn {
namespace {

// A stretch of at least this many points (tail included) is stored as blocks; shorter ones
// go to the per-point tail, where slow series gather until they are worth a block.
constexpr std::int64_t kFoldAt = 256;

struct KeyGroup {
    std::int64_t key = 0;
    std::vector<blocks::Point> points;
};

// Groups points by key, keeping each key's logging order.
Result<std::vector<KeyGroup>> groupByKey(std::span<const MetricPoint> points,
                                         const std::function<Result<std::int64_t>(const std::string&)>& keyId)
{
    std::vector<KeyGroup> groups;
    const std::string* lastKey = nullptr;
    std::size_t at = 0;
    for (const MetricPoint& p : points) {
        if (!lastKey || *lastKey != p.key) {
            auto k = keyId(p.key);
            if (!k)
                return k.error();
            auto it = std::find_if(groups.begin(), groups.end(), [&](const KeyGroup& g) { return g.key == *k; });
            if (it == groups.end()) {
                groups.push_back({*k, {}});
                it = groups.end() - 1;
            }
            at = static_cast<std::size_t>(it - groups.begin());
            lastKey = &p.key;
        }
        groups[at].points.push_back({p.step, p.timestampMs, p.value});
    }
    return groups;
}

MetricSummary summarize(std::span<const blocks::Point> points)
{
    MetricSummary s;
    s.min = s.max = std::numeric_limits<double>::quiet_NaN();
    bool any = false;
    for (const blocks::Point& p : points) {
        if (!any || p.step >= s.lastStep) {
            s.lastStep = p.step;
            s.lastTimestampMs = p.timestampMs;
            s.last = p.value;
        }
        any = true;
        if (!std::isnan(p.value)) {
            s.min = std::isnan(s.min) ? p.value : std::min(s.min, p.value);
            s.max = std::isnan(s.max) ? p.value : std::max(s.max, p.value);
        }
    }
    s.count = static_cast<std::int64_t>(points.size());
    return s;
}

} // namespace

Status Store::appendMetrics(const std::string& runId, std::span<const MetricPoint> points)
{
    if (points.empty())
        return Ok{};
    auto seq = runRowId(runId);
    if (!seq)
        return seq.error();
    Transaction tx(*m_db);
    if (!tx.began())
        return makeError("database error: " + m_db->lastError());
    if (auto s = appendMetricsNoTx(*seq, points); !s)
        return s;
    return tx.commit();
}

// Appends points and upserts the per-key summaries; the caller holds the transaction.
Status Store::appendMetricsNoTx(std::int64_t seq, std::span<const MetricPoint> points)
{
    if (points.empty())
        return Ok{};
    auto groups = groupByKey(points, [this](const std::string& k) { return keyId(k); });
    if (!groups)
        return groups.error();
    std::vector<MetricSummary> summaries;
    for (KeyGroup& g : *groups) {
        summaries.push_back(summarize(g.points));
        if (auto s = appendSeries(seq, g.key, g.points); !s)  // may take g.points
            return s;
    }
    auto up = m_db->prepare(R"sql(
        INSERT INTO metric_summary(run, key, last_step, last_ts_ms, last_value, min_value, max_value, count)
        VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
        ON CONFLICT(run, key) DO UPDATE SET
          last_value = CASE WHEN excluded.last_step >= last_step THEN excluded.last_value ELSE last_value END,
          last_ts_ms = CASE WHEN excluded.last_step >= last_step THEN excluded.last_ts_ms ELSE last_ts_ms END,
          last_step = MAX(last_step, excluded.last_step),
          min_value = MIN(COALESCE(min_value, excluded.min_value), COALESCE(excluded.min_value, min_value)),
          max_value = MAX(COALESCE(max_value, excluded.max_value), COALESCE(excluded.max_value, max_value)),
          count = count + excluded.count)sql");
    if (!up)
        return up.error();
    for (std::size_t i = 0; i < groups->size(); ++i) {
        const MetricSummary& s = summaries[i];
        up->bind(1, seq).bind(2, (*groups)[i].key).bind(3, s.lastStep).bind(4, s.lastTimestampMs).bind(5, s.last)
            .bind(6, s.min).bind(7, s.max).bind(8, s.count);
        if (auto st = up->run(); !st)
            return st;
    }
    return Ok{};
}

// One key's new points: into the tail while the series trickles, as blocks (tail folded in
// first, so blocks stay in logging order) once there are enough.
Status Store::appendSeries(std::int64_t seq, std::int64_t key, std::vector<blocks::Point>& points)
{
    auto count = m_db->prepare("SELECT COUNT(*) FROM metric_points WHERE run = ?1 AND key = ?2");
    if (!count)
        return count.error();
    count->bind(1, seq).bind(2, key);
    if (auto row = count->step(); !row)
        return row.error();
    const std::int64_t tail = count->int64(0);

    if (tail + static_cast<std::int64_t>(points.size()) < kFoldAt) {
        auto ins = m_db->prepare("INSERT INTO metric_points(run, key, step, ts_ms, value) VALUES(?,?,?,?,?)");
        if (!ins)
            return ins.error();
        for (const blocks::Point& p : points) {
            ins->bind(1, seq).bind(2, key).bind(3, p.step).bind(4, p.timestampMs).bind(5, p.value);
            if (auto s = ins->run(); !s)
                return s;
        }
        return Ok{};
    }

    std::vector<blocks::Point> series;
    if (tail > 0) {
        auto sel = m_db->prepare("SELECT step, ts_ms, value FROM metric_points WHERE run = ?1 AND key = ?2 ORDER BY rowid");
        if (!sel)
            return sel.error();
        sel->bind(1, seq).bind(2, key);
        series.reserve(static_cast<std::size_t>(tail) + points.size());
        if (auto s = forEachRow(*sel, [&](const Statement& r) { series.push_back({r.int64(0), r.int64(1), r.real(2)}); }); !s)
            return s;
        auto del = m_db->prepare("DELETE FROM metric_points WHERE run = ?1 AND key = ?2");
        if (!del)
            return del.error();
        del->bind(1, seq).bind(2, key);
        if (auto s = del->run(); !s)
            return s;
        series.insert(series.end(), points.begin(), points.end());
    } else {
        series = std::move(points);
    }

    auto next = m_db->prepare("SELECT COALESCE(MAX(seq) + 1, 0) FROM metric_blocks WHERE run = ?1 AND key = ?2");
    if (!next)
        return next.error();
    next->bind(1, seq).bind(2, key);
    if (auto row = next->step(); !row)
        return row.error();
    std::int64_t blockSeq = next->int64(0);

    auto ins = m_db->prepare("INSERT INTO metric_blocks(run, key, seq, count, min_step, max_step, min_value, max_value, lod,"
                             " points) VALUES(?,?,?,?,?,?,?,?,?,?)");
    if (!ins)
        return ins.error();
    std::span<const blocks::Point> all(series);
    for (std::size_t at = 0; at < all.size(); at += blocks::kMaxPoints) {
        auto part = all.subspan(at, std::min(blocks::kMaxPoints, all.size() - at));
        blocks::BlockStats st = blocks::stats(part);
        ins->bind(1, seq).bind(2, key).bind(3, blockSeq++).bind(4, st.count).bind(5, st.minStep).bind(6, st.maxStep)
            .bind(7, st.minValue).bind(8, st.maxValue).bindBlob(9, blocks::encodeLod(part))
            .bindBlob(10, blocks::encode(part));
        if (auto s = ins->run(); !s)
            return s;
    }
    return Ok{};
}

std::string Store::damagedBlock(const std::string& runId, const std::string& key, std::int64_t block,
                                const std::string& why) const
{
    return m_path.string() + ": block " + std::to_string(block) + " of metric '" + key + "' of run " + runId
           + " is damaged: " + why;
}

Result<std::vector<MetricPoint>> Store::metrics(const std::string& runId, const std::string& key)
{
    auto seq = runRowId(runId);
    if (!seq)
        return seq.error();
    // Blocks first, then the tail: together they are each key's points in logging order.
    std::map<std::string, std::vector<blocks::Point>> series;
    const std::string keyClause = key.empty() ? "" : " AND k.name = ?2";
    auto sel = m_db->prepare("SELECT k.name, b.seq, b.points FROM metric_blocks b JOIN metric_keys k ON k.id = b.key"
                             " WHERE b.run = ?1" + keyClause + " ORDER BY k.name, b.seq");
    if (!sel)
        return sel.error();
    sel->bind(1, *seq);
    if (!key.empty())
        sel->bind(2, key);
    Status damaged = Ok{};
    if (auto s = forEachRow(*sel, [&](const Statement& r) {
        if (!damaged)
            return;
        std::string name = r.text(0);
        if (auto d = blocks::decode(r.blob(2), series[name]); !d)
            damaged = makeError(damagedBlock(runId, name, r.int64(1), d.message()));
    }); !s)
        return s.error();
    if (!damaged)
        return damaged.error();

    auto tail = m_db->prepare("SELECT k.name, p.step, p.ts_ms, p.value FROM metric_points p JOIN metric_keys k ON k.id = p.key"
                              " WHERE p.run = ?1" + keyClause + " ORDER BY k.name, p.rowid");
    if (!tail)
        return tail.error();
    tail->bind(1, *seq);
    if (!key.empty())
        tail->bind(2, key);
    if (auto s = forEachRow(*tail, [&](const Statement& r) {
        series[r.text(0)].push_back({r.int64(1), r.int64(2), r.real(3)});
    }); !s)
        return s.error();

    std::size_t total = 0;
    for (const auto& [name, pts] : series)
        total += pts.size();
    std::vector<MetricPoint> out;
    out.reserve(total);
    for (auto& [name, pts] : series) {
        blocks::sortByStep(pts);
        for (const blocks::Point& p : pts)
            out.push_back({name, p.step, p.timestampMs, p.value});
    }
    return out;
}

Result<std::int64_t> Store::metricCount(const std::string& runId, const std::string& key)
{
    auto seq = runRowId(runId);
    if (!seq)
        return seq.error();
    const std::string keyJoin = key.empty() ? "" : " JOIN metric_keys k ON k.id = p.key AND k.name = ?2";
    std::int64_t total = 0;
    for (const std::string& sql : {"SELECT COALESCE(SUM(p.count), 0) FROM metric_blocks p" + keyJoin + " WHERE p.run = ?1",
                                   "SELECT COUNT(*) FROM metric_points p" + keyJoin + " WHERE p.run = ?1"}) {
        auto st = m_db->prepare(sql);
        if (!st)
            return st.error();
        st->bind(1, *seq);
        if (!key.empty())
            st->bind(2, key);
        if (auto row = st->step(); !row)
            return row.error();
        total += st->int64(0);
    }
    return total;
}

} // namespace cairn
