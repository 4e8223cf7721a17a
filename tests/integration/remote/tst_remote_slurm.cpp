// The Slurm executor end to end, against a one-node Slurm 22.05 cluster (munged, slurmctld,
// slurmd) this test starts as root in a temporary folder: sbatch with the generated script,
// srun ranks with the torchrun contract (a real 2-rank gloo DDP job), scancel, a requeue in the
// run's history, and a job killed by its time limit marked failed with the reason. The
// time-limit job is submitted first and checked last: Slurm counts limits in whole minutes.
#include "../cli_harness.h"
#include "daemons.h"

#include "engine/store/store.h"

#include <QHostInfo>
#include <QtTest>

using namespace cairn;
using cairn::testing::SlurmCluster;
using cairn::testing::SshServer;

class TestRemoteSlurm : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void executorsTestSeesThePartition();
    void twoRanksSeeWorldSizeTwo();
    void scancelStopsTheJob();
    void requeueIsRecordedInTheHistory();
    void submitsThroughALoginNode();
    void timeLimitMarksTheRunFailed();

private:
    QByteArray submit(const QString& executor, const QStringList& args);
    QJsonObject queueRow(const QByteArray& id);
    bool hasEvent(const std::string& runId, const std::string& kind, const QString& text = {});

    std::unique_ptr<CliHarness> m_h;
    SlurmCluster m_slurm;
    SshServer m_login;  // a login node: sbatch through ssh (`via:`)
    QString m_loginSkip;
    QString m_daemonDir;
    QString m_code;
    QByteArray m_timeLimited;
};

void TestRemoteSlurm::initTestCase()
{
    qputenv("CAIRN_ENGINE_IDLE_S", "30");
    m_daemonDir = cairn::testing::makeDaemonDir("cairn-slurm");
    QVERIFY(!m_daemonDir.isEmpty());
    QString skip, error;
    if (!m_slurm.start(m_daemonDir, skip, error)) {
        if (!skip.isEmpty())
            QSKIP(qPrintable(skip));
        QFAIL(qPrintable(error));
    }
    qputenv("SLURM_CONF", m_slurm.conf().toUtf8());  // for the engine and supervisors cairn starts
    QString loginError;
    if (!m_login.start(m_daemonDir, m_loginSkip, loginError, {{"SLURM_CONF", m_slurm.conf()}}) && m_loginSkip.isEmpty())
        QFAIL(qPrintable(loginError));
    m_h = std::make_unique<CliHarness>();
    QVERIFY(m_h->ok());
    m_code = m_h->project() + "/code";
    QDir().mkpath(m_code);
    QVERIFY(QFile::copy(DDP_SCRIPT, m_code + "/ddp_train.py"));
    QFile yaml(m_h->project() + "/cairn.yaml");
    QVERIFY(yaml.open(QIODevice::Append));
    yaml.write(QString("executors:\n"
                       "  cluster:\n    type: slurm\n    partition: debug\n    workdir: %1/work\n    python: /usr/bin/python3\n"
                       "    extra: [\"--mem=100M\"]\n"
                       "  short:\n    type: slurm\n    time: \"1\"\n    workdir: %1/work\n    python: /usr/bin/python3\n"
                       "  behind:\n    type: slurm\n    via: login\n    workdir: %1/login-work\n    python: /usr/bin/python3\n")
                       .arg(m_daemonDir)
                       .toUtf8()
               + (m_loginSkip.isEmpty() ? m_login.executorYaml("login", m_daemonDir + "/login-work").toUtf8() : QByteArray()));
    yaml.close();
    // Submitted first, checked last: it runs into its one-minute limit while the others run.
    m_timeLimited = submit("short", {"--name", "too-long", "--", "/bin/sh", "-c", "echo cairn:metric step=0 x=1; sleep 600"});
    QCOMPARE(m_timeLimited.size(), 32);
}

void TestRemoteSlurm::cleanupTestCase()
{
    if (m_h)
        m_h->cairn({"engine", "stop"});
    m_login.stop();
    m_slurm.stop();
    cairn::testing::removeDaemonDir(m_daemonDir);
}

QByteArray TestRemoteSlurm::submit(const QString& executor, const QStringList& args)
{
    CliResult s = m_h->cairn(QStringList{"submit", "--executor", executor, "--workdir", m_code} + args);
    if (s.exitCode != 0)
        qWarning("submit failed: %s", s.err.constData());
    return s.out.trimmed().split('\n').last();
}

QJsonObject TestRemoteSlurm::queueRow(const QByteArray& id)
{
    CliResult q = m_h->cairn({"queue", "--format", "json"});
    for (const QJsonValue& v : QJsonDocument::fromJson(q.out).array())
        if (v.toObject().value("run").toString() == QString::fromLatin1(id))
            return v.toObject();
    return {};
}

bool TestRemoteSlurm::hasEvent(const std::string& runId, const std::string& kind, const QString& text)
{
    auto events = m_h->store()->runEvents(runId);
    if (!events)
        return false;
    for (const auto& e : *events)
        if (e.kind == kind && (text.isEmpty() || QString::fromStdString(e.text).contains(text)))
            return true;
    return false;
}

void TestRemoteSlurm::executorsTestSeesThePartition()
{
    CliResult t = m_h->cairn({"executors", "test", "cluster"});
    QVERIFY2(t.exitCode == 0, t.out.constData());
    QVERIFY(t.out.contains("partitions: debug"));
    QVERIFY(t.out.contains("sacct"));  // reported either way; this cluster has no accounting database
}

void TestRemoteSlurm::twoRanksSeeWorldSizeTwo()
{
    QByteArray id = submit("cluster", {"--nproc-per-node", "2", "--env", "DDP_STEPS=3", "--", "/usr/bin/python3", "ddp_train.py"});
    QCOMPARE(id.size(), 32);
    CliResult w = m_h->cairn({"wait", QString::fromLatin1(id)}, 240000);
    const std::string runId = id.toStdString();
    QVERIFY2(w.exitCode == 0, (m_h->runFile(runId, "stderr.log") + m_h->runFile(runId, "slurm.out")
                               + m_h->runFile(runId, "supervisor.log")).constData());
    auto store = m_h->store();
    Run run = *store->findRun(runId);
    QVERIFY(run.status == RunStatus::Finished);
    // Rank 0's output is parsed (its tags say what torch.distributed saw), rank 1 has its own log.
    QCOMPARE(run.tags.at("world"), std::string("2"));
    QCOMPARE(run.tags.at("rank"), std::string("0"));
    QCOMPARE(*store->metricCount(runId, "grad_sum"), std::int64_t(3));
    QByteArray rank1 = m_h->runFile(runId, "stdout.rank1.log");
    QVERIFY2(rank1.contains("cairn:tag rank=1 world=2"), rank1.constData());
    QVERIFY(m_h->cairn({"logs", QString::fromLatin1(id), "--rank", "1", "--stream", "stdout"}).out.contains("rank=1 world=2"));
    CliResult list = m_h->cairn({"logs", QString::fromLatin1(id), "--list"});
    QVERIFY2(list.out.contains("stdout.rank1.log") && list.out.contains("node."), list.out.constData());
    QVERIFY(!m_h->runFile(runId, "node." + QHostInfo::localHostName() + ".log").isEmpty());  // per-node log
    QVERIFY(hasEvent(runId, "slurm.submitted", "job "));
    QVERIFY(hasEvent(runId, "remote.state", "RUNNING on"));
}

void TestRemoteSlurm::scancelStopsTheJob()
{
    QByteArray id = submit("cluster", {"--", "/bin/sh", "-c", "echo started; sleep 300"});
    QTRY_COMPARE_WITH_TIMEOUT(queueRow(id).value("remote").toObject().value("state").toString(), QString("RUNNING"), 60000);
    const QString job = queueRow(id).value("remote").toObject().value("slurm_job").toString();
    QVERIFY(!job.isEmpty());
    QVERIFY(!queueRow(id).value("remote").toObject().value("nodes").toArray().isEmpty());
    QCOMPARE(m_h->cairn({"cancel", QString::fromLatin1(id)}).exitCode, 0);
    CliResult w = m_h->cairn({"wait", QString::fromLatin1(id)}, 120000);
    QVERIFY(w.exitCode != 0);
    QVERIFY(m_h->store()->findRun(id.toStdString())->status == RunStatus::Killed);
    QVERIFY(m_slurm.client({"/usr/bin/squeue", "-h", "-j", job, "--states=all", "-o", "%T"}).contains("CANCELLED"));
}

void TestRemoteSlurm::requeueIsRecordedInTheHistory()
{
    QByteArray id = submit("cluster", {"--", "/bin/sh", "-c", "echo attempt; sleep 300"});
    QTRY_COMPARE_WITH_TIMEOUT(queueRow(id).value("remote").toObject().value("state").toString(), QString("RUNNING"), 60000);
    const QString job = queueRow(id).value("remote").toObject().value("slurm_job").toString();
    int code = -1;
    m_slurm.client({"/usr/bin/scontrol", "requeue", job}, &code);  // what preemption with requeue does
    QCOMPARE(code, 0);
    QTRY_VERIFY_WITH_TIMEOUT(hasEvent(id.toStdString(), "slurm.requeued"), 60000);
    QCOMPARE(queueRow(id).value("status").toString(), QString("running"));  // still Cairn's job
    QCOMPARE(m_h->cairn({"cancel", QString::fromLatin1(id)}).exitCode, 0);
    QVERIFY(m_h->cairn({"wait", QString::fromLatin1(id)}, 120000).exitCode != 0);
}

void TestRemoteSlurm::submitsThroughALoginNode()
{
    if (!m_loginSkip.isEmpty())
        QSKIP(qPrintable(m_loginSkip));
    QByteArray id = submit("behind", {"--", "/bin/sh", "-c", "echo cairn:metric step=0 ok=1; echo job $SLURM_JOB_ID"});
    CliResult w = m_h->cairn({"wait", QString::fromLatin1(id)}, 120000);
    const std::string runId = id.toStdString();
    QVERIFY2(w.exitCode == 0, (m_h->runFile(runId, "stderr.log") + m_h->runFile(runId, "supervisor.log")).constData());
    QVERIFY(m_h->runFile(runId, "stdout.log").contains("job "));
    QCOMPARE(*m_h->store()->metricCount(runId, "ok"), std::int64_t(1));
    QVERIFY(hasEvent(runId, "remote.synced", "root@127.0.0.1") || hasEvent(runId, "remote.synced", "@127.0.0.1"));
}

void TestRemoteSlurm::timeLimitMarksTheRunFailed()
{
    CliResult w = m_h->cairn({"wait", QString::fromLatin1(m_timeLimited)}, 280000);
    QVERIFY(w.exitCode != 0);
    const std::string runId = m_timeLimited.toStdString();
    auto store = m_h->store();
    QVERIFY(store->findRun(runId)->status == RunStatus::Failed);
    const QString why = QString::fromStdString(store->job(runId)->message);
    QVERIFY2(why.contains("time limit") && why.contains("time:"), qPrintable(why));
    QCOMPARE(*store->metricCount(runId, "x"), std::int64_t(1));  // what it logged before is kept
    QVERIFY(m_h->runFile(runId, "slurm.out").contains("TIME LIMIT"));
}

QTEST_GUILESS_MAIN(TestRemoteSlurm)
#include "tst_remote_slurm.moc"
