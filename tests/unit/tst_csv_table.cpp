// CSV loading: well-formed variants load; malformed input gives an error naming file and line.
#include "engine/analysis/csv_table.h"

#include <QtTest>

#include <fstream>

using namespace cairn::analysis;

class TestCsvTable : public QObject {
    Q_OBJECT
private slots:
    void loads_data();
    void loads();
    void errors_data();
    void errors();
    void smallChunksAndLongRows();

private:
    std::string write(const QByteArray& bytes)
    {
        const std::string path = m_dir.filePath(QString("f%1.csv").arg(m_n++)).toStdString();
        std::ofstream(path, std::ios::binary) << bytes.toStdString();
        return path;
    }
    QTemporaryDir m_dir;
    int m_n = 0;
};

void TestCsvTable::loads_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QString>("types");   // per column: n (numeric) or c (categorical)
    QTest::addColumn<QString>("probe");   // "col:row=value" checked after loading
    QTest::newRow("plain") << QByteArray("a,b\n1,x\n2,y\n") << 2 << "nc" << "b:1=y";
    QTest::newRow("crlf") << QByteArray("a,b\r\n1,x\r\n2,y\r\n") << 2 << "nc" << "b:1=y";
    QTest::newRow("no final newline") << QByteArray("a,b\n1,x\n2,y") << 2 << "nc" << "a:1=2";
    QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF" "a,b\n1,2\n") << 1 << "nn" << "a:0=1";
    QTest::newRow("quoted comma and quote") << QByteArray("a,b\n\"x,1\",\"say \"\"hi\"\"\"\n") << 1 << "cc" << "b:0=say \"hi\"";
    QTest::newRow("quoted newline") << QByteArray("a,b\n\"two\nlines\",1\n") << 1 << "cn" << "a:0=two\nlines";
    QTest::newRow("header only") << QByteArray("a,b\n") << 0 << "nn" << "";
    QTest::newRow("blank lines skipped") << QByteArray("a\n1\n\n2\n") << 2 << "n" << "a:1=2";
    QTest::newRow("missing tokens") << QByteArray("a,b\nNaN,NA\n1,x\n,\n") << 3 << "nc" << "a:0=nan";
    QTest::newRow("text in numeric column -> categorical") << QByteArray("a\n1\n2\nthree\n") << 3 << "c" << "a:0=1";
    QTest::newRow("inf is numeric") << QByteArray("a\ninf\n-inf\n+2.5\n") << 3 << "n" << "a:2=2.5";
    QTest::newRow("unnamed column") << QByteArray(",a\n0,1\n") << 1 << "nn" << "Unnamed: 0:0=0";
}

void TestCsvTable::loads()
{
    QFETCH(QByteArray, csv);
    QFETCH(int, rows);
    QFETCH(QString, types);
    QFETCH(QString, probe);
    auto t = readCsv(write(csv));
    QVERIFY2(t, t ? "" : t.message().c_str());
    QCOMPARE(int(t->rows), rows);
    QCOMPARE(int(t->columns.size()), int(types.size()));
    for (int i = 0; i < types.size(); ++i)
        QCOMPARE(t->columns[std::size_t(i)].text, types[i] == 'c');
    if (probe.isEmpty())
        return;
    const QString col = probe.section(':', 0, -2), rest = probe.section(':', -1);
    const Column* c = t->find(col.toStdString());
    QVERIFY(c);
    const std::size_t row = rest.section('=', 0, 0).toULong();
    const QString want = rest.section('=', 1);
    if (c->text)
        QCOMPARE(QString::fromStdString(c->categories[std::size_t(c->codes[row])]), want);
    else if (want == "nan")
        QVERIFY(std::isnan(c->num[row]));
    else
        QCOMPARE(c->num[row], want.toDouble());
}

void TestCsvTable::errors_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty file") << QByteArray() << "file is empty";
    QTest::newRow("only a BOM") << QByteArray("\xEF\xBB\xBF") << "file is empty";
    QTest::newRow("ragged row") << QByteArray("a,b,c,d,e\n1,2,3,4,5\n1,2,3,4\n") << ":3: row has 4 fields, the header has 5";
    QTest::newRow("too many fields") << QByteArray("a,b\n1,2,3\n") << ":2: row has 3 fields, the header has 2";
    QTest::newRow("ragged after quoted newline") << QByteArray("a,b\n\"x\ny\",1\n1\n") << ":4: row has 1 fields";
    QTest::newRow("unterminated quote") << QByteArray("a,b\n1,\"open\n2,3\n") << ":2: unterminated quoted field";
    QTest::newRow("duplicate header") << QByteArray("a,a\n1,2\n") << "column 'a' appears twice";
}

void TestCsvTable::errors()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, message);
    const std::string path = write(csv);
    auto t = readCsv(path);
    QVERIFY(!t);
    QVERIFY2(QString::fromStdString(t.message()).contains(message), t.message().c_str());
    QVERIFY2(t.message().starts_with(path), t.message().c_str());
}

void TestCsvTable::smallChunksAndLongRows()
{
    // Rows straddle chunk boundaries; a row longer than the limit is an error, not a huge buffer.
    QByteArray csv = "name,value\n";
    for (int i = 0; i < 500; ++i)
        csv += QByteArray("\"row ") + QByteArray::number(i) + " has, a comma\"," + QByteArray::number(i * 0.5) + "\r\n";
    const std::string path = write(csv);
    CsvReadOptions o;
    o.chunkBytes = 7;
    auto t = readCsv(path, o);
    QVERIFY2(t, t ? "" : t.message().c_str());
    QCOMPARE(int(t->rows), 500);
    QCOMPARE(t->find("value")->num[499], 249.5);
    QCOMPARE(t->find("name")->categories[std::size_t(t->find("name")->codes[3])], std::string("row 3 has, a comma"));
    o.maxRowBytes = 16;
    auto tooLong = readCsv(path, o);
    QVERIFY(!tooLong);
    QVERIFY2(QString::fromStdString(tooLong.message()).contains("row is longer than 16 bytes"), tooLong.message().c_str());
}

QTEST_GUILESS_MAIN(TestCsvTable)
#include "tst_csv_table.moc"
