// The background engine through the real CLI: queue, cancel, dependencies, crashes, protocol.
#include "cli_harness.h"

#include "engine/exec/process_info.h"

#include <QLocalSocket>
#include <QtTest>

#include <csignal>
#include <fstream>

using namespace cairn;

class TestEngine : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void submitPrintsIdAndWaitReturnsExitCode();
    void cancelKillsTheWholeTree();
    void afterWaitsAndFailsWithItsDependency();
    void gpuRequestsAreValidated();
    void multiWorkerJob();
    void engineCrashLosesNothingAndDoublesNothing();
    void runningJobSurvivesEngineDeath();
    void queuedJobsSurviveRestart();
    void badClientsDoNotHurtOthers();
    void statusStopAndSingleInstance();

private:
    long enginePid();
    std::unique_ptr<CliHarness> m_h;
};

void TestEngine::initTestCase()
{
    qputenv("CAIRN_ENGINE_IDLE_S", "20");  // engines started by this test do not linger
    m_h = std::make_unique<CliHarness>();
    QVERIFY(m_h->ok());
}

long TestEngine::enginePid()
{
    CliResult r = m_h->cairn({"engine", "status"});
    if (r.exitCode != 0 || !r.out.startsWith("pid "))
        return 0;
    return r.out.mid(4).trimmed().toLong();
}

static QByteArray lastLine(const QByteArray& out) { return out.trimmed().split('\n').last(); }

void TestEngine::submitPrintsIdAndWaitReturnsExitCode()
{
    CliResult s = m_h->cairn({"submit", "--name", "q1", "--param", "lr=0.5", "--", "/bin/sh", "-c",
                              "for i in 1 2 3; do echo cairn:metric x=$i; done; echo to-err >&2; exit 5"});
    QCOMPARE(s.exitCode, 0);
    QByteArray id = lastLine(s.out);
    QCOMPARE(id.size(), 32);
    CliResult w = m_h->cairn({"wait", QString::fromLatin1(id)});
    QCOMPARE(w.exitCode, 5);
    auto store = m_h->store();
    Run run = *store->findRun(id.toStdString());
    QVERIFY(run.status == RunStatus::Failed);
    QCOMPARE(run.params.at("lr"), std::string("0.5"));
    QCOMPARE(*store->metricCount(run.id, "x"), std::int64_t(3));  // all in the database once wait returns
    CliResult logs = m_h->cairn({"logs", QString::fromLatin1(id)});
    QVERIFY(logs.out.contains("cairn:metric x=3"));
    QVERIFY(logs.err.contains("to-err"));
}

void TestEngine::cancelKillsTheWholeTree()
{
    QString pidFile = m_h->project() + "/grandchild.pid";
    CliResult s = m_h->cairn({"submit", "--name", "tree", "--", "/bin/sh", "-c",
                              "sleep 300 & echo $! > " + pidFile + "; wait"});
    QByteArray id = lastLine(s.out);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(pidFile) && QFile(pidFile).size() > 0, 20000);
    QFile f(pidFile);
    QVERIFY(f.open(QIODevice::ReadOnly));
    long grandchild = f.readAll().trimmed().toLong();
    QVERIFY(grandchild > 0);
    CliResult q = m_h->cairn({"queue"});
    QVERIFY(q.out.contains("tree") && q.out.contains("running"));
    QCOMPARE(m_h->cairn({"cancel", QString::fromLatin1(id)}).exitCode, 0);
    CliResult w = m_h->cairn({"wait", QString::fromLatin1(id)}, 60000);
    QVERIFY2(w.exitCode == 128 + SIGTERM || w.exitCode == 128 + SIGKILL, qPrintable(QString("exit %1: %2").arg(w.exitCode).arg(QString::fromUtf8(w.err))));
    QVERIFY(m_h->store()->findRun(id.toStdString())->status == RunStatus::Killed);
    QTRY_VERIFY_WITH_TIMEOUT(exec::processStartTime(grandchild) == 0, 15000);  // no orphan left
}

void TestEngine::afterWaitsAndFailsWithItsDependency()
{
    QByteArray first = lastLine(m_h->cairn({"submit", "--", "/bin/sh", "-c", "sleep 1; exit 0"}).out);
    QByteArray second = lastLine(m_h->cairn({"submit", "--after", QString::fromLatin1(first), "--", "/bin/echo", "second"}).out);
    QCOMPARE(m_h->cairn({"wait", QString::fromLatin1(second)}).exitCode, 0);
    auto store = m_h->store();
    QVERIFY(store->findRun(second.toStdString())->startMs >= store->findRun(first.toStdString())->endMs);

    QByteArray bad = lastLine(m_h->cairn({"submit", "--", "/bin/false"}).out);
    QByteArray never = lastLine(m_h->cairn({"submit", "--after", QString::fromLatin1(bad), "--", "/bin/echo", "x"}).out);
    m_h->cairn({"wait", QString::fromLatin1(never)});
    Run r = *m_h->store()->findRun(never.toStdString());
    QVERIFY(r.status == RunStatus::Failed);
    QCOMPARE(r.startMs, std::int64_t(0));  // never started
    QVERIFY(m_h->cairn({"submit", "--after", "no-such-run", "--", "true"}).err.contains("no run matches"));
}

void TestEngine::gpuRequestsAreValidated()
{
    CliResult r = m_h->cairn({"submit", "--gpus", "2", "--", "true"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("GPU"), r.err.constData());
    QCOMPARE(m_h->cairn({"submit", "--gpus", "1", "--gpu-ids", "0", "--", "true"}).exitCode, 2);
    QCOMPARE(m_h->cairn({"submit", "--gpu-ids", "x", "--", "true"}).exitCode, 2);
}

void TestEngine::multiWorkerJob()
{
    QByteArray id = lastLine(m_h->cairn({"submit", "--nproc-per-node", "2", "--", "/bin/sh", "-c",
                                         "echo cairn:metric rank=$RANK; echo world=$WORLD_SIZE"})
                                 .out);
    QCOMPARE(m_h->cairn({"wait", QString::fromLatin1(id)}).exitCode, 0);
    QVERIFY(m_h->runFile(id.toStdString(), "stdout.log").contains("world=2"));
    QVERIFY(m_h->runFile(id.toStdString(), "stdout.rank1.log").contains("cairn:metric rank=1"));
    auto points = m_h->store()->metrics(id.toStdString(), "rank");
    QCOMPARE(points->size(), std::size_t(1));  // metrics come from rank 0
    QCOMPARE(points->front().value, 0.0);
}

void TestEngine::engineCrashLosesNothingAndDoublesNothing()
{
    QString script = m_h->writeFile("steady.py", R"(
import sys, time
for i in range(200000):
    sys.stdout.write(f"cairn:metric step={i} v={i}\n")
    if i % 20000 == 0:
        sys.stdout.flush(); time.sleep(0.3)
)");
    QByteArray id = lastLine(m_h->cairn({"submit", "--", CliHarness::python(), script}).out);
    for (int kill = 0; kill < 3; ++kill) {
        QTRY_VERIFY_WITH_TIMEOUT(enginePid() > 0, 20000);
        QTest::qWait(400);
        ::kill(static_cast<pid_t>(enginePid()), SIGKILL);
        QTRY_COMPARE_WITH_TIMEOUT(enginePid(), 0L, 10000);
        QCOMPARE(m_h->cairn({"engine", "start"}).exitCode, 0);  // the next engine replays journals
    }
    QCOMPARE(m_h->cairn({"wait", QString::fromLatin1(id)}, 120000).exitCode, 0);
    auto points = m_h->store()->metrics(id.toStdString(), "v");
    QCOMPARE(points->size(), std::size_t(200000));
    for (std::size_t i = 0; i < points->size(); ++i)
        if ((*points)[i].step != std::int64_t(i))
            QFAIL(qPrintable(QString("point %1 has step %2").arg(i).arg((*points)[i].step)));
}

void TestEngine::runningJobSurvivesEngineDeath()
{
    QByteArray id = lastLine(m_h->cairn({"submit", "--", "/bin/sh", "-c",
                                         "echo cairn:metric a=1; sleep 2; echo cairn:metric a=2"})
                                 .out);
    QTRY_VERIFY_WITH_TIMEOUT(m_h->store()->findRun(id.toStdString())->status == RunStatus::Running, 20000);
    ::kill(static_cast<pid_t>(enginePid()), SIGKILL);
    QTRY_COMPARE_WITH_TIMEOUT(enginePid(), 0L, 10000);
    QCOMPARE(m_h->cairn({"wait", QString::fromLatin1(id)}, 60000).exitCode, 0);  // starts a new engine
    QVERIFY(m_h->store()->findRun(id.toStdString())->status == RunStatus::Finished);
    QCOMPARE(*m_h->store()->metricCount(id.toStdString(), "a"), std::int64_t(2));
}

void TestEngine::queuedJobsSurviveRestart()
{
    QByteArray blocker = lastLine(m_h->cairn({"submit", "--", "/bin/sleep", "3"}).out);
    QByteArray queued = lastLine(m_h->cairn({"submit", "--after", QString::fromLatin1(blocker), "--", "/bin/echo", "later"}).out);
    QCOMPARE(m_h->cairn({"engine", "stop"}).exitCode, 0);
    QVERIFY(m_h->store()->findRun(queued.toStdString())->status == RunStatus::Queued);
    QCOMPARE(m_h->cairn({"wait", QString::fromLatin1(queued)}, 60000).exitCode, 0);
    QVERIFY(m_h->runFile(queued.toStdString(), "stdout.log").contains("later"));
}

void TestEngine::badClientsDoNotHurtOthers()
{
    QCOMPARE(m_h->cairn({"engine", "start"}).exitCode, 0);
    const QString sock = m_h->project() + "/.cairn/engine.sock";
    auto exchange = [&](const QByteArray& send) {
        QLocalSocket s;
        s.connectToServer(sock);
        if (!s.waitForConnected(5000))
            return QByteArray("no connection");
        s.write(send);
        s.waitForBytesWritten(5000);
        s.waitForReadyRead(5000);
        return s.readAll();
    };
    QVERIFY(exchange("not json\n").contains("bad_json"));
    QVERIFY(exchange("{\"v\":99,\"id\":1,\"method\":\"hello\"}\n").contains("unsupported_version"));
    QVERIFY(exchange("{\"v\":1,\"id\":2,\"method\":\"nope\"}\n").contains("unknown_method"));
    QVERIFY(exchange("{\"v\":1,\"id\":3,\"method\":\"cancel\",\"params\":{\"run\":7}}\n").contains("must be a string"));
    QVERIFY(exchange(QByteArray(2 << 20, 'x')).contains("too_large"));
    {
        QLocalSocket half;  // disconnects in the middle of a message
        half.connectToServer(sock);
        QVERIFY(half.waitForConnected(5000));
        half.write("{\"v\":1,\"id\":4,\"meth");
        half.waitForBytesWritten(5000);
    }
    QVERIFY(exchange("{\"v\":1,\"id\":5,\"method\":\"hello\"}\n").contains("\"protocol\":1"));
    QCOMPARE(m_h->cairn({"runs"}).exitCode, 0);
}

void TestEngine::statusStopAndSingleInstance()
{
    QCOMPARE(m_h->cairn({"engine", "start"}).exitCode, 0);
    long pid = enginePid();
    QVERIFY(pid > 0);
    CliResult json = m_h->cairn({"engine", "status", "--format", "json"});
    QVERIFY(json.out.contains(QByteArray("\"pid\": ") + QByteArray::number(static_cast<qlonglong>(pid))));
    CliResult second = m_h->cairn({"engine", "run"}, 10000);  // a second engine for the same project
    QCOMPARE(second.exitCode, 0);
    QVERIFY(second.err.contains("already running"));
    QCOMPARE(enginePid(), pid);
    QVERIFY(QFileInfo(m_h->project() + "/.cairn/engine.sock").permissions() == (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser));
    QCOMPARE(m_h->cairn({"engine", "stop"}).exitCode, 0);
    QCOMPARE(enginePid(), 0L);
    QCOMPARE(m_h->cairn({"engine", "status"}).exitCode, 1);
}

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
