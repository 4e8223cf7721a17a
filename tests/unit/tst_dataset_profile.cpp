// Dataset profiles (engine/analysis/dataset_profile.h, engine/store/profile_rows.h): inferred
// types, counts, nulls, min/max/mean/stddev against values computed here, exact histograms
// (sampled and flagged past the sample size), top values, determinism, the byte limit, the
// reader's errors, the JSON round trip and the store's typed API on a real SQLite file.
#include "engine/analysis/dataset_profile.h"
#include "engine/store/schema.h"
#include "engine/store/store.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>
#include <numeric>

using namespace cairn;
using namespace cairn::analysis;

class TestDatasetProfile : public QObject {
    Q_OBJECT
private slots:
    void inferredTypes_data();
    void inferredTypes();
    void numericStatistics();
    void histogramIsExactThenSampled();
    void topValuesAndNulls();
    void deterministic();
    void byteLimitTruncates();
    void errorsNameFileAndLine_data();
    void errorsNameFileAndLine();
    void jsonRoundTrip();
    void storedPerHash();
    void onlyCsvIsProfiled();

private:
    std::string write(const std::string& text)
    {
        const std::string path = m_dir.filePath(QString("f%1.csv").arg(m_n++)).toStdString();
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }
    QTemporaryDir m_dir;
    int m_n = 0;
};

void TestDatasetProfile::inferredTypes_data()
{
    QTest::addColumn<QString>("values");  // one column, '|' between rows
    QTest::addColumn<QString>("type");
    QTest::newRow("ints") << "1|2|-3|+4" << "int";
    QTest::newRow("ints with nulls") << "1||NA|3" << "int";
    QTest::newRow("floats") << "1.5|2|3e2" << "float";
    QTest::newRow("integral floats stay float") << "1.0|2.0" << "float";
    QTest::newRow("inf is a float") << "1.5|inf|-inf" << "float";
    QTest::newRow("bools") << "true|false|True|FALSE" << "bool";
    QTest::newRow("dates") << "2024-01-02|2024-12-31" << "datetime";
    QTest::newRow("datetimes") << "2024-01-02T03:04:05Z|2024-01-02 03:04|2024-01-02T03:04:05.123+02:00" << "datetime";
    QTest::newRow("mixed is a string") << "1|x|2" << "string";
    QTest::newRow("all null") << "||NA" << "string";
    QTest::newRow("bad date") << "2024-1-2|2024-01-02" << "string";
}

void TestDatasetProfile::inferredTypes()
{
    QFETCH(QString, values);
    QFETCH(QString, type);
    // Empty lines are skipped by the reader: an empty field needs another column.
    std::string two = "c,k\n";
    for (const QString& v : values.split('|'))
        two += v.toStdString() + ",k\n";
    auto p = profileCsv(write(two));
    QVERIFY2(p, p.ok() ? "" : p.message().c_str());
    QCOMPARE(QString::fromStdString(p->columns.at(0).type), type);
    QCOMPARE(p->rows, static_cast<std::uint64_t>(values.split('|').size()));
}

void TestDatasetProfile::numericStatistics()
{
    std::vector<double> xs;
    std::string csv = "x,y\n";
    for (int i = 0; i < 1000; ++i) {
        const double x = std::sin(i * 0.37) * 100 + i * 0.01;
        xs.push_back(x);
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.17g,%d\n", x, i % 5 == 0 ? 1 : 2);
        csv += buf;
    }
    auto p = profileCsv(write(csv));
    QVERIFY(p);
    const ColumnProfile& c = *p->find("x");
    QCOMPARE(QString::fromStdString(c.type), QString("float"));
    QVERIFY(c.numeric);
    const double mean = std::accumulate(xs.begin(), xs.end(), 0.0) / static_cast<double>(xs.size());
    double ss = 0;
    for (double x : xs)
        ss += (x - mean) * (x - mean);
    const double sd = std::sqrt(ss / static_cast<double>(xs.size() - 1));
    QCOMPARE(c.numeric->min, *std::min_element(xs.begin(), xs.end()));
    QCOMPARE(c.numeric->max, *std::max_element(xs.begin(), xs.end()));
    QVERIFY(std::fabs(c.numeric->mean - mean) < 1e-9);
    QVERIFY(std::fabs(c.numeric->stddev - sd) < 1e-9);
    QCOMPARE(c.count, std::uint64_t(1000));
    QCOMPARE(c.distinct, std::uint64_t(1000));
    const ColumnProfile& y = *p->find("y");
    QCOMPARE(QString::fromStdString(y.type), QString("int"));
    QCOMPARE(y.distinct, std::uint64_t(2));
}

void TestDatasetProfile::histogramIsExactThenSampled()
{
    std::string csv = "v\n";
    for (int i = 0; i < 2000; ++i)
        csv += std::to_string(i % 100) + "\n";  // 0..99, 20 of each
    const std::string path = write(csv);
    ProfileOptions o;
    o.bins = 10;
    auto p = profileCsv(path, o);
    QVERIFY(p);
    const Histogram& h = p->columns[0].numeric->histogram;
    QCOMPARE(h.edges.size(), std::size_t(11));
    QCOMPARE(h.edges.front(), 0.0);
    QCOMPARE(h.edges.back(), 99.0);
    QVERIFY(!h.sampled);
    // Bins of width 9.9: [0, 9.9) holds 0..9, ..., the last [89.1, 99] holds 90..99 and 89.
    const std::uint64_t total = std::accumulate(h.counts.begin(), h.counts.end(), std::uint64_t(0));
    QCOMPARE(total, std::uint64_t(2000));
    QCOMPARE(h.counts[0], std::uint64_t(200));
    // Past the sample size the histogram is built from a uniform sample and says so.
    o.sampleSize = 1024;
    auto s = profileCsv(path, o);
    QVERIFY(s);
    const Histogram& hs = s->columns[0].numeric->histogram;
    QVERIFY(hs.sampled);
    QCOMPARE(std::accumulate(hs.counts.begin(), hs.counts.end(), std::uint64_t(0)), std::uint64_t(1024));
    QCOMPARE(s->columns[0].count, std::uint64_t(2000));  // counts and statistics still cover every row
    QCOMPARE(s->columns[0].numeric->max, 99.0);
    // One value only: one bin.
    auto one = profileCsv(write("v\n5\n5\n"));
    QCOMPARE(one->columns[0].numeric->histogram.counts, std::vector<std::uint64_t>{2});
}

void TestDatasetProfile::topValuesAndNulls()
{
    std::string csv = "city,n\n";
    const char* cities[] = {"Paris", "Lyon", "Paris", "", "Nice", "Paris", "Lyon", "NA", "null", "Oslo"};
    for (const char* c : cities)
        csv += std::string(c) + ",1\n";
    ProfileOptions o;
    o.topValues = 2;
    auto p = profileCsv(write(csv), o);
    QVERIFY(p);
    const ColumnProfile& c = p->columns[0];
    QCOMPARE(c.nulls, std::uint64_t(3));
    QCOMPARE(c.count, std::uint64_t(7));
    QCOMPARE(c.distinct, std::uint64_t(4));
    QCOMPARE(c.top.size(), std::size_t(2));
    QCOMPARE(c.top[0].value, std::string("Paris"));
    QCOMPARE(c.top[0].count, std::uint64_t(3));
    QCOMPARE(c.top[1].value, std::string("Lyon"));
    QCOMPARE(c.otherCount, std::uint64_t(2));
    QVERIFY(!c.numeric);
    // Past the distinct limit the count is a lower bound, and flagged.
    std::string many = "id\n";
    for (int i = 0; i < 300; ++i)
        many += "k" + std::to_string(i) + "\n";
    ProfileOptions small;
    small.maxDistinct = 100;
    auto m = profileCsv(write(many), small);
    QCOMPARE(m->columns[0].distinct, std::uint64_t(100));
    QVERIFY(!m->columns[0].distinctExact);
    QCOMPARE(m->columns[0].count, std::uint64_t(300));
}

void TestDatasetProfile::deterministic()
{
    std::string csv = "v\n";
    for (int i = 0; i < 5000; ++i)
        csv += std::to_string((i * 7919) % 1000) + "\n";
    const std::string path = write(csv);
    ProfileOptions o;
    o.sampleSize = 1024;
    auto a = profileCsv(path, o), b = profileCsv(path, o);
    QVERIFY(a && b);
    QCOMPARE(profileToJson(*a).dump(), profileToJson(*b).dump());
}

void TestDatasetProfile::byteLimitTruncates()
{
    std::string csv = "a,b\n";
    for (int i = 0; i < 1000; ++i)
        csv += std::to_string(i) + ",x\n";
    ProfileOptions o;
    o.maxBytes = 100;
    auto p = profileCsv(write(csv), o);
    QVERIFY(p);
    QVERIFY(p->truncated);
    QVERIFY(p->rows < 1000 && p->rows > 10);
    QCOMPARE(p->columns[0].count, p->rows);
    o.maxBytes = 1 << 20;
    auto whole = profileCsv(write(csv), o);
    QVERIFY(!whole->truncated);
    QCOMPARE(whole->rows, std::uint64_t(1000));
}

void TestDatasetProfile::errorsNameFileAndLine_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray("") << "file is empty";
    QTest::newRow("ragged row") << QByteArray("a,b\n1,2\n3\n") << ":3: row has 1 fields, the header has 2";
    QTest::newRow("duplicate header") << QByteArray("a,a\n1,2\n") << ":1: column 'a' appears twice";
    QTest::newRow("open quote") << QByteArray("a\n\"x\n") << ":2:";
}

void TestDatasetProfile::errorsNameFileAndLine()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, message);
    const std::string path = write(csv.toStdString());
    auto p = profileCsv(path);
    QVERIFY(!p);
    QVERIFY2(p.message().find(path) != std::string::npos && p.message().find(message.toStdString()) != std::string::npos,
             p.message().c_str());
}

void TestDatasetProfile::jsonRoundTrip()
{
    auto p = profileCsv(write("a,b,c\n1,x,1.5\n2,y,inf\n,x,\n"));
    QVERIFY(p);
    const auto j = profileToJson(*p);
    auto back = profileFromJson(j);
    QVERIFY2(back, back.ok() ? "" : back.message().c_str());
    QCOMPARE(profileToJson(*back).dump(), j.dump());
    QCOMPARE(back->find("c")->numeric->infinite, std::uint64_t(1));
    QCOMPARE(back->find("a")->nulls, std::uint64_t(1));
    // A broken document is an error, not a crash.
    auto bad = profileFromJson(nlohmann::json{{"format", "csv"}});
    QVERIFY(!bad);
    nlohmann::json wrong = j;
    wrong["columns"][0]["histogram"]["edges"] = nlohmann::json::array({1.0});
    QVERIFY(!profileFromJson(wrong));
}

void TestDatasetProfile::storedPerHash()
{
    const std::filesystem::path db = m_dir.filePath("cairn.db").toStdString();
    auto store = Store::open(db, Store::Mode::ReadWrite);
    QVERIFY(store);
    QCOMPARE((*store)->schemaVersion(), schema::latestVersion());
    const std::string hash(64, 'a');
    auto none = (*store)->datasetProfile(hash);
    QVERIFY(none && !*none);
    auto p = profileCsv(write("a\n1\n2\n"));
    QVERIFY((*store)->addDatasetProfile(hash, *p));
    DatasetProfile other = *p;
    other.rows = 99;
    QVERIFY((*store)->addDatasetProfile(hash, other));  // the first one stays
    auto got = (*store)->datasetProfile(hash);
    QVERIFY(got && *got);
    QCOMPARE((*got)->rows, std::uint64_t(2));
    QCOMPARE((*got)->columns[0].numeric->max, 2.0);
}

void TestDatasetProfile::onlyCsvIsProfiled()
{
    QVERIFY(isProfilable("data/train.csv"));
    QVERIFY(isProfilable("DATA.CSV"));
    QVERIFY(!isProfilable("model.bin"));
    QVERIFY(!isProfilable("notes.csv.gz"));
}

QTEST_GUILESS_MAIN(TestDatasetProfile)
#include "tst_dataset_profile.moc"
