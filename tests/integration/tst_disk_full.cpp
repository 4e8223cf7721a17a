// A really full disk under the artifact store (docs/artifacts.md, "Bad input"): the project's
// artifacts/ is a 1 MiB tmpfs, mounted in a private mount namespace (`unshare -rm`, or
// `unshare -m` as root) so nothing outside the test sees it, and the real `cairn` adds a 3 MB
// file there: it fails with a message saying the disk is full and the store is unchanged,
// leaves no partial object, and the store and the database keep working (a small file is
// added and verified; a run whose output does not fit still finishes, its output reported
// as not recorded). The unit tests (tst_artifacts) inject ENOSPC at every write instead; this
// checks the same path against the kernel. SKIP where no mount namespace can be made.
#include "cli_harness.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

#include <unistd.h>

class TestDiskFull : public QObject {
    Q_OBJECT
private slots:
    void fullStoreIsClearAndUnharmed();
};

void TestDiskFull::fullStoreIsClearAndUnharmed()
{
    if (QStandardPaths::findExecutable("unshare").isEmpty())
        QSKIP("unshare (util-linux) is not installed");
    CliHarness h;
    QVERIFY(h.ok());
    const QString dir = QFileInfo(h.project()).path();
    QByteArray big(3 * 1024 * 1024, '\0');
    for (int i = 0; i < big.size(); ++i)
        big[i] = static_cast<char>((i * 2654435761u) >> 13);
    h.writeFile("big.bin", big);
    h.writeFile("small.txt", "small\n");
    const QString cairn = CAIRN_BIN;
    const QString p = h.project();
    // One shell inside the namespace: the mount lives as long as it (and the engine it starts).
    const QString script = QString("set -u\n"
                                   "mount -t tmpfs -o size=1m tmpfs '%2/artifacts' || exit 77\n"
                                   "'%1' --project '%2' artifact add '%3/big.bin' 2>big.err; echo \"big=$?\"\n"
                                   "echo \"objects=$(find '%2/artifacts' -type f ! -name .lock | wc -l)\"\n"
                                   "'%1' --project '%2' artifact add '%3/small.txt' >/dev/null 2>small.err; echo \"small=$?\"\n"
                                   "'%1' --project '%2' run --name writer --output '%3/big.bin' -- true 2>run.err; echo \"run=$?\"\n"
                                   "'%1' --project '%2' artifact verify >/dev/null 2>&1; echo \"verify=$?\"\n"
                                   "'%1' --project '%2' artifact list --format json > list.json; echo \"list=$?\"\n"
                                   "'%1' --project '%2' engine stop >/dev/null 2>&1\n")
                               .arg(cairn, p, dir);
    auto run = [&](const QStringList& unshareArgs) {
        QProcess sh;
        sh.setWorkingDirectory(dir);
        sh.start("unshare", unshareArgs + QStringList{"sh", "-c", script});
        sh.waitForFinished(180000);
        return std::make_pair(sh.exitCode(), QString::fromUtf8(sh.readAllStandardOutput() + sh.readAllStandardError()));
    };
    auto [code, out] = run({"-rm"});
    if (code != 0 && ::geteuid() == 0)
        std::tie(code, out) = run({"-m"});
    if (code == 77 || (code != 0 && !out.contains("big=")))
        QSKIP(qPrintable("cannot mount a tmpfs in a private mount namespace here: " + out.left(300)));
    QVERIFY2(out.contains("big=1"), qPrintable(out));  // exit 1: a failure, not bad input
    QVERIFY2(out.contains("objects=0"), qPrintable(out));  // no partial object, nothing in tmp/
    QVERIFY2(out.contains("small=0") && out.contains("verify=0") && out.contains("list=0"), qPrintable(out));
    QVERIFY2(out.contains("run=0"), qPrintable(out));
    auto readFile = [&](const QString& name) {
        QFile f(dir + "/" + name);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    };
    const QString bigErr = readFile("big.err");
    QVERIFY2(bigErr.contains("the disk holding the artifact store is full") && bigErr.contains("no space left on device")
                 && bigErr.contains("the store is unchanged") && bigErr.contains("big.bin"),
             qPrintable(bigErr));
    QVERIFY2(readFile("run.err").contains("not recorded: output"), qPrintable(readFile("run.err")));
    const QString list = readFile("list.json");
    QVERIFY2(list.contains("small.txt") && !list.contains("big.bin"), qPrintable(list));
    // The database outside the full disk holds the run and the small file only.
    auto store = h.store();
    QCOMPARE(static_cast<int>(store->artifactVersions()->size()), 1);
    QVERIFY(store->findRun("writer")->status == cairn::RunStatus::Finished);
}

QTEST_GUILESS_MAIN(TestDiskFull)
#include "tst_disk_full.moc"
