#include "app/main_window.h"

#include "app/compare_window.h"
#include "app/engine_client.h"
#include "app/models_dock.h"
#include "app/new_project.h"
#include "app/pipeline_tabs.h"
#include "app/pipelines_dock.h"
#include "app/project_session.h"
#include "widgets/jobs/gpu_panel.h"
#include "widgets/jobs/queue_panel.h"
#include "widgets/reports/alerts_panel.h"
#include "widgets/reports/reports_panel.h"
#include "engine/store/project.h"
#include "engine/store/saved_views.h"
#include "widgets/runs/run_page.h"
#include "widgets/runs/runs_source.h"
#include "widgets/runs/runs_table_model.h"
#include "widgets/runs/runs_view.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>

namespace cairn::app {

MainWindow::MainWindow(bool interactive, QWidget* parent)
    : QMainWindow(parent), m_interactive(interactive), m_session(new ProjectSession(this)),
      m_runs(new widgets::RunsView(this)), m_page(new widgets::RunPage(this)),
      m_splitter(new QSplitter(Qt::Vertical, this)), m_pathLabel(new QLabel(this)), m_countLabel(new QLabel(this))
{
    setWindowTitle(tr("Cairn Workbench"));
    m_splitter->addWidget(m_runs);
    m_splitter->addWidget(m_page);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);
    createPipelineParts();  // the central tabs: Runs, then one per open pipeline

    statusBar()->addWidget(m_pathLabel, 1);
    statusBar()->addPermanentWidget(m_countLabel);
    m_pathLabel->setText(tr("No project open. Use File > Open Project... or File > New Project..."));
    createLiveParts();
    createLineageParts();
    createReportsPart();
    createMenus();

    connect(m_session, &ProjectSession::opened, this, &MainWindow::onOpened);
    connect(m_session, &ProjectSession::failed, this, [this](const QString& message) {
        showError(tr("Cannot open project"), message);
        Q_EMIT projectFailed(message);
    });
    connect(m_session, &ProjectSession::progress, this, [this](const QString& message) {
        statusBar()->showMessage(message, 10000);
    });
    connect(m_session, &ProjectSession::runsChanged, this, [this] {
        m_runs->refresh();
        showRunCount();
    });
    // Refreshes the table joined into a later one update the count too.
    connect(m_runs->model(), &widgets::RunsTableModel::queried, this, [this] {
        m_countLabel->setText(tr("%n run(s)", nullptr, static_cast<int>(m_runs->model()->totalRuns())));
    });
    connect(m_session, &ProjectSession::runLoaded, m_page, &widgets::RunPage::setDetail);
    connect(m_runs, &widgets::RunsView::currentRunChanged, m_session, &ProjectSession::selectRun);
    connect(m_page, &widgets::RunPage::detailShown, this, &MainWindow::runShown);
    connect(m_runs, &widgets::RunsView::compareRequested, this, &MainWindow::compareRuns);
    connect(m_page, &widgets::RunPage::lineageRequested, this, &MainWindow::openLineage);
    connect(m_page, &widgets::RunPage::reproduceRequested, this, &MainWindow::reproduceRun);
    resize(1400, 900);
}

MainWindow::~MainWindow() = default;

void MainWindow::openProject(const QString& dir)
{
    m_pendingDir = dir;
    m_page->clear();
    m_runs->clear();
    m_session->open(dir);
}

void MainWindow::onOpened(const QString& name, const QString& root)
{
    m_projectRoot = root;
    statusBar()->clearMessage();  // "Upgrading the project database..." is over
    setWindowTitle(tr("%1 — Cairn Workbench").arg(name));
    m_pathLabel->setText(tr("Project %1 in %2").arg(name, QDir::toNativeSeparators(root)));
    m_recent.add(root);
    rebuildRecentMenu();
    m_engine->setProject(root);
    m_models->setProject(root);
    updateEngineStatus();
    openLineageSession(root);
    m_pipelinesDock->setProject(root);
    m_pipelinesDock->setVisible(!m_pipelinesDock->files().isEmpty());
    resizeDocks({m_pipelinesDock}, {240}, Qt::Horizontal);
    m_pipelineTabs->setProject(root);
    // The runs table reads through a read-only connection of its own on this thread: each
    // query is a few milliseconds (docs/runs-table.md), and only the rows on screen are read.
    const std::filesystem::path rootPath = root.toStdString();
    auto source = widgets::StoreRunsSource::open(rootPath / "cairn.db");
    if (!source) {
        showError(tr("Cannot open project"), QString::fromStdString(source.message()));
        Q_EMIT projectFailed(QString::fromStdString(source.message()));
        return;
    }
    m_runs->setViewsFile(viewsFilePath(rootPath));
    m_runs->setSource(*source);
    m_reports->setDatabase(rootPath / "cairn.db");
    m_alerts->setDatabase(rootPath / "cairn.db");
    Q_EMIT projectOpened(root);
    showRunCount();
}

void MainWindow::showRunCount()
{
    const int count = static_cast<int>(m_runs->model()->totalRuns());
    m_countLabel->setText(tr("%n run(s)", nullptr, count));
    // Show the newest run when nothing is selected yet.
    if (m_runs->currentRunId().isEmpty() && m_runs->visibleRowCount() > 0)
        m_runs->selectRun(m_runs->firstRunId());
    Q_EMIT runsShown(count);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* create = file->addAction(tr("&New Project..."), this, &MainWindow::newProject);
    create->setShortcut(QKeySequence::New);
    QAction* open = file->addAction(tr("&Open Project..."), this, &MainWindow::chooseProject);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Recent &Projects"));
    rebuildRecentMenu();
    file->addSeparator();
    QAction* launch = file->addAction(tr("&Launch Run..."), this, &MainWindow::launchRun);
    launch->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    file->addAction(tr("Start &Engine"), this, &MainWindow::startEngine);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    createEditMenu();

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* refresh = view->addAction(tr("&Refresh"), m_session, &ProjectSession::refresh);
    refresh->setShortcut(QKeySequence(Qt::Key_F5));
    QAction* compare = view->addAction(tr("&Compare Selected Runs"), this, [this] { compareRuns(m_runs->selectedRunIds()); });
    compare->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    view->addSeparator();
    QAction* queue = m_queue->toggleViewAction();
    queue->setText(tr("&Queue"));
    view->addAction(queue);
    QAction* gpus = m_gpuPanel->toggleViewAction();
    gpus->setText(tr("&GPUs"));
    view->addAction(gpus);
    QAction* models = m_models->toggleViewAction();
    models->setText(tr("&Models"));
    models->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    view->addAction(models);
    QAction* artifacts = m_artifactsDock->toggleViewAction();
    artifacts->setText(tr("&Artifacts"));
    view->addAction(artifacts);
    view->addAction(tr("Project &Lineage"), this, [this] { openLineage({}); });
    QAction* reports = m_reports->toggleViewAction();
    reports->setText(tr("R&eports"));
    reports->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    view->addAction(reports);
    QAction* alerts = m_alerts->toggleViewAction();
    alerts->setText(tr("&Alerts"));
    view->addAction(alerts);
    QAction* pipelines = m_pipelinesDock->toggleViewAction();
    pipelines->setText(tr("&Pipelines"));
    view->addAction(pipelines);
    createPipelineMenu();

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Cairn Workbench"), this, &MainWindow::showAbout);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = m_recent.list();
    for (const QString& dir : recent)
        m_recentMenu->addAction(QDir::toNativeSeparators(dir), this, [this, dir] { openProject(dir); });
    if (recent.isEmpty()) {
        m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("Clear List"), this, [this] {
        m_recent.clear();
        rebuildRecentMenu();
    });
}

void MainWindow::newProject()
{
    QString dir = QFileDialog::getExistingDirectory(this, tr("New Project: choose or create an empty folder"));
    if (dir.isEmpty())
        return;
    auto* creator = new NewProject(this);
    connect(creator, &NewProject::finished, this, [this, creator](const QString& projectDir, const QString& error) {
        creator->deleteLater();
        if (error.isEmpty())
            openProject(projectDir);
        else
            showError(tr("Cannot create project"), error);
    });
    creator->start(dir);
}

void MainWindow::chooseProject()
{
    QString dir = QFileDialog::getExistingDirectory(this, tr("Open Project"), m_projectRoot);
    if (!dir.isEmpty())
        openProject(dir);
}

CompareWindow* MainWindow::compareRuns(const QStringList& runIds)
{
    constexpr int kMaxCompared = 200;
    if (m_projectRoot.isEmpty())
        return nullptr;
    if (runIds.size() < 2) {
        showError(tr("Compare runs"), tr("Select two or more runs to compare: Ctrl-click or Shift-click rows in the runs table."));
        return nullptr;
    }
    if (runIds.size() > kMaxCompared) {
        showError(tr("Compare runs"), tr("%1 runs are selected; a comparison shows at most %2. Narrow the selection with the filter.")
                                          .arg(runIds.size())
                                          .arg(kMaxCompared));
        return nullptr;
    }
    auto* window = new CompareWindow(m_projectRoot, runIds);
    window->show();
    return window;
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Cairn Workbench"),
                       tr("<h3>Cairn Workbench %1</h3><p>A desktop workbench for machine-learning "
                          "experiments: runs, parameters, metrics and logs, read live from a Cairn "
                          "project.</p>")
                           .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::showError(const QString& title, const QString& message)
{
    statusBar()->showMessage(message, 10000);
    if (!m_interactive)
        return;
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace cairn::app
