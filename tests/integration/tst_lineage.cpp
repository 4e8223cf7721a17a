// Lineage and environment capture through the real binary (docs/lineage.md): runs declare
// inputs and outputs (--input/--output, cairn: lines, the JSONL channel), `cairn lineage`
// walks the graph both ways in text, dot and JSON, and each run's env.json records git,
// OS, CPU and allowed env vars, never a secret.
#include "cli_harness.h"

#include <QDir>
#include <QDirIterator>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

class TestLineage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void chainUpstreamDownstream();
    void depthLimits();
    void dotAndJson();
    void sameContentIsOneVersion();
    void unknownReference();
    void malformedDeclaration();
    void secretsNeverStored();
    void gitCapture();

private:
    QJsonObject envOf(const QString& runId);
    QString runId(const CliResult& r);
    std::unique_ptr<CliHarness> m_h;
    QString m_dir;
};

static QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString TestLineage::runId(const CliResult& r)
{
    // "cairn: run 3fa2c1d4 finished ..."
    QRegularExpression re("cairn: run ([0-9a-f]{8}) ");
    auto m = re.match(QString::fromUtf8(r.err));
    if (!m.hasMatch())
        return {};
    CliResult show = m_h->cairn({"show", m.captured(1), "--format", "json"});
    return QJsonDocument::fromJson(show.out).object().value("id").toString();
}

QJsonObject TestLineage::envOf(const QString& id)
{
    return QJsonDocument::fromJson(readAll(m_h->project() + "/runs/" + id + "/env.json")).object();
}

void TestLineage::initTestCase()
{
    m_h = std::make_unique<CliHarness>();
    QVERIFY(m_h->ok());
    m_dir = QFileInfo(m_h->project()).absolutePath();
    m_h->writeFile("data.csv", "x,y\n1,2\n3,4\n");
    // A: prepare, reads data.csv (--input), writes features.csv (a cairn:output line).
    CliResult a = m_h->cairn({"run", "--name", "prepare", "--input", "data.csv", "--", "sh", "-c",
                              "sed 's/y/z/' data.csv > features.csv; echo cairn:output path=features.csv"});
    QVERIFY2(a.exitCode == 0, a.err.constData());
    QVERIFY2(a.err.contains("input data.csv:1"), a.err.constData());
    QVERIFY2(a.err.contains("output features.csv:1"), a.err.constData());
    // B: train, reads features.csv (cairn:input), writes model.bin (the JSONL channel).
    CliResult b = m_h->cairn({"run", "--name", "train", "--", "sh", "-c",
                              "echo cairn:input path=features.csv; cat features.csv features.csv > model.bin; "
                              "echo '{\"output\": {\"path\": \"model.bin\", \"type\": \"model\"}}' >> \"$CAIRN_METRICS_FILE\""});
    QVERIFY2(b.exitCode == 0, b.err.constData());
    QVERIFY2(b.err.contains("output model.bin:1"), b.err.constData());
}

void TestLineage::cleanupTestCase()
{
    if (m_h)
        m_h->cairn({"engine", "stop"});
}

void TestLineage::chainUpstreamDownstream()
{
    CliResult up = m_h->cairn({"lineage", "model.bin", "--upstream"});
    QVERIFY2(up.exitCode == 0, up.err.constData());
    const QString t = QString::fromUtf8(up.out);
    const int model = t.indexOf("model.bin:1"), train = t.indexOf("run train"), features = t.indexOf("features.csv:1"),
              prepare = t.indexOf("run prepare"), data = t.indexOf("data.csv:1");
    QVERIFY2(model == 0 && model < train && train < features && features < prepare && prepare < data, qPrintable(t));
    QVERIFY(t.contains("(model, "));

    CliResult down = m_h->cairn({"lineage", "data.csv", "--downstream"});
    QVERIFY2(down.exitCode == 0, down.err.constData());
    const QString d = QString::fromUtf8(down.out);
    QVERIFY2(d.indexOf("run prepare") < d.indexOf("features.csv:1") && d.indexOf("run train") < d.indexOf("model.bin:1")
                 && d.contains("model.bin:1"),
             qPrintable(d));
    QVERIFY(!d.contains("<-"));

    // From a run, both ways by default.
    CliResult both = m_h->cairn({"lineage", "train"});
    QVERIFY2(both.exitCode == 0, both.err.constData());
    QVERIFY(both.out.contains("upstream:") && both.out.contains("downstream:") && both.out.contains("data.csv:1")
            && both.out.contains("model.bin:1"));

    // cairn show lists the run's artifacts.
    CliResult show = m_h->cairn({"show", "train"});
    QVERIFY2(show.out.contains("input   features.csv:1") && show.out.contains("output  model.bin:1"), show.out.constData());
}

void TestLineage::depthLimits()
{
    CliResult one = m_h->cairn({"lineage", "model.bin", "--upstream", "--depth", "1"});
    QVERIFY2(one.exitCode == 0, one.err.constData());
    QVERIFY(one.out.contains("run train"));
    QVERIFY(!one.out.contains("features.csv"));
    CliResult two = m_h->cairn({"lineage", "model.bin", "--upstream", "--depth", "2", "--format", "json"});
    QCOMPARE(QJsonDocument::fromJson(two.out).object().value("nodes").toArray().size(), 3);
    CliResult bad = m_h->cairn({"lineage", "model.bin", "--depth", "x"});
    QCOMPARE(bad.exitCode, 2);
}

void TestLineage::dotAndJson()
{
    CliResult j = m_h->cairn({"lineage", "model.bin:1", "--upstream", "--format", "json"});
    QVERIFY2(j.exitCode == 0, j.err.constData());
    QJsonParseError error;
    QJsonObject o = QJsonDocument::fromJson(j.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(o.value("root").toString(), QString("model.bin:1"));
    const QJsonArray nodes = o.value("nodes").toArray(), edges = o.value("edges").toArray();
    QCOMPARE(nodes.size(), 5);
    QCOMPARE(edges.size(), 4);
    QSet<QString> ids;
    for (const auto& n : nodes)
        ids.insert(n.toObject().value("id").toString());
    for (const auto& e : edges) {
        QVERIFY(ids.contains(e.toObject().value("from").toString()));
        QVERIFY(ids.contains(e.toObject().value("to").toString()));
    }
    bool sawInput = false;
    for (const auto& e : edges)
        if (e.toObject().value("from").toString() == "features.csv:1") {
            QCOMPARE(e.toObject().value("direction").toString(), QString("input"));
            sawInput = true;
        }
    QVERIFY(sawInput);

    CliResult d = m_h->cairn({"lineage", "model.bin", "--format", "dot"});
    QVERIFY2(d.exitCode == 0, d.err.constData());
    QVERIFY(d.out.startsWith("digraph lineage {"));
    QCOMPARE(d.out.count("->"), 4);
    QCOMPARE(d.out.count('{'), d.out.count('}'));
    if (!QStandardPaths::findExecutable("dot").isEmpty()) {  // Graphviz itself accepts it
        QProcess dot;
        dot.start("dot", {"-Tsvg"});
        dot.write(d.out);
        dot.closeWriteChannel();
        QVERIFY(dot.waitForFinished(30000));
        QVERIFY2(dot.exitCode() == 0, dot.readAllStandardError().constData());
        QVERIFY(dot.readAllStandardOutput().contains("<svg"));
    }
}

void TestLineage::sameContentIsOneVersion()
{
    auto objects = [&] {
        int n = 0;
        QDirIterator it(m_h->project() + "/artifacts", QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            if (!it.filePath().contains("/tmp/") && !it.fileName().startsWith("."))
                ++n;
        }
        return n;
    };
    const int before = objects();
    CliResult again = m_h->cairn({"run", "--name", "again", "--input", "data.csv", "--", "sh", "-c",
                                  "echo cairn:input path=data.csv name=data.csv"});
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QCOMPARE(objects(), before);
    CliResult list = m_h->cairn({"artifact", "list", "--all", "--format", "json"});
    int dataVersions = 0;
    for (const auto& v : QJsonDocument::fromJson(list.out).array())
        dataVersions += v.toObject().value("name").toString() == "data.csv";
    QCOMPARE(dataVersions, 1);
    // data.csv:1 now feeds two runs.
    CliResult down = m_h->cairn({"lineage", "data.csv", "--downstream", "--depth", "1"});
    QVERIFY(down.out.contains("run prepare") && down.out.contains("run again"));
    // A failed run records its inputs but not its outputs.
    m_h->writeFile("half.bin", "partial");
    CliResult failed = m_h->cairn({"run", "--name", "broken", "--output", "half.bin", "--", "sh", "-c",
                                   "echo cairn:input path=data.csv; echo cairn:output path=half.bin; exit 3"});
    QCOMPARE(failed.exitCode, 3);
    QVERIFY(!failed.err.contains("output half.bin"));
    QCOMPARE(m_h->cairn({"lineage", "half.bin"}).exitCode, 2);
}

void TestLineage::unknownReference()
{
    CliResult r = m_h->cairn({"lineage", "modle.bin"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("no run, artifact or version hash matches 'modle.bin'") && r.err.contains("did you mean 'model.bin'"),
             r.err.constData());
    CliResult missing = m_h->cairn({"run", "--name", "missing", "--input", "nope.csv", "--", "true"});
    QCOMPARE(missing.exitCode, 0);
    QVERIFY2(missing.err.contains("not recorded: input 'nope.csv'"), missing.err.constData());
}

void TestLineage::malformedDeclaration()
{
    CliResult r = m_h->cairn({"run", "--name", "malformed", "--", "sh", "-c",
                              "echo cairn:input name=x; echo cairn:output path=a type=weights"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("cairn:input needs path=") && r.err.contains("type must be dataset, model or file"),
             r.err.constData());
}

void TestLineage::secretsNeverStored()
{
    QFile cfg(m_h->project() + "/cairn.yaml");
    QVERIFY(cfg.open(QIODevice::Append));
    cfg.write("\nenv_allowlist: [PYTHONHASHSEED, MY_API_TOKEN, \"MY_*\"]\n");
    cfg.close();
    qputenv("MY_API_TOKEN", "supersecret-1");
    qputenv("MY_DB_PASSWORD", "supersecret-2");
    qputenv("MY_SETTING", "visible");
    qputenv("PYTHONHASHSEED", "42");
    qputenv("OTHER_THING", "not-allowed");
    CliResult r = m_h->cairn({"run", "--name", "envrun", "--", "true"});
    qunsetenv("MY_API_TOKEN");
    qunsetenv("MY_DB_PASSWORD");
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString id = runId(r);
    QVERIFY(!id.isEmpty());
    const QByteArray raw = readAll(m_h->project() + "/runs/" + id + "/env.json");
    QVERIFY(!raw.contains("supersecret"));
    QVERIFY(!raw.contains("not-allowed"));
    const QJsonObject env = envOf(id);
    QCOMPARE(env.value("env").toObject().value("PYTHONHASHSEED").toString(), QString("42"));
    QCOMPARE(env.value("env").toObject().value("MY_SETTING").toString(), QString("visible"));
    QVERIFY(!env.value("os").toObject().value("release").toString().isEmpty());
    QVERIFY(env.contains("cpu"));
    QVERIFY(!env.contains("python"));  // not a Python command
    CliResult show = m_h->cairn({"show", id});
    QVERIFY2(show.out.contains("environment") && show.out.contains("env.PYTHONHASHSEED"), show.out.constData());
    QVERIFY(!show.out.contains("supersecret"));
    // A Python command records the interpreter's version.
    CliResult py = m_h->cairn({"run", "--name", "pyrun", "--", CliHarness::python(), "-c", "print(1)"});
    QVERIFY2(py.exitCode == 0, py.err.constData());
    const QJsonObject pyEnv = envOf(runId(py));
    QVERIFY2(pyEnv.value("python").toObject().value("version").toString().startsWith("3."), readAll(m_h->project()).constData());
}

void TestLineage::gitCapture()
{
    const QString repo = m_dir + "/repo";
    QVERIFY(QDir().mkpath(repo));
    auto git = [&](const QStringList& args) {
        QProcess p;
        p.setWorkingDirectory(repo);
        p.start("git", QStringList{"-c", "user.name=t", "-c", "user.email=t@example.com"} + args);
        p.waitForFinished(30000);
        return p.exitCode() == 0 ? p.readAllStandardOutput().trimmed() : QByteArray("<failed>");
    };
    auto runIn = [&](const QString& name) {
        QProcess p;
        p.setWorkingDirectory(repo);
        p.start(CAIRN_BIN, {"--project", m_h->project(), "run", "--name", name, "--", "true"});
        p.waitForFinished(120000);
        CliResult r;
        r.exitCode = p.exitCode();
        r.err = p.readAllStandardError();
        return r;
    };
    QVERIFY(git({"init", "-q"}) != "<failed>");
    QFile f(repo + "/train.py");
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("print('v1')\n");
    f.close();
    QVERIFY(git({"add", "train.py"}) != "<failed>");
    QVERIFY(git({"commit", "-q", "-m", "one"}) != "<failed>");
    const QString head = QString::fromUtf8(git({"rev-parse", "HEAD"}));

    CliResult clean = runIn("clean");
    QVERIFY2(clean.exitCode == 0, clean.err.constData());
    const QJsonObject cleanGit = envOf(runId(clean)).value("git").toObject();
    QCOMPARE(cleanGit.value("commit").toString(), head);
    QCOMPARE(cleanGit.value("dirty").toBool(true), false);
    // SHA-256 of the empty diff.
    QCOMPARE(cleanGit.value("diff_sha256").toString(), QString("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));

    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("print('v2')\n");
    f.close();
    CliResult dirty = runIn("dirty");
    QVERIFY2(dirty.exitCode == 0, dirty.err.constData());
    const QJsonObject dirtyGit = envOf(runId(dirty)).value("git").toObject();
    QCOMPARE(dirtyGit.value("commit").toString(), head);
    QCOMPARE(dirtyGit.value("dirty").toBool(false), true);
    QVERIFY(dirtyGit.value("diff_sha256").toString().size() == 64);
    QVERIFY(dirtyGit.value("diff_sha256") != cleanGit.value("diff_sha256"));

    // Outside any repository: no git section.
    CliResult outside = m_h->cairn({"run", "--name", "nogit", "--", "true"});
    QVERIFY(!envOf(runId(outside)).contains("git"));
}

QTEST_GUILESS_MAIN(TestLineage)
#include "tst_lineage.moc"
