#include "app/project_session.h"

#include "app/session_worker.h"

#include <QMetaObject>
#include <QThread>

namespace cairn::app {

ProjectSession::ProjectSession(QObject* parent, int pollMs)
    : QObject(parent), m_thread(new QThread(this)), m_worker(new SessionWorker(pollMs))
{
    qRegisterMetaType<widgets::RunDetailPtr>();
    m_thread->setObjectName(QStringLiteral("cairn-session"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);

    connect(m_worker, &SessionWorker::opened, this, [this](const QString& name, const QString& root) {
        m_name = name;
        m_root = root;
        Q_EMIT opened(name, root);
    });
    connect(m_worker, &SessionWorker::failed, this, &ProjectSession::failed);
    connect(m_worker, &SessionWorker::progress, this, &ProjectSession::progress);
    connect(m_worker, &SessionWorker::runsChanged, this, &ProjectSession::runsChanged);
    connect(m_worker, &SessionWorker::runLoaded, this, [this](const widgets::RunDetailPtr& detail) {
        if (detail && QString::fromStdString(detail->run.id) == m_runId)
            Q_EMIT runLoaded(detail);
    });
    m_thread->start();
}

ProjectSession::~ProjectSession()
{
    m_thread->quit();
    m_thread->wait();
}

void ProjectSession::open(const QString& dir)
{
    m_runId.clear();
    QMetaObject::invokeMethod(m_worker, [w = m_worker, dir] { w->open(dir); }, Qt::QueuedConnection);
}

void ProjectSession::selectRun(const QString& runId)
{
    m_runId = runId;
    QMetaObject::invokeMethod(m_worker, [w = m_worker, runId] { w->selectRun(runId); }, Qt::QueuedConnection);
}

void ProjectSession::refresh()
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->refresh(); }, Qt::QueuedConnection);
}

void ProjectSession::pollNow()
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->poll(); }, Qt::QueuedConnection);
}

} // namespace cairn::app
