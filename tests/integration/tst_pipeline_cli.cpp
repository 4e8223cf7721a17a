// `cairn pipeline validate|dag|list` as a user runs them: the real binary in a temporary
// project. Exit codes (0 with warnings, 1 with errors, 2 for bad usage or a missing file),
// compiler-style messages on stderr, and dag's JSON read back with nlohmann::json.
#include "cli_harness.h"

#include <nlohmann/json.hpp>

#include <QtTest>

class TestPipelineCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void validateOkWithWarnings();
    void validateErrorsExitOne();
    void validateJson();
    void dagText();
    void dagDot();
    void dagJsonParses();
    void dagRefusesABrokenFile();
    void listPipelines();
    void usageErrors();
    void realDvcYaml();

private:
    // A file inside the project, folders made as needed.
    QString put(const QString& rel, const QByteArray& contents)
    {
        QDir().mkpath(QFileInfo(m_h.project() + "/" + rel).path());
        return m_h.writeFile("proj/" + rel, contents);
    }
    CliHarness m_h;
    QString m_good;
    QString m_bad;
};

void TestPipelineCli::initTestCase()
{
    QVERIFY(m_h.ok());
    put("params.yaml", "train:\n  lr: 0.01\nmodels: [cnn, mlp]\n");
    put("data/raw.csv", "a\n1\n");
    m_good = put("pipelines/train.yaml",
                           "stages:\n"
                           "  prepare:\n"
                           "    cmd: python prep.py\n"
                           "    deps: [data/raw.csv, prep.py]\n"
                           "    outs: [data/clean]\n"
                           "  train:\n"
                           "    foreach: ${models}\n"
                           "    do:\n"
                           "      cmd: python train.py ${item} --lr ${train.lr}\n"
                           "      deps: [data/clean/part.csv]\n"
                           "      params: [train.lr]\n"
                           "      outs: [\"models/${item}.pt\"]\n"
                           "      resources: {gpus: 1}\n");
    m_bad = put("pipelines/broken.yaml",
                          "stages:\n"
                          "  a:\n"
                          "    cmd: echo ${nope}\n"
                          "    dep: [x]\n");
}

void TestPipelineCli::validateOkWithWarnings()
{
    CliResult r = m_h.cairn({"pipeline", "validate", m_good});
    QCOMPARE(r.exitCode, 0);
    // prep.py is neither produced nor on disk: a warning, at its position.
    QVERIFY2(r.err.contains("train.yaml:4:26: warning: stages.prepare.deps[1]: 'prep.py' is not an output of any stage"), r.err.constData());
    QVERIFY2(r.out.contains("3 stages, 2 edges, 0 errors, 1 warning"), r.out.constData());
}

void TestPipelineCli::validateErrorsExitOne()
{
    CliResult r = m_h.cairn({"pipeline", "validate", m_bad});
    QCOMPARE(r.exitCode, 1);
    const QList<QByteArray> lines = r.err.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines[0].endsWith("broken.yaml:3:15: error: stages.a.cmd: undefined variable 'nope'"), lines[0].constData());
    QVERIFY2(lines[1].endsWith("broken.yaml:4:5: error: stages.a.dep: unknown key 'dep' in a stage (did you mean 'deps'?)"), lines[1].constData());
    QVERIFY(r.out.contains("2 errors"));
}

void TestPipelineCli::validateJson()
{
    CliResult r = m_h.cairn({"pipeline", "validate", m_bad, "--format", "json"});
    QCOMPARE(r.exitCode, 1);
    auto j = nlohmann::json::parse(r.out.toStdString());
    QCOMPARE(j["ok"].get<bool>(), false);
    QCOMPARE(j["errors"].get<int>(), 2);
    QCOMPARE(j["diagnostics"][1]["line"].get<int>(), 4);
    QCOMPARE(j["diagnostics"][1]["column"].get<int>(), 5);
    QCOMPARE(j["diagnostics"][1]["field"].get<std::string>(), std::string("stages.a.dep"));
}

void TestPipelineCli::dagText()
{
    CliResult r = m_h.cairn({"pipeline", "dag", m_good});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith("level  stage      after\n0      prepare    -\n1      train@cnn  prepare\n1      train@mlp  prepare\n"),
             r.out.constData());
    QVERIFY(r.out.contains("3 stages, 2 edges, 2 levels"));
}

void TestPipelineCli::dagDot()
{
    CliResult r = m_h.cairn({"pipeline", "dag", m_good, "--format", "dot"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("digraph pipeline {"));
    QVERIFY(r.out.contains("\"prepare\" -> \"train@mlp\";"));
}

void TestPipelineCli::dagJsonParses()
{
    CliResult r = m_h.cairn({"pipeline", "dag", m_good, "--format", "json"});
    QCOMPARE(r.exitCode, 0);
    auto j = nlohmann::json::parse(r.out.toStdString());
    QCOMPARE(j["stages"].size(), std::size_t(3));
    const auto& train = j["stages"][2];
    QCOMPARE(train["name"].get<std::string>(), std::string("train@mlp"));
    QCOMPARE(train["entry"].get<std::string>(), std::string("train"));
    QCOMPARE(train["cmd"].get<std::string>(), std::string("python train.py mlp --lr 0.01"));
    QCOMPARE(train["deps"][0].get<std::string>(), std::string("data/clean/part.csv"));
    QCOMPARE(train["outs"][0]["path"].get<std::string>(), std::string("models/mlp.pt"));
    QCOMPARE(train["resources"]["gpus"].get<int>(), 1);
    QCOMPARE(train["level"].get<int>(), 1);
    QCOMPARE(j["edges"].size(), std::size_t(2));
    QCOMPARE(j["edges"][0]["from"].get<std::string>(), std::string("prepare"));
    QCOMPARE(j["edges"][0]["path"].get<std::string>(), std::string("data/clean/part.csv"));
    QCOMPARE(j["levels"].size(), std::size_t(2));
}

void TestPipelineCli::dagRefusesABrokenFile()
{
    CliResult r = m_h.cairn({"pipeline", "dag", m_bad});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.err.contains("has 2 errors"));
}

void TestPipelineCli::listPipelines()
{
    put("dvc.yaml", "stages:\n  s:\n    cmd: echo\n");
    CliResult r = m_h.cairn({"pipeline", "list"});
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 4);
    QVERIFY2(lines[1].simplified() == "broken pipelines/broken.yaml 1 2 0", r.out.constData());
    QVERIFY2(lines[2].simplified() == "train pipelines/train.yaml 3 0 1", r.out.constData());
    QVERIFY2(lines[3].simplified() == "dvc dvc.yaml 1 0 0", r.out.constData());
    auto j = nlohmann::json::parse(m_h.cairn({"pipeline", "list", "--format", "json"}).out.toStdString());
    QCOMPARE(j.size(), std::size_t(3));
}

void TestPipelineCli::usageErrors()
{
    CliResult r = m_h.cairn({"pipeline", "valdate", m_good});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("unknown subcommand 'valdate' (did you mean 'validate'?)"), r.err.constData());
    QCOMPARE(m_h.cairn({"pipeline", "dag", m_good, "--format", "svg"}).exitCode, 2);
    QCOMPARE(m_h.cairn({"pipeline", "validate"}).exitCode, 2);
    QCOMPARE(m_h.cairn({"pipeline", "validate", m_good, "--bogus"}).exitCode, 2);
    QCOMPARE(m_h.cairn({"pipeline"}).exitCode, 2);
    r = m_h.cairn({"pipeline", "validate", m_h.project() + "/pipelines/missing.yaml"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("cannot read"));
    QCOMPARE(m_h.cairn({"pipeline", "--help"}).exitCode, 0);
}

void TestPipelineCli::realDvcYaml()
{
    const QString file = QString(CAIRN_TEST_DATA) + "/dvc/iterative__demo-bank-customer-churn/dvc.yaml";
    CliResult r = m_h.cairn({"pipeline", "validate", file});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("3 stages, 3 edges, 0 errors"));
    r = m_h.cairn({"pipeline", "dag", file, "--format", "json"});
    QCOMPARE(r.exitCode, 0);
    auto j = nlohmann::json::parse(r.out.toStdString());
    QCOMPARE(j["stages"][1]["outs"][0]["path"].get<std::string>(), std::string("model//clf-model"));  // as DVC interpolates it
    QCOMPARE(j["edges"].size(), std::size_t(3));
}

QTEST_GUILESS_MAIN(TestPipelineCli)
#include "tst_pipeline_cli.moc"
