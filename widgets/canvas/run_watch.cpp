#include "widgets/canvas/run_watch.h"

#include "engine/pipeline/cache_key.h"
#include "widgets/canvas/pipeline_model.h"

#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTimer>

namespace cairn::widgets {

namespace pl = cairn::pipeline;

RunWatch::RunWatch(PipelineModel* model, QObject* parent)
    : QObject(parent), m_model(model), m_watcher(new QFileSystemWatcher(this)), m_timer(new QTimer(this))
{
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &RunWatch::read);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &RunWatch::read);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &RunWatch::read);
}

void RunWatch::start()
{
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
    m_path = QString::fromStdString(
        pl::progressPathFor(m_model->projectRoot().toStdString(), m_model->filePath().toStdString()).string());
    QDir().mkpath(QFileInfo(m_path).path());
    m_watcher->addPath(QFileInfo(m_path).path());
    read();
}

void RunWatch::poke() { read(); }

QString RunWatch::runOf(const QString& stage) const
{
    auto it = m_progress.stages.find(stage.toStdString());
    if (it != m_progress.stages.end() && !it->second.run.empty())
        return QString::fromStdString(it->second.run);
    return m_lockRuns.value(stage);
}

void RunWatch::read()
{
    if (m_path.isEmpty())
        return;
    // The file is replaced (renamed over) at each run's start: watch it again each time.
    if (QFileInfo::exists(m_path) && !m_watcher->files().contains(m_path))
        m_watcher->addPath(m_path);
    pl::RunProgress p = pl::readProgress(m_path.toStdString());
    const bool live = pl::progressLive(p);
    // The lock file knows the run that last made each stage's outputs.
    m_lockRuns.clear();
    if (auto lock = pl::readLock(pl::lockPathFor(m_model->projectRoot().toStdString(), m_model->filePath().toStdString())))
        for (const auto& [name, st] : lock->stages)
            if (!st.run.empty())
                m_lockRuns.insert(QString::fromStdString(name), QString::fromStdString(st.run));
    QHash<QString, StageRunState> states;
    for (const auto& [name, s] : p.stages) {
        StageRunState r{QString::fromStdString(s.state), QString::fromStdString(s.run), QString::fromStdString(s.message)};
        // The scheduler went away mid-run: what it had not finished will not finish.
        if (!live && (r.state == QLatin1String("running") || r.state == QLatin1String("queued")))
            r.state = QStringLiteral("not-run"), r.message = tr("the scheduler stopped before this stage finished");
        states.insert(QString::fromStdString(name), r);
    }
    const bool wasLive = m_live;
    m_progress = std::move(p);
    m_live = live;
    m_model->setRunStates(states, live);
    if (live)
        m_timer->start();
    else
        m_timer->stop();
    Q_EMIT progressChanged();
    if (wasLive && !live)
        Q_EMIT runEnded(m_progress.ended ? m_progress.exitCode : -1);
}

} // namespace cairn::widgets
