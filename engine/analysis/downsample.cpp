#include "engine/analysis/downsample.h"

namespace cairn::analysis {

std::vector<MetricPoint> downsampleMinMax(std::span<const MetricPoint> points, std::size_t buckets)
{
    std::vector<MetricPoint> out;
    const std::vector<std::size_t> keep = minMaxIndices(points, buckets);
    out.reserve(keep.size());
    for (std::size_t i : keep)
        out.push_back(points[i]);
    return out;
}

} // namespace cairn::analysis
