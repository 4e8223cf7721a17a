#include "widgets/charts/chart_ticks.h"

#include <algorithm>
#include <cmath>

namespace cairn::widgets {

Ticks niceTicks(double lo, double hi, int target, double minInterval)
{
    Ticks t = ticksWithin(lo, hi, target, minInterval);
    return {std::floor(t.lo / t.interval) * t.interval, std::ceil(t.hi / t.interval) * t.interval, t.interval};
}

Ticks ticksWithin(double lo, double hi, int target, double minInterval)
{
    if (!(hi > lo)) {
        double d = lo == 0 ? 1.0 : std::abs(lo) * 0.1;
        lo -= d;
        hi += d;
    }
    double raw = (hi - lo) / std::max(target, 1);
    double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double f = raw / magnitude;
    double interval = (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * magnitude;
    return {lo, hi, std::max(interval, minInterval)};
}

QString tickFormat(const Ticks& t)
{
    const double magnitude = std::max(std::abs(t.lo), std::abs(t.hi));
    if (magnitude >= 1e6 || (magnitude > 0 && magnitude < 1e-4))
        return QStringLiteral("%.3g");
    int decimals = t.interval > 0 ? std::max(0, static_cast<int>(std::ceil(-std::log10(t.interval) - 1e-9))) : 0;
    return QStringLiteral("%.") + QString::number(std::min(decimals, 8)) + QStringLiteral("f");
}

QString tickLabel(double value, const Ticks& t)
{
    if (std::abs(value) < t.interval * 1e-9)
        value = 0;  // no "-0.00"
    return QString::asprintf(tickFormat(t).toLatin1().constData(), value);
}

} // namespace cairn::widgets
