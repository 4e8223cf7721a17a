// `cairn reproduce` through the real binary (docs/lineage.md): inputs come back from the store
// byte for byte, the command runs again through the engine as a new run tagged
// cairn.reproduces with the same params, and the report names what differs (environment,
// metrics, output hashes); conflicting files are refused unless --force; --workdir restores
// elsewhere; exit codes 0/1/2.
#include "cli_harness.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

class TestReproduce : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void deterministicRunReproducesExactly();
    void differencesAreReported();
    void conflictingInputRefusedUnlessForce();
    void workdirRestoresElsewhere();
    void environmentDifferences();
    void badInput();
    void submitAndPipelineRecordLineage();

private:
    QString runId(const CliResult& r);
    QJsonObject comparison(const CliResult& r);
    QString file(const QString& name) const { return m_dir + "/" + name; }
    static QByteArray readAll(const QString& path);
    std::unique_ptr<CliHarness> m_h;
    QString m_dir;
};

QByteArray TestReproduce::readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

QString TestReproduce::runId(const CliResult& r)
{
    QRegularExpression re("cairn: run ([0-9a-f]{8}) ");
    auto m = re.match(QString::fromUtf8(r.err));
    if (!m.hasMatch())
        return {};
    CliResult show = m_h->cairn({"show", m.captured(1), "--format", "json"});
    return QJsonDocument::fromJson(show.out).object().value("id").toString();
}

QJsonObject TestReproduce::comparison(const CliResult& r)
{
    return QJsonDocument::fromJson(r.out).object().value("comparison").toObject();
}

void TestReproduce::initTestCase()
{
    m_h = std::make_unique<CliHarness>();
    QVERIFY(m_h->ok());
    m_dir = QFileInfo(m_h->project()).absolutePath();
}

void TestReproduce::cleanupTestCase()
{
    if (m_h)
        m_h->cairn({"engine", "stop"});
}

void TestReproduce::deterministicRunReproducesExactly()
{
    m_h->writeFile("data.csv", "x,y\n1,2\n3,4\n");
    CliResult a = m_h->cairn({"run", "--name", "train", "--param", "lr=0.1", "--tag", "team=vision", "--input", "data.csv",
                              "--output", "model.bin", "--", "sh", "-c",
                              "cat data.csv data.csv > model.bin; echo cairn:metric step=1 loss=0.5; echo cairn:metric step=2 loss=0.25"});
    QVERIFY2(a.exitCode == 0, a.err.constData());
    const QString original = runId(a);
    QVERIFY(!original.isEmpty());
    QVERIFY(QFile::remove(file("data.csv")));
    QVERIFY(QFile::remove(file("model.bin")));

    CliResult r = m_h->cairn({"reproduce", "train"});
    QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());
    QCOMPARE(readAll(file("data.csv")), QByteArray("x,y\n1,2\n3,4\n"));  // back from the store
    QCOMPARE(readAll(file("model.bin")), QByteArray("x,y\n1,2\n3,4\nx,y\n1,2\n3,4\n"));
    QVERIFY2(r.err.contains("input data.csv:1 restored to " + file("data.csv").toUtf8()), r.err.constData());
    QVERIFY2(r.out.contains("results: the same"), r.out.constData());
    QVERIFY2(r.out.contains("params: all 1 the same") && r.out.contains("outputs (content hashes): all 1 the same"), r.out.constData());

    const cairn::Run repro = m_h->newestRun();
    QCOMPARE(QString::fromStdString(repro.tags.at("cairn.reproduces")), original);
    QCOMPARE(repro.tags.at("team"), std::string("vision"));
    QCOMPARE(repro.params.at("lr"), std::string("0.1"));
    QCOMPARE(repro.name, std::string("train-repro"));
    QVERIFY(repro.status == cairn::RunStatus::Finished);
    // The new run is in the lineage graph: it read data.csv:1 and wrote model.bin:1 again.
    CliResult down = m_h->cairn({"lineage", "data.csv", "--downstream", "--depth", "1"});
    QVERIFY2(down.out.contains("run train-repro"), down.out.constData());
    CliResult list = m_h->cairn({"artifact", "list", "--all", "--format", "json"});
    QCOMPARE(QJsonDocument::fromJson(list.out).array().size(), 2);  // no new versions: same content

    // Everything is in place now: a second reproduction restores nothing.
    CliResult again = m_h->cairn({"reproduce", original, "--format", "json", "--strict", "--quiet"});
    QVERIFY2(again.exitCode == 0, again.err.constData());
    const QJsonObject j = QJsonDocument::fromJson(again.out).object();
    QCOMPARE(j.value("original").toString(), original);
    QCOMPARE(j.value("inputs").toArray().at(0).toObject().value("state").toString(), QString("in place"));
    QVERIFY(comparison(again).value("results_identical").toBool());
    QCOMPARE(comparison(again).value("metrics").toObject().value("same").toInt(), 1);
}

void TestReproduce::differencesAreReported()
{
    // The output and the metric depend on the run's id, so no two runs agree.
    CliResult a = m_h->cairn({"run", "--name", "noisy", "--output", "noise.txt", "--", "sh", "-c",
                              "echo $CAIRN_RUN_ID > noise.txt; echo cairn:metric acc=0.$(echo $CAIRN_RUN_ID | tr -dc 1-9 | cut -c1-6)"});
    QVERIFY2(a.exitCode == 0, a.err.constData());
    CliResult r = m_h->cairn({"reproduce", "noisy", "--quiet"});
    QVERIFY2(r.exitCode == 0, r.err.constData());  // it ran and ended as the original did
    QVERIFY2(r.out.contains("metrics (last values): 1 differs") && r.out.contains("outputs (content hashes): 1 differs")
                 && r.out.contains("results: they differ"),
             r.out.constData());
    QVERIFY(r.out.contains("noise.txt"));
    CliResult strict = m_h->cairn({"reproduce", "noisy", "--strict", "--format", "json", "--quiet"});
    QCOMPARE(strict.exitCode, 1);
    const QJsonArray metrics = comparison(strict).value("metrics").toObject().value("differ").toArray();
    QCOMPARE(metrics.size(), 1);
    QCOMPARE(metrics.at(0).toObject().value("field").toString(), QString("acc"));

    // A run that fails differently from its original exits 1.
    m_h->writeFile("flag", "0");
    CliResult ok = m_h->cairn({"run", "--name", "flaky", "--", "sh", "-c", "exit $(cat flag)"});
    QCOMPARE(ok.exitCode, 0);
    m_h->writeFile("flag", "4");
    CliResult failed = m_h->cairn({"reproduce", "flaky", "--quiet"});
    QCOMPARE(failed.exitCode, 1);
    QVERIFY2(failed.out.contains("exit_code") && failed.out.contains("failed"), failed.out.constData());

    // An output the reproduction does not write again is not taken for a reproduced one.
    m_h->writeFile("flag2", "write");
    CliResult once = m_h->cairn({"run", "--name", "once", "--output", "once.txt", "--", "sh", "-c",
                                 "if [ \"$(cat flag2)\" = write ]; then echo hello > once.txt; fi"});
    QCOMPARE(once.exitCode, 0);
    m_h->writeFile("flag2", "skip");
    CliResult stale = m_h->cairn({"reproduce", "once", "--quiet", "--format", "json"});
    QCOMPARE(stale.exitCode, 0);
    const QJsonArray outs = comparison(stale).value("outputs").toObject().value("differ").toArray();
    QCOMPARE(outs.size(), 1);
    QCOMPARE(outs.at(0).toObject().value("note").toString(), QString("not rewritten by the reproduction"));
    QVERIFY(!comparison(stale).value("results_identical").toBool());

    // --diff compares two existing runs and runs nothing.
    const int runsBefore = static_cast<int>(m_h->store()->runs()->size());
    CliResult diff = m_h->cairn({"reproduce", "noisy", "--diff", "train"});
    QCOMPARE(diff.exitCode, 0);
    QVERIFY2(diff.out.contains("params:") && diff.out.contains("lr"), diff.out.constData());
    QCOMPARE(static_cast<int>(m_h->store()->runs()->size()), runsBefore);
}

void TestReproduce::conflictingInputRefusedUnlessForce()
{
    m_h->writeFile("conf.csv", "a\n1\n");
    CliResult a = m_h->cairn({"run", "--name", "conf", "--input", "conf.csv", "--", "sh", "-c", "wc -l < conf.csv > lines.txt"});
    QVERIFY2(a.exitCode == 0, a.err.constData());
    m_h->writeFile("conf.csv", "a\n1\n2\n");  // edited since
    const int runsBefore = static_cast<int>(m_h->store()->runs()->size());
    CliResult refused = m_h->cairn({"reproduce", "conf"});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("conf.csv' holds other content than conf.csv:1") && refused.err.contains("--force"),
             refused.err.constData());
    QCOMPARE(readAll(file("conf.csv")), QByteArray("a\n1\n2\n"));  // untouched
    QCOMPARE(static_cast<int>(m_h->store()->runs()->size()), runsBefore);

    CliResult forced = m_h->cairn({"reproduce", "conf", "--force", "--quiet"});
    QVERIFY2(forced.exitCode == 0, forced.err.constData());
    QVERIFY2(forced.err.contains("input conf.csv:1 replaced"), forced.err.constData());
    QCOMPARE(readAll(file("conf.csv")), QByteArray("a\n1\n"));
    QCOMPARE(readAll(file("lines.txt")).trimmed(), QByteArray("2"));

    // A directory input comes back whole, over a changed one.
    QVERIFY(QDir().mkpath(file("tree/sub")));
    m_h->writeFile("tree/sub/a.txt", "A");
    m_h->writeFile("tree/b.txt", "B");
    CliResult d = m_h->cairn({"run", "--name", "dirrun", "--input", "tree", "--", "sh", "-c", "cat tree/sub/a.txt tree/b.txt"});
    QVERIFY2(d.exitCode == 0, d.err.constData());
    m_h->writeFile("tree/extra.txt", "new");
    QVERIFY(QFile::remove(file("tree/b.txt")));
    CliResult dir = m_h->cairn({"reproduce", "dirrun", "--force", "--quiet"});
    QVERIFY2(dir.exitCode == 0, dir.err.constData());
    QCOMPARE(readAll(file("tree/b.txt")), QByteArray("B"));
    QVERIFY(!QFile::exists(file("tree/extra.txt")));
    QCOMPARE(QDir(m_dir).entryList({".cairn-*"}, QDir::AllEntries | QDir::Hidden).size(), 0);  // nothing left beside
}

void TestReproduce::workdirRestoresElsewhere()
{
    m_h->writeFile("wd.csv", "w\n");
    CliResult a = m_h->cairn({"run", "--name", "wd", "--input", "wd.csv", "--output", "wd.out", "--", "sh", "-c", "cp wd.csv wd.out"});
    QVERIFY2(a.exitCode == 0, a.err.constData());
    m_h->writeFile("wd.csv", "changed\n");
    const QString elsewhere = m_dir + "/elsewhere";
    CliResult r = m_h->cairn({"reproduce", "wd", "--workdir", elsewhere, "--quiet", "--format", "json"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(readAll(elsewhere + "/wd.csv"), QByteArray("w\n"));
    QCOMPARE(readAll(elsewhere + "/wd.out"), QByteArray("w\n"));
    QCOMPARE(readAll(file("wd.csv")), QByteArray("changed\n"));  // the original place is left alone
    QVERIFY(comparison(r).value("results_identical").toBool());
    // cwd differs, as it should.
    bool cwd = false;
    for (const auto& f : comparison(r).value("environment").toObject().value("differ").toArray())
        cwd |= f.toObject().value("field").toString() == "cwd";
    QVERIFY(cwd);
}

void TestReproduce::environmentDifferences()
{
    // The original saw a (fake) GPU and a git commit; the reproduction sees another commit and no GPU.
    const QString repo = m_dir + "/repo";
    QVERIFY(QDir().mkpath(repo));
    auto git = [&](const QStringList& args) {
        QProcess p;
        p.setWorkingDirectory(repo);
        p.start("git", QStringList{"-c", "user.name=t", "-c", "user.email=t@example.com"} + args);
        p.waitForFinished(30000);
        return p.exitCode() == 0;
    };
    QVERIFY(git({"init", "-q"}));
    QFile f(repo + "/train.sh");
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("echo cairn:metric loss=1\n");
    f.close();
    QVERIFY(git({"add", "train.sh"}));
    QVERIFY(git({"commit", "-q", "-m", "one"}));
    QProcess p;
    p.setWorkingDirectory(repo);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("CAIRN_NVML_LIBRARY", FAKE_NVML_PATH);
    p.setProcessEnvironment(env);
    p.start(CAIRN_BIN, {"--project", m_h->project(), "run", "--name", "gitrun", "--", "sh", "train.sh"});
    QVERIFY(p.waitForFinished(120000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    const cairn::Run original = m_h->newestRun();
    const QJsonObject gpu = QJsonDocument::fromJson(m_h->runFile(original.id, "env.json")).object().value("gpu").toObject();
    QCOMPARE(gpu.value("driver").toString(), QString("999.99.99-fake"));
    QCOMPARE(gpu.value("cuda").toString(), QString("12.4"));
    QVERIFY(gpu.value("devices").toArray().size() >= 1);
    CliResult show = m_h->cairn({"show", QString::fromStdString(original.id)});
    QVERIFY2(show.out.contains("gpu.driver") && show.out.contains("999.99.99-fake"), show.out.constData());

    QVERIFY(f.open(QIODevice::Append));
    f.write("# two\n");
    f.close();
    QVERIFY(git({"commit", "-q", "-am", "two"}));
    CliResult r = m_h->cairn({"reproduce", "gitrun", "--quiet", "--format", "json"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QSet<QString> fields;
    for (const auto& d : comparison(r).value("environment").toObject().value("differ").toArray())
        fields.insert(d.toObject().value("field").toString());
    QVERIFY2(fields.contains("git.commit") && fields.contains("gpu.driver") && !fields.contains("os.release"),
             QJsonDocument(comparison(r)).toJson().constData());
    QVERIFY(comparison(r).value("results_identical").toBool());
}

void TestReproduce::badInput()
{
    CliResult unknown = m_h->cairn({"reproduce", "no-such-run"});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains("no-such-run"), unknown.err.constData());
    CliResult noArg = m_h->cairn({"reproduce"});
    QCOMPARE(noArg.exitCode, 2);
    CliResult help = m_h->cairn({"reproduce", "--help"});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("--workdir") && help.out.contains("--force"));
    // A still-running run is refused.
    auto running = m_h->start({"run", "--name", "sleeper", "--", "sleep", "30"});
    QTRY_VERIFY_WITH_TIMEOUT(m_h->cairn({"show", "sleeper"}).out.contains("running"), 60000);
    CliResult busy = m_h->cairn({"reproduce", "sleeper"});
    QCOMPARE(busy.exitCode, 2);
    QVERIFY2(busy.err.contains("is running"), busy.err.constData());
    m_h->cairn({"cancel", "sleeper"});
    running->waitForFinished(60000);
}

void TestReproduce::submitAndPipelineRecordLineage()
{
    // `cairn submit --input/--output`: the job's supervisor records them.
    m_h->writeFile("sub.csv", "s\n");
    CliResult sub = m_h->cairn({"submit", "--name", "queued", "--workdir", m_dir, "--input", "sub.csv", "--output", "sub.out", "--",
                                "sh", "-c", "cp sub.csv sub.out"});
    QVERIFY2(sub.exitCode == 0, sub.err.constData());
    const QString id = QString::fromUtf8(sub.out.trimmed());
    QCOMPARE(m_h->cairn({"wait", id}).exitCode, 0);
    CliResult up = m_h->cairn({"lineage", "sub.out", "--upstream"});
    QVERIFY2(up.exitCode == 0 && up.out.contains("run queued") && up.out.contains("sub.csv:1"), (up.out + up.err).constData());
    // Its reproduction needs nothing restored and gives the same output.
    QVERIFY(QFile::remove(file("sub.out")));
    CliResult r = m_h->cairn({"reproduce", id, "--quiet", "--strict"});
    QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());

    // A pipeline stage's deps and outs become its run's inputs and outputs.
    QVERIFY(QDir().mkpath(m_h->project() + "/pipelines"));
    QFile spec(m_h->project() + "/pipelines/p.yaml");
    QVERIFY(spec.open(QIODevice::WriteOnly));
    spec.write("stages:\n  prep:\n    cmd: cp raw.txt prepared.txt\n    deps: [raw.txt]\n    outs: [prepared.txt]\n");
    spec.close();
    QFile raw(m_h->project() + "/raw.txt");
    QVERIFY(raw.open(QIODevice::WriteOnly));
    raw.write("raw\n");
    raw.close();
    CliResult pr = m_h->cairn({"pipeline", "run", m_h->project() + "/pipelines/p.yaml"});
    QVERIFY2(pr.exitCode == 0, (pr.out + pr.err).constData());
    CliResult stage = m_h->cairn({"lineage", "prepared.txt", "--upstream"});
    QVERIFY2(stage.exitCode == 0 && stage.out.contains("raw.txt:1") && stage.out.contains("run p.prep"), (stage.out + stage.err).constData());
}

QTEST_GUILESS_MAIN(TestReproduce)
#include "tst_reproduce.moc"
