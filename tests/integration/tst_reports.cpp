// Drift, validation and fairness reports through the real binary and engine: stored in the
// project, attached to runs, listed and shown by `cairn reports`, read back through the store's
// typed functions (what registry gates use); dataset artifacts as inputs; bad input exits 2
// naming file, line and column.
#include "cli_harness.h"
#include "tests/common/test_rng.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>

using cairn::testing::Rng;

class TestReports : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void driftIsStoredAndListed();
    void attachedToRunAndReadByName();
    void insideAJobAttachesToItsRun();
    void datasetArtifactsAsInputs();
    void validateExitCodesAndStored();
    void validateSpecErrors();
    void fairnessStoredAndGate();
    void badInput_data();
    void badInput();
    void pipelineStagesStopOnFailure();
    void alertsFireOnReportsAndMetrics();
    void registryGatesReadReports();

private:
    QString numbers(const QString& name, int rows, double shift, std::uint64_t seed);
    QString runId(const CliResult& r);
    std::unique_ptr<CliHarness> m_h;
    QString m_ref, m_same, m_shift;
};

QString TestReports::numbers(const QString& name, int rows, double shift, std::uint64_t seed)
{
    Rng r(seed);
    QByteArray csv = "x,y,c\n";
    for (int i = 0; i < rows; ++i)
        csv += QByteArray::number(r.normal(shift, 1), 'g', 17) + "," + QByteArray::number(r.normal(shift, 1), 'g', 17) + ","
               + (r.uniform() < 0.5 ? "a" : "b") + "\n";
    return m_h->writeFile(name, csv);
}

QString TestReports::runId(const CliResult& r)
{
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    return lines.isEmpty() ? QString() : QString::fromUtf8(lines.last()).trimmed();
}

void TestReports::initTestCase()
{
    qputenv("CAIRN_ENGINE_IDLE_S", "60");
    m_h = std::make_unique<CliHarness>();
    QVERIFY(m_h->ok());
    m_ref = numbers("ref.csv", 400, 0, 1);
    m_same = numbers("same.csv", 500, 0, 2);
    m_shift = numbers("shift.csv", 500, 1, 3);
}

void TestReports::cleanupTestCase()
{
    if (m_h)
        m_h->cairn({"engine", "stop"});
}

void TestReports::driftIsStoredAndListed()
{
    CliResult a = m_h->cairn({"drift", m_ref, m_same});
    QCOMPARE(a.exitCode, 0);
    QVERIFY2(a.err.contains("stored as report"), a.err.constData());
    CliResult b = m_h->cairn({"drift", m_ref, m_shift, "--format", "json"});
    QCOMPARE(b.exitCode, 1);
    // stdout stays exactly the documented JSON.
    const QJsonObject printed = QJsonDocument::fromJson(b.out).object();
    QCOMPARE(printed.keys(), (QStringList{"columns", "dataset_drift", "drifted_columns", "share"}));
    CliResult skip = m_h->cairn({"drift", m_ref, m_same, "--no-store"});
    QCOMPARE(skip.exitCode, 0);
    QVERIFY(!skip.err.contains("stored"));

    CliResult list = m_h->cairn({"reports", "--format", "json"});
    QCOMPARE(list.exitCode, 0);
    const QJsonArray reports = QJsonDocument::fromJson(list.out).array();
    QCOMPARE(reports.size(), 2);
    const QJsonObject newest = reports[0].toObject();
    QCOMPARE(newest["kind"].toString(), QString("drift"));
    QCOMPARE(newest["passed"].toBool(), false);
    QCOMPARE(newest["values"].toObject()["share"].toDouble(), printed["share"].toDouble());
    QCOMPARE(newest["values"].toObject()["dataset_drift"].toDouble(), 1.0);
    QVERIFY(newest["title"].toString().contains("shift.csv"));

    CliResult text = m_h->cairn({"reports"});
    QVERIFY(text.out.contains("DRIFTED") && text.out.contains("no drift"));
    const QString id = QString::number(newest["id"].toInt());
    CliResult show = m_h->cairn({"reports", "show", id});
    QCOMPARE(show.exitCode, 0);
    QVERIFY2(show.out.contains("columns drifted") && show.out.contains("report " + id.toUtf8()), show.out.constData());
    CliResult json = m_h->cairn({"reports", "show", id, "--format", "json"});
    const QJsonObject body = QJsonDocument::fromJson(json.out).object()["report"].toObject();
    QCOMPARE(body["columns"].toArray().size(), 3);
    QVERIFY(body["columns"].toArray()[0].toObject().contains("histogram"));
    CliResult html = m_h->cairn({"reports", "show", id, "--format", "html"});
    QVERIFY(html.out.startsWith("<!DOCTYPE html>") && html.out.contains("<svg"));

    QCOMPARE(m_h->cairn({"reports", "show", "999"}).exitCode, 2);
    QCOMPARE(m_h->cairn({"reports", "show", "abc"}).exitCode, 2);
    QCOMPARE(m_h->cairn({"reports", "--kind", "nope"}).exitCode, 2);
    QCOMPARE(QJsonDocument::fromJson(m_h->cairn({"reports", "--kind", "validation", "--format", "json"}).out).array().size(), 0);
}

void TestReports::attachedToRunAndReadByName()
{
    CliResult run = m_h->cairn({"run", "--name", "train", "--quiet", "--", "true"});
    QCOMPARE(run.exitCode, 0);
    const cairn::Run r = m_h->newestRun();
    QCOMPARE(QString::fromStdString(r.name), QString("train"));
    CliResult d = m_h->cairn({"drift", m_ref, m_shift, "--run", "train"});
    QCOMPARE(d.exitCode, 1);
    QVERIFY2(d.err.contains("of run " + QByteArray::fromStdString(r.id.substr(0, 8))), d.err.constData());
    QCOMPARE(m_h->cairn({"drift", m_ref, m_shift, "--run", "no-such-run"}).exitCode, 2);
    QCOMPARE(m_h->cairn({"drift", m_ref, m_shift, "--run", "train", "--no-store"}).exitCode, 2);

    const QJsonArray forRun = QJsonDocument::fromJson(m_h->cairn({"reports", "--run", "train", "--format", "json"}).out).array();
    QCOMPARE(forRun.size(), 1);
    QCOMPARE(forRun[0].toObject()["run"].toString(), QString::fromStdString(r.id));

    auto store = m_h->store();
    auto latest = store->latestReport(r.id, "drift");
    QVERIFY(latest && *latest);
    QCOMPARE((*latest)->runId, r.id);
    QVERIFY(!(*latest)->passed);
    auto share = store->reportValue(r.id, "drift.share");
    QVERIFY(share && *share);
    QVERIFY(**share > 0.5);
    auto none = store->reportValue(r.id, "fairness.demographic_parity_difference");
    QVERIFY(none && !*none);
    QVERIFY(!store->reportValue(r.id, "share"));  // needs KIND.NAME
    auto noValidation = store->latestReport(r.id, "validation");
    QVERIFY(noValidation && !*noValidation);
}

void TestReports::insideAJobAttachesToItsRun()
{
    // A stage or job running `cairn drift` attaches its report to its own run ($CAIRN_RUN_ID).
    CliResult run = m_h->cairn({"run", "--name", "check", "--quiet", "--", CAIRN_BIN, "drift", m_ref, m_same});
    QCOMPARE(run.exitCode, 0);
    const cairn::Run r = m_h->newestRun();
    auto latest = m_h->store()->latestReport(r.id, "drift");
    QVERIFY(latest && *latest);
    QVERIFY((*latest)->passed);
}

void TestReports::datasetArtifactsAsInputs()
{
    QCOMPARE(m_h->cairn({"artifact", "add", m_ref, "--name", "reference", "--type", "dataset"}).exitCode, 0);
    QCOMPARE(m_h->cairn({"artifact", "add", m_shift, "--name", "reference", "--type", "dataset"}).exitCode, 0);
    CliResult byName = m_h->cairn({"drift", "reference:1", m_shift, "--no-store"});
    QCOMPARE(byName.exitCode, 1);
    CliResult latest = m_h->cairn({"drift", "reference", m_shift, "--format", "json"});  // version 2 is shift.csv itself
    QCOMPARE(latest.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(latest.out).object()["share"].toDouble(), 0.0);
    const QJsonArray reports = QJsonDocument::fromJson(m_h->cairn({"reports", "--limit", "1", "--format", "json"}).out).array();
    QVERIFY2(reports[0].toObject()["title"].toString().startsWith("reference:2 vs "), qPrintable(reports[0].toObject()["title"].toString()));
    // A directory version with one CSV in it.
    QDir().mkpath(m_h->project() + "/../dataset");
    QFile::copy(m_same, m_h->project() + "/../dataset/data.csv");
    m_h->writeFile("dataset/README", "about the data\n");
    QCOMPARE(m_h->cairn({"artifact", "add", m_h->project() + "/../dataset", "--name", "folder"}).exitCode, 0);
    QCOMPARE(m_h->cairn({"drift", m_ref, "folder", "--no-store"}).exitCode, 0);
    QCOMPARE(m_h->cairn({"drift", m_ref, "folder:1/data.csv", "--no-store"}).exitCode, 0);
    CliResult missingFile = m_h->cairn({"drift", m_ref, "folder:1/nope.csv", "--no-store"});
    QCOMPARE(missingFile.exitCode, 2);
    QVERIFY2(missingFile.err.contains("no file 'nope.csv'"), missingFile.err.constData());
    CliResult unknown = m_h->cairn({"drift", m_ref, "refrence", "--no-store"});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains("did you mean 'reference'"), unknown.err.constData());
}

void TestReports::validateExitCodesAndStored()
{
    const QString data = m_h->writeFile("people.csv", "id,age,state,zip\n1,34,CA,94110\n2,-3,NY,10001\n3,51,TX,7330\n3,,ZZ,94110\n");
    const QString good = m_h->writeFile("good.yaml", "columns:\n  id: {type: integer}\n  state:\n  zip: {regex: '^[0-9]+$'}\nrows: {min: 1, max: 10}\n");
    const QString bad = m_h->writeFile("bad.yaml",
                                       "rows: {min: 10}\ncolumns:\n  id: {unique: true, not_null: true}\n  age: {not_null: true, min: 0, max: 120, mean: {min: 30, max: 50}}\n"
                                       "  state: {allowed: [CA, NY, TX]}\n  zip: {regex: '^[0-9]{5}$'}\n  email: {not_null: true}\n");
    CliResult ok = m_h->cairn({"validate", data, "--expect", good});
    QVERIFY2(ok.exitCode == 0, ok.out + ok.err);
    CliResult fail = m_h->cairn({"validate", data, "--expect", bad});
    QCOMPARE(fail.exitCode, 1);
    // Each failure names the column, the expectation and the offending rows (line: value).
    QVERIFY2(fail.out.contains("3: '-3'"), fail.out.constData());  // age min: the row "2,-3,..." is line 3
    QVERIFY2(fail.out.contains("ZZ"), fail.out.constData());
    QVERIFY2(fail.out.contains("email") && fail.out.contains("missing"), fail.out.constData());
    CliResult json = m_h->cairn({"validate", data, "--expect", bad, "--format", "json", "--no-store"});
    QCOMPARE(json.exitCode, 1);
    const QJsonObject j = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(j["passed"].toBool(), false);
    QJsonObject ageMin, unique;
    for (const auto& v : j["results"].toArray()) {
        const QJsonObject r = v.toObject();
        if (r["column"].toString() == "age" && r["expectation"].toString() == "min")
            ageMin = r;
        if (r["column"].toString() == "id" && r["expectation"].toString() == "unique")
            unique = r;
    }
    QCOMPARE(ageMin["failed"].toInt(), 1);
    QCOMPARE(ageMin["examples"].toArray()[0].toObject()["line"].toInt(), 3);
    QCOMPARE(ageMin["examples"].toArray()[0].toObject()["value"].toString(), QString("-3"));
    QCOMPARE(unique["examples"].toArray()[0].toObject()["line"].toInt(), 5);
    const QJsonArray stored = QJsonDocument::fromJson(m_h->cairn({"reports", "--kind", "validation", "--format", "json"}).out).array();
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored[0].toObject()["passed"].toBool(), false);
    QVERIFY(stored[0].toObject()["values"].toObject()["failed"].toDouble() >= 6);
    QCOMPARE(m_h->cairn({"reports", "show", QString::number(stored[0].toObject()["id"].toInt())}).exitCode, 0);
}

void TestReports::validateSpecErrors()
{
    const QString data = m_h->writeFile("small.csv", "a,b\n1,2\n");
    struct Row {
        QByteArray yaml;
        QByteArray message;
    };
    for (const Row& row : {Row{"columns:\n  a: {not_nul: true}\n", "spec.yaml:2:7: unknown expectation 'not_nul' (did you mean 'not_null'?)"},
                           Row{"columns:\n  a: {min: ten}\n", "spec.yaml:2:12: 'min' must be a number"},
                           Row{"colums:\n  a: {}\n", "spec.yaml:1:1: unknown key 'colums' (did you mean 'columns'?)"},
                           Row{"columns:\n  a: {type: integr}\n", "did you mean 'integer'?"},
                           Row{"columns:\n  a: {regex: '('}\n", "'regex' is not a valid pattern"},
                           Row{"columns: [a\n", "spec.yaml:"},
                           Row{"", "no expectations"}}) {
        const QString spec = m_h->writeFile("spec.yaml", row.yaml);
        CliResult r = m_h->cairn({"validate", data, "--expect", spec, "--no-store"});
        QVERIFY2(r.exitCode == 2, row.yaml.constData());
        QVERIFY2(r.err.contains(row.message), r.err.constData());
    }
    QCOMPARE(m_h->cairn({"validate", data, "--no-store"}).exitCode, 2);
}

void TestReports::fairnessStoredAndGate()
{
    QByteArray csv = "group,label,pred\n";
    Rng r(7);
    for (int i = 0; i < 400; ++i) {
        const bool a = i % 2 == 0;
        const bool y = r.uniform() < 0.5;
        const bool p = r.uniform() < (a ? 0.7 : 0.3);
        csv += QByteArray(a ? "a" : "b") + "," + (y ? "1" : "0") + "," + (p ? "1" : "0") + "\n";
    }
    const QString path = m_h->writeFile("pred.csv", csv);
    CliResult ok = m_h->cairn({"fairness", path, "--label", "label", "--pred", "pred", "--sensitive", "group"});
    QVERIFY2(ok.exitCode == 0, ok.err.constData());
    QVERIFY(ok.out.contains("demographic parity difference"));
    CliResult gate = m_h->cairn({"fairness", path, "--label", "label", "--pred", "pred", "--sensitive", "group", "--max-difference", "0.1"});
    QCOMPARE(gate.exitCode, 1);
    CliResult json = m_h->cairn({"fairness", path, "--label", "label", "--pred", "pred", "--sensitive", "group", "--format", "json", "--no-store"});
    const QJsonObject j = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(j["groups"].toArray().size(), 2);
    QVERIFY(j["demographic_parity_difference"].toDouble() > 0.2);
    const QJsonArray stored = QJsonDocument::fromJson(m_h->cairn({"reports", "--kind", "fairness", "--format", "json"}).out).array();
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored[0].toObject()["passed"].toBool(), false);
    QCOMPARE(stored[0].toObject()["values"].toObject()["demographic_parity_difference"].toDouble(), j["demographic_parity_difference"].toDouble());
    CliResult missing = m_h->cairn({"fairness", path, "--label", "labl", "--pred", "pred", "--sensitive", "group"});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains("no column 'labl' (--label); did you mean 'label'?"), missing.err.constData());
}

void TestReports::badInput_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("message");
    QTest::newRow("drift ragged") << "drift" << QByteArray("x,y,c\n1,2,a\n3,4\n") << "bad.csv:3: row has 2 fields, the header has 3";
    QTest::newRow("drift empty") << "drift" << QByteArray() << "bad.csv: file is empty";
    QTest::newRow("drift column missing") << "drift" << QByteArray("x,c\n1,a\n") << "bad.csv: no column 'y'";
    QTest::newRow("drift text in numbers") << "drift" << QByteArray("x,y,c\n1,2,a\n3,abc,b\n")
                                           << "bad.csv:3: column 'y': 'abc' is not a number, and the column is numeric in";
    QTest::newRow("validate ragged") << "validate" << QByteArray("x,y\n1,2\n3\n") << "bad.csv:3: row has 1 fields, the header has 2";
    QTest::newRow("validate empty") << "validate" << QByteArray() << "bad.csv: file is empty";
    QTest::newRow("validate unterminated quote") << "validate" << QByteArray("x,y\n1,\"2\n") << "bad.csv:2: unterminated quoted field";
    QTest::newRow("fairness ragged") << "fairness" << QByteArray("group,label,pred\na,1,1\nb,0\n") << "bad.csv:3: row has 2 fields";
    QTest::newRow("fairness empty") << "fairness" << QByteArray() << "bad.csv: file is empty";
    QTest::newRow("fairness column missing") << "fairness" << QByteArray("group,label\na,1\n") << "bad.csv:1: no column 'pred' (--pred)";
    QTest::newRow("fairness text label") << "fairness" << QByteArray("group,label,pred\na,1,1\nb,0,maybe\nc,0,1\n")
                                         << "bad.csv:3: column 'pred': a third value 'maybe'";
    QTest::newRow("fairness empty label") << "fairness" << QByteArray("group,label,pred\na,1,1\nb,,0\n") << "bad.csv:3: column 'label' is empty";
    QTest::newRow("fairness not binary 0/1") << "fairness" << QByteArray("group,label,pred\na,yes,no\n") << "name the positive one with --pos-label";
}

void TestReports::badInput()
{
    QFETCH(QString, command);
    QFETCH(QByteArray, contents);
    QFETCH(QString, message);
    const QString bad = m_h->writeFile("bad.csv", contents);
    const QString expect = m_h->writeFile("x.yaml", "columns:\n  x: {not_null: true}\n");
    QStringList args{command};
    if (command == "drift")
        args << m_ref << bad;
    else if (command == "validate")
        args << bad << "--expect" << expect;
    else
        args << bad << "--label" << "label" << "--pred" << "pred" << "--sensitive" << "group";
    CliResult r = m_h->cairn(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
}

void TestReports::pipelineStagesStopOnFailure()
{
    // validate, drift and fairness as stages: their exit codes stop what depends on them.
    const QString root = m_h->project();
    QDir().mkpath(root + "/data");
    QDir().mkpath(root + "/pipelines");
    QFile::remove(root + "/data/ref.csv");
    QFile::remove(root + "/data/cur.csv");
    QVERIFY(QFile::copy(m_ref, root + "/data/ref.csv"));
    QVERIFY(QFile::copy(m_same, root + "/data/cur.csv"));
    QFile expect(root + "/expect.yaml");
    QVERIFY(expect.open(QIODevice::WriteOnly));
    expect.write("columns:\n  x: {type: number, not_null: true}\n  c: {allowed: [a, b]}\nrows: {min: 100}\n");
    expect.close();
    const QString bin = CAIRN_BIN;
    QFile spec(root + "/pipelines/quality.yaml");
    QVERIFY(spec.open(QIODevice::WriteOnly));
    spec.write(("stages:\n"
                "  validate:\n    cmd: " + bin + " validate data/cur.csv --expect expect.yaml\n    deps: [data/cur.csv, expect.yaml]\n"
                "  drift:\n    cmd: " + bin + " drift data/ref.csv data/cur.csv --format html -o drift.html\n"
                "    deps: [data/ref.csv, data/cur.csv]\n    outs: [drift.html]\n"
                "  train:\n    cmd: echo trained > model.txt\n    deps: [drift.html, expect.yaml]\n    outs: [model.txt]\n").toUtf8());
    spec.close();
    CliResult ok = m_h->cairn({"pipeline", "run", root + "/pipelines/quality.yaml"}, 240000);
    QVERIFY2(ok.exitCode == 0, ok.out + ok.err);
    QVERIFY(QFile::exists(root + "/model.txt"));
    // The stage's report is attached to the stage's run.
    auto store = m_h->store();
    auto reports = store->reports({{}, "drift", 1, false});
    QVERIFY(reports && !reports->empty());
    auto stageRun = store->findRun(reports->front().runId);
    QVERIFY(stageRun);
    QCOMPARE(QString::fromStdString(stageRun->tags["cairn.stage"]), QString("drift"));

    // Drifted data: the drift stage fails, train is skipped, the pipeline exits 1.
    QFile::remove(root + "/data/cur.csv");
    QVERIFY(QFile::copy(m_shift, root + "/data/cur.csv"));
    QFile::remove(root + "/model.txt");
    CliResult drifted = m_h->cairn({"pipeline", "run", root + "/pipelines/quality.yaml"}, 240000);
    QCOMPARE(drifted.exitCode, 1);
    QVERIFY2(drifted.out.contains("failed") || drifted.err.contains("failed"), drifted.out + drifted.err);
    QVERIFY(!QFile::exists(root + "/model.txt"));
}

void TestReports::alertsFireOnReportsAndMetrics()
{
    // Rules in cairn.yaml: the engine re-reads the file when it changes.
    QFile config(m_h->project() + "/cairn.yaml");
    QVERIFY(config.open(QIODevice::Append));
    config.write("alerts:\n  - name: drifted\n    when: drift.share >= 0.3\n  - name: loss high\n    when: metrics.loss > 5\n");
    config.close();
    CliResult rules = m_h->cairn({"alerts", "--rules"});
    QVERIFY2(rules.exitCode == 0 && rules.out.contains("drift.share >= 0.3"), rules.out + rules.err);
    QCOMPARE(m_h->cairn({"drift", m_ref, m_shift}).exitCode, 1);
    QCOMPARE(m_h->cairn({"drift", m_ref, m_same}).exitCode, 0);
    const QString script = m_h->writeFile("loss.sh", "echo 'cairn:metric step=1 loss=2'\necho 'cairn:metric step=2 loss=9'\nsleep 2\n", true);
    QCOMPARE(m_h->cairn({"run", "--name", "exploding", "--quiet", "--", "/bin/sh", script}).exitCode, 0);
    QJsonArray alerts;
    for (int i = 0; i < 50 && alerts.size() < 2; ++i) {
        alerts = QJsonDocument::fromJson(m_h->cairn({"alerts", "--format", "json"}).out).array();
        if (alerts.size() < 2)
            QTest::qWait(200);
    }
    QCOMPARE(alerts.size(), 2);
    QStringList names;
    for (const auto& a : alerts)
        names << a.toObject()["rule"].toString();
    QVERIFY2(names.contains("drifted") && names.contains("loss high"), qPrintable(names.join(",")));
    for (const auto& a : alerts) {
        const QJsonObject o = a.toObject();
        if (o["rule"].toString() == "drifted")
            QVERIFY(o["report"].toInt() > 0 && o["value"].toDouble() >= 0.3);
        else
            QVERIFY(o["message"].toString().contains("exploding"));
    }
    QVERIFY(m_h->cairn({"alerts"}).out.contains("loss high"));
    // A bad rule is an error at its line and column, for every command that opens the project.
    QVERIFY(config.open(QIODevice::ReadOnly));
    const QByteArray good = config.readAll();
    config.close();
    QVERIFY(config.open(QIODevice::Append));
    config.write("  - name: typo\n    when: metrics.loss >> 5\n");
    config.close();
    CliResult bad = m_h->cairn({"alerts"});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains("cairn.yaml:") && bad.err.contains("'alerts.when'"), bad.err.constData());
    QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
    config.write(good);
    config.close();
}

// Registry gates read the reports attached to a version's run (drift.*, validation.*,
// fairness.*): a drifted run fails `drift.share < 0.3`, a clean one passes, and a run with no
// such report fails the rule as unknown (never a pass).
void TestReports::registryGatesReadReports()
{
    QFile config(m_h->project() + "/cairn.yaml");
    QVERIFY(config.open(QIODevice::ReadOnly));
    const QByteArray before = config.readAll();
    config.close();
    QVERIFY(config.open(QIODevice::Append));
    config.write("gates:\n  staging:\n    - name: no drift\n      rule: drift.share < 0.3\n");
    config.close();
    QCOMPARE(m_h->cairn({"run", "--name", "g-shifted", "--quiet", "--", "true"}).exitCode, 0);
    QCOMPARE(m_h->cairn({"drift", m_ref, m_shift, "--run", "g-shifted"}).exitCode, 1);
    QCOMPARE(m_h->cairn({"run", "--name", "g-clean", "--quiet", "--", "true"}).exitCode, 0);
    QCOMPARE(m_h->cairn({"drift", m_ref, m_same, "--run", "g-clean"}).exitCode, 0);
    QCOMPARE(m_h->cairn({"run", "--name", "g-none", "--quiet", "--", "true"}).exitCode, 0);
    for (const char* run : {"g-shifted", "g-clean", "g-none"}) {
        CliResult reg = m_h->cairn({"model", "register", "gated", "--run", run});
        QVERIFY2(reg.exitCode == 0, reg.err.constData());
    }
    CliResult shifted = m_h->cairn({"gate", "check", "gated", "1", "--alias", "staging"});
    QVERIFY2(shifted.exitCode == 1, shifted.out + shifted.err);
    CliResult clean = m_h->cairn({"gate", "check", "gated", "2", "--alias", "staging", "--format", "json"});
    QVERIFY2(clean.exitCode == 0, clean.out + clean.err);
    QVERIFY2(clean.out.contains("drift.share"), clean.out.constData());
    CliResult none = m_h->cairn({"gate", "check", "gated", "3", "--alias", "staging"});
    QVERIFY2(none.exitCode == 1, none.out + none.err);
    QVERIFY(m_h->cairn({"gate", "sources"}).out.contains("fairness"));
    // The version's card shows the fairness report attached to its run.
    QByteArray preds = "group,label,pred\n";
    for (int i = 0; i < 40; ++i)
        preds += QByteArray(i % 2 ? "a" : "b") + "," + QByteArray::number(i % 3 == 0) + "," + QByteArray::number(i % 4 == 0) + "\n";
    const QString predPath = m_h->writeFile("gated-pred.csv", preds);
    QCOMPARE(m_h->cairn({"fairness", predPath, "--label", "label", "--pred", "pred", "--sensitive", "group", "--run", "g-clean"}).exitCode, 0);
    const QString card = m_h->project() + "/gated-card.json";
    CliResult exported = m_h->cairn({"card", "export", "gated", "2", "--format", "mct-json", "-o", card});
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    QFile cardFile(card);
    QVERIFY(cardFile.open(QIODevice::ReadOnly));
    QVERIFY(cardFile.readAll().contains("demographic_parity_difference"));
    QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
    config.write(before);
    config.close();
}

QTEST_GUILESS_MAIN(TestReports)
#include "tst_reports.moc"
