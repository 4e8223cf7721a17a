// CLI argument errors: each bad invocation exits 2 with a message that says what to do.
#include "engine/cli/commands.h"
#include "engine/store/project.h"

#include <QtTest>

#include <sstream>

using namespace cairn;

class TestCliArgs : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void errors_data();
    void errors();
    void helpExitsZero_data();
    void helpExitsZero();

private:
    QTemporaryDir m_dir;
    QString m_project;
};

void TestCliArgs::initTestCase()
{
    m_project = m_dir.path() + "/proj";
    QVERIFY(Project::init(m_project.toStdString()));
}

void TestCliArgs::errors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("no command") << QStringList{} << 2 << "usage: cairn";
    QTest::newRow("unknown command") << QStringList{"rnus"} << 2 << "did you mean 'runs'";
    QTest::newRow("unknown global option") << QStringList{"--verbose", "runs"} << 2 << "unknown option '--verbose'";
    QTest::newRow("bad format") << QStringList{"runs", "--format", "xml"} << 2 << "expected one of: csv, json, table";
    QTest::newRow("format missing value") << QStringList{"runs", "--format"} << 2 << "needs a value";
    QTest::newRow("unknown option with hint") << QStringList{"runs", "--experimnet", "x"} << 2 << "did you mean '--experiment'";
    QTest::newRow("option twice") << QStringList{"runs", "--format", "json", "--format", "csv"} << 2 << "given twice";
    QTest::newRow("flag with value") << QStringList{"run", "--quiet=1", "--", "true"} << 2 << "takes no value";
    QTest::newRow("run without command") << QStringList{"run"} << 2 << "missing the command to run";
    QTest::newRow("run command without --") << QStringList{"run", "python", "x.py"} << 2 << "after '--'";
    QTest::newRow("run bad param") << QStringList{"run", "--param", "lr", "--", "true"} << 2 << "is not KEY=VALUE";
    QTest::newRow("run bad param key") << QStringList{"run", "--param", "a b=1", "--", "true"} << 2 << "is invalid";
    QTest::newRow("run duplicate param") << QStringList{"run", "--param", "a=1", "--param", "a=2", "--", "true"} << 2 << "given twice";
    QTest::newRow("show missing run") << QStringList{"show"} << 2 << "missing argument RUN";
    QTest::newRow("show unknown run") << QStringList{"show", "doesnotexist"} << 2 << "no run matches";
    QTest::newRow("show extra argument") << QStringList{"show", "a", "b"} << 2 << "unexpected argument 'b'";
    QTest::newRow("metrics unknown run") << QStringList{"metrics", "zzz"} << 2 << "no run matches";
    QTest::newRow("metrics bad format") << QStringList{"metrics", "zzz", "--format", "table"} << 2 << "expected one of";
    QTest::newRow("experiments stray arg") << QStringList{"experiments", "x"} << 2 << "unexpected argument";
    QTest::newRow("demo without dir") << QStringList{"demo"} << 2 << "missing argument DIR";
    QTest::newRow("demo bad epochs") << QStringList{"demo", "/tmp/x", "--epochs", "ten"} << 2 << "--epochs must be";
    QTest::newRow("gpus bad format") << QStringList{"gpus", "--format", "yaml"} << 2 << "expected one of";
    QTest::newRow("not a project") << QStringList{"--project", "/nonexistent/dir", "runs"} << 2 << "is not a Cairn project";
    QTest::newRow("init over existing") << QStringList{"init", "@PROJECT@"} << 1 << "already holds a Cairn project";
}

void TestCliArgs::errors()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    std::vector<std::string> argv;
    bool hasProject = false;
    for (const QString& a : args) {
        hasProject = hasProject || a == "--project";
        argv.push_back(a == "@PROJECT@" ? m_project.toStdString() : a.toStdString());
    }
    if (!hasProject && !args.isEmpty() && args.first() != "init") {
        argv.insert(argv.begin(), {"--project", m_project.toStdString()});
    }
    std::ostringstream out, err;
    int rc = cli::runCli(argv, out, err);
    QString errText = QString::fromStdString(err.str());
    QVERIFY2(errText.contains(message), qPrintable("stderr was: " + errText));
    QCOMPARE(rc, code);
}

void TestCliArgs::helpExitsZero_data()
{
    QTest::addColumn<QString>("command");
    for (const auto& c : cli::commands())
        QTest::newRow(c.name) << QString(c.name);
}

void TestCliArgs::helpExitsZero()
{
    QFETCH(QString, command);
    std::ostringstream out, err;
    QCOMPARE(cli::runCli({command.toStdString(), "--help"}, out, err), 0);
    QVERIFY(QString::fromStdString(out.str()).contains("usage: cairn " + command));
}

QTEST_APPLESS_MAIN(TestCliArgs)
#include "tst_cli_args.moc"
