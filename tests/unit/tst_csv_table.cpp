// CSV loading: well-formed variants load; malformed input gives an error naming file and line.
#include "engine/analysis/csv_table.h"

#include <QtTest>

#include "tests/common/test_rng.h"

#include <algorithm>
#include <cmath>
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
    void chunkedEqualsWhole_data();
    void chunkedEqualsWhole();

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

namespace {

// A random CSV file with every feature the reader handles: quotes (with commas, doubled quotes
// and line breaks inside), CRLF and lone CR, blank lines, missing tokens, integers, text in a
// numeric column, and now and then a ragged row or an unterminated quote.
QByteArray randomCsv(std::uint64_t seed, int rows, int faults)
{
    cairn::testing::Rng rng{seed};
    auto pick = [&](int n) { return int(rng.uniform() * n) % n; };
    const char* eols[] = {"\n", "\r\n", "\r"};
    const char* eol = eols[pick(3)];
    QByteArray out = "num,int,text,mixed,quoted";
    out += eol;
    const char* missing[] = {"", "NaN", "NA", "null", "None", "nan"};
    for (int r = 0; r < rows; ++r) {
        if (pick(40) == 0)
            out += eol;  // blank line
        QByteArray row;
        // Numbers of every length, so both the short-decimal fast path and from_chars are used.
        const double x = rng.normal() * std::pow(10.0, pick(17) - 8);
        row += pick(10) == 0 ? QByteArray(missing[pick(6)]) : QByteArray::number(x, pick(2) ? 'g' : 'f', 1 + pick(17));
        row += ",";
        row += QByteArray::number(pick(1000) - 500);
        row += ",";
        row += QByteArray("cat") + QByteArray::number(pick(7));
        row += ",";
        row += pick(200) == 0 ? QByteArray("oops") : QByteArray::number(pick(50));
        row += ",";
        switch (pick(4)) {
        case 0: row += "\"a, \"\"b\"\"\""; break;
        case 1: row += "\"two\nlines\""; break;
        case 2: row += "plain"; break;
        default: row += QByteArray("\"q") + QByteArray::number(pick(5)) + "\"tail"; break;
        }
        if (faults == 1 && pick(300) == 0)
            row += pick(2) ? ",extra" : ",\"open";
        out += row;
        out += eol;
    }
    if (faults == 2)
        out += "1,2,x,3,\"never closed";
    return out;
}

// The rules of csv_table.h written out plainly over CsvReader, one row at a time: the oracle for
// readCsv's chunked parse.
cairn::Result<Table> readPlainly(const std::string& path)
{
    auto reader = CsvReader::open(path);
    if (!reader)
        return reader.error();
    std::vector<std::string_view> fields;
    if (auto st = reader->header(fields); !st)
        return st.error();
    Table t;
    t.path = path;
    for (auto f : fields) {
        t.columns.emplace_back();
        t.columns.back().name = f;
    }
    std::vector<std::vector<std::string>> cells(t.columns.size());
    std::vector<std::size_t> lines;
    for (;;) {
        auto more = reader->nextRow(fields, t.columns.size());
        if (!more)
            return more.error();
        if (!*more)
            break;
        for (std::size_t k = 0; k < fields.size(); ++k)
            cells[k].emplace_back(fields[k]);
        lines.push_back(reader->rowLine());
        ++t.rows;
    }
    for (std::size_t k = 0; k < t.columns.size(); ++k) {
        Column& c = t.columns[k];
        c.integral = t.rows > 0;
        for (std::size_t r = 0; r < t.rows; ++r) {
            double v = std::nan("");
            const std::string& s = cells[k][r];
            c.integral = c.integral && isIntegerLiteral(s);
            if (!isMissingToken(s) && !parseDouble(s, v) && !c.text) {
                c.text = true;
                c.firstTextLine = lines[r];
                c.firstText = s;
            }
            c.num.push_back(v);
        }
        if (!c.text)
            continue;
        c.num.clear();
        c.integral = false;
        c.type = ColumnType::Categorical;
        for (const auto& s : cells[k]) {
            if (isMissingToken(s)) {
                c.codes.push_back(-1);
                continue;
            }
            auto it = std::find(c.categories.begin(), c.categories.end(), s);
            if (it == c.categories.end())
                it = c.categories.insert(c.categories.end(), s);
            c.codes.push_back(std::int32_t(it - c.categories.begin()));
        }
    }
    return t;
}

bool sameTable(const Table& a, const Table& b, QString& why)
{
    if (a.rows != b.rows || a.columns.size() != b.columns.size()) {
        why = QString("rows %1 vs %2").arg(a.rows).arg(b.rows);
        return false;
    }
    for (std::size_t k = 0; k < a.columns.size(); ++k) {
        const Column &x = a.columns[k], &y = b.columns[k];
        why = QString::fromStdString(x.name);
        if (x.text != y.text || x.integral != y.integral || x.codes != y.codes || x.categories != y.categories ||
            x.firstTextLine != y.firstTextLine || x.firstText != y.firstText || x.num.size() != y.num.size())
            return false;
        for (std::size_t i = 0; i < x.num.size(); ++i)
            if (!(x.num[i] == y.num[i] || (std::isnan(x.num[i]) && std::isnan(y.num[i]))))
                return false;
    }
    return true;
}

} // namespace

void TestCsvTable::chunkedEqualsWhole_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<int>("faults");  // 0 none, 1 ragged rows, 2 an unterminated quote at the end
    for (quint64 seed = 1; seed <= 12; ++seed)
        QTest::addRow("seed %llu faults %d", seed, int(seed % 3)) << seed << int(seed % 3);
}

void TestCsvTable::chunkedEqualsWhole()
{
    // The chunked, threaded parse gives the table (or the error) of a plain row-by-row read, for
    // chunks of every size from a few bytes up, with quotes and line breaks across the cuts.
    QFETCH(quint64, seed);
    QFETCH(int, faults);
    const std::string path = write(randomCsv(seed, 1000, faults));
    auto want = readPlainly(path);
    for (std::size_t chunk : {std::size_t(3), std::size_t(13), std::size_t(100), std::size_t(4096), std::size_t(1) << 26})
        for (unsigned threads : {1u, 3u}) {
            CsvReadOptions o;
            o.chunkBytes = chunk;
            o.threads = threads;
            auto got = readCsv(path, o);
            const QString at = QString("chunk %1, %2 threads").arg(chunk).arg(threads);
            if (bool(got) != bool(want))
                QFAIL(qPrintable(at + ": " + QString::fromStdString(got ? want.message() : got.message())));
            if (!want) {
                QCOMPARE(got.message(), want.message());
                continue;
            }
            QString why;
            QVERIFY2(sameTable(*got, *want, why), qPrintable(at + ": " + why));
        }
    if (faults == 2)
        QVERIFY2(!want && want.message().ends_with(": unterminated quoted field"), want ? "" : want.message().c_str());
    if (!faults) {
        QVERIFY2(want, want ? "" : want.message().c_str());
        QVERIFY(want->find("mixed")->text);  // "oops" made it text
        QVERIFY(want->find("int")->integral);
        QVERIFY(!want->find("num")->text);
    }
}

QTEST_GUILESS_MAIN(TestCsvTable)
#include "tst_csv_table.moc"
