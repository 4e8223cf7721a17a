// The workbench window driven offscreen against a real project database.
#include "project_fixture.h"

#include "app/main_window.h"
#include "app/new_project.h"
#include "app/screenshot.h"
#include "engine/store/project.h"
#include "engine/store/schema.h"
#include "engine/store/store.h"
#include "widgets/charts/metric_chart.h"
#include "widgets/charts/metric_grid.h"
#include "widgets/runs/log_view.h"
#include "widgets/runs/run_page.h"
#include "widgets/runs/runs_table_model.h"
#include "widgets/runs/runs_view.h"

#include <QImage>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace cairn;

class TestWorkbench : public QObject {
    Q_OBJECT
private:
    std::filesystem::path dir() const { return m_dir.path().toStdString(); }
    std::unique_ptr<Store> readStore() const
    {
        auto project = Project::open(dir());
        auto store = Store::open(project->databasePath(), Store::Mode::ReadOnly);
        return std::move(store.value());
    }
    int rowOf(widgets::RunsView* view, const QString& runId) const
    {
        QAbstractItemModel* model = view->tableView()->model();
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->index(r, 0).data(widgets::RunsTableModel::RunIdRole).toString() == runId)
                return r;
        return -1;
    }

    QTemporaryDir m_dir;
    std::vector<std::string> m_ids;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // keep recent projects out of the user's settings
        QVERIFY(m_dir.isValid());
        m_ids = testing::makeFixtureProject(dir(), {.runs = 3, .points = 300, .withNonFinite = true});
    }

    void showsEveryRunAndItsCharts()
    {
        app::MainWindow window(false);
        window.show();
        window.openProject(m_dir.path());
        const int runCount = static_cast<int>(readStore()->runs()->size());
        QCOMPARE(runCount, 3);
        QTRY_COMPARE_WITH_TIMEOUT(window.runsView()->visibleRowCount(), runCount, 10000);
        QVERIFY(window.windowTitle().contains(QStringLiteral("fixture")));

        // Click the oldest run's row; its charts must hold every stored point.
        const QString runId = QString::fromStdString(m_ids.front());
        QTableView* table = window.runsView()->tableView();
        const int row = rowOf(window.runsView(), runId);
        QVERIFY(row >= 0);
        QRect cell = table->visualRect(table->model()->index(row, widgets::RunsTableModel::NameColumn));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(window.runsView()->currentRunId(), runId);
        QTRY_COMPARE_WITH_TIMEOUT(window.runPage()->runId(), runId, 10000);

        auto store = readStore();
        for (const char* key : {"loss", "acc"}) {
            widgets::MetricChart* chart = window.runPage()->metricGrid()->chart(QString::fromLatin1(key));
            QVERIFY2(chart, key);
            QCOMPARE(chart->pointCount(), static_cast<int>(*store->metricCount(m_ids.front(), key)));
            QCOMPARE(chart->pointCount(), 300);
        }
        QVERIFY(window.runPage()->logView()->stdoutText().contains(QStringLiteral("epoch 0")));
    }

    void skipsNonFiniteValues()
    {
        app::MainWindow window(false);
        window.openProject(m_dir.path());
        const QString newest = QString::fromStdString(m_ids.back());
        // With nothing selected the window shows the newest run.
        QTRY_COMPARE_WITH_TIMEOUT(window.runPage()->runId(), newest, 10000);
        widgets::MetricChart* chart = window.runPage()->metricGrid()->chart(QStringLiteral("grad_norm"));
        QVERIFY(chart);
        QCOMPARE(*readStore()->metricCount(m_ids.back(), "grad_norm"), 20);
        QCOMPARE(chart->pointCount(), 18);
        QCOMPARE(chart->skippedCount(), 2);
        QVERIFY(chart->readoutAt(4.2).startsWith(QStringLiteral("step 4")));
    }

    void filterReducesRows()
    {
        app::MainWindow window(false);
        window.openProject(m_dir.path());
        QTRY_COMPARE_WITH_TIMEOUT(window.runsView()->visibleRowCount(), 3, 10000);
        QLineEdit* filter = window.runsView()->filterEdit();
        QTest::keyClicks(filter, QStringLiteral("run-1"));
        QCOMPARE(window.runsView()->visibleRowCount(), 1);
        filter->clear();
        QTest::keyClicks(filter, QStringLiteral("baseline")); // an experiment: run-1 only (odd seeds)
        QCOMPARE(window.runsView()->visibleRowCount(), 1);
        filter->clear();
        QTest::keyClicks(filter, QStringLiteral("no such run"));
        QCOMPARE(window.runsView()->visibleRowCount(), 0);
        filter->clear();
        QCOMPARE(window.runsView()->visibleRowCount(), 3);

        // The search language (docs/search.md), typed key by key as a user would.
        QTest::keyClicks(filter, QStringLiteral("params.lr < 0.05 and metrics.loss > 0"));
        QCOMPARE(window.runsView()->visibleRowCount(), 2);  // lr 0.01 and 0.001
        QVERIFY(filter->styleSheet().isEmpty());
        filter->clear();
        QTest::keyClicks(filter, QStringLiteral("params.lr = 0.1 or status = 'running'"));
        QCOMPARE(window.runsView()->visibleRowCount(), 2);
        filter->clear();
        QTest::keyClicks(filter, QStringLiteral("name in ('run-0', 'run-2')"));  // no operator sign at all
        QCOMPARE(window.runsView()->visibleRowCount(), 2);
        filter->clear();
        QTest::keyClicks(filter, QStringLiteral("name like 'run-%'"));
        QCOMPARE(window.runsView()->visibleRowCount(), 3);
        filter->clear();
        QTest::keyClicks(filter, QStringLiteral("metrics.loss >"));
        QVERIFY2(filter->toolTip().startsWith("column 15"), qPrintable(filter->toolTip()));
        QVERIFY(!filter->styleSheet().isEmpty());
        filter->clear();
        QVERIFY(filter->styleSheet().isEmpty());
        QCOMPARE(window.runsView()->visibleRowCount(), 3);
    }

    void sortsNumbersNumerically()
    {
        app::MainWindow window(false);
        window.openProject(m_dir.path());
        QTRY_COMPARE_WITH_TIMEOUT(window.runsView()->visibleRowCount(), 3, 10000);
        QTableView* table = window.runsView()->tableView();
        QAbstractItemModel* model = table->model();
        int column = -1;
        for (int c = 0; c < model->columnCount(); ++c)
            if (model->headerData(c, Qt::Horizontal).toString() == QStringLiteral("params.batch_size"))
                column = c;
        QVERIFY(column >= 0);
        table->sortByColumn(column, Qt::AscendingOrder);
        QStringList values;
        for (int r = 0; r < model->rowCount(); ++r)
            values << model->index(r, column).data().toString();
        QCOMPARE(values, (QStringList{QStringLiteral("8"), QStringLiteral("16"), QStringLiteral("128")}));
    }

    void showsRunsAddedWhileOpen()
    {
        app::MainWindow window(false);
        window.openProject(m_dir.path());
        QTRY_COMPARE_WITH_TIMEOUT(window.runsView()->visibleRowCount(), 3, 10000);
        const QString selected = QString::fromStdString(m_ids.front());
        QVERIFY(window.runsView()->selectRun(selected));
        QTRY_COMPARE_WITH_TIMEOUT(window.runPage()->runId(), selected, 10000);

        std::string added = testing::addFixtureRun(dir(), "late-run");
        m_ids.push_back(added);
        QTRY_COMPARE_WITH_TIMEOUT(window.runsView()->visibleRowCount(), 4, 10000);
        QVERIFY(rowOf(window.runsView(), QString::fromStdString(added)) >= 0);
        // The selection follows the run, not the row.
        QCOMPARE(window.runsView()->currentRunId(), selected);
        QModelIndexList rows = window.runsView()->tableView()->selectionModel()->selectedRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.front().data(widgets::RunsTableModel::RunIdRole).toString(), selected);
    }

    void newProjectRunsCairnInit()
    {
        const QString cairn = app::NewProject::findCairn();
        if (cairn.isEmpty() || !QFileInfo(cairn).isExecutable())
            QSKIP("the cairn CLI is not built (CAIRN_EXECUTABLE unset)");
        QTemporaryDir parent;
        const QString target = parent.filePath(QStringLiteral("fresh"));
        app::NewProject creator;
        QSignalSpy done(&creator, &app::NewProject::finished);
        creator.start(target);
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
        QCOMPARE(done.front().at(1).toString(), QString());
        QVERIFY(QFileInfo::exists(target + QStringLiteral("/cairn.yaml")));

        app::MainWindow window(false);
        QSignalSpy shown(&window, &app::MainWindow::runsShown);
        window.openProject(target);
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 10000);
        QCOMPARE(shown.front().at(0).toInt(), 0);
        QCOMPARE(window.projectRoot(), QFileInfo(target).absoluteFilePath());
    }

    void opensAProjectOfAnOlderCairnByUpgradingIt()
    {
        const QString cairn = app::NewProject::findCairn();
        if (cairn.isEmpty() || !QFileInfo(cairn).isExecutable())
            QSKIP("the cairn CLI is not built (CAIRN_EXECUTABLE unset)");
        // A project whose database an older Cairn wrote (one schema version behind).
        QTemporaryDir old;
        testing::makeFixtureProject(old.path().toStdString(), {.runs = 1, .points = 10, .withNonFinite = false});
        const std::filesystem::path db = Project::open(old.path().toStdString())->databasePath();
        for (const char* suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(db.string() + suffix);
        QVERIFY(schema::createAtVersion(db, schema::latestVersion() - 1));
        QVERIFY(Store::needsMigration(db));
        QVERIFY(!Store::open(db, Store::Mode::ReadOnly));

        app::MainWindow window(false);
        QSignalSpy shown(&window, &app::MainWindow::runsShown);
        QSignalSpy failed(&window, &app::MainWindow::projectFailed);
        window.openProject(old.path());
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 30000);
        QCOMPARE(failed.size(), 0);
        QVERIFY(!Store::needsMigration(db));
        QProcess stop;
        stop.setWorkingDirectory(old.path());
        stop.start(cairn, {QStringLiteral("engine"), QStringLiteral("stop")});
        QVERIFY(stop.waitForFinished(15000));
    }

    void screenshotWritesPng()
    {
        QTemporaryDir out;
        const QString png = out.filePath(QStringLiteral("shot.png"));
        auto result = app::takeScreenshot(m_dir.path(), png, QSize(1200, 800));
        QVERIFY2(result.ok, qPrintable(result.error));
        QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(1200, 800));
    }

    void screenshotFailsOnNonProject()
    {
        QTemporaryDir empty;
        auto result = app::takeScreenshot(empty.path(), empty.filePath(QStringLiteral("x.png")));
        QVERIFY(!result.ok);
        QVERIFY(!result.error.isEmpty());
        QVERIFY(!QFile::exists(empty.filePath(QStringLiteral("x.png"))));
    }
};

QTEST_MAIN(TestWorkbench)
#include "tst_workbench.moc"
