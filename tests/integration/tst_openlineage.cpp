// `cairn openlineage export|import` through the real binary (docs/openlineage.md): every event
// Cairn writes validates against the OpenLineage 2-0-2 JSON schemas and each facet's own
// schema (tests/data/openlineage, checked by python3-jsonschema through
// validate_openlineage.py); OpenLineage's own sample events import into the lineage graph;
// a Spark-like job that reads a file a Cairn run wrote joins the same graph; re-importing
// changes nothing; malformed files are refused naming file, line and field.
#include "cli_harness.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

class TestOpenLineage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void exportValidatesAgainstTheSchemas();
    void exportShapes();
    void importSampleEvents();
    void importJoinsCairnsGraph();
    void reimportIsIdempotent();
    void roundTripOfOwnExport();
    void malformedFilesAreRefused_data();
    void malformedFilesAreRefused();

private:
    QList<QJsonObject> exported(const QStringList& runs = {});
    QString validate(const QByteArray& jsonl, int& exitCode);
    std::unique_ptr<CliHarness> m_h;
    QString m_dir;
    QString m_trainId;
};

static const QString kData = QStringLiteral(CAIRN_SOURCE_DIR "/tests/data/openlineage");

void TestOpenLineage::initTestCase()
{
    m_h = std::make_unique<CliHarness>();
    QVERIFY(m_h->ok());
    m_dir = QFileInfo(m_h->project()).absolutePath();
    m_h->writeFile("raw.csv", "a,b\n1,2\n");
    CliResult prep = m_h->cairn({"run", "--name", "prepare", "--param", "split=0.2", "--tag", "team=data", "--input", "raw.csv",
                                 "--output", "clean.csv", "--", "sh", "-c", "cp raw.csv clean.csv; echo cairn:metric rows=1"});
    QVERIFY2(prep.exitCode == 0, prep.err.constData());
    CliResult train = m_h->cairn({"run", "--name", "train", "--input", "clean.csv", "--", "sh", "-c",
                                  "cat clean.csv > model.bin; echo cairn:output path=model.bin type=model; echo cairn:metric acc=0.5"});
    QVERIFY2(train.exitCode == 0, train.err.constData());
    m_trainId = QString::fromStdString(m_h->newestRun().id);
    CliResult failed = m_h->cairn({"run", "--name", "broken", "--input", "raw.csv", "--", "sh", "-c", "exit 3"});
    QCOMPARE(failed.exitCode, 3);
}

void TestOpenLineage::cleanupTestCase()
{
    if (m_h)
        m_h->cairn({"engine", "stop"});
}

QList<QJsonObject> TestOpenLineage::exported(const QStringList& runs)
{
    CliResult r = m_h->cairn(QStringList{"openlineage", "export"} + runs);
    if (r.exitCode != 0)
        qWarning("%s", r.err.constData());
    QList<QJsonObject> out;
    for (const QByteArray& line : r.out.split('\n'))
        if (!line.trimmed().isEmpty())
            out.append(QJsonDocument::fromJson(line).object());
    return out;
}

QString TestOpenLineage::validate(const QByteArray& jsonl, int& exitCode)
{
    const QString file = m_h->writeFile("events.jsonl", jsonl);
    QProcess p;
    p.start(CliHarness::python(), {QStringLiteral(CAIRN_SOURCE_DIR "/tests/integration/validate_openlineage.py"), kData + "/spec",
                                   QStringLiteral(CAIRN_SOURCE_DIR "/docs/openlineage/facets"), file});
    p.waitForFinished(120000);
    exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
}

void TestOpenLineage::exportValidatesAgainstTheSchemas()
{
    CliResult r = m_h->cairn({"openlineage", "export"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out.count('\n'), 6);  // three runs, START and an end each
    int code = -1;
    const QString report = validate(r.out, code);
    if (code == 77)
        QSKIP(qPrintable(report));
    QVERIFY2(code == 0, qPrintable(report));
    QVERIFY2(report.contains("checked 6 events"), qPrintable(report));
    // The validator is real: a broken event fails it, naming the field.
    QJsonObject bad = QJsonDocument::fromJson(r.out.split('\n').first()).object();
    QJsonObject run = bad.value("run").toObject();
    run.insert("runId", "not-a-uuid");
    bad.insert("run", run);
    bad.insert("eventType", "FINISHED");
    bad.insert("eventTime", "yesterday");
    const QString broken = validate(QJsonDocument(bad).toJson(QJsonDocument::Compact) + "\n", code);
    QCOMPARE(code, 1);
    QVERIFY2(broken.contains("runId") && broken.contains("eventType") && broken.contains("eventTime"), qPrintable(broken));
}

void TestOpenLineage::exportShapes()
{
    const QList<QJsonObject> events = exported({m_trainId});
    QCOMPARE(events.size(), 2);
    const QJsonObject start = events[0], end = events[1];
    QCOMPARE(start.value("eventType").toString(), QString("START"));
    QCOMPARE(end.value("eventType").toString(), QString("COMPLETE"));
    QString uuid = m_trainId;
    uuid.insert(20, '-').insert(16, '-').insert(12, '-').insert(8, '-');
    QCOMPARE(end.value("run").toObject().value("runId").toString(), uuid);
    QCOMPARE(end.value("job").toObject().value("name").toString(), QString("train"));
    QVERIFY(end.value("job").toObject().value("namespace").toString().startsWith("cairn://"));
    const QJsonObject input = end.value("inputs").toArray().at(0).toObject();
    QCOMPARE(input.value("namespace").toString(), QString("file"));
    QCOMPARE(input.value("name").toString(), m_dir + "/clean.csv");
    QCOMPARE(input.value("facets").toObject().value("version").toObject().value("datasetVersion").toString().size(), 64);
    const QJsonObject output = end.value("outputs").toArray().at(0).toObject();
    QCOMPARE(output.value("facets").toObject().value("datasetType").toObject().value("datasetType").toString(), QString("MODEL"));
    QVERIFY(output.value("outputFacets").toObject().contains("outputStatistics"));
    QVERIFY(start.value("outputs").toArray().isEmpty());  // outputs exist once the run has ended
    QCOMPARE(end.value("run").toObject().value("facets").toObject().value("cairn_metrics").toObject().value("metrics").toObject()
                 .value("acc").toDouble(),
             0.5);
    const QList<QJsonObject> broken = exported({"broken"});
    QCOMPARE(broken.size(), 2);
    QCOMPARE(broken[1].value("eventType").toString(), QString("FAIL"));
    QVERIFY(broken[1].value("run").toObject().value("facets").toObject().value("errorMessage").toObject().value("message")
                .toString().contains("code 3"));
    CliResult unknown = m_h->cairn({"openlineage", "export", "nope"});
    QCOMPARE(unknown.exitCode, 2);
}

void TestOpenLineage::importSampleEvents()
{
    CliResult full = m_h->cairn({"openlineage", "import", kData + "/events/example_full_event.json", "--format", "json"});
    QVERIFY2(full.exitCode == 0, full.err.constData());
    const QJsonObject totals = QJsonDocument::fromJson(full.out).object();
    QCOMPARE(totals.value("runs_created").toInt(), 1);
    QCOMPARE(totals.value("datasets_created").toInt(), 1);  // the same table is read and written
    CliResult serde = m_h->cairn({"openlineage", "import", kData + "/events/serde_example_run_event.json"});
    QVERIFY2(serde.exitCode == 0, serde.err.constData());
    QVERIFY2(serde.out.contains("1 new"), serde.out.constData());

    // The imported job is a run in the graph, its table an artifact with no bytes stored.
    CliResult show = m_h->cairn({"show", "ea041791", "--format", "json"});
    QVERIFY2(show.exitCode == 0, show.err.constData());
    const QJsonObject run = QJsonDocument::fromJson(show.out).object();
    QCOMPARE(run.value("name").toString(), QString("myjob.mytask"));
    QCOMPARE(run.value("experiment").toString(), QString("my-scheduler-namespace"));
    QCOMPARE(run.value("status").toString(), QString("finished"));
    QCOMPARE(run.value("tags").toObject().value("cairn.source").toString(), QString("openlineage"));
    QCOMPARE(run.value("tags").toObject().value("openlineage.parent").toString(), QString("my-scheduler-namespace/myjob.mytask"));
    CliResult lineage = m_h->cairn({"lineage", "instance.schema.table", "--format", "json"});
    QVERIFY2(lineage.exitCode == 0, lineage.err.constData());
    QCOMPARE(QJsonDocument::fromJson(lineage.out).object().value("edges").toArray().size(), 2);  // read and written
    CliResult list = m_h->cairn({"artifact", "show", "instance.schema.table"});
    QVERIFY2(list.exitCode == 0 && list.out.contains("external"), (list.out + list.err).constData());
    CliResult get = m_h->cairn({"artifact", "get", "instance.schema.table", m_dir + "/table-copy"});
    QCOMPARE(get.exitCode, 2);
    QVERIFY2(get.err.contains("no bytes"), get.err.constData());
    // verify and gc leave external versions alone.
    CliResult verify = m_h->cairn({"artifact", "verify"});
    QVERIFY2(verify.exitCode == 0, (verify.out + verify.err).constData());
    // A START-only run stays running; reproduce refuses what it cannot run.
    CliResult started = m_h->cairn({"show", "69f4acab", "--format", "json"});
    QCOMPARE(QJsonDocument::fromJson(started.out).object().value("status").toString(), QString("running"));
    CliResult repro = m_h->cairn({"reproduce", "ea041791"});
    QCOMPARE(repro.exitCode, 2);
    QVERIFY2(repro.err.contains("imported from openlineage"), repro.err.constData());
}

void TestOpenLineage::importJoinsCairnsGraph()
{
    // A Spark job reads the model.bin Cairn's train run wrote and writes a report.
    const QString model = m_dir + "/model.bin";
    const QByteArray events =
        "{\"eventType\":\"START\",\"eventTime\":\"2026-01-02T03:04:05.000Z\",\"producer\":\"https://example.com/spark\","
        "\"schemaURL\":\"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent\","
        "\"run\":{\"runId\":\"0191e3b0-0000-7000-8000-000000000001\"},\"job\":{\"namespace\":\"spark\",\"name\":\"score\"},"
        "\"inputs\":[{\"namespace\":\"file\",\"name\":\"" + model.toUtf8() + "\"}]}\n"
        "\n"
        "{\"eventType\":\"COMPLETE\",\"eventTime\":\"2026-01-02T04:09:05+01:00\",\"producer\":\"https://example.com/spark\","
        "\"schemaURL\":\"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent\","
        "\"run\":{\"runId\":\"0191e3b0-0000-7000-8000-000000000001\"},\"job\":{\"namespace\":\"spark\",\"name\":\"score\"},"
        "\"outputs\":[{\"namespace\":\"s3://reports\",\"name\":\"scores/2026-01-02.parquet\","
        "\"facets\":{\"version\":{\"_producer\":\"https://example.com\",\"_schemaURL\":\"https://example.com\",\"datasetVersion\":\"7\"}}}]}\n";
    const QString file = m_h->writeFile("spark.jsonl", events);
    CliResult r = m_h->cairn({"openlineage", "import", file, "--format", "json"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value("matched_stored").toInt(), 1);
    // From the raw data Cairn prepared, downstream through train to Spark's report.
    CliResult down = m_h->cairn({"lineage", "raw.csv", "--downstream"});
    QVERIFY2(down.out.contains("run train") && down.out.contains("run score") && down.out.contains("2026-01-02.parquet:1"),
             down.out.constData());
    CliResult show = m_h->cairn({"show", "score", "--format", "json"});
    const QJsonObject run = QJsonDocument::fromJson(show.out).object();
    QCOMPARE(run.value("status").toString(), QString("finished"));
    // 04:09:05+01:00 is 03:09:05Z: five minutes after the start.
    QCOMPARE(run.value("end_ms").toVariant().toLongLong() - run.value("start_ms").toVariant().toLongLong(), qint64(5 * 60 * 1000));
}

void TestOpenLineage::reimportIsIdempotent()
{
    const int runs = static_cast<int>(m_h->store()->runs()->size());
    CliResult list = m_h->cairn({"artifact", "list", "--all", "--format", "json"});
    const int versions = static_cast<int>(QJsonDocument::fromJson(list.out).array().size());
    CliResult again = m_h->cairn({"openlineage", "import", kData + "/events/example_full_event.json", "--format", "json"});
    QVERIFY2(again.exitCode == 0, again.err.constData());
    const QJsonObject t = QJsonDocument::fromJson(again.out).object();
    QCOMPARE(t.value("runs_created").toInt(), 0);
    QCOMPARE(t.value("runs_updated").toInt(), 1);
    QCOMPARE(t.value("linked").toInt(), 0);
    QCOMPARE(static_cast<int>(m_h->store()->runs()->size()), runs);
    CliResult list2 = m_h->cairn({"artifact", "list", "--all", "--format", "json"});
    QCOMPARE(static_cast<int>(QJsonDocument::fromJson(list2.out).array().size()), versions);
}

void TestOpenLineage::roundTripOfOwnExport()
{
    // Cairn's own events name its own runs: importing them changes nothing and says so.
    CliResult out = m_h->cairn({"openlineage", "export", "prepare"});
    const QString file = m_h->writeFile("own.jsonl", out.out);
    CliResult r = m_h->cairn({"openlineage", "import", file});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("skipped: run") && r.out.contains("Cairn's own run"), r.out.constData());
    // An imported run exports again under its own job name and namespace.
    const QList<QJsonObject> events = exported({"score"});
    QCOMPARE(events.size(), 2);
    QCOMPARE(events[0].value("job").toObject().value("namespace").toString(), QString("spark"));
    QCOMPARE(events[0].value("run").toObject().value("runId").toString(), QString("0191e3b0-0000-7000-8000-000000000001"));
    QCOMPARE(events[1].value("outputs").toArray().at(0).toObject().value("namespace").toString(), QString("s3://reports"));
    int code = -1;
    const QString report = validate(out.out, code);
    if (code != 77)
        QVERIFY2(code == 0, qPrintable(report));
}

void TestOpenLineage::malformedFilesAreRefused_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("message");
    const QByteArray ok = "{\"eventType\":\"START\",\"eventTime\":\"2026-01-01T00:00:00Z\",\"run\":{\"runId\":\"x\"},"
                          "\"job\":{\"namespace\":\"n\",\"name\":\"j\"}}";
    QTest::newRow("not json") << QByteArray(ok + "\n{oops\n") << "bad.jsonl:2: not JSON";
    QTest::newRow("no runId") << QByteArray("{\"eventTime\":\"2026-01-01T00:00:00Z\",\"run\":{},\"job\":{\"namespace\":\"n\",\"name\":\"j\"}}\n")
                              << "bad.jsonl:1: run.runId is missing";
    QTest::newRow("no job name") << QByteArray("{\"eventTime\":\"2026-01-01T00:00:00Z\",\"run\":{\"runId\":\"x\"},\"job\":{\"namespace\":\"n\"}}\n")
                                 << "bad.jsonl:1: job.name is missing";
    QTest::newRow("bad time") << QByteArray("{\"eventTime\":\"last tuesday\",\"run\":{\"runId\":\"x\"},\"job\":{\"namespace\":\"n\",\"name\":\"j\"}}\n")
                              << "bad.jsonl:1: eventTime 'last tuesday' is not an ISO 8601 time";
    QTest::newRow("not an event") << QByteArray("[1]") << "bad.jsonl: event 1: an event must be a JSON object";
}

void TestOpenLineage::malformedFilesAreRefused()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, message);
    const int runs = static_cast<int>(m_h->store()->runs()->size());
    m_h->writeFile("bad.jsonl", contents);
    QProcess p;
    p.setWorkingDirectory(m_dir);
    p.start(CAIRN_BIN, {"--project", m_h->project(), "openlineage", "import", "bad.jsonl"});
    QVERIFY(p.waitForFinished(60000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QCOMPARE(p.exitCode(), 2);
    QVERIFY2(err.contains(message) && err.contains("nothing was imported"), qPrintable(err));
    QCOMPARE(static_cast<int>(m_h->store()->runs()->size()), runs);
    CliResult missing = m_h->cairn({"openlineage", "import", m_dir + "/no-such.jsonl"});
    QCOMPARE(missing.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestOpenLineage)
#include "tst_openlineage.moc"
