#include "widgets/charts/chart_ticks.h"

#include <QDateTime>

#include <algorithm>
#include <array>
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

Ticks timeTicksWithin(double lo, double hi, int target)
{
    if (!(hi > lo))
        return ticksWithin(lo, hi, target, 0.0);
    const double raw = (hi - lo) / std::max(target, 1);
    if (raw < 1.0)
        return ticksWithin(lo, hi, target, 0.0);
    static constexpr std::array<double, 18> clock = {1,    2,    5,    10,   15,    30,    60,    120,   300,
                                                     600,  900,  1800, 3600, 7200,  10800, 21600, 43200, 86400};
    for (double c : clock)
        if (raw <= c * 1.2)
            return {lo, hi, c};
    const Ticks days = ticksWithin(lo / 86400, hi / 86400, target, 1.0);
    return {lo, hi, days.interval * 86400};
}

QString durationLabel(double seconds, const Ticks& t)
{
    if (std::abs(seconds) < t.interval * 1e-9)
        return QStringLiteral("0");
    if (t.interval < 1.0) {
        Ticks s = t;
        return tickLabel(seconds, s) + QLatin1Char('s');
    }
    QString sign = seconds < 0 ? QStringLiteral("-") : QString();
    auto total = static_cast<long long>(std::llround(std::abs(seconds)));
    const long long d = total / 86400, h = total / 3600 % 24, m = total / 60 % 60, s = total % 60;
    QString out;
    auto part = [&](long long v, char unit) {
        if (v)
            out += QString::number(v) + QLatin1Char(unit);
    };
    part(d, 'd');
    part(h, 'h');
    if (t.interval < 86400)
        part(m, 'm');
    if (t.interval < 60)
        part(s, 's');
    return sign + (out.isEmpty() ? QStringLiteral("0") : out);
}

QString clockLabel(double epochSeconds, const Ticks& t)
{
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(std::llround(epochSeconds * 1000)));
    if (t.interval >= 86400)
        return when.toString(QStringLiteral("d MMM"));
    QString time = when.toString(t.interval < 60 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
    if (t.hi - t.lo > 86400)
        time = when.toString(QStringLiteral("d MMM ")) + time;
    return time;
}

} // namespace cairn::widgets
