// The store's typed queries on a real SQLite file.
#include "engine/store/store.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace cairn;

class TestStore : public QObject {
    Q_OBJECT
private slots:
    void init();
    void createAndList();
    void nonFiniteValuesRoundTrip();
    void summariesAcrossBatches();
    void findRunByPrefixAndName();
    void readerSeesWriterCommits();

private:
    std::unique_ptr<Store> openRw();
    QTemporaryDir m_dir;
    std::string m_path;
};

void TestStore::init()
{
    QVERIFY(m_dir.isValid());
    m_path = (m_dir.path() + QString("/cairn-%1.db").arg(QRandomGenerator::global()->generate())).toStdString();
}

std::unique_ptr<Store> TestStore::openRw()
{
    auto s = Store::open(m_path, Store::Mode::ReadWrite);
    if (!s)
        qFatal("%s", s.message().c_str());
    return std::move(*s);
}

static Run makeRun(const std::string& name, std::int64_t start)
{
    Run r;
    r.name = name;
    r.experiment = "exp";
    r.status = RunStatus::Running;
    r.startMs = start;
    r.command = "python train.py";
    r.params = {{"lr", "0.1"}};
    return r;
}

void TestStore::createAndList()
{
    auto store = openRw();
    Run a = makeRun("a", 1000), b = makeRun("b", 2000);
    QVERIFY(store->createRun(a));
    QVERIFY(store->createRun(b));
    QCOMPARE(a.id.size(), std::size_t(32));
    QVERIFY(store->setTags(a.id, {{"k", "v"}}));
    QVERIFY(store->finishRun(a.id, RunStatus::Finished, 0, 1500));
    auto runs = store->runs();
    QVERIFY(runs);
    QCOMPARE(runs->size(), std::size_t(2));
    QCOMPARE(runs->at(0).run.name, std::string("b"));  // newest first
    QVERIFY(runs->at(1).run.status == RunStatus::Finished);
    QCOMPARE(runs->at(1).run.exitCode.value_or(-1), 0);
    QCOMPARE(runs->at(1).run.tags.at("k"), std::string("v"));
    QCOMPARE(runs->at(1).run.params.at("lr"), std::string("0.1"));
    auto exps = store->experiments();
    QVERIFY(exps);
    QCOMPARE(exps->size(), std::size_t(1));
    QCOMPARE(exps->at(0).runCount, std::int64_t(2));
    RunFilter f;
    f.experiment = "other";
    QCOMPARE(store->runs(f)->size(), std::size_t(0));
}

void TestStore::nonFiniteValuesRoundTrip()
{
    auto store = openRw();
    Run r = makeRun("nf", 1);
    QVERIFY(store->createRun(r));
    const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
    std::vector<MetricPoint> pts = {{"x", 0, 10, nan}, {"x", 1, 11, inf}, {"x", 2, 12, -inf}, {"x", 3, 13, -0.0},
                                    {"x", 4, 14, 1e-308}};
    QVERIFY(store->appendMetrics(r.id, pts));
    auto back = store->metrics(r.id, "x");
    QVERIFY(back);
    QCOMPARE(back->size(), pts.size());
    QVERIFY(std::isnan(back->at(0).value));
    QCOMPARE(back->at(1).value, inf);
    QCOMPARE(back->at(2).value, -inf);
    QCOMPARE(back->at(4).value, 1e-308);
    QCOMPARE(back->at(4).timestampMs, std::int64_t(14));
    auto sum = store->metricSummaries(r.id);
    QCOMPARE(sum->at(0).min, -inf);
    QCOMPARE(sum->at(0).max, inf);
    QCOMPARE(sum->at(0).count, std::int64_t(5));
}

void TestStore::summariesAcrossBatches()
{
    auto store = openRw();
    Run r = makeRun("s", 1);
    QVERIFY(store->createRun(r));
    QVERIFY(store->appendMetrics(r.id, std::vector<MetricPoint>{{"loss", 0, 1, 5.0}, {"loss", 1, 2, 3.0}}));
    QVERIFY(store->appendMetrics(r.id, std::vector<MetricPoint>{{"loss", 2, 3, 4.0}, {"acc", 0, 3, 0.5}}));
    // A late point for an earlier step must not become "last".
    QVERIFY(store->appendMetrics(r.id, std::vector<MetricPoint>{{"loss", 1, 4, 1.0}}));
    auto sum = store->metricSummaries(r.id);
    QVERIFY(sum);
    QCOMPARE(sum->size(), std::size_t(2));
    const MetricSummary& loss = sum->at(1);
    QCOMPARE(loss.key, std::string("loss"));
    QCOMPARE(loss.last, 4.0);
    QCOMPARE(loss.lastStep, std::int64_t(2));
    QCOMPARE(loss.min, 1.0);
    QCOMPARE(loss.max, 5.0);
    QCOMPARE(loss.count, std::int64_t(4));
    QCOMPARE(*store->metricCount(r.id), std::int64_t(5));
    QCOMPARE(*store->metricCount(r.id, "acc"), std::int64_t(1));
}

void TestStore::findRunByPrefixAndName()
{
    auto store = openRw();
    Run a = makeRun("alpha", 1), b = makeRun("alpha", 2);
    a.id = "abc00000000000000000000000000001";
    b.id = "abc00000000000000000000000000002";
    QVERIFY(store->createRun(a));
    QVERIFY(store->createRun(b));
    QCOMPARE(store->findRun(a.id)->id, a.id);
    QCOMPARE(store->findRun("abc00000000000000000000000000002")->id, b.id);
    auto ambiguous = store->findRun("abc");
    QVERIFY(!ambiguous);
    QVERIFY(QString::fromStdString(ambiguous.message()).contains("ambiguous"));
    QCOMPARE(store->findRun("alpha")->id, b.id);  // newest of that name
    QVERIFY(!store->findRun("nope"));
    QVERIFY(!store->findRun("%"));
    QVERIFY(!store->findRun(""));
}

void TestStore::readerSeesWriterCommits()
{
    auto writer = openRw();
    auto reader = Store::open(m_path, Store::Mode::ReadOnly);
    QVERIFY2(reader, reader.ok() ? "" : reader.message().c_str());
    auto v1 = (*reader)->dataVersion();
    QVERIFY((*reader)->runs()->empty());
    Run r = makeRun("late", 5);
    QVERIFY(writer->createRun(r));
    QVERIFY(*(*reader)->dataVersion() != *v1);
    QCOMPARE((*reader)->runs()->size(), std::size_t(1));
}

QTEST_APPLESS_MAIN(TestStore)
#include "tst_store.moc"
