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

// A log beyond rank 0's stdout and stderr: another worker's (stdout.rank1.log), one node's of a
// Slurm job (node.gpu01.log), Slurm's batch output (slurm.out).
struct ExtraLog {
    QString file;      // the file's name in the run folder
    QString text;      // its tail
    bool truncated = false;
};

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
    std::vector<ExtraLog> extraLogs;  // sorted by file name
    std::vector<RunEvent> history;    // remote jobs: connection, Slurm states, requeues (docs/executors.md)
    QString message;                  // why the job ended as it did, when the engine knows
    QString error; // non-empty when loading failed
};

using RunDetailPtr = std::shared_ptr<const RunDetail>;

} // namespace cairn::widgets

Q_DECLARE_METATYPE(cairn::widgets::RunDetailPtr)
