// The ssh executor end to end, against a real sshd on 127.0.0.1 started by this test: files go
// over with rsync, the agent runs the job, metrics and logs arrive live, outputs come back,
// cancel kills the far side's tree, and a dropped connection loses and doubles nothing.
#include "../cli_harness.h"
#include "daemons.h"

#include "engine/store/store.h"

#include <QtTest>

#include <csignal>
#include <set>

using namespace cairn;
using cairn::testing::SshServer;

class TestRemoteSsh : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void executorsListAndTest();
    void jobWithMetricsLogsAndOutputs();
    void onlyMissingFilesAreSent();
    void cancelKillsTheRemoteTree();
    void reconnectsAfterSshdRestart();
    void newSupervisorReattaches();
    void unreachableHostFailsWithAMessage();
    void refusedKeyFailsWithAMessage();
    void fullRemoteDiskFailsWithAMessage();
    void unknownExecutorIsRefused();
    void remoteGpusAreLockedPerJob();

private:
    QByteArray submit(const QStringList& args);
    QString message(const std::string& runId);
    std::vector<RunEvent> events(const std::string& runId);
    QString remoteState(const QByteArray& runId);
    QString queueReason(const QByteArray& runId);

    std::unique_ptr<CliHarness> m_h;
    SshServer m_sshd;
    QString m_daemonDir;
    QString m_code;      // the jobs' working directory (sent to the far side)
    QString m_remote;    // the executor's workdir ("the far side")
    bool m_mounted = false;
};

void TestRemoteSsh::initTestCase()
{
    qputenv("CAIRN_ENGINE_IDLE_S", "30");
    m_daemonDir = cairn::testing::makeDaemonDir("cairn-sshd");
    QVERIFY(!m_daemonDir.isEmpty());
    // The far side's nvidia-smi lists two GPUs (this machine may have none): a stand-in on the
    // sessions' PATH, so the agent's GPU choice and locks run for real.
    QDir().mkpath(m_daemonDir + "/bin");
    QFile smi(m_daemonDir + "/bin/nvidia-smi");
    QVERIFY(smi.open(QIODevice::WriteOnly));
    smi.write("#!/bin/sh\necho '0, Test GPU A, 81920, 0'\necho '1, Test GPU B, 81920, 0'\n");
    smi.close();
    smi.setPermissions(smi.permissions() | QFileDevice::ExeOwner);
    QString skip, error;
    if (!m_sshd.start(m_daemonDir, skip, error, {{"PATH", m_daemonDir + "/bin:/usr/local/bin:/usr/bin:/bin"}})) {
        if (!skip.isEmpty())
            QSKIP(qPrintable(skip));
        QFAIL(qPrintable(error));
    }
    m_h = std::make_unique<CliHarness>();
    QVERIFY(m_h->ok());
    m_remote = m_daemonDir + "/far side";  // a space: paths are quoted everywhere
    m_code = m_h->project() + "/code";
    QDir().mkpath(m_code + "/data");
    QFile yaml(m_h->project() + "/cairn.yaml");
    QVERIFY(yaml.open(QIODevice::Append));
    yaml.write(("executors:\n" + m_sshd.executorYaml("box", m_remote) + m_sshd.executorYaml("full", m_daemonDir + "/full")
                + "  down:\n    type: ssh\n    host: 127.0.0.1\n    port: " + QString::number(cairn::testing::freeTcpPort())
                + "\n    identity: " + m_sshd.identity() + "\n    known_hosts: " + m_sshd.knownHosts() + "\n"
                + "  nokey:\n    type: ssh\n    host: 127.0.0.1\n    port: " + QString::number(m_sshd.port()) + "\n    user: "
                + m_sshd.user() + "\n    identity: " + m_daemonDir + "/host_key\n    known_hosts: " + m_sshd.knownHosts() + "\n")
                   .toUtf8());
    yaml.close();
    auto write = [&](const QString& rel, const QByteArray& text) {
        QFile f(m_code + "/" + rel);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    };
    write("data/input.csv", "a,b\n1,2\n");
    write("train.py", R"(import json, os, sys, time
steps = int(sys.argv[1]) if len(sys.argv) > 1 else 5
delay = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0
print("cairn:param lr=0.01", flush=True)
print("cairn:input path=data/input.csv", flush=True)
with open(os.environ["CAIRN_METRICS_FILE"], "a") as m:
    for i in range(steps):
        print("cairn:metric step=%d loss=%r" % (i, 1.0 / (i + 1)), flush=True)
        m.write(json.dumps({"step": i, "metrics": {"acc": i / steps}}) + "\n")
        m.flush()
        time.sleep(delay)
print("to stderr", file=sys.stderr, flush=True)
os.makedirs("out", exist_ok=True)
with open("out/model.txt", "w") as f:
    f.write("weights %d\n" % steps)
print("cairn:output path=out/model.txt type=model", flush=True)
print("done on", os.uname()[1], "rank", os.environ.get("RANK", "-"), "in", os.getcwd())
)");
}

void TestRemoteSsh::cleanupTestCase()
{
    if (m_h)
        m_h->cairn({"engine", "stop"});
    m_sshd.stop();
    if (m_mounted)
        QProcess::execute("umount", {m_daemonDir + "/full"});
    cairn::testing::removeDaemonDir(m_daemonDir);
}

QByteArray TestRemoteSsh::submit(const QStringList& args)
{
    CliResult s = m_h->cairn(QStringList{"submit", "--workdir", m_code} + args);
    if (s.exitCode != 0)
        qWarning("submit failed: %s", s.err.constData());
    return s.out.trimmed().split('\n').last();
}

QString TestRemoteSsh::message(const std::string& runId)
{
    auto job = m_h->store()->job(runId);
    return job ? QString::fromStdString(job->message) : QString();
}

std::vector<RunEvent> TestRemoteSsh::events(const std::string& runId)
{
    auto e = m_h->store()->runEvents(runId);
    return e ? *e : std::vector<RunEvent>{};
}

QString TestRemoteSsh::remoteState(const QByteArray& runId)
{
    CliResult q = m_h->cairn({"queue", "--format", "json"});
    for (const QJsonValue& v : QJsonDocument::fromJson(q.out).array()) {
        QJsonObject j = v.toObject();
        if (j.value("run").toString() == QString::fromLatin1(runId))
            return j.value("remote").toObject().value("state").toString();
    }
    return {};
}

QString TestRemoteSsh::queueReason(const QByteArray& runId)
{
    CliResult q = m_h->cairn({"queue", "--format", "json"});
    for (const QJsonValue& v : QJsonDocument::fromJson(q.out).array())
        if (v.toObject().value("run").toString() == QString::fromLatin1(runId))
            return v.toObject().value("remote").toObject().value("reason").toString();
    return {};
}

static bool hasEvent(const std::vector<RunEvent>& events, const std::string& kind, const QString& text = {})
{
    for (const auto& e : events)
        if (e.kind == kind && (text.isEmpty() || QString::fromStdString(e.text).contains(text)))
            return true;
    return false;
}

void TestRemoteSsh::executorsListAndTest()
{
    CliResult list = m_h->cairn({"executors", "list"});
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.out.contains("box") && list.out.contains("127.0.0.1"), list.out.constData());
    CliResult test = m_h->cairn({"executors", "test", "box"});
    QVERIFY2(test.exitCode == 0, test.out.constData());
    QVERIFY(test.out.contains("python") && test.out.contains("3."));
    QVERIFY(test.out.contains("ready for jobs"));
    CliResult json = m_h->cairn({"executors", "test", "box", "--format", "json"});
    QCOMPARE(json.exitCode, 0);
    QVERIFY(QJsonDocument::fromJson(json.out).object().value("ok").toBool());
    CliResult typo = m_h->cairn({"executors", "test", "bxo"});
    QCOMPARE(typo.exitCode, 2);
    QVERIFY2(typo.err.contains("did you mean 'box'"), typo.err.constData());
}

void TestRemoteSsh::jobWithMetricsLogsAndOutputs()
{
    QByteArray id = submit({"--executor", "box", "--name", "remote1", "--", "python3", "train.py", "6"});
    QCOMPARE(id.size(), 32);
    CliResult w = m_h->cairn({"wait", QString::fromLatin1(id)}, 120000);
    QVERIFY2(w.exitCode == 0, (w.err + m_h->runFile(id.toStdString(), "supervisor.log")).constData());
    auto store = m_h->store();
    Run run = *store->findRun(id.toStdString());
    QVERIFY(run.status == RunStatus::Finished);
    QCOMPARE(run.host, std::string("127.0.0.1"));
    QCOMPARE(run.params.at("lr"), std::string("0.01"));
    QCOMPARE(*store->metricCount(run.id, "loss"), std::int64_t(6));
    QCOMPARE(*store->metricCount(run.id, "acc"), std::int64_t(6));
    // Logs came back: the far side's stdout and stderr, and where it ran.
    CliResult logs = m_h->cairn({"logs", QString::fromLatin1(id)});
    QVERIFY(logs.out.contains("cairn:metric step=5"));
    QVERIFY(logs.out.contains("far side/" + id + "/work"));
    QVERIFY(logs.err.contains("to stderr"));
    // The output file came back, and was recorded as the run's model (lineage).
    QCOMPARE(m_h->runFile(run.id, "outputs/out/model.txt"), QByteArray("weights 6\n"));
    auto versions = store->artifactVersions();
    QVERIFY(versions);
    bool model = false;
    for (const auto& v : *versions)
        model = model || QString::fromStdString(v.name).contains("model.txt");
    QVERIFY2(model, "the declared output was not recorded as an artifact");
    auto ev = events(run.id);
    QVERIFY(hasEvent(ev, "remote.synced", "sent"));
    QVERIFY(hasEvent(ev, "remote.started"));
    QVERIFY(hasEvent(ev, "remote.fetched", "outputs"));
}

void TestRemoteSsh::onlyMissingFilesAreSent()
{
    QByteArray first = submit({"--executor", "box", "--", "python3", "train.py", "1"});
    QCOMPARE(m_h->cairn({"wait", QString::fromLatin1(first)}).exitCode, 0);
    auto synced = [&](const QByteArray& id) {
        for (const auto& e : events(id.toStdString()))
            if (e.kind == "remote.synced")
                return QString::fromStdString(e.text);
        return QString();
    };
    QVERIFY2(synced(first).startsWith("sent 0 of 2 files"), qPrintable(synced(first)));  // nothing changed since the last job
    QFile extra(m_code + "/data/more.csv");
    QVERIFY(extra.open(QIODevice::WriteOnly));
    extra.write("c\n3\n");
    extra.close();
    QByteArray second = submit({"--executor", "box", "--", "python3", "train.py", "1"});
    QCOMPARE(m_h->cairn({"wait", QString::fromLatin1(second)}).exitCode, 0);
    QVERIFY2(synced(second).startsWith("sent 1 of 3 files"), qPrintable(synced(second)));
}

void TestRemoteSsh::cancelKillsTheRemoteTree()
{
    QByteArray id = submit({"--executor", "box", "--", "/bin/sh", "-c", "sleep 300 & echo $! > child.pid; echo started; wait"});
    const QString pidFile = m_remote + "/" + QString::fromLatin1(id) + "/work/child.pid";
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(pidFile) && QFileInfo(pidFile).size() > 0, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(remoteState(id), QString("RUNNING"), 30000);
    QFile f(pidFile);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const long child = f.readAll().trimmed().toLong();
    QVERIFY(cairn::testing::processAlive(child));
    CliResult c = m_h->cairn({"cancel", QString::fromLatin1(id)});
    QCOMPARE(c.exitCode, 0);
    CliResult w = m_h->cairn({"wait", QString::fromLatin1(id)}, 60000);
    QVERIFY(w.exitCode != 0);
    Run run = *m_h->store()->findRun(id.toStdString());
    QVERIFY2(run.status == RunStatus::Killed, toString(run.status).data());
    QTRY_VERIFY_WITH_TIMEOUT(!cairn::testing::processAlive(child), 15000);  // the grandchild too
    QVERIFY(hasEvent(events(run.id), "remote.cancel"));
}

void TestRemoteSsh::reconnectsAfterSshdRestart()
{
    const int steps = 60;
    QByteArray id = submit({"--executor", "box", "--", "python3", "train.py", QString::number(steps), "0.1"});
    const std::string runId = id.toStdString();
    QTRY_VERIFY_WITH_TIMEOUT(*m_h->store()->metricCount(runId, "loss") >= 8, 60000);
    QString error;
    QVERIFY2(m_sshd.restart(error), qPrintable(error));  // every connection drops; the job runs on
    CliResult w = m_h->cairn({"wait", QString::fromLatin1(id)}, 180000);
    QVERIFY2(w.exitCode == 0, (w.err + m_h->runFile(runId, "supervisor.log")).constData());
    auto store = m_h->store();
    for (const char* key : {"loss", "acc"}) {
        auto points = store->metrics(runId, key);
        QVERIFY(points);
        QCOMPARE(static_cast<int>(points->size()), steps);  // none lost, none doubled
        std::set<std::int64_t> seen;
        for (const auto& p : *points)
            seen.insert(p.step);
        QCOMPARE(static_cast<int>(seen.size()), steps);
        QCOMPARE(*seen.rbegin(), std::int64_t(steps - 1));
    }
    // The log came back whole: every line once.
    QByteArray out = m_h->runFile(runId, "stdout.log");
    QCOMPARE(out.count("cairn:metric step="), steps);
    auto ev = events(runId);
    QVERIFY(hasEvent(ev, "remote.disconnected"));
    QVERIFY(hasEvent(ev, "remote.reconnected", "resuming stdout.log at byte"));
}

void TestRemoteSsh::newSupervisorReattaches()
{
    // The supervisor dies (local reboot, OOM killer): the engine starts a new one, which follows
    // the job from the journal's last checkpoint.
    const int steps = 50;
    QByteArray id = submit({"--executor", "box", "--", "python3", "train.py", QString::number(steps), "0.1"});
    const std::string runId = id.toStdString();
    QTRY_VERIFY_WITH_TIMEOUT(*m_h->store()->metricCount(runId, "loss") >= 8, 60000);
    const long supervisor = m_h->store()->job(runId)->supervisorPid;
    QVERIFY(supervisor > 0);
    ::kill(static_cast<pid_t>(supervisor), SIGKILL);
    CliResult w = m_h->cairn({"wait", QString::fromLatin1(id)}, 180000);
    QVERIFY2(w.exitCode == 0, (w.err + m_h->runFile(runId, "supervisor.log")).constData());
    auto store = m_h->store();
    for (const char* key : {"loss", "acc"}) {
        auto points = store->metrics(runId, key);
        QVERIFY(points);
        std::set<std::int64_t> seen;
        for (const auto& p : *points)
            seen.insert(p.step);
        QCOMPARE(static_cast<int>(points->size()), steps);
        QCOMPARE(static_cast<int>(seen.size()), steps);
    }
    QCOMPARE(m_h->runFile(runId, "stdout.log").count("cairn:metric step="), steps);
    auto ev = events(runId);
    QVERIFY(hasEvent(ev, "remote.supervisor", "started pid"));
    QVERIFY(hasEvent(ev, "remote.reattached"));
    CliResult show = m_h->cairn({"show", QString::fromLatin1(id)});
    QVERIFY(show.out.contains("history") && show.out.contains("remote.reattached"));
}

void TestRemoteSsh::unreachableHostFailsWithAMessage()
{
    QByteArray id = submit({"--executor", "down", "--", "python3", "train.py"});
    CliResult w = m_h->cairn({"wait", QString::fromLatin1(id)}, 120000);
    QVERIFY(w.exitCode != 0);
    QVERIFY(m_h->store()->findRun(id.toStdString())->status == RunStatus::Failed);
    const QString why = message(id.toStdString());
    QVERIFY2(why.contains("connection refused") && why.contains("port"), qPrintable(why));
    QVERIFY(m_h->runFile(id.toStdString(), "stderr.log").contains("connection refused"));
    QVERIFY(m_h->cairn({"show", QString::fromLatin1(id)}).out.contains("message     cannot reach"));
}

void TestRemoteSsh::refusedKeyFailsWithAMessage()
{
    QByteArray id = submit({"--executor", "nokey", "--", "python3", "train.py"});
    CliResult w = m_h->cairn({"wait", QString::fromLatin1(id)}, 120000);
    QVERIFY(w.exitCode != 0);
    const QString why = message(id.toStdString());
    QVERIFY2(why.contains("authentication refused") && why.contains("authorized_keys"), qPrintable(why));
}

void TestRemoteSsh::fullRemoteDiskFailsWithAMessage()
{
    // The far side's workdir on a 2 MiB file system: Cairn refuses to start there, and says why.
    QDir().mkpath(m_daemonDir + "/full");
    if (QProcess::execute("mount", {"-t", "tmpfs", "-o", "size=2m", "tmpfs", m_daemonDir + "/full"}) != 0)
        QSKIP("cannot mount a small tmpfs here (needs root with CAP_SYS_ADMIN) to fill a disk");
    m_mounted = true;
    QByteArray id = submit({"--executor", "full", "--", "python3", "train.py"});
    CliResult w = m_h->cairn({"wait", QString::fromLatin1(id)}, 120000);
    QVERIFY(w.exitCode != 0);
    QVERIFY(m_h->store()->findRun(id.toStdString())->status == RunStatus::Failed);
    const QString why = message(id.toStdString());
    QVERIFY2(why.contains("the remote disk is full") && why.contains("workdir:"), qPrintable(why));
}

void TestRemoteSsh::unknownExecutorIsRefused()
{
    CliResult s = m_h->cairn({"submit", "--executor", "bx", "--", "true"});
    QCOMPARE(s.exitCode, 2);
    QVERIFY2(s.err.contains("did you mean 'box'"), s.err.constData());
    CliResult n = m_h->cairn({"submit", "--executor", "box", "--nnodes", "2", "--", "true"});
    QCOMPARE(n.exitCode, 2);
    QVERIFY2(n.err.contains("needs a Slurm executor"), n.err.constData());
}

void TestRemoteSsh::remoteGpusAreLockedPerJob()
{
    // Two jobs asking for one GPU each get different ones; while both hold theirs, a third waits.
    const QString job = "echo $CUDA_VISIBLE_DEVICES > gpu.txt; sleep 3";
    QByteArray a = submit({"--executor", "box", "--gpus", "1", "--", "/bin/sh", "-c", job});
    QByteArray b = submit({"--executor", "box", "--gpus", "1", "--", "/bin/sh", "-c", job});
    auto gpuOf = [&](const QByteArray& id) {
        QFile f(m_remote + "/" + QString::fromLatin1(id) + "/work/gpu.txt");
        return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed() : QByteArray();
    };
    QTRY_VERIFY_WITH_TIMEOUT(!gpuOf(a).isEmpty() && !gpuOf(b).isEmpty(), 60000);
    QVERIFY2(gpuOf(a) != gpuOf(b), (gpuOf(a) + " " + gpuOf(b)).constData());
    QByteArray c = submit({"--executor", "box", "--gpus", "1", "--", "/bin/sh", "-c", job});
    QTRY_VERIFY_WITH_TIMEOUT(queueReason(c).contains("waiting for free GPUs"), 30000);
    for (const QByteArray& id : {a, b, c})
        QCOMPARE(m_h->cairn({"wait", QString::fromLatin1(id)}, 120000).exitCode, 0);
    // More GPUs than the host has: the run fails and says what the host has.
    QByteArray d = submit({"--executor", "box", "--gpus", "3", "--", "true"});
    QVERIFY(m_h->cairn({"wait", QString::fromLatin1(d)}, 60000).exitCode != 0);
    QVERIFY2(message(d.toStdString()).contains("asks for 3 GPUs"), qPrintable(message(d.toStdString())));
    CliResult test = m_h->cairn({"executors", "test", "box"});
    QVERIFY2(test.out.contains("2 (0: Test GPU A; 1: Test GPU B)"), test.out.constData());
}

QTEST_GUILESS_MAIN(TestRemoteSsh)
#include "tst_remote_ssh.moc"
