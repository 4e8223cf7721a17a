// `cairn pipeline run|status` through the real binary and a real engine: independent stages
// run at the same time, a second run runs nothing, touching a dep re-runs exactly what depends
// on it, a failure stops only its downstream, --force, status reasons, restore from the
// artifact store, retries, and a missing dep reported at its position.
#include "cli_harness.h"

#include "engine/pipeline/cache_key.h"
#include "engine/pipeline/progress.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QtTest>

#include <memory>

namespace {

struct Summary {
    int done = -1, cached = -1, failed = -1, skipped = -1;
};

Summary summaryOf(const QByteArray& out)
{
    Summary s;
    QRegularExpression re(R"((\d+) done, (\d+) cached, (\d+) failed, (\d+) skipped)");
    auto m = re.match(QString::fromUtf8(out));
    if (m.hasMatch()) {
        s.done = m.captured(1).toInt();
        s.cached = m.captured(2).toInt();
        s.failed = m.captured(3).toInt();
        s.skipped = m.captured(4).toInt();
    }
    return s;
}

// The state column of `stage` in run's summary table or status's table.
QString stateOf(const QByteArray& out, const QString& stage)
{
    for (const QByteArray& line : out.split('\n')) {
        const QStringList cols = QString::fromUtf8(line).split(QRegularExpression("\\s+"), Qt::SkipEmptyParts);
        if (cols.size() >= 2 && cols[0] == stage)
            return cols[1];
    }
    return {};
}

QString lineOf(const QByteArray& out, const QString& stage)
{
    for (const QByteArray& line : out.split('\n'))
        if (QString::fromUtf8(line).startsWith(stage + " "))
            return QString::fromUtf8(line);
    return {};
}

} // namespace

class TestPipelineRun : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void parallelThenCached();
    void touchingADepRerunsItsDownstream();
    void failureStopsOnlyDownstreamAndResumes();
    void forceRerunsAll();
    void statusReasons();
    void restoresDeletedOutputs();
    void retries();
    void missingDepIsAnErrorAtItsPosition();
    void stagesAreTaggedRuns();
    void timeoutFailsTheStage();
    void survivesAnEngineRestart();
    void interruptCancelsTheRunningStages();

private:
    QString put(const QString& rel, const QByteArray& contents)
    {
        QDir().mkpath(QFileInfo(m_h->project() + "/" + rel).path());
        return m_h->writeFile("proj/" + rel, contents);
    }
    QByteArray read(const QString& rel)
    {
        QFile f(m_h->project() + "/" + rel);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
    }
    CliResult run(const QString& file, const QStringList& extra = {})
    {
        CliResult r = m_h->cairn(QStringList{"pipeline", "run", file} + extra);
        if (r.exitCode != 0 && r.exitCode != 1)
            qWarning("%s\n%s", r.out.constData(), r.err.constData());
        return r;
    }
    std::unique_ptr<CliHarness> m_h;
};

void TestPipelineRun::init()
{
    m_h = std::make_unique<CliHarness>();
    QVERIFY(m_h->ok());
    QCOMPARE(m_h->cairn({"engine", "start"}).exitCode, 0);
}

void TestPipelineRun::cleanup()
{
    if (m_h)
        m_h->cairn({"engine", "stop"});
    m_h.reset();
}

void TestPipelineRun::parallelThenCached()
{
    const QString file = put("pipelines/par.yaml",
                             "stages:\n"
                             "  a:\n"
                             "    cmd: sleep 2 && echo a > a.txt\n"
                             "    outs: [a.txt]\n"
                             "  b:\n"
                             "    cmd: sleep 2 && echo b > b.txt\n"
                             "    outs: [b.txt]\n");
    QElapsedTimer t;
    t.start();
    CliResult r = run(file, {"--jobs", "2"});
    const qint64 first = t.elapsed();
    QVERIFY2(r.exitCode == 0, r.out + r.err);
    const Summary s = summaryOf(r.out);
    QCOMPARE(s.done, 2);
    QCOMPARE(s.cached, 0);
    qInfo("two 2 s stages with --jobs 2: %lld ms", static_cast<long long>(first));
    QCOMPARE(read("a.txt"), QByteArray("a\n"));

    // Each stage is a tagged run, and the two ran at the same time: each started before the
    // other ended (no wall-clock threshold, so a loaded machine cannot fail this).
    auto runs = m_h->store()->runs();
    QVERIFY(runs);
    QCOMPARE(static_cast<int>(runs->size()), 2);
    const auto& ra = (*runs)[0].run;
    const auto& rb = (*runs)[1].run;
    QVERIFY(ra.startMs > 0 && rb.startMs > 0 && ra.endMs > 0 && rb.endMs > 0);
    QVERIFY2(ra.startMs < rb.endMs && rb.startMs < ra.endMs,
             qPrintable(QString("the stages did not overlap: [%1, %2] and [%3, %4]").arg(ra.startMs).arg(ra.endMs).arg(rb.startMs).arg(rb.endMs)));

    t.restart();
    r = run(file, {"--jobs", "2"});
    const qint64 second = t.elapsed();
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(summaryOf(r.out).done, 0);
    QCOMPARE(summaryOf(r.out).cached, 2);
    qInfo("second run (all cached): %lld ms", static_cast<long long>(second));
    QCOMPARE(static_cast<int>(m_h->store()->runs()->size()), 2);  // no new run
}

void TestPipelineRun::touchingADepRerunsItsDownstream()
{
    put("in.txt", "1\n");
    put("other.txt", "x\n");
    const QString file = put("pipelines/chain.yaml",
                             "stages:\n"
                             "  prep:\n"
                             "    cmd: cat in.txt > prep.txt\n"
                             "    deps: [in.txt]\n"
                             "    outs: [prep.txt]\n"
                             "  train:\n"
                             "    cmd: cat prep.txt prep.txt > model.txt\n"
                             "    deps: [prep.txt]\n"
                             "    outs: [model.txt]\n"
                             "  other:\n"
                             "    cmd: cat other.txt > other.out\n"
                             "    deps: [other.txt]\n"
                             "    outs: [other.out]\n");
    CliResult r = run(file);
    QVERIFY2(r.exitCode == 0, r.out + r.err);
    QCOMPARE(summaryOf(r.out).done, 3);

    put("in.txt", "2\n");
    CliResult st = m_h->cairn({"pipeline", "status", file});
    QCOMPARE(st.exitCode, 0);
    QVERIFY2(lineOf(st.out, "prep").contains("dep 'in.txt' changed"), st.out.constData());
    QVERIFY2(lineOf(st.out, "train").contains("upstream 'prep' outdated"), st.out.constData());
    QCOMPARE(stateOf(st.out, "other"), QString("up-to-date"));

    r = run(file);
    QVERIFY2(r.exitCode == 0, r.out + r.err);
    QCOMPARE(stateOf(r.out, "prep"), QString("done"));
    QCOMPARE(stateOf(r.out, "train"), QString("done"));
    QCOMPARE(stateOf(r.out, "other"), QString("cached"));
    QCOMPARE(read("model.txt"), QByteArray("2\n2\n"));
    QVERIFY(m_h->cairn({"pipeline", "status", file}).out.contains("pipeline is up to date"));
}

void TestPipelineRun::failureStopsOnlyDownstreamAndResumes()
{
    const QString file = put("pipelines/fail.yaml",
                             "stages:\n"
                             "  bad:\n"
                             "    cmd: test -f ok.flag && echo b > b.txt\n"
                             "    outs: [b.txt]\n"
                             "  after_bad:\n"
                             "    cmd: cat b.txt > c.txt\n"
                             "    deps: [b.txt]\n"
                             "    outs: [c.txt]\n"
                             "  good:\n"
                             "    cmd: sleep 1 && echo g > g.txt\n"
                             "    outs: [g.txt]\n"
                             "  after_good:\n"
                             "    cmd: cat g.txt > h.txt\n"
                             "    deps: [g.txt]\n"
                             "    outs: [h.txt]\n");
    CliResult r = run(file, {"--jobs", "2"});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(stateOf(r.out, "bad"), QString("failed"));
    QCOMPARE(stateOf(r.out, "after_bad"), QString("skipped-upstream-failed"));
    QCOMPARE(stateOf(r.out, "good"), QString("done"));
    QCOMPARE(stateOf(r.out, "after_good"), QString("done"));
    QCOMPARE(read("h.txt"), QByteArray("g\n"));

    // Resume: only the failed stage and its downstream run.
    put("ok.flag", "");
    r = run(file, {"--jobs", "2"});
    QVERIFY2(r.exitCode == 0, r.out + r.err);
    QCOMPARE(stateOf(r.out, "bad"), QString("done"));
    QCOMPARE(stateOf(r.out, "after_bad"), QString("done"));
    QCOMPARE(stateOf(r.out, "good"), QString("cached"));
    QCOMPARE(stateOf(r.out, "after_good"), QString("cached"));
}

void TestPipelineRun::forceRerunsAll()
{
    const QString file = put("pipelines/f.yaml",
                             "stages:\n"
                             "  one:\n"
                             "    cmd: echo 1 > one.txt\n"
                             "    outs: [one.txt]\n"
                             "  two:\n"
                             "    cmd: cat one.txt > two.txt\n"
                             "    deps: [one.txt]\n"
                             "    outs: [two.txt]\n");
    QCOMPARE(run(file).exitCode, 0);
    CliResult r = run(file, {"--force"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(summaryOf(r.out).done, 2);
    QCOMPARE(summaryOf(r.out).cached, 0);
    r = run(file, {"--from", "two"});
    QCOMPARE(summaryOf(r.out).cached, 1);
    QCOMPARE(stateOf(r.out, "one"), QString());  // not selected
}

void TestPipelineRun::statusReasons()
{
    put("params.yaml", "train:\n  lr: 0.1\n  epochs: 3\n");
    const QString file = put("pipelines/s.yaml",
                             "stages:\n"
                             "  train:\n"
                             "    cmd: echo ${train.lr} > m.txt\n"
                             "    params: [train.lr]\n"
                             "    outs: [m.txt]\n");
    CliResult st = m_h->cairn({"pipeline", "status", file});
    QCOMPARE(st.exitCode, 0);
    QVERIFY2(lineOf(st.out, "train").contains("never run"), st.out.constData());
    QCOMPARE(run(file).exitCode, 0);
    QVERIFY(m_h->cairn({"pipeline", "status", file}).out.contains("pipeline is up to date"));

    put("params.yaml", "train:\n  lr: 0.1\n  epochs: 4\n");  // a key the stage does not use
    QVERIFY(m_h->cairn({"pipeline", "status", file}).out.contains("pipeline is up to date"));
    put("params.yaml", "train:\n  lr: 0.2\n  epochs: 4\n");
    st = m_h->cairn({"pipeline", "status", file});
    const QString line = lineOf(st.out, "train");
    QVERIFY2(line.contains("param 'train.lr' changed"), st.out.constData());
    QVERIFY2(line.contains("cmd changed"), st.out.constData());  // ${train.lr} is in the command

    QFile::remove(m_h->project() + "/m.txt");
    st = m_h->cairn({"pipeline", "status", file, "--format", "json"});
    QCOMPARE(st.exitCode, 0);
    QVERIFY2(st.out.contains("\"out 'm.txt' missing\""), st.out.constData());
    QVERIFY(st.out.contains("\"state\": \"changed\""));
}

void TestPipelineRun::restoresDeletedOutputs()
{
    const QString file = put("pipelines/r.yaml",
                             "stages:\n"
                             "  make:\n"
                             "    cmd: mkdir -p outdir/sub && echo deep > outdir/sub/f.txt && echo top > top.txt && date +%s%N > "
                             "stamp.txt\n"
                             "    outs: [outdir, top.txt, {stamp.txt: {cache: false}}]\n");
    QVERIFY2(run(file).exitCode == 0, "first run");
    QDir(m_h->project() + "/outdir").removeRecursively();
    QFile::remove(m_h->project() + "/top.txt");
    CliResult r = run(file);
    QVERIFY2(r.exitCode == 0, r.out + r.err);
    QCOMPARE(stateOf(r.out, "make"), QString("cached"));
    QVERIFY2(r.out.contains("restored"), r.out.constData());
    QCOMPARE(read("outdir/sub/f.txt"), QByteArray("deep\n"));
    QCOMPARE(read("top.txt"), QByteArray("top\n"));

    // A `cache: false` output cannot come back from the store: the stage runs again.
    QFile::remove(m_h->project() + "/stamp.txt");
    r = run(file);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(stateOf(r.out, "make"), QString("done"));
}

void TestPipelineRun::retries()
{
    const QString file = put("pipelines/retry.yaml",
                             "stages:\n"
                             "  flaky:\n"
                             "    cmd: if [ -f tried ]; then echo ok > r.txt; else touch tried; exit 1; fi\n"
                             "    outs: [r.txt]\n"
                             "    retries: 1\n");
    CliResult r = run(file);
    QVERIFY2(r.exitCode == 0, r.out + r.err);
    QCOMPARE(stateOf(r.out, "flaky"), QString("done"));
    QCOMPARE(read("r.txt"), QByteArray("ok\n"));
}

void TestPipelineRun::missingDepIsAnErrorAtItsPosition()
{
    const QString file = put("pipelines/m.yaml",
                             "stages:\n"
                             "  use:\n"
                             "    cmd: cat nope.txt > u.txt\n"
                             "    deps: [nope.txt]\n"
                             "    outs: [u.txt]\n"
                             "  free:\n"
                             "    cmd: echo f > f.txt\n"
                             "    outs: [f.txt]\n");
    CliResult r = run(file);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("m.yaml:4:12: error: stages.use.deps[0]: 'nope.txt' does not exist and no stage writes it"),
             r.err.constData());
    QCOMPARE(stateOf(r.out, "use"), QString("failed"));
    QCOMPARE(stateOf(r.out, "free"), QString("done"));
}

void TestPipelineRun::stagesAreTaggedRuns()
{
    put("params.yaml", "train:\n  lr: 0.5\n");
    const QString file = put("pipelines/tagged.yaml",
                             "stages:\n"
                             "  prep:\n"
                             "    cmd: echo p > p.txt\n"
                             "    outs: [p.txt]\n"
                             "  train:\n"
                             "    cmd: cat p.txt > t.txt\n"
                             "    deps: [p.txt]\n"
                             "    params: [train.lr]\n"
                             "    env: {SEED: '7'}\n"
                             "    outs: [t.txt]\n"
                             "  unrelated:\n"
                             "    cmd: echo u > u.txt\n"
                             "    outs: [u.txt]\n");
    // --stage runs the stage and what it needs, nothing else.
    CliResult r = run(file, {"--stage", "train"});
    QVERIFY2(r.exitCode == 0, r.out + r.err);
    QCOMPARE(summaryOf(r.out).done, 2);
    QCOMPARE(stateOf(r.out, "unrelated"), QString());
    auto runs = m_h->store()->runs();
    QVERIFY(runs);
    QCOMPARE(static_cast<int>(runs->size()), 2);
    QString pipelineRun;
    for (const auto& rs : *runs) {
        const auto& tags = rs.run.tags;
        QCOMPARE(QString::fromStdString(tags.at("cairn.pipeline")), QString("tagged"));
        QVERIFY(tags.count("cairn.stage"));
        if (pipelineRun.isEmpty())
            pipelineRun = QString::fromStdString(tags.at("cairn.pipeline_run"));
        QCOMPARE(QString::fromStdString(tags.at("cairn.pipeline_run")), pipelineRun);  // one id per pipeline run
        if (tags.at("cairn.stage") == "train") {
            QCOMPARE(QString::fromStdString(rs.run.params.at("train.lr")), QString("0.5"));
            QCOMPARE(QString::fromStdString(rs.run.name), QString("tagged.train"));
        }
    }
    // The progress file the workbench follows: this pipeline run, each stage's run, the end.
    const auto progress = cairn::pipeline::readProgress(cairn::pipeline::progressPathFor(m_h->project().toStdString(), file.toStdString()));
    QCOMPARE(QString::fromStdString(progress.id), pipelineRun);
    QVERIFY(progress.ended);
    QCOMPARE(progress.exitCode, 0);
    QVERIFY(!cairn::pipeline::progressLive(progress));
    QCOMPARE(static_cast<int>(progress.selected.size()), 2);
    // The lock file names the run that made each stage's outputs.
    auto lock = cairn::pipeline::readLock(cairn::pipeline::lockPathFor(m_h->project().toStdString(), file.toStdString()));
    QVERIFY(lock);
    for (const auto& rs : *runs) {
        const std::string stage = rs.run.tags.at("cairn.stage");
        QCOMPARE(QString::fromStdString(progress.stages.at(stage).state), QString("done"));
        QCOMPARE(QString::fromStdString(progress.stages.at(stage).run), QString::fromStdString(rs.run.id));
        QCOMPARE(QString::fromStdString(lock->stages.at(stage).run), QString::fromStdString(rs.run.id));
    }
    // A second run: cached, and the file says so.
    r = run(file, {"--stage", "train"});
    QCOMPARE(summaryOf(r.out).cached, 2);
    const auto again = cairn::pipeline::readProgress(cairn::pipeline::progressPathFor(m_h->project().toStdString(), file.toStdString()));
    QVERIFY(again.id != progress.id);
    QCOMPARE(QString::fromStdString(again.stages.at("train").state), QString("cached"));
}

void TestPipelineRun::timeoutFailsTheStage()
{
    const QString file = put("pipelines/slow.yaml",
                             "stages:\n"
                             "  slow:\n"
                             "    cmd: sleep 30 && echo s > s.txt\n"
                             "    outs: [s.txt]\n"
                             "    timeout: 1\n");
    QElapsedTimer t;
    t.start();
    CliResult r = run(file);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(t.elapsed() < 20000, "the timeout did not stop the stage");
    QCOMPARE(stateOf(r.out, "slow"), QString("failed"));
    QVERIFY2(r.out.contains("timed out after 1 s"), r.out.constData());
}

void TestPipelineRun::survivesAnEngineRestart()
{
    const QString file = put("pipelines/long.yaml",
                             "stages:\n"
                             "  long:\n"
                             "    cmd: sleep 2 && echo l > l.txt\n"
                             "    outs: [l.txt]\n"
                             "  next:\n"
                             "    cmd: cat l.txt > n.txt\n"
                             "    deps: [l.txt]\n"
                             "    outs: [n.txt]\n");
    auto p = m_h->start({"pipeline", "run", file});
    QTest::qWait(800);
    // The stage keeps running under its supervisor; `pipeline run` starts the next engine at
    // once, so `engine stop` may well see that one and say the engine did not stop.
    m_h->cairn({"engine", "stop"});
    QVERIFY(p->waitForFinished(60000));
    const QByteArray out = p->readAllStandardOutput();
    QVERIFY2(p->exitCode() == 0, out + p->readAllStandardError());
    QCOMPARE(stateOf(out, "long"), QString("done"));
    QCOMPARE(stateOf(out, "next"), QString("done"));
    QCOMPARE(read("n.txt"), QByteArray("l\n"));
}

void TestPipelineRun::interruptCancelsTheRunningStages()
{
    const QString file = put("pipelines/stop.yaml",
                             "stages:\n"
                             "  forever:\n"
                             "    cmd: sleep 30 && echo x > x.txt\n"
                             "    outs: [x.txt]\n"
                             "  after:\n"
                             "    cmd: cat x.txt > y.txt\n"
                             "    deps: [x.txt]\n"
                             "    outs: [y.txt]\n");
    auto p = m_h->start({"pipeline", "run", file});
    QTest::qWait(1000);
    QElapsedTimer t;
    t.start();
    p->terminate();  // SIGTERM, handled as Ctrl-C
    QVERIFY(p->waitForFinished(20000));
    QVERIFY2(t.elapsed() < 15000, "the running stage was not cancelled");
    const QByteArray out = p->readAllStandardOutput();
    QCOMPARE(p->exitCode(), 130);
    QVERIFY2(out.contains("interrupted: cancelling"), out.constData());
    QCOMPARE(stateOf(out, "forever"), QString("failed"));
    QVERIFY(!QFile::exists(m_h->project() + "/y.txt"));
}

QTEST_GUILESS_MAIN(TestPipelineRun)
#include "tst_pipeline_run.moc"
