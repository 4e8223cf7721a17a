// A real PyTorch DistributedDataParallel job (gloo, CPU) launched by ProcessGroup with the
// torchrun environment: both ranks rendezvous, train, and report identical gradients.
#include "engine/exec/process_group.h"

#include <QtTest>

#ifndef DDP_SCRIPT
#error "DDP_SCRIPT must name tests/integration/ddp_train.py"
#endif

using namespace cairn::exec;

namespace {

constexpr const char* kPython = "/usr/bin/python3";

class Collect : public GroupObserver {
public:
    void started(int, long) override {}
    void output(int rank, int stream, std::string_view bytes) override
    {
        (stream == 1 ? out : err)[rank].append(bytes.data(), static_cast<qsizetype>(bytes.size()));
    }
    void tick() override {}
    QMap<int, QByteArray> out, err;
};

// step -> value of `key` in the rank's `cairn:metric step=N key=V ...` lines.
QMap<int, QString> metric(const QByteArray& out, const QString& key)
{
    QMap<int, QString> values;
    QRegularExpression re("^cairn:metric step=(\\d+) .*\\b" + key + "=(\\S+)");
    for (const QByteArray& line : out.split('\n')) {
        auto m = re.match(QString::fromUtf8(line));
        if (m.hasMatch())
            values[m.captured(1).toInt()] = m.captured(2);
    }
    return values;
}

} // namespace

class TestDdp : public QObject {
    Q_OBJECT
private slots:
    void twoRanksAgreeOnGradients();
};

void TestDdp::twoRanksAgreeOnGradients()
{
    QProcess probe;
    probe.start(kPython, {"-c", "import torch, torch.distributed as d; assert d.is_available() and d.is_gloo_available()"});
    if (!probe.waitForFinished(60000) || probe.exitStatus() != QProcess::NormalExit || probe.exitCode() != 0)
        QSKIP("/usr/bin/python3 cannot import torch with gloo (install python3-torch: installer/install-deps.sh)");

    GroupSpec spec;
    spec.argv = {kPython, DDP_SCRIPT};
    spec.nprocPerNode = 2;
    spec.extraEnv = {{"DDP_STEPS", "6"}, {"CAIRN_RUN_ID", "ddp-test"}};
    spec.stopGraceMs = 3000;
    Collect c;
    GroupOutcome o = ProcessGroup().run(spec, c);
    const QByteArray log = "rank 0 stderr:\n" + c.err[0] + "\nrank 1 stderr:\n" + c.err[1];
    QVERIFY2(o.started, o.startError.c_str());
    QVERIFY2(o.exitCode == 0, log.constData());
    QCOMPARE(o.failedRank, -1);

    const auto grad0 = metric(c.out[0], "grad_sum"), grad1 = metric(c.out[1], "grad_sum");
    QCOMPARE(grad0.size(), 6);
    QCOMPARE(grad0.keys(), grad1.keys());
    for (int step : grad0.keys())
        QVERIFY2(grad0[step] == grad1[step], qPrintable(QString("step %1: %2 vs %3").arg(step).arg(grad0[step], grad1[step])));
    // Each rank saw its own data: the local losses differ, so the equal gradients are DDP's doing.
    const auto loss0 = metric(c.out[0], "loss"), loss1 = metric(c.out[1], "loss");
    QCOMPARE(loss0.size(), 6);
    QVERIFY(loss0[0] != loss1[0]);
    QVERIFY(c.out[1].contains("cairn:tag rank=1 world=2 local_rank=1"));
}

QTEST_GUILESS_MAIN(TestDdp)
#include "tst_ddp.moc"
