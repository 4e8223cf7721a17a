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

// Ticks for an axis in seconds: spacing snaps to clock units (1, 2, 5, 10, 15, 30 s; 1, 2, 5,
// 10, 15, 30 min; 1, 2, 3, 6, 12 h; days), below a second it falls back to decimal spacing.
Ticks timeTicksWithin(double lo, double hi, int target);
// "45s", "1m30s", "2h", "1d6h": an elapsed time in seconds at the precision the spacing needs.
QString durationLabel(double seconds, const Ticks& t);
// A local clock time for seconds since the Unix epoch: "14:05:30", "14:05" or "23 Nov" as the
// spacing needs ("23 Nov 14:05" when the axis spans more than a day at sub-day spacing).
QString clockLabel(double epochSeconds, const Ticks& t);

} // namespace cairn::widgets
