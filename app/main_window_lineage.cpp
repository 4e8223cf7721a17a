// MainWindow's lineage parts: the Artifacts dock (the project's artifacts, and the one picked
// in detail), lineage windows and the reproduce dialog opened from the run page.
#include "app/lineage_session.h"
#include "app/lineage_window.h"
#include "app/main_window.h"
#include "app/project_session.h"
#include "app/reproduce_dialog.h"
#include "widgets/lineage/artifact_list.h"
#include "widgets/lineage/artifact_panel.h"
#include "widgets/runs/run_page.h"
#include "widgets/runs/runs_view.h"

#include <QDockWidget>
#include <QSplitter>
#include <QTimer>

namespace cairn::app {

void MainWindow::createLineageParts()
{
    m_artifactsDock = new QDockWidget(tr("Artifacts"), this);
    m_artifactsDock->setObjectName(QStringLiteral("artifactsDock"));
    m_artifactList = new widgets::ArtifactList(m_artifactsDock);
    m_artifactPanel = new widgets::ArtifactPanel(m_artifactsDock);
    auto* split = new QSplitter(Qt::Vertical, m_artifactsDock);
    split->addWidget(m_artifactList);
    split->addWidget(m_artifactPanel);
    split->setStretchFactor(1, 2);
    m_artifactsDock->setWidget(split);
    addDockWidget(Qt::RightDockWidgetArea, m_artifactsDock);
    m_artifactsDock->hide();  // View > Artifacts, as the other docks: the runs and the canvas get the room
    m_artifactRefresh = new QTimer(this);
    m_artifactRefresh->setSingleShot(true);
    m_artifactRefresh->setInterval(300);
    connect(m_artifactRefresh, &QTimer::timeout, this, [this] {
        if (m_lineage)
            m_lineage->loadArtifacts();
    });
    connect(m_artifactList, &widgets::ArtifactList::artifactActivated, this, [this](const QString& ref) {
        if (m_lineage)
            m_lineage->loadArtifact(ref);
    });
    connect(m_artifactList, &widgets::ArtifactList::lineageRequested, this, &MainWindow::openLineage);
    connect(m_artifactPanel, &widgets::ArtifactPanel::lineageRequested, this, &MainWindow::openLineage);
    connect(m_artifactPanel, &widgets::ArtifactPanel::runActivated, this, &MainWindow::showRun);
    connect(m_artifactPanel, &widgets::ArtifactPanel::versionRequested, this, [this](const QString& ref) {
        if (m_lineage)
            m_lineage->loadArtifact(ref);
    });
}

void MainWindow::openLineageSession(const QString& root)
{
    delete m_lineage;
    m_lineage = new LineageSession(root, this);
    m_artifactPanel->clear();
    connect(m_lineage, &LineageSession::artifactsLoaded, this, [this](const widgets::ArtifactListPtr& list) {
        m_artifactList->setArtifacts(list);
        Q_EMIT artifactsShown(m_artifactList->count());
    });
    connect(m_lineage, &LineageSession::artifactLoaded, m_artifactPanel, &widgets::ArtifactPanel::setDetail);
    m_lineage->loadArtifacts();
}

void MainWindow::refreshArtifacts()
{
    if (!m_artifactRefresh->isActive())
        m_artifactRefresh->start();
}

LineageWindow* MainWindow::openLineage(const QString& root)
{
    if (m_projectRoot.isEmpty())
        return nullptr;
    auto* window = new LineageWindow(m_projectRoot, root);
    connect(window, &LineageWindow::runRequested, this, &MainWindow::showRun);
    window->show();
    return window;
}

ReproduceDialog* MainWindow::reproduceRun(const QString& runId)
{
    if (m_projectRoot.isEmpty() || runId.isEmpty())
        return nullptr;
    const auto detail = m_page->detail();
    const QString name = detail && QString::fromStdString(detail->run.id) == runId ? QString::fromStdString(detail->run.name) : runId.left(8);
    auto* dialog = new ReproduceDialog(m_projectRoot, runId, name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ReproduceDialog::showRunRequested, this, &MainWindow::showRun);
    connect(dialog, &ReproduceDialog::reproduced, this, [this](int) {
        m_session->refresh();
        refreshArtifacts();
    });
    dialog->show();
    return dialog;
}

} // namespace cairn::app
