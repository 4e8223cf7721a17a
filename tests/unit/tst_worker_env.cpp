// The environment each ProcessGroup worker gets: torchrun variables and CUDA_VISIBLE_DEVICES.
#include "engine/exec/worker_env.h"

#include <QtTest>

using namespace cairn::exec;
using Env = std::map<std::string, std::string>;

namespace {
std::string get(const Env& env, const std::string& key)
{
    auto it = env.find(key);
    return it == env.end() ? "<unset>" : it->second;
}
} // namespace

class TestWorkerEnv : public QObject {
    Q_OBJECT
private slots:
    void torchrunVariables_data();
    void torchrunVariables();
    void gpus_data();
    void gpus();
    void singleProcessIsLeftPlain();
    void ompThreads();
};

void TestWorkerEnv::torchrunVariables_data()
{
    QTest::addColumn<int>("nproc");
    QTest::addColumn<int>("nnodes");
    QTest::addColumn<int>("nodeRank");
    QTest::addColumn<int>("local");
    QTest::addColumn<QString>("rank");
    QTest::addColumn<QString>("world");
    QTest::newRow("2 workers, rank 0") << 2 << 1 << 0 << 0 << "0" << "2";
    QTest::newRow("2 workers, rank 1") << 2 << 1 << 0 << 1 << "1" << "2";
    QTest::newRow("node 1 of 2, 4 each") << 4 << 2 << 1 << 2 << "6" << "8";
    QTest::newRow("1 per node, node 2 of 3") << 1 << 3 << 2 << 0 << "2" << "3";
}

void TestWorkerEnv::torchrunVariables()
{
    QFETCH(int, nproc);
    QFETCH(int, nnodes);
    QFETCH(int, nodeRank);
    QFETCH(int, local);
    QFETCH(QString, rank);
    QFETCH(QString, world);
    GroupSpec spec;
    spec.nprocPerNode = nproc;
    spec.nnodes = nnodes;
    spec.nodeRank = nodeRank;
    spec.extraEnv = {{"CAIRN_RUN_ID", "r-42"}};
    Env env = workerEnv(spec, local, 29500);
    QCOMPARE(get(env, "RANK"), rank.toStdString());
    QCOMPARE(get(env, "ROLE_RANK"), rank.toStdString());
    QCOMPARE(get(env, "LOCAL_RANK"), std::to_string(local));
    QCOMPARE(get(env, "WORLD_SIZE"), world.toStdString());
    QCOMPARE(get(env, "ROLE_WORLD_SIZE"), world.toStdString());
    QCOMPARE(get(env, "LOCAL_WORLD_SIZE"), std::to_string(nproc));
    QCOMPARE(get(env, "GROUP_RANK"), std::to_string(nodeRank));
    QCOMPARE(get(env, "MASTER_ADDR"), std::string("127.0.0.1"));
    QCOMPARE(get(env, "MASTER_PORT"), std::string("29500"));
    QCOMPARE(get(env, "TORCHELASTIC_RUN_ID"), std::string("r-42"));
    QCOMPARE(get(env, "CAIRN_RUN_ID"), std::string("r-42"));
}

void TestWorkerEnv::gpus_data()
{
    QTest::addColumn<int>("nproc");
    QTest::addColumn<QList<int>>("ids");
    QTest::addColumn<bool>("allToEach");
    QTest::addColumn<QStringList>("perWorker");  // CUDA_VISIBLE_DEVICES of each local rank
    QTest::newRow("no GPUs, 2 workers") << 2 << QList<int>{} << false << QStringList{"<unset>", "<unset>"};
    QTest::newRow("one per worker") << 2 << QList<int>{3, 5} << false << QStringList{"3", "5"};
    QTest::newRow("single worker sees all") << 1 << QList<int>{3, 5} << false << QStringList{"3,5"};
    QTest::newRow("mismatch: all to each") << 2 << QList<int>{1, 2, 3} << false << QStringList{"1,2,3", "1,2,3"};
    QTest::newRow("AllToEach binding") << 2 << QList<int>{3, 5} << true << QStringList{"3,5", "3,5"};
}

void TestWorkerEnv::gpus()
{
    QFETCH(int, nproc);
    QFETCH(QList<int>, ids);
    QFETCH(bool, allToEach);
    QFETCH(QStringList, perWorker);
    GroupSpec spec;
    spec.nprocPerNode = nproc;
    spec.gpuIds = {ids.begin(), ids.end()};
    spec.gpuBinding = allToEach ? GpuBinding::AllToEach : GpuBinding::OnePerWorker;
    spec.extraEnv = {{"CUDA_VISIBLE_DEVICES", "<from caller>"}};
    for (int local = 0; local < nproc; ++local) {
        Env env = workerEnv(spec, local, 1);
        const std::string want = perWorker[local] == "<unset>" ? "<from caller>" : perWorker[local].toStdString();
        QCOMPARE(get(env, "CUDA_VISIBLE_DEVICES"), want);
        QCOMPARE(get(env, "CUDA_DEVICE_ORDER"), std::string(ids.isEmpty() ? "<unset>" : "PCI_BUS_ID"));
    }
}

void TestWorkerEnv::singleProcessIsLeftPlain()
{
    GroupSpec spec;
    spec.extraEnv = {{"CAIRN_RUN_ID", "r-1"}};
    Env env = workerEnv(spec, 0, 0);
    QCOMPARE(env, Env({{"CAIRN_RUN_ID", "r-1"}}));
    QVERIFY(!isDistributed(spec));
    spec.nnodes = 2;
    QVERIFY(isDistributed(spec));
}

void TestWorkerEnv::ompThreads()
{
    GroupSpec spec;
    spec.nprocPerNode = 2;
    QCOMPARE(get(workerEnv(spec, 0, 1), "OMP_NUM_THREADS"), std::string("1"));
    QCOMPARE(get(workerEnv(spec, 0, 1, {{"OMP_NUM_THREADS", "4"}}), "OMP_NUM_THREADS"), std::string("<unset>"));
    spec.extraEnv = {{"OMP_NUM_THREADS", "3"}};
    QCOMPARE(get(workerEnv(spec, 1, 1), "OMP_NUM_THREADS"), std::string("3"));
}

QTEST_GUILESS_MAIN(TestWorkerEnv)
#include "tst_worker_env.moc"
