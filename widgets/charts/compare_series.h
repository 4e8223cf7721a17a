// One run's curve in a comparison chart: Cairn types only, whatever draws it.
#pragma once

#include "engine/store/types.h"

#include <QColor>
#include <QString>

#include <vector>

namespace cairn::widgets {

struct CompareSeries {
    QString runId;
    QString label;
    QColor color;
    std::vector<MetricPoint> points;  // ordered by step; a min/max reduction when `reduced`
    std::int64_t storedCount = 0;     // points stored in the range these were read for
    bool reduced = false;
    std::int64_t startMs = 0;         // the run's start (Unix ms): zero of the relative-time axis
};

// A palette of distinguishable colours (Tableau 10, then darker and lighter variants).
QColor seriesColor(int index);

} // namespace cairn::widgets
