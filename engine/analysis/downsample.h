// Level-of-detail for drawing long series: the step range is cut into buckets and each bucket
// keeps its first, lowest, highest and last point, in step order. A line through what is kept
// covers the same vertical extent in every bucket as a line through all points, so a single
// spike among millions stays visible (unlike sampling every n-th point or a reservoir).
#pragma once

#include "engine/store/types.h"

#include <span>
#include <vector>

namespace cairn::analysis {

// Points must be ordered by step. Series of at most 4 * buckets points come back unchanged.
// NaN values are kept as they are (the chart decides how to show them).
std::vector<MetricPoint> downsampleMinMax(std::span<const MetricPoint> points, std::size_t buckets);

} // namespace cairn::analysis
