// One open project, seen from the UI thread. Run pages, charts, logs and change polling are read
// on a worker thread (SessionWorker); results come back as queued signals. (The runs table
// queries its rows itself, a page at a time: docs/runs-table.md.)
#pragma once

#include "widgets/runs/run_detail.h"

#include <QObject>
#include <QString>

class QThread;

namespace cairn::app {

class SessionWorker;

class ProjectSession : public QObject {
    Q_OBJECT
public:
    // `pollMs`: how often the worker checks the database for commits by other processes.
    explicit ProjectSession(QObject* parent = nullptr, int pollMs = 500);
    ~ProjectSession() override;

    void open(const QString& dir);
    // Loads the run's detail now and again whenever it changes; results for other runs are dropped.
    void selectRun(const QString& runId);
    void refresh();
    // Checks for changes now instead of at the next poll (cheap when nothing changed).
    void pollNow();

    QString projectName() const { return m_name; }
    QString projectRoot() const { return m_root; }
    QString currentRunId() const { return m_runId; }

Q_SIGNALS:
    void opened(const QString& name, const QString& root);
    void failed(const QString& message);
    void progress(const QString& message);
    // The project's database changed (the runs table re-reads its rows).
    void runsChanged();
    void runLoaded(const cairn::widgets::RunDetailPtr& detail);

private:
    QThread* m_thread = nullptr;
    SessionWorker* m_worker = nullptr;
    QString m_name;
    QString m_root;
    QString m_runId;
};

} // namespace cairn::app
