// The live workbench, offscreen, against a real background engine (`cairn engine`): launch a run
// from the dialog, follow it in the queue and the runs table, cancel a job, see a GPU refusal.
#include "app/engine_client.h"
#include "app/main_window.h"
#include "widgets/charts/metric_chart.h"
#include "widgets/charts/metric_grid.h"
#include "widgets/jobs/gpu_panel.h"
#include "widgets/jobs/launch_dialog.h"
#include "widgets/jobs/queue_panel.h"
#include "widgets/runs/run_page.h"
#include "widgets/runs/runs_table_model.h"
#include "widgets/runs/runs_view.h"
#include "widgets/runs/status_icon.h"

#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace cairn;

class TestWorkbenchLive : public QObject {
    Q_OBJECT
private:
    static QString cairn() { return qEnvironmentVariable("CAIRN_EXECUTABLE"); }

    QString runStatus(app::MainWindow& window, const QString& runId) const
    {
        QAbstractItemModel* model = window.runsView()->tableView()->model();
        for (int r = 0; r < model->rowCount(); ++r) {
            QModelIndex index = model->index(r, widgets::RunsTableModel::StatusColumn);
            if (index.data(widgets::RunsTableModel::RunIdRole).toString() == runId)
                return index.data().toString();
        }
        return {};
    }

    int rowOf(app::MainWindow& window, const QString& runId) const
    {
        QAbstractItemModel* model = window.runsView()->tableView()->model();
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->index(r, 0).data(widgets::RunsTableModel::RunIdRole).toString() == runId)
                return r;
        return -1;
    }

    // Opens the project and connects to its engine, starting it.
    bool openAndConnect(app::MainWindow& window)
    {
        window.show();
        window.openProject(m_dir.path());
        if (!QTest::qWaitFor([&] { return !window.projectRoot().isEmpty(); }, 10000))
            return false;
        window.startEngine();
        return QTest::qWaitFor([&] { return window.engineClient()->isConnected(); }, 30000);
    }

    QString submit(app::MainWindow& window, const QString& command, const QString& name)
    {
        widgets::LaunchDialog* dialog = window.launchRun();
        if (!dialog)
            return {};
        dialog->commandEdit()->setText(command);
        dialog->nameEdit()->setText(name);
        QSignalSpy submitted(dialog, &widgets::LaunchDialog::submitted);
        dialog->submit();
        if (!submitted.wait(15000) && submitted.isEmpty())
            return {};
        return submitted.first().first().toString();
    }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY2(!cairn().isEmpty(), "CAIRN_EXECUTABLE must name the built cairn");
        if (qEnvironmentVariableIsEmpty("CAIRN_ENGINE_IDLE_S"))
            qputenv("CAIRN_ENGINE_IDLE_S", "20");
        QCOMPARE(QProcess::execute(cairn(), {QStringLiteral("init"), m_dir.path()}), 0);
    }

    void cleanupTestCase()
    {
        QProcess::execute(cairn(), {QStringLiteral("engine"), QStringLiteral("stop"), QStringLiteral("--project"), m_dir.path()});
    }

    void launchesAndFollowsARun()
    {
        app::MainWindow window(false);
        QVERIFY(openAndConnect(window));
        QTRY_VERIFY_WITH_TIMEOUT(window.engineLabel()->text().startsWith(QStringLiteral("engine: running, pid")), 10000);

        QPointer<widgets::LaunchDialog> dialog = window.launchRun();
        QVERIFY(dialog);
        QVERIFY(!dialog->canSubmit());  // no command yet
        QCOMPARE(dialog->workdirEdit()->text(), window.projectRoot());
        // QProcess::splitCommand knows double quotes only: the loop lives in a script.
        QFile script(m_dir.filePath(QStringLiteral("emit.sh")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("sleep 1\nfor i in $(seq 0 19); do echo \"cairn:metric step=$i loss=$((100 - i))\"; sleep 0.1; done\n");
        script.close();
        dialog->commandEdit()->setText(QStringLiteral("sh \"%1\"").arg(script.fileName()));
        dialog->nameEdit()->setText(QStringLiteral("live-job"));
        dialog->addParam(QStringLiteral("lr"), QStringLiteral("0.1"));
        QVERIFY(dialog->canSubmit());
        QCOMPARE(dialog->request().value(QStringLiteral("params")).toObject().value(QStringLiteral("lr")).toString(), QStringLiteral("0.1"));
        QSignalSpy submitted(dialog.data(), &widgets::LaunchDialog::submitted);
        dialog->submit();
        QTRY_COMPARE_WITH_TIMEOUT(submitted.count(), 1, 15000);
        const QString runId = submitted.first().first().toString();
        QVERIFY(!runId.isEmpty());
        QTRY_VERIFY(dialog.isNull());  // accepted and closed

        // The queue dock opens and lists the job while it is queued or running.
        QVERIFY(window.queuePanel()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(window.queuePanel()->rowOf(runId) >= 0, 10000);

        // Followed live: the chart grows while the job still runs (its 20 points take ~2 s).
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(window, runId) >= 0, 10000);
        window.runsView()->selectRun(runId);
        QTRY_COMPARE_WITH_TIMEOUT(window.runPage()->runId(), runId, 10000);
        auto points = [&] {
            widgets::MetricChart* chart = window.runPage()->metricGrid()->chart(QStringLiteral("loss"));
            return chart ? chart->pointCount() : 0;
        };
        QTRY_VERIFY_WITH_TIMEOUT(points() > 0 && points() < 20, 15000);
        QCOMPARE(runStatus(window, runId), widgets::statusText(RunStatus::Running));

        QTRY_COMPARE_WITH_TIMEOUT(runStatus(window, runId), widgets::statusText(RunStatus::Finished), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(window.runPage()->metricGrid()->chart(QStringLiteral("loss")), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(window.runPage()->metricGrid()->chart(QStringLiteral("loss"))->pointCount(), 20, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(window.queuePanel()->rowOf(runId) < 0, 10000);
    }

    void cancelsAJobFromTheQueue()
    {
        app::MainWindow window(false);
        QVERIFY(openAndConnect(window));
        const QString runId = submit(window, QStringLiteral("sleep 60"), QStringLiteral("sleeper"));
        QVERIFY(!runId.isEmpty());
        widgets::QueuePanel* queue = window.queuePanel();
        QTRY_COMPARE_WITH_TIMEOUT(queue->statusOf(runId), QStringLiteral("running"), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(window.engineLabel()->text().contains(QStringLiteral("1 running")), 10000);

        const QString shot = qEnvironmentVariable("CAIRN_LIVE_SCREENSHOT");
        queue->setConfirmCancel(false);
        queue->selectRun(runId);
        if (!shot.isEmpty()) {
            window.gpuPanel()->show();
            QTRY_VERIFY_WITH_TIMEOUT(!window.gpuPanel()->messageText().startsWith(QStringLiteral("Looking")), 10000);
            QVERIFY(window.grab().save(shot));
        }
        QVERIFY(queue->cancelButton()->isEnabled());
        QTest::mouseClick(queue->cancelButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(runStatus(window, runId), widgets::statusText(RunStatus::Killed), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(queue->rowOf(runId) < 0, 10000);
    }

    void reconnectsWhenTheEngineComesBack()
    {
        app::MainWindow window(false);
        QVERIFY(openAndConnect(window));
        const QString dir = m_dir.path();
        QCOMPARE(QProcess::execute(cairn(), {QStringLiteral("engine"), QStringLiteral("stop"), QStringLiteral("--project"), dir}), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!window.engineClient()->isConnected(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(window.engineLabel()->text(), QStringLiteral("engine: not running"), 10000);
        // Started by someone else (the CLI): the client finds it on its own (backoff 1 s, 2 s, 5 s).
        QCOMPARE(QProcess::execute(cairn(), {QStringLiteral("engine"), QStringLiteral("start"), QStringLiteral("--project"), dir}), 0);
        QTRY_VERIFY_WITH_TIMEOUT(window.engineClient()->isConnected(), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(window.engineLabel()->text().startsWith(QStringLiteral("engine: running")), 10000);
    }

    void showsTheEnginesGpuRefusal()
    {
        app::MainWindow window(false);
        QVERIFY(openAndConnect(window));
        QPointer<widgets::LaunchDialog> dialog = window.launchRun();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->noGpusLabel()->text().startsWith(QStringLiteral("No GPUs found")), 10000);
        dialog->commandEdit()->setText(QStringLiteral("true"));
        dialog->gpuCountBox()->setValue(1);
        dialog->submit();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), 10000);
        QVERIFY2(dialog->errorText().contains(QStringLiteral("GPU"), Qt::CaseInsensitive), qPrintable(dialog->errorText()));
        QVERIFY(dialog && dialog->isVisible());  // the dialog stays open for a correction
        QVERIFY(dialog->canSubmit());
        if (const QString shot = qEnvironmentVariable("CAIRN_LIVE_SCREENSHOT"); !shot.isEmpty())
            QVERIFY(dialog->grab().save(QString(shot).replace(QStringLiteral(".png"), QStringLiteral("-dialog.png"))));

        window.gpuPanel()->show();
        QTRY_VERIFY_WITH_TIMEOUT(window.gpuPanel()->messageText().startsWith(QStringLiteral("No NVIDIA GPU found (")), 10000);
    }
};

QTEST_MAIN(TestWorkbenchLive)
#include "tst_workbench_live.moc"
