#include "app/new_project.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QStandardPaths>

namespace cairn::app {

NewProject::NewProject(QObject* parent) : QObject(parent), m_process(new QProcess(this)) {}

QString NewProject::findCairn()
{
    const QString fromEnv = qEnvironmentVariable("CAIRN_EXECUTABLE");
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QString appDir = QCoreApplication::applicationDirPath();
    QString exe = QStandardPaths::findExecutable(QStringLiteral("cairn"), {appDir, appDir + QStringLiteral("/../engine")});
    if (exe.isEmpty())
        exe = QStandardPaths::findExecutable(QStringLiteral("cairn"));
    return exe;
}

void NewProject::start(const QString& dir)
{
    m_dir = dir;
    const QString cairn = findCairn();
    if (cairn.isEmpty()) {
        Q_EMIT finished(dir, tr("The 'cairn' command was not found next to the workbench or on PATH."));
        return;
    }
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            Q_EMIT finished(m_dir, tr("Cannot start 'cairn': %1").arg(m_process->errorString()));
    });
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        if (status == QProcess::NormalExit && code == 0) {
            Q_EMIT finished(m_dir, {});
            return;
        }
        QString err = QString::fromUtf8(m_process->readAllStandardError()).trimmed();
        if (err.isEmpty())
            err = tr("'cairn init' failed with exit code %1.").arg(code);
        Q_EMIT finished(m_dir, err);
    });
    m_process->start(cairn, {QStringLiteral("init"), QDir::toNativeSeparators(dir)});
}

} // namespace cairn::app
