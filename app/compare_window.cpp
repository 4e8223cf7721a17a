#include "app/compare_window.h"

#include "app/compare_session.h"
#include "widgets/charts/compare_chart.h"
#include "widgets/compare/compare_view.h"

#include <QAction>
#include <QFileDialog>
#include <QStatusBar>
#include <QToolBar>

#include <set>

namespace cairn::app {

CompareWindow::CompareWindow(const QString& projectRoot, const QStringList& runIds, QWidget* parent)
    : QMainWindow(parent), m_view(new widgets::CompareView(this)), m_session(new CompareSession(projectRoot, this)),
      m_runIds(runIds)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Compare %n run(s) — Cairn Workbench", nullptr, static_cast<int>(runIds.size())));
    setCentralWidget(m_view);
    QToolBar* bar = addToolBar(tr("Compare"));
    bar->setMovable(false);
    bar->addAction(tr("Export All Charts..."), this, &CompareWindow::exportAll);
    bar->addAction(tr("Reload"), this, [this] {
        m_loadedKeys = 0;
        m_session->load(m_runIds, 1000);
    });

    connect(m_session, &CompareSession::runsLoaded, this, [this](const CompareRunsPtr& runs) {
        m_view->setRuns(runs->runs);
        m_view->setMessage(runs->error);
        m_expectedKeys = static_cast<int>(runs->keys.size());
        statusBar()->showMessage(tr("%n run(s), ", nullptr, static_cast<int>(runs->runs.size()))
                                 + tr("%n metric(s)", nullptr, m_expectedKeys));
        if (m_expectedKeys == 0)
            Q_EMIT keysLoaded();
    });
    connect(m_session, &CompareSession::keyLoaded, this, [this](const QString& key, const CompareSeriesPtr& series) {
        m_view->setKeySeries(key, *series);
        if (++m_loadedKeys == m_expectedKeys)
            Q_EMIT keysLoaded();
    });
    connect(m_session, &CompareSession::failed, this, [this](const QString& message) { m_view->setMessage(message); });
    connect(m_view, &widgets::CompareView::rangeRequested, m_session, &CompareSession::zoom);
    resize(1300, 860);
    m_session->load(runIds, 1000);
}

void CompareWindow::exportAll()
{
    QString dir = QFileDialog::getExistingDirectory(this, tr("Export all charts as PNG, SVG and CSV into"));
    if (dir.isEmpty())
        return;
    int written = m_view->exportAll(dir);
    statusBar()->showMessage(tr("%n file(s) written to %1", nullptr, written).arg(dir), 8000);
}

} // namespace cairn::app
