// `cairn drift` in-process: exit 0 (no drift), 1 (drift), 2 (bad input), JSON and HTML output.
#include "drift_data.h"
#include "engine/cli/commands.h"

#include <QtTest>

#include <fstream>
#include <sstream>

using driftdata::Rng;

class TestCliDrift : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void exitCodes_data();
    void exitCodes();
    void jsonFormat();
    void htmlReport();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    void file(const QString& name, const std::string& text) { std::ofstream(path(name).toStdString()) << text; }
    QTemporaryDir m_dir;
};

void TestCliDrift::initTestCase()
{
    auto normal = [](double mu) { return [mu](Rng& r, std::size_t) { return driftdata::num(r.normal(mu, 1)); }; };
    auto cat = [](Rng& r, std::size_t) { return std::string(r.uniform() < 0.5 ? "a" : "b"); };
    driftdata::writeCsv(path("ref.csv").toStdString(), {{"x", normal(0)}, {"y", normal(0)}, {"c", cat}}, 400, 1);
    driftdata::writeCsv(path("same.csv").toStdString(), {{"x", normal(0)}, {"y", normal(0)}, {"c", cat}}, 500, 2);
    driftdata::writeCsv(path("shift.csv").toStdString(), {{"x", normal(1)}, {"y", normal(1)}, {"c", cat}}, 500, 3);
    driftdata::writeCsv(path("nocol.csv").toStdString(), {{"x", normal(0)}, {"c", cat}}, 50, 4);
    file("ragged.csv", "x,y,c\n1,2,a\n1,2\n");
    file("empty.csv", "");
    file("text.csv", "x,y,c\nabc,1,a\n2,2,b\n");
    file("spec.yaml", "drift_share: 0.9\ncolumns:\n  x: {test: wasserstein, threshold: 0.5}\n");
    file("badspec.yaml", "columns:\n  x: {test: nope}\n");
    file("numspec.yaml", "columns:\n  x: {type: num}\n");
    file("catspec.yaml", "columns:\n  x: {type: cat}\n");
}

void TestCliDrift::exitCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");  // expected on stderr (or stdout for 0/1)
    QTest::newRow("no drift") << QStringList{"@ref.csv", "@same.csv"} << 0 << "not drifted";
    QTest::newRow("drift") << QStringList{"@ref.csv", "@shift.csv"} << 1 << "DRIFTED";
    QTest::newRow("one column of three: share 1/3") << QStringList{"@ref.csv", "@shift.csv", "--columns", "c"} << 0 << "0 of 1";
    QTest::newRow("spec raises drift_share") << QStringList{"@ref.csv", "@shift.csv", "--spec", "@spec.yaml"} << 0 << "not drifted";
    QTest::newRow("missing argument") << QStringList{"@ref.csv"} << 2 << "missing argument CUR";
    QTest::newRow("missing file") << QStringList{"@ref.csv", "@nothere.csv"} << 2 << "cannot open";
    QTest::newRow("column missing in CUR") << QStringList{"@ref.csv", "@nocol.csv"} << 2 << "no column 'y'";
    QTest::newRow("unknown --columns name") << QStringList{"@ref.csv", "@same.csv", "--columns", "zz"} << 2 << "no column 'zz'";
    QTest::newRow("ragged CUR") << QStringList{"@ref.csv", "@ragged.csv"} << 2 << "ragged.csv:3: row has 2 fields, the header has 3";
    QTest::newRow("empty CUR") << QStringList{"@ref.csv", "@empty.csv"} << 2 << "file is empty";
    QTest::newRow("bad spec") << QStringList{"@ref.csv", "@same.csv", "--spec", "@badspec.yaml"} << 2 << "badspec.yaml:2:";
    QTest::newRow("text declared numeric") << QStringList{"@ref.csv", "@text.csv", "--spec", "@numspec.yaml"} << 2 << "text.csv:2: column 'x': 'abc' is not a number";
    QTest::newRow("text in a numeric column") << QStringList{"@ref.csv", "@text.csv"} << 2 << "and the column is numeric in";
    QTest::newRow("text in a column declared categorical") << QStringList{"@ref.csv", "@text.csv", "--spec", "@catspec.yaml", "--columns", "x"} << 1 << "DRIFTED";
    QTest::newRow("bad format") << QStringList{"@ref.csv", "@same.csv", "--format", "xml"} << 2 << "expected one of";
}

void TestCliDrift::exitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    std::vector<std::string> argv = {"drift"};
    for (const auto& a : args)
        argv.push_back(a.startsWith('@') ? path(a.mid(1)).toStdString() : a.toStdString());
    std::ostringstream out, err;
    const int rc = cairn::cli::runCli(argv, out, err);
    const QString all = QString::fromStdString(out.str() + err.str());
    QVERIFY2(rc == code, qPrintable(QString("exit %1, wanted %2: %3").arg(rc).arg(code).arg(all)));
    QVERIFY2(all.contains(message), qPrintable(all));
}

void TestCliDrift::jsonFormat()
{
    std::ostringstream out, err;
    const int rc = cairn::cli::runCli({"drift", path("ref.csv").toStdString(), path("shift.csv").toStdString(), "--format", "json"}, out, err);
    QCOMPARE(rc, 1);
    const QJsonObject j = QJsonDocument::fromJson(QByteArray::fromStdString(out.str())).object();
    QCOMPARE(j.keys(), (QStringList{"columns", "dataset_drift", "drifted_columns", "share"}));
    const QJsonArray cols = j["columns"].toArray();
    QCOMPARE(cols.size(), 3);
    const QJsonObject x = cols[0].toObject();
    QCOMPARE(x.keys(), (QStringList{"cur_rows", "drifted", "name", "ref_rows", "score", "test", "threshold", "type"}));
    QCOMPARE(x["name"].toString(), QString("x"));
    QCOMPARE(x["type"].toString(), QString("num"));
    QCOMPARE(x["test"].toString(), QString("ks"));
    QCOMPARE(x["threshold"].toDouble(), 0.05);
    QCOMPARE(x["ref_rows"].toInt(), 400);
    QCOMPARE(x["cur_rows"].toInt(), 500);
    QVERIFY(x["drifted"].toBool());
    QCOMPARE(cols[2].toObject()["type"].toString(), QString("cat"));
    QCOMPARE(cols[2].toObject()["test"].toString(), QString("z"));
    QCOMPARE(j["drifted_columns"].toInt(), 2);
    QVERIFY(j["dataset_drift"].toBool());
}

void TestCliDrift::htmlReport()
{
    std::ostringstream out, err;
    const std::string html = path("report.html").toStdString();
    const int rc = cairn::cli::runCli({"drift", path("ref.csv").toStdString(), path("same.csv").toStdString(), "--format", "html", "-o", html}, out, err);
    QCOMPARE(rc, 0);
    QFile f(QString::fromStdString(html));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray page = f.readAll();
    QVERIFY(page.startsWith("<!DOCTYPE html>"));
    QVERIFY(page.contains("<svg"));
    QVERIFY(page.contains("not drifted"));
}

QTEST_GUILESS_MAIN(TestCliDrift)
#include "tst_cli_drift.moc"
