// Runs pipelines for the workbench the way a user would in a terminal: `cairn pipeline run
// FILE [--from S | --stage S]`, started detached in a session of its own, its output in
// `.cairn/pipelines/NAME.run.log`. It goes on when the workbench closes (the stages are
// engine jobs anyway); the canvas follows it through the progress file. Stop sends it
// SIGTERM, which cancels the running stages' runs (as Ctrl-C does).
#pragma once

#include <QHash>
#include <QObject>
#include <QString>

class QTimer;

namespace cairn::app {

class PipelineRunner : public QObject {
    Q_OBJECT
public:
    explicit PipelineRunner(QObject* parent = nullptr);

    // `mode`: "all", "from" or "stage" (with `stage`). False with `error` when it cannot start.
    bool start(const QString& projectRoot, const QString& file, const QString& mode, const QString& stage, QString* error = nullptr);
    // Stops the live run of `file` (its scheduler's pid from the progress file); false when none runs.
    bool stop(const QString& projectRoot, const QString& file);
    static QString logPath(const QString& projectRoot, const QString& file);

Q_SIGNALS:
    void started(const QString& file, qint64 pid);
    // The scheduler exited: `summary` is its last line, or what went wrong before any stage ran.
    void finished(const QString& file, bool ok, const QString& summary);

private:
    void check();
    struct Launch {
        QString root, file;
        qint64 pid = 0;
    };
    QList<Launch> m_launches;
    QTimer* m_timer;
};

} // namespace cairn::app
