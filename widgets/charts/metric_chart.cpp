#include "widgets/charts/metric_chart.h"

#include "widgets/charts/chart_ticks.h"

#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QLineSeries>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace cairn::widgets {
namespace {

void applyTicks(QValueAxis* axis, const Ticks& t)
{
    axis->setLabelFormat(tickFormat(t));
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0.0);
    axis->setTickInterval(t.interval);
    axis->setRange(t.lo, t.hi);
}

} // namespace

MetricChart::MetricChart(const QString& key, QWidget* parent)
    : QWidget(parent), m_key(key), m_chart(new QChart), m_series(new QLineSeries),
      m_axisX(new QValueAxis), m_axisY(new QValueAxis)
{
    m_chart->setTheme(QChart::ChartThemeLight);
    m_chart->legend()->hide();
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(4, 4, 8, 4));
    QFont titleFont = font();
    titleFont.setBold(true);
    m_chart->setTitleFont(titleFont);

    m_series->setUseOpenGL(false);
    QPen pen(QColor(0x1f, 0x77, 0xd0));
    pen.setWidthF(1.8);
    m_series->setPen(pen);
    m_chart->addSeries(m_series);

    QFont labelFont = font();
    labelFont.setPointSizeF(labelFont.pointSizeF() * 0.85);
    for (QValueAxis* axis : {m_axisX, m_axisY}) {
        axis->setLabelsFont(labelFont);
        axis->setTitleFont(labelFont);
        axis->setTickCount(6);
        axis->setGridLineColor(QColor(0xe3, 0xe6, 0xea));
        axis->setMinorTickCount(0);
    }
    m_axisX->setTitleText(tr("step"));
    m_axisX->setLabelFormat(QStringLiteral("%.0f"));
    m_axisY->setLabelFormat(QStringLiteral("%.4g"));
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_chart->addAxis(m_axisY, Qt::AlignLeft);
    m_series->attachAxis(m_axisX);
    m_series->attachAxis(m_axisY);

    connect(m_series, &QLineSeries::hovered, this, &MetricChart::onHovered);

    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(220);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    updateTitle();
}

void MetricChart::setPoints(const std::vector<MetricPoint>& points, std::int64_t storedCount)
{
    m_storedCount = storedCount > static_cast<std::int64_t>(points.size()) ? storedCount : -1;
    QVector<QPointF> finite;
    finite.reserve(static_cast<qsizetype>(points.size()));
    int skipped = 0;
    double yMin = 0, yMax = 0;
    for (const MetricPoint& p : points) {
        if (!std::isfinite(p.value)) {
            ++skipped;
            continue;
        }
        if (finite.isEmpty() || p.value < yMin)
            yMin = p.value;
        if (finite.isEmpty() || p.value > yMax)
            yMax = p.value;
        finite.append(QPointF(static_cast<double>(p.step), p.value));
    }
    m_skipped = skipped;
    m_points = finite;
    m_series->replace(finite);

    // A handful of points (a final metric, a short run) would be invisible as a line alone.
    m_series->setPointsVisible(finite.size() <= 60);
    if (finite.isEmpty()) {
        applyTicks(m_axisX, {0, 1, 1});
        applyTicks(m_axisY, {0, 1, 0.2});
    } else {
        applyTicks(m_axisX, niceTicks(finite.front().x(), finite.back().x(), 6, 1.0));
        double air = (yMax - yMin) * 0.03;  // keep a flat top or bottom off the frame
        applyTicks(m_axisY, niceTicks(yMin - air, yMax + air, 5, 0.0));
    }
    updateTitle();
}

int MetricChart::pointCount() const { return static_cast<int>(m_series->count()); }

QString MetricChart::readoutAt(double step) const
{
    if (m_points.isEmpty())
        return {};
    auto it = std::lower_bound(m_points.begin(), m_points.end(), step,
                               [](const QPointF& p, double x) { return p.x() < x; });
    if (it == m_points.end() || (it != m_points.begin() && step - (it - 1)->x() < it->x() - step))
        --it;
    return tr("step %1\n%2 = %3").arg(static_cast<qint64>(it->x())).arg(m_key).arg(it->y(), 0, 'g', 8);
}

void MetricChart::onHovered(const QPointF& point, bool state)
{
    if (!state) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(QCursor::pos(), readoutAt(point.x()), m_view);
}

void MetricChart::updateTitle()
{
    QString title = m_key;
    if (m_storedCount > 0)
        title += QStringLiteral("  ") + tr("(%L1 points, every spike kept)").arg(m_storedCount);
    if (m_skipped > 0)
        title += QStringLiteral("  ") + tr("(%n non-finite value(s) hidden)", nullptr, m_skipped);
    m_chart->setTitle(title);
}

} // namespace cairn::widgets
