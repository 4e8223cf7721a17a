// Creates a project by running `cairn init DIR`: the workbench never writes a database itself.
#pragma once

#include <QObject>
#include <QString>

class QProcess;

namespace cairn::app {

class NewProject : public QObject {
    Q_OBJECT
public:
    explicit NewProject(QObject* parent = nullptr);

    // The `cairn` executable: $CAIRN_EXECUTABLE, next to the workbench, the build tree's engine/, PATH.
    static QString findCairn();
    void start(const QString& dir);

Q_SIGNALS:
    // `error` is empty on success.
    void finished(const QString& dir, const QString& error);

private:
    QProcess* m_process = nullptr;
    QString m_dir;
};

} // namespace cairn::app
