// Cairn's fairness metrics equal Fairlearn's (0.15: MetricFrame by group, demographic parity and
// equalized odds differences and ratios) to 1e-9 on generated predictions: two to fifty groups,
// 10 to 100,000 rows, a group without positives, one without negatives, nobody selected (NaN
// ratios), -1/1 labels, text labels with a positive label, numeric group values. Fairlearn runs
// from the reference virtualenv (tests/reference/reference_venv.sh); SKIPs when it cannot be made.
#include "engine/analysis/fairness.h"
#include "reference_python.h"
#include "tests/common/test_rng.h"

#include <QtTest>

#include <fstream>
#include <functional>

using namespace cairn::analysis;
using cairn::testing::Rng;

namespace {

struct Case {
    std::string name;
    std::size_t rows;
    std::size_t groups;
    // label and prediction for a row of group g: the generator decides.
    std::function<std::pair<std::string, std::string>(Rng&, std::size_t g)> row;
    std::string posLabel;           // empty: default (1)
    bool numericGroups = false;
};

std::pair<std::string, std::string> biased(Rng& r, std::size_t g)
{
    const bool y = r.uniform() < 0.3 + 0.1 * double(g % 4);
    const double flip = 0.1 + 0.05 * double(g % 5);
    const bool p = r.uniform() < flip ? !y : y;
    return {y ? "1" : "0", p ? "1" : "0"};
}

std::vector<Case> cases()
{
    return {
        {"two groups 1000", 1000, 2, biased, "", false},
        {"three groups 10", 10, 3, biased, "", false},
        {"fifty groups 100000", 100000, 50, biased, "", false},
        {"no positives in a group", 2000, 3,
         [](Rng& r, std::size_t g) { auto yp = biased(r, g); if (g == 2) yp.first = "0"; return yp; }, "", false},
        {"no negatives in a group", 2000, 3,
         [](Rng& r, std::size_t g) { auto yp = biased(r, g); if (g == 1) yp.first = "1"; return yp; }, "", false},
        {"nobody selected", 500, 4, [](Rng& r, std::size_t g) { return std::pair{biased(r, g).first, std::string("0")}; }, "", false},
        {"minus one labels", 3000, 3,
         [](Rng& r, std::size_t g) {
             auto [y, p] = biased(r, g);
             return std::pair{y == "1" ? std::string("1") : std::string("-1"), p == "1" ? std::string("1") : std::string("-1")};
         }, "", false},
        {"text labels", 3000, 4,
         [](Rng& r, std::size_t g) {
             auto [y, p] = biased(r, g);
             return std::pair{y == "1" ? std::string("approved") : std::string("denied"), p == "1" ? std::string("approved") : std::string("denied")};
         }, "approved", false},
        {"text labels, the other one positive", 3000, 4,
         [](Rng& r, std::size_t g) {
             auto [y, p] = biased(r, g);
             return std::pair{y == "1" ? std::string("approved") : std::string("denied"), p == "1" ? std::string("approved") : std::string("denied")};
         }, "denied", false},
        {"numeric groups", 5000, 7, biased, "", true},
    };
}

std::string groupName(const Case& c, std::size_t g)
{
    return c.numericGroups ? std::to_string(20 + 5 * g) : "g" + std::to_string(g);
}

void write(const std::string& path, const Case& c, std::uint64_t seed)
{
    Rng r(seed);
    std::ofstream out(path, std::ios::binary);
    out << "id,group,label,pred\n";
    for (std::size_t i = 0; i < c.rows; ++i) {
        const std::size_t g = c.rows <= c.groups * 3 ? i % c.groups : r.below(c.groups);
        auto [y, p] = c.row(r, g);
        out << i << "," << groupName(c, g) << "," << y << "," << p << "\n";
    }
}

bool same(double ours, const QJsonValue& theirs, double& diff)
{
    diff = 0;
    if (theirs.isNull())
        return std::isnan(ours);
    diff = std::abs(ours - theirs.toDouble());
    return diff <= 1e-9;
}

} // namespace

class TestFairlearnReference : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void metrics_data();
    void metrics();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    std::vector<Case> m_cases = cases();
    QJsonObject m_fairlearn;
    double m_maxDiff = 0;
    int m_compared = 0;
};

void TestFairlearnReference::initTestCase()
{
    QString why;
    const QString python = reference::python(why);
    if (python.isEmpty())
        QSKIP(qPrintable("no reference virtualenv with Fairlearn: " + why));
    QJsonArray manifest;
    for (std::size_t i = 0; i < m_cases.size(); ++i) {
        const QString path = m_dir.filePath(QString("case%1.csv").arg(i));
        write(path.toStdString(), m_cases[i], 1000 + i);
        manifest.append(QJsonObject{{"name", QString::fromStdString(m_cases[i].name)}, {"path", path}, {"label", "label"},
                                    {"pred", "pred"}, {"sensitive", "group"},
                                    {"pos_label", m_cases[i].posLabel.empty() ? QJsonValue() : QString::fromStdString(m_cases[i].posLabel)}});
    }
    QFile f(m_dir.filePath("manifest.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(manifest).toJson());
    f.close();
    QProcess py;
    py.start(python, {reference::script("fairlearn_metrics.py"), f.fileName()});
    QVERIFY2(py.waitForFinished(20 * 60 * 1000), "fairlearn_metrics.py did not finish in 20 minutes");
    if (py.exitCode() == 3)
        QSKIP(qPrintable("the reference virtualenv cannot import Fairlearn: " + QString::fromUtf8(py.readAllStandardError())));
    QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
    m_fairlearn = QJsonDocument::fromJson(py.readAllStandardOutput()).object();
    QCOMPARE(m_fairlearn.size(), int(m_cases.size()));
}

void TestFairlearnReference::metrics_data()
{
    QTest::addColumn<int>("index");
    for (std::size_t i = 0; i < m_cases.size(); ++i)
        QTest::newRow(m_cases[i].name.c_str()) << int(i);
}

void TestFairlearnReference::metrics()
{
    QFETCH(int, index);
    const Case& c = m_cases[std::size_t(index)];
    const QJsonObject e = m_fairlearn[QString::fromStdString(c.name)].toObject();
    QVERIFY2(!e.contains("error"), qPrintable("Fairlearn failed: " + e["error"].toString()));
    FairnessOptions o;
    o.label = "label";
    o.pred = "pred";
    o.sensitive = "group";
    if (!c.posLabel.empty())
        o.posLabel = c.posLabel;
    auto r = computeFairness(m_dir.filePath(QString("case%1.csv").arg(index)).toStdString(), o);
    QVERIFY2(r, r ? "" : r.message().c_str());
    const QJsonObject groups = e["groups"].toObject();
    QCOMPARE(int(r->groups.size()), groups.size());
    double diff = 0;
    auto check = [&](const QString& what, double ours, const QJsonValue& theirs) {
        const bool ok = same(ours, theirs, diff);
        m_maxDiff = std::max(m_maxDiff, diff);
        ++m_compared;
        return ok ? QString() : what + QString(": cairn %1, fairlearn %2").arg(ours, 0, 'g', 17).arg(theirs.toVariant().toString());
    };
    for (const auto& g : r->groups) {
        const QJsonObject eg = groups[QString::fromStdString(g.group)].toObject();
        QVERIFY2(!eg.isEmpty(), qPrintable("group " + QString::fromStdString(g.group) + " not in Fairlearn's result"));
        for (auto [name, value] : {std::pair{"count", double(g.count)}, std::pair{"selection_rate", g.selectionRate},
                                   std::pair{"accuracy", g.accuracy}, std::pair{"tpr", g.tpr}, std::pair{"fpr", g.fpr}}) {
            const QString bad = check(QString::fromStdString(g.group) + " " + name, value, eg[name]);
            QVERIFY2(bad.isEmpty(), qPrintable(bad));
        }
    }
    for (auto [name, value] : {std::pair{"demographic_parity_difference", r->demographicParityDifference},
                               std::pair{"demographic_parity_ratio", r->demographicParityRatio},
                               std::pair{"equalized_odds_difference", r->equalizedOddsDifference},
                               std::pair{"equalized_odds_ratio", r->equalizedOddsRatio}}) {
        const QString bad = check(name, value, e[name]);
        QVERIFY2(bad.isEmpty(), qPrintable(bad));
    }
}

void TestFairlearnReference::cleanupTestCase()
{
    if (m_compared)
        qInfo("compared %d values with Fairlearn; max abs difference %.3g", m_compared, m_maxDiff);
}

QTEST_GUILESS_MAIN(TestFairlearnReference)
#include "tst_fairlearn_reference.moc"
