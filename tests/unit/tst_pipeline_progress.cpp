// The progress file of `cairn pipeline run` (engine/pipeline/progress.h), which the
// workbench's canvas follows: written line by line (also from several threads), read back
// with a torn last line ignored, live while its writer's pid runs and it has no end.
#include "engine/pipeline/progress.h"

#include <QTemporaryDir>
#include <QtTest>

#include <thread>

using namespace cairn::pipeline;

class TestPipelineProgress : public QObject {
    Q_OBJECT
private slots:
    void writeAndRead();
    void tornLastLineAndGarbage();
    void aDeadWriterIsNotLive();
    void linesFromThreadsDoNotMix();
};

void TestPipelineProgress::writeAndRead()
{
    QTemporaryDir dir;
    const auto path = progressPathFor(dir.path().toStdString(), "pipelines/train.yaml");
    QCOMPARE(QString::fromStdString(path.filename().string()), QStringLiteral("train.progress.jsonl"));
    QCOMPARE(QString::fromStdString(progressPathFor("/p", "sub/dvc.yaml").filename().string()), QStringLiteral("dvc.progress.jsonl"));
    QVERIFY(readProgress(path).id.empty());  // no run yet
    auto w = ProgressWriter::start(path, "abc123", "pipelines/train.yaml", 4, {"prep", "train@a", "train@b"});
    QVERIFY(w);
    RunProgress p = readProgress(path);
    QCOMPARE(QString::fromStdString(p.id), QStringLiteral("abc123"));
    QCOMPARE(p.jobs, 4);
    QCOMPARE(p.stages.size(), std::size_t(3));
    QCOMPARE(QString::fromStdString(p.stages.at("train@a").state), QStringLiteral("queued"));
    QVERIFY(progressLive(p));  // this process wrote it and has not ended it
    (*w)->stage("prep", "cached");
    (*w)->stage("train@a", "running", "run-a");
    (*w)->stage("train@a", "done", "", "", 2.5);  // the run id stays known
    (*w)->stage("train@b", "failed", "run-b", "run run-b failed (exit 1)", 0.5);
    (*w)->end(1);
    p = readProgress(path);
    QCOMPARE(QString::fromStdString(p.stages.at("prep").state), QStringLiteral("cached"));
    QCOMPARE(QString::fromStdString(p.stages.at("train@a").state), QStringLiteral("done"));
    QCOMPARE(QString::fromStdString(p.stages.at("train@a").run), QStringLiteral("run-a"));
    QCOMPARE(p.stages.at("train@a").seconds, 2.5);
    QCOMPARE(QString::fromStdString(p.stages.at("train@b").message), QStringLiteral("run run-b failed (exit 1)"));
    QVERIFY(p.ended);
    QCOMPARE(p.exitCode, 1);
    QVERIFY(!progressLive(p));
    // A new run starts a fresh file.
    auto w2 = ProgressWriter::start(path, "def456", "pipelines/train.yaml", 1, {"prep"});
    QVERIFY(w2);
    p = readProgress(path);
    QCOMPARE(QString::fromStdString(p.id), QStringLiteral("def456"));
    QCOMPARE(p.stages.size(), std::size_t(1));
    QVERIFY(!p.ended);
}

void TestPipelineProgress::tornLastLineAndGarbage()
{
    const std::string text = "{\"pipeline_run\":\"r\",\"pid\":1,\"stages\":[\"a\",\"b\"]}\n"
                             "not json\n"
                             "[1,2]\n"
                             "{\"stage\":\"a\",\"state\":\"done\",\"run\":\"x\"}\n"
                             "{\"stage\":\"b\",\"state\":\"runn";
    RunProgress p = parseProgress(text);
    QCOMPARE(QString::fromStdString(p.stages.at("a").state), QStringLiteral("done"));
    QCOMPARE(QString::fromStdString(p.stages.at("b").state), QStringLiteral("queued"));
    QVERIFY(!p.ended);
    QVERIFY(parseProgress("").id.empty());
    QVERIFY(parseProgress("\n\n{}\n").id.empty());
}

void TestPipelineProgress::aDeadWriterIsNotLive()
{
    RunProgress p = parseProgress("{\"pipeline_run\":\"r\",\"pid\":2147483646,\"stages\":[]}\n");
    QVERIFY(!p.id.empty());
    QVERIFY(!progressLive(p));
    p.pid = 0;
    QVERIFY(!progressLive(p));
}

void TestPipelineProgress::linesFromThreadsDoNotMix()
{
    QTemporaryDir dir;
    const auto path = progressPathFor(dir.path().toStdString(), "p.yaml");
    std::vector<std::string> names;
    for (int i = 0; i < 8; ++i)
        names.push_back("s" + std::to_string(i));
    auto w = ProgressWriter::start(path, "r", "p.yaml", 8, names);
    QVERIFY(w);
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 200; ++i)
                (*w)->stage(names[static_cast<std::size_t>(t)], i == 199 ? "done" : "running", "run" + std::to_string(i),
                            std::string(static_cast<std::size_t>(50 + t * 30), 'x'));
        });
    for (auto& t : threads)
        t.join();
    (*w)->end(0);
    RunProgress p = readProgress(path);
    QVERIFY(p.ended);
    for (const auto& n : names) {
        QCOMPARE(QString::fromStdString(p.stages.at(n).state), QStringLiteral("done"));
        QCOMPARE(QString::fromStdString(p.stages.at(n).run), QStringLiteral("run199"));
    }
}

QTEST_APPLESS_MAIN(TestPipelineProgress)
#include "tst_pipeline_progress.moc"
