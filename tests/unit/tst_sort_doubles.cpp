// sortDoubles against std::sort: the same values in the same order, for sizes on both sides of
// the radix cut-over and for the awkward doubles (infinities, subnormals, signed zeros, ties).
#include "engine/analysis/sort_doubles.h"
#include "tests/common/test_rng.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

using namespace cairn::analysis;

class TestSortDoubles : public QObject {
    Q_OBJECT
private slots:
    void matchesStdSort_data();
    void matchesStdSort();
};

void TestSortDoubles::matchesStdSort_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("kind");  // 0 normal, 1 few distinct values, 2 special values, 3 one value
    for (int size : {0, 1, 2, 511, 512, 513, 4096, 100000})
        for (int kind : {0, 1, 2, 3})
            QTest::addRow("n=%d kind=%d", size, kind) << size << kind;
}

void TestSortDoubles::matchesStdSort()
{
    QFETCH(int, size);
    QFETCH(int, kind);
    cairn::testing::Rng rng{std::uint64_t(size * 7 + kind)};
    const double specials[] = {0.0, -0.0, std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
                               std::numeric_limits<double>::denorm_min(), -std::numeric_limits<double>::denorm_min(),
                               std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest(), 1e-300, -1e300};
    std::vector<double> v(static_cast<std::size_t>(size));
    for (auto& x : v) {
        switch (kind) {
        case 0: x = rng.normal() * 1e3; break;
        case 1: x = std::floor(rng.uniform() * 4) - 2; break;
        case 2: x = specials[static_cast<std::size_t>(rng.uniform() * 10) % 10]; break;
        default: x = 42.5; break;
        }
    }
    std::vector<double> want = v;
    std::sort(want.begin(), want.end());
    sortDoubles(v);
    QCOMPARE(v.size(), want.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
        // Equal values (0.0 and -0.0 compare equal, and std::sort leaves their order open).
        QVERIFY2(v[i] == want[i], qPrintable(QString("index %1: %2 vs %3").arg(i).arg(v[i]).arg(want[i])));
        if (i > 0)
            QVERIFY(v[i - 1] <= v[i]);
    }
    // Every bit pattern survives (no -0.0 turned into 0.0 or the reverse).
    auto bits = [](const std::vector<double>& x) {
        std::vector<std::uint64_t> out(x.size());
        std::memcpy(out.data(), x.data(), x.size() * sizeof(double));
        std::sort(out.begin(), out.end());
        return out;
    };
    QCOMPARE(bits(v), bits(want));
}

QTEST_GUILESS_MAIN(TestSortDoubles)
#include "tst_sort_doubles.moc"
