// `cairn runs --filter/--sort/--columns/--limit` and `cairn compare`, in-process on a project
// seeded with the search tests' twenty runs.
#include "search_seed.h"

#include "engine/cli/commands.h"
#include "engine/store/project.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <sstream>

using namespace cairn;

struct Out {
    int code = -1;
    QString out;
    QString err;
};

class TestCliQuery : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void usageErrors_data();
    void usageErrors();
    void filterAndColumns();
    void sortLimitOffset();
    void jsonColumns();
    void defaultListingUnchanged();
    void badFilterShowsCaret();
    void compareText();
    void compareOnlyDiffCsvJson();

private:
    Out cairn(const QStringList& args);
    QTemporaryDir m_dir;
    std::string m_project;
};

void TestCliQuery::initTestCase()
{
    m_project = (m_dir.path() + "/proj").toStdString();
    auto project = Project::init(m_project);
    QVERIFY(project);
    auto store = Store::open(project->databasePath(), Store::Mode::ReadWrite);
    QVERIFY(store);
    std::string failed = searchseed::seed(**store);
    QVERIFY2(failed.empty(), failed.c_str());
}

Out TestCliQuery::cairn(const QStringList& args)
{
    std::vector<std::string> argv = {"--project", m_project};
    for (const QString& a : args)
        argv.push_back(a.toStdString());
    std::ostringstream out, err;
    Out r;
    r.code = cli::runCli(argv, out, err);
    r.out = QString::fromStdString(out.str());
    r.err = QString::fromStdString(err.str());
    return r;
}

void TestCliQuery::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("bad limit") << QStringList{"runs", "--limit", "ten"} << 2 << "--limit must be a whole number";
    QTest::newRow("negative offset") << QStringList{"runs", "--offset", "-1"} << 2 << "--offset must be a whole number";
    QTest::newRow("bad sort key") << QStringList{"runs", "--sort", "metrcs.acc"} << 2 << "did you mean 'metrics.acc'?";
    QTest::newRow("bad column") << QStringList{"runs", "--columns", "name,staus"} << 2 << "did you mean 'status'?";
    QTest::newRow("asc takes no value") << QStringList{"runs", "--asc=1"} << 2 << "takes no value";
    QTest::newRow("compare one run") << QStringList{"compare", "resnet-a"} << 2 << "give at least two runs to compare (got 1)";
    QTest::newRow("compare no run") << QStringList{"compare"} << 2 << "got 0";
    QTest::newRow("compare unknown run") << QStringList{"compare", "resnet-a", "resnet-z"} << 2 << "no run matches 'resnet-z'";
    QTest::newRow("compare ambiguous prefix") << QStringList{"compare", "resnet-a", "0000"} << 2 << "is ambiguous";
    QTest::newRow("compare bad format") << QStringList{"compare", "a", "b", "--format", "html"} << 2 << "expected one of";
}

void TestCliQuery::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    Out r = cairn(args);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QCOMPARE(r.code, code);
}

void TestCliQuery::filterAndColumns()
{
    Out r = cairn({"runs", "--filter", "params.lr = 0.01 and metrics.acc >= 0.9", "--columns", "name, params.lr,metrics.acc",
                   "--sort", "name", "--asc", "--format", "csv"});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QString("name,params.lr,metrics.acc\nold-run,0.01,0.9\nresnet-a,0.01,0.91\n"));
    r = cairn({"runs", "--filter", "name = 'nothing'"});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QString("no runs match\n"));
    r = cairn({"runs", "--experiment", "sweep", "--filter", "params.seed >= 2", "--columns",
               "id,name,status,exit_code,min(metrics.loss),count(metrics.loss),tags.sweep,start,duration", "--format", "csv",
               "--sort", "params.seed", "--asc"});
    QCOMPARE(r.code, 0);
    QStringList lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines[0], QString("id,name,status,exit_code,min(metrics.loss),count(metrics.loss),tags.sweep,start_ms,duration_ms"));
    const QString start2 = QString::number(*query::parseLocalDate("2024-03-01 21:00"));
    QCOMPARE(lines[1], QString::fromStdString(searchseed::runId(13)) + ",sweep_002,finished,0,0.28,1,s1," + start2 + ",125000");
    QVERIFY(lines[3].startsWith(QString::fromStdString(searchseed::runId(15)) + ",sweep_010,failed,1,inf,1,s2,"));
    // Text: short ids, local times, durations as people read them.
    r = cairn({"runs", "--filter", "name = 'sweep_002'", "--columns", "id,start,duration,tags.`my key`"});
    QCOMPARE(r.out, QString("id        start                duration  tags.`my key`\n00000000  2024-03-01 21:00:00  2m05s\n"));
}

void TestCliQuery::sortLimitOffset()
{
    Out r = cairn({"runs", "--sort", "metrics.acc", "--limit", "3", "--columns", "name,metrics.acc"});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QString("name      metrics.acc\nresnet-b  0.95\nresnet-a  0.91\nold-run   0.9\n"
                            "(runs 1-3 of 20; --limit and --offset show others)\n"));
    r = cairn({"runs", "--sort", "metrics.acc", "--limit", "2", "--offset", "3", "--columns", "name", "--format", "csv"});
    QCOMPARE(r.out, QString("name\nvit-small\nsweep_002\n"));
    r = cairn({"runs", "--offset", "50", "--columns", "name"});
    QCOMPARE(r.out, QString("no runs past the first 20 (--offset 50)\n"));
    r = cairn({"runs", "--sort", "duration", "--asc", "--limit", "1", "--columns", "name,duration", "--format", "json"});
    QJsonArray a = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(a.size(), 1);
    QCOMPARE(a[0].toObject()["name"].toString(), QString("baseline"));
    QCOMPARE(a[0].toObject()["duration_ms"].toInt(), 1000);
}

void TestCliQuery::jsonColumns()
{
    Out r = cairn({"runs", "--filter", "name in ('gpt-tiny', 'gpt-small', 'sweep_010')", "--sort", "name", "--asc",
                   "--columns", "name,params.opt,metrics.loss,count(metrics.loss),exit_code,start", "--format", "json"});
    QCOMPARE(r.code, 0);
    QJsonParseError e;
    QJsonArray a = QJsonDocument::fromJson(r.out.toUtf8(), &e).array();
    QCOMPARE(e.error, QJsonParseError::NoError);
    QCOMPARE(a.size(), 3);
    QJsonObject small = a[0].toObject(), tiny = a[1].toObject(), sweep = a[2].toObject();
    QCOMPARE(small.keys().size(), 6);
    QCOMPARE(small["name"].toString(), QString("gpt-small"));
    QCOMPARE(small["params.opt"].toString(), QString("adam"));
    QCOMPARE(small["metrics.loss"].toString(), QString("nan"));
    QCOMPARE(small["count(metrics.loss)"].toInt(), 1);
    QCOMPARE(small["exit_code"].toInt(), 2);
    QVERIFY(tiny["params.opt"].isNull());
    QVERIFY(tiny["metrics.loss"].isNull());
    QVERIFY(tiny["exit_code"].isNull());
    QVERIFY(tiny["start_ms"].isNull());
    QCOMPARE(sweep["metrics.loss"].toString(), QString("inf"));
}

void TestCliQuery::defaultListingUnchanged()
{
    // Without the new options: every run, newest first, the usual columns.
    Out r = cairn({"runs", "--format", "csv"});
    QCOMPARE(r.code, 0);
    QStringList lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 21);
    QVERIFY(lines[0].startsWith("id,name,experiment,status,start_ms,duration_ms,exit,params.batch,params.lr,"));
    QVERIFY(lines[1].contains(",\xC3\xBCn\xC3\xAF" "code,default,finished,"));
    QVERIFY(lines[20].contains(",gpt-tiny,nlp,queued,0,-1,"));  // not started: last
    r = cairn({"runs", "--format", "json", "--filter", "status = 'running'"});
    QJsonArray a = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(a.size(), 1);
    QCOMPARE(a[0].toObject()["metrics"].toObject()["loss"].toObject()["last"].toDouble(), 1.5);
    QCOMPARE(a[0].toObject()["params"].toObject()["opt"].toString(), QString("adamw"));
}

void TestCliQuery::badFilterShowsCaret()
{
    Out r = cairn({"runs", "--filter", "metrics.acc > 0.9 adn params.lr = 1"});
    QCOMPARE(r.code, 2);
    QCOMPARE(r.out, QString());
    QCOMPARE(r.err, QString("cairn runs: bad --filter\n"
                            "  metrics.acc > 0.9 adn params.lr = 1\n"
                            "                    ^\n"
                            "  column 19: expected 'and', 'or' or the end of the filter, found 'adn' (did you mean 'and'?)\n"));
    r = cairn({"runs", "--filter", "name = '\xC3\xA9t\xC3\xA9' and\tx"});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("  name = '\xC3\xA9t\xC3\xA9' and x\n" + QString(19, ' ') + "^\n  column 18: unknown field 'x'"),
             qPrintable(r.err));
}

void TestCliQuery::compareText()
{
    Out r = cairn({"compare", "resnet-a", "resnet-b", searchseed::runId(3).c_str()});
    QCOMPARE(r.code, 0);
    // Cells of each line (columns are two spaces apart at least), by field.
    QMap<QString, QStringList> rows;
    QStringList lines = r.out.split('\n', Qt::SkipEmptyParts);
    for (const QString& line : lines) {
        QStringList cells = line.split(QRegularExpression("\\s{2,}"));
        rows[cells.value(1)] = cells;
    }
    QCOMPARE(lines[0].indexOf("field"), 3);
    QCOMPARE(rows["field"], (QStringList{"", "field", "00000000", "00000000", "00000000"}));
    QCOMPARE(rows["name"], (QStringList{"*", "name", "resnet-a", "resnet-b", "resnet-c"}));
    QCOMPARE(rows["experiment"], (QStringList{"", "experiment", "vision", "vision", "vision"}));
    QCOMPARE(rows["command"], (QStringList{"", "command", "python train.py", "python train.py", "python train.py"}));
    QCOMPARE(rows["params.lr"], (QStringList{"*", "params.lr", "0.01", "0.1", "0.001"}));
    QCOMPARE(rows["params.optim.lr"], (QStringList{"*", "params.optim.lr", "0.1", "-", "-"}));
    QCOMPARE(rows["tags.`my key`"], (QStringList{"*", "tags.`my key`", "-", "x", "-"}));
    QCOMPARE(rows["metrics.acc"], (QStringList{"*", "metrics.acc", "0.91", "0.95", "0.3"}));
    QCOMPARE(rows["min(metrics.loss)"], (QStringList{"*", "min(metrics.loss)", "0.2", "0.1", "2.5"}));
    QCOMPARE(rows["duration"], (QStringList{"*", "duration", "1m30s", "5m00s", "30.0s"}));
    QCOMPARE(rows["exit_code"], (QStringList{"*", "exit_code", "0", "0", "1"}));
}

void TestCliQuery::compareOnlyDiffCsvJson()
{
    Out r = cairn({"compare", "sweep_001", "sweep_002", "--only-diff", "--format", "csv"});
    QCOMPARE(r.code, 0);
    const QString id1 = QString::fromStdString(searchseed::runId(12)), id2 = QString::fromStdString(searchseed::runId(13));
    QCOMPARE(r.out, "field,differs," + id1 + "," + id2 + "\n"
                    "name,1,sweep_001,sweep_002\n"
                    "duration,1,120000,125000\n"
                    "params.lr,1,0.01,0.02\n"
                    "params.seed,1,1,2\n"
                    "metrics.acc,1,0.81,0.83\n"
                    "min(metrics.acc),1,0.81,0.83\n"
                    "max(metrics.acc),1,0.81,0.83\n"
                    "metrics.loss,1,0.3,0.28\n"
                    "min(metrics.loss),1,0.3,0.28\n"
                    "max(metrics.loss),1,0.3,0.28\n");
    r = cairn({"compare", "sweep_001", "sweep_002", "--format", "json"});
    QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o["runs"].toArray().size(), 2);
    QCOMPARE(o["runs"].toArray()[1].toObject()["name"].toString(), QString("sweep_002"));
    bool sawStatus = false, sawDuration = false;
    for (const auto& v : o["rows"].toArray()) {
        QJsonObject row = v.toObject();
        if (row["field"] == "status") {
            sawStatus = true;
            QCOMPARE(row["differs"].toBool(), false);
            QCOMPARE(row["values"].toArray()[0].toString(), QString("finished"));
        }
        if (row["field"] == "duration") {
            sawDuration = true;
            QCOMPARE(row["values"].toArray()[1].toInt(), 125000);
        }
    }
    QVERIFY(sawStatus && sawDuration);
    r = cairn({"compare", "sweep_001", "sweep_001", "--only-diff"});
    QCOMPARE(r.out, QString("the 2 runs do not differ\n"));
}

QTEST_APPLESS_MAIN(TestCliQuery)
#include "tst_cli_query.moc"
