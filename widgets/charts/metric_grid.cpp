#include "widgets/charts/metric_grid.h"

#include "widgets/charts/metric_chart.h"

#include <QGridLayout>
#include <QLabel>
#include <QResizeEvent>

#include <algorithm>

namespace cairn::widgets {

MetricGrid::MetricGrid(QWidget* parent)
    : QScrollArea(parent), m_content(new QWidget), m_grid(new QGridLayout(m_content)),
      m_empty(new QLabel(tr("No metrics logged for this run."), m_content))
{
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    m_grid->setContentsMargins(6, 6, 6, 6);
    m_grid->setSpacing(8);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false);
    setWidget(m_content);
    relayout();
}

void MetricGrid::setMetrics(const std::map<std::string, std::vector<MetricPoint>>& metrics,
                            const std::map<std::string, std::int64_t>& storedCounts)
{
    bool keysChanged = metrics.size() != m_charts.size();
    for (auto it = m_charts.begin(); it != m_charts.end();) {
        if (metrics.count(it->first.toStdString()) == 0) {
            delete it->second;
            it = m_charts.erase(it);
            keysChanged = true;
        } else {
            ++it;
        }
    }
    for (const auto& [key, points] : metrics) {
        QString k = QString::fromStdString(key);
        MetricChart*& chart = m_charts[k];
        if (!chart) {
            chart = new MetricChart(k, m_content);
            chart->setObjectName(QStringLiteral("metricChart:") + k);
            keysChanged = true;
        }
        auto stored = storedCounts.find(key);
        chart->setPoints(points, stored == storedCounts.end() ? -1 : stored->second);
    }
    if (keysChanged || layoutOrder() != m_order)
        relayout();
}

QStringList MetricGrid::layoutOrder() const
{
    QStringList curves, system, singles;
    for (const auto& [k, c] : m_charts)
        (c->pointCount() <= 1 ? singles : k.startsWith(QLatin1String("sys/")) ? system : curves) << k;
    return curves + system + singles;
}

void MetricGrid::clear() { setMetrics({}); }

MetricChart* MetricGrid::chart(const QString& key) const
{
    auto it = m_charts.find(key);
    return it == m_charts.end() ? nullptr : it->second;
}

QStringList MetricGrid::keys() const
{
    QStringList out;
    for (const auto& [k, c] : m_charts)
        out << k;
    return out;
}

void MetricGrid::resizeEvent(QResizeEvent* event)
{
    QScrollArea::resizeEvent(event);
    if (columnsFor(viewport()->width()) != m_columns)
        relayout();
}

int MetricGrid::columnsFor(int width) const
{
    return std::clamp(width / 420, 1, 4);
}

void MetricGrid::relayout()
{
    while (m_grid->count() > 0)
        delete m_grid->takeAt(0);
    for (int c = 0; c < m_grid->columnCount(); ++c)
        m_grid->setColumnStretch(c, 0);
    for (int r = 0; r < m_grid->rowCount(); ++r)
        m_grid->setRowStretch(r, 0);
    m_columns = columnsFor(viewport()->width());
    m_empty->setVisible(m_charts.empty());
    if (m_charts.empty()) {
        m_order.clear();
        m_grid->addWidget(m_empty, 0, 0);
        return;
    }
    m_order = layoutOrder();
    int i = 0;
    for (const QString& key : m_order) {
        m_grid->addWidget(m_charts.at(key), i / m_columns, i % m_columns);
        ++i;
    }
    for (int c = 0; c < m_columns; ++c)
        m_grid->setColumnStretch(c, 1);
    // Rows share the height down to the charts' minimum, then the area scrolls.
    const int rows = (i + m_columns - 1) / m_columns;
    for (int r = 0; r < rows; ++r)
        m_grid->setRowStretch(r, 1);
}

} // namespace cairn::widgets
