// Cairn's drift report equals Evidently's (0.7.23, the legacy DataDriftTable that its presets
// use) on the table of generated datasets: per column the test chosen, its score (to 1e-9), its
// threshold and verdict; per dataset the drifted count, share and dataset drift; and every other
// test's score run by name. Evidently runs from the reference virtualenv
// (tests/reference/reference_venv.sh); the test SKIPs, never passes, when it cannot be made.
#include "drift_datasets.h"
#include "engine/analysis/drift.h"
#include "engine/analysis/drift_sample.h"
#include "reference_python.h"

#include <QtTest>

using namespace cairn::analysis;

namespace {

// Compares a score with the reference's JSON value (a number, null for NaN, "inf"/"-inf").
bool sameScore(double ours, const QJsonValue& theirs, double& diff)
{
    diff = 0;
    if (theirs.isNull())
        return std::isnan(ours);
    if (theirs.isString())
        return std::isinf(ours) && (ours > 0) == (theirs.toString() == "inf");
    diff = std::abs(ours - theirs.toDouble());
    return diff <= 1e-9;
}

QString text(double v) { return QString::number(v, 'g', 17); }

} // namespace

class TestEvidentlyReference : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void report_data();
    void report();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    std::vector<driftdata::Dataset> m_sets = driftdata::referenceDatasets();
    std::vector<std::pair<std::string, std::string>> m_files;
    QJsonObject m_evidently;
    double m_maxDiff = 0;
    int m_compared = 0;
};

void TestEvidentlyReference::initTestCase()
{
    QString why;
    const QString python = reference::python(why);
    if (python.isEmpty())
        QSKIP(qPrintable("no reference virtualenv with Evidently: " + why));
    QJsonArray manifest;
    for (const auto& d : m_sets) {
        m_files.push_back(driftdata::writeDataset(m_dir.path().toStdString(), d));
        auto inputs = loadDriftInputs(m_files.back().first, m_files.back().second, {}, {});
        QVERIFY2(inputs, inputs ? "" : inputs.message().c_str());
        QJsonArray num, cat;
        for (const auto& c : inputs->ref.columns)
            (c.type == ColumnType::Numeric ? num : cat).append(QString::fromStdString(c.name));
        manifest.append(QJsonObject{{"name", QString::fromStdString(d.tag)},
                                    {"ref", QString::fromStdString(m_files.back().first)},
                                    {"cur", QString::fromStdString(m_files.back().second)},
                                    {"num", num},
                                    {"cat", cat}});
    }
    QFile f(m_dir.filePath("manifest.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(manifest).toJson());
    f.close();
    QProcess py;
    py.start(python, {reference::script("evidently_drift.py"), f.fileName()});
    QVERIFY2(py.waitForFinished(30 * 60 * 1000), "evidently_drift.py did not finish in 30 minutes");
    if (py.exitCode() == 3)
        QSKIP(qPrintable("the reference virtualenv cannot import Evidently: " + QString::fromUtf8(py.readAllStandardError())));
    QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
    m_evidently = QJsonDocument::fromJson(py.readAllStandardOutput()).object();
    QCOMPARE(m_evidently.size(), int(m_sets.size()));
}

void TestEvidentlyReference::report_data()
{
    QTest::addColumn<int>("index");
    for (std::size_t i = 0; i < m_sets.size(); ++i)
        QTest::newRow(m_sets[i].tag.c_str()) << int(i);
}

void TestEvidentlyReference::report()
{
    QFETCH(int, index);
    const auto& [ref, cur] = m_files[std::size_t(index)];
    const QJsonObject e = m_evidently[QString::fromStdString(m_sets[std::size_t(index)].tag)].toObject();
    QVERIFY2(!e.contains("error"), qPrintable("Evidently failed: " + e["error"].toString()));

    auto inputs = loadDriftInputs(ref, cur, {}, {});
    QVERIFY2(inputs, inputs ? "" : inputs.message().c_str());
    auto report = computeDrift(inputs->ref, inputs->cur, inputs->columns, {});
    QVERIFY2(report, report ? "" : report.message().c_str());

    const QJsonObject columns = e["columns"].toObject();
    QCOMPARE(columns.size(), int(report->columns.size()));
    for (const auto& col : report->columns) {
        const QString name = QString::fromStdString(col.name);
        const QJsonObject ec = columns[name].toObject();
        QVERIFY2(!ec.isEmpty(), qPrintable(name + ": not in Evidently's result"));
        QCOMPARE(QString(testName(col.test)), ec["test"].toString());
        double diff = 0;
        QVERIFY2(sameScore(col.score, ec["score"], diff),
                 qPrintable(name + " " + testName(col.test) + ": cairn " + text(col.score) + ", evidently " + ec["score"].toVariant().toString()));
        m_maxDiff = std::max(m_maxDiff, diff);
        ++m_compared;
        QCOMPARE(col.threshold, ec["threshold"].toDouble());
        QVERIFY2(col.drifted == ec["drifted"].toBool(), qPrintable(name + ": drift verdicts differ"));

        // Every other test, by name, on the same cleaned samples.
        const Sample s = prepareSample(*inputs->ref.find(col.name), *inputs->cur.find(col.name));
        const QJsonObject scores = ec["scores"].toObject();
        for (auto it = scores.begin(); it != scores.end(); ++it) {
            const DriftTest t = *parseTest(it.key().toStdString());
            std::vector<std::string> warnings;
            auto ours = runTest(t, col.type, s, warnings);
            const QString where = name + " " + it.key();
            if (it.value().isObject()) {  // Evidently raised: Cairn must refuse too, not invent a number
                QVERIFY2(!ours, qPrintable(where + ": Evidently raised (" + it.value().toObject()["error"].toString() + "), cairn gave "
                                           + text(ours ? *ours : 0)));
                continue;
            }
            QVERIFY2(ours, qPrintable(where + ": " + QString::fromStdString(ours ? std::string() : ours.message())));
            QVERIFY2(sameScore(*ours, it.value(), diff),
                     qPrintable(where + ": cairn " + text(*ours) + ", evidently " + it.value().toVariant().toString()));
            m_maxDiff = std::max(m_maxDiff, diff);
            ++m_compared;
        }
    }
    QCOMPARE(int(report->driftedColumns), e["drifted_columns"].toInt());
    QVERIFY2(std::abs(report->share - e["share"].toDouble()) <= 1e-12, qPrintable("share " + text(report->share)));
    QCOMPARE(report->datasetDrift, e["dataset_drift"].toBool());
}

void TestEvidentlyReference::cleanupTestCase()
{
    if (m_compared)
        qInfo("compared %d scores with Evidently; max abs difference %.3g", m_compared, m_maxDiff);
}

QTEST_GUILESS_MAIN(TestEvidentlyReference)
#include "tst_evidently_reference.moc"
