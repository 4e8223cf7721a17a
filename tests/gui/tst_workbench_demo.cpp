// The workbench on the real demo project: `cairn demo` trains the sweep with Python and
// scikit-learn, then the window must show every run and, for a clicked run, charts holding
// exactly the points the database holds.
#include "app/main_window.h"
#include "app/screenshot.h"
#include "engine/store/project.h"
#include "engine/store/store.h"
#include "widgets/charts/metric_chart.h"
#include "widgets/charts/metric_grid.h"
#include "widgets/runs/run_page.h"
#include "widgets/runs/runs_table_model.h"
#include "widgets/runs/runs_view.h"

#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace cairn;

class TestWorkbenchDemo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyRunAndEveryPoint();
    void screenshotOfDemo();

private:
    QTemporaryDir m_dir;
    QString m_project;
};

void TestWorkbenchDemo::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString cairnBin = qEnvironmentVariable("CAIRN_EXECUTABLE");
    QVERIFY2(QFile::exists(cairnBin), "CAIRN_EXECUTABLE must name the built cairn binary");
    m_project = m_dir.path() + "/demo";
    QProcess demo;
    demo.start(cairnBin, {"demo", m_project, "--epochs", "5"});
    QVERIFY(demo.waitForFinished(180000));
    QVERIFY2(demo.exitCode() == 0, demo.readAllStandardError().constData());
}

void TestWorkbenchDemo::everyRunAndEveryPoint()
{
    auto store = Store::open((m_project + "/cairn.db").toStdString(), Store::Mode::ReadOnly);
    QVERIFY(store);
    auto runs = (*store)->runs();
    QVERIFY(runs->size() >= 6);

    app::MainWindow window(false);
    window.resize(1400, 900);
    window.show();
    window.openProject(m_project);
    QTRY_COMPARE_WITH_TIMEOUT(window.runsView()->visibleRowCount(), static_cast<int>(runs->size()), 15000);

    QTableView* table = window.runsView()->tableView();
    for (int row : {0, table->model()->rowCount() - 1}) {
        QRect cell = table->visualRect(table->model()->index(row, widgets::RunsTableModel::NameColumn));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        const QString runId = window.runsView()->currentRunId();
        QVERIFY(!runId.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(window.runPage()->runId(), runId, 15000);
        auto keys = (*store)->metricKeys(runId.toStdString());
        QVERIFY(keys && keys->size() >= 3);
        for (const std::string& key : *keys) {
            QTRY_VERIFY_WITH_TIMEOUT(window.runPage()->metricGrid()->chart(QString::fromStdString(key)), 15000);
            widgets::MetricChart* chart = window.runPage()->metricGrid()->chart(QString::fromStdString(key));
            QCOMPARE(chart->pointCount(), static_cast<int>(*(*store)->metricCount(runId.toStdString(), key)));
        }
        QCOMPARE(window.runPage()->metricGrid()->chart("val_acc")->pointCount(), 5);
    }
}

void TestWorkbenchDemo::screenshotOfDemo()
{
    const QString png = m_dir.path() + "/demo.png";
    auto result = app::takeScreenshot(m_project, png);
    QVERIFY2(result.ok, qPrintable(result.error));
    QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 800 && image.height() >= 600);
}

QTEST_MAIN(TestWorkbenchDemo)
#include "tst_workbench_demo.moc"
