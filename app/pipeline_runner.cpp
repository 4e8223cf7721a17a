#include "app/pipeline_runner.h"

#include "app/new_project.h"
#include "engine/pipeline/cache_key.h"
#include "engine/pipeline/progress.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTimer>

#include <cerrno>
#include <csignal>

namespace cairn::app {

namespace pl = cairn::pipeline;

namespace {

bool alive(qint64 pid) { return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM); }

QString lastLines(const QString& path, int n)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QStringList lines = QString::fromUtf8(f.readAll()).trimmed().split(QLatin1Char('\n'));
    return lines.mid(std::max<qsizetype>(0, lines.size() - n)).join(QLatin1Char('\n'));
}

} // namespace

PipelineRunner::PipelineRunner(QObject* parent) : QObject(parent), m_timer(new QTimer(this))
{
    m_timer->setInterval(500);
    connect(m_timer, &QTimer::timeout, this, &PipelineRunner::check);
}

QString PipelineRunner::logPath(const QString& projectRoot, const QString& file)
{
    return QDir(projectRoot).filePath(
        QStringLiteral(".cairn/pipelines/%1.run.log").arg(QString::fromStdString(pl::pipelineName(file.toStdString()))));
}

bool PipelineRunner::start(const QString& projectRoot, const QString& file, const QString& mode, const QString& stage, QString* error)
{
    auto fail = [&](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    const auto progress = pl::readProgress(pl::progressPathFor(projectRoot.toStdString(), file.toStdString()));
    if (pl::progressLive(progress))
        return fail(tr("%1 is running already (pid %2): stop it first.").arg(QFileInfo(file).fileName()).arg(progress.pid));
    const QString cairn = NewProject::findCairn();
    if (cairn.isEmpty())
        return fail(tr("The 'cairn' command was not found next to the workbench or on PATH."));
    QStringList args{QStringLiteral("--project"), projectRoot, QStringLiteral("pipeline"), QStringLiteral("run"), file};
    if (mode == QLatin1String("from") || mode == QLatin1String("stage"))
        args << (QStringLiteral("--") + mode) << stage;
    const QString log = logPath(projectRoot, file);
    QDir().mkpath(QFileInfo(log).path());
    QFile::remove(log);
    // startDetached runs it in a session of its own (a daemon): closing the workbench, or
    // Ctrl-C in its terminal, leaves the run alone.
    QProcess p;
    p.setProgram(cairn);
    p.setArguments(args);
    p.setWorkingDirectory(projectRoot);
    p.setStandardInputFile(QProcess::nullDevice());
    p.setStandardOutputFile(log, QIODevice::Append);
    p.setStandardErrorFile(log, QIODevice::Append);
    qint64 pid = 0;
    if (!p.startDetached(&pid))
        return fail(tr("Cannot start 'cairn pipeline run': %1").arg(p.errorString()));
    m_launches.push_back({projectRoot, file, pid});
    m_timer->start();
    Q_EMIT started(file, pid);
    return true;
}

bool PipelineRunner::stop(const QString& projectRoot, const QString& file)
{
    const auto progress = pl::readProgress(pl::progressPathFor(projectRoot.toStdString(), file.toStdString()));
    if (!pl::progressLive(progress))
        return false;
    return ::kill(static_cast<pid_t>(progress.pid), SIGTERM) == 0;
}

void PipelineRunner::check()
{
    for (auto it = m_launches.begin(); it != m_launches.end();) {
        if (alive(it->pid)) {
            ++it;
            continue;
        }
        const auto progress = pl::readProgress(pl::progressPathFor(it->root.toStdString(), it->file.toStdString()));
        const QString tail = lastLines(logPath(it->root, it->file), progress.pid == it->pid ? 1 : 6);
        const bool ok = progress.pid == it->pid && progress.ended && progress.exitCode == 0;
        Q_EMIT finished(it->file, ok, tail.isEmpty() ? tr("'cairn pipeline run' exited without output.") : tail);
        it = m_launches.erase(it);
    }
    if (m_launches.isEmpty())
        m_timer->stop();
}

} // namespace cairn::app
