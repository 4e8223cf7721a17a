// Min/max level-of-detail: short series untouched, spikes and ends always kept, order kept.
#include "engine/analysis/downsample.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace cairn;

class TestDownsample : public QObject {
    Q_OBJECT
private slots:
    void shortSeriesUnchanged();
    void singleSpikeSurvivesAMillionPoints();
    void keepsEndsOrderAndBound();
    void nanAndRepeatedSteps();
};

static std::vector<MetricPoint> ramp(std::size_t n)
{
    std::vector<MetricPoint> p(n);
    for (std::size_t i = 0; i < n; ++i)
        p[i] = {"k", static_cast<std::int64_t>(i), 0, std::sin(static_cast<double>(i) * 0.001)};
    return p;
}

void TestDownsample::shortSeriesUnchanged()
{
    auto p = ramp(4000);
    auto out = analysis::downsampleMinMax(p, 1000);
    QCOMPARE(out.size(), p.size());
}

void TestDownsample::singleSpikeSurvivesAMillionPoints()
{
    auto p = ramp(1000000);
    p[777777].value = 1e6;   // one spike up
    p[123456].value = -1e6;  // one spike down
    auto out = analysis::downsampleMinMax(p, 2048);
    QVERIFY(out.size() <= 4 * 2048);
    double hi = -1e300, lo = 1e300;
    for (const auto& q : out) {
        hi = std::max(hi, q.value);
        lo = std::min(lo, q.value);
    }
    QCOMPARE(hi, 1e6);
    QCOMPARE(lo, -1e6);
}

void TestDownsample::keepsEndsOrderAndBound()
{
    auto p = ramp(100000);
    auto out = analysis::downsampleMinMax(p, 500);
    QVERIFY(out.size() <= 2000 && out.size() >= 1000);
    QCOMPARE(out.front().step, p.front().step);
    QCOMPARE(out.back().step, p.back().step);
    for (std::size_t i = 1; i < out.size(); ++i)
        QVERIFY(out[i].step > out[i - 1].step);
}

void TestDownsample::nanAndRepeatedSteps()
{
    std::vector<MetricPoint> p;
    for (int i = 0; i < 50000; ++i)
        p.push_back({"k", i / 10, 0, i % 7 == 0 ? std::numeric_limits<double>::quiet_NaN() : double(i)});
    auto out = analysis::downsampleMinMax(p, 100);
    QVERIFY(out.size() <= 400);
    QCOMPARE(out.back().value, p.back().value);
    for (std::size_t i = 1; i < out.size(); ++i)
        QVERIFY(out[i].step >= out[i - 1].step);
}

QTEST_APPLESS_MAIN(TestDownsample)
#include "tst_downsample.moc"
