// Dataset profiles through the real binary (docs/artifacts.md): `cairn artifact add` profiles a
// CSV file and the CSV files of a folder, `show` prints them (text and JSON), a run's declared
// CSV input is profiled too, a malformed CSV is still added with a warning naming its line,
// --no-profile skips it, and the same content is profiled once.
#include "cli_harness.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

class TestArtifactProfiles : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void fileIsProfiled();
    void folderCsvFilesAreProfiled();
    void runInputIsProfiled();
    void badCsvWarnsAndStillAdds();
    void noProfileFlag();

private:
    QJsonArray profilesOf(const QString& ref);
    std::unique_ptr<CliHarness> m_h;
    QString m_dir;
};

void TestArtifactProfiles::initTestCase()
{
    m_h = std::make_unique<CliHarness>();
    QVERIFY(m_h->ok());
    m_dir = QFileInfo(m_h->project()).absolutePath();
    QByteArray csv = "id,age,city\n";
    for (int i = 0; i < 200; ++i)
        csv += QByteArray::number(i) + "," + QByteArray::number(20 + i % 50) + "," + (i % 4 == 0 ? "" : i % 2 ? "Paris" : "Lyon") + "\n";
    m_h->writeFile("people.csv", csv);
}

void TestArtifactProfiles::cleanupTestCase()
{
    if (m_h)
        m_h->cairn({"engine", "stop"});
}

QJsonArray TestArtifactProfiles::profilesOf(const QString& ref)
{
    CliResult r = m_h->cairn({"artifact", "show", ref, "--format", "json"});
    return QJsonDocument::fromJson(r.out).object().value("profiles").toArray();
}

void TestArtifactProfiles::fileIsProfiled()
{
    CliResult add = m_h->cairn({"artifact", "add", m_dir + "/people.csv"});
    QVERIFY2(add.exitCode == 0, add.err.constData());
    QVERIFY2(add.out.contains("profiled 1 CSV file"), add.out.constData());
    const QJsonArray profiles = profilesOf("people.csv");
    QCOMPARE(profiles.size(), 1);
    const QJsonObject p = profiles.at(0).toObject().value("profile").toObject();
    QCOMPARE(p.value("rows").toInt(), 200);
    const QJsonArray cols = p.value("columns").toArray();
    QCOMPARE(cols.size(), 3);
    const QJsonObject age = cols.at(1).toObject();
    QCOMPARE(age.value("type").toString(), QString("int"));
    QCOMPARE(age.value("min").toDouble(), 20.0);
    QCOMPARE(age.value("max").toDouble(), 69.0);
    QCOMPARE(age.value("histogram").toObject().value("counts").toArray().size(), 20);
    const QJsonObject city = cols.at(2).toObject();
    QCOMPARE(city.value("nulls").toInt(), 50);
    QCOMPARE(city.value("top").toArray().at(0).toObject().value("value").toString(), QString("Paris"));
    CliResult show = m_h->cairn({"artifact", "show", "people.csv"});
    QVERIFY2(show.out.contains("profile people.csv:1: 200 rows, 3 columns") && show.out.contains("Paris (100)"), show.out.constData());
}

void TestArtifactProfiles::folderCsvFilesAreProfiled()
{
    QVERIFY(QDir().mkpath(m_dir + "/data/sub"));
    m_h->writeFile("data/sub/a.csv", "x\n1\n2\n");
    m_h->writeFile("data/b.csv", "y,z\nq,1\n");
    m_h->writeFile("data/readme.txt", "not a table");
    CliResult add = m_h->cairn({"artifact", "add", m_dir + "/data"});
    QVERIFY2(add.exitCode == 0, add.err.constData());
    const QJsonArray profiles = profilesOf("data");
    QCOMPARE(profiles.size(), 2);
    QSet<QString> paths;
    for (const auto& p : profiles)
        paths.insert(p.toObject().value("path").toString());
    QCOMPARE(paths, (QSet<QString>{"sub/a.csv", "b.csv"}));
    CliResult show = m_h->cairn({"artifact", "show", "data"});
    QVERIFY2(show.out.contains("profile sub/a.csv: 2 rows, 1 column"), show.out.constData());
}

void TestArtifactProfiles::runInputIsProfiled()
{
    m_h->writeFile("in.csv", "k,v\na,1\nb,2\nc,3\n");
    CliResult r = m_h->cairn({"run", "--name", "reader", "--input", "in.csv", "--", "true"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonArray profiles = profilesOf("in.csv");
    QCOMPARE(profiles.size(), 1);
    QCOMPARE(profiles.at(0).toObject().value("profile").toObject().value("rows").toInt(), 3);
}

void TestArtifactProfiles::badCsvWarnsAndStillAdds()
{
    m_h->writeFile("ragged.csv", "a,b\n1,2\n3\n");
    CliResult add = m_h->cairn({"artifact", "add", m_dir + "/ragged.csv"});
    QCOMPARE(add.exitCode, 0);
    QVERIFY2(add.err.contains("no profile: " + m_dir.toUtf8() + "/ragged.csv:3: row has 1 fields, the header has 2"), add.err.constData());
    QCOMPARE(profilesOf("ragged.csv").size(), 0);
    CliResult show = m_h->cairn({"artifact", "show", "ragged.csv"});
    QCOMPARE(show.exitCode, 0);
}

void TestArtifactProfiles::noProfileFlag()
{
    m_h->writeFile("skip.csv", "a\n1\n");
    CliResult add = m_h->cairn({"artifact", "add", m_dir + "/skip.csv", "--no-profile"});
    QCOMPARE(add.exitCode, 0);
    QVERIFY(!add.out.contains("profiled"));
    QCOMPARE(profilesOf("skip.csv").size(), 0);
    // The same bytes under another name already have a profile: nothing is profiled again, and
    // the new version shows it.
    CliResult again = m_h->cairn({"artifact", "add", m_dir + "/people.csv", "--name", "people-copy", "--format", "json"});
    QCOMPARE(QJsonDocument::fromJson(again.out).object().value("profiled").toInt(), 1);
    QCOMPARE(profilesOf("people-copy").size(), 1);
}

QTEST_GUILESS_MAIN(TestArtifactProfiles)
#include "tst_artifact_profiles.moc"
