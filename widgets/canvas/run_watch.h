// Follows the latest `cairn pipeline run` of the model's pipeline through its progress file
// (engine/pipeline/progress.h) and hands each stage's state to the model. It reads when the
// file changes, every second while the run is live, and whenever poke() says an engine event
// came in; the run itself goes on without the workbench.
#pragma once

#include "engine/pipeline/progress.h"

#include <QHash>
#include <QObject>
#include <QString>

class QFileSystemWatcher;
class QTimer;

namespace cairn::widgets {

class PipelineModel;

class RunWatch : public QObject {
    Q_OBJECT
public:
    explicit RunWatch(PipelineModel* model, QObject* parent = nullptr);

    // Starts watching the model's progress file (after the model opened a file).
    void start();
    // Read now (an engine event about a run came in).
    void poke();
    const pipeline::RunProgress& progress() const { return m_progress; }
    bool live() const { return m_live; }
    // The run ids known for a stage: this run's, else the one the lock file recorded.
    QString runOf(const QString& stage) const;

Q_SIGNALS:
    void progressChanged();
    // A live run ended (or its scheduler went away).
    void runEnded(int exitCode);

private:
    void read();
    PipelineModel* m_model;
    QFileSystemWatcher* m_watcher;
    QTimer* m_timer;
    QString m_path;
    pipeline::RunProgress m_progress;
    QHash<QString, QString> m_lockRuns;
    bool m_live = false;
};

} // namespace cairn::widgets
