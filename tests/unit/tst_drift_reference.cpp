// Every drift score equals scipy's (through tests/unit/drift_reference.py) to 1e-9, on a table of
// generated datasets. Skips (never passes) when the reference Python cannot import scipy.
#include "drift_data.h"
#include "engine/analysis/drift.h"
#include "engine/analysis/drift_sample.h"

#include <QtTest>

using namespace cairn::analysis;
using driftdata::ColumnGen;
using driftdata::Rng;

namespace {

using Gen = std::function<std::string(Rng&, std::size_t)>;

Gen normal(double mu, double sigma, double nanShare = 0)
{
    return [=](Rng& r, std::size_t) { return r.uniform() < nanShare ? std::string() : driftdata::num(r.normal(mu, sigma)); };
}
Gen cauchy(double shift) { return [=](Rng& r, std::size_t) { return driftdata::num(r.cauchy() + shift); }; }
Gen ints(std::size_t n, std::size_t offset = 0) { return [=](Rng& r, std::size_t) { return std::to_string(r.below(n) + offset); }; }
Gen constant(std::string v) { return [=](Rng&, std::size_t) { return v; }; }
Gen binary(double p) { return [=](Rng& r, std::size_t) { return std::string(r.uniform() < p ? "1" : "0"); }; }
Gen cats(std::vector<std::string> names)
{
    return [=](Rng& r, std::size_t) { return names[r.below(names.size())]; };
}
Gen withInf(double nanShare)
{
    return [=](Rng& r, std::size_t) {
        const double u = r.uniform();
        return u < nanShare ? std::string() : u < nanShare + 0.05 ? std::string("inf") : driftdata::num(r.normal());
    };
}

// The columns of a dataset kind; `cur` picks the current sample's generators.
std::vector<ColumnGen> columnsFor(const QString& kind, bool cur)
{
    if (kind == "normal")
        return {{"same", normal(0, 1)}, {"shift", normal(cur ? 0.6 : 0, 1)}, {"scale", normal(0, cur ? 2 : 1)},
                {"tiny_shift", normal(cur ? 0.05 : 0, 1)}};
    if (kind == "heavy")
        return {{"cauchy", cauchy(0)}, {"cauchy_shift", cauchy(cur ? 1.0 : 0)}};
    if (kind == "constant")
        return {{"same_const", constant("3")}, {"other_const", constant(cur ? "4" : "3")},
                {"const_cat", constant("a")}, {"const_vs_two", cur ? binary(0.5) : constant("1")}};
    if (kind == "nan")
        return {{"nan70", normal(cur ? 0.4 : 0, 1, 0.7)}, {"nan_inf", withInf(0.3)}, {"nan95", normal(0, 1, 0.95)}};
    if (kind == "two")
        return {{"bin_same", binary(0.3)}, {"bin_shift", binary(cur ? 0.45 : 0.3)}};
    if (kind == "cat")
        return {{"unseen", cats(cur ? std::vector<std::string>{"a", "b", "c", "d", "e"} : std::vector<std::string>{"a", "b", "c", "d"})},
                {"same_cats", cats({"red", "green", "blue"})}, {"two_cats", cats(cur ? std::vector<std::string>{"x", "y", "y"} : std::vector<std::string>{"x", "y"})}};
    if (kind == "few")
        return {{"three", ints(3)}, {"five", ints(cur ? 5 : 4)}, {"ten", ints(10, cur ? 1 : 0)}, {"thirty", ints(30, cur ? 2 : 0)}};
    return {};
}

struct Reference {
    QJsonObject columns;
};

} // namespace

class TestDriftReference : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void scores_data();
    void scores();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    double m_maxDiff = 0;
    int m_compared = 0;
};

void TestDriftReference::initTestCase()
{
    QProcess p;
    p.start("/usr/bin/python3", {"-c", "import scipy, numpy"});
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        QSKIP("the reference interpreter /usr/bin/python3 cannot import scipy and numpy (install python3-scipy)");
}

void TestDriftReference::scores_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("refRows");
    QTest::addColumn<int>("curRows");
    for (const char* kind : {"normal", "heavy", "constant", "nan", "two", "cat", "few"}) {
        for (auto [r, c] : std::vector<std::pair<int, int>>{{10, 10}, {300, 450}, {1000, 1000}, {100000, 100000}}) {
            if ((r == 100000 && QString(kind) == "heavy") || (r == 10 && QString(kind) == "nan"))
                continue;  // (a 10-row sample with 95% missing is empty: an error, tested elsewhere)
            QTest::newRow(qPrintable(QString("%1 %2x%3").arg(kind).arg(r).arg(c))) << QString(kind) << r << c;
        }
    }
    // The asymptotic KS path (current > 10,000 rows) with small and mid-size effective n.
    QTest::newRow("normal ks-asymp 10x20000") << "normal" << 10 << 20000;
    QTest::newRow("normal ks-asymp 120x15000") << "normal" << 120 << 15000;
    QTest::newRow("normal ks-asymp 900x12000") << "normal" << 900 << 12000;
    QTest::newRow("heavy 5000x4000") << "heavy" << 5000 << 4000;
    QTest::newRow("cat 3000x2000") << "cat" << 3000 << 2000;
}

void TestDriftReference::scores()
{
    QFETCH(QString, kind);
    QFETCH(int, refRows);
    QFETCH(int, curRows);
    const std::string tag = QTest::currentDataTag();
    const std::string ref = m_dir.filePath(QString::fromStdString(tag) + "-ref.csv").toStdString();
    const std::string cur = m_dir.filePath(QString::fromStdString(tag) + "-cur.csv").toStdString();
    const auto seed = static_cast<std::uint64_t>(std::hash<std::string>{}(tag) & 0xFFFFFF);
    driftdata::writeCsv(ref, columnsFor(kind, false), static_cast<std::size_t>(refRows), seed);
    driftdata::writeCsv(cur, columnsFor(kind, true), static_cast<std::size_t>(curRows), seed + 1);

    QProcess py;
    py.start("/usr/bin/python3", {DRIFT_REFERENCE_PY, QString::fromStdString(ref), QString::fromStdString(cur)});
    QVERIFY(py.waitForFinished(240000));
    if (py.exitCode() == 3)
        QSKIP("reference interpreter cannot import scipy");
    QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
    const QJsonObject expected = QJsonDocument::fromJson(py.readAllStandardOutput()).object()["columns"].toObject();
    QVERIFY(!expected.isEmpty());

    auto inputs = loadDriftInputs(ref, cur, {}, {});
    QVERIFY2(inputs, inputs ? "" : inputs.message().c_str());
    auto report = computeDrift(inputs->ref, inputs->cur, inputs->columns, {});
    QVERIFY2(report, report ? "" : report.message().c_str());
    for (const auto& col : report->columns) {
        const QJsonObject e = expected[QString::fromStdString(col.name)].toObject();
        const QString name = QString::fromStdString(col.name);
        QCOMPARE(QString(toString(col.type)), e["type"].toString());
        QCOMPARE(QString(testName(col.test)), e["auto"].toString());
        QCOMPARE(int(col.refRows), e["n"].toInt());
        const Column* a = inputs->ref.find(col.name);
        const Column* b = inputs->cur.find(col.name);
        const Sample s = prepareSample(*a, *b);
        QCOMPARE(int(s.unique()), e["unique"].toInt());
        const QJsonObject scores = e["scores"].toObject();
        for (auto it = scores.begin(); it != scores.end(); ++it) {
            const DriftTest t = *parseTest(it.key().toStdString());
            std::vector<std::string> warnings;
            auto ours = runTest(t, col.type, s, warnings);
            QVERIFY2(ours, qPrintable(name + " " + it.key() + ": " + QString::fromStdString(ours ? std::string() : ours.message())));
            const QString where = name + " " + it.key() + QString(": cairn %1, scipy %2").arg(*ours, 0, 'g', 17).arg(it.value().toVariant().toString());
            if (it.value().isNull()) {
                QVERIFY2(std::isnan(*ours), qPrintable(where));
            } else if (it.value().isString()) {
                QVERIFY2(std::isinf(*ours) && (*ours > 0) == (it.value().toString() == "inf"), qPrintable(where));
            } else {
                const double diff = std::abs(*ours - it.value().toDouble());
                m_maxDiff = std::max(m_maxDiff, diff);
                ++m_compared;
                QVERIFY2(diff <= 1e-9, qPrintable(where));
            }
            if (t == col.test && !it.value().isNull() && !it.value().isString())
                QVERIFY(std::abs(col.score - it.value().toDouble()) <= 1e-9);
        }
    }
}

void TestDriftReference::cleanupTestCase()
{
    qInfo("compared %d finite scores with scipy; max abs difference %.3g", m_compared, m_maxDiff);
}

QTEST_GUILESS_MAIN(TestDriftReference)
#include "tst_drift_reference.moc"
