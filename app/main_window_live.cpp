// MainWindow's live parts: the connection to the project's engine, the queue and GPU docks, the
// launch dialog and the engine's state in the status bar. Closing the window leaves the engine
// and its jobs running.
#include "app/engine_client.h"
#include "app/main_window.h"
#include "app/models_dock.h"
#include "app/new_project.h"
#include "app/pipeline_tabs.h"
#include "app/project_session.h"
#include "widgets/jobs/gpu_panel.h"
#include "widgets/jobs/launch_dialog.h"
#include "widgets/jobs/queue_panel.h"
#include "widgets/registry/models_view.h"

#include <QLabel>
#include <QStatusBar>
#include <QTimer>

namespace cairn::app {

void MainWindow::createLiveParts()
{
    m_engine = new EngineClient(this);
    m_queue = new widgets::QueuePanel(this);
    m_gpuPanel = new widgets::GpuPanel(this);
    m_engineLabel = new QLabel(this);
    m_liveRefresh = new QTimer(this);
    m_statusTimer = new QTimer(this);

    m_queue->setEngineCall(m_engine->caller());
    m_gpuPanel->setExecutable(NewProject::findCairn());
    addDockWidget(Qt::BottomDockWidgetArea, m_queue);
    addDockWidget(Qt::RightDockWidgetArea, m_gpuPanel);
    m_queue->hide();
    m_gpuPanel->hide();
    m_models = new ModelsDock(m_engine, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_models);
    m_models->hide();
    connect(m_models, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            m_models->view()->refresh();
    });
    m_engineLabel->setContentsMargins(12, 0, 4, 0);
    statusBar()->addPermanentWidget(m_engineLabel);

    m_liveRefresh->setSingleShot(true);
    m_liveRefresh->setInterval(30);
    connect(m_liveRefresh, &QTimer::timeout, this, [this] {
        m_session->pollNow();
        if (m_queue->isVisible())
            m_queue->refresh();
        updateEngineStatus();
    });
    m_statusTimer->setInterval(5000);
    connect(m_statusTimer, &QTimer::timeout, this, &MainWindow::updateEngineStatus);
    connect(m_engine, &EngineClient::eventReceived, this, &MainWindow::onEngineEvent);
    connect(m_engine, &EngineClient::connectedChanged, this, [this](bool connected) {
        if (connected)
            m_statusTimer->start();
        else
            m_statusTimer->stop();
        updateEngineStatus();
        if (m_queue->isVisible())
            m_queue->refresh();
    });
    connect(m_engine, &EngineClient::startFailed, this, [this](const QString& message) {
        showError(tr("Cannot start the engine"), message);
    });
    updateEngineStatus();
}

void MainWindow::onEngineEvent(const QString& name, const QJsonObject& data)
{
    m_models->onEngineEvent(name);
    m_pipelineTabs->onEngineEvent(name);
    // New points and state changes are committed before the engine announces them: look now
    // rather than at the next poll. Bursts of events become one look.
    if (name == QStringLiteral("metric.batch") || name.startsWith(QStringLiteral("run.")))
        if (!m_liveRefresh->isActive())
            m_liveRefresh->start();
    if (name == QStringLiteral("artifact.added") || name == QStringLiteral("run.finished") || name == QStringLiteral("run.imported"))
        refreshArtifacts();
    if (name == QStringLiteral("report.added"))
        onReportAdded(data);
    if (name == QStringLiteral("alert.fired"))
        onAlertFired(data);
}

void MainWindow::updateEngineStatus()
{
    if (!m_engine->isConnected()) {
        m_engineLabel->setText(m_projectRoot.isEmpty() ? QString() : tr("engine: not running"));
        return;
    }
    m_engine->call(QStringLiteral("status"), {}, [this](const QJsonObject& st, const QString& error) {
        if (!error.isEmpty()) {
            m_engineLabel->setText(tr("engine: not running"));
            return;
        }
        m_engineLabel->setText(tr("engine: running, pid %1, %2 running / %3 queued")
                                   .arg(st.value(QStringLiteral("pid")).toInteger())
                                   .arg(st.value(QStringLiteral("running")).toInt())
                                   .arg(st.value(QStringLiteral("queued")).toInt()));
    });
}

void MainWindow::startEngine()
{
    if (m_projectRoot.isEmpty()) {
        showError(tr("No project open"), tr("Open a project before starting its engine."));
        return;
    }
    m_engineLabel->setText(tr("engine: starting..."));
    m_engine->ensureStarted();
}

widgets::LaunchDialog* MainWindow::launchRun()
{
    if (m_projectRoot.isEmpty()) {
        showError(tr("No project open"), tr("Open a project before launching a run."));
        return nullptr;
    }
    if (!m_engine->isConnected())
        startEngine();
    auto* dialog = new widgets::LaunchDialog(m_engine->caller(), NewProject::findCairn(), m_projectRoot, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &widgets::LaunchDialog::submitted, this, [this](const QString& runId, const QString& name) {
        statusBar()->showMessage(tr("Queued run %1 (%2).").arg(name, runId.left(8)), 5000);
        if (!m_queue->isVisible()) {
            m_queue->show();
            resizeDocks({m_queue}, {height() / 4}, Qt::Vertical);
        }
        m_liveRefresh->start();
    });
    dialog->show();
    return dialog;
}

} // namespace cairn::app
