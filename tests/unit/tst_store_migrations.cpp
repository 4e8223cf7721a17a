// Forward migrations from every earlier schema version, and refusal of newer databases.
#include "engine/store/schema.h"
#include "engine/store/store.h"

#include <QCryptographicHash>
#include <QtTest>

#include <sqlite3.h>

using namespace cairn;

class TestStoreMigrations : public QObject {
    Q_OBJECT
private slots:
    void fromEveryVersion_data();
    void fromEveryVersion();
    void newerDatabaseIsRefusedUntouched();
    void notADatabase();
    void readOnlyDoesNotMigrate();

private:
    QTemporaryDir m_dir;
};

static void exec(sqlite3* db, const char* sql)
{
    char* err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK)
        qFatal("sql failed: %s: %s", sql, err);
}

// Data as a Cairn of that schema version would have written it.
static void seed(const std::string& path, int version)
{
    if (version < 1)
        return;
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    exec(db, "INSERT INTO experiments(id, name, created_ms) VALUES(1, 'old', 5)");
    exec(db, "INSERT INTO runs(seq, id, name, experiment_id, status, start_ms, command)"
             " VALUES(1, 'aaaa0000000000000000000000000000', 'legacy', 1, 'finished', 100, 'python old.py')");
    exec(db, "INSERT INTO params(run, key, value) VALUES(1, 'lr', '0.5')");
    exec(db, "INSERT INTO metric_keys(id, name) VALUES(1, 'loss')");
    exec(db, "INSERT INTO metric_points(run, key, step, ts_ms, value) VALUES"
             " (1,1,0,10,3.0),(1,1,1,11,2.0),(1,1,2,12,NULL),(1,1,1,13,0.5)");
    if (version >= 2)  // from version 2 on, Cairn keeps a summary per run and key as it writes
        exec(db, "INSERT INTO metric_summary VALUES(1, 1, 2, 12, NULL, 0.5, 3.0, 4)");
    if (version >= 3)
        exec(db, "INSERT INTO jobs(run, spec) VALUES(1, '{\"argv\":[\"python\",\"old.py\"]}')");
    sqlite3_close(db);
}

void TestStoreMigrations::fromEveryVersion_data()
{
    QTest::addColumn<int>("version");
    for (int v = 0; v < schema::latestVersion(); ++v)
        QTest::newRow(qPrintable(QString("from v%1").arg(v))) << v;
}

void TestStoreMigrations::fromEveryVersion()
{
    QFETCH(int, version);
    std::string path = (m_dir.path() + QString("/v%1.db").arg(version)).toStdString();
    QVERIFY(schema::createAtVersion(path, version));
    seed(path, version);

    auto store = Store::open(path, Store::Mode::ReadWrite);
    QVERIFY2(store, store.ok() ? "" : store.message().c_str());
    QCOMPARE((*store)->schemaVersion(), schema::latestVersion());
    auto runs = (*store)->runs();
    QVERIFY(runs);
    if (version == 0) {
        QVERIFY(runs->empty());
        return;
    }
    QCOMPARE(runs->size(), std::size_t(1));
    const RunSummary& rs = runs->front();
    QCOMPARE(rs.run.name, std::string("legacy"));
    QCOMPARE(rs.run.params.at("lr"), std::string("0.5"));
    // The summary backfilled by migration 2: last = highest step, NaN ignored by min/max.
    const MetricSummary& loss = rs.metrics.at("loss");
    QCOMPARE(loss.count, std::int64_t(4));
    QCOMPARE(loss.lastStep, std::int64_t(2));
    QVERIFY(std::isnan(loss.last));
    QCOMPARE(loss.min, 0.5);
    QCOMPARE(loss.max, 3.0);
    QCOMPARE((*store)->metrics(rs.run.id, "loss")->size(), std::size_t(4));
}

static QByteArray fileHash(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

void TestStoreMigrations::newerDatabaseIsRefusedUntouched()
{
    QString qpath = m_dir.path() + "/newer.db";
    std::string path = qpath.toStdString();
    QVERIFY(schema::createAtVersion(path, schema::latestVersion()));
    {
        sqlite3* db = nullptr;
        sqlite3_open(path.c_str(), &db);
        exec(db, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;");
        exec(db, qPrintable(QString("PRAGMA user_version = %1").arg(schema::latestVersion() + 7)));
        sqlite3_close(db);
    }
    QByteArray before = fileHash(qpath);
    QVERIFY(!before.isEmpty());
    for (auto mode : {Store::Mode::ReadWrite, Store::Mode::ReadOnly}) {
        auto store = Store::open(path, mode);
        QVERIFY(!store);
        QString msg = QString::fromStdString(store.message());
        QVERIFY2(msg.contains("newer Cairn") && msg.contains("not modified"), qPrintable(msg));
    }
    QCOMPARE(fileHash(qpath), before);
    QVERIFY(!QFile::exists(qpath + "-wal"));
}

void TestStoreMigrations::notADatabase()
{
    QString qpath = m_dir.path() + "/garbage.db";
    QFile f(qpath);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(4096, 'G'));
    f.close();
    auto store = Store::open(qpath.toStdString(), Store::Mode::ReadWrite);
    QVERIFY(!store);
    QVERIFY2(QString::fromStdString(store.message()).contains("not a Cairn database"), store.message().c_str());
    auto missing = Store::open((m_dir.path() + "/none.db").toStdString(), Store::Mode::ReadOnly);
    QVERIFY(!missing);
}

void TestStoreMigrations::readOnlyDoesNotMigrate()
{
    std::string path = (m_dir.path() + "/ro.db").toStdString();
    QVERIFY(schema::createAtVersion(path, 1));
    auto store = Store::open(path, Store::Mode::ReadOnly);
    QVERIFY(!store);
    QVERIFY(QString::fromStdString(store.message()).contains("needs upgrading"));
}

QTEST_APPLESS_MAIN(TestStoreMigrations)
#include "tst_store_migrations.moc"
