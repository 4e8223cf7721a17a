// Executors without a network: cairn.yaml's `executors:` (errors at file:line:col with a
// suggestion), the follow stream's framing, Slurm's directives and end states, rsync's
// statistics, ssh's failures, and the journal records remote supervisors write.
#include "engine/ingest/journal.h"
#include "engine/remote/follow_frames.h"
#include "engine/remote/remote_sync.h"
#include "engine/remote/slurm.h"
#include "engine/remote/transport.h"
#include "engine/store/project.h"

#include <QtTest>

#include <fstream>

using namespace cairn;
using namespace cairn::remote;

class TestExecutors : public QObject {
    Q_OBJECT
private slots:
    void parsesTheIssueExample();
    void configErrors_data();
    void configErrors();
    void framesWholeOnly();
    void framesRejectBadHeaders_data();
    void framesRejectBadHeaders();
    void sbatchDirectives();
    void slurmEnds_data();
    void slurmEnds();
    void rsyncStats();
    void sshFailures_data();
    void sshFailures();
    void remoteShellPaths();
    void journalRemoteRecords();
    void lastCheckpointReadsFromTheEnd();
};

void TestExecutors::parsesTheIssueExample()
{
    auto c = parseProjectConfig("executors:\n"
                                "  box:\n"
                                "    type: ssh\n"
                                "    host: gpu-box.example\n"
                                "    port: 22\n"
                                "    user: alice\n"
                                "    identity: ~/.ssh/id_ed25519\n"
                                "    workdir: ~/cairn-work\n"
                                "  cluster:\n"
                                "    type: slurm\n"
                                "    partition: gpu\n"
                                "    gres: gpu:4          # optional\n"
                                "    account: ml\n"
                                "    time: \"2:00:00\"\n"
                                "    qos: normal\n"
                                "    extra: [\"--mem=32G\", \"#SBATCH --exclusive\"]\n"
                                "    via: box\n",
                                "cairn.yaml");
    QVERIFY2(c, c ? "" : c.message().c_str());
    QCOMPARE(c->executors.size(), std::size_t(2));
    const ExecutorConfig& box = c->executors[0];
    QCOMPARE(box.name, std::string("box"));
    QVERIFY(box.type == ExecutorType::Ssh);
    QCOMPARE(box.ssh.host, std::string("gpu-box.example"));
    QCOMPARE(box.ssh.user, std::string("alice"));
    QCOMPARE(box.ssh.identity, std::string("~/.ssh/id_ed25519"));
    QCOMPARE(box.python, std::string("python3"));
    QCOMPARE(box.line, 2);
    const ExecutorConfig* cluster = findExecutor(c->executors, "cluster");
    QVERIFY(cluster && cluster->type == ExecutorType::Slurm);
    QCOMPARE(cluster->slurm.via, std::string("box"));
    QCOMPARE(cluster->slurm.extra.size(), std::size_t(2));
    QCOMPARE(cluster->workdir, std::string("~/cairn-work"));
}

void TestExecutors::configErrors_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QString>("message");
    QTest::newRow("not a map") << "executors: [a]\n" << "cairn.yaml:1:12: field 'executors' must be a mapping";
    QTest::newRow("no type") << "executors:\n  box:\n    host: h\n" << "cairn.yaml:3:5: executor 'box' needs a 'type'";
    QTest::newRow("type typo") << "executors:\n  box: {type: shh, host: h}\n" << "cairn.yaml:2:15: 'executors.box.type' must be ssh or slurm, not 'shh' (did you mean 'ssh'?)";
    QTest::newRow("key typo") << "executors:\n  box:\n    type: ssh\n    hots: h\n" << "cairn.yaml:4:5: unknown field 'executors.box.hots' (did you mean 'host'?)";
    QTest::newRow("slurm key on ssh") << "executors:\n  box:\n    type: ssh\n    host: h\n    partition: gpu\n"
                                      << "cairn.yaml:5:5: unknown field 'executors.box.partition' (it belongs to slurm executors)";
    QTest::newRow("no host") << "executors:\n  box:\n    type: ssh\n" << "cairn.yaml:3:5: ssh executor 'box' needs a 'host'";
    QTest::newRow("bad port") << "executors:\n  box: {type: ssh, host: h, port: 70000}\n" << "cairn.yaml:2:35: 'executors.box.port' must be a port number";
    QTest::newRow("bad time") << "executors:\n  c: {type: slurm, time: soon}\n" << "cairn.yaml:2:26: 'executors.c.time' must be a Slurm time limit";
    QTest::newRow("via unknown") << "executors:\n  box: {type: ssh, host: h}\n  c: {type: slurm, via: bxo}\n"
                                 << "cairn.yaml:3:25: 'executors.c.via' must name an ssh executor (a login node); 'bxo' is not defined (did you mean 'box'?)";
    QTest::newRow("via slurm") << "executors:\n  a: {type: slurm}\n  c: {type: slurm, via: a}\n"
                               << "cairn.yaml:3:25: 'executors.c.via' must name an ssh executor (a login node); 'a' is a slurm executor";
    QTest::newRow("extra not strings") << "executors:\n  c: {type: slurm, extra: [{a: 1}]}\n" << "cairn.yaml:2:28: 'executors.c.extra' entries must be strings";
    QTest::newRow("reserved name") << "executors:\n  local: {type: ssh, host: h}\n" << "cairn.yaml:2:3: 'local' is the name of this machine's executor";
    QTest::newRow("bad name") << "executors:\n  \"a b\": {type: ssh, host: h}\n" << "cairn.yaml:2:3: executor name 'a b' must be";
    QTest::newRow("host a list") << "executors:\n  box: {type: ssh, host: [a]}\n" << "cairn.yaml:2:26: 'executors.box.host' must be a string";
}

void TestExecutors::configErrors()
{
    QFETCH(QString, yaml);
    QFETCH(QString, message);
    auto c = parseProjectConfig(yaml.toStdString(), "cairn.yaml");
    QVERIFY(!c);
    QVERIFY2(QString::fromStdString(c.message()).startsWith(message), c.message().c_str());
}

void TestExecutors::framesWholeOnly()
{
    const std::string stream = std::string("S {\"state\":\"RUNNING\"}\n") + "D stdout.log 0 6\nhello\n" + "D metrics.jsonl 10 3\n{}\n"
                               + "K {}\n" + "E {\"exit_code\":0}\n";
    // Fed one byte at a time: every frame comes out whole, in order, and only once.
    FrameParser p;
    std::vector<Frame> got;
    for (char c : stream) {
        p.feed(std::string_view(&c, 1));
        Frame f;
        while (p.next(f))
            got.push_back(f);
    }
    QVERIFY(p.error().empty());
    QCOMPARE(got.size(), std::size_t(5));
    QCOMPARE(got[0].kind, 'S');
    QCOMPARE(got[1].kind, 'D');
    QCOMPARE(got[1].name, std::string("stdout.log"));
    QCOMPARE(got[1].data, std::string("hello\n"));
    QCOMPARE(got[2].offset, std::uint64_t(10));
    QCOMPARE(got[2].data, std::string("{}\n"));
    QCOMPARE(got[4].data, std::string("{\"exit_code\":0}"));
    // A frame cut short (a dropped connection) is never delivered.
    FrameParser cut;
    cut.feed("D stdout.log 0 10\nhalf");
    Frame f;
    QVERIFY(!cut.next(f));
    QVERIFY(cut.error().empty());
}

void TestExecutors::framesRejectBadHeaders_data()
{
    QTest::addColumn<QString>("stream");
    QTest::newRow("unknown kind") << "X 1\n";
    QTest::newRow("path in name") << "D ../x 0 1\na";
    QTest::newRow("bad offset") << "D a.log -1 1\na";
    QTest::newRow("no length") << "D a.log 0\n";
    QTest::newRow("huge length") << "D a.log 0 99999999999\n";
    QTest::newRow("no space") << "Dx\n";
}

void TestExecutors::framesRejectBadHeaders()
{
    QFETCH(QString, stream);
    FrameParser p;
    p.feed(stream.toStdString());
    Frame f;
    QVERIFY(!p.next(f));
    QVERIFY(!p.error().empty());
}

void TestExecutors::sbatchDirectives()
{
    ExecutorConfig e;
    e.name = "cluster";
    e.type = ExecutorType::Slurm;
    e.slurm.partition = "gpu";
    e.slurm.gres = "gpu:4";
    e.slurm.account = "ml";
    e.slurm.time = "2:00:00";
    e.slurm.qos = "high";
    e.slurm.extra = {"--mem=32G", "#SBATCH --exclusive", "  "};
    auto d = remote::sbatchDirectives(e, {"cairn-1234", 2, 4, 0});
    const std::vector<std::string> want = {"--job-name=cairn-1234", "--partition=gpu", "--nodes=2", "--ntasks-per-node=4", "--gres=gpu:4",
                                           "--account=ml", "--time=2:00:00", "--qos=high", "--mem=32G", "--exclusive"};
    QCOMPARE(d, want);
    auto g = remote::sbatchDirectives(e, {"j", 1, 1, 2});  // --gpus 2 replaces the executor's gres
    QVERIFY(std::find(g.begin(), g.end(), "--gres=gpu:2") != g.end());
    QVERIFY(std::find(g.begin(), g.end(), "--gres=gpu:4") == g.end());
}

void TestExecutors::slurmEnds_data()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<bool>("ours");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    QTest::newRow("completed") << "COMPLETED" << 0 << false << int(RunStatus::Finished) << "";
    QTest::newRow("completed, exit 3") << "COMPLETED" << 3 << false << int(RunStatus::Failed) << "";
    QTest::newRow("failed") << "FAILED" << 2 << false << int(RunStatus::Failed) << "";
    QTest::newRow("timeout") << "TIMEOUT" << 143 << false << int(RunStatus::Failed) << "killed by Slurm: the job reached its time limit (--time=1:00)";
    QTest::newRow("oom") << "OUT_OF_MEMORY" << 137 << false << int(RunStatus::Failed) << "killed by Slurm: out of memory on n1";
    QTest::newRow("node fail") << "NODE_FAIL" << 1 << false << int(RunStatus::Failed) << "node failure: Slurm lost n1";
    QTest::newRow("scancel by us") << "CANCELLED" << 143 << true << int(RunStatus::Killed) << "";
    QTest::newRow("scancel by others") << "CANCELLED" << 143 << false << int(RunStatus::Killed) << "cancelled outside Cairn";
    QTest::newRow("preempted") << "PREEMPTED" << 1 << false << int(RunStatus::Failed) << "preempted by a higher-priority job";
}

void TestExecutors::slurmEnds()
{
    QFETCH(QString, state);
    QFETCH(int, exitCode);
    QFETCH(bool, ours);
    QFETCH(int, status);
    QFETCH(QString, message);
    ExecutorConfig e;
    e.name = "cluster";
    e.slurm.time = "1:00";
    SlurmEnd end = slurmEnd(e, state.toStdString(), exitCode, "", {"n1"}, ours);
    QCOMPARE(int(end.status), status);
    QVERIFY2(message.isEmpty() ? end.message.empty() : QString::fromStdString(end.message).startsWith(message), end.message.c_str());
    QVERIFY(!slurmStateActive(state.toStdString()));
    QVERIFY(slurmStateActive("PENDING") && slurmStateActive("RUNNING"));
}

void TestExecutors::rsyncStats()
{
    const std::string out = "\nNumber of files: 1,204 (reg: 1,200, dir: 4)\nNumber of created files: 3\n"
                            "Number of regular files transferred: 3\nTotal file size: 12,345,678 bytes\n"
                            "Total transferred file size: 2,048 bytes\nLiteral data: 1,024 bytes\nMatched data: 1,024 bytes\n";
    SyncStats s = parseRsyncStats(out);
    QCOMPARE(s.files, std::uint64_t(1200));
    QCOMPARE(s.filesSent, std::uint64_t(3));
    QCOMPARE(s.bytes, std::uint64_t(12345678));
    QCOMPARE(s.bytesSent, std::uint64_t(1024));
    QCOMPARE(parseRsyncStats("Number of files: 1 (dir: 1)\n").files, std::uint64_t(0));
    QCOMPARE(formatBytes(1536), std::string("1.5 KiB"));
}

void TestExecutors::sshFailures_data()
{
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("err");
    QTest::addColumn<int>("problem");
    QTest::newRow("fine") << 0 << "" << int(SshProblem::None);
    QTest::newRow("command failed") << 1 << "Permission denied" << int(SshProblem::None);
    QTest::newRow("no name") << 255 << "ssh: Could not resolve hostname nope: Name or service not known" << int(SshProblem::UnknownHost);
    QTest::newRow("refused") << 255 << "ssh: connect to host 127.0.0.1 port 1: Connection refused" << int(SshProblem::Refused);
    QTest::newRow("timeout") << 255 << "ssh: connect to host 10.9.9.9 port 22: Connection timed out" << int(SshProblem::Unreachable);
    QTest::newRow("no route") << 255 << "ssh: connect to host h port 22: No route to host" << int(SshProblem::Unreachable);
    QTest::newRow("key refused") << 255 << "root@127.0.0.1: Permission denied (publickey)." << int(SshProblem::AuthRefused);
    QTest::newRow("host key") << 255 << "Host key verification failed." << int(SshProblem::HostKey);
    QTest::newRow("dropped") << 255 << "Connection to 127.0.0.1 closed by remote host." << int(SshProblem::Closed);
}

void TestExecutors::sshFailures()
{
    QFETCH(int, exitCode);
    QFETCH(QString, err);
    QFETCH(int, problem);
    QCOMPARE(int(classifySshFailure(exitCode, err.toStdString())), problem);
    ExecutorConfig e;
    e.name = "box";
    e.ssh.host = "h";
    auto t = makeSshTransport(e, "box", "/tmp/x");
    CommandResult r;
    r.exitCode = exitCode;
    r.err = err.toStdString();
    std::string why = t->explainFailure(r);
    QCOMPARE(why.empty(), problem == int(SshProblem::None));
    if (problem == int(SshProblem::AuthRefused))
        QVERIFY(why.find("authorized_keys") != std::string::npos && why.find("identity:") != std::string::npos);
}

void TestExecutors::remoteShellPaths()
{
    QCOMPARE(remoteShellPath("~/cairn-work"), std::string("\"$HOME\"/cairn-work"));
    QCOMPARE(remoteShellPath("~/my work"), std::string("\"$HOME\"/'my work'"));
    QCOMPARE(remoteShellPath("/data/a b"), std::string("'/data/a b'"));
    QCOMPARE(remoteShellPath("~"), std::string("\"$HOME\""));
}

void TestExecutors::journalRemoteRecords()
{
    QTemporaryDir dir;
    const std::filesystem::path path = dir.path().toStdString() + "/metrics.journal";
    {
        ingest::JournalWriter w;
        QVERIFY(w.open(path));
        w.metric("loss", 0, 1, 0.5);
        w.event(1700, "slurm.requeued", "requeued\tafter preemption");
        w.checkpoint("{\"offsets\":{\"stdout.log\":12}}");
        w.message("killed by Slurm: time limit");
        QVERIFY(w.flush());
    }
    std::ifstream in(path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ingest::JournalChunk c;
    ingest::parseJournal(text, c);
    QCOMPARE(c.badRecords, std::uint64_t(0));
    QCOMPARE(c.points.size(), std::size_t(1));
    QCOMPARE(c.events.size(), std::size_t(1));
    QCOMPARE(c.events[0].kind, std::string("slurm.requeued"));
    QCOMPARE(c.events[0].text, std::string("requeued\tafter preemption"));
    QCOMPARE(c.events[0].timestampMs, std::int64_t(1700));
    QVERIFY(c.message && *c.message == "killed by Slurm: time limit");
    auto cp = ingest::lastCheckpoint(path);
    QVERIFY(cp && *cp == "{\"offsets\":{\"stdout.log\":12}}");
}

void TestExecutors::lastCheckpointReadsFromTheEnd()
{
    QTemporaryDir dir;
    const std::filesystem::path path = dir.path().toStdString() + "/metrics.journal";
    {
        ingest::JournalWriter w;
        QVERIFY(w.open(path));
        w.checkpoint("{\"n\":1}");
        for (int i = 0; i < 50000; ++i)  // ~1.5 MB of points after it: the reader widens its window
            w.metric("loss", i, 1, 0.25);
        QVERIFY(w.flush());
        w.checkpoint("{\"n\":2}");
        for (int i = 0; i < 20000; ++i)
            w.metric("loss", i, 1, 0.25);
        QVERIFY(w.flush());
    }
    auto cp = ingest::lastCheckpoint(path);
    QVERIFY(cp && *cp == "{\"n\":2}");
    {
        std::ofstream torn(path, std::ios::app);
        torn << "O\t{\"n\":3";  // a torn last line does not count
    }
    cp = ingest::lastCheckpoint(path);
    QVERIFY(cp && *cp == "{\"n\":2}");
    QVERIFY(!ingest::lastCheckpoint(dir.path().toStdString() + "/none"));
}

QTEST_GUILESS_MAIN(TestExecutors)
#include "tst_executors.moc"
