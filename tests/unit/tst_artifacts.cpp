// engine/artifacts: hashes equal sha256sum, dedup, directory manifests, restore, verify, gc,
// and the bad inputs (a file changing while hashed, missing paths, permissions, link loops,
// a full disk).
#include "engine/artifacts/operations.h"
#include "engine/artifacts/sha256.h"
#include "tests/common/test_rng.h"

#include <QProcess>
#include <QtTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>

using namespace cairn;
using namespace cairn::artifacts;
namespace fs = std::filesystem;

namespace {

void writeFile(const fs::path& p, const std::string& data)
{
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << data;
}

std::string readFile(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// Writes `size` pseudo-random bytes in 1 MiB pieces.
void writeRandom(const fs::path& p, std::uint64_t size, std::uint64_t seed)
{
    testing::Rng rng(seed);
    std::ofstream out(p, std::ios::binary);
    std::vector<std::uint64_t> block(1 << 17);
    while (size > 0) {
        for (auto& w : block)
            w = rng.next();
        std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(size, block.size() * 8));
        out.write(reinterpret_cast<const char*>(block.data()), static_cast<std::streamsize>(n));
        size -= n;
    }
}

std::string sha256sum(const fs::path& p)
{
    QProcess proc;
    proc.start("sha256sum", {QString::fromStdString(p.string())});
    if (!proc.waitForFinished(120000) || proc.exitCode() != 0)
        return "sha256sum failed";
    return proc.readAllStandardOutput().left(64).toStdString();
}

// Every file, link and directory under `root` as "path type mode bytes|target".
std::vector<std::string> describeTree(const fs::path& root)
{
    std::vector<std::string> out;
    for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
        const fs::path rel = fs::relative(it->path(), root);
        struct stat st {};
        ::lstat(it->path().c_str(), &st);
        if (S_ISLNK(st.st_mode))
            out.push_back(rel.string() + " link " + fs::read_symlink(it->path()).string());
        else if (S_ISDIR(st.st_mode))
            out.push_back(rel.string() + " dir");
        else
            out.push_back(rel.string() + " file " + std::to_string((st.st_mode & S_IXUSR) ? 1 : 0) + " " + readFile(it->path()));
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

class TestArtifacts : public QObject {
    Q_OBJECT
private slots:
    void init();
    void hashesEqualSha256sum_data();
    void hashesEqualSha256sum();
    void addFileAndDedup();
    void directoryManifest();
    void restoreTreeByteIdentical();
    void restoreRefusesExistingAndCorrupt();
    void verifyNamesCorruptedObject();
    void gcKeepsReferenced();
    void changeWhileHashingDetected();
    void badInput();
    void permissionDenied();
    void diskFullLeavesStoreUnchanged();

private:
    std::unique_ptr<QTemporaryDir> m_tmp;
    fs::path m_dir;
    fs::path storeRoot() const { return m_dir / "store"; }
};

void TestArtifacts::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    m_dir = m_tmp->path().toStdString();
}

void TestArtifacts::hashesEqualSha256sum_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<bool>("sparse");
    const qint64 chunk = static_cast<qint64>(kChunkSize);
    QTest::newRow("empty") << qint64(0) << false;
    QTest::newRow("1 byte") << qint64(1) << false;
    QTest::newRow("63 bytes") << qint64(63) << false;
    QTest::newRow("64 bytes (one SHA block)") << qint64(64) << false;
    QTest::newRow("read buffer - 1") << chunk - 1 << false;
    QTest::newRow("read buffer") << chunk << false;
    QTest::newRow("read buffer + 1") << chunk + 1 << false;
    QTest::newRow("3 read buffers") << 3 * chunk << false;
    QTest::newRow("100 MB") << qint64(100'000'000) << false;
    QTest::newRow("sparse 64 MiB") << qint64(64 << 20) << true;
}

void TestArtifacts::hashesEqualSha256sum()
{
    QFETCH(qint64, size);
    QFETCH(bool, sparse);
    const fs::path p = m_dir / "f";
    if (sparse) {
        int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        QVERIFY(fd >= 0);
        QCOMPARE(::ftruncate(fd, size), 0);
        QCOMPARE(::pwrite(fd, "hole", 4, size / 2), ssize_t(4));
        QCOMPARE(::pwrite(fd, "end", 3, size - 3), ssize_t(3));
        ::close(fd);
    } else {
        writeRandom(p, static_cast<std::uint64_t>(size), static_cast<std::uint64_t>(size) + 7);
    }
    auto digest = hashFile(p);
    QVERIFY2(digest, digest.ok() ? "" : digest.message().c_str());
    QCOMPARE(digest->size, static_cast<std::uint64_t>(size));
    QCOMPARE(QString::fromStdString(digest->hash), QString::fromStdString(sha256sum(p)));
    // The same with a read-ahead thread forced on and off (Auto picks one by core count).
    for (auto mode : {IoHooks::ReadAhead::On, IoHooks::ReadAhead::Off}) {
        IoHooks hooks;
        hooks.readAhead = mode;
        auto d = hashFile(p, true, hooks);
        QVERIFY(d && d->hash == digest->hash);
    }
    // Stored by copy, the object is named by the same hash and holds the same bytes.
    ObjectStore store(storeRoot(), IoHooks{{}, {}, true});
    auto added = addPath(store, p);
    QVERIFY2(added, added.ok() ? "" : added.message().c_str());
    QCOMPARE(added->hash, digest->hash);
    QCOMPARE(sha256sum(store.objectPath(added->hash)), digest->hash);
}

void TestArtifacts::addFileAndDedup()
{
    ObjectStore store(storeRoot());
    writeFile(m_dir / "a.txt", "same bytes");
    writeFile(m_dir / "b.txt", "same bytes");
    auto a = addPath(store, m_dir / "a.txt");
    QVERIFY2(a, a.ok() ? "" : a.message().c_str());
    QVERIFY(a->stored);
    QCOMPARE(a->objectsAdded, std::uint64_t(1));
    QCOMPARE(a->hash, sha256Hex("same bytes"));
    auto b = addPath(store, m_dir / "b.txt");
    QVERIFY(b);
    QVERIFY(!b->stored);
    QCOMPARE(b->objectsAdded, std::uint64_t(0));
    QCOMPARE(b->bytesWritten, std::uint64_t(0));
    auto objects = store.listObjects();
    QVERIFY(objects);
    QCOMPARE(objects->size(), std::size_t(1));
    // Objects are read-only, named 2/62, and nothing is left in tmp/.
    const fs::path obj = store.objectPath(a->hash);
    QCOMPARE(obj.parent_path().filename().string(), a->hash.substr(0, 2));
    QCOMPARE(obj.filename().string(), a->hash.substr(2));
    QVERIFY((fs::status(obj).permissions() & fs::perms::owner_write) == fs::perms::none);
    QVERIFY(store.strayTemps().empty());
    // A copy, not a hard link: changing the user's file leaves the object alone.
    writeFile(m_dir / "a.txt", "changed");
    QCOMPARE(readFile(obj), std::string("same bytes"));
}

void TestArtifacts::directoryManifest()
{
    const fs::path d = m_dir / "data";
    writeFile(d / "train" / "x.csv", "1,2\n");
    writeFile(d / "train" / "y.csv", "1,2\n");  // same content: one object
    writeFile(d / "héllo wörld ☃.txt", "unicode");
    writeFile(d / "deep" / "a" / "b" / "c" / "d.bin", std::string(5000, '\0'));
    fs::create_directories(d / "empty");
    fs::create_symlink("train/x.csv", d / "link");
    fs::create_symlink("loop", d / "loop");  // a link to itself is recorded, never followed
    writeFile(d / "run.sh", "#!/bin/sh\n");
    fs::permissions(d / "run.sh", fs::perms::owner_exec, fs::perm_options::add);
    ObjectStore store(storeRoot());
    auto r = addPath(store, d);
    QVERIFY2(r, r.ok() ? "" : r.message().c_str());
    QVERIFY(r->directory);
    QCOMPARE(r->files, std::uint64_t(5));
    QCOMPARE(r->size, std::uint64_t(4 + 4 + 7 + 5000 + 10));
    QCOMPARE(r->objectsAdded, std::uint64_t(5));  // 4 distinct contents + the manifest
    auto text = store.readObject(r->hash);
    QVERIFY(text);
    auto m = decodeManifest(*text, r->hash);
    QVERIFY(m);
    std::vector<std::string> paths;
    for (const auto& e : m->entries)
        paths.push_back(e.path);
    QVERIFY(std::is_sorted(paths.begin(), paths.end()));
    QVERIFY(std::count(paths.begin(), paths.end(), "empty") == 1);
    QVERIFY(std::count(paths.begin(), paths.end(), "héllo wörld ☃.txt") == 1);
    QCOMPARE(encodeManifest(*m), *text);  // canonical: decoding and encoding gives the same bytes
    // The same tree added again is the same version; one changed byte is another.
    auto again = addPath(store, d);
    QVERIFY(again && again->hash == r->hash && !again->stored);
    writeFile(d / "train" / "y.csv", "1,3\n");
    auto changed = addPath(store, d);
    QVERIFY(changed && changed->hash != r->hash && changed->stored);
    QCOMPARE(changed->objectsAdded, std::uint64_t(2));
}

void TestArtifacts::restoreTreeByteIdentical()
{
    const fs::path d = m_dir / "data";
    writeFile(d / "a" / "b.txt", "bee");
    writeFile(d / "ü" / "ñ.txt", "unicode");
    writeFile(d / "big.bin", std::string(3 * kChunkSize + 5, 'x'));
    fs::create_directories(d / "empty" / "nested");
    fs::create_symlink("../a/b.txt", d / "ü" / "to_b");
    writeFile(d / "tool", "#!/bin/sh\n");
    fs::permissions(d / "tool", fs::perms::owner_exec, fs::perm_options::add);
    ObjectStore store(storeRoot());
    auto r = addPath(store, d);
    QVERIFY(r);
    const fs::path out = m_dir / "restored";
    auto s = restoreTree(store, r->hash, out);
    QVERIFY2(s, s.ok() ? "" : s.message().c_str());
    QCOMPARE(describeTree(out), describeTree(d));
    // A single file too.
    auto f = addPath(store, d / "big.bin");
    QVERIFY(f);
    QVERIFY(restoreFile(store, f->hash, m_dir / "big.copy"));
    QCOMPARE(readFile(m_dir / "big.copy"), readFile(d / "big.bin"));
    // Nothing is left beside the destinations.
    for (const auto& e : fs::directory_iterator(m_dir))
        QVERIFY2(!e.path().filename().string().starts_with(".cairn-get-"), e.path().c_str());
}

void TestArtifacts::restoreRefusesExistingAndCorrupt()
{
    writeFile(m_dir / "f", "content");
    ObjectStore store(storeRoot());
    auto r = addPath(store, m_dir / "f");
    QVERIFY(r);
    auto exists = restoreFile(store, r->hash, m_dir / "f");
    QVERIFY(!exists);
    QVERIFY(exists.message().find("already exists") != std::string::npos);
    const fs::path obj = store.objectPath(r->hash);
    fs::permissions(obj, fs::perms::owner_write, fs::perm_options::add);
    writeFile(obj, "cOntent");
    auto corrupt = restoreFile(store, r->hash, m_dir / "g");
    QVERIFY(!corrupt);
    QVERIFY2(corrupt.message().find(r->hash) != std::string::npos, corrupt.message().c_str());
    QVERIFY(!fs::exists(m_dir / "g"));
}

void TestArtifacts::verifyNamesCorruptedObject()
{
    ObjectStore store(storeRoot());
    std::vector<std::string> hashes;
    for (int i = 0; i < 6; ++i) {
        writeFile(m_dir / ("f" + std::to_string(i)), "file " + std::to_string(i) + std::string(10000, 'z'));
        auto r = addPath(store, m_dir / ("f" + std::to_string(i)));
        QVERIFY(r);
        hashes.push_back(r->hash);
    }
    auto clean = verifyObjects(store, hashes);
    QVERIFY(clean && clean->empty());
    // Flip one byte in the middle of one object.
    const fs::path victim = store.objectPath(hashes[3]);
    fs::permissions(victim, fs::perms::owner_write, fs::perm_options::add);
    int fd = ::open(victim.c_str(), O_RDWR);
    char c = 0;
    QCOMPARE(::pread(fd, &c, 1, 5000), ssize_t(1));
    c ^= 1;
    QCOMPARE(::pwrite(fd, &c, 1, 5000), ssize_t(1));
    ::close(fd);
    fs::remove(store.objectPath(hashes[5]));
    auto problems = verifyObjects(store, hashes);
    QVERIFY(problems);
    QCOMPARE(problems->size(), std::size_t(2));
    QCOMPARE((*problems)[0].hash, hashes[3]);
    QVERIFY((*problems)[0].problem.starts_with("corrupted"));
    QCOMPARE((*problems)[1].hash, hashes[5]);
    QCOMPARE((*problems)[1].problem, std::string("missing"));
}

void TestArtifacts::gcKeepsReferenced()
{
    ObjectStore store(storeRoot());
    const fs::path d = m_dir / "d";
    writeFile(d / "kept.txt", "kept");
    writeFile(m_dir / "loose.txt", "loose file");
    writeFile(m_dir / "also.txt", "referenced file");
    auto dir = addPath(store, d);
    auto loose = addPath(store, m_dir / "loose.txt");
    auto file = addPath(store, m_dir / "also.txt");
    QVERIFY(dir && loose && file);
    writeFile(store.tempDir() / "in-crashed", "half");  // a crashed add
    auto refs = reachableObjects(store, {{dir->hash, true}, {file->hash, false}});
    QVERIFY(refs);
    QCOMPARE(refs->size(), std::size_t(3));
    auto dry = collectGarbage(store, *refs, true);
    QVERIFY(dry);
    QCOMPARE(dry->removed.size(), std::size_t(1));
    QCOMPARE(dry->removed[0].hash, loose->hash);
    QVERIFY(store.contains(loose->hash));  // dry run removes nothing
    auto gc = collectGarbage(store, *refs, false);
    QVERIFY(gc);
    QCOMPARE(gc->removed.size(), std::size_t(1));
    QCOMPARE(gc->bytes, std::uint64_t(10));
    QCOMPARE(gc->kept, std::size_t(3));
    QCOMPARE(gc->temps.size(), std::size_t(1));
    QVERIFY(!store.contains(loose->hash));
    QVERIFY(store.contains(dir->hash) && store.contains(file->hash) && store.contains(sha256Hex("kept")));
    QVERIFY(store.strayTemps().empty());
    QVERIFY(restoreTree(store, dir->hash, m_dir / "back"));
}

void TestArtifacts::changeWhileHashingDetected()
{
    const fs::path p = m_dir / "growing.bin";
    writeRandom(p, 4 * kChunkSize, 1);
    for (bool reflinkOff : {true, false}) {
        IoHooks hooks;
        hooks.noReflink = reflinkOff;
        bool appended = false;
        hooks.afterChunk = [&](const fs::path& file, std::uint64_t offset) {
            if (file == p && offset == kChunkSize && !appended) {  // a writer appends mid-read
                appended = true;
                std::ofstream(p, std::ios::binary | std::ios::app) << "more";
            }
        };
        ObjectStore store(storeRoot(), hooks);
        auto r = addPath(store, p);
        QVERIFY(!r);
        QVERIFY2(r.message().find("changed while it was being read") != std::string::npos, r.message().c_str());
        QVERIFY2(r.message().find(p.string()) != std::string::npos, r.message().c_str());
        auto objects = store.listObjects();
        QVERIFY(objects && objects->empty());
        QVERIFY(store.strayTemps().empty());
        appended = false;
        auto h = hashFile(p, true, hooks);
        QVERIFY(!h);
    }
    // Rewritten in place with the same size: the modification time gives it away.
    // (File times tick coarsely, every few ms: a write in the same tick as the last one leaves
    // them unchanged, so the file is made older first, as any file not written just now is.)
    fs::last_write_time(p, fs::file_time_type::clock::now() - std::chrono::hours(1));
    IoHooks hooks;
    hooks.afterChunk = [&](const fs::path&, std::uint64_t offset) {
        if (offset == 2 * kChunkSize) {
            int fd = ::open(p.c_str(), O_WRONLY);
            ::pwrite(fd, "X", 1, 0);
            ::close(fd);
        }
    };
    auto h = hashFile(p, true, hooks);
    QVERIFY(!h);
    QVERIFY(h.message().find("changed while") != std::string::npos);
    // A large file is read ahead by a second thread while it is hashed: still detected.
    const fs::path large = m_dir / "large.bin";
    writeRandom(large, kPipelineMin + 3 * kChunkSize, 4);
    for (bool reflinkOff : {true, false}) {
        IoHooks big;
        big.noReflink = reflinkOff;
        big.readAhead = IoHooks::ReadAhead::On;  // whatever the machine's core count
        big.afterChunk = [&](const fs::path& file, std::uint64_t offset) {
            if (file == large && offset == 5 * kChunkSize)
                std::ofstream(large, std::ios::binary | std::ios::app) << "grown";
        };
        ObjectStore store(storeRoot(), big);
        auto r = addPath(store, large);
        QVERIFY(!r);
        QVERIFY2(r.message().find("changed while it was being read") != std::string::npos, r.message().c_str());
        QVERIFY(store.listObjects()->empty() && store.strayTemps().empty());
    }
    // A file inside a directory: the error names it, and no version comes out.
    writeFile(m_dir / "dir" / "a.txt", "a");
    writeRandom(m_dir / "dir" / "b.bin", 2 * kChunkSize, 2);
    IoHooks dirHooks;
    dirHooks.noReflink = true;
    dirHooks.afterChunk = [&](const fs::path& file, std::uint64_t) {
        if (file.filename() == "b.bin")  // keeps appending: reading must still stop
            std::ofstream(file, std::ios::binary | std::ios::app) << "x";
    };
    ObjectStore store(storeRoot(), dirHooks);
    auto r = addPath(store, m_dir / "dir");
    QVERIFY(!r);
    QVERIFY2(r.message().find("b.bin") != std::string::npos, r.message().c_str());
    auto objects = store.listObjects();
    QVERIFY(objects && objects->empty());  // not even a.txt: an add lands whole or not at all
}

void TestArtifacts::badInput()
{
    ObjectStore store(storeRoot());
    auto missing = addPath(store, m_dir / "nope");
    QVERIFY(!missing);
    QVERIFY2(missing.message().find("nope': no such file or directory") != std::string::npos, missing.message().c_str());
    fs::create_symlink("b", m_dir / "a");
    fs::create_symlink("a", m_dir / "b");
    auto loop = addPath(store, m_dir / "a");
    QVERIFY(!loop);
    QVERIFY2(loop.message().find("symbolic link loop") != std::string::npos, loop.message().c_str());
    QVERIFY(::mkfifo((m_dir / "fifo").c_str(), 0644) == 0);
    auto fifo = addPath(store, m_dir / "fifo");
    QVERIFY(!fifo);
    QVERIFY2(fifo.message().find("not a regular file") != std::string::npos, fifo.message().c_str());
    fs::create_directories(m_dir / "withfifo");
    QVERIFY(::mkfifo((m_dir / "withfifo" / "pipe").c_str(), 0644) == 0);
    auto dirFifo = addPath(store, m_dir / "withfifo");
    QVERIFY(!dirFifo);
    QVERIFY2(dirFifo.message().find("withfifo/pipe") != std::string::npos, dirFifo.message().c_str());
    // A directory symlinked into itself is recorded as a link, not walked forever.
    fs::create_directories(m_dir / "tree" / "sub");
    writeFile(m_dir / "tree" / "sub" / "f", "f");
    fs::create_directory_symlink("..", m_dir / "tree" / "sub" / "up");
    auto tree = addPath(store, m_dir / "tree");
    QVERIFY2(tree, tree.ok() ? "" : tree.message().c_str());
    QCOMPARE(tree->files, std::uint64_t(1));
}

void TestArtifacts::permissionDenied()
{
    if (::geteuid() == 0)
        QSKIP("root reads files whatever their permissions");
    writeFile(m_dir / "secret", "s");
    fs::permissions(m_dir / "secret", fs::perms::none);
    ObjectStore store(storeRoot());
    auto r = addPath(store, m_dir / "secret");
    QVERIFY(!r);
    QVERIFY2(r.message().find("secret': permission denied") != std::string::npos, r.message().c_str());
    writeFile(m_dir / "d" / "locked" / "x", "x");
    fs::permissions(m_dir / "d" / "locked", fs::perms::none);
    auto d = addPath(store, m_dir / "d");
    fs::permissions(m_dir / "d" / "locked", fs::perms::owner_all);
    QVERIFY(!d);
    QVERIFY2(d.message().find("locked': permission denied") != std::string::npos, d.message().c_str());
}

void TestArtifacts::diskFullLeavesStoreUnchanged()
{
    writeRandom(m_dir / "big", 3 * kChunkSize, 3);
    writeFile(m_dir / "d" / "small", "small");
    fs::copy_file(m_dir / "big", m_dir / "d" / "big");
    std::uint64_t budget = kChunkSize + 100;  // the disk fills up during the second chunk
    IoHooks hooks;
    hooks.noReflink = true;
    hooks.write = [&](int fd, const void* data, std::size_t n) -> ssize_t {
        if (n > budget) {
            errno = ENOSPC;
            return -1;
        }
        budget -= n;
        return ::write(fd, data, n);
    };
    ObjectStore store(storeRoot(), hooks);
    auto r = addPath(store, m_dir / "big");
    QVERIFY(!r);
    QVERIFY2(r.message().find("full") != std::string::npos && r.message().find("store is unchanged") != std::string::npos,
             r.message().c_str());
    budget = 1000;
    auto d = addPath(store, m_dir / "d");
    QVERIFY(!d);
    auto objects = store.listObjects();
    QVERIFY(objects && objects->empty());
    QVERIFY(store.strayTemps().empty());
    // Space again: the same add works.
    budget = ~0ull;
    auto ok = addPath(store, m_dir / "d");
    QVERIFY2(ok, ok.ok() ? "" : ok.message().c_str());
    QCOMPARE(verifyObjects(store, {ok->hash})->size(), std::size_t(0));
}

QTEST_GUILESS_MAIN(TestArtifacts)
#include "tst_artifacts.moc"
