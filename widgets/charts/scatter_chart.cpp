#include "widgets/charts/scatter_chart.h"

#include <QFile>
#include <QFontMetricsF>
#include <QMouseEvent>
#include <QPainter>
#include <QTextStream>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>

namespace cairn::widgets {
namespace {

constexpr double kTop = 28, kRight = 16, kDot = 5.0, kPick = 8.0, kMaxYLabel = 150;

QFont smallFont(QFont f)
{
    f.setPointSizeF(f.pointSizeF() * 0.85);
    return f;
}

} // namespace

ScatterChart::ScatterChart(QWidget* parent) : PlotWidget(parent)
{
    setObjectName(QStringLiteral("scatterChart"));
    setMinimumSize(360, 260);
    setMouseTracking(true);
}

void ScatterChart::setTable(PlotTable table)
{
    m_table = std::move(table);
    update();
}

void ScatterChart::setColors(const std::vector<QColor>& colors)
{
    for (std::size_t i = 0; i < colors.size() && i < m_table.runs.size(); ++i)
        m_table.runs[i].color = colors[i];
    update();
}

void ScatterChart::setAxes(const QString& xField, const QString& yField)
{
    m_xField = xField;
    m_yField = yField;
    update();
}

void ScatterChart::setLogX(bool on)
{
    m_logX = on;
    update();
}

void ScatterChart::setLogY(bool on)
{
    m_logY = on;
    update();
}

void ScatterChart::setHiddenRuns(const QSet<QString>& runIds)
{
    m_hidden = runIds;
    update();
}

std::vector<std::size_t> ScatterChart::visibleRuns() const
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < m_table.runs.size(); ++i)
        if (!m_hidden.contains(m_table.runs[i].id))
            out.push_back(i);
    return out;
}

ScatterChart::Frame ScatterChart::frameFor(QSizeF size) const
{
    Frame f;
    const PlotField* xf = m_table.field(m_xField);
    const PlotField* yf = m_table.field(m_yField);
    const QFontMetricsF fm(smallFont(font()));
    const double line = fm.height();
    const double bottom = 2 * line + 12;
    f.plot = QRectF(60, kTop, std::max(10.0, size.width() - 60 - kRight), std::max(10.0, size.height() - kTop - bottom));
    if (!xf || !yf)
        return f;
    const auto runs = visibleRuns();
    f.y = makeAxis(*yf, runs, m_logY, std::max(2, static_cast<int>(f.plot.height() / 50)));
    double labelWidth = 0;
    for (const auto& [pos, text] : f.y.tickLabels)
        labelWidth = std::max(labelWidth, std::min(kMaxYLabel, fm.horizontalAdvance(text)));
    const double left = labelWidth + 10 + line + 6;
    f.plot.setLeft(left);
    f.plot.setWidth(std::max(10.0, size.width() - left - kRight));
    f.x = makeAxis(*xf, runs, m_logX, std::max(2, static_cast<int>(f.plot.width() / 90)));
    f.valid = true;
    return f;
}

std::optional<QPointF> ScatterChart::toPixel(const Frame& f, std::size_t run)
{
    auto x = f.x.position(run);
    auto y = f.y.position(run);
    if (!x || !y)
        return std::nullopt;
    return QPointF(f.plot.left() + f.x.fraction(*x) * f.plot.width(), f.plot.bottom() - f.y.fraction(*y) * f.plot.height());
}

std::optional<QPointF> ScatterChart::dotPosition(const QString& runId, QSizeF size) const
{
    const int i = m_table.runIndex(runId);
    if (i < 0 || m_hidden.contains(runId))
        return std::nullopt;
    const Frame f = frameFor(size.isEmpty() ? QSizeF(this->size()) : size);
    if (!f.valid)
        return std::nullopt;
    return toPixel(f, static_cast<std::size_t>(i));
}

QStringList ScatterChart::plottedRuns() const
{
    QStringList out;
    const Frame f = frameFor(size());
    if (!f.valid)
        return out;
    for (std::size_t i : visibleRuns())
        if (toPixel(f, i))
            out << m_table.runs[i].id;
    return out;
}

QString ScatterChart::runAt(QPointF pos) const
{
    const Frame f = frameFor(size());
    if (!f.valid)
        return {};
    QString best;
    double bestDist = kPick;
    // Later dots are drawn on top: prefer them on ties.
    for (std::size_t i : visibleRuns())
        if (auto p = toPixel(f, i)) {
            const double d = std::hypot(p->x() - pos.x(), p->y() - pos.y());
            if (d <= bestDist) {
                bestDist = d;
                best = m_table.runs[i].id;
            }
        }
    return best;
}

QString ScatterChart::readout(const QString& runId) const
{
    const int i = m_table.runIndex(runId);
    const PlotField* xf = m_table.field(m_xField);
    const PlotField* yf = m_table.field(m_yField);
    if (i < 0 || !xf || !yf)
        return {};
    const auto r = static_cast<std::size_t>(i);
    return QStringLiteral("%1\n%2: %3\n%4: %5")
        .arg(m_table.runs[r].label, xf->name, plotValueText(*xf, r), yf->name, plotValueText(*yf, r));
}

QString ScatterChart::title() const
{
    if (m_xField.isEmpty() || m_yField.isEmpty())
        return tr("Scatter");
    return tr("%1 vs %2").arg(m_yField, m_xField);
}

void ScatterChart::render(QPainter& painter, QSizeF size) const
{
    painter.fillRect(QRectF(QPointF(0, 0), size), Qt::white);
    painter.setRenderHint(QPainter::Antialiasing);
    const QFont base = font();
    QFont bold = base;
    bold.setBold(true);
    const QFont small = smallFont(base);
    const QFontMetricsF fm(small);
    const Frame f = frameFor(size);

    painter.setFont(bold);
    painter.setPen(plotstyle::text());
    painter.drawText(QRectF(f.plot.left(), 2, size.width() - f.plot.left() - kRight, kTop - 6),
                     Qt::AlignLeft | Qt::AlignVCenter, title());
    if (!f.valid) {
        painter.setFont(base);
        painter.setPen(plotstyle::label());
        painter.drawText(QRectF(QPointF(0, 0), size), Qt::AlignCenter, tr("Pick a field for each axis"));
        return;
    }

    painter.setFont(small);
    const double line = fm.height();
    auto xPx = [&](double pos) { return f.plot.left() + f.x.fraction(pos) * f.plot.width(); };
    auto yPx = [&](double pos) { return f.plot.bottom() - f.y.fraction(pos) * f.plot.height(); };
    // x ticks: on a crowded categorical axis, every k-th label, each elided to its room.
    const double xRoom = f.x.tickLabels.size() > 1 ? f.plot.width() / static_cast<double>(f.x.tickLabels.size()) : f.plot.width();
    std::size_t every = 1;
    if (f.x.categorical)
        while (xRoom * static_cast<double>(every) < 28 && every < f.x.tickLabels.size())
            ++every;
    for (std::size_t t = 0; t < f.x.tickLabels.size(); ++t) {
        const double px = xPx(f.x.tickLabels[t].first);
        painter.setPen(plotstyle::grid());
        painter.drawLine(QPointF(px, f.plot.top()), QPointF(px, f.plot.bottom()));
        if (t % every)
            continue;
        const double room = f.x.categorical ? xRoom * static_cast<double>(every) - 4 : 120;
        painter.setPen(plotstyle::label());
        painter.drawText(QRectF(px - room / 2, f.plot.bottom() + 3, room, line), Qt::AlignHCenter | Qt::AlignTop,
                         fm.elidedText(f.x.tickLabels[t].second, Qt::ElideRight, room));
    }
    for (const auto& [pos, text] : f.y.tickLabels) {
        const double py = yPx(pos);
        painter.setPen(plotstyle::grid());
        painter.drawLine(QPointF(f.plot.left(), py), QPointF(f.plot.right(), py));
        painter.setPen(plotstyle::label());
        painter.drawText(QRectF(f.plot.left() - kMaxYLabel - 6, py - line / 2, kMaxYLabel, line),
                         Qt::AlignRight | Qt::AlignVCenter, fm.elidedText(text, Qt::ElideRight, kMaxYLabel));
    }
    // Axis titles: x under its ticks, y turned along its axis.
    painter.setPen(plotstyle::text());
    const QString xTitle = f.x.field->title + (f.x.log ? tr(" (log)") : QString());
    const QString yTitle = f.y.field->title + (f.y.log ? tr(" (log)") : QString());
    painter.drawText(QRectF(f.plot.left(), f.plot.bottom() + line + 6, f.plot.width(), line), Qt::AlignHCenter | Qt::AlignTop,
                     fm.elidedText(xTitle, Qt::ElideMiddle, f.plot.width()));
    painter.save();
    painter.translate(3, f.plot.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-f.plot.height() / 2, 0, f.plot.height(), line), Qt::AlignHCenter | Qt::AlignTop,
                     fm.elidedText(yTitle, Qt::ElideMiddle, f.plot.height()));
    painter.restore();
    painter.setPen(plotstyle::frame());
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(f.plot);

    int missing = 0;
    painter.save();
    painter.setClipRect(f.plot.adjusted(-kDot - 1, -kDot - 1, kDot + 1, kDot + 1));
    for (std::size_t i : visibleRuns()) {
        auto p = toPixel(f, i);
        if (!p) {
            ++missing;
            continue;
        }
        const QColor c = m_table.runs[i].color;
        painter.setPen(QPen(c.darker(135), 1));
        painter.setBrush(c);
        painter.drawEllipse(*p, kDot, kDot);
    }
    painter.restore();
    if (missing > 0) {
        painter.setPen(plotstyle::label());
        painter.drawText(QRectF(f.plot.left(), 2, f.plot.width(), kTop - 6), Qt::AlignRight | Qt::AlignVCenter,
                         tr("%n run(s) without a value here", nullptr, missing));
    }
}

void ScatterChart::paintOverlay(QPainter& painter) const
{
    if (m_hover.isEmpty())
        return;
    if (auto p = dotPosition(m_hover)) {
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(plotstyle::text(), 1.5));
        painter.drawEllipse(*p, kDot + 3, kDot + 3);
    }
}

void ScatterChart::mouseMoveEvent(QMouseEvent* event)
{
    const QString run = runAt(event->position());
    if (run != m_hover) {
        m_hover = run;
        update();
    }
    if (run.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint() + QPoint(14, 10), readout(run), this);
}

void ScatterChart::leaveEvent(QEvent*)
{
    m_hover.clear();
    QToolTip::hideText();
    update();
}

bool ScatterChart::exportCsv(const QString& path) const
{
    const PlotField* xf = m_table.field(m_xField);
    const PlotField* yf = m_table.field(m_yField);
    QFile file(path);
    if (!xf || !yf || !file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return false;
    QTextStream out(&file);
    out << "run,name," << csvQuote(xf->name) << ',' << csvQuote(yf->name) << '\n';
    const Frame f = frameFor(size());
    for (std::size_t i : visibleRuns())
        if (toPixel(f, i))
            out << m_table.runs[i].id << ',' << csvQuote(m_table.runs[i].label) << ',' << csvQuote(plotValueText(*xf, i))
                << ',' << csvQuote(plotValueText(*yf, i)) << '\n';
    out.flush();
    return file.error() == QFile::NoError;
}

} // namespace cairn::widgets
