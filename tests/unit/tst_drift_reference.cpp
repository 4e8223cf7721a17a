// Every drift score equals scipy's (through tests/unit/drift_reference.py) to 1e-9, on a table of
// generated datasets. Skips (never passes) when the reference Python cannot import scipy.
#include "drift_datasets.h"
#include "engine/analysis/drift.h"
#include "engine/analysis/drift_sample.h"

#include <QtTest>

using namespace cairn::analysis;

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
    QTest::addColumn<int>("index");
    const auto sets = driftdata::referenceDatasets();
    for (std::size_t i = 0; i < sets.size(); ++i)
        QTest::newRow(sets[i].tag.c_str()) << int(i);
}

void TestDriftReference::scores()
{
    QFETCH(int, index);
    const auto [ref, cur] = driftdata::writeDataset(m_dir.path().toStdString(), driftdata::referenceDatasets()[std::size_t(index)]);

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
        // Numeric distinct counts stop at the cap, above every rule's limit (drift_sample.h).
        const int unique = e["unique"].toInt();
        QCOMPARE(int(s.unique()), s.text ? unique : std::min(unique, int(Sample::kUniqueCap)));
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
