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
    void hashCacheSkipsUnchangedFiles();
    void hashCacheNeverTrustsAChangedOrFreshFile();
    void hashCacheFileRoundTripsAndSurvivesDamage();
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

// Sets a file's mtime `secondsAgo` in the past (a file written now is too fresh to remember).
void age(const fs::path& p, int secondsAgo)
{
    fs::last_write_time(p, fs::file_time_type::clock::now() - std::chrono::seconds(secondsAgo));
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
    // Damaged or foreign shapes are errors that say what to do; unknown keys are skipped.
    for (const char* bad : {"[1, 2]", "42", "{\"stages\": {\"a\": {\"deps\": {\"x\": 1}}}}",
                            "{\"stages\": {\"a\": {\"cmd\": [\"x\"]}}}",
                            "{\"stages\": {\"a\": {\"outs\": {\"o\": {\"dir\": \"yes\"}}}}}", "{\"stages\": {\"a\": {"}) {
        write(path, bad);
        auto r = pl::readLock(path);
        QVERIFY2(!r, bad);
        QVERIFY2(r.message().find("remove it to start over") != std::string::npos, r.message().c_str());
    }
    write(path, "{\"format\": \"cairn-pipeline-lock/1\", \"future\": {\"stages\": {\"x\": {}}}, \"stages\": {\"a\": "
                "{\"cmd\": \"c\", \"new\": {\"deep\": [1, {\"k\": 2}]}, \"outs\": {\"o\": {\"hash\": \"h\", \"extra\": [true]}}}}}");
    auto tolerant = pl::readLock(path);
    QVERIFY2(tolerant, tolerant ? "" : tolerant.message().c_str());
    QCOMPARE(int(tolerant->stages.size()), 1);
    QCOMPARE(tolerant->stages.at("a").cmd, std::string("c"));
    QCOMPARE(tolerant->stages.at("a").outs.at("o").hash, std::string("h"));
    QVERIFY(tolerant->stages.at("a").outs.at("o").cache);  // the default
}

void TestCacheKey::hashCacheSkipsUnchangedFiles()
{
    QTemporaryDir tmp;
    const fs::path root = tmp.path().toStdString();
    write(root / "data.csv", "x,y\n1,2\n");
    write(root / "d/a.txt", "a");
    write(root / "d/b.txt", "bb");
    for (const char* f : {"data.csv", "d/a.txt", "d/b.txt"})
        age(root / f, 60);
    pl::FileHashCache cache;
    const pl::PathHash file = pl::hashPath(root / "data.csv", &cache);
    const pl::PathHash dir = pl::hashPath(root / "d", &cache);
    QCOMPARE(cache.size(), std::size_t(3));
    QCOMPARE(cache.hits(), std::size_t(0));
    QCOMPARE(file.hash, pl::hashPath(root / "data.csv").hash);
    QCOMPARE(pl::hashPath(root / "data.csv", &cache).hash, file.hash);
    QCOMPARE(pl::hashPath(root / "d", &cache).hash, dir.hash);
    QCOMPARE(cache.hits(), std::size_t(3));
    QCOMPARE(dir.hash, pl::hashPath(root / "d").hash);
}

void TestCacheKey::hashCacheNeverTrustsAChangedOrFreshFile()
{
    QTemporaryDir tmp;
    const fs::path root = tmp.path().toStdString();
    const fs::path f = root / "model.bin";
    write(f, "aaaa");
    age(f, 120);
    pl::FileHashCache cache;
    const std::string before = pl::hashPath(f, &cache).hash;
    QCOMPARE(cache.size(), std::size_t(1));
    // Same size, new content, an mtime that is old too but not the same: hashed again.
    write(f, "bbbb");
    age(f, 90);
    const std::string after = pl::hashPath(f, &cache).hash;
    QVERIFY(after != before);
    QCOMPARE(after, cairn::artifacts::hashFile(f)->hash);
    QCOMPARE(cache.hits(), std::size_t(0));
    // Replaced by another file (a new inode) with the same size and mtime: hashed again.
    const auto mtime = fs::last_write_time(f);
    write(root / "other.bin", "cccc");
    fs::last_write_time(root / "other.bin", mtime);
    fs::rename(root / "other.bin", f);
    QCOMPARE(pl::hashPath(f, &cache).hash, cairn::artifacts::hashFile(f)->hash);
    QCOMPARE(cache.hits(), std::size_t(0));
    // A file modified just now is hashed but not remembered: it could change again within the
    // same mtime tick.
    const fs::path fresh = root / "fresh.txt";
    write(fresh, "new");
    const std::size_t known = cache.size();
    QVERIFY(!pl::hashPath(fresh, &cache).hash.empty());
    QCOMPARE(cache.size(), known);
    QVERIFY(!cache.lookup(fresh, *pl::FileHashCache::stamp(fresh)));
}

void TestCacheKey::hashCacheFileRoundTripsAndSurvivesDamage()
{
    QTemporaryDir tmp;
    const fs::path root = tmp.path().toStdString();
    write(root / "a.txt", "a");
    age(root / "a.txt", 60);
    const fs::path file = pl::FileHashCache::pathFor(root);
    {
        pl::FileHashCache cache(file);
        QCOMPARE(cache.size(), std::size_t(0));  // none yet
        pl::hashPath(root / "a.txt", &cache);
        QVERIFY(cache.save(file));
    }
    pl::FileHashCache loaded(file);
    QCOMPARE(loaded.size(), std::size_t(1));
    QVERIFY(loaded.lookup(root / "a.txt", *pl::FileHashCache::stamp(root / "a.txt")));
    for (const char* damaged : {"", "{", "cairn-hash-cache/1\n1 2 3 abc /x\n", "cairn-hash-cache/2\n1 2 x 0000 /x\n12 34\n"}) {
        write(file, damaged);
        pl::FileHashCache cache(file);
        QCOMPARE(cache.size(), std::size_t(0));
        QCOMPARE(pl::hashPath(root / "a.txt", &cache).hash, cairn::artifacts::hashFile(root / "a.txt")->hash);
    }
}

QTEST_GUILESS_MAIN(TestCacheKey)
#include "tst_cache_key.moc"
