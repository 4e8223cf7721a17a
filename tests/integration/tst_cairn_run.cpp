// `cairn run` on real child processes: exit codes, signals, logs and every metric point.
#include "cli_harness.h"

#include <QtTest>

#include <cmath>
#include <csignal>

using namespace cairn;

class TestCairnRun : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void pythonScript();
    void shellScriptLogsBothStreams();
    void childThatSegfaults();
    void childThatExitsThree();
    void hundredThousandLines();
    void jsonlFile();
    void commandNotFound();
    void notExecutable();
    void sigtermIsForwarded();
    void rawBytesAndNoTrailingNewline();
    void malformedLinesReportedOnce();
    void missingStepMeansNextStep();
    void hugeLineDoesNotLoseLaterLines();
    void paramsFromCommandLine();

private:
    std::unique_ptr<CliHarness> m_h;
};

void TestCairnRun::initTestCase()
{
    m_h = std::make_unique<CliHarness>();
    QVERIFY(m_h->ok());
    QVERIFY2(!CliHarness::python().isEmpty(), "python3 is required");
}

void TestCairnRun::pythonScript()
{
    QString script = m_h->writeFile("train.py", R"(
import os, sys
print("cairn:param optimizer=adam")
print("cairn:tag seen_run_id=" + os.environ["CAIRN_RUN_ID"])
print("cairn:tag seen_project=" + os.environ["CAIRN_PROJECT"].replace(" ", "_"))
for epoch in range(10):
    print(f"cairn:metric step={epoch} loss={1.0/(epoch+1):.6f} acc={epoch/10}")
    print(f"epoch {epoch} done")
print("to stderr", file=sys.stderr)
)");
    CliResult r = m_h->cairn({"run", "--name", "py", "--experiment", "exp1", "--", CliHarness::python(), script});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("epoch 9 done"));  // teed to the terminal
    Run run = m_h->newestRun();
    QCOMPARE(run.name, std::string("py"));
    QCOMPARE(run.experiment, std::string("exp1"));
    QVERIFY(run.status == RunStatus::Finished);
    QCOMPARE(run.exitCode.value_or(-1), 0);
    QVERIFY(run.endMs >= run.startMs && run.startMs > 0);
    QVERIFY(run.pid > 0);
    QCOMPARE(run.params.at("optimizer"), std::string("adam"));
    QCOMPARE(run.tags.at("seen_run_id"), run.id);
    QVERIFY(QString::fromStdString(run.command).contains("train.py"));
    auto store = m_h->store();
    QCOMPARE(*store->metricCount(run.id, "loss"), std::int64_t(10));
    QCOMPARE(*store->metricCount(run.id, "acc"), std::int64_t(10));
    auto loss = store->metrics(run.id, "loss");
    QCOMPARE(loss->back().step, std::int64_t(9));
    QCOMPARE(loss->back().value, 0.1);
    QVERIFY(m_h->runFile(run.id, "stdout.log").contains("epoch 9 done"));
    QVERIFY(m_h->runFile(run.id, "stderr.log").contains("to stderr"));
}

void TestCairnRun::shellScriptLogsBothStreams()
{
    QString script = m_h->writeFile("job.sh", "#!/bin/sh\necho out-line\necho err-line >&2\necho cairn:metric x=1\n", true);
    CliResult r = m_h->cairn({"run", "--", script});
    QCOMPARE(r.exitCode, 0);
    Run run = m_h->newestRun();
    QCOMPARE(m_h->runFile(run.id, "stdout.log"), QByteArray("out-line\ncairn:metric x=1\n"));
    QCOMPARE(m_h->runFile(run.id, "stderr.log"), QByteArray("err-line\n"));
    QVERIFY(r.err.contains("err-line"));
    QVERIFY(QString::fromStdString(run.name).startsWith("job-"));
}

void TestCairnRun::childThatSegfaults()
{
    CliResult r = m_h->cairn({"run", "--", "/bin/sh", "-c", "echo cairn:metric before=1; kill -SEGV $$"});
    QCOMPARE(r.exitCode, 128 + SIGSEGV);
    Run run = m_h->newestRun();
    QVERIFY(run.status == RunStatus::Failed);
    QCOMPARE(run.exitCode.value_or(-1), 128 + SIGSEGV);
    QCOMPARE(*m_h->store()->metricCount(run.id), std::int64_t(1));  // logged before the crash: kept
}

void TestCairnRun::childThatExitsThree()
{
    CliResult r = m_h->cairn({"run", "--", "/bin/sh", "-c", "exit 3"});
    QCOMPARE(r.exitCode, 3);
    Run run = m_h->newestRun();
    QVERIFY(run.status == RunStatus::Failed);
    QCOMPARE(run.exitCode.value_or(-1), 3);
    QVERIFY(r.err.contains("failed (exit 3)"));
}

void TestCairnRun::hundredThousandLines()
{
    QString script = m_h->writeFile("many.py", R"(
import sys
w = sys.stdout.write
for i in range(100000):
    w(f"cairn:metric step={i} x={i}\n")
    if i % 1000 == 0:
        w(f"progress {i}\n")
)");
    CliResult r = m_h->cairn({"run", "--quiet", "--", CliHarness::python(), script});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.isEmpty());  // --quiet
    Run run = m_h->newestRun();
    auto points = m_h->store()->metrics(run.id, "x");
    QVERIFY(points);
    QCOMPARE(points->size(), std::size_t(100000));
    for (std::size_t i = 0; i < points->size(); ++i) {
        // Ordered by step: each step exactly once, with its own value: none lost, none twice.
        if ((*points)[i].step != std::int64_t(i) || (*points)[i].value != double(i))
            QFAIL(qPrintable(QString("point %1 is step %2 value %3").arg(i).arg((*points)[i].step).arg((*points)[i].value)));
    }
}

void TestCairnRun::jsonlFile()
{
    QString script = m_h->writeFile("jsonl.py", R"(
import json, os
f = open(os.environ["CAIRN_METRICS_FILE"], "a")
f.write(json.dumps({"params": {"batch": 64}}) + "\n")
for i in range(500):
    f.write(json.dumps({"key": "loss", "value": 1.0 / (i + 1), "step": i}) + "\n")
    f.write(json.dumps([{"key": "a", "value": i}, {"key": "b", "value": float("nan")}]) + "\n")
f.write(json.dumps({"metrics": {"final": 0.5}}))   # no trailing newline
f.close()
print("cairn:metric from_stdout=1")
)");
    CliResult r = m_h->cairn({"run", "--", CliHarness::python(), script});
    QCOMPARE(r.exitCode, 0);
    Run run = m_h->newestRun();
    auto store = m_h->store();
    QCOMPARE(*store->metricCount(run.id, "loss"), std::int64_t(500));
    QCOMPARE(*store->metricCount(run.id, "a"), std::int64_t(500));
    QCOMPARE(*store->metricCount(run.id, "b"), std::int64_t(500));
    QCOMPARE(*store->metricCount(run.id, "final"), std::int64_t(1));
    QCOMPARE(*store->metricCount(run.id, "from_stdout"), std::int64_t(1));
    QVERIFY(std::isnan(store->metrics(run.id, "b")->front().value));
    QCOMPARE(store->metrics(run.id, "a")->back().step, std::int64_t(499));  // auto steps
    QCOMPARE(run.params.at("batch"), std::string("64"));
}

void TestCairnRun::commandNotFound()
{
    CliResult r = m_h->cairn({"run", "--", "cairn-no-such-command-xyz", "--flag"});
    QCOMPARE(r.exitCode, 127);
    QVERIFY(r.err.contains("command not found: cairn-no-such-command-xyz"));
    Run run = m_h->newestRun();
    QVERIFY(run.status == RunStatus::Failed);
    QCOMPARE(run.exitCode.value_or(-1), 127);
    QVERIFY(m_h->runFile(run.id, "stderr.log").contains("command not found"));
}

void TestCairnRun::notExecutable()
{
    QString path = m_h->writeFile("plain.txt", "echo hi\n", false);
    CliResult r = m_h->cairn({"run", "--", path});
    QCOMPARE(r.exitCode, 126);
    QVERIFY(r.err.contains("not an executable"));
}

void TestCairnRun::sigtermIsForwarded()
{
    QString script = m_h->writeFile("sleeper.sh", "#!/bin/sh\necho cairn:metric started=1\nexec sleep 60\n", true);
    auto p = m_h->start({"run", "--name", "sleeper", "--", script});
    // Wait until the child is running and has logged, then stop cairn as a scheduler would.
    QTRY_VERIFY_WITH_TIMEOUT(m_h->newestRun().name == "sleeper" && m_h->newestRun().pid > 0, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(*m_h->store()->metricCount(m_h->newestRun().id) == 1, 20000);
    p->terminate();  // SIGTERM to cairn, not to the child
    QVERIFY(p->waitForFinished(20000));
    QCOMPARE(p->exitCode(), 128 + SIGTERM);
    Run run = m_h->newestRun();
    QVERIFY(run.status == RunStatus::Killed);
    QCOMPARE(run.exitCode.value_or(-1), 128 + SIGTERM);
}

void TestCairnRun::rawBytesAndNoTrailingNewline()
{
    static const char raw[] = "cairn:metric a=1\r\n\x00\xff\xfe binary\nline with cr\r\ncairn:metric a=2";
    QByteArray payload(raw, sizeof raw - 1);
    QString data = m_h->writeFile("payload.bin", payload);
    CliResult r = m_h->cairn({"run", "--quiet", "--", "/bin/cat", data});
    QCOMPARE(r.exitCode, 0);
    Run run = m_h->newestRun();
    QCOMPARE(m_h->runFile(run.id, "stdout.log"), payload);  // byte for byte
    auto points = m_h->store()->metrics(run.id, "a");
    QCOMPARE(points->size(), std::size_t(2));
    QCOMPARE(points->at(1).value, 2.0);
}

void TestCairnRun::malformedLinesReportedOnce()
{
    CliResult r = m_h->cairn({"run", "--quiet", "--", "/bin/sh", "-c",
                              "echo ok; echo cairn:metric loss=abc; echo cairn:metric good=1; echo cairn:bogus x=1"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("2 malformed cairn: lines"), r.err.constData());
    QVERIFY(r.err.contains("stdout line 2: value of metric 'loss' is not a number"));
    QVERIFY(r.err.contains("stdout line 4: unknown directive"));
    Run run = m_h->newestRun();
    QCOMPARE(*m_h->store()->metricCount(run.id), std::int64_t(1));
    QVERIFY(m_h->runFile(run.id, "stdout.log").contains("loss=abc"));  // kept in the log
}

void TestCairnRun::missingStepMeansNextStep()
{
    CliResult r = m_h->cairn({"run", "--quiet", "--", "/bin/sh", "-c",
                              "for v in 1 2 3; do echo cairn:metric a=$v; done; echo cairn:metric step=10 a=4; "
                              "echo cairn:metric a=5 b=1"});
    QCOMPARE(r.exitCode, 0);
    auto points = m_h->store()->metrics(m_h->newestRun().id, "a");
    QList<qint64> steps;
    for (const auto& p : *points)
        steps << p.step;
    QCOMPARE(steps, (QList<qint64>{0, 1, 2, 10, 11}));
    QCOMPARE(m_h->store()->metrics(m_h->newestRun().id, "b")->front().step, std::int64_t(0));
}

void TestCairnRun::hugeLineDoesNotLoseLaterLines()
{
    QString script = m_h->writeFile("huge.py", R"(
import sys
sys.stdout.write("x" * (8 * 1024 * 1024) + "\n")
sys.stdout.write("cairn:metric " + "k" * 3000000 + "\n")
sys.stdout.write("cairn:metric after=1\n")
)");
    CliResult r = m_h->cairn({"run", "--quiet", "--", CliHarness::python(), script});
    QCOMPARE(r.exitCode, 0);
    Run run = m_h->newestRun();
    QCOMPARE(*m_h->store()->metricCount(run.id, "after"), std::int64_t(1));
    QVERIFY(r.err.contains("1 malformed"));
    QCOMPARE(m_h->runFile(run.id, "stdout.log").size(), 8 * 1024 * 1024 + 1 + 13 + 3000000 + 1 + 21);
}

void TestCairnRun::paramsFromCommandLine()
{
    CliResult r = m_h->cairn({"run", "--param", "lr=0.01", "--param", "layers=3", "--tag", "who=ci", "--", "/bin/true"});
    QCOMPARE(r.exitCode, 0);
    Run run = m_h->newestRun();
    QCOMPARE(run.params.at("lr"), std::string("0.01"));
    QCOMPARE(run.params.at("layers"), std::string("3"));
    QCOMPARE(run.tags.at("who"), std::string("ci"));
}

QTEST_GUILESS_MAIN(TestCairnRun)
#include "tst_cairn_run.moc"
