#include "cli_harness.h"

#include <QFile>
#include <QStandardPaths>

CliHarness::CliHarness()
{
    m_project = m_dir.path() + "/proj";
    CliResult r = cairn({"init", m_project});
    m_ok = r.exitCode == 0;
    if (!m_ok)
        qWarning("cairn init failed: %s", r.err.constData());
}

QString CliHarness::writeFile(const QString& name, const QByteArray& contents, bool executable)
{
    QString path = m_dir.path() + "/" + name;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(contents);
    f.close();
    if (executable)
        f.setPermissions(f.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeUser);
    return path;
}

CliResult CliHarness::cairn(const QStringList& args, int timeoutMs, const QByteArray& stdinData)
{
    QProcess p;
    p.setWorkingDirectory(m_dir.path());
    if (!m_envOverrides.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const auto& [name, value] : m_envOverrides) {
            if (value.isEmpty())
                env.remove(name);
            else
                env.insert(name, value);
        }
        p.setProcessEnvironment(env);
    }
    QStringList full = args;
    if (!args.isEmpty() && args.first() != "init")
        full = QStringList{"--project", m_project} + args;
    p.start(CAIRN_BIN, full);
    if (!p.waitForStarted())
        qFatal("cannot start %s", CAIRN_BIN);
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    CliResult r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.exitCode = -2;
    } else {
        r.exitCode = p.exitCode();
    }
    r.exitStatus = p.exitStatus();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

std::unique_ptr<QProcess> CliHarness::start(const QStringList& args)
{
    auto p = std::make_unique<QProcess>();
    p->setWorkingDirectory(m_dir.path());
    p->start(CAIRN_BIN, QStringList{"--project", m_project} + args);
    p->waitForStarted();
    return p;
}

std::unique_ptr<cairn::Store> CliHarness::store()
{
    auto s = cairn::Store::open((m_project + "/cairn.db").toStdString(), cairn::Store::Mode::ReadOnly);
    if (!s)
        qFatal("%s", s.message().c_str());
    return std::move(*s);
}

cairn::Run CliHarness::newestRun()
{
    auto runs = store()->runs();
    if (!runs || runs->empty())
        return {};
    return runs->front().run;
}

QByteArray CliHarness::runFile(const std::string& runId, const QString& name)
{
    QFile f(m_project + "/runs/" + QString::fromStdString(runId) + "/" + name);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

void CliHarness::setEnv(const QString& name, const QString& value)
{
    m_envOverrides.removeIf([&](const QPair<QString, QString>& o) { return o.first == name; });
    m_envOverrides.append({name, value});
}

QString CliHarness::python()
{
    // Debian's interpreter has numpy and scikit-learn; a plain python3 on PATH may not.
    if (QFile::exists("/usr/bin/python3"))
        return "/usr/bin/python3";
    return QStandardPaths::findExecutable("python3");
}
