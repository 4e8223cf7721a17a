// Level-of-detail for drawing long series: the step range is cut into buckets and each bucket
// keeps its first, lowest, highest and last point, in step order. A line through what is kept
// covers the same vertical extent in every bucket as a line through all points, so a single
// spike among millions stays visible (unlike sampling every n-th point or a reservoir).
#pragma once

#include "engine/store/types.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <span>
#include <vector>

namespace cairn::analysis {

// The indices downsampleMinMax keeps, for any point type with `step` and `value` members (the
// store reduces its packed points before turning the few kept into MetricPoints).
template <typename P>
std::vector<std::size_t> minMaxIndices(std::span<const P> points, std::size_t buckets)
{
    std::vector<std::size_t> out;
    if (buckets == 0 || points.size() <= 4 * buckets) {
        out.resize(points.size());
        for (std::size_t i = 0; i < out.size(); ++i)
            out[i] = i;
        return out;
    }
    out.reserve(4 * buckets);
    const double first = static_cast<double>(points.front().step);
    const double span = static_cast<double>(points.back().step) - first;
    auto bucketOf = [&](std::size_t i) -> std::size_t {
        if (!(span > 0))
            return 0;
        const double b = (static_cast<double>(points[i].step) - first) / span * static_cast<double>(buckets);
        return std::min(buckets - 1, static_cast<std::size_t>(b));
    };
    std::size_t begin = 0;
    while (begin < points.size()) {
        // Equal steps never straddle two buckets.
        const std::size_t b = bucketOf(begin);
        std::size_t end = begin + 1;
        while (end < points.size() && bucketOf(end) == b)
            ++end;
        std::size_t lo = begin, hi = begin;
        for (std::size_t i = begin; i < end; ++i) {
            const double v = points[i].value;
            if (std::isnan(v))
                continue;
            if (std::isnan(points[lo].value) || v < points[lo].value)
                lo = i;
            if (std::isnan(points[hi].value) || v > points[hi].value)
                hi = i;
        }
        const std::array<std::size_t, 4> keep = {begin, std::min(lo, hi), std::max(lo, hi), end - 1};
        for (std::size_t k = 0; k < keep.size(); ++k)
            if (k == 0 || keep[k] != keep[k - 1])
                out.push_back(keep[k]);
        begin = end;
    }
    return out;
}

// Points must be ordered by step. Series of at most 4 * buckets points come back unchanged.
// NaN values are kept as they are (the chart decides how to show them).
std::vector<MetricPoint> downsampleMinMax(std::span<const MetricPoint> points, std::size_t buckets);

} // namespace cairn::analysis
