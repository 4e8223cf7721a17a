// Reads what a comparison shows, on its own worker thread with its own read-only Store:
// the runs with their params and summaries, then every metric key of every run at the
// chart's resolution, and finer data for a zoomed range. Stale answers are dropped.
#pragma once

#include "engine/store/types.h"
#include "widgets/charts/compare_series.h"

#include <QObject>
#include <QStringList>

#include <memory>
#include <vector>

class QThread;

namespace cairn::app {

class CompareWorker;

struct CompareRuns {
    std::vector<RunSummary> runs;
    QStringList keys;   // every metric key any of the runs has, sorted
    QString error;      // runs that could not be read, or why nothing could
};
using CompareRunsPtr = std::shared_ptr<const CompareRuns>;
using CompareSeriesPtr = std::shared_ptr<const std::vector<widgets::CompareSeries>>;

class CompareSession : public QObject {
    Q_OBJECT
public:
    explicit CompareSession(const QString& projectRoot, QObject* parent = nullptr);
    ~CompareSession() override;

    // Loads the runs, then each key's curves (one keyLoaded per key) at `columns` resolution.
    void load(const QStringList& runIds, int columns);
    // One key's curves in [lo, hi] (all steps when `whole`) at `columns` resolution.
    void zoom(const QString& key, double lo, double hi, bool whole, int columns);

Q_SIGNALS:
    void runsLoaded(const cairn::app::CompareRunsPtr& runs);
    void keyLoaded(const QString& key, const cairn::app::CompareSeriesPtr& series);
    void failed(const QString& message);

private:
    QThread* m_thread = nullptr;
    CompareWorker* m_worker = nullptr;
    std::shared_ptr<std::atomic<int>> m_generation;
};

} // namespace cairn::app

Q_DECLARE_METATYPE(cairn::app::CompareRunsPtr)
Q_DECLARE_METATYPE(cairn::app::CompareSeriesPtr)
