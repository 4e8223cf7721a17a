// A 2 GiB CSV file through `cairn drift` and `cairn validate`: streamed, so the peak memory of
// the process (measured by the kernel, wait4's ru_maxrss) stays far below the file's size, and
// a ragged row at its very end is still named by its line.
#include <QtTest>

#include <cstdio>
#include <fcntl.h>
#include <spawn.h>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace {

constexpr int kColumns = 200;
constexpr long long kTargetBytes = 2LL << 30;  // 2 GiB

struct Measured {
    int exitCode = -1;
    long maxRssMb = 0;
    QByteArray out, err;
};

// Runs the program with stdout and stderr sent to files, and reads back its peak memory.
Measured run(const QStringList& args, const QString& dir)
{
    Measured m;
    const QString outPath = dir + "/out.txt", errPath = dir + "/err.txt";
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, outPath.toLocal8Bit().constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, 2, errPath.toLocal8Bit().constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<std::string> owned{CAIRN_BIN};
    for (const QString& a : args)
        owned.push_back(a.toStdString());
    std::vector<char*> argv;
    for (auto& s : owned)
        argv.push_back(s.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    if (posix_spawn(&pid, CAIRN_BIN, &fa, nullptr, argv.data(), environ) != 0)
        return m;
    posix_spawn_file_actions_destroy(&fa);
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) == pid && WIFEXITED(status))
        m.exitCode = WEXITSTATUS(status);
    m.maxRssMb = usage.ru_maxrss / 1024;
    QFile o(outPath), e(errPath);
    if (o.open(QIODevice::ReadOnly))
        m.out = o.readAll();
    if (e.open(QIODevice::ReadOnly))
        m.err = e.readAll();
    return m;
}

} // namespace

class TestBigCsv : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void driftTwoColumnsOfTwoGigabytes();
    void validateStreams();
    void raggedLastRowIsNamed();

private:
    QTemporaryDir m_dir;
    QString m_big;
    long long m_rows = 0;
};

void TestBigCsv::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (QStorageInfo(m_dir.path()).bytesAvailable() < kTargetBytes + (512LL << 20))
        QSKIP("less than 2.5 GiB free in the temporary folder for the 2 GiB file");
    m_big = m_dir.filePath("big.csv");
    // 200 columns of short numbers; a block of distinct rows written again and again.
    std::FILE* f = std::fopen(m_big.toLocal8Bit().constData(), "wb");
    QVERIFY(f);
    std::string header;
    for (int c = 0; c < kColumns; ++c)
        header += (c ? ",f" : "f") + std::to_string(c);
    header += "\n";
    std::string block;
    int blockRows = 0;
    for (unsigned r = 0; block.size() < (1u << 20); ++r, ++blockRows) {
        for (int c = 0; c < kColumns; ++c) {
            char cell[16];
            const unsigned v = (r * 7919u + unsigned(c) * 104729u) % 1000u;
            std::snprintf(cell, sizeof cell, c ? ",%u.%u" : "%u.%u", v / 100, v % 100);
            block += cell;
        }
        block += "\n";
    }
    bool ok = std::fwrite(header.data(), 1, header.size(), f) == header.size();
    long long written = static_cast<long long>(header.size());
    while (ok && written < kTargetBytes) {
        ok = std::fwrite(block.data(), 1, block.size(), f) == block.size();
        written += static_cast<long long>(block.size());
        m_rows += blockRows;
    }
    ok = std::fclose(f) == 0 && ok;
    QVERIFY2(ok, "could not write the 2 GiB file (disk full?)");
    QVERIFY(QFileInfo(m_big).size() >= kTargetBytes);
}

void TestBigCsv::driftTwoColumnsOfTwoGigabytes()
{
    // Two columns of 200 loaded from each file: memory holds their values, not the file.
    const Measured m = run({"drift", m_big, m_big, "--columns", "f0,f7", "--format", "json"}, m_dir.path());
    QVERIFY2(m.exitCode == 0, m.err.constData());
    const QJsonObject report = QJsonDocument::fromJson(m.out).object();
    const QJsonArray columns = report["columns"].toArray();
    QCOMPARE(columns.size(), 2);
    QCOMPARE(columns[0].toObject()["ref_rows"].toInteger(), m_rows);
    QCOMPARE(report["dataset_drift"].toBool(), false);
    // Per row: 2 files x 2 columns x 8 bytes of values, as much again for the sorted samples, and
    // as much for the sort's scratch buffers (two columns at a time on two threads): 96 bytes.
    const long budgetMb = 64 + long(m_rows * 96 / (1 << 20));
    qInfo("%lld rows, peak %ld MB (budget %ld MB, file %lld MB)", m_rows, m.maxRssMb, budgetMb, kTargetBytes >> 20);
    QVERIFY2(m.maxRssMb < budgetMb, qPrintable(QString("peak %1 MB").arg(m.maxRssMb)));
}

void TestBigCsv::validateStreams()
{
    // Validation keeps no column: its memory does not grow with the file at all.
    const QString expect = m_dir.filePath("expect.yaml");
    QFile e(expect);
    QVERIFY(e.open(QIODevice::WriteOnly));
    e.write(QByteArray("rows: {min: 1}\ncolumns:\n  f0: {not_null: true, min: 0, max: 10}\n  f199: {type: number}\n"));
    e.close();
    const Measured m = run({"validate", m_big, "--expect", expect, "--format", "json"}, m_dir.path());
    QVERIFY2(m.exitCode == 0, (m.out + m.err).constData());
    QCOMPARE(QJsonDocument::fromJson(m.out).object()["rows"].toInteger(), m_rows);
    qInfo("validate: peak %ld MB", m.maxRssMb);
    QVERIFY2(m.maxRssMb < 200, qPrintable(QString("peak %1 MB").arg(m.maxRssMb)));
}

void TestBigCsv::raggedLastRowIsNamed()
{
    // One short row after 2 GiB of good ones: exit 2, the file and the exact line.
    QFile f(m_big);
    QVERIFY(f.open(QIODevice::Append));
    f.write("1,2\n");
    f.close();
    const QString small = m_dir.filePath("small.csv");
    QFile s(small);
    QVERIFY(s.open(QIODevice::WriteOnly));
    s.write("f0\n1\n2\n");
    s.close();
    const Measured m = run({"drift", m_big, small, "--columns", "f0"}, m_dir.path());
    QCOMPARE(m.exitCode, 2);
    const QString want = QString("big.csv:%1: row has 2 fields, the header has %2").arg(m_rows + 2).arg(kColumns);
    QVERIFY2(QString(m.err).contains(want), m.err.constData());
    QVERIFY2(m.maxRssMb < 64 + long(m_rows * 32 / (1 << 20)), qPrintable(QString("peak %1 MB").arg(m.maxRssMb)));
}

QTEST_GUILESS_MAIN(TestBigCsv)
#include "tst_big_csv.moc"
