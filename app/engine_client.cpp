#include "app/engine_client.h"

#include "app/new_project.h"

#include <QDir>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QPointer>
#include <QProcess>
#include <QTimer>

#include <array>

namespace cairn::app {
namespace {
constexpr std::array<int, 3> kBackoffMs{1000, 2000, 5000};
}

EngineClient::EngineClient(QObject* parent)
    : QObject(parent), m_socket(new QLocalSocket(this)), m_retry(new QTimer(this)), m_starter(new QProcess(this))
{
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &EngineClient::connectNow);
    connect(m_socket, &QLocalSocket::connected, this, &EngineClient::onConnected);
    connect(m_socket, &QLocalSocket::disconnected, this, &EngineClient::onDisconnected);
    connect(m_socket, &QLocalSocket::errorOccurred, this, [this](QLocalSocket::LocalSocketError) {
        if (m_socket->state() == QLocalSocket::UnconnectedState)
            onDisconnected();
    });
    connect(m_socket, &QLocalSocket::readyRead, this, &EngineClient::onReadyRead);
    connect(m_starter, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        if (status == QProcess::NormalExit && code == 0) {
            m_backoff = 0;
            connectNow();
            return;
        }
        QString err = QString::fromUtf8(m_starter->readAllStandardError()).trimmed();
        Q_EMIT startFailed(err.isEmpty() ? tr("'cairn engine start' failed with exit code %1.").arg(code) : err);
    });
    connect(m_starter, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            Q_EMIT startFailed(tr("Cannot start 'cairn': %1").arg(m_starter->errorString()));
    });
}

// Jobs and the engine keep running after the workbench closes: only the connection ends.
EngineClient::~EngineClient()
{
    m_socket->disconnect(this);
    m_starter->disconnect(this);
    m_pending.clear();
    m_socket->abort();
}

QString EngineClient::socketPath() const
{
    return m_root.isEmpty() ? QString() : QDir(m_root).filePath(QStringLiteral(".cairn/engine.sock"));
}

void EngineClient::setProject(const QString& root)
{
    m_retry->stop();
    m_socket->abort();
    failPending(tr("The project was closed."));
    setConnected(false);
    m_root = root;
    m_backoff = 0;
    if (!m_root.isEmpty())
        connectNow();
}

void EngineClient::connectNow()
{
    if (m_root.isEmpty() || m_socket->state() != QLocalSocket::UnconnectedState)
        return;
    m_buffer.clear();
    m_socket->connectToServer(socketPath());
}

void EngineClient::onConnected()
{
    m_backoff = 0;
    call(QStringLiteral("hello"), {}, [this](const QJsonObject& result, const QString& error) {
        if (!error.isEmpty()) {
            m_socket->abort();
            return;
        }
        m_pid = result.value(QStringLiteral("engine_pid")).toInteger();
        call(QStringLiteral("subscribe"), {}, [this](const QJsonObject&, const QString& err) {
            if (err.isEmpty())
                setConnected(true);
        });
    });
}

void EngineClient::onDisconnected()
{
    failPending(tr("The engine went away."));
    m_pid = 0;
    setConnected(false);
    scheduleReconnect();
}

void EngineClient::scheduleReconnect()
{
    if (m_root.isEmpty() || m_retry->isActive())
        return;
    m_retry->start(kBackoffMs[static_cast<std::size_t>(std::min<int>(m_backoff, kBackoffMs.size() - 1))]);
    ++m_backoff;
}

void EngineClient::setConnected(bool connected)
{
    if (connected == m_connected)
        return;
    m_connected = connected;
    Q_EMIT connectedChanged(connected);
}

void EngineClient::call(const QString& method, const QJsonObject& params, widgets::EngineReply reply)
{
    if (m_socket->state() != QLocalSocket::ConnectedState) {
        QTimer::singleShot(0, this, [reply] { reply({}, tr("The engine is not running.")); });
        return;
    }
    const qint64 id = m_nextId++;
    QJsonObject req{{QStringLiteral("v"), 1}, {QStringLiteral("id"), id}, {QStringLiteral("method"), method},
                    {QStringLiteral("params"), params}};
    QByteArray line = QJsonDocument(req).toJson(QJsonDocument::Compact);
    if (line.size() >= kMaxMessageBytes) {
        QTimer::singleShot(0, this, [reply] { reply({}, tr("The request is larger than 1 MiB.")); });
        return;
    }
    line.append('\n');
    m_pending.insert(id, std::move(reply));
    m_socket->write(line);
}

widgets::EngineCall EngineClient::caller()
{
    QPointer<EngineClient> self(this);
    return [self](const QString& method, const QJsonObject& params, widgets::EngineReply reply) {
        if (self)
            self->call(method, params, std::move(reply));
        else
            reply({}, tr("The engine is not running."));
    };
}

void EngineClient::onReadyRead()
{
    m_buffer.append(m_socket->readAll());
    qsizetype start = 0;
    for (qsizetype nl = m_buffer.indexOf('\n'); nl >= 0; nl = m_buffer.indexOf('\n', start)) {
        QByteArray line = m_buffer.mid(start, nl - start);
        start = nl + 1;
        if (line.size() > kMaxMessageBytes)
            continue;
        handleLine(line);
        if (m_socket->state() != QLocalSocket::ConnectedState)
            return;  // handleLine may have reset the connection
    }
    m_buffer.remove(0, start);
    if (m_buffer.size() > kMaxMessageBytes)
        m_socket->abort();  // an unterminated message over the cap: drop the connection
}

void EngineClient::handleLine(const QByteArray& line)
{
    const QJsonObject msg = QJsonDocument::fromJson(line).object();
    if (msg.value(QStringLiteral("v")).toInt() != 1)
        return;
    if (msg.contains(QStringLiteral("event"))) {
        Q_EMIT eventReceived(msg.value(QStringLiteral("event")).toString(), msg.value(QStringLiteral("data")).toObject());
        return;
    }
    widgets::EngineReply reply = m_pending.take(msg.value(QStringLiteral("id")).toInteger());
    if (!reply)
        return;
    if (msg.contains(QStringLiteral("error"))) {
        QString text = msg.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
        reply({}, text.isEmpty() ? tr("The engine refused the request.") : text);
    } else {
        reply(msg.value(QStringLiteral("result")).toObject(), {});
    }
}

void EngineClient::failPending(const QString& message)
{
    const auto pending = std::exchange(m_pending, {});
    for (const auto& reply : pending)
        reply({}, message);
}

bool EngineClient::isStarting() const { return m_starter->state() != QProcess::NotRunning; }

void EngineClient::ensureStarted()
{
    if (m_connected || m_root.isEmpty() || isStarting())
        return;
    const QString cairn = NewProject::findCairn();
    if (cairn.isEmpty()) {
        Q_EMIT startFailed(tr("The 'cairn' command was not found next to the workbench or on PATH."));
        return;
    }
    m_starter->start(cairn, {QStringLiteral("engine"), QStringLiteral("start"), QStringLiteral("--project"), m_root});
}

} // namespace cairn::app
