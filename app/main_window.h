// The workbench window: assembles the runs table, the run page, menus and the status bar around a
// ProjectSession. Holds no data logic of its own.
#pragma once

#include "app/recent_projects.h"
#include "widgets/runs/run_detail.h"

#include <QJsonObject>
#include <QMainWindow>

class QDockWidget;
class QLabel;
class QMenu;
class QSplitter;
class QTabWidget;
class QTimer;
class QToolButton;
class QSystemTrayIcon;

namespace cairn::widgets {
class ArtifactList;
class ArtifactPanel;
class GpuPanel;
class LaunchDialog;
class AlertsPanel;
class QueuePanel;
class ReportsPanel;
class RunPage;
class RunsView;
} // namespace cairn::widgets

namespace cairn::app {

class EngineClient;
class ModelsDock;
class LineageSession;
class LineageWindow;
class PipelineTabs;
class PipelinesDock;
class ProjectSession;
class ReproduceDialog;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `interactive`: errors show message boxes (off for --screenshot and tests: they get signals).
    explicit MainWindow(bool interactive = true, QWidget* parent = nullptr);
    ~MainWindow() override;

    void openProject(const QString& dir);
    QString projectRoot() const { return m_projectRoot; }

    widgets::RunsView* runsView() const { return m_runs; }
    widgets::RunPage* runPage() const { return m_page; }
    ProjectSession* session() const { return m_session; }
    EngineClient* engineClient() const { return m_engine; }
    widgets::QueuePanel* queuePanel() const { return m_queue; }
    widgets::GpuPanel* gpuPanel() const { return m_gpuPanel; }
    QLabel* engineLabel() const { return m_engineLabel; }
    ModelsDock* modelsDock() const { return m_models; }
    widgets::ReportsPanel* reportsPanel() const { return m_reports; }
    widgets::AlertsPanel* alertsPanel() const { return m_alerts; }
    // The status bar's alert badge ("2 alerts"), hidden until an alert fires.
    QToolButton* alertBadge() const { return m_alertBadge; }
    // The last notice shown for an alert (tray message or in-app notice), for tests.
    QString lastAlertNotice() const { return m_lastAlertNotice; }
    // Shows the Reports dock, filtered to one run's reports (all reports when runId is empty).
    void showReports(const QString& runId = {}, const QString& runName = {});
    QTabWidget* centralTabs() const { return m_tabs; }
    PipelineTabs* pipelineTabs() const { return m_pipelineTabs; }
    PipelinesDock* pipelinesDock() const { return m_pipelinesDock; }

    // File > Launch Run...: starts the engine if needed and returns the (non-modal) dialog, shown.
    widgets::LaunchDialog* launchRun();
    // Runs `cairn engine start` unless an engine answers already.
    void startEngine();
    // Opens a comparison window for these runs (2 to 200); returns it, or nullptr with a message.
    class CompareWindow* compareRuns(const QStringList& runIds);
    // Lineage and artifacts (main_window_lineage.cpp): a lineage window around a run or an
    // artifact (empty: the whole project), the reproduce dialog of a run, a run on the page.
    LineageWindow* openLineage(const QString& root);
    ReproduceDialog* reproduceRun(const QString& runId);
    QDockWidget* artifactsDock() const { return m_artifactsDock; }
    widgets::ArtifactList* artifactList() const { return m_artifactList; }
    widgets::ArtifactPanel* artifactPanel() const { return m_artifactPanel; }
    // Shows a run on the Runs tab (a pipeline stage's run, an artifact's writer), selecting it
    // in the table.
    void showRun(const QString& runId);

Q_SIGNALS:
    void projectOpened(const QString& root);
    void projectFailed(const QString& message);
    // The runs table shows the project's runs (after every load).
    void runsShown(int count);
    // A run's detail, charts included, is on screen.
    void runShown(const QString& runId);
    // The Artifacts dock lists the project's artifacts (after every load).
    void artifactsShown(int count);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void rebuildRecentMenu();
    void newProject();
    void chooseProject();
    void showAbout();
    void showError(const QString& title, const QString& message);
    void onOpened(const QString& name, const QString& root);
    // After the runs table (re)read its rows: the status bar's count, the first selection.
    void showRunCount();
    // Live parts (main_window_live.cpp): the engine connection, the queue and GPU docks.
    void createLiveParts();
    void onEngineEvent(const QString& name, const QJsonObject& data);
    void updateEngineStatus();
    // Lineage parts (main_window_lineage.cpp): the Artifacts dock and its session.
    void createLineageParts();
    void openLineageSession(const QString& root);
    void refreshArtifacts();
    // Reports (main_window_reports.cpp): the dock, its menu entry, refresh on report.added.
    void createReportsPart();
    void onReportAdded(const QJsonObject& event);
    void onAlertFired(const QJsonObject& event);
    // Pipelines (main_window_pipelines.cpp): the editor tabs, the Pipelines dock, their menus.
    void createPipelineParts();
    void createEditMenu();
    void createPipelineMenu();

    bool m_interactive = true;
    ProjectSession* m_session = nullptr;
    widgets::RunsView* m_runs = nullptr;
    widgets::RunPage* m_page = nullptr;
    QSplitter* m_splitter = nullptr;
    QTabWidget* m_tabs = nullptr;
    PipelineTabs* m_pipelineTabs = nullptr;
    PipelinesDock* m_pipelinesDock = nullptr;
    QMenu* m_recentMenu = nullptr;
    QLabel* m_pathLabel = nullptr;
    QLabel* m_countLabel = nullptr;
    QLabel* m_engineLabel = nullptr;
    EngineClient* m_engine = nullptr;
    widgets::QueuePanel* m_queue = nullptr;
    widgets::GpuPanel* m_gpuPanel = nullptr;
    ModelsDock* m_models = nullptr;  // View > Models (app/models_dock.h)
    widgets::ReportsPanel* m_reports = nullptr;
    widgets::AlertsPanel* m_alerts = nullptr;
    QToolButton* m_alertBadge = nullptr;
    QSystemTrayIcon* m_tray = nullptr;
    int m_unseenAlerts = 0;
    QString m_lastAlertNotice;
    QTimer* m_liveRefresh = nullptr;   // coalesces engine events into one session poll
    QTimer* m_statusTimer = nullptr;   // engine status while connected
    LineageSession* m_lineage = nullptr;
    QDockWidget* m_artifactsDock = nullptr;
    widgets::ArtifactList* m_artifactList = nullptr;
    widgets::ArtifactPanel* m_artifactPanel = nullptr;
    QTimer* m_artifactRefresh = nullptr;  // coalesces artifact events into one list read
    RecentProjects m_recent;
    QString m_projectRoot;
    QString m_pendingDir;
};

} // namespace cairn::app
