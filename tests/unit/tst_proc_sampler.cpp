// ProcSampler on real child processes: CPU of a busy tree, resident memory, vanished processes.
#include "engine/exec/proc_sampler.h"
#include "engine/exec/proc_tree.h"

#include <QtTest>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace cairn::exec;

namespace {

// A child running `sh -c script`, killed with its process group and reaped at scope end.
class Child {
public:
    explicit Child(const char* script)
    {
        m_pid = ::fork();
        if (m_pid == 0) {
            ::setpgid(0, 0);
            ::execl("/bin/sh", "sh", "-c", script, static_cast<char*>(nullptr));
            ::_exit(127);
        }
        ::setpgid(m_pid, m_pid);
    }
    ~Child()
    {
        ::kill(-m_pid, SIGKILL);
        ::waitpid(m_pid, nullptr, 0);
    }
    pid_t pid() const { return m_pid; }

private:
    pid_t m_pid = -1;
};

// Samples until `ok` holds or `ms` pass; returns the last sample.
template <typename Pred>
TreeSample sampleUntil(ProcSampler& s, Pred ok, int ms)
{
    TreeSample last;
    for (int waited = 0; waited <= ms; waited += 250) {
        QThread::msleep(250);
        last = s.sample();
        if (ok(last))
            break;
    }
    return last;
}

} // namespace

class TestProcSampler : public QObject {
    Q_OBJECT
private slots:
    void busyChildUsesCpu();
    void treeCountsGrandchildren();
    void residentMemoryOfBigAllocation();
    void goneRootGivesEmptySample();
    void readsOwnStat();
};

void TestProcSampler::busyChildUsesCpu()
{
    Child c("while :; do :; done");
    ProcSampler sampler(c.pid());
    QThread::msleep(1000);
    TreeSample s = sampler.sample();
    // A busy loop shows clearly; how much of a core it gets depends on the machine's load
    // (CI shares 2 cores with the build), so the bound is loose on purpose.
    QVERIFY2(s.cpuPercent > 5.0, qPrintable(QString::number(s.cpuPercent)));
    QVERIFY(s.cpuPercent < 150.0);  // one process cannot use more than one core
    QVERIFY(s.rssBytes > 0);
    QCOMPARE(s.processes, 1);
}

void TestProcSampler::treeCountsGrandchildren()
{
    // Two busy grandchildren under an idle shell: their CPU is what shows. (Not "> 100": a
    // shared 2-core test machine rarely gives both loops a full core.)
    Child c("(while :; do :; done) & (while :; do :; done) & wait");
    ProcSampler sampler(c.pid());
    TreeSample s = sampleUntil(sampler, [](const TreeSample& t) { return t.processes == 3; }, 3000);
    QCOMPARE(s.processes, 3);
    QThread::msleep(1000);
    s = sampler.sample();
    QVERIFY2(s.cpuPercent > 5.0, qPrintable(QString::number(s.cpuPercent)));
}

void TestProcSampler::residentMemoryOfBigAllocation()
{
    // 200 MiB written (not just reserved) by a grandchild, then held.
    Child c("/usr/bin/python3 -c \"import time; b = b'x' * (200 * 1024 * 1024); print('ready', flush=True); time.sleep(60)\"; :");
    ProcSampler sampler(c.pid());
    constexpr std::uint64_t want = 200ull * 1024 * 1024;
    TreeSample s = sampleUntil(sampler, [](const TreeSample& t) { return t.rssBytes >= want; }, 15000);
    QVERIFY2(s.rssBytes >= want, qPrintable(QString::number(s.rssBytes)));
    QCOMPARE(s.processes, 2);
}

void TestProcSampler::goneRootGivesEmptySample()
{
    pid_t pid = ::fork();
    if (pid == 0)
        ::_exit(0);
    ::waitpid(pid, nullptr, 0);
    ProcSampler sampler(pid);
    TreeSample s = sampler.sample();
    QCOMPARE(s.processes, 0);
    QCOMPARE(s.rssBytes, std::uint64_t(0));
    QCOMPARE(s.cpuPercent, 0.0);
}

void TestProcSampler::readsOwnStat()
{
    auto self = readProcStat(::getpid());
    QVERIFY(self.has_value());
    QCOMPARE(self->ppid, long(::getppid()));
    QCOMPARE(self->pgrp, long(::getpgrp()));
    QVERIFY(self->rssPages > 0);
    QVERIFY(processRunning(::getpid()));
    QVERIFY(!readProcStat(0).has_value());
}

QTEST_GUILESS_MAIN(TestProcSampler)
#include "tst_proc_sampler.moc"
