// The workbench's connection to the project's background engine (<project>/.cairn/engine.sock):
// newline-delimited JSON, protocol version 1 (docs/protocol.md). Lives on the UI thread and never
// blocks it: QLocalSocket and QProcess are used through their signals only.
#pragma once

#include "widgets/jobs/engine_call.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>

class QLocalSocket;
class QProcess;
class QTimer;

namespace cairn::app {

class EngineClient : public QObject {
    Q_OBJECT
public:
    static constexpr qsizetype kMaxMessageBytes = 1 << 20;

    explicit EngineClient(QObject* parent = nullptr);
    ~EngineClient() override;

    // Connects to the project's engine (if one runs) and keeps reconnecting with a backoff
    // (1 s, 2 s, 5 s...) whenever it goes away. An empty root disconnects.
    void setProject(const QString& root);
    QString socketPath() const;
    bool isConnected() const { return m_connected; }
    qint64 enginePid() const { return m_pid; }

    // Sends a request; `reply` is called exactly once (with an error text when the engine refuses,
    // is not connected or goes away first).
    void call(const QString& method, const QJsonObject& params, widgets::EngineReply reply);
    // The same, as the function type the job widgets take.
    widgets::EngineCall caller();

    // Runs `cairn engine start --project ROOT` unless an engine answers already.
    void ensureStarted();
    bool isStarting() const;

Q_SIGNALS:
    void connectedChanged(bool connected);
    void eventReceived(const QString& name, const QJsonObject& data);
    void startFailed(const QString& message);

private:
    void connectNow();
    void onConnected();
    void onDisconnected();
    void scheduleReconnect();
    void onReadyRead();
    void handleLine(const QByteArray& line);
    void failPending(const QString& message);
    void setConnected(bool connected);

    QLocalSocket* m_socket = nullptr;
    QTimer* m_retry = nullptr;
    QProcess* m_starter = nullptr;
    QString m_root;
    QByteArray m_buffer;
    QHash<qint64, widgets::EngineReply> m_pending;
    qint64 m_nextId = 1;
    qint64 m_pid = 0;
    int m_backoff = 0;
    bool m_connected = false;
};

} // namespace cairn::app
