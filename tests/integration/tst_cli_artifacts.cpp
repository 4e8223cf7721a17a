// `cairn artifact` through the real binary: add (the engine records the version), list, show,
// get, verify after corrupting one byte, gc, and the errors a user sees.
#include "cli_harness.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

class TestCliArtifacts : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void addListShow();
    void getRestoresTree();
    void verifyNamesCorruptedObject();
    void gcRemovesOnlyUnreferenced();
    void errors();

private:
    QString object(const QString& hash) const { return m_h->project() + "/artifacts/" + hash.left(2) + "/" + hash.mid(2); }
    QJsonObject addJson(const QStringList& args);
    std::unique_ptr<CliHarness> m_h;
    QString m_data;
};

static QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

QJsonObject TestCliArtifacts::addJson(const QStringList& args)
{
    CliResult r = m_h->cairn(QStringList{"artifact", "add", "--format", "json"} + args);
    if (r.exitCode != 0)
        qWarning("%s", r.err.constData());
    return QJsonDocument::fromJson(r.out).object();
}

void TestCliArtifacts::initTestCase()
{
    m_h = std::make_unique<CliHarness>();
    QVERIFY(m_h->ok());
    m_data = QFileInfo(m_h->project()).path() + "/data";
    QDir().mkpath(m_data + "/train");
    QDir().mkpath(m_data + "/empty");
    m_h->writeFile("data/train/x.csv", "a,b\n1,2\n");
    m_h->writeFile("data/train/y.csv", "a,b\n1,2\n");
    m_h->writeFile("data/ünïcødé.txt", QByteArray(300000, 'u'));
    m_h->writeFile("model.bin", QByteArray(2 << 20, 'm'));
}

void TestCliArtifacts::cleanupTestCase()
{
    if (m_h)
        m_h->cairn({"engine", "stop"});
}

void TestCliArtifacts::addListShow()
{
    QJsonObject a = addJson({m_data});
    QCOMPARE(a["name"].toString(), QString("data"));
    QCOMPARE(a["version"].toInt(), 1);
    QCOMPARE(a["type"].toString(), QString("dataset"));
    QCOMPARE(a["kind"].toString(), QString("directory"));
    QCOMPARE(a["files"].toInt(), 3);
    QCOMPARE(a["objects_added"].toInt(), 3);  // x.csv and y.csv are one object, plus the manifest
    QVERIFY(a["new_version"].toBool());
    QVERIFY(QFile::exists(object(a["hash"].toString())));

    // Text output: hash, size, files, new or already stored, MB/s.
    CliResult again = m_h->cairn({"artifact", "add", m_data});
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.out.contains("unchanged data:1") && again.out.contains("already stored") && again.out.contains("MB/s")
                 && again.out.contains(a["hash"].toString().toUtf8()),
             again.out.constData());

    m_h->writeFile("data/train/y.csv", "a,b\n1,3\n");
    QJsonObject b = addJson({m_data});
    QCOMPARE(b["version"].toInt(), 2);
    QCOMPARE(b["objects_added"].toInt(), 2);

    QJsonObject m = addJson({QFileInfo(m_h->project()).path() + "/model.bin", "--name", "clf", "--type", "model"});
    QCOMPARE(m["type"].toString(), QString("model"));
    QCOMPARE(m["size"].toInt(), 2 << 20);

    CliResult list = m_h->cairn({"artifact", "list", "--format", "json"});
    QCOMPARE(list.exitCode, 0);
    QJsonArray rows = QJsonDocument::fromJson(list.out).array();
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[0].toObject()["name"].toString(), QString("clf"));
    QCOMPARE(rows[1].toObject()["version"].toInt(), 2);
    QCOMPARE(rows[1].toObject()["versions"].toInt(), 2);
    CliResult all = m_h->cairn({"artifact", "list", "--all"});
    QCOMPARE(all.out.count('\n'), 4);  // header and three versions

    CliResult show = m_h->cairn({"artifact", "show", "data:1"});
    QCOMPARE(show.exitCode, 0);
    QVERIFY2(show.out.contains(a["hash"].toString().toUtf8()) && show.out.contains("3 files")
                 && show.out.contains("train/x.csv") && show.out.contains("ünïcødé.txt") && show.out.contains("empty/"),
             show.out.constData());
    CliResult byHash = m_h->cairn({"artifact", "show", m["hash"].toString().left(10), "--format", "json"});
    QCOMPARE(QJsonDocument::fromJson(byHash.out).object()["name"].toString(), QString("clf"));
}

void TestCliArtifacts::getRestoresTree()
{
    const QString dest = QFileInfo(m_h->project()).path() + "/restored";
    CliResult r = m_h->cairn({"artifact", "get", "data", dest});
    QCOMPARE(r.exitCode, 0);
    QDirIterator it(m_data, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    int n = 0;
    while (it.hasNext()) {
        const QString p = it.next();
        const QString rel = QDir(m_data).relativeFilePath(p);
        QVERIFY2(QFileInfo::exists(dest + "/" + rel), qPrintable(rel));
        if (QFileInfo(p).isFile())
            QCOMPARE(readAll(dest + "/" + rel), readAll(p));
        ++n;
    }
    QCOMPARE(n, 5);  // train, train/x.csv, train/y.csv, empty, the unicode file
    QVERIFY(QFileInfo(dest + "/empty").isDir());
    // The older version has the older y.csv; an existing destination is refused.
    QCOMPARE(m_h->cairn({"artifact", "get", "data:1", dest + "1"}).exitCode, 0);
    QCOMPARE(readAll(dest + "1/train/y.csv"), QByteArray("a,b\n1,2\n"));
    CliResult exists = m_h->cairn({"artifact", "get", "data", dest});
    QCOMPARE(exists.exitCode, 2);
    QVERIFY(exists.err.contains("already exists"));
    QCOMPARE(m_h->cairn({"artifact", "get", "clf", dest + ".bin"}).exitCode, 0);
    QCOMPARE(readAll(dest + ".bin"), QByteArray(2 << 20, 'm'));
}

void TestCliArtifacts::verifyNamesCorruptedObject()
{
    CliResult ok = m_h->cairn({"artifact", "verify"});
    QCOMPARE(ok.exitCode, 0);
    QVERIFY2(ok.out.startsWith("ok: "), ok.out.constData());
    // Flip one byte of the model's object.
    const QString hash = QJsonDocument::fromJson(m_h->cairn({"artifact", "show", "clf", "--format", "json"}).out)
                             .object()["hash"].toString();
    QFile f(object(hash));
    QVERIFY(f.setPermissions(f.permissions() | QFileDevice::WriteOwner));
    QVERIFY(f.open(QIODevice::ReadWrite));
    f.seek(123456);
    f.write("M");
    f.close();
    CliResult bad = m_h->cairn({"artifact", "verify"});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.err.contains("corrupted " + hash.toUtf8()) && bad.err.contains("clf:1"), bad.err.constData());
    QCOMPARE(bad.err.count("corrupted "), 1);
    CliResult one = m_h->cairn({"artifact", "verify", "clf"});
    QCOMPARE(one.exitCode, 1);
    CliResult other = m_h->cairn({"artifact", "verify", "data:2"});
    QCOMPARE(other.exitCode, 0);
    CliResult get = m_h->cairn({"artifact", "get", "clf", QFileInfo(m_h->project()).path() + "/bad.bin"});
    QCOMPARE(get.exitCode, 1);
    QVERIFY(get.err.contains("corrupted"));
    QVERIFY(!QFile::exists(QFileInfo(m_h->project()).path() + "/bad.bin"));
    // Put it back for the tests that follow.
    QVERIFY(f.open(QIODevice::ReadWrite));
    f.seek(123456);
    f.write("m");
    f.close();
    QCOMPARE(m_h->cairn({"artifact", "verify"}).exitCode, 0);
}

void TestCliArtifacts::gcRemovesOnlyUnreferenced()
{
    // An object no version names: what a failed or interrupted add leaves.
    QDir().mkpath(m_h->project() + "/artifacts/00");
    const QString stray = m_h->project() + "/artifacts/00/" + QString(62, 'a');
    QFile f(stray);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("orphan");
    f.close();
    CliResult dry = m_h->cairn({"artifact", "gc", "--dry-run"});
    QCOMPARE(dry.exitCode, 0);
    QVERIFY2(dry.out.contains("would remove 00" + QByteArray(62, 'a')) && dry.out.contains("would remove 1 unreferenced"),
             dry.out.constData());
    QVERIFY(QFile::exists(stray));
    CliResult gc = m_h->cairn({"artifact", "gc"});
    QCOMPARE(gc.exitCode, 0);
    QVERIFY2(gc.out.contains("removed 1 unreferenced object (6 B, 6 bytes)"), gc.out.constData());
    QVERIFY(!QFile::exists(stray));
    QCOMPARE(m_h->cairn({"artifact", "verify"}).exitCode, 0);
    const QString dest = QFileInfo(m_h->project()).path() + "/after-gc";
    QCOMPARE(m_h->cairn({"artifact", "get", "data:1", dest}).exitCode, 0);
}

void TestCliArtifacts::errors()
{
    CliResult missing = m_h->cairn({"artifact", "add", "/nonexistent/file"});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains("'/nonexistent/file': no such file or directory"), missing.err.constData());
    CliResult typo = m_h->cairn({"artifact", "show", "dat"});
    QCOMPARE(typo.exitCode, 2);
    QVERIFY2(typo.err.contains("did you mean 'data'"), typo.err.constData());
    CliResult version = m_h->cairn({"artifact", "get", "data:9", "x"});
    QCOMPARE(version.exitCode, 2);
    QVERIFY2(version.err.contains("has no version 9"), version.err.constData());
    CliResult clash = m_h->cairn({"artifact", "add", m_data, "--type", "model"});
    QCOMPARE(clash.exitCode, 2);
    QVERIFY2(clash.err.contains("is a dataset, not a model"), clash.err.constData());
    CliResult sub = m_h->cairn({"artifact", "lsit"});
    QCOMPARE(sub.exitCode, 2);
    QVERIFY(sub.err.contains("did you mean 'list'"));
    const QString loop = QFileInfo(m_h->project()).path() + "/loop";
    QVERIFY(QFile::link(loop, loop));
    CliResult l = m_h->cairn({"artifact", "add", loop});
    QCOMPARE(l.exitCode, 2);
    QVERIFY2(l.err.contains("symbolic link loop"), l.err.constData());
}

QTEST_GUILESS_MAIN(TestCliArtifacts)
#include "tst_cli_artifacts.moc"
