// Lives on the session's worker thread: owns the project's read-only Store, answers load requests
// and polls the database for changes. Every result leaves by a queued signal.
#pragma once

#include "engine/store/project.h"
#include "engine/store/store.h"
#include "widgets/runs/run_detail.h"

#include <QObject>

#include <memory>
#include <optional>

class QTimer;

namespace cairn::app {

class SessionWorker : public QObject {
    Q_OBJECT
public:
    explicit SessionWorker(int pollMs);
    ~SessionWorker() override;

    // Slots, called through queued invocations from the UI thread.
    void open(const QString& dir);
    void selectRun(const QString& runId);
    void refresh();
    // Reloads what changed since the last look (the timer's work, also run on engine events).
    void poll();

Q_SIGNALS:
    void opened(const QString& name, const QString& root);
    void failed(const QString& message);
    // Long work during open (upgrading an older project's database), for the status bar.
    void progress(const QString& message);
    // The database changed since the last look (not sent for the first look, at open): the
    // runs table re-reads its rows through its own connection.
    void runsChanged();
    void runLoaded(const cairn::widgets::RunDetailPtr& detail);

private:
    // Runs 'cairn engine start' in `root` and waits; an empty string when it worked.
    QString startEngine(const QString& root);
    void noteRunsChanged();
    void loadRun(bool metricsToo);
    std::string runSignature(const std::string& runId);
    QString logPath(const char* name) const;
    // The run's logs beyond stdout.log and stderr.log, sorted, and their total size.
    QStringList extraLogFiles(qint64& totalSize) const;

    int m_pollMs = 500;
    QTimer* m_timer = nullptr;
    std::optional<Project> m_project;
    std::unique_ptr<Store> m_store;
    std::int64_t m_dataVersion = -1;
    std::string m_runId;
    std::string m_runSignature;       // status and metric counts when last loaded
    qint64 m_stdoutSize = -2, m_stderrSize = -2;
    qint64 m_extraSize = -2;          // the other logs' sizes together (other ranks, nodes, Slurm)
    widgets::RunDetailPtr m_lastDetail;
};

} // namespace cairn::app
