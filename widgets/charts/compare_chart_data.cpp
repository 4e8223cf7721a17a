// CompareChart's data side: the x of every point on the chosen axis, the readout under the
// cursor, and exports. Painting and gestures are in compare_chart.cpp.
#include "widgets/charts/compare_chart.h"

#include <QFile>
#include <QLocale>
#include <QPainter>
#include <QSvgGenerator>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <limits>

namespace cairn::widgets {

void CompareChart::recomputeX()
{
    m_xs.assign(m_series.size(), {});
    m_xsSorted.assign(m_series.size(), true);
    for (std::size_t s = 0; s < m_series.size(); ++s) {
        const CompareSeries& cs = m_series[s];
        std::vector<double>& xs = m_xs[s];
        xs.resize(cs.points.size());
        std::int64_t zero = cs.startMs;
        if (zero <= 0 && !cs.points.empty())
            zero = cs.points.front().timestampMs;
        for (std::size_t i = 0; i < cs.points.size(); ++i) {
            const MetricPoint& p = cs.points[i];
            switch (m_xAxis) {
            case XAxis::Step: xs[i] = static_cast<double>(p.step); break;
            case XAxis::WallTime: xs[i] = static_cast<double>(p.timestampMs) / 1000.0; break;
            case XAxis::RelativeTime: xs[i] = static_cast<double>(p.timestampMs - zero) / 1000.0; break;
            }
        }
        m_xsSorted[s] = std::is_sorted(xs.begin(), xs.end());
    }
}

std::pair<std::size_t, std::size_t> CompareChart::visibleSpan(std::size_t s, double lo, double hi) const
{
    const std::vector<double>& xs = m_xs[s];
    if (!m_xsSorted[s])
        return {0, xs.size()};  // out of order in time: the clip rectangle trims instead
    std::size_t begin = static_cast<std::size_t>(std::lower_bound(xs.begin(), xs.end(), lo) - xs.begin());
    std::size_t end = static_cast<std::size_t>(std::upper_bound(xs.begin() + static_cast<std::ptrdiff_t>(begin), xs.end(), hi) - xs.begin());
    if (end == 0 || begin == xs.size())
        return {0, 0};  // the whole curve lies on one side of the window
    return {begin > 0 ? begin - 1 : 0, std::min(end + 1, xs.size())};
}

std::optional<std::pair<double, double>> CompareChart::stepsWithin(double lo, double hi) const
{
    double first = std::numeric_limits<double>::infinity(), last = -first;
    for (std::size_t s = 0; s < m_series.size(); ++s) {
        const CompareSeries& cs = m_series[s];
        if (m_hidden.contains(cs.runId) || cs.points.empty())
            continue;
        auto [begin, end] = visibleSpan(s, lo, hi);
        for (std::size_t i = begin; i < end; ++i) {
            if (m_xsSorted[s] || (m_xs[s][i] >= lo && m_xs[s][i] <= hi)) {
                first = std::min(first, static_cast<double>(cs.points[i].step));
                last = std::max(last, static_cast<double>(cs.points[i].step));
            }
        }
    }
    if (!std::isfinite(first))
        return std::nullopt;
    return std::make_pair(first, last);
}

QString CompareChart::xLabel(double x, const Ticks& t) const
{
    switch (m_xAxis) {
    case XAxis::WallTime: return clockLabel(x, t);
    case XAxis::RelativeTime: return durationLabel(x, t);
    case XAxis::Step: break;
    }
    return tickLabel(x, t);
}

QString CompareChart::readoutAt(double x) const
{
    struct Row {
        double value;
        QString text;
    };
    std::vector<Row> rows;
    std::int64_t shownStep = 0;
    for (std::size_t s = 0; s < m_series.size(); ++s) {
        const CompareSeries& cs = m_series[s];
        if (m_hidden.contains(cs.runId) || cs.points.empty())
            continue;
        const std::vector<double>& xs = m_xs[s];
        std::size_t i = 0;
        if (m_xsSorted[s]) {
            i = static_cast<std::size_t>(std::lower_bound(xs.begin(), xs.end(), x) - xs.begin());
            if (i == xs.size() || (i > 0 && x - xs[i - 1] < xs[i] - x))
                --i;
        } else {
            for (std::size_t j = 1; j < xs.size(); ++j)
                if (std::abs(xs[j] - x) < std::abs(xs[i] - x))
                    i = j;
        }
        const MetricPoint& p = cs.points[i];
        shownStep = p.step;
        QString text = QStringLiteral("%1  %2").arg(cs.label, QString::number(p.value, 'g', QLocale::FloatingPointShortest));
        if (m_xAxis != XAxis::Step)
            text += QStringLiteral("  ") + tr("@ step %1").arg(p.step);
        if (m_smoothing > 0 && s < m_smoothed.size() && i < m_smoothed[s].size())
            text += QStringLiteral("  (") + tr("smoothed %1").arg(m_smoothed[s][i], 0, 'g', 6) + QStringLiteral(")");
        rows.push_back({std::isnan(p.value) ? -INFINITY : p.value, text});
    }
    if (rows.empty())
        return {};
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.value > b.value; });
    QString out = tr("step %1").arg(shownStep);
    if (m_xAxis != XAxis::Step) {
        const auto [lo, hi] = shownRange();
        const Ticks fine{lo, hi, m_xAxis == XAxis::WallTime ? 1.0 : std::min(1.0, (hi - lo) / 100)};
        out = (m_xAxis == XAxis::WallTime ? tr("time %1") : tr("time +%1")).arg(xLabel(x, fine));
    }
    for (const Row& r : rows)
        out += QLatin1Char('\n') + r.text;
    return out;
}


QImage CompareChart::renderImage(QSize size) const
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    render(painter, size, nullptr);
    return image;
}

bool CompareChart::exportPng(const QString& path) const { return renderImage(size()).save(path, "PNG"); }

bool CompareChart::exportSvg(const QString& path) const
{
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(size());
    svg.setViewBox(QRect(QPoint(0, 0), size()));
    svg.setTitle(m_key);
    svg.setDescription(tr("Cairn comparison chart"));
    QPainter painter;
    if (!painter.begin(&svg))
        return false;
    render(painter, size(), nullptr);
    return painter.end();
}

bool CompareChart::exportCsv(const QString& path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return false;
    QTextStream out(&file);
    out << "run,label,key,step,value" << (m_xAxis == XAxis::Step ? "" : ",timestamp_ms") << '\n';
    auto quote = [](QString s) {
        if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n')))
            s = QLatin1Char('"') + s.replace(QLatin1String("\""), QLatin1String("\"\"")) + QLatin1Char('"');
        return s;
    };
    auto [lo, hi] = shownRange();
    for (std::size_t s = 0; s < m_series.size(); ++s) {
        const CompareSeries& cs = m_series[s];
        for (std::size_t i = 0; i < cs.points.size(); ++i) {
            const MetricPoint& p = cs.points[i];
            if (m_xs[s][i] < lo || m_xs[s][i] > hi)
                continue;
            out << cs.runId << ',' << quote(cs.label) << ',' << quote(m_key) << ',' << p.step << ','
                << QString::number(p.value, 'g', 17);
            if (m_xAxis != XAxis::Step)
                out << ',' << p.timestampMs;
            out << '\n';
        }
    }
    out.flush();
    return file.error() == QFile::NoError;
}

} // namespace cairn::widgets
