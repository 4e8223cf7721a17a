// The reference implementations' interpreter for the tests that compare Cairn with Evidently
// and Fairlearn: tests/reference/reference_venv.sh finds or makes a cached virtualenv from
// tests/reference/requirements.lock. Never part of Cairn.
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

#ifndef CAIRN_REFERENCE_DIR
#error "define CAIRN_REFERENCE_DIR (tests/reference)"
#endif

namespace reference {

inline QString script(const char* name) { return QStringLiteral(CAIRN_REFERENCE_DIR "/") + QString::fromLatin1(name); }

// The venv's python, or an empty string with `why` saying what failed (the caller skips).
// The first call on a machine downloads and installs the packages (minutes); later calls
// find the venv in a second.
inline QString python(QString& why)
{
    QProcess p;
    p.start("/bin/bash", {script("reference_venv.sh")});
    if (!p.waitForStarted(10000)) {
        why = "cannot start /bin/bash";
        return {};
    }
    if (!p.waitForFinished(40 * 60 * 1000)) {
        p.kill();
        p.waitForFinished();
        why = "reference_venv.sh did not finish in 40 minutes";
        return {};
    }
    const QString err = QString::fromUtf8(p.readAllStandardError()).trimmed();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        why = err.isEmpty() ? QString("reference_venv.sh exited %1").arg(p.exitCode()) : err.split('\n').last();
        return {};
    }
    const QStringList lines = QString::fromUtf8(p.readAllStandardOutput()).trimmed().split('\n');
    if (!err.isEmpty())
        qInfo("%s", qPrintable(err));
    return lines.last().trimmed();
}

} // namespace reference
