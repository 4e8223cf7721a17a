// A line chart of one metric of one run: x = step, y = value. The only place (with metric_grid)
// that knows the chart library; callers see Cairn types only, so the backend can be swapped.
#pragma once

#include "engine/store/types.h"

#include <QPointF>
#include <QVector>
#include <QWidget>

#include <vector>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace cairn::widgets {

class MetricChart : public QWidget {
    Q_OBJECT
public:
    explicit MetricChart(const QString& key, QWidget* parent = nullptr);

    QString key() const { return m_key; }
    // Replaces the curve. NaN and +/-inf values are skipped (counted in skippedCount()).
    // `storedCount` > points.size(): the points are a min/max reduction of that many.
    void setPoints(const std::vector<MetricPoint>& points, std::int64_t storedCount = -1);
    // Points actually in the series.
    int pointCount() const;
    int skippedCount() const { return m_skipped; }
    // Text of the hover readout for the data point nearest to `step` (empty when none).
    QString readoutAt(double step) const;

private:
    void onHovered(const QPointF& point, bool state);
    void updateTitle();

    QString m_key;
    QChart* m_chart = nullptr;
    QChartView* m_view = nullptr;
    QLineSeries* m_series = nullptr;
    QValueAxis* m_axisX = nullptr;
    QValueAxis* m_axisY = nullptr;
    QVector<QPointF> m_points;
    int m_skipped = 0;
    std::int64_t m_storedCount = -1;
};

} // namespace cairn::widgets
