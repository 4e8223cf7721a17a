// Project folders: init, discovery from sub-folders, and cairn.yaml errors with positions.
#include "engine/store/project.h"

#include <QtTest>

#include <filesystem>

using namespace cairn;
namespace fs = std::filesystem;

class TestProject : public QObject {
    Q_OBJECT
private slots:
    void initCreatesLayout();
    void discoverWalksUp();
    void discoverOutsideFails();
    void configErrors_data();
    void configErrors();
    void configOk();

private:
    QTemporaryDir m_dir;
};

void TestProject::initCreatesLayout()
{
    fs::path root = m_dir.path().toStdString() + "/p";
    auto p = Project::init(root, "demo");
    QVERIFY2(p, p.ok() ? "" : p.message().c_str());
    for (const char* entry : {"cairn.yaml", "cairn.db", "runs", "artifacts"})
        QVERIFY2(fs::exists(root / entry), entry);
    QCOMPARE(p->config().name, std::string("demo"));
    QVERIFY(!Project::init(root));
}

void TestProject::discoverWalksUp()
{
    fs::path root = m_dir.path().toStdString() + "/q";
    QVERIFY(Project::init(root));
    fs::create_directories(root / "src" / "deep");
    auto p = Project::discover(root / "src" / "deep");
    QVERIFY2(p, p.ok() ? "" : p.message().c_str());
    QCOMPARE(p->root(), fs::weakly_canonical(root));
}

void TestProject::discoverOutsideFails()
{
    auto p = Project::discover("/");
    QVERIFY(!p);
    QVERIFY(QString::fromStdString(p.message()).contains("cairn init"));
}

void TestProject::configErrors_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown field") << "name: x\nnmae: y\n" << "cairn.yaml:2:1: unknown field 'nmae'";
    QTest::newRow("list as root") << "- a\n- b\n" << "cairn.yaml:1:1: the project settings must be a mapping";
    QTest::newRow("name is a list") << "name: [a, b]\n" << "cairn.yaml:1:7: field 'name' must be a string";
    QTest::newRow("bad yaml") << "name: [a, b\n" << "cairn.yaml:2:1:";
    QTest::newRow("python is a map") << "python:\n  a: 1\n" << "cairn.yaml:2:3: field 'python' must be a string";
    QTest::newRow("gpus not a list") << "gpus: 2\n" << "cairn.yaml:1:7: field 'gpus' must be a list";
    QTest::newRow("gpu index negative") << "gpus: [0, -1]\n" << "cairn.yaml:1:11: 'gpus' entries must be GPU indices";
    QTest::newRow("engine not a map") << "engine: 5\n" << "cairn.yaml:1:9: field 'engine' must be a mapping";
    QTest::newRow("engine typo") << "engine:\n  idle_exit: 5\n" << "cairn.yaml:2:3: unknown field 'engine.idle_exit'";
    QTest::newRow("engine idle zero") << "engine: {idle_exit_s: 0}\n" << "cairn.yaml:1:23: 'engine.idle_exit_s' must be";
}

void TestProject::configErrors()
{
    QFETCH(QString, yaml);
    QFETCH(QString, message);
    auto c = parseProjectConfig(yaml.toStdString(), "cairn.yaml");
    QVERIFY(!c);
    QVERIFY2(QString::fromStdString(c.message()).startsWith(message), c.message().c_str());
}

void TestProject::configOk()
{
    auto c = parseProjectConfig("# comment\nname: demo\npython: /usr/bin/python3\nexecutors: {}\ngpus: [1, 3]\n"
                                "engine:\n  idle_exit_s: 600\n",
                                "cairn.yaml");
    QVERIFY2(c, c.ok() ? "" : c.message().c_str());
    QCOMPARE(c->python, std::string("/usr/bin/python3"));
    QCOMPARE(c->gpus, (std::vector<int>{1, 3}));
    QCOMPARE(c->engineIdleExitSeconds, 600);
    QVERIFY(parseProjectConfig("", "cairn.yaml"));
}

QTEST_APPLESS_MAIN(TestProject)
#include "tst_project.moc"
