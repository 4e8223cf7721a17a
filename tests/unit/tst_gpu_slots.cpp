// GpuSlots: which GPUs a job may get, on fake inventories of N devices.
#include "engine/exec/gpu_slots.h"
#include "gpu/gpu_inventory.h"

#include <QtTest>

using namespace cairn;
using namespace cairn::exec;

namespace {

std::vector<int> toStd(const QList<int>& l) { return {l.begin(), l.end()}; }

GpuSlots slotsFor(int gpus, bool hasAllow = false, const QList<int>& allow = {})
{
    auto inventory = gpu::makeFakeInventory(gpus);
    std::optional<std::vector<int>> allowList;
    if (hasAllow)
        allowList = toStd(allow);
    return GpuSlots(GpuSlots::usableIds(inventory->devices(), allowList));
}

} // namespace

class TestGpuSlots : public QObject {
    Q_OBJECT
private slots:
    void usableIds_data();
    void usableIds();
    void validate_data();
    void validate();
    void acquire_data();
    void acquire();
    void releaseMakesRoom();
};

void TestGpuSlots::usableIds_data()
{
    QTest::addColumn<int>("gpus");
    QTest::addColumn<bool>("hasAllow");
    QTest::addColumn<QList<int>>("allow");
    QTest::addColumn<QList<int>>("expected");
    QTest::newRow("no GPU") << 0 << false << QList<int>{} << QList<int>{};
    QTest::newRow("all of 4") << 4 << false << QList<int>{} << QList<int>{0, 1, 2, 3};
    QTest::newRow("allow 1,3") << 4 << true << QList<int>{3, 1} << QList<int>{1, 3};
    QTest::newRow("allow missing id ignored") << 2 << true << QList<int>{1, 7} << QList<int>{1};
    QTest::newRow("empty allow list") << 4 << true << QList<int>{} << QList<int>{};
}

void TestGpuSlots::usableIds()
{
    QFETCH(int, gpus);
    QFETCH(bool, hasAllow);
    QFETCH(QList<int>, allow);
    QFETCH(QList<int>, expected);
    QCOMPARE(slotsFor(gpus, hasAllow, allow).usable(), toStd(expected));
}

void TestGpuSlots::validate_data()
{
    QTest::addColumn<int>("gpus");
    QTest::addColumn<bool>("hasAllow");
    QTest::addColumn<QList<int>>("allow");
    QTest::addColumn<int>("count");
    QTest::addColumn<QList<int>>("ids");
    QTest::addColumn<QString>("error");  // empty: valid
    const QList<int> none;
    QTest::newRow("no GPU wanted, none here") << 0 << false << none << 0 << none << "";
    QTest::newRow("2 of 2") << 2 << false << none << 2 << none << "";
    QTest::newRow("ids 0,1 of 2") << 2 << false << none << 0 << QList<int>{1, 0} << "";
    QTest::newRow("count and matching ids") << 2 << false << none << 2 << QList<int>{0, 1} << "";
    QTest::newRow("too many") << 2 << false << none << 4 << none
                              << "the job asks for 4 GPUs but Cairn may use 2 (0,1) on this machine; see 'gpus:' in cairn.yaml";
    QTest::newRow("one on a machine without") << 0 << false << none << 1 << none
                                              << "the job asks for 1 GPU but Cairn may use none on this machine";
    QTest::newRow("more than allowed") << 8 << true << QList<int>{2, 5} << 3 << none
                                       << "the job asks for 3 GPUs but Cairn may use 2 (2,5)";
    QTest::newRow("unknown id") << 2 << false << none << 0 << QList<int>{7}
                                << "the job asks for GPU 7 but Cairn may use 2 (0,1)";
    QTest::newRow("disallowed id") << 4 << true << QList<int>{0, 1} << 0 << QList<int>{3}
                                   << "the job asks for GPU 3 but Cairn may use 2 (0,1)";
    QTest::newRow("duplicate id") << 4 << false << none << 0 << QList<int>{1, 1} << "GPU 1 is named twice";
    QTest::newRow("negative count") << 4 << false << none << -1 << none << "must be 0 or more";
    QTest::newRow("count disagrees with ids") << 4 << false << none << 3 << QList<int>{0, 1} << "give a count or ids, not both";
}

void TestGpuSlots::validate()
{
    QFETCH(int, gpus);
    QFETCH(bool, hasAllow);
    QFETCH(QList<int>, allow);
    QFETCH(int, count);
    QFETCH(QList<int>, ids);
    QFETCH(QString, error);
    GpuSlots gpuSlots = slotsFor(gpus, hasAllow, allow);
    GpuRequest request{count, toStd(ids)};
    Status s = gpuSlots.validate(request);
    if (error.isEmpty()) {
        QVERIFY2(s.ok(), s.ok() ? "" : s.message().c_str());
        QVERIFY(gpuSlots.tryAcquire(request).has_value());
    } else {
        QVERIFY(!s.ok());
        QVERIFY2(QString::fromStdString(s.message()).contains(error), s.message().c_str());
        QVERIFY(!gpuSlots.tryAcquire(request).has_value());
        QVERIFY(gpuSlots.busy().empty());
    }
}

void TestGpuSlots::acquire_data()
{
    // Requests taken in order on one GpuSlots; "-" in `got` marks a request that must wait.
    QTest::addColumn<int>("gpus");
    QTest::addColumn<QStringList>("requests");  // "n" = count n, "#a,b" = ids a,b
    QTest::addColumn<QStringList>("got");
    QTest::addColumn<QList<int>>("busyAfter");
    QTest::newRow("packs lowest first") << 4 << QStringList{"1", "2"} << QStringList{"0", "1,2"} << QList<int>{0, 1, 2};
    QTest::newRow("count skips busy ids") << 4 << QStringList{"#1", "2"} << QStringList{"1", "0,2"} << QList<int>{0, 1, 2};
    QTest::newRow("full machine waits") << 2 << QStringList{"2", "1"} << QStringList{"0,1", "-"} << QList<int>{0, 1};
    QTest::newRow("busy id waits") << 4 << QStringList{"#2", "#2,3"} << QStringList{"2", "-"} << QList<int>{2};
    QTest::newRow("no GPU always fits") << 1 << QStringList{"1", "0"} << QStringList{"0", ""} << QList<int>{0};
    QTest::newRow("ids keep their order") << 4 << QStringList{"#3,1"} << QStringList{"3,1"} << QList<int>{1, 3};
}

void TestGpuSlots::acquire()
{
    QFETCH(int, gpus);
    QFETCH(QStringList, requests);
    QFETCH(QStringList, got);
    QFETCH(QList<int>, busyAfter);
    GpuSlots gpuSlots = slotsFor(gpus);
    for (int i = 0; i < requests.size(); ++i) {
        GpuRequest r;
        if (requests[i].startsWith('#')) {
            for (const QString& id : requests[i].mid(1).split(','))
                r.ids.push_back(id.toInt());
        } else {
            r.count = requests[i].toInt();
        }
        auto result = gpuSlots.tryAcquire(r);
        if (got[i] == "-") {
            QVERIFY2(!result.has_value(), qPrintable(requests[i]));
            continue;
        }
        QVERIFY2(result.has_value(), qPrintable(requests[i]));
        QStringList ids;
        for (int id : *result)
            ids << QString::number(id);
        QCOMPARE(ids.join(','), got[i]);
    }
    QCOMPARE(gpuSlots.busy(), toStd(busyAfter));
}

void TestGpuSlots::releaseMakesRoom()
{
    GpuSlots gpuSlots = slotsFor(3);
    auto a = gpuSlots.tryAcquire({2, {}});
    QVERIFY(a && *a == std::vector<int>({0, 1}));
    QVERIFY(!gpuSlots.tryAcquire({2, {}}));
    QCOMPARE(gpuSlots.freeCount(), 1);
    gpuSlots.release(*a);
    QVERIFY(gpuSlots.busy().empty());
    auto b = gpuSlots.tryAcquire({0, {2}});
    QVERIFY(b && *b == std::vector<int>({2}));
    auto c = gpuSlots.tryAcquire({2, {}});
    QVERIFY(c && *c == std::vector<int>({0, 1}));
    QCOMPARE(gpuSlots.busy(), std::vector<int>({0, 1, 2}));
}

QTEST_GUILESS_MAIN(TestGpuSlots)
#include "tst_gpu_slots.moc"
