// A scrollable grid of MetricChart, one per metric key, reflowed to the available width.
// Curves (keys with two or more points) come first in key order, then the supervisor's sys/*
// samples, then the keys logged once (a final accuracy, its interval, per-slice values), so the
// training curves are what one sees first.
#pragma once

#include "engine/store/types.h"

#include <QScrollArea>

#include <map>
#include <string>
#include <vector>

class QGridLayout;
class QLabel;

namespace cairn::widgets {

class MetricChart;

class MetricGrid : public QScrollArea {
    Q_OBJECT
public:
    explicit MetricGrid(QWidget* parent = nullptr);

    // Shows one chart per key; charts of keys seen before are updated in place.
    // `storedCounts`: how many points each key has in the database, when the series passed are
    // a level-of-detail reduction of them (the charts say so in their titles).
    void setMetrics(const std::map<std::string, std::vector<MetricPoint>>& metrics,
                    const std::map<std::string, std::int64_t>& storedCounts = {});
    void clear();
    MetricChart* chart(const QString& key) const;
    QStringList keys() const;
    // The keys in the order they are laid out: curves, sys/* curves, then single values.
    QStringList layoutOrder() const;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void relayout();
    int columnsFor(int width) const;

    QWidget* m_content = nullptr;
    QGridLayout* m_grid = nullptr;
    QLabel* m_empty = nullptr;
    std::map<QString, MetricChart*> m_charts;
    int m_columns = 0;
    QStringList m_order;  // as laid out
};

} // namespace cairn::widgets
