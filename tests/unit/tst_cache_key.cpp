// engine/pipeline/cache_key: a folder hashes to the manifest `artifact add` stores, the key
// follows cmd, env, deps and params (and only the params a stage names), the lock file
// round-trips, and outdatedReasons names what changed.
#include "engine/artifacts/operations.h"
#include "engine/pipeline/cache_key.h"
#include "engine/pipeline/validate.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

namespace fs = std::filesystem;
namespace pl = cairn::pipeline;

class TestCacheKey : public QObject {
    Q_OBJECT
private slots:
    void folderHashIsTheArtifactManifest();
    void keyFollowsWhatTheStageUses();
    void lockRoundTrips();
};

namespace {

void write(const fs::path& p, const std::string& text)
{
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

pl::CheckedPipeline load(const fs::path& root, const std::string& yaml)
{
    write(root / "dvc.yaml", yaml);
    pl::DiskFiles disk;
    return pl::checkPipeline((root / "dvc.yaml").string(), disk);
}

} // namespace

void TestCacheKey::folderHashIsTheArtifactManifest()
{
    QTemporaryDir tmp;
    const fs::path root = tmp.path().toStdString();
    write(root / "d/a.txt", "a");
    write(root / "d/sub/b.txt", "b");
    fs::create_directories(root / "d/empty");
    cairn::artifacts::ObjectStore store(root / "artifacts");
    auto added = cairn::artifacts::addPath(store, root / "d");
    QVERIFY(added);
    const pl::PathHash h = pl::hashPath(root / "d");
    QVERIFY(h.directory);
    QCOMPARE(h.hash, added->hash);
    QCOMPARE(pl::hashPath(root / "d/a.txt").hash, cairn::artifacts::hashFile(root / "d/a.txt")->hash);
    QVERIFY(pl::hashPath(root / "nope").missing);
}

void TestCacheKey::keyFollowsWhatTheStageUses()
{
    QTemporaryDir tmp;
    const fs::path root = tmp.path().toStdString();
    write(root / "params.yaml", "train:\n  lr: 0.1\n  epochs: 3\n");
    write(root / "in.txt", "1");
    const std::string yaml = "stages:\n  s:\n    cmd: run\n    deps: [in.txt]\n    params: [train.lr]\n    outs: [o]\n";
    auto c = load(root, yaml);
    QVERIFY(!c.diagnostics.hasErrors());
    const auto base = pl::computeStageState(c.spec, c.spec.stages[0]);
    QCOMPARE(base.params.at("params.yaml:train.lr"), std::string("0.1"));

    write(root / "params.yaml", "train:\n  lr: 0.1\n  epochs: 4\n");  // not used by the stage
    QCOMPARE(pl::computeStageState(c.spec, c.spec.stages[0]).key, base.key);
    write(root / "params.yaml", "train:\n  lr: 0.2\n  epochs: 4\n");
    const auto lr = pl::computeStageState(c.spec, c.spec.stages[0]);
    QVERIFY(lr.key != base.key);
    const auto why = pl::outdatedReasons(c.spec.stages[0], lr, {}, &base);
    QCOMPARE(why, std::vector<std::string>{"param 'train.lr' changed"});

    write(root / "in.txt", "2");
    QVERIFY(pl::computeStageState(c.spec, c.spec.stages[0]).key != lr.key);

    auto env = load(root, "stages:\n  s:\n    cmd: run\n    deps: [in.txt]\n    params: [train.lr]\n    outs: [o]\n    env: {A: '1'}\n");
    const auto withEnv = pl::computeStageState(env.spec, env.spec.stages[0]);
    auto plain = load(root, yaml);
    const auto without = pl::computeStageState(plain.spec, plain.spec.stages[0]);
    QVERIFY(withEnv.key != without.key);
    QCOMPARE(pl::outdatedReasons(env.spec.stages[0], withEnv, {}, &without), std::vector<std::string>{"env changed"});
    QCOMPARE(pl::outdatedReasons(env.spec.stages[0], withEnv, {}, nullptr), std::vector<std::string>{"never run"});
}

void TestCacheKey::lockRoundTrips()
{
    QTemporaryDir tmp;
    const fs::path path = fs::path(tmp.path().toStdString()) / ".cairn/pipelines/x.lock.json";
    QCOMPARE(pl::lockPathFor(tmp.path().toStdString(), "pipelines/x.yaml"), path);
    QCOMPARE(pl::pipelineName("a/dvc.yaml"), std::string("dvc"));
    QVERIFY(pl::readLock(path)->stages.empty());  // missing: empty
    pl::LockFile lock;
    pl::StageState s;
    s.key = "k";
    s.cmd = "a\nb";
    s.env = {{"E", "1"}};
    s.deps = {{"in.txt", "h1"}};
    s.params = {{"params.yaml:lr", "0.1"}};
    s.outs = {{"o", pl::OutState{"h2", true, false}}};
    lock.stages["st@1"] = s;
    QVERIFY(pl::writeLock(path, lock));
    auto back = pl::readLock(path);
    QVERIFY(back);
    const auto& b = back->stages.at("st@1");
    QCOMPARE(b.key, s.key);
    QCOMPARE(b.cmd, s.cmd);
    QCOMPARE(b.env, s.env);
    QCOMPARE(b.deps, s.deps);
    QCOMPARE(b.params, s.params);
    QCOMPARE(b.outs.at("o").hash, std::string("h2"));
    QVERIFY(b.outs.at("o").directory);
    QVERIFY(!b.outs.at("o").cache);
    write(path, "not json");
    QVERIFY(!pl::readLock(path));
}

QTEST_GUILESS_MAIN(TestCacheKey)
#include "tst_cache_key.moc"
