#include "widgets/charts/plot_axis.h"

#include <QPainter>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>
#include <limits>

namespace cairn::widgets {
namespace {

QString decadeLabel(int k)
{
    if (k >= -4 && k <= 5)
        return QString::number(std::pow(10.0, k), 'f', std::max(0, -k));
    return QStringLiteral("1e%1").arg(k);
}

} // namespace

std::optional<double> PlotAxis::position(std::size_t run) const
{
    if (!field)
        return std::nullopt;
    auto v = field->position(run);
    if (!v || categorical)
        return v;
    if (!std::isfinite(*v) || (log && *v <= 0))
        return std::nullopt;
    return log ? std::log10(*v) : *v;
}

double PlotAxis::toValue(double position) const { return log && !categorical ? std::pow(10.0, position) : position; }

double PlotAxis::fromValue(double value) const
{
    if (log && !categorical)
        return value > 0 ? std::log10(value) : -std::numeric_limits<double>::infinity();
    return value;
}

PlotAxis makeAxis(const PlotField& field, const std::vector<std::size_t>& runs, bool log, int ticks)
{
    PlotAxis a;
    a.field = &field;
    a.categorical = !field.numeric;
    a.log = log && field.numeric;
    if (a.categorical) {
        const int n = static_cast<int>(field.categories.size());
        a.lo = -0.5;
        a.hi = std::max(1, n) - 0.5;
        a.ticks = {a.lo, a.hi, 1.0};
        for (int i = 0; i < n; ++i)
            a.tickLabels.emplace_back(i, field.categories[i]);
        return a;
    }
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (std::size_t r : runs)
        if (auto p = a.position(r)) {
            lo = std::min(lo, *p);
            hi = std::max(hi, *p);
        }
    if (!std::isfinite(lo)) {
        lo = 0;
        hi = 1;
    }
    if (a.log) {
        // Whole decades, as the line charts' log axes.
        a.lo = std::floor(lo);
        a.hi = std::max(a.lo + 1, std::ceil(hi));
        a.ticks = {a.lo, a.hi, 1.0};
        const int step = std::max(1, static_cast<int>(std::ceil((a.hi - a.lo) / std::max(1, ticks))));
        for (int k = static_cast<int>(a.lo); k <= static_cast<int>(a.hi); k += step)
            a.tickLabels.emplace_back(k, decadeLabel(k));
        return a;
    }
    const double air = (hi - lo) * 0.05;
    a.ticks = niceTicks(lo - air, hi + air, ticks, 0.0);
    a.lo = a.ticks.lo;
    a.hi = a.ticks.hi;
    for (double t = std::ceil(a.lo / a.ticks.interval - 1e-9) * a.ticks.interval; t <= a.hi + a.ticks.interval * 1e-9;
         t += a.ticks.interval)
        a.tickLabels.emplace_back(t, tickLabel(t, a.ticks));
    return a;
}

QImage PlotWidget::renderImage(QSize size) const
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    render(painter, size);
    return image;
}

bool PlotWidget::exportPng(const QString& path) const { return renderImage(size()).save(path, "PNG"); }

bool PlotWidget::exportSvg(const QString& path) const
{
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(size());
    svg.setViewBox(QRect(QPoint(0, 0), size()));
    svg.setTitle(title());
    svg.setDescription(tr("Cairn comparison plot"));
    QPainter painter;
    if (!painter.begin(&svg))
        return false;
    render(painter, size());
    return painter.end();
}

void PlotWidget::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    render(painter, size());
    paintOverlay(painter);
}

namespace plotstyle {
QColor grid() { return QColor(0xe3, 0xe6, 0xea); }
QColor label() { return QColor(0x50, 0x55, 0x5c); }
QColor frame() { return QColor(0xb8, 0xbe, 0xc6); }
QColor text() { return QColor(0x20, 0x24, 0x28); }
QColor faded() { return QColor(0xd4, 0xd8, 0xde); }
} // namespace plotstyle

} // namespace cairn::widgets
