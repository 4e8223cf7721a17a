// MainWindow's pipeline parts: the central tabs (Runs, then one canvas per open pipeline),
// the Pipelines dock, the Edit and Pipeline menus, and showing a stage's run on the Runs tab.
#include "app/main_window.h"
#include "app/pipeline_tabs.h"
#include "app/pipelines_dock.h"
#include "app/project_session.h"
#include "widgets/runs/runs_view.h"

#include <QCloseEvent>
#include <QMenu>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>

namespace cairn::app {

void MainWindow::createPipelineParts()
{
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("centralTabs"));
    m_tabs->addTab(m_splitter, tr("Runs"));
    setCentralWidget(m_tabs);
    m_pipelineTabs = new PipelineTabs(m_tabs, m_interactive, this);
    m_pipelinesDock = new PipelinesDock(this);
    addDockWidget(Qt::LeftDockWidgetArea, m_pipelinesDock);
    connect(m_pipelinesDock, &PipelinesDock::openRequested, m_pipelineTabs, &PipelineTabs::open);
    connect(m_pipelinesDock, &PipelinesDock::newRequested, m_pipelineTabs, &PipelineTabs::askNewPipeline);
    connect(m_pipelinesDock, &PipelinesDock::openFileRequested, m_pipelineTabs, &PipelineTabs::askOpenPipeline);
    connect(m_pipelineTabs, &PipelineTabs::pipelinesChanged, m_pipelinesDock, &PipelinesDock::refresh);
    connect(m_pipelineTabs, &PipelineTabs::showRunRequested, this, &MainWindow::showRun);
    connect(m_pipelineTabs, &PipelineTabs::statusMessage, this, [this](const QString& text) { statusBar()->showMessage(text, 10000); });
}

void MainWindow::createEditMenu()
{
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    connect(edit, &QMenu::aboutToShow, this, [this, edit] { m_pipelineTabs->fillEditMenu(edit); });
    m_pipelineTabs->fillEditMenu(edit);
}

void MainWindow::createPipelineMenu()
{
    QMenu* menu = menuBar()->addMenu(tr("&Pipeline"));
    connect(menu, &QMenu::aboutToShow, this, [this, menu] { m_pipelineTabs->fillPipelineMenu(menu); });
    m_pipelineTabs->fillPipelineMenu(menu);
}

void MainWindow::showRun(const QString& runId)
{
    m_tabs->setCurrentIndex(0);
    // A run the table does not show (filtered out, or newer than its last read) still gets its page.
    if (!m_runs->selectRun(runId))
        m_session->selectRun(runId);
    statusBar()->showMessage(tr("Run %1").arg(runId.left(8)), 5000);
    raise();
    activateWindow();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_pipelineTabs->maybeCloseAll()) {
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

} // namespace cairn::app
