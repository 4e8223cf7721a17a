// Pipelines in the workbench, offscreen, with the real `cairn` and a real engine: the
// Pipelines dock lists the project's pipelines and opens them in tabs (remembered per
// project); New Pipeline makes pipelines/NAME.yaml; Run Pipeline starts `cairn pipeline run`
// detached and the canvas follows its stages live to done; double-click shows the stage's run
// on the Runs tab; Run This Stage and Run from Here; Stop cancels; a run keeps going when
// the window closes.
#include "app/main_window.h"
#include "app/pipeline_runner.h"
#include "app/pipeline_tabs.h"
#include "app/pipelines_dock.h"
#include "app/project_session.h"
#include "engine/pipeline/progress.h"
#include "widgets/canvas/node_item.h"
#include "widgets/canvas/pipeline_editor.h"
#include "widgets/canvas/pipeline_model.h"
#include "widgets/canvas/pipeline_scene.h"
#include "widgets/canvas/pipeline_view.h"
#include "widgets/runs/runs_view.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace cairn;

namespace {

QString cairnExe() { return qEnvironmentVariable("CAIRN_EXECUTABLE"); }

bool writeAll(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

const char* kChain = "stages:\n"
                     "  make:\n"
                     "    cmd: sleep 1 && echo made > made.txt\n"
                     "    outs: [made.txt]\n"
                     "  use:\n"
                     "    cmd: cat made.txt made.txt > used.txt\n"
                     "    deps: [made.txt]\n"
                     "    outs: [used.txt]\n";

} // namespace

class TestWorkbenchPipelines : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    bool openProject(app::MainWindow& window)
    {
        window.resize(1400, 900);
        window.show();
        window.openProject(m_dir.path());
        return QTest::qWaitFor([&] { return !window.projectRoot().isEmpty(); }, 15000);
    }
    QString stateOf(widgets::PipelineEditor* e, const QString& node)
    {
        widgets::NodeItem* n = e->scene()->nodeItem(node);
        return n ? n->runState() : QStringLiteral("<no node>");
    }
    pipeline::RunProgress progressOf(const QString& file)
    {
        return pipeline::readProgress(pipeline::progressPathFor(m_dir.path().toStdString(), file.toStdString()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY2(!cairnExe().isEmpty(), "CAIRN_EXECUTABLE must name the built cairn");
        if (qEnvironmentVariableIsEmpty("CAIRN_ENGINE_IDLE_S"))
            qputenv("CAIRN_ENGINE_IDLE_S", "30");
        QCOMPARE(QProcess::execute(cairnExe(), {QStringLiteral("init"), m_dir.path()}), 0);
        QVERIFY(writeAll(m_dir.filePath(QStringLiteral("pipelines/chain.yaml")), kChain));
        QVERIFY(writeAll(m_dir.filePath(QStringLiteral("dvc.yaml")), "stages:\n  hello:\n    cmd: echo hi > hi.txt\n    outs: [hi.txt]\n"));
    }

    void cleanupTestCase()
    {
        QProcess::execute(cairnExe(), {QStringLiteral("engine"), QStringLiteral("stop"), QStringLiteral("--project"), m_dir.path()});
    }

    void dockListsAndOpensPipelines()
    {
        app::MainWindow window(false);
        QVERIFY(openProject(window));
        app::PipelinesDock* dock = window.pipelinesDock();
        QVERIFY(dock->isVisible());
        QTreeWidget* tree = dock->tree();
        QCOMPARE(tree->topLevelItemCount(), 2);
        QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("pipelines/chain.yaml"));
        QCOMPARE(tree->topLevelItem(0)->text(1), QStringLiteral("2"));
        QCOMPARE(tree->topLevelItem(1)->text(0), QStringLiteral("dvc.yaml"));
        // Activating a row opens the pipeline in a tab next to Runs.
        Q_EMIT tree->itemActivated(tree->topLevelItem(0), 0);
        QCOMPARE(window.centralTabs()->count(), 2);
        QCOMPARE(window.centralTabs()->tabText(1), QStringLiteral("chain.yaml"));
        widgets::PipelineEditor* e = window.pipelineTabs()->current();
        QVERIFY(e);
        QVERIFY(e->scene()->nodeItem(QStringLiteral("use")));
        // The Pipeline and Edit menus act on it.
        QMenu* pipelineMenu = nullptr;
        for (QAction* a : window.menuBar()->actions())
            if (a->text().remove(QLatin1Char('&')) == QStringLiteral("Pipeline"))
                pipelineMenu = a->menu();
        QVERIFY(pipelineMenu);
        window.pipelineTabs()->fillPipelineMenu(pipelineMenu);
        QVERIFY(pipelineMenu->actions().contains(e->action(QStringLiteral("run"))));
        QVERIFY(pipelineMenu->actions().contains(e->action(QStringLiteral("save"))));
        // A second activation shows the same tab.
        Q_EMIT tree->itemActivated(tree->topLevelItem(0), 0);
        QCOMPARE(window.centralTabs()->count(), 2);
        // New Pipeline: pipelines/fresh.yaml, written on save, then listed.
        widgets::PipelineEditor* fresh = window.pipelineTabs()->newPipeline(QStringLiteral("fresh"));
        QVERIFY(fresh);
        QCOMPARE(window.centralTabs()->count(), 3);
        QVERIFY(fresh->model()->isModified());
        QVERIFY(!fresh->addFromTemplate(QStringLiteral("shell")).isEmpty());
        QString error;
        QVERIFY2(fresh->save(&error), qPrintable(error));
        QVERIFY(QFileInfo::exists(m_dir.filePath(QStringLiteral("pipelines/fresh.yaml"))));
        QTRY_COMPARE_WITH_TIMEOUT(tree->topLevelItemCount(), 3, 5000);
        QVERIFY(!window.pipelineTabs()->newPipeline(QStringLiteral("two words")));
    }

    void openTabsAreRemembered()
    {
        // The previous test left chain.yaml and fresh.yaml open.
        app::MainWindow window(false);
        QVERIFY(openProject(window));
        QCOMPARE(window.centralTabs()->count(), 3);
        QCOMPARE(window.centralTabs()->currentIndex(), 0);  // the Runs tab first
        QVERIFY(window.pipelineTabs()->closeTab(2));
        QFile::remove(m_dir.filePath(QStringLiteral("pipelines/fresh.yaml")));
    }

    void runsLiveAndOpensTheStageRun()
    {
        app::MainWindow window(false);
        QVERIFY(openProject(window));
        const QString file = m_dir.filePath(QStringLiteral("pipelines/chain.yaml"));
        widgets::PipelineEditor* e = window.pipelineTabs()->open(file);
        QVERIFY(e);
        QSet<QString> seen;
        connect(e->model(), &widgets::PipelineModel::runStatesChanged, this, [&] {
            seen.insert(stateOf(e, QStringLiteral("make")));
            seen.insert(stateOf(e, QStringLiteral("use")));
        });
        e->action(QStringLiteral("run"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(e, QStringLiteral("use")), QStringLiteral("done"), 60000);
        QCOMPARE(stateOf(e, QStringLiteral("make")), QStringLiteral("done"));
        QVERIFY2(seen.contains(QStringLiteral("running")), qPrintable(QStringList(seen.values()).join(QLatin1Char(','))));
        QVERIFY(seen.contains(QStringLiteral("queued")));
        QTRY_VERIFY_WITH_TIMEOUT(!e->model()->runLive(), 10000);
        QVERIFY(QFileInfo::exists(app::PipelineRunner::logPath(m_dir.path(), file)));
        const auto progress = progressOf(file);
        QVERIFY(progress.ended);
        QCOMPARE(progress.exitCode, 0);
        const QString useRun = QString::fromStdString(progress.stages.at("use").run);
        QVERIFY(!useRun.isEmpty());

        // Double-click: the Runs tab shows that stage's run.
        QWidget* vp = e->view()->viewport();
        widgets::NodeItem* use = e->scene()->nodeItem(QStringLiteral("use"));
        QTest::mouseDClick(vp, Qt::LeftButton, Qt::NoModifier, e->view()->mapFromScene(use->mapToScene(QPointF(50, 12))));
        QCOMPARE(window.centralTabs()->currentIndex(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->currentRunId(), useRun, 10000);

        // Run This Stage: everything is cached now.
        window.centralTabs()->setCurrentWidget(e);
        e->scene()->selectStages({QStringLiteral("use")});
        e->action(QStringLiteral("runStage"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(progressOf(file).id != progress.id && progressOf(file).ended, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(e, QStringLiteral("use")), QStringLiteral("cached"), 10000);
        QCOMPARE(stateOf(e, QStringLiteral("make")), QStringLiteral("cached"));
        // A stage cached by this run still opens the run that made its output (the lock file).
        QSignalSpy open(e, &widgets::PipelineEditor::openRunRequested);
        e->openStageRun(QStringLiteral("use"));
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.first().first().toString(), useRun);

        // Run from Here after an edit: `use` runs again, `make` is not part of the run.
        QVERIFY(writeAll(file, QByteArray(kChain).replace("cat made.txt made.txt", "cat made.txt")));
        QTRY_VERIFY_WITH_TIMEOUT(e->model()->document().text().find("cat made.txt >") != std::string::npos, 10000);
        e->scene()->selectStages({QStringLiteral("use")});
        const std::string before = progressOf(file).id;
        e->action(QStringLiteral("runFrom"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(progressOf(file).id != before && progressOf(file).ended, 60000);
        QCOMPARE(static_cast<int>(progressOf(file).selected.size()), 1);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(e, QStringLiteral("use")), QStringLiteral("done"), 10000);
        QCOMPARE(stateOf(e, QStringLiteral("make")), QString());  // not in this run
    }

    void stopCancelsTheRun()
    {
        const QString file = m_dir.filePath(QStringLiteral("pipelines/slow.yaml"));
        QVERIFY(writeAll(file, "stages:\n  wait:\n    cmd: sleep 60 && echo w > w.txt\n    outs: [w.txt]\n"));
        app::MainWindow window(false);
        QVERIFY(openProject(window));
        widgets::PipelineEditor* e = window.pipelineTabs()->open(file);
        QVERIFY(e);
        e->action(QStringLiteral("run"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(e, QStringLiteral("wait")), QStringLiteral("running"), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!progressOf(file).stages.at("wait").run.empty(), 30000);
        QTRY_VERIFY(e->action(QStringLiteral("stop"))->isEnabled());
        e->action(QStringLiteral("stop"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(progressOf(file).ended, 30000);
        QCOMPARE(progressOf(file).exitCode, 130);
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(e, QStringLiteral("wait")) == QStringLiteral("failed"), 10000);
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("w.txt"))));
    }

    void aRunOutlivesTheWindow()
    {
        const QString file = m_dir.filePath(QStringLiteral("pipelines/outlive.yaml"));
        QVERIFY(writeAll(file, "stages:\n  later:\n    cmd: sleep 2 && echo l > later.txt\n    outs: [later.txt]\n"));
        {
            app::MainWindow window(false);
            QVERIFY(openProject(window));
            widgets::PipelineEditor* e = window.pipelineTabs()->open(file);
            QVERIFY(e);
            e->action(QStringLiteral("run"))->trigger();
            QTRY_VERIFY_WITH_TIMEOUT(!progressOf(file).id.empty(), 30000);
            window.close();
        }  // the window is gone; the run is not
        QTRY_VERIFY_WITH_TIMEOUT(progressOf(file).ended, 60000);
        QCOMPARE(progressOf(file).exitCode, 0);
        QFile out(m_dir.filePath(QStringLiteral("later.txt")));
        QVERIFY(out.open(QIODevice::ReadOnly));
        QCOMPARE(out.readAll(), QByteArray("l\n"));
    }
};

QTEST_MAIN(TestWorkbenchPipelines)
#include "tst_workbench_pipelines.moc"
