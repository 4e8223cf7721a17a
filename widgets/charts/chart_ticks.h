// Axis arithmetic shared by Cairn's charts: round tick spacing and label precision.
#pragma once

#include <QString>

namespace cairn::widgets {

// Round tick spacing (1, 2 or 5 times a power of ten) and a range snapped to it. Ticks are
// anchored at 0 so labels are exact multiples (no "-2.776e-17" where 0 belongs).
struct Ticks {
    double lo = 0, hi = 1, interval = 1;
};

Ticks niceTicks(double lo, double hi, int target, double minInterval);
// Like niceTicks but keeps [lo, hi] as given (for a zoomed axis); ticks fall inside it.
Ticks ticksWithin(double lo, double hi, int target, double minInterval);
// printf-style format with as many decimals as the spacing needs, so neighbouring labels never
// read the same (104.95 and 105.00, not "105" twice); very large or tiny values in %g form.
QString tickFormat(const Ticks& t);
QString tickLabel(double value, const Ticks& t);

} // namespace cairn::widgets
