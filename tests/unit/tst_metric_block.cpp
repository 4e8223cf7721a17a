// Packed metric blocks: the codec on its own (round trips, damaged bytes) and the store's
// mix of blocks and per-point tail (order, counts, summaries, folding).
#include "engine/store/metric_block.h"
#include "engine/store/store.h"

#include <QtTest>

#include <sqlite3.h>

#include <bit>
#include <cmath>
#include <limits>

using namespace cairn;
using blocks::Point;

class TestMetricBlock : public QObject {
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
    void smallSteps();
    void formatIsStable();
    void damaged_data();
    void damaged();
    void trickleThenBurstKeepsOrder();
    void longSeriesSplitsIntoBlocks();
    void outOfOrderStepsAreSortedStably();
    void blocksAndTailCountedOnce();
    void viewKeepsEverySpikeZoomedOut();
    void viewZoomedInIsRaw();
    void lodKeepsExtremesOfEachPart();

private:
    std::unique_ptr<Store> openStore(Run& run);
    QTemporaryDir m_dir;
    int m_dbs = 0;
};

static std::vector<Point> ramp(std::int64_t n, std::int64_t step0 = 0)
{
    std::vector<Point> v;
    for (std::int64_t i = 0; i < n; ++i)
        v.push_back({step0 + i, 1700000000000 + i * 7, 1.0 / double(i + 1)});
    return v;
}

static bool sameBits(double a, double b) { return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b); }

void TestMetricBlock::roundTrip_data()
{
    QTest::addColumn<std::vector<Point>>("points");
    constexpr auto lo = std::numeric_limits<std::int64_t>::min();
    constexpr auto hi = std::numeric_limits<std::int64_t>::max();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    QTest::newRow("empty") << std::vector<Point>{};
    QTest::newRow("one") << std::vector<Point>{{5, 9, 0.5}};
    QTest::newRow("ramp 4096") << ramp(4096);
    QTest::newRow("int64 extremes wrap") << std::vector<Point>{{lo, hi, 1}, {hi, lo, 2}, {0, 0, 3}, {lo, lo, 4}, {-1, 1, 5}};
    QTest::newRow("non-finite values") << std::vector<Point>{{0, 0, nan}, {1, 0, inf}, {2, 0, -inf}, {3, 0, -0.0},
                                                             {4, 0, std::numeric_limits<double>::denorm_min()}};
    QTest::newRow("steps backwards") << std::vector<Point>{{10, 5, 1}, {3, 4, 2}, {3, 4, 3}, {-7, 0, 4}};
}

void TestMetricBlock::roundTrip()
{
    QFETCH(std::vector<Point>, points);
    std::string bytes = blocks::encode(points);
    std::vector<Point> back{{99, 99, 99}};  // decode appends
    QVERIFY(blocks::decode(bytes, back));
    QCOMPARE(back.size(), points.size() + 1);
    for (std::size_t i = 0; i < points.size(); ++i) {
        QCOMPARE(back[i + 1].step, points[i].step);
        QCOMPARE(back[i + 1].timestampMs, points[i].timestampMs);
        QVERIFY2(sameBits(back[i + 1].value, points[i].value), qPrintable(QString::number(i)));
    }
}

void TestMetricBlock::smallSteps()
{
    // A step counter with timestamps a few ms apart costs about 10 bytes a point, not 24+.
    std::string bytes = blocks::encode(ramp(4096));
    QVERIFY2(bytes.size() < 4096 * 11, qPrintable(QString::number(bytes.size())));
    blocks::BlockStats s = blocks::stats(ramp(4096, 10));
    QCOMPARE(s.count, std::int64_t(4096));
    QCOMPARE(s.minStep, std::int64_t(10));
    QCOMPARE(s.maxStep, std::int64_t(4105));
    QCOMPARE(s.maxValue, 1.0);
    QVERIFY(std::isnan(blocks::stats(std::vector<Point>{{0, 0, std::nan("")}}).minValue));
}

void TestMetricBlock::formatIsStable()
{
    // Blocks outlive the Cairn that wrote them: format 1 must not drift. Steps 0,1,2 and
    // timestamps 1700000000000 + 0,7,14 ms (zigzag varint deltas), then raw doubles.
    std::vector<Point> pts{{0, 1700000000000, 1.0}, {1, 1700000000007, 0.5}, {2, 1700000000014, 0.25}};
    std::string bytes = blocks::encode(pts);
    QCOMPARE(QByteArray(bytes.data(), 13).toHex(), QByteArray("010300020280a0abfef9620e0e"));
    QCOMPARE(bytes.size(), std::size_t(13 + 24));
}

void TestMetricBlock::damaged_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    const std::string good = blocks::encode(ramp(3));
    QByteArray g(good.data(), qsizetype(good.size()));
    QTest::newRow("empty") << QByteArray() << "empty";
    QTest::newRow("unknown format") << QByteArray("\x02\x00", 2) << "format 2";
    QTest::newRow("count cut") << QByteArray("\x01\x80", 2) << "point count";
    QTest::newRow("count too large") << QByteArray("\x01\xff\xff\xff\xff\x0f", 6) << "claims";
    QTest::newRow("count varint too long") << QByteArray("\x01\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", 12)
                                           << "point count";
    QTest::newRow("values cut") << g.left(g.size() - 1) << "value bytes";
    QTest::newRow("trailing byte") << g + 'x' << "value bytes";
    QByteArray stepsCut = g;
    stepsCut[2] = char(0x80);  // first step delta continues into the next bytes forever
    stepsCut[3] = char(0x80);
    stepsCut[4] = char(0x80);
    QTest::newRow("steps run on") << stepsCut << "truncated|value bytes";
}

void TestMetricBlock::damaged()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    std::vector<Point> out{{1, 2, 3}};
    auto s = blocks::decode(std::string_view(bytes.constData(), std::size_t(bytes.size())), out);
    QVERIFY(!s);
    QVERIFY2(QString::fromStdString(s.message()).contains(QRegularExpression(expected)), s.message().c_str());
    QCOMPARE(out.size(), std::size_t(1));  // nothing half-appended
}

std::unique_ptr<Store> TestMetricBlock::openStore(Run& run)
{
    auto s = Store::open((m_dir.path() + QString("/b%1.db").arg(++m_dbs)).toStdString(), Store::Mode::ReadWrite);
    if (!s)
        qFatal("%s", s.message().c_str());
    run.name = "r";
    run.experiment = "e";
    run.status = RunStatus::Running;
    if (!(*s)->createRun(run))
        qFatal("createRun failed");
    return std::move(*s);
}

static std::vector<MetricPoint> asMetric(const std::string& key, const std::vector<Point>& pts)
{
    std::vector<MetricPoint> v;
    for (const Point& p : pts)
        v.push_back({key, p.step, p.timestampMs, p.value});
    return v;
}

static std::int64_t tableCount(const Store& store, const char* sql)
{
    sqlite3* db = nullptr;
    sqlite3_open_v2(store.path().c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
    sqlite3_step(st);
    std::int64_t n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

void TestMetricBlock::trickleThenBurstKeepsOrder()
{
    Run run;
    auto store = openStore(run);
    // 100 batches of 3 points: the first ones stay in the tail, then fold into a block.
    for (int b = 0; b < 100; ++b) {
        std::vector<MetricPoint> batch = asMetric("loss", ramp(3, b * 3));
        batch.push_back({"acc", b, 0, double(b)});
        QVERIFY(store->appendMetrics(run.id, batch));
    }
    QVERIFY(tableCount(*store, "SELECT COUNT(*) FROM metric_blocks") >= 1);
    QVERIFY(tableCount(*store, "SELECT COUNT(*) FROM metric_points WHERE key = (SELECT id FROM metric_keys WHERE name='loss')") < 256);
    QVERIFY(store->appendMetrics(run.id, asMetric("loss", ramp(5000, 300))));

    auto loss = store->metrics(run.id, "loss");
    QVERIFY(loss);
    QCOMPARE(loss->size(), std::size_t(5300));
    for (std::size_t i = 0; i < loss->size(); ++i)
        QCOMPARE((*loss)[i].step, std::int64_t(i));
    auto all = store->metrics(run.id);
    QCOMPARE(all->size(), std::size_t(5400));
    QCOMPARE(all->front().key, std::string("acc"));  // keys in name order
    QCOMPARE(*store->metricCount(run.id), std::int64_t(5400));
    QCOMPARE(*store->metricCount(run.id, "acc"), std::int64_t(100));
    auto sums = store->metricSummaries(run.id);
    QCOMPARE(sums->at(1).key, std::string("loss"));
    QCOMPARE(sums->at(1).count, std::int64_t(5300));
    QCOMPARE(sums->at(1).lastStep, std::int64_t(5299));
}

void TestMetricBlock::longSeriesSplitsIntoBlocks()
{
    Run run;
    auto store = openStore(run);
    QVERIFY(store->appendMetrics(run.id, asMetric("x", ramp(10000))));
    QCOMPARE(tableCount(*store, "SELECT COUNT(*) FROM metric_blocks"), std::int64_t(3));
    QCOMPARE(tableCount(*store, "SELECT MAX(count) FROM metric_blocks"), std::int64_t(blocks::kMaxPoints));
    QCOMPARE(tableCount(*store, "SELECT COUNT(*) FROM metric_points"), std::int64_t(0));
    QCOMPARE(tableCount(*store, "SELECT max_step FROM metric_blocks WHERE seq = 2"), std::int64_t(9999));
    QCOMPARE(store->metrics(run.id, "x")->back().value, 1.0 / 10000);
}

void TestMetricBlock::outOfOrderStepsAreSortedStably()
{
    Run run;
    auto store = openStore(run);
    // A resumed run logs steps 0..299 again with new values: both copies are kept, and for
    // equal steps the one logged first comes first.
    QVERIFY(store->appendMetrics(run.id, asMetric("x", ramp(300))));
    std::vector<Point> again = ramp(300);
    for (Point& p : again)
        p.value = -p.value;
    QVERIFY(store->appendMetrics(run.id, asMetric("x", again)));
    auto x = store->metrics(run.id, "x");
    QCOMPARE(x->size(), std::size_t(600));
    QCOMPARE((*x)[0].step, std::int64_t(0));
    QCOMPARE((*x)[0].value, 1.0);
    QCOMPARE((*x)[1].step, std::int64_t(0));
    QCOMPARE((*x)[1].value, -1.0);
}

void TestMetricBlock::blocksAndTailCountedOnce()
{
    Run run;
    auto store = openStore(run);
    QVERIFY(store->appendMetrics(run.id, asMetric("x", ramp(1000))));
    QVERIFY(store->appendMetrics(run.id, asMetric("x", ramp(10, 1000))));  // to the tail
    QCOMPARE(tableCount(*store, "SELECT COUNT(*) FROM metric_points"), std::int64_t(10));
    QCOMPARE(*store->metricCount(run.id, "x"), std::int64_t(1010));
    QCOMPARE(store->metrics(run.id, "x")->size(), std::size_t(1010));
    QCOMPARE(store->metrics(run.id, "missing")->size(), std::size_t(0));
}

void TestMetricBlock::viewKeepsEverySpikeZoomedOut()
{
    Run run;
    auto store = openStore(run);
    std::vector<Point> pts = ramp(200000);
    pts[123457].value = 1000.0;   // one spike up
    pts[4242].value = -1000.0;    // one spike down
    for (std::size_t at = 0; at < pts.size(); at += 7000)  // arrives in ticks of 7000
        QVERIFY(store->appendMetrics(run.id, asMetric("loss", {pts.begin() + long(at), pts.begin() + long(std::min(at + 7000, pts.size()))})));
    QVERIFY(store->appendMetrics(run.id, asMetric("loss", ramp(5, 200000))));  // a short tail

    auto view = store->metricView(run.id, "loss", std::nullopt, 500);
    QVERIFY2(view, view.ok() ? "" : view.message().c_str());
    QVERIFY(view->reduced);
    QCOMPARE(view->storedCount, std::int64_t(200005));
    QVERIFY(view->points.size() <= 2000);
    auto [mn, mx] = std::minmax_element(view->points.begin(), view->points.end(),
                                        [](const MetricPoint& a, const MetricPoint& b) { return a.value < b.value; });
    QCOMPARE(mx->value, 1000.0);
    QCOMPARE(mx->step, std::int64_t(123457));
    QCOMPARE(mn->value, -1000.0);
    QCOMPARE(view->points.front().step, std::int64_t(0));
    QCOMPARE(view->points.back().step, std::int64_t(200004));
    QVERIFY(std::is_sorted(view->points.begin(), view->points.end(),
                           [](const MetricPoint& a, const MetricPoint& b) { return a.step < b.step; }));
}

void TestMetricBlock::viewZoomedInIsRaw()
{
    Run run;
    auto store = openStore(run);
    QVERIFY(store->appendMetrics(run.id, asMetric("x", ramp(50000))));
    auto view = store->metricView(run.id, "x", StepRange{1000, 1100}, 800);
    QVERIFY(view);
    QVERIFY(!view->reduced);
    QCOMPARE(view->points.size(), std::size_t(101));
    QCOMPARE(view->points.front().step, std::int64_t(1000));
    QCOMPARE(view->points.back().value, 1.0 / 1101);
    QCOMPARE(store->metricView(run.id, "nope", std::nullopt, 800)->points.size(), std::size_t(0));
    QVERIFY(!store->metricView("0123456789abcdef0123456789abcdef", "x", std::nullopt, 800));
}

void TestMetricBlock::lodKeepsExtremesOfEachPart()
{
    std::vector<Point> pts = ramp(4096);
    pts[100].value = std::nan("");
    pts[2000].value = 77;
    std::vector<Point> lod = blocks::lodPoints(pts);
    QVERIFY(lod.size() <= 4 * blocks::kLodParts);
    QCOMPARE(lod.front().step, std::int64_t(0));
    QCOMPARE(lod.back().step, std::int64_t(4095));
    QVERIFY(std::any_of(lod.begin(), lod.end(), [](const Point& p) { return p.value == 77; }));
    QVERIFY(std::is_sorted(lod.begin(), lod.end(), [](const Point& a, const Point& b) { return a.step < b.step; }));
    QCOMPARE(blocks::lodPoints(ramp(10)).size(), std::size_t(10));  // short blocks keep every point
}

QTEST_GUILESS_MAIN(TestMetricBlock)
#include "tst_metric_block.moc"
