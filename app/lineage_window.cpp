#include "app/lineage_window.h"

#include "app/lineage_session.h"
#include "widgets/lineage/artifact_panel.h"
#include "widgets/lineage/lineage_view.h"

#include <QDockWidget>

namespace cairn::app {

LineageWindow::LineageWindow(const QString& projectRoot, const QString& root, QWidget* parent)
    : QMainWindow(parent), m_view(new widgets::LineageView(this)), m_panel(new widgets::ArtifactPanel(this)),
      m_session(new LineageSession(projectRoot, this)), m_graphviz(!LineageSession::dotExecutable().isEmpty())
{
    setAttribute(Qt::WA_DeleteOnClose);
    setCentralWidget(m_view);
    auto* dock = new QDockWidget(tr("Artifact"), this);
    dock->setObjectName(QStringLiteral("artifactDock"));
    dock->setWidget(m_panel);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    resize(1500, 900);

    connect(m_view, &widgets::LineageView::reloadRequested, this, &LineageWindow::reload);
    connect(m_view, &widgets::LineageView::runActivated, this, &LineageWindow::runRequested);
    connect(m_view, &widgets::LineageView::artifactSelected, m_session, &LineageSession::loadArtifact);
    connect(m_view, &widgets::LineageView::artifactActivated, this, [this, dock](const QString& ref) {
        dock->show();
        dock->raise();
        m_session->loadArtifact(ref);
    });
    connect(m_panel, &widgets::ArtifactPanel::versionRequested, m_session, &LineageSession::loadArtifact);
    connect(m_panel, &widgets::ArtifactPanel::runActivated, this, &LineageWindow::runRequested);
    connect(m_panel, &widgets::ArtifactPanel::lineageRequested, this, &LineageWindow::setRoot);
    connect(m_session, &LineageSession::artifactLoaded, m_panel, &widgets::ArtifactPanel::setDetail);
    connect(m_session, &LineageSession::graphLoaded, this,
            [this](const widgets::LineageLayoutPtr& draft, const QString& label, bool hasRoot) {
                setWindowTitle(tr("Lineage of %1 — Cairn").arg(label));
                m_view->setRootEnabled(hasRoot);
                m_view->setGraph(draft, label);
                if (!draft->nodes.empty() && !draft->nodes.front().isRun() && hasRoot)
                    m_session->loadArtifact(draft->nodes.front().id);
                if (m_graphviz && !draft->nodes.empty())
                    m_view->setBusy(tr("Graphviz is laying out %n node(s)...", nullptr, static_cast<int>(draft->nodes.size())));
                Q_EMIT graphShown(false);
            });
    connect(m_session, &LineageSession::layoutReady, this, [this](const widgets::LineageLayoutPtr& layout) {
        m_view->setLayout(layout);
        Q_EMIT graphShown(true);
    });
    connect(m_session, &LineageSession::layoutFailed, this, [this](const QString& message) { m_view->setBusy(message); });
    connect(m_session, &LineageSession::graphFailed, this, [this](const QString& message) { m_view->setError(message); });
    setRoot(root);
}

void LineageWindow::setRoot(const QString& root)
{
    m_root = root;
    reload();
}

void LineageWindow::reload()
{
    m_view->setBusy(tr("Reading the lineage..."));
    m_session->loadGraph(m_root, m_view->upstream(), m_view->downstream(), m_view->depth());
}

} // namespace cairn::app
