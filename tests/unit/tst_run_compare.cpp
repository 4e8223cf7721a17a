// analysis::compareRuns: the rows, their order and spelling, values, numbers and `differs`.
#include "engine/analysis/run_compare.h"
#include "engine/query/search_parser.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace cairn;
using analysis::CompareRow;

class TestRunCompare : public QObject {
    Q_OBJECT
private slots:
    void rowsInOrder();
    void valuesAndMissing();
    void metricsAreNumbers();
    void fieldsParseAsSearchFields();
    void oneRunAndNone();
};

static RunSummary summary(const std::string& name, std::map<std::string, std::string> params,
                          std::map<std::string, double> lastValues)
{
    RunSummary rs;
    rs.run.id = name + std::string(32 - name.size(), '0');
    rs.run.name = name;
    rs.run.experiment = "exp";
    rs.run.status = RunStatus::Finished;
    rs.run.exitCode = 0;
    rs.run.startMs = 1000;
    rs.run.endMs = 61000;
    rs.run.command = "python train.py";
    rs.run.params = std::move(params);
    for (const auto& [k, v] : lastValues)
        rs.metrics[k] = MetricSummary{k, 10, 5000, v, v - 1, v + 1, 11};
    return rs;
}

static const CompareRow* find(const std::vector<CompareRow>& rows, const std::string& field)
{
    for (const auto& r : rows)
        if (r.field == field)
            return &r;
    return nullptr;
}

void TestRunCompare::rowsInOrder()
{
    auto a = summary("a", {{"lr", "0.1"}, {"batch", "32"}}, {{"loss", 0.5}, {"acc", 0.9}});
    auto b = summary("b", {{"lr", "0.01"}}, {{"loss", 0.4}});
    b.run.tags = {{"team", "cv"}};
    auto rows = analysis::compareRuns({a, b});
    QStringList fields;
    for (const auto& r : rows)
        fields << QString::fromStdString(r.field);
    QCOMPARE(fields, (QStringList{"name", "experiment", "status", "exit_code", "duration", "command", "params.batch",
                                  "params.lr", "tags.team", "metrics.acc", "min(metrics.acc)", "max(metrics.acc)",
                                  "metrics.loss", "min(metrics.loss)", "max(metrics.loss)"}));
    for (const auto& r : rows)
        QCOMPARE(r.values.size(), std::size_t(2));
}

void TestRunCompare::valuesAndMissing()
{
    auto a = summary("a", {{"lr", "0.1"}, {"seed", "1"}}, {});
    auto b = summary("b", {{"lr", "0.1"}}, {});
    auto c = summary("c", {{"lr", "0.1"}}, {});
    b.run.endMs = 0;  // still running: no duration
    b.run.status = RunStatus::Running;
    b.run.exitCode.reset();
    auto rows = analysis::compareRuns({a, b, c});
    QVERIFY(!find(rows, "params.lr")->differs);
    QCOMPARE(*find(rows, "params.lr")->values[2], std::string("0.1"));
    const CompareRow* seed = find(rows, "params.seed");
    QVERIFY(seed->differs);  // present in one run only
    QCOMPARE(*seed->values[0], std::string("1"));
    QVERIFY(!seed->values[1] && !seed->values[2]);
    QVERIFY(seed->numbers.empty());
    const CompareRow* duration = find(rows, "duration");
    QCOMPARE(*duration->values[0], std::string("1m00s"));
    QCOMPARE(*duration->numbers[0], 60000.0);
    QVERIFY(!duration->values[1] && !duration->numbers[1]);
    QVERIFY(duration->differs);
    QVERIFY(find(rows, "status")->differs);
    QVERIFY(find(rows, "exit_code")->differs);
    QVERIFY(!find(rows, "experiment")->differs);
    QVERIFY(find(rows, "name")->differs);
    // All the same: nothing differs but the name.
    auto same = analysis::compareRuns({a, summary("a", {{"lr", "0.1"}, {"seed", "1"}}, {})});
    for (const auto& r : same)
        QVERIFY2(!r.differs, r.field.c_str());
}

void TestRunCompare::metricsAreNumbers()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    auto a = summary("a", {}, {{"loss", 0.25}, {"g", nan}, {"h", 1.0}});
    auto b = summary("b", {}, {{"loss", 0.25}, {"g", nan}, {"h", 1.0 + 1e-12}});
    auto rows = analysis::compareRuns({a, b});
    const CompareRow* loss = find(rows, "metrics.loss");
    QCOMPARE(*loss->numbers[1], 0.25);
    QCOMPARE(*loss->values[1], std::string("0.25"));
    QVERIFY(!loss->differs);
    QCOMPARE(*find(rows, "min(metrics.loss)")->numbers[0], -0.75);
    QCOMPARE(*find(rows, "max(metrics.loss)")->numbers[0], 1.25);
    QVERIFY(!find(rows, "metrics.g")->differs);  // NaN equals NaN here
    QCOMPARE(*find(rows, "metrics.g")->values[0], std::string("nan"));
    QVERIFY(find(rows, "metrics.h")->differs);   // exact, not rounded
}

void TestRunCompare::fieldsParseAsSearchFields()
{
    auto a = summary("a", {{"optim.lr", "1"}}, {{"sys/gpu0/util", 50}, {"my metric", 1}});
    a.run.tags = {{"odd`key", "x"}};
    auto rows = analysis::compareRuns({a, summary("b", {}, {})});
    QVERIFY(find(rows, "params.optim.lr"));
    QVERIFY(find(rows, "metrics.sys/gpu0/util"));
    QVERIFY(find(rows, "max(metrics.`my metric`)"));
    QVERIFY(find(rows, "tags.`odd``key`"));
    for (const auto& r : rows) {
        auto p = query::parseField(r.field);
        QVERIFY2(p.ok(), r.field.c_str());
    }
}

void TestRunCompare::oneRunAndNone()
{
    auto rows = analysis::compareRuns({summary("a", {{"lr", "1"}}, {{"loss", 1}})});
    for (const auto& r : rows)
        QVERIFY(!r.differs);
    auto none = analysis::compareRuns({});
    for (const auto& r : none)
        QVERIFY(r.values.empty());
}

QTEST_APPLESS_MAIN(TestRunCompare)
#include "tst_run_compare.moc"
