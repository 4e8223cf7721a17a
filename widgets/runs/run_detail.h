// Everything the run page shows for one run, loaded in one go off the UI thread.
#pragma once

#include "engine/store/types.h"

#include <QMetaType>
#include <QString>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace cairn::widgets {

using MetricSeriesMap = std::map<std::string, std::vector<MetricPoint>>;

struct RunDetail {
    Run run;
    std::vector<MetricSummary> summaries;
    // By key, ordered by step. Shared so that a refresh which only changed the logs reuses it
    // (and the page skips redrawing the charts).
    std::shared_ptr<const MetricSeriesMap> metrics;
    QString stdoutTail;
    QString stderrTail;
    bool stdoutTruncated = false;
    bool stderrTruncated = false;
    QString error; // non-empty when loading failed
};

using RunDetailPtr = std::shared_ptr<const RunDetail>;

} // namespace cairn::widgets

Q_DECLARE_METATYPE(cairn::widgets::RunDetailPtr)
