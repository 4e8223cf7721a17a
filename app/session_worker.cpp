#include "app/session_worker.h"

#include "app/log_tail.h"
#include "app/new_project.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTimer>

#include <filesystem>

namespace cairn::app {

namespace {
constexpr std::size_t kChartBuckets = 2048;  // about two per pixel column of a wide chart
}

SessionWorker::SessionWorker(int pollMs) : m_pollMs(pollMs) {}

SessionWorker::~SessionWorker() = default;

void SessionWorker::open(const QString& dir)
{
    if (!m_timer) {
        m_timer = new QTimer(this);
        connect(m_timer, &QTimer::timeout, this, &SessionWorker::poll);
    }
    m_timer->stop();
    m_store.reset();
    m_project.reset();
    m_runId.clear();
    m_lastDetail.reset();
    m_dataVersion = -1;

    auto project = Project::open(std::filesystem::path(QDir(dir).absolutePath().toStdString()));
    if (!project) {
        Q_EMIT failed(QString::fromStdString(project.message()));
        return;
    }
    auto store = Store::open(project->databasePath(), Store::Mode::ReadOnly);
    if (!store && Store::needsMigration(project->databasePath())) {
        // A project from an older Cairn: the engine, its only writer, upgrades the schema
        // when it starts; then the read-only connection can open it.
        Q_EMIT progress(tr("Upgrading the project database to this version of Cairn..."));
        if (QString why = startEngine(QString::fromStdString(project->root().string())); !why.isEmpty()) {
            Q_EMIT failed(QString::fromStdString(store.message()) + QStringLiteral("\n") + why);
            return;
        }
        store = Store::open(project->databasePath(), Store::Mode::ReadOnly);
    }
    if (!store) {
        Q_EMIT failed(QString::fromStdString(store.message()));
        return;
    }
    m_project = std::move(project.value());
    m_store = std::move(store.value());
    QString root = QString::fromStdString(m_project->root().string());
    QString name = QString::fromStdString(m_project->config().name);
    if (name.isEmpty())
        name = QDir(root).dirName();
    if (auto version = m_store->dataVersion())
        m_dataVersion = *version;
    Q_EMIT opened(name, root);
    m_timer->start(m_pollMs);
}

QString SessionWorker::startEngine(const QString& root)
{
    const QString cairn = NewProject::findCairn();
    if (cairn.isEmpty())
        return tr("The 'cairn' command was not found next to the workbench or on PATH.");
    QProcess process;
    process.setWorkingDirectory(root);
    process.start(cairn, {QStringLiteral("engine"), QStringLiteral("start")});
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(2000);
        return tr("'cairn engine start' did not finish within a minute.");
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return tr("'cairn engine start' failed: %1").arg(QString::fromUtf8(process.readAllStandardError()).trimmed());
    return {};
}

void SessionWorker::selectRun(const QString& runId)
{
    if (!m_store)
        return;
    m_runId = runId.toStdString();
    m_lastDetail.reset();
    loadRun(true);
}

void SessionWorker::refresh()
{
    if (!m_store)
        return;
    noteRunsChanged();
    if (!m_runId.empty())
        loadRun(true);
}

void SessionWorker::poll()
{
    if (!m_store)
        return;
    auto version = m_store->dataVersion();
    if (version && *version != m_dataVersion) {
        noteRunsChanged();
        if (!m_runId.empty() && runSignature(m_runId) != m_runSignature) {
            loadRun(true);
            return;
        }
    }
    // Logs grow without touching the database.
    qint64 extraSize = 0;
    if (!m_runId.empty())
        extraLogFiles(extraSize);
    if (!m_runId.empty() && (logSize(logPath("stdout.log")) != m_stdoutSize
                             || logSize(logPath("stderr.log")) != m_stderrSize || extraSize != m_extraSize))
        loadRun(false);
}

void SessionWorker::noteRunsChanged()
{
    if (auto version = m_store->dataVersion())
        m_dataVersion = *version;
    Q_EMIT runsChanged();
}

// What decides whether the selected run's page must be read again: its status, end and each
// metric's count and last step.
std::string SessionWorker::runSignature(const std::string& runId)
{
    auto run = m_store->findRun(runId);
    if (!run)
        return {};
    std::string sig = std::string(toString(run->status)) + ":" + std::to_string(run->endMs);
    if (auto summaries = m_store->metricSummaries(runId))
        for (const MetricSummary& m : *summaries)
            sig += ";" + m.key + "=" + std::to_string(m.count) + "@" + std::to_string(m.lastStep);
    return sig;
}

QStringList SessionWorker::extraLogFiles(qint64& totalSize) const
{
    static const QRegularExpression names(QStringLiteral("^((stdout|stderr)\\.rank\\d+\\.log|node\\..+\\.log|slurm\\.out)$"));
    QStringList out;
    totalSize = 0;
    const QDir dir(QString::fromStdString(m_project->runDir(m_runId).string()));
    for (const QFileInfo& f : dir.entryInfoList(QDir::Files, QDir::Name)) {
        if (!names.match(f.fileName()).hasMatch())
            continue;
        out << f.fileName();
        totalSize += f.size();
    }
    return out;
}

QString SessionWorker::logPath(const char* name) const
{
    return QString::fromStdString((m_project->runDir(m_runId) / name).string());
}

void SessionWorker::loadRun(bool metricsToo)
{
    auto detail = std::make_shared<widgets::RunDetail>();
    auto run = m_store->findRun(m_runId);
    if (!run) {
        detail->error = QString::fromStdString(run.message());
        detail->run.id = m_runId;
        Q_EMIT runLoaded(detail);
        return;
    }
    detail->run = std::move(run.value());
    m_runSignature = runSignature(m_runId);

    if (metricsToo || !m_lastDetail) {
        if (auto summaries = m_store->metricSummaries(m_runId))
            detail->summaries = std::move(summaries.value());
        // Long series come back as a few points per pixel column that keep every bucket's
        // extremes, read from the blocks' level of detail: off the UI thread, and as cheap
        // for a million points as for a thousand. No spike disappears.
        auto series = std::make_shared<widgets::MetricSeriesMap>();
        for (const MetricSummary& m : detail->summaries) {
            auto view = m_store->metricView(m_runId, m.key, std::nullopt, kChartBuckets);
            if (!view) {
                detail->error = QString::fromStdString(view.message());
                continue;
            }
            (*series)[m.key] = std::move(view->points);
        }
        detail->metrics = std::move(series);
    } else {
        detail->summaries = m_lastDetail->summaries;
        detail->metrics = m_lastDetail->metrics;
    }

    LogTail out = readLogTail(logPath("stdout.log"));
    LogTail err = readLogTail(logPath("stderr.log"));
    detail->stdoutTail = std::move(out.text);
    detail->stdoutTruncated = out.truncated;
    detail->stderrTail = std::move(err.text);
    detail->stderrTruncated = err.truncated;
    m_stdoutSize = out.size;
    m_stderrSize = err.size;
    for (const QString& file : extraLogFiles(m_extraSize)) {
        LogTail t = readLogTail(logPath(file.toUtf8().constData()), 512 * 1024);
        detail->extraLogs.push_back({file, std::move(t.text), t.truncated});
    }
    if (auto history = m_store->runEvents(m_runId))
        detail->history = std::move(history.value());
    if (auto job = m_store->job(m_runId))
        detail->message = QString::fromStdString(job->message);

    m_lastDetail = detail;
    Q_EMIT runLoaded(detail);
}

} // namespace cairn::app
