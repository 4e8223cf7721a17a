// The stdout protocol parser, one row per line of input (good and bad).
#include "engine/core/text.h"
#include "engine/ingest/metric_line.h"

#include <QtTest>

using namespace cairn;
using namespace cairn::ingest;

Q_DECLARE_METATYPE(cairn::ingest::LineKind)

class TestMetricLine : public QObject {
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void values_data();
    void values();
    void reusesStorage();
};

// expected: for metric lines "key=value;..." with values as formatDouble prints them and
// "step=N;" first when given; for param/tag lines "key=value;..."; for malformed lines a
// fragment of the error message.
void TestMetricLine::parse_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<LineKind>("kind");
    QTest::addColumn<QString>("expected");

    // Ordinary output
    QTest::newRow("plain text") << QByteArray("epoch 3 loss 0.2") << LineKind::Output << "";
    QTest::newRow("empty") << QByteArray("") << LineKind::Output << "";
    QTest::newRow("prefix not at start") << QByteArray(" cairn:metric a=1") << LineKind::Output << "";
    QTest::newRow("upper-case prefix") << QByteArray("CAIRN:metric a=1") << LineKind::Output << "";
    QTest::newRow("prefix mid-line") << QByteArray("log: cairn:metric a=1") << LineKind::Output << "";
    QTest::newRow("binary") << QByteArray("\x00\xff\xfe cairn", 9) << LineKind::Output << "";
    QTest::newRow("cairn without colon") << QByteArray("cairn metric a=1") << LineKind::Output << "";

    // Good metric lines
    QTest::newRow("one metric") << QByteArray("cairn:metric loss=0.25") << LineKind::Metric << "loss=0.25";
    QTest::newRow("two metrics") << QByteArray("cairn:metric loss=0.25 acc=0.91") << LineKind::Metric << "loss=0.25;acc=0.91";
    QTest::newRow("step first") << QByteArray("cairn:metric step=3 loss=0.25") << LineKind::Metric << "step=3;loss=0.25";
    QTest::newRow("step last") << QByteArray("cairn:metric loss=0.25 step=7") << LineKind::Metric << "step=7;loss=0.25";
    QTest::newRow("step zero") << QByteArray("cairn:metric step=0 a=1") << LineKind::Metric << "step=0;a=1";
    QTest::newRow("big step") << QByteArray("cairn:metric step=9000000000 a=1") << LineKind::Metric << "step=9000000000;a=1";
    QTest::newRow("scientific") << QByteArray("cairn:metric lr=1e-3") << LineKind::Metric << "lr=0.001";
    QTest::newRow("upper E") << QByteArray("cairn:metric lr=2.5E+2") << LineKind::Metric << "lr=250";
    QTest::newRow("negative") << QByteArray("cairn:metric delta=-0.5") << LineKind::Metric << "delta=-0.5";
    QTest::newRow("plus sign") << QByteArray("cairn:metric delta=+0.5") << LineKind::Metric << "delta=0.5";
    QTest::newRow("leading dot") << QByteArray("cairn:metric x=.5") << LineKind::Metric << "x=0.5";
    QTest::newRow("integer") << QByteArray("cairn:metric epoch_time=12") << LineKind::Metric << "epoch_time=12";
    QTest::newRow("nan") << QByteArray("cairn:metric loss=nan") << LineKind::Metric << "loss=nan";
    QTest::newRow("NaN python") << QByteArray("cairn:metric loss=NaN") << LineKind::Metric << "loss=nan";
    QTest::newRow("inf") << QByteArray("cairn:metric g=inf") << LineKind::Metric << "g=inf";
    QTest::newRow("-inf") << QByteArray("cairn:metric g=-inf") << LineKind::Metric << "g=-inf";
    QTest::newRow("Infinity") << QByteArray("cairn:metric g=Infinity") << LineKind::Metric << "g=inf";
    QTest::newRow("-Infinity") << QByteArray("cairn:metric g=-Infinity") << LineKind::Metric << "g=-inf";
    QTest::newRow("tabs") << QByteArray("cairn:metric\tloss=1\tacc=2") << LineKind::Metric << "loss=1;acc=2";
    QTest::newRow("extra spaces") << QByteArray("cairn:metric   loss=1    acc=2   ") << LineKind::Metric << "loss=1;acc=2";
    QTest::newRow("key with slash and dot") << QByteArray("cairn:metric train/loss.avg=1") << LineKind::Metric << "train/loss.avg=1";
    QTest::newRow("key with dash") << QByteArray("cairn:metric val-acc=0.5") << LineKind::Metric << "val-acc=0.5";
    QTest::newRow("tiny underflows to 0") << QByteArray("cairn:metric x=1e-400") << LineKind::Metric << "x=0";

    // Good param and tag lines
    QTest::newRow("param") << QByteArray("cairn:param lr=0.001") << LineKind::Param << "lr=0.001";
    QTest::newRow("params") << QByteArray("cairn:param lr=0.001 optimizer=adam") << LineKind::Param << "lr=0.001;optimizer=adam";
    QTest::newRow("quoted param") << QByteArray("cairn:param note=\"two words\"") << LineKind::Param << "note=two words";
    QTest::newRow("escaped quote") << QByteArray("cairn:param q=\"say \\\"hi\\\"\"") << LineKind::Param << "q=say \"hi\"";
    QTest::newRow("param value with =") << QByteArray("cairn:param expr=a=b") << LineKind::Param << "expr=a=b";
    QTest::newRow("tag") << QByteArray("cairn:tag model=mlp") << LineKind::Tag << "model=mlp";
    QTest::newRow("tag utf8 value") << QByteArray("cairn:tag owner=J\xc3\xb6rg") << LineKind::Tag << QString::fromUtf8("owner=J\xc3\xb6rg");
    QTest::newRow("step is a param") << QByteArray("cairn:param step=3") << LineKind::Param << "step=3";

    // Malformed
    QTest::newRow("unknown directive") << QByteArray("cairn:metrics a=1") << LineKind::Malformed << "unknown directive";
    QTest::newRow("bare prefix") << QByteArray("cairn:") << LineKind::Malformed << "unknown directive";
    QTest::newRow("glued pair") << QByteArray("cairn:metrica=1") << LineKind::Malformed << "unknown directive";
    QTest::newRow("no pairs") << QByteArray("cairn:metric") << LineKind::Malformed << "no metric";
    QTest::newRow("only step") << QByteArray("cairn:metric step=2") << LineKind::Malformed << "a step but no metric";
    QTest::newRow("no equals") << QByteArray("cairn:metric loss") << LineKind::Malformed << "expected key=value";
    QTest::newRow("empty value") << QByteArray("cairn:metric loss=") << LineKind::Malformed << "empty value";
    QTest::newRow("empty key") << QByteArray("cairn:metric =1") << LineKind::Malformed << "invalid key";
    QTest::newRow("not a number") << QByteArray("cairn:metric loss=abc") << LineKind::Malformed << "not a number";
    QTest::newRow("number with unit") << QByteArray("cairn:metric t=3s") << LineKind::Malformed << "not a number";
    QTest::newRow("two dots") << QByteArray("cairn:metric x=1.2.3") << LineKind::Malformed << "not a number";
    QTest::newRow("hex") << QByteArray("cairn:metric x=0x10") << LineKind::Malformed << "not a number";
    QTest::newRow("comma decimal") << QByteArray("cairn:metric x=0,5") << LineKind::Malformed << "not a number";
    QTest::newRow("overflow") << QByteArray("cairn:metric x=1e400") << LineKind::Malformed << "not a number";
    QTest::newRow("lone sign") << QByteArray("cairn:metric x=-") << LineKind::Malformed << "not a number";
    QTest::newRow("quoted metric") << QByteArray("cairn:metric x=\"1\"") << LineKind::Malformed << "quoted";
    QTest::newRow("negative step") << QByteArray("cairn:metric step=-1 a=1") << LineKind::Malformed << "step must be";
    QTest::newRow("fractional step") << QByteArray("cairn:metric step=1.5 a=1") << LineKind::Malformed << "step must be";
    QTest::newRow("step word") << QByteArray("cairn:metric step=x a=1") << LineKind::Malformed << "step must be";
    QTest::newRow("step overflow") << QByteArray("cairn:metric step=99999999999999999999 a=1") << LineKind::Malformed << "step must be";
    QTest::newRow("step twice") << QByteArray("cairn:metric step=1 step=2 a=1") << LineKind::Malformed << "step given twice";
    QTest::newRow("duplicate metric") << QByteArray("cairn:metric a=1 a=2") << LineKind::Malformed << "given twice";
    QTest::newRow("bad key char") << QByteArray("cairn:metric a$b=1") << LineKind::Malformed << "invalid key";
    QTest::newRow("key with colon") << QByteArray("cairn:metric a:b=1") << LineKind::Malformed << "invalid key";
    QTest::newRow("binary key") << QByteArray("cairn:metric \xff\xfe=1") << LineKind::Malformed << "invalid key";
    QTest::newRow("key too long") << (QByteArray("cairn:metric ") + QByteArray(300, 'k') + "=1") << LineKind::Malformed << "longer than";
    QTest::newRow("unterminated quote") << QByteArray("cairn:param a=\"open") << LineKind::Malformed << "unterminated";
    QTest::newRow("junk after quote") << QByteArray("cairn:param a=\"x\"y") << LineKind::Malformed << "after the quoted";
    QTest::newRow("empty param") << QByteArray("cairn:param") << LineKind::Malformed << "nothing to record";
    QTest::newRow("empty tag") << QByteArray("cairn:tag   ") << LineKind::Malformed << "nothing to record";
    QTest::newRow("tag no equals") << QByteArray("cairn:tag release") << LineKind::Malformed << "expected key=value";
    QTest::newRow("duplicate param") << QByteArray("cairn:param a=1 a=2") << LineKind::Malformed << "given twice";
    QTest::newRow("NUL in value") << QByteArray("cairn:metric a=1\0", 17) << LineKind::Malformed << "not a number";
}

void TestMetricLine::parse()
{
    QFETCH(QByteArray, line);
    QFETCH(LineKind, kind);
    QFETCH(QString, expected);

    ParsedLine out;
    LineKind got = parseLine(std::string_view(line.constData(), static_cast<std::size_t>(line.size())), out);
    QCOMPARE(int(got), int(kind));
    QCOMPARE(int(out.kind), int(kind));
    if (kind == LineKind::Malformed) {
        QVERIFY2(QString::fromStdString(out.error).contains(expected),
                 qPrintable("error was: " + QString::fromStdString(out.error)));
        return;
    }
    QVERIFY(out.error.empty());
    QStringList parts;
    if (out.step)
        parts << QString("step=%1").arg(*out.step);
    for (const auto& [k, v] : out.metrics)
        parts << QString::fromStdString(k + "=" + formatDouble(v));
    for (const auto& [k, v] : out.values)
        parts << QString::fromStdString(k + "=" + v);
    QCOMPARE(parts.join(';'), expected);
}

void TestMetricLine::values_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<double>("value");
    QTest::newRow("zero") << "0" << true << 0.0;
    QTest::newRow("pi") << "3.14159" << true << 3.14159;
    QTest::newRow("max double") << "1.7976931348623157e308" << true << 1.7976931348623157e308;
    QTest::newRow("space") << " 1" << false << 0.0;
    QTest::newRow("empty") << "" << false << 0.0;
    QTest::newRow("double sign") << "--1" << false << 0.0;
}

void TestMetricLine::values()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(double, value);
    auto v = parseMetricValue(text.toStdString());
    QCOMPARE(v.has_value(), ok);
    if (ok)
        QCOMPARE(*v, value);
}

void TestMetricLine::reusesStorage()
{
    ParsedLine out;
    QVERIFY(parseLine("cairn:metric step=4 a=1 b=2", out) == LineKind::Metric);
    QVERIFY(parseLine("cairn:tag k=v", out) == LineKind::Tag);
    QVERIFY(out.metrics.empty());
    QVERIFY(!out.step.has_value());
    QCOMPARE(out.values.size(), std::size_t(1));
}

QTEST_APPLESS_MAIN(TestMetricLine)
#include "tst_metric_line.moc"
