// ProcessGroup on real processes: the torchrun environment, failure of one worker stopping the
// rest, requested stops with a SIGTERM-ignoring worker, and no process left behind.
#include "engine/exec/process_group.h"
#include "engine/exec/proc_tree.h"

#include <QtTest>

#include <chrono>
#include <csignal>
#include <functional>
#include <map>
#include <set>

using namespace cairn::exec;
using Clock = std::chrono::steady_clock;

namespace {

class Recorder : public GroupObserver {
public:
    void started(int rank, long pid) override { pids[rank] = pid; }
    void output(int rank, int stream, std::string_view bytes) override
    {
        (stream == 1 ? out : err)[rank].append(bytes.data(), static_cast<qsizetype>(bytes.size()));
    }
    void tick() override
    {
        if (onTick)
            onTick();
    }
    // Values of `key=` printed by a rank on stdout, in order.
    QStringList values(int rank, const QString& key) const
    {
        QStringList v;
        for (const QByteArray& line : out.value(rank).split('\n'))
            if (line.startsWith((key + '=').toUtf8()))
                v << QString::fromUtf8(line.mid(key.size() + 1));
        return v;
    }
    std::map<int, long> pids;
    QMap<int, QByteArray> out, err;
    std::function<void()> onTick;
};

GroupSpec shell(const QString& script, int nproc)
{
    GroupSpec spec;
    spec.argv = {"/bin/sh", "-c", script.toStdString()};
    spec.nprocPerNode = nproc;
    return spec;
}

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// Every pid the workers reported (their own and what they printed as pid=) is gone.
void verifyNothingLeft(const Recorder& r)
{
    std::set<long> pids;
    for (const auto& [rank, pid] : r.pids) {
        pids.insert(pid);
        for (const QString& p : r.values(rank, "pid"))
            pids.insert(p.toLong());
    }
    for (long pid : pids)
        QVERIFY2(!processRunning(pid), qPrintable(QString("pid %1 is still running").arg(pid)));
}

} // namespace

class TestProcessGroup : public QObject {
    Q_OBJECT
private slots:
    void torchrunEnvironment();
    void singleWorkerGetsNoTorchrunVariables();
    void allSucceedWithAllOutput();
    void failingWorkerStopsTheOthers();
    void workerKilledBySignal();
    void requestStopKillsWorkerIgnoringTerm();
    void grandchildKilledOnStop();
    void leftoverGrandchildKilledAfterSuccess();
    void stopBeforeRun();
    void commandNotFound();
    void notExecutable();
    void freePort();
};

void TestProcessGroup::torchrunEnvironment()
{
    GroupSpec spec = shell("echo rank=$RANK; echo local=$LOCAL_RANK; echo world=$WORLD_SIZE; echo lws=$LOCAL_WORLD_SIZE;"
                           "echo port=$MASTER_PORT; echo addr=$MASTER_ADDR; echo cvd=${CUDA_VISIBLE_DEVICES-unset};"
                           "echo runid=$TORCHELASTIC_RUN_ID; echo omp=$OMP_NUM_THREADS",
                           2);
    spec.gpuIds = {3, 5};
    spec.extraEnv = {{"CAIRN_RUN_ID", "run-7"}};
    Recorder r;
    ProcessGroup group;
    GroupOutcome o = group.run(spec, r);
    QVERIFY2(o.started, o.startError.c_str());
    QCOMPARE(o.exitCode, 0);
    QCOMPARE(o.failedRank, -1);
    QCOMPARE(r.pids.size(), std::size_t(2));
    QVERIFY(r.pids[0] != r.pids[1]);
    QVERIFY(o.masterPort > 0);
    for (int rank : {0, 1}) {
        QCOMPARE(r.values(rank, "rank"), QStringList{QString::number(rank)});
        QCOMPARE(r.values(rank, "local"), QStringList{QString::number(rank)});
        QCOMPARE(r.values(rank, "world"), QStringList{"2"});
        QCOMPARE(r.values(rank, "lws"), QStringList{"2"});
        QCOMPARE(r.values(rank, "port"), QStringList{QString::number(o.masterPort)});
        QCOMPARE(r.values(rank, "addr"), QStringList{"127.0.0.1"});
        QCOMPARE(r.values(rank, "runid"), QStringList{"run-7"});
        QCOMPARE(r.values(rank, "omp"), QStringList{"1"});
    }
    // The default binding is torchrun's: every worker sees the job's GPUs and picks its own
    // with LOCAL_RANK (so `cuda:LOCAL_RANK` scripts work unchanged).
    QCOMPARE(r.values(0, "cvd"), QStringList{"3,5"});
    QCOMPARE(r.values(1, "cvd"), QStringList{"3,5"});

    // One GPU per worker on request: worker i sees only gpuIds[i], as its cuda:0.
    spec.gpuBinding = GpuBinding::OnePerWorker;
    Recorder one;
    QCOMPARE(ProcessGroup().run(spec, one).exitCode, 0);
    QCOMPARE(one.values(0, "cvd"), QStringList{"3"});
    QCOMPARE(one.values(1, "cvd"), QStringList{"5"});
}

void TestProcessGroup::singleWorkerGetsNoTorchrunVariables()
{
    GroupSpec spec = shell("echo rank=${RANK-unset}; echo port=${MASTER_PORT-unset}; echo cvd=$CUDA_VISIBLE_DEVICES", 1);
    spec.gpuIds = {2, 0};
    ::unsetenv("RANK");
    ::unsetenv("MASTER_PORT");
    Recorder r;
    GroupOutcome o = ProcessGroup().run(spec, r);
    QCOMPARE(o.exitCode, 0);
    QCOMPARE(o.masterPort, 0);
    QCOMPARE(r.values(0, "rank"), QStringList{"unset"});
    QCOMPARE(r.values(0, "port"), QStringList{"unset"});
    QCOMPARE(r.values(0, "cvd"), QStringList{"2,0"});
}

void TestProcessGroup::allSucceedWithAllOutput()
{
    // Much output on both streams of three workers at once; stdin is /dev/null (cat ends).
    GroupSpec spec = shell("cat; seq 1 100000; seq 1 1000 >&2", 3);
    Recorder r;
    GroupOutcome o = ProcessGroup().run(spec, r);
    QCOMPARE(o.exitCode, 0);
    for (int rank = 0; rank < 3; ++rank) {
        QCOMPARE(r.out[rank].count('\n'), 100000);
        QVERIFY(r.out[rank].endsWith("\n100000\n"));
        QCOMPARE(r.err[rank].count('\n'), 1000);
    }
    verifyNothingLeft(r);
}

void TestProcessGroup::failingWorkerStopsTheOthers()
{
    // Rank 1 fails with 3; rank 0 (a shell waiting on a sleep) must be stopped, sleep included.
    GroupSpec spec = shell("if [ $RANK = 1 ]; then sleep 0.5; exit 3; fi; sleep 60 & echo pid=$!; wait", 2);
    Recorder r;
    const auto t0 = Clock::now();
    GroupOutcome o = ProcessGroup().run(spec, r);
    QVERIFY2(secondsSince(t0) < 5.0, qPrintable(QString::number(secondsSince(t0))));
    QVERIFY(o.started);
    QCOMPARE(o.failedRank, 1);
    QCOMPARE(o.exitCode, 3);
    QCOMPARE(o.signal, 0);
    QVERIFY(!o.stoppedByRequest);
    QCOMPARE(r.values(0, "pid").size(), 1);
    verifyNothingLeft(r);
}

void TestProcessGroup::workerKilledBySignal()
{
    GroupSpec spec = shell("if [ $RANK = 0 ]; then sleep 0.3; kill -9 $$; fi; exec sleep 60", 2);
    Recorder r;
    GroupOutcome o = ProcessGroup().run(spec, r);
    QCOMPARE(o.failedRank, 0);
    QCOMPARE(o.signal, 9);
    QCOMPARE(o.exitCode, 137);
    verifyNothingLeft(r);
}

void TestProcessGroup::requestStopKillsWorkerIgnoringTerm()
{
    // Rank 1 and its sleep ignore SIGTERM: they are SIGKILLed when the grace ends.
    GroupSpec spec = shell("if [ $RANK = 1 ]; then trap '' TERM; fi; sleep 60 & echo pid=$!; echo ready=1; wait; wait", 2);
    spec.stopGraceMs = 700;
    Recorder r;
    ProcessGroup group;
    Clock::time_point stopAt{};
    r.onTick = [&] {
        if (stopAt == Clock::time_point{} && r.values(0, "ready").size() == 1 && r.values(1, "ready").size() == 1) {
            stopAt = Clock::now();
            group.requestStop();
        }
    };
    GroupOutcome o = group.run(spec, r);
    QVERIFY(stopAt != Clock::time_point{});
    const double took = secondsSince(stopAt);
    QVERIFY2(took >= 0.6 && took < 5.0, qPrintable(QString::number(took)));
    QVERIFY(o.stoppedByRequest);
    QCOMPARE(o.failedRank, -1);
    QVERIFY(o.exitCode == 128 + SIGTERM || o.exitCode == 128 + SIGKILL);
    verifyNothingLeft(r);
}

void TestProcessGroup::grandchildKilledOnStop()
{
    // The grandchild runs in the background of a worker that is itself busy.
    GroupSpec spec = shell("sleep 100 & echo pid=$!; sh -c 'sleep 100 & echo pid=$!; wait' & wait", 1);
    Recorder r;
    ProcessGroup group;
    r.onTick = [&] {
        if (r.values(0, "pid").size() == 2)
            group.requestStop();
    };
    GroupOutcome o = group.run(spec, r);
    QVERIFY(o.stoppedByRequest);
    QCOMPARE(r.values(0, "pid").size(), 2);
    verifyNothingLeft(r);
}

void TestProcessGroup::leftoverGrandchildKilledAfterSuccess()
{
    // Worker exits 0 at once; its `sleep 100 &` is orphaned (reparented away from the tree)
    // and still holds stdout. run() must end it and return promptly.
    GroupSpec spec = shell("sleep 100 & echo pid=$!; exit 0", 2);
    Recorder r;
    const auto t0 = Clock::now();
    GroupOutcome o = ProcessGroup().run(spec, r);
    QVERIFY2(secondsSince(t0) < 5.0, qPrintable(QString::number(secondsSince(t0))));
    QCOMPARE(o.exitCode, 0);
    QCOMPARE(o.failedRank, -1);
    QCOMPARE(r.values(0, "pid").size(), 1);
    verifyNothingLeft(r);
}

void TestProcessGroup::stopBeforeRun()
{
    ProcessGroup group;
    group.requestStop();
    Recorder r;
    GroupOutcome o = group.run(shell("echo hi", 2), r);
    QVERIFY(!o.started);
    QVERIFY(o.stoppedByRequest);
    QVERIFY(r.pids.empty());
}

void TestProcessGroup::commandNotFound()
{
    GroupSpec spec;
    spec.argv = {"cairn-no-such-command-xyz"};
    spec.nprocPerNode = 2;
    Recorder r;
    GroupOutcome o = ProcessGroup().run(spec, r);
    QVERIFY(!o.started);
    QCOMPARE(o.exitCode, 127);
    QVERIFY(QString::fromStdString(o.startError).contains("not found"));
    QVERIFY(r.pids.empty());
}

void TestProcessGroup::notExecutable()
{
    QTemporaryDir dir;
    QFile f(dir.filePath("script.sh"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("#!/bin/sh\necho hi\n");
    f.close();
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    GroupSpec spec;
    spec.argv = {f.fileName().toStdString()};
    Recorder r;
    GroupOutcome o = ProcessGroup().run(spec, r);
    QVERIFY(!o.started);
    QCOMPARE(o.exitCode, 126);
    QVERIFY(!o.startError.empty());
}

void TestProcessGroup::freePort()
{
    int a = findFreeTcpPort();
    QVERIFY(a > 0 && a < 65536);
}

QTEST_GUILESS_MAIN(TestProcessGroup)
#include "tst_process_group.moc"
