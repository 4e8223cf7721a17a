// The JSON-lines channel parser, one row per input line.
#include "engine/core/text.h"
#include "engine/ingest/metrics_jsonl.h"

#include <QtTest>

using namespace cairn;
using namespace cairn::ingest;

class TestMetricsJsonl : public QObject {
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
};

// expected: "key@step=value;..." for points (step '-' when absent), then "p:k=v" and "t:k=v";
// for bad lines "!" followed by a fragment of the error.
void TestMetricsJsonl::parse_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("expected");
    QTest::newRow("single") << QByteArray(R"({"key":"loss","value":0.3,"step":4})") << "loss@4=0.3";
    QTest::newRow("no step") << QByteArray(R"({"key":"loss","value":1})") << "loss@-=1";
    QTest::newRow("batch object") << QByteArray(R"({"step":2,"metrics":{"a":1,"b":2.5}})") << "a@2=1;b@2=2.5";
    QTest::newRow("array batch") << QByteArray(R"([{"key":"a","value":1,"step":0},{"key":"a","value":2,"step":1}])") << "a@0=1;a@1=2";
    QTest::newRow("python NaN") << QByteArray(R"({"key":"x","value":NaN})") << "x@-=nan";
    QTest::newRow("python Infinity") << QByteArray(R"({"metrics":{"a":Infinity,"b":-Infinity}})") << "a@-=inf;b@-=-inf";
    QTest::newRow("string nan") << QByteArray(R"({"key":"x","value":"nan"})") << "x@-=nan";
    QTest::newRow("NaN inside a string is text") << QByteArray(R"({"tags":{"note":"NaN here"}})") << "t:note=NaN here";
    QTest::newRow("params") << QByteArray(R"({"params":{"lr":0.001,"opt":"adam","deep":true}})") << "p:deep=true;p:lr=0.001;p:opt=adam";
    QTest::newRow("timestamp") << QByteArray(R"({"key":"a","value":1,"timestamp":1700000000000})") << "a@-=1";
    QTest::newRow("not json") << QByteArray("{oops") << "!not valid JSON";
    QTest::newRow("number") << QByteArray("42") << "!expected a JSON object";
    QTest::newRow("empty array") << QByteArray("[]") << "!empty batch";
    QTest::newRow("empty object") << QByteArray("{}") << "!nothing to record";
    QTest::newRow("typo field") << QByteArray(R"({"key":"a","vlaue":1})") << "!did you mean 'value'";
    QTest::newRow("value without key") << QByteArray(R"({"value":1})") << "!needs a 'key'";
    QTest::newRow("key without value") << QByteArray(R"({"key":"a"})") << "!numeric 'value'";
    QTest::newRow("string value") << QByteArray(R"({"key":"a","value":"high"})") << "!numeric 'value'";
    QTest::newRow("bad key") << QByteArray(R"({"key":"a b","value":1})") << "!invalid key";
    QTest::newRow("negative step") << QByteArray(R"({"key":"a","value":1,"step":-2})") << "!'step' must be";
    QTest::newRow("float step") << QByteArray(R"({"key":"a","value":1,"step":1.5})") << "!'step' must be";
    QTest::newRow("metrics not object") << QByteArray(R"({"metrics":[1,2]})") << "!'metrics' must be";
    QTest::newRow("nested param") << QByteArray(R"({"params":{"a":{"b":1}}})") << "!must be a string";
    QTest::newRow("bad item poisons batch") << QByteArray(R"([{"key":"a","value":1},{"key":"b"}])") << "!numeric 'value'";
}

void TestMetricsJsonl::parse()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, expected);
    JsonlRecord r;
    std::string error;
    bool ok = parseJsonlLine(std::string_view(line.constData(), static_cast<std::size_t>(line.size())), r, error);
    if (expected.startsWith('!')) {
        QVERIFY2(!ok, "expected a parse error");
        QVERIFY2(QString::fromStdString(error).contains(expected.mid(1)), error.c_str());
        QVERIFY(r.points.empty());
        return;
    }
    QVERIFY2(ok, error.c_str());
    QStringList parts;
    for (const auto& p : r.points)
        parts << QString::fromStdString(p.key + "@" + (p.step ? std::to_string(*p.step) : "-") + "=" + formatDouble(p.value));
    for (const auto& [k, v] : r.params)
        parts << QString::fromStdString("p:" + k + "=" + v);
    for (const auto& [k, v] : r.tags)
        parts << QString::fromStdString("t:" + k + "=" + v);
    QCOMPARE(parts.join(';'), expected);
}

QTEST_APPLESS_MAIN(TestMetricsJsonl)
#include "tst_metrics_jsonl.moc"
