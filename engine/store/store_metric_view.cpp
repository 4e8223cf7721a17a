// Store::metricView: level-of-detail reads for charts.
#include "engine/store/store.h"

#include "engine/analysis/downsample.h"
#include "engine/store/database.h"
#include "engine/store/metric_block.h"

#include <algorithm>
#include <limits>

namespace cairn {

Result<SeriesView> Store::metricView(const std::string& runId, const std::string& key, std::optional<StepRange> range,
                                     std::size_t buckets)
{
    auto seq = runRowId(runId);
    if (!seq)
        return seq.error();
    const std::int64_t lo = range ? range->lo : std::numeric_limits<std::int64_t>::min();
    const std::int64_t hi = range ? range->hi : std::numeric_limits<std::int64_t>::max();
    buckets = std::max<std::size_t>(buckets, 1);

    struct BlockRef {
        std::int64_t seq, count, minStep, maxStep;
        std::string lod;
    };
    std::vector<BlockRef> refs;
    auto sel = m_db->prepare("SELECT b.seq, b.count, b.min_step, b.max_step, b.lod FROM metric_blocks b"
                             " JOIN metric_keys k ON k.id = b.key AND k.name = ?2"
                             " WHERE b.run = ?1 AND b.max_step >= ?3 AND b.min_step <= ?4 ORDER BY b.seq");
    if (!sel)
        return sel.error();
    sel->bind(1, *seq).bind(2, key).bind(3, lo).bind(4, hi);
    if (auto s = forEachRow(*sel, [&](const Statement& r) {
        refs.push_back({r.int64(0), r.int64(1), r.int64(2), r.int64(3), std::string(r.blob(4))});
    }); !s)
        return s.error();

    SeriesView view;
    std::int64_t total = 0;
    for (const BlockRef& b : refs)
        total += b.count;
    // Zoomed out, a block's sixteenths are narrower than a pixel column: its level of detail
    // is all the chart can show. Otherwise (or when everything fits anyway) read its points.
    const bool fewPoints = total <= static_cast<std::int64_t>(4 * buckets);
    const double first = static_cast<double>(range ? lo : (refs.empty() ? 0 : refs.front().minStep));
    double last = static_cast<double>(range ? hi : first);
    if (!range)
        for (const BlockRef& b : refs)
            last = std::max(last, static_cast<double>(b.maxStep));
    const double bucketWidth = (last - first) / static_cast<double>(buckets);

    std::vector<blocks::Point> points;
    auto raw = m_db->prepare("SELECT points FROM metric_blocks WHERE run = ?1 AND key = (SELECT id FROM metric_keys"
                             " WHERE name = ?2) AND seq = ?3");
    if (!raw)
        return raw.error();
    for (const BlockRef& b : refs) {
        const double partWidth = static_cast<double>(b.maxStep - b.minStep) / static_cast<double>(blocks::kLodParts);
        const bool inside = b.minStep >= lo && b.maxStep <= hi;
        Status decoded = Ok{};
        if (!fewPoints && inside && partWidth <= bucketWidth) {
            decoded = blocks::decode(b.lod, points);
            view.reduced = true;
        } else {
            raw->bind(1, *seq).bind(2, key).bind(3, b.seq);
            auto row = raw->step();
            if (!row)
                return row.error();
            std::vector<blocks::Point> all;
            decoded = blocks::decode(raw->blob(0), all);
            raw->reset();
            for (const blocks::Point& p : all)
                if (p.step >= lo && p.step <= hi)
                    points.push_back(p);
        }
        if (!decoded)
            return makeError(damagedBlock(runId, key, b.seq, decoded.message()));
    }

    auto tail = m_db->prepare("SELECT p.step, p.ts_ms, p.value FROM metric_points p JOIN metric_keys k ON k.id = p.key"
                              " AND k.name = ?2 WHERE p.run = ?1 AND p.step BETWEEN ?3 AND ?4 ORDER BY p.rowid");
    if (!tail)
        return tail.error();
    tail->bind(1, *seq).bind(2, key).bind(3, lo).bind(4, hi);
    std::int64_t tailCount = 0;
    if (auto s = forEachRow(*tail, [&](const Statement& r) {
        points.push_back({r.int64(0), r.int64(1), r.real(2)});
        ++tailCount;
    }); !s)
        return s.error();

    blocks::sortByStep(points);
    view.storedCount = total + tailCount;
    // Reduce the packed points first and build MetricPoints only for the few kept.
    const std::vector<std::size_t> keep = analysis::minMaxIndices(std::span<const blocks::Point>(points), buckets);
    view.reduced = view.reduced || keep.size() < points.size();
    view.points.reserve(keep.size());
    for (std::size_t i : keep)
        view.points.push_back({key, points[i].step, points[i].timestampMs, points[i].value});
    return view;
}

} // namespace cairn
