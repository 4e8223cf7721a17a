#include "engine/analysis/downsample.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace cairn::analysis {

std::vector<MetricPoint> downsampleMinMax(std::span<const MetricPoint> points, std::size_t buckets)
{
    if (buckets == 0 || points.size() <= 4 * buckets)
        return {points.begin(), points.end()};
    std::vector<MetricPoint> out;
    out.reserve(4 * buckets);
    const double first = static_cast<double>(points.front().step);
    const double span = static_cast<double>(points.back().step) - first;
    std::size_t begin = 0;
    while (begin < points.size()) {
        // The bucket of points[begin] by its step; equal steps never straddle two buckets.
        std::size_t b = span > 0 ? std::min(buckets - 1, static_cast<std::size_t>((static_cast<double>(points[begin].step) - first) / span
                                                                                   * static_cast<double>(buckets)))
                                 : 0;
        std::size_t end = begin + 1;
        while (end < points.size()) {
            std::size_t eb = span > 0 ? std::min(buckets - 1, static_cast<std::size_t>((static_cast<double>(points[end].step) - first)
                                                                                        / span * static_cast<double>(buckets)))
                                      : 0;
            if (eb != b)
                break;
            ++end;
        }
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
        std::array<std::size_t, 4> keep = {begin, std::min(lo, hi), std::max(lo, hi), end - 1};
        std::size_t last = static_cast<std::size_t>(-1);
        for (std::size_t i : keep) {
            if (i != last)
                out.push_back(points[i]);
            last = i;
        }
        begin = end;
    }
    return out;
}

} // namespace cairn::analysis
