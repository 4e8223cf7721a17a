// The read commands' output formats, run references and the demo, through the real binary.
#include "cli_harness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace cairn;

class TestCairnCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void runsFormats();
    void showByPrefixAndName();
    void metricsCsvAndJson();
    void metricsKeyTypoHint();
    void experiments();
    void findsProjectFromSubfolder();
    void demoProject();
    void filterAndCompare();

private:
    std::unique_ptr<CliHarness> m_h;
    std::string m_runId;
};

void TestCairnCli::initTestCase()
{
    m_h = std::make_unique<CliHarness>();
    QVERIFY(m_h->ok());
    CliResult r = m_h->cairn({"run", "--quiet", "--name", "alpha", "--experiment", "e1", "--param", "lr=0.5", "--",
                              "/bin/sh", "-c", "echo cairn:metric step=0 loss=2; echo cairn:metric step=1 loss=1,5 ; "
                                               "echo cairn:metric step=1 loss=1.5; echo 'cairn:metric g=-inf'"});
    QCOMPARE(r.exitCode, 0);
    m_runId = m_h->newestRun().id;
    QCOMPARE(m_h->cairn({"run", "--quiet", "--name", "beta", "--", "/bin/true"}).exitCode, 0);
}

void TestCairnCli::runsFormats()
{
    CliResult table = m_h->cairn({"runs"});
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.out.startsWith("id "));
    QVERIFY(table.out.contains("alpha") && table.out.contains("beta") && table.out.contains("params.lr"));

    CliResult csv = m_h->cairn({"runs", "--format", "csv", "--experiment", "e1"});
    QCOMPARE(csv.exitCode, 0);
    QList<QByteArray> lines = csv.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines[0].startsWith("id,name,experiment,status,start_ms,duration_ms,exit,params.lr,metrics.g,metrics.loss"));
    QVERIFY(lines[1].startsWith(QByteArray::fromStdString(m_runId) + ",alpha,e1,finished,"));
    QVERIFY(lines[1].endsWith(",0,0.5,-inf,1.5"));

    CliResult json = m_h->cairn({"runs", "--format", "json"});
    QJsonParseError err;
    QJsonDocument doc = QJsonDocument::fromJson(json.out, &err);
    QCOMPARE(err.error, QJsonParseError::NoError);
    QCOMPARE(doc.array().size(), 2);
    QJsonObject alpha = doc.array().at(1).toObject();
    QCOMPARE(alpha["name"].toString(), QString("alpha"));
    QCOMPARE(alpha["metrics"].toObject()["loss"].toObject()["last"].toDouble(), 1.5);
    QCOMPARE(alpha["metrics"].toObject()["g"].toObject()["last"].toString(), QString("-inf"));
}

void TestCairnCli::showByPrefixAndName()
{
    CliResult byPrefix = m_h->cairn({"show", QString::fromStdString(m_runId.substr(0, 6))});
    QCOMPARE(byPrefix.exitCode, 0);
    QVERIFY(byPrefix.out.contains("name        alpha"));
    QVERIFY(QString::fromUtf8(byPrefix.out).contains(QRegularExpression("\\nlr +0\\.5\\n")));
    CliResult byName = m_h->cairn({"show", "alpha", "--format", "json"});
    QCOMPARE(byName.exitCode, 0);
    QJsonObject o = QJsonDocument::fromJson(byName.out).object();
    QCOMPARE(o["id"].toString().toStdString(), m_runId);
    QCOMPARE(o["metrics"].toObject()["loss"].toObject()["count"].toInt(), 2);
}

void TestCairnCli::metricsCsvAndJson()
{
    CliResult csv = m_h->cairn({"metrics", "alpha", "--key", "loss"});
    QCOMPARE(csv.exitCode, 0);
    QList<QByteArray> lines = csv.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0], QByteArray("run,key,step,timestamp,value"));
    QVERIFY(lines[1].startsWith(QByteArray::fromStdString(m_runId) + ",loss,0,"));
    QVERIFY(lines[2].endsWith(",1.5"));
    CliResult json = m_h->cairn({"metrics", "alpha", "--format", "json"});
    QJsonArray arr = QJsonDocument::fromJson(json.out).array();
    QCOMPARE(arr.size(), 3);
    QCOMPARE(arr[0].toObject()["value"].toString(), QString("-inf"));
}

void TestCairnCli::metricsKeyTypoHint()
{
    CliResult r = m_h->cairn({"metrics", "alpha", "--key", "los"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("did you mean 'loss'"));
}

void TestCairnCli::experiments()
{
    CliResult r = m_h->cairn({"experiments", "--format", "csv"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("default,1,"));
    QVERIFY(r.out.contains("e1,1,"));
}

void TestCairnCli::findsProjectFromSubfolder()
{
    QDir().mkpath(m_h->project() + "/src/deep");
    QProcess p;
    p.setWorkingDirectory(m_h->project() + "/src/deep");
    p.start(CAIRN_BIN, {"runs", "--format", "csv"});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    QVERIFY(p.readAllStandardOutput().contains("alpha"));
    p.setWorkingDirectory(QDir::rootPath());
    p.start(CAIRN_BIN, {"runs"});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(p.readAllStandardError().contains("not inside a Cairn project"));
}

void TestCairnCli::demoProject()
{
    QTemporaryDir dir;
    QString demo = dir.path() + "/demo";
    QProcess p;
    p.start(CAIRN_BIN, {"demo", demo, "--epochs", "4"});
    QVERIFY(p.waitForFinished(180000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    auto store = Store::open((demo + "/cairn.db").toStdString(), Store::Mode::ReadOnly);
    QVERIFY(store);
    auto runs = (*store)->runs();
    QVERIFY(runs->size() >= 6);
    for (const auto& rs : *runs) {
        QVERIFY(rs.run.status == RunStatus::Finished);
        QCOMPARE(rs.metrics.at("val_acc").count, std::int64_t(4));
        QVERIFY(rs.metrics.at("val_acc").last > 0.5);  // it really learned the digits
        QVERIFY(rs.run.params.count("lr"));
    }
    // A second call keeps the project as it is.
    p.start(CAIRN_BIN, {"demo", demo});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    QVERIFY(p.readAllStandardOutput().contains("already has"));
}

void TestCairnCli::filterAndCompare()
{
    CliResult csv = m_h->cairn({"runs", "--filter", "params.lr = 0.5", "--columns", "name,params.lr,metrics.loss", "--format", "csv"});
    QCOMPARE(csv.exitCode, 0);
    QCOMPARE(csv.out, QByteArray("name,params.lr,metrics.loss\nalpha,0.5,1.5\n"));
    CliResult bad = m_h->cairn({"runs", "--filter", "params.lr >"});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains("  params.lr >\n             ^\n  column 12: expected a value after '>' but the filter ended\n"),
             bad.err.constData());
    CliResult cmp = m_h->cairn({"compare", "alpha", "beta", "--only-diff"});
    QCOMPARE(cmp.exitCode, 0);
    QVERIFY(cmp.out.contains("*  params.lr"));
    QVERIFY(!cmp.out.contains("status"));  // both finished
    QCOMPARE(m_h->cairn({"compare", "alpha"}).exitCode, 2);
    QCOMPARE(m_h->cairn({"compare", "alpha", "nosuchrun"}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCairnCli)
#include "tst_cairn_cli.moc"
