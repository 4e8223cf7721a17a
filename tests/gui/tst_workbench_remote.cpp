// The workbench with an ssh executor, offscreen, against a real engine and a real sshd on
// 127.0.0.1 (tests/integration/remote/daemons.h): the Launch dialog lists the executors of
// cairn.yaml and submits to one, the queue shows where the job is and what the far side says,
// and the run page shows every rank's log and the run's history.
#include "app/engine_client.h"
#include "app/main_window.h"
#include "daemons.h"
#include "widgets/jobs/launch_dialog.h"
#include "widgets/jobs/queue_panel.h"
#include "widgets/runs/log_view.h"
#include "widgets/runs/run_page.h"
#include "widgets/runs/runs_view.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace cairn;

class TestWorkbenchRemote : public QObject {
    Q_OBJECT
private:
    static QString cairn() { return qEnvironmentVariable("CAIRN_EXECUTABLE"); }
    QTemporaryDir m_dir;
    QString m_daemonDir;
    cairn::testing::SshServer m_sshd;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(!cairn().isEmpty(), "CAIRN_EXECUTABLE must name the built cairn");
        m_daemonDir = cairn::testing::makeDaemonDir("cairn-gui-sshd");
        QString skip, error;
        if (!m_sshd.start(m_daemonDir, skip, error)) {
            if (!skip.isEmpty())
                QSKIP(qPrintable(skip));
            QFAIL(qPrintable(error));
        }
        QCOMPARE(QProcess::execute(cairn(), {QStringLiteral("init"), m_dir.path()}), 0);
        QFile yaml(m_dir.filePath(QStringLiteral("cairn.yaml")));
        QVERIFY(yaml.open(QIODevice::Append));
        yaml.write(("executors:\n" + m_sshd.executorYaml("box", m_daemonDir + "/far") +
                    "  cluster:\n    type: slurm\n    partition: gpu\n").toUtf8());
        yaml.close();
        QFile script(m_dir.filePath(QStringLiteral("job.py")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("import os, time\nrank = os.environ['RANK']\nfor i in range(30):\n"
                     "    print('cairn:metric step=%d loss=%d' % (i, 30 - i) if rank == '0' else 'rank %s step %d' % (rank, i), flush=True)\n"
                     "    time.sleep(0.1)\n");
    }

    void cleanupTestCase()
    {
        QProcess::execute(cairn(), {QStringLiteral("engine"), QStringLiteral("stop"), QStringLiteral("--project"), m_dir.path()});
        m_sshd.stop();
        cairn::testing::removeDaemonDir(m_daemonDir);
    }

    void launchesOnAnExecutorAndShowsRanks()
    {
        app::MainWindow window(false);
        window.show();
        window.openProject(m_dir.path());
        QTRY_VERIFY_WITH_TIMEOUT(!window.projectRoot().isEmpty(), 10000);
        window.startEngine();
        QTRY_VERIFY_WITH_TIMEOUT(window.engineClient()->isConnected(), 30000);

        QPointer<widgets::LaunchDialog> dialog = window.launchRun();
        QVERIFY(dialog);
        QSignalSpy loaded(dialog.data(), &widgets::LaunchDialog::executorsLoaded);
        QVERIFY(loaded.wait(15000) || !loaded.isEmpty());
        QCOMPARE(loaded.first().first().toInt(), 2);
        QCOMPARE(dialog->executorBox()->count(), 3);  // this machine, box, cluster
        QVERIFY(dialog->selectExecutor(QStringLiteral("cluster")));
        QVERIFY(dialog->nodesBox()->isEnabled());      // Slurm takes nodes
        QVERIFY(dialog->selectExecutor(QStringLiteral("box")));
        QVERIFY(!dialog->nodesBox()->isEnabled());     // one ssh host is one node
        QVERIFY(!dialog->gpuList()->isEnabled());      // this machine's GPUs mean nothing there
        dialog->commandEdit()->setText(QStringLiteral("python3 job.py"));
        dialog->processesBox()->setValue(2);
        const QJsonObject job = dialog->request().value(QStringLiteral("job")).toObject();
        QCOMPARE(job.value(QStringLiteral("executor")).toString(), QStringLiteral("box"));
        if (const QString dir = qEnvironmentVariable("CAIRN_SCREENSHOT_DIR"); !dir.isEmpty())
            dialog->grab().save(dir + QStringLiteral("/launch-remote.png"));
        QSignalSpy submitted(dialog.data(), &widgets::LaunchDialog::submitted);
        dialog->submit();
        QTRY_COMPARE_WITH_TIMEOUT(submitted.count(), 1, 15000);
        const QString runId = submitted.first().first().toString();

        // The queue says where it runs, with the far side's state and host.
        QTRY_VERIFY_WITH_TIMEOUT(window.queuePanel()->whereOf(runId).startsWith(QStringLiteral("box: RUNNING on")), 60000);
        window.runsView()->selectRun(runId);
        QTRY_COMPARE_WITH_TIMEOUT(window.runPage()->runId(), runId, 10000);
        // Rank 1's log gets its own tab while the job runs; the history tells what happened.
        widgets::LogView* logs = window.runPage()->logView();
        QTRY_VERIFY_WITH_TIMEOUT(logs->extraTabs().contains(QStringLiteral("rank 1 · stdout")), 30000);
        QVERIFY(logs->extraTabs().contains(QStringLiteral("History")));
        if (const QString dir = qEnvironmentVariable("CAIRN_SCREENSHOT_DIR"); !dir.isEmpty()) {
            window.resize(1400, 900);
            QTest::qWait(300);
            window.grab().save(dir + QStringLiteral("/workbench-remote.png"));
            logs->setCurrentIndex(logs->count() - 1);
            logs->resize(900, 300);
            logs->grab().save(dir + QStringLiteral("/logs-history.png"));
        }
        QTRY_VERIFY_WITH_TIMEOUT(window.queuePanel()->rowOf(runId) < 0, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(logs->stdoutText().contains(QStringLiteral("step=29")), 20000);
    }
};

QTEST_MAIN(TestWorkbenchRemote)
#include "tst_workbench_remote.moc"
