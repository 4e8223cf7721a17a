#include "widgets/charts/parallel_chart.h"

#include <QFile>
#include <QFontMetricsF>
#include <QMouseEvent>
#include <QPainter>
#include <QTextStream>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace cairn::widgets {
namespace {

constexpr double kTitle = 26, kLeft = 64, kRight = 48, kMissingGap = 18, kBottom = 30, kGrab = 10, kPick = 6;

QFont smallFont(QFont f)
{
    f.setPointSizeF(f.pointSizeF() * 0.85);
    return f;
}

double segmentDistance(QPointF p, QPointF a, QPointF b)
{
    const QPointF d = b - a;
    const double len2 = d.x() * d.x() + d.y() * d.y();
    double t = len2 > 0 ? ((p.x() - a.x()) * d.x() + (p.y() - a.y()) * d.y()) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    const QPointF q = a + t * d;
    return std::hypot(p.x() - q.x(), p.y() - q.y());
}

const QColor kBrushFill(0x1f, 0x77, 0xb4, 46), kBrushEdge(0x1f, 0x77, 0xb4, 170);

} // namespace

ParallelChart::ParallelChart(QWidget* parent) : PlotWidget(parent)
{
    setObjectName(QStringLiteral("parallelChart"));
    setMinimumSize(420, 280);
    setMouseTracking(true);
}

// Defined here, not in the header: lupdate files a tr() of an inline function under another context.
QString ParallelChart::title() const { return tr("Parallel coordinates"); }

void ParallelChart::setTable(PlotTable table)
{
    m_table = std::move(table);
    setFields(m_fields);
}

void ParallelChart::setColors(const std::vector<QColor>& colors)
{
    for (std::size_t i = 0; i < colors.size() && i < m_table.runs.size(); ++i)
        m_table.runs[i].color = colors[i];
    update();
}

void ParallelChart::setFields(const QStringList& fields)
{
    m_fields.clear();
    for (const QString& f : fields)
        if (m_table.field(f) && !m_fields.contains(f))
            m_fields << f;
    for (auto it = m_brushes.begin(); it != m_brushes.end();)
        it = m_fields.contains(it->first) ? std::next(it) : m_brushes.erase(it);
    update();
}

void ParallelChart::setLogFields(const QSet<QString>& fields)
{
    m_logFields = fields;
    update();
}

void ParallelChart::setHiddenRuns(const QSet<QString>& runIds)
{
    m_hidden = runIds;
    update();
}

void ParallelChart::setBrush(const QString& field, double lo, double hi)
{
    if (!m_fields.contains(field))
        return;
    m_brushes[field] = {std::min(lo, hi), std::max(lo, hi)};
    update();
    Q_EMIT brushesChanged();
}

void ParallelChart::clearBrush(const QString& field)
{
    if (m_brushes.erase(field)) {
        update();
        Q_EMIT brushesChanged();
    }
}

void ParallelChart::clearBrushes()
{
    if (m_brushes.empty())
        return;
    m_brushes.clear();
    update();
    Q_EMIT brushesChanged();
}

std::vector<std::size_t> ParallelChart::visibleRuns() const
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < m_table.runs.size(); ++i)
        if (!m_hidden.contains(m_table.runs[i].id))
            out.push_back(i);
    return out;
}

bool ParallelChart::inBrushes(std::size_t run) const
{
    for (const auto& [name, range] : m_brushes) {
        const PlotField* f = m_table.field(name);
        auto v = f ? f->position(run) : std::nullopt;
        if (!v || *v < range.first || *v > range.second)
            return false;
    }
    return true;
}

bool ParallelChart::isSelected(const QString& runId) const
{
    const int i = m_table.runIndex(runId);
    return i >= 0 && !m_hidden.contains(runId) && inBrushes(static_cast<std::size_t>(i));
}

QStringList ParallelChart::selectedRuns() const
{
    QStringList out;
    for (std::size_t i : visibleRuns())
        if (inBrushes(i))
            out << m_table.runs[i].id;
    return out;
}

ParallelChart::Frame ParallelChart::frameFor(QSizeF size) const
{
    Frame f;
    const QFontMetricsF fm(smallFont(font()));
    const double line = fm.height();
    const double top = kTitle + 2 * line + 10;
    f.plot = QRectF(kLeft, top, std::max(10.0, size.width() - kLeft - kRight),
                    std::max(10.0, size.height() - top - kMissingGap - kBottom));
    f.missingY = f.plot.bottom() + kMissingGap;
    const auto runs = visibleRuns();
    const int ticks = std::max(2, static_cast<int>(f.plot.height() / 80));
    for (const QString& name : m_fields)
        if (const PlotField* field = m_table.field(name))
            f.axes.push_back(makeAxis(*field, runs, m_logFields.contains(name), ticks));
    const std::size_t n = f.axes.size();
    for (std::size_t i = 0; i < n; ++i)
        f.xs.push_back(n == 1 ? f.plot.center().x()
                              : f.plot.left() + f.plot.width() * static_cast<double>(i) / static_cast<double>(n - 1));
    return f;
}

QPolygonF ParallelChart::polylineOf(const Frame& f, std::size_t run) const
{
    QPolygonF poly;
    for (std::size_t a = 0; a < f.axes.size(); ++a) {
        auto p = f.axes[a].position(run);
        poly << QPointF(f.xs[a], p ? f.plot.bottom() - f.axes[a].fraction(*p) * f.plot.height() : f.missingY);
    }
    return poly;
}

QPolygonF ParallelChart::polyline(const QString& runId, QSizeF size) const
{
    const int i = m_table.runIndex(runId);
    if (i < 0 || m_hidden.contains(runId))
        return {};
    return polylineOf(frameFor(size.isEmpty() ? QSizeF(this->size()) : size), static_cast<std::size_t>(i));
}

std::vector<double> ParallelChart::axisPositions(QSizeF size) const
{
    return frameFor(size.isEmpty() ? QSizeF(this->size()) : size).xs;
}

std::optional<double> ParallelChart::pixelY(const QString& field, double value, QSizeF size) const
{
    const Frame f = frameFor(size.isEmpty() ? QSizeF(this->size()) : size);
    const qsizetype a = m_fields.indexOf(field);
    if (a < 0 || static_cast<std::size_t>(a) >= f.axes.size())
        return std::nullopt;
    const PlotAxis& axis = f.axes[static_cast<std::size_t>(a)];
    return f.plot.bottom() - axis.fraction(axis.fromValue(value)) * f.plot.height();
}

void ParallelChart::render(QPainter& painter, QSizeF size) const
{
    painter.fillRect(QRectF(QPointF(0, 0), size), Qt::white);
    painter.setRenderHint(QPainter::Antialiasing);
    const QFont base = font();
    QFont bold = base;
    bold.setBold(true);
    const QFont small = smallFont(base);
    const QFontMetricsF fm(small);
    const double line = fm.height();
    const Frame f = frameFor(size);

    painter.setFont(bold);
    painter.setPen(plotstyle::text());
    painter.drawText(QRectF(8, 2, size.width() - 16, kTitle - 4), Qt::AlignLeft | Qt::AlignVCenter, title());
    const auto runs = visibleRuns();
    int selected = 0;
    for (std::size_t r : runs)
        selected += inBrushes(r);
    painter.setFont(small);
    painter.setPen(plotstyle::label());
    if (!m_brushes.empty())
        painter.drawText(QRectF(8, 2, size.width() - 16, kTitle - 4), Qt::AlignRight | Qt::AlignVCenter,
                         tr("%1 of %n run(s) inside the brushes", nullptr, static_cast<int>(runs.size())).arg(selected));
    if (f.axes.empty()) {
        m_lastPolylines = 0;
        painter.setFont(base);
        painter.drawText(QRectF(QPointF(0, 0), size), Qt::AlignCenter, tr("Pick the fields to show as axes"));
        return;
    }

    // Axis names above the axes, alternating between two rows when they would touch.
    const double spacing = f.axes.size() > 1 ? f.xs[1] - f.xs[0] : f.plot.width();
    bool stagger = false;
    for (const PlotAxis& a : f.axes)
        stagger = stagger || fm.horizontalAdvance(a.field->title + (a.log ? tr(" (log)") : QString())) > spacing - 8;
    painter.setPen(plotstyle::text());
    for (std::size_t a = 0; a < f.axes.size(); ++a) {
        const double room = std::min(stagger ? 2 * spacing - 8 : spacing - 8, 2 * kRight + f.plot.width());
        const double row = stagger && a % 2 ? 1 : 0;
        double left = f.xs[a] - room / 2;
        left = std::clamp(left, 2.0, size.width() - room - 2);
        const QString name = f.axes[a].field->title + (f.axes[a].log ? tr(" (log)") : QString());
        painter.drawText(QRectF(left, kTitle + row * line + (stagger ? 0 : line / 2), room, line),
                         Qt::AlignHCenter | Qt::AlignVCenter, fm.elidedText(name, Qt::ElideMiddle, room));
    }

    // Polylines: runs outside a brush faint underneath, those inside in their colour on top.
    m_lastPolylines = 0;
    for (int pass = 0; pass < 2; ++pass)
        for (std::size_t r : runs) {
            const bool in = inBrushes(r);
            if (in != (pass == 1))
                continue;
            QColor c = in ? m_table.runs[r].color : plotstyle::faded();
            if (in)
                c.setAlphaF(0.9);
            painter.setPen(QPen(c, in ? 1.6 : 1.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            painter.drawPolyline(polylineOf(f, r));
            ++m_lastPolylines;
        }

    // Axes with their ticks over the lines, labels on a white backing so lines never hide them.
    for (std::size_t a = 0; a < f.axes.size(); ++a) {
        const PlotAxis& axis = f.axes[a];
        const double x = f.xs[a];
        if (auto it = m_brushes.find(axis.field->name); it != m_brushes.end()) {
            const double y1 = f.plot.bottom() - std::clamp(axis.fraction(axis.fromValue(it->second.first)), 0.0, 1.0) * f.plot.height();
            const double y2 = f.plot.bottom() - std::clamp(axis.fraction(axis.fromValue(it->second.second)), 0.0, 1.0) * f.plot.height();
            painter.setPen(QPen(kBrushEdge, 1));
            painter.setBrush(kBrushFill);
            painter.drawRect(QRectF(QPointF(x - 8, std::min(y1, y2) - 2), QPointF(x + 8, std::max(y1, y2) + 2)));
            painter.setBrush(Qt::NoBrush);
        }
        painter.setPen(QPen(QColor(0x70, 0x76, 0x80), 1.2));
        painter.drawLine(QPointF(x, f.plot.top()), QPointF(x, f.plot.bottom()));
        std::size_t every = 1;
        const double gap = axis.tickLabels.size() > 1 ? f.plot.height() / static_cast<double>(axis.tickLabels.size()) : f.plot.height();
        while (gap * static_cast<double>(every) < line && every < axis.tickLabels.size())
            ++every;
        const double labelRoom = std::min(kLeft - 8, std::max(40.0, spacing * 0.45));
        for (std::size_t t = 0; t < axis.tickLabels.size(); t += every) {
            const auto& [pos, text] = axis.tickLabels[t];
            const double fr = axis.fraction(pos);
            if (fr < -1e-9 || fr > 1 + 1e-9)
                continue;
            const double y = f.plot.bottom() - fr * f.plot.height();
            painter.setPen(QPen(QColor(0x70, 0x76, 0x80), 1));
            painter.drawLine(QPointF(x - 4, y), QPointF(x, y));
            const QString shown = fm.elidedText(text, Qt::ElideRight, labelRoom);
            const double w = fm.horizontalAdvance(shown);
            const QRectF box(x - 6 - w - 2, y - line / 2, w + 4, line);
            painter.fillRect(box, QColor(255, 255, 255, 215));
            painter.setPen(plotstyle::label());
            painter.drawText(box, Qt::AlignCenter, shown);
        }
        bool anyMissing = false;
        for (std::size_t r : runs)
            anyMissing = anyMissing || !axis.position(r);
        if (anyMissing) {
            painter.setPen(QPen(QColor(0x90, 0x96, 0x9e), 1, Qt::DotLine));
            painter.drawLine(QPointF(x, f.plot.bottom()), QPointF(x, f.missingY));
            painter.setPen(QColor(0x90, 0x96, 0x9e));
            painter.setBrush(Qt::white);
            painter.drawEllipse(QPointF(x, f.missingY), 3, 3);
            painter.setBrush(Qt::NoBrush);
            painter.drawText(QRectF(x - 46, f.missingY - line / 2, 40, line), Qt::AlignRight | Qt::AlignVCenter, tr("none"));
        }
    }
}

void ParallelChart::paintOverlay(QPainter& painter) const
{
    if (m_hover.isEmpty())
        return;
    const int i = m_table.runIndex(m_hover);
    if (i < 0)
        return;
    const QPolygonF poly = polyline(m_hover);
    if (poly.isEmpty())
        return;
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(255, 255, 255, 220), 5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawPolyline(poly);
    painter.setPen(QPen(m_table.runs[static_cast<std::size_t>(i)].color, 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawPolyline(poly);
    // The run's name beside its first vertex.
    painter.setFont(font());
    const QString name = m_table.runs[static_cast<std::size_t>(i)].label;
    const QFontMetricsF fm(font());
    const QRectF box(poly.first().x() + 6, poly.first().y() - fm.height() - 4, fm.horizontalAdvance(name) + 8, fm.height() + 2);
    painter.fillRect(box, QColor(255, 255, 255, 230));
    painter.setPen(plotstyle::text());
    painter.drawText(box, Qt::AlignCenter, name);
}

QString ParallelChart::runAt(QPointF pos) const
{
    const Frame f = frameFor(size());
    QString best;
    double bestDist = kPick;
    for (std::size_t r : visibleRuns()) {
        const QPolygonF poly = polylineOf(f, r);
        // One axis: the "line" is a single vertex.
        for (qsizetype k = 0; k < std::max<qsizetype>(1, poly.size() - 1) && k < poly.size(); ++k) {
            const double d = segmentDistance(pos, poly[k], poly[std::min(k + 1, poly.size() - 1)]);
            // Prefer runs drawn on top (inside the brushes) when two lines are equally near.
            if (d < bestDist || (d <= bestDist && inBrushes(r))) {
                bestDist = d;
                best = m_table.runs[r].id;
            }
        }
    }
    return best;
}

QString ParallelChart::readout(const QString& runId) const
{
    const int i = m_table.runIndex(runId);
    if (i < 0)
        return {};
    const auto r = static_cast<std::size_t>(i);
    QString out = m_table.runs[r].label;
    for (const QString& name : m_fields)
        if (const PlotField* f = m_table.field(name))
            out += QStringLiteral("\n%1: %2").arg(name, f->has(r) ? plotValueText(*f, r) : QStringLiteral("—"));
    return out;
}

void ParallelChart::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const Frame f = frameFor(size());
    const QPointF p = event->position();
    for (std::size_t a = 0; a < f.xs.size(); ++a)
        if (std::abs(p.x() - f.xs[a]) <= kGrab && p.y() >= f.plot.top() - 6 && p.y() <= f.plot.bottom() + 6) {
            m_dragAxis = static_cast<int>(a);
            m_dragFrom = p.y();
            setCursor(Qt::SizeVerCursor);
            return;
        }
}

void ParallelChart::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF p = event->position();
    if (m_dragAxis >= 0) {
        const Frame f = frameFor(size());
        if (static_cast<std::size_t>(m_dragAxis) >= f.axes.size())
            return;
        const PlotAxis& axis = f.axes[static_cast<std::size_t>(m_dragAxis)];
        auto valueAt = [&](double y) {
            return axis.toValue(axis.positionAt(std::clamp((f.plot.bottom() - y) / f.plot.height(), 0.0, 1.0)));
        };
        if (std::abs(p.y() - m_dragFrom) >= 3)
            setBrush(axis.field->name, valueAt(m_dragFrom), valueAt(p.y()));
        return;
    }
    const QString run = runAt(p);
    if (run != m_hover) {
        m_hover = run;
        update();
    }
    if (run.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint() + QPoint(14, 10), readout(run), this);
}

void ParallelChart::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_dragAxis < 0 || event->button() != Qt::LeftButton)
        return;
    const int axis = m_dragAxis;
    m_dragAxis = -1;
    unsetCursor();
    // A click without a drag clears that axis' brush.
    if (std::abs(event->position().y() - m_dragFrom) < 3 && axis < m_fields.size())
        clearBrush(m_fields[axis]);
}

void ParallelChart::leaveEvent(QEvent*)
{
    m_hover.clear();
    QToolTip::hideText();
    update();
}

bool ParallelChart::exportCsv(const QString& path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return false;
    QTextStream out(&file);
    out << "run,name";
    std::vector<const PlotField*> fields;
    for (const QString& name : m_fields)
        if (const PlotField* f = m_table.field(name)) {
            fields.push_back(f);
            out << ',' << csvQuote(name);
        }
    out << ",selected\n";
    for (std::size_t r : visibleRuns()) {
        out << m_table.runs[r].id << ',' << csvQuote(m_table.runs[r].label);
        for (const PlotField* f : fields)
            out << ',' << csvQuote(plotValueText(*f, r));
        out << ',' << (inBrushes(r) ? 1 : 0) << '\n';
    }
    out.flush();
    return file.error() == QFile::NoError;
}

} // namespace cairn::widgets
