// Line splitting over arbitrary chunking, CR/LF, binary bytes and overlong lines.
#include "engine/ingest/line_splitter.h"

#include <QtTest>

using namespace cairn::ingest;

class TestLineSplitter : public QObject {
    Q_OBJECT
private slots:
    void chunkings_data();
    void chunkings();
    void overlong();
    void overlongThenNormal();
    void exactLimit();
};

struct Collected {
    QList<QByteArray> lines;
    QList<bool> overlong;
    QList<quint64> numbers;
};

static Collected split(const QByteArray& input, int chunk, std::size_t maxLine = 1 << 20)
{
    Collected c;
    LineSplitter s([&](std::string_view line, std::uint64_t no, bool over) {
        c.lines << QByteArray(line.data(), static_cast<int>(line.size()));
        c.overlong << over;
        c.numbers << no;
    }, maxLine);
    for (int i = 0; i < input.size(); i += chunk)
        s.feed(std::string_view(input.constData() + i, static_cast<std::size_t>(std::min(chunk, int(input.size()) - i))));
    s.finish();
    return c;
}

void TestLineSplitter::chunkings_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QList<QByteArray>>("expected");
    QTest::newRow("lf") << QByteArray("a\nb\n") << QList<QByteArray>{"a", "b"};
    QTest::newRow("crlf") << QByteArray("a\r\nb\r\n") << QList<QByteArray>{"a", "b"};
    QTest::newRow("no trailing newline") << QByteArray("a\nlast") << QList<QByteArray>{"a", "last"};
    QTest::newRow("empty lines") << QByteArray("\n\nx\n") << QList<QByteArray>{"", "", "x"};
    QTest::newRow("lone cr kept inside") << QByteArray("a\rb\n") << QList<QByteArray>{"a\rb"};
    QTest::newRow("binary") << QByteArray("\x00\x01\xff\n\xfe", 5) << QList<QByteArray>{QByteArray("\x00\x01\xff", 3), "\xfe"};
    QTest::newRow("nothing") << QByteArray() << QList<QByteArray>{};
}

void TestLineSplitter::chunkings()
{
    QFETCH(QByteArray, input);
    QFETCH(QList<QByteArray>, expected);
    for (int chunk : {1, 2, 3, 7, 4096}) {
        Collected c = split(input, chunk);
        QCOMPARE(c.lines, expected);
        for (int i = 0; i < c.numbers.size(); ++i)
            QCOMPARE(c.numbers[i], quint64(i + 1));
    }
}

void TestLineSplitter::overlong()
{
    QByteArray input = QByteArray(100, 'x') + "\nshort\n";
    for (int chunk : {1, 9, 1000}) {
        Collected c = split(input, chunk, 10);
        QCOMPARE(c.lines, (QList<QByteArray>{QByteArray(10, 'x'), "short"}));
        QCOMPARE(c.overlong, (QList<bool>{true, false}));
    }
}

void TestLineSplitter::overlongThenNormal()
{
    // A 5 MB line followed by a metric line: the metric line is still delivered intact.
    QByteArray input = QByteArray(5 << 20, 'y') + "\ncairn:metric a=1\n";
    Collected c = split(input, 65536);
    QCOMPARE(c.lines.size(), 2);
    QCOMPARE(c.overlong[0], true);
    QCOMPARE(c.lines[1], QByteArray("cairn:metric a=1"));
}

void TestLineSplitter::exactLimit()
{
    Collected c = split(QByteArray(10, 'z') + "\n", 3, 10);
    QCOMPARE(c.lines, QList<QByteArray>{QByteArray(10, 'z')});
    QCOMPARE(c.overlong, QList<bool>{false});
}

QTEST_APPLESS_MAIN(TestLineSplitter)
#include "tst_line_splitter.moc"
