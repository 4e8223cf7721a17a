#include "widgets/charts/compare_chart.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPolygonF>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>

namespace cairn::widgets {
namespace {

constexpr double kLeft = 64, kRight = 12, kTop = 26, kBottom = 30;

bool drawable(double v, bool log) { return std::isfinite(v) && (!log || v > 0); }

// Adds one curve to `path`, cut into pixel columns: each column keeps its first, lowest,
// highest and last vertex in drawing order, so the line covers what every point would have
// covered at a fraction of the vertices. Non-drawable values break the line.
int addCurve(std::vector<QPolygonF>& path, const std::vector<double>& xs, const std::vector<MetricPoint>& pts,
             const std::vector<double>* values, std::size_t begin, std::size_t end, const auto& toPx)
{
    int vertices = 0;
    bool open = false;
    long column = std::numeric_limits<long>::min();
    QPointF first, lo, hi, last;
    bool loFirst = true;
    auto flushColumn = [&] {
        if (column == std::numeric_limits<long>::min())
            return;
        QPointF seq[4] = {first, loFirst ? lo : hi, loFirst ? hi : lo, last};
        for (int i = 0; i < 4; ++i) {
            if (i > 0 && seq[i] == seq[i - 1])
                continue;
            if (!open) {
                path.emplace_back();
                open = true;
            }
            path.back().append(seq[i]);
            ++vertices;
        }
    };
    for (std::size_t i = begin; i < end; ++i) {
        const double v = values ? (*values)[i] : pts[i].value;
        auto p = toPx(xs[i], v);
        if (!p) {
            flushColumn();
            column = std::numeric_limits<long>::min();
            open = false;
            continue;
        }
        long c = static_cast<long>(std::floor(p->x()));
        if (c != column) {
            flushColumn();
            column = c;
            first = lo = hi = last = *p;
            loFirst = true;
            continue;
        }
        if (p->y() > lo.y()) {  // screen y grows downwards: lowest value = largest y
            lo = *p;
            loFirst = false;
        }
        if (p->y() < hi.y()) {
            hi = *p;
            loFirst = true;
        }
        last = *p;
    }
    flushColumn();
    return vertices;
}

} // namespace

QColor seriesColor(int index)
{
    static const QRgb base[] = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
                                0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
    QColor c(base[index % 10]);
    int round = (index / 10) % 3;
    return round == 0 ? c : round == 1 ? c.darker(140) : c.lighter(135);
}

CompareChart::CompareChart(const QString& key, QWidget* parent) : QWidget(parent), m_key(key), m_settle(new QTimer(this))
{
    setMinimumSize(320, 220);
    setMouseTracking(true);
    setFocusPolicy(Qt::ClickFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_settle->setSingleShot(true);
    connect(m_settle, &QTimer::timeout, this, [this] {
        invalidate();
        auto [lo, hi] = shownRange();
        const int columns = std::max(1, static_cast<int>(plotRect(size()).width()));
        if (m_xAxis != XAxis::Step && m_range) {
            // Time axes fetch by step: the steps whose points lie in the shown time window.
            auto steps = stepsWithin(lo, hi);
            if (!steps)
                return;
            lo = steps->first;
            hi = steps->second;
        }
        Q_EMIT rangeChanged(m_key, lo, hi, !m_range.has_value(), columns);
    });
}

void CompareChart::setSeries(std::vector<CompareSeries> series)
{
    m_series = std::move(series);
    recomputeSmoothed();
    recomputeX();
    invalidate();
}

void CompareChart::setXAxis(XAxis axis)
{
    if (axis == m_xAxis)
        return;
    m_xAxis = axis;
    const bool zoomed = m_range.has_value();
    m_range.reset();
    recomputeX();
    if (zoomed)
        settleSoon(0);  // the data held is a zoomed step window: fetch the whole range again
    else
        invalidate();
}

void CompareChart::setHiddenRuns(const QSet<QString>& runIds)
{
    m_hidden = runIds;
    invalidate();
}

void CompareChart::setSmoothing(double weight)
{
    m_smoothing = std::clamp(weight, 0.0, 0.999);
    recomputeSmoothed();
    invalidate();
}

void CompareChart::setLogScale(bool on)
{
    m_log = on;
    invalidate();
}

void CompareChart::setStepRange(std::optional<std::pair<double, double>> range)
{
    if (range && !(range->second > range->first))
        range.reset();
    m_range = range;
    invalidate();
}

void CompareChart::recomputeSmoothed()
{
    // TensorBoard's debiased EMA, so the first points are not dragged towards zero.
    m_smoothed.assign(m_series.size(), {});
    if (m_smoothing <= 0)
        return;
    for (std::size_t s = 0; s < m_series.size(); ++s) {
        const auto& pts = m_series[s].points;
        auto& out = m_smoothed[s];
        out.resize(pts.size());
        double acc = 0, weight = 1;
        for (std::size_t i = 0; i < pts.size(); ++i) {
            if (!std::isfinite(pts[i].value)) {
                out[i] = pts[i].value;
                continue;
            }
            acc = acc * m_smoothing + (1 - m_smoothing) * pts[i].value;
            weight *= m_smoothing;
            out[i] = acc / (1 - weight);
        }
    }
}

std::pair<double, double> CompareChart::shownRange() const
{
    if (m_range)
        return *m_range;
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (std::size_t s = 0; s < m_series.size(); ++s) {
        if (m_series[s].points.empty() || m_hidden.contains(m_series[s].runId))
            continue;
        const std::vector<double>& xs = m_xs[s];
        if (m_xsSorted[s]) {
            lo = std::min(lo, xs.front());
            hi = std::max(hi, xs.back());
        } else {
            auto [mn, mx] = std::minmax_element(xs.begin(), xs.end());
            lo = std::min(lo, *mn);
            hi = std::max(hi, *mx);
        }
    }
    if (!std::isfinite(lo))
        return {0, 1};
    if (hi <= lo)
        return {lo - 1, hi + 1};
    return {lo, hi};
}

QRectF CompareChart::plotRect(QSizeF size)
{
    return QRectF(kLeft, kTop, std::max(10.0, size.width() - kLeft - kRight), std::max(10.0, size.height() - kTop - kBottom));
}

CompareChart::Frame CompareChart::frameFor(QSizeF size) const
{
    Frame f;
    f.plot = plotRect(size);
    std::tie(f.x0, f.x1) = shownRange();
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (std::size_t s = 0; s < m_series.size(); ++s) {
        const CompareSeries& cs = m_series[s];
        if (m_hidden.contains(cs.runId))
            continue;
        for (std::size_t i = 0; i < cs.points.size(); ++i) {
            const MetricPoint& p = cs.points[i];
            const double x = m_xs[s][i];
            if (x < f.x0 || x > f.x1 || !drawable(p.value, m_log))
                continue;
            const double v = m_log ? std::log10(p.value) : p.value;
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    if (!std::isfinite(lo)) {
        lo = 0;
        hi = 1;
    }
    const double air = (hi - lo) * 0.04;
    f.yTicks = m_log ? ticksWithin(lo - air, hi + air, 5, 1.0) : niceTicks(lo - air, hi + air, 5, 0.0);
    if (m_log) {  // decades: snap outwards to whole powers of ten
        f.yTicks.lo = std::floor(f.yTicks.lo);
        f.yTicks.hi = std::ceil(f.yTicks.hi);
    }
    f.y0 = f.yTicks.lo;
    f.y1 = f.yTicks.hi;
    f.xTicks = m_xAxis == XAxis::Step ? ticksWithin(f.x0, f.x1, 6, 1.0) : timeTicksWithin(f.x0, f.x1, 5);
    return f;
}

void CompareChart::render(QPainter& painter, QSizeF size, int* vertices) const
{
    const Frame f = frameFor(size);
    painter.fillRect(QRectF(QPointF(0, 0), size), Qt::white);
    QFont font = painter.font();
    QFont bold = font;
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(QColor(0x20, 0x24, 0x28));
    std::int64_t stored = 0;
    bool reduced = false;
    for (const CompareSeries& s : m_series) {
        stored += s.storedCount;
        reduced = reduced || s.reduced;
    }
    QString title = m_key;
    if (reduced)
        title += QStringLiteral("   ") + tr("(%L1 points, every spike kept)").arg(stored);
    painter.drawText(QRectF(kLeft, 2, size.width() - kLeft - kRight, kTop - 4), Qt::AlignLeft | Qt::AlignVCenter, title);

    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.85);
    painter.setFont(small);
    const QColor grid(0xe3, 0xe6, 0xea), label(0x50, 0x55, 0x5c);
    auto xPx = [&](double x) { return f.plot.left() + (x - f.x0) / (f.x1 - f.x0) * f.plot.width(); };
    auto yPx = [&](double y) { return f.plot.bottom() - (y - f.y0) / (f.y1 - f.y0) * f.plot.height(); };
    const double xFirst = std::ceil(f.x0 / f.xTicks.interval) * f.xTicks.interval;
    for (double x = xFirst; x <= f.x1 + f.xTicks.interval * 1e-9; x += f.xTicks.interval) {
        const double px = xPx(x);
        painter.setPen(grid);
        painter.drawLine(QPointF(px, f.plot.top()), QPointF(px, f.plot.bottom()));
        painter.setPen(label);
        painter.drawText(QRectF(px - 50, f.plot.bottom() + 3, 100, 16), Qt::AlignHCenter | Qt::AlignTop,
                         xLabel(x, f.xTicks));
    }
    const double yStep = m_log ? 1.0 : f.yTicks.interval;
    for (double y = std::ceil(f.y0 / yStep) * yStep; y <= f.y1 + yStep * 1e-9; y += yStep) {
        const double py = yPx(y);
        painter.setPen(grid);
        painter.drawLine(QPointF(f.plot.left(), py), QPointF(f.plot.right(), py));
        painter.setPen(label);
        QString text = m_log ? QStringLiteral("1e%1").arg(static_cast<int>(std::lround(y))) : tickLabel(y, f.yTicks);
        painter.drawText(QRectF(0, py - 8, kLeft - 6, 16), Qt::AlignRight | Qt::AlignVCenter, text);
    }
    painter.drawText(QRectF(f.plot.left(), f.plot.bottom() + 14, f.plot.width(), 16), Qt::AlignRight | Qt::AlignTop,
                     m_xAxis == XAxis::Step       ? tr("step")
                     : m_xAxis == XAxis::WallTime ? tr("wall time")
                                                  : tr("relative time"));
    painter.setPen(QColor(0xb8, 0xbe, 0xc6));
    painter.drawRect(f.plot);

    painter.save();
    painter.setClipRect(f.plot.adjusted(-1, -1, 1, 1));
    auto toPx = [&](double x, double v) -> std::optional<QPointF> {
        if (!drawable(v, m_log))
            return std::nullopt;
        return QPointF(xPx(x), yPx(m_log ? std::log10(v) : v));
    };
    // Many curves: 1-pixel lines without antialiasing take the raster engine's fast path (an
    // order of magnitude faster than wide antialiased strokes at 100 runs of dense data).
    std::size_t estimate = 0;
    for (const CompareSeries& cs : m_series)
        if (!m_hidden.contains(cs.runId))
            estimate += std::min(cs.points.size(), static_cast<std::size_t>(4 * f.plot.width()));
    const bool dense = estimate > 40000;
    painter.setRenderHint(QPainter::Antialiasing, !dense);
    auto pen = [&](const QColor& c, double width) {
        QPen p(c, dense ? 0.0 : width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        p.setCosmetic(dense);
        return p;
    };
    int drawn = 0;
    for (std::size_t s = 0; s < m_series.size(); ++s) {
        const CompareSeries& cs = m_series[s];
        if (m_hidden.contains(cs.runId) || cs.points.empty())
            continue;
        // One point beyond each edge, so lines run to the frame when zoomed in.
        const auto [begin, end] = visibleSpan(s, f.x0, f.x1);
        const bool smooth = m_smoothing > 0 && s < m_smoothed.size() && !m_smoothed[s].empty();
        // Polylines, not a QPainterPath: stroking a path outlines it first, which costs
        // several times more for the same pixels.
        std::vector<QPolygonF> raw;
        drawn += addCurve(raw, m_xs[s], cs.points, nullptr, begin, end, toPx);
        QColor c = cs.color;
        if (smooth)
            c.setAlphaF(0.25);
        painter.setPen(pen(c, smooth ? 1.0 : 1.5));
        for (const QPolygonF& line : raw)
            painter.drawPolyline(line);
        if (smooth) {
            std::vector<QPolygonF> sm;
            drawn += addCurve(sm, m_xs[s], cs.points, &m_smoothed[s], begin, end, toPx);
            painter.setPen(pen(cs.color, 1.7));
            for (const QPolygonF& line : sm)
                painter.drawPolyline(line);
        }
    }
    painter.restore();
    if (vertices)
        *vertices = drawn;
}

void CompareChart::invalidate()
{
    m_cacheValid = false;
    update();
}

void CompareChart::settleSoon(int ms)
{
    m_settle->start(ms);
    update();
}

void CompareChart::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    if (!m_cacheValid || m_cache.size() != size() * devicePixelRatioF()) {
        if (m_settle->isActive() && !m_cache.isNull()) {
            // Mid-gesture: move what was drawn; the full redraw comes when the gesture settles.
            painter.drawImage(rect(), m_cache);
            auto [lo, hi] = shownRange();
            const QRectF plot = m_cachePlot;
            auto px = [&](double x) { return plot.left() + (x - lo) / (hi - lo) * plot.width(); };
            painter.fillRect(plot, Qt::white);
            painter.setClipRect(plot);
            const double dpr = m_cache.devicePixelRatio();
            QRectF source(plot.left() * dpr, plot.top() * dpr, plot.width() * dpr, plot.height() * dpr);
            painter.drawImage(QRectF(QPointF(px(m_cacheRange.first), plot.top()), QPointF(px(m_cacheRange.second), plot.bottom())),
                              m_cache, source);
            painter.setClipping(false);
        } else {
            m_cache = QImage(size() * devicePixelRatioF(), QImage::Format_ARGB32_Premultiplied);
            m_cache.setDevicePixelRatio(devicePixelRatioF());
            QPainter cachePainter(&m_cache);
            render(cachePainter, size(), &m_lastVertices);
            m_cacheValid = true;
            m_cacheRange = shownRange();
            m_cachePlot = plotRect(size());
            painter.drawImage(0, 0, m_cache);
        }
    } else {
        painter.drawImage(0, 0, m_cache);
    }
    if (m_hoverX && m_cachePlot.contains(QPointF(*m_hoverX, m_cachePlot.center().y()))) {
        painter.setPen(QPen(QColor(0x60, 0x66, 0x70), 1, Qt::DashLine));
        painter.drawLine(QPointF(*m_hoverX, m_cachePlot.top()), QPointF(*m_hoverX, m_cachePlot.bottom()));
    }
}

void CompareChart::resizeEvent(QResizeEvent*) { invalidate(); }

double CompareChart::stepAtPixel(double x) const
{
    // Only the x mapping: no need to scan points for the value range (this runs on every
    // mouse move).
    const QRectF plot = plotRect(size());
    const auto [x0, x1] = shownRange();
    return x0 + (x - plot.left()) / plot.width() * (x1 - x0);
}

void CompareChart::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    auto [lo, hi] = shownRange();
    const double anchor = stepAtPixel(event->position().x());
    const double factor = std::pow(0.8, steps);
    double nlo = anchor - (anchor - lo) * factor, nhi = anchor + (hi - anchor) * factor;
    if (nhi - nlo < (m_xAxis == XAxis::Step ? 2.0 : 0.01))  // never closer than a couple of steps
        return;
    m_range = std::make_pair(nlo, nhi);
    settleSoon(150);
    event->accept();
}

void CompareChart::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_dragging = true;
    m_dragStart = event->position();
    m_dragStartRange = shownRange();
    setCursor(Qt::ClosedHandCursor);
}

void CompareChart::mouseMoveEvent(QMouseEvent* event)
{
    if (m_dragging) {
        const double dx = event->position().x() - m_dragStart.x();
        const double span = m_dragStartRange.second - m_dragStartRange.first;
        const double shift = -dx / std::max(1.0, m_cachePlot.width()) * span;
        m_range = std::make_pair(m_dragStartRange.first + shift, m_dragStartRange.second + shift);
        m_settle->start(400);  // redraw once the hand rests
        update();
        return;
    }
    m_hoverX = event->position().x();
    update();
    if (m_cachePlot.contains(event->position())) {
        QString text = readoutAt(stepAtPixel(event->position().x()));
        QToolTip::showText(event->globalPosition().toPoint() + QPoint(14, 10), text, this);
    } else {
        QToolTip::hideText();
    }
}

void CompareChart::mouseReleaseEvent(QMouseEvent* event)
{
    if (!m_dragging || event->button() != Qt::LeftButton)
        return;
    m_dragging = false;
    unsetCursor();
    if (event->position() != m_dragStart)
        settleSoon(0);
}

void CompareChart::mouseDoubleClickEvent(QMouseEvent*)
{
    m_range.reset();
    settleSoon(0);
}

void CompareChart::leaveEvent(QEvent*)
{
    m_hoverX.reset();
    QToolTip::hideText();
    update();
}

} // namespace cairn::widgets
