// MainWindow's reports and alerts: the Reports dock (widgets/reports), reached from View >
// Reports and a run page's Reports button and refreshed when the engine stores a report; the
// Alerts dock, a status-bar badge and a desktop notification (the system tray's message when
// there is a tray, else an in-app notice in the status bar) for each alert the engine fires.
#include "app/main_window.h"
#include "widgets/reports/alerts_panel.h"
#include "widgets/reports/reports_panel.h"
#include "widgets/runs/run_page.h"
#include "widgets/runs/runs_view.h"

#include <QApplication>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QToolButton>

namespace cairn::app {

void MainWindow::createReportsPart()
{
    m_reports = new widgets::ReportsPanel(this);
    addDockWidget(Qt::BottomDockWidgetArea, m_reports);
    m_reports->hide();
    connect(m_page, &widgets::RunPage::reportsRequested, this, &MainWindow::showReports);

    m_alerts = new widgets::AlertsPanel(this);
    addDockWidget(Qt::RightDockWidgetArea, m_alerts);
    m_alerts->hide();
    m_alertBadge = new QToolButton(this);
    m_alertBadge->setAutoRaise(true);
    m_alertBadge->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    m_alertBadge->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_alertBadge->setToolTip(tr("Alerts fired by the engine (View > Alerts)"));
    m_alertBadge->hide();
    statusBar()->addPermanentWidget(m_alertBadge);
    connect(m_alertBadge, &QToolButton::clicked, this, [this] {
        m_unseenAlerts = 0;
        m_alertBadge->hide();
        m_alerts->refresh();
        m_alerts->show();
        m_alerts->raise();
    });
    connect(m_alerts, &widgets::AlertsPanel::runActivated, this, [this](const QString& runId) { m_runs->selectRun(runId); });
    connect(m_alerts, &widgets::AlertsPanel::reportActivated, this, [this](qint64 id) {
        showReports();
        m_reports->selectReport(id);
    });
}

void MainWindow::showReports(const QString& runId, const QString& runName)
{
    m_reports->setRunFilter(runId, runName);
    if (!m_reports->isVisible()) {
        m_reports->show();
        resizeDocks({m_reports}, {height() / 2}, Qt::Vertical);
    }
    m_reports->raise();
}

void MainWindow::onReportAdded(const QJsonObject& event)
{
    m_reports->refresh();
    const QString kind = event.value(QStringLiteral("kind")).toString();
    const bool passed = event.value(QStringLiteral("passed")).toBool(true);
    statusBar()->showMessage(tr("New %1 report %2%3.")
                                 .arg(kind)
                                 .arg(event.value(QStringLiteral("id")).toInteger())
                                 .arg(passed ? QString() : tr(" (failed)")),
                             8000);
}

void MainWindow::onAlertFired(const QJsonObject& event)
{
    m_alerts->refresh();
    ++m_unseenAlerts;
    m_alertBadge->setText(tr("%n alert(s)", nullptr, m_unseenAlerts));
    m_alertBadge->show();
    const QString title = tr("Cairn alert: %1").arg(event.value(QStringLiteral("rule")).toString());
    const QString message = event.value(QStringLiteral("message")).toString();
    if (QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(windowIcon().isNull() ? style()->standardIcon(QStyle::SP_MessageBoxWarning) : windowIcon(), this);
            connect(m_tray, &QSystemTrayIcon::messageClicked, m_alertBadge, &QToolButton::click);
        }
        m_tray->show();
        m_tray->showMessage(title, message, QSystemTrayIcon::Warning, 10000);
        m_lastAlertNotice = QStringLiteral("tray: ") + title + ": " + message;
    } else {
        statusBar()->showMessage(title + ": " + message, 15000);
        QApplication::alert(this);
        m_lastAlertNotice = QStringLiteral("in-app: ") + title + ": " + message;
    }
}

} // namespace cairn::app
