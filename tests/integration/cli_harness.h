// Runs the real cairn binary in a temporary project, for integration tests.
#pragma once

#include "engine/store/store.h"

#include <QProcess>
#include <QList>
#include <QPair>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

struct CliResult {
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::NormalExit;
    QByteArray out;
    QByteArray err;
};

class CliHarness {
public:
    CliHarness();
    bool ok() const { return m_ok; }
    const QString& project() const { return m_project; }
    QString writeFile(const QString& name, const QByteArray& contents, bool executable = false);
    CliResult cairn(const QStringList& args, int timeoutMs = 120000, const QByteArray& stdinData = {});
    // Starts cairn without waiting; the caller owns the process.
    std::unique_ptr<QProcess> start(const QStringList& args);
    std::unique_ptr<cairn::Store> store();
    // The newest run of the project.
    cairn::Run newestRun();
    QByteArray runFile(const std::string& runId, const QString& name);
    static QString python();
    // The environment of the next cairn() calls: `value` empty removes the variable.
    void setEnv(const QString& name, const QString& value);

private:
    QTemporaryDir m_dir;
    QString m_project;
    bool m_ok = false;
    QList<QPair<QString, QString>> m_envOverrides;  // applied over this process's environment
};
