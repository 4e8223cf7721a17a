// Runs the built cairn-gpu-check (gpu/check/cairn_gpu_check.cu) and checks what it reports.
// CTest label `gpu`: without a device the program exits 2 and the hardware case QSKIPs, so the
// test is reported as skipped, never as passed.
#include <QtCore/QMap>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtTest/QtTest>

#ifndef CAIRN_GPU_CHECK_PATH
#error "CAIRN_GPU_CHECK_PATH must name the cairn-gpu-check binary"
#endif

namespace {

struct Run {
    int exitCode = -1;
    QString output;  // stdout and stderr, merged
};

Run runCheck(const QStringList& args, int timeoutMs)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral(CAIRN_GPU_CHECK_PATH), args);
    Run r;
    if (!p.waitForStarted(30000)) {
        r.output = "could not start " CAIRN_GPU_CHECK_PATH ": " + p.errorString();
        return r;
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.output = "timed out\n" + QString::fromUtf8(p.readAll());
        return r;
    }
    r.output = QString::fromUtf8(p.readAll());
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return r;
}

} // namespace

class TestGpuCheck : public QObject {
    Q_OBJECT

private slots:
    // Runs everywhere: the binary starts (static cudart, libnccl found through its RPATH) and
    // rejects a bad command line before touching the GPU.
    void startsAndRejectsBadOptions()
    {
        Run r = runCheck({"--size-mb", "zero"}, 30000);
        QVERIFY2(r.exitCode == 64, qPrintable(r.output));
        QVERIFY2(r.output.contains("--size-mb"), qPrintable(r.output));
        r = runCheck({"--help"}, 30000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.output));
        QVERIFY2(r.output.contains("usage: cairn-gpu-check"), qPrintable(r.output));
    }

    void checksPassOnEveryGpu()
    {
        const Run r = runCheck({"--size-mb", "256"}, 280000);
        if (r.exitCode == 2) {
            // No device or driver: the program says why in one line.
            QVERIFY2(r.output.contains("no CUDA device: "), qPrintable(r.output));
            QSKIP(qPrintable(r.output.trimmed()));
        }
        qInfo("%s", qPrintable(r.output));
        QVERIFY2(r.exitCode == 0, qPrintable(QString("exit %1:\n%2").arg(r.exitCode).arg(r.output)));

        QMap<QString, double> metrics;
        int gpuCount = -1;
        static const QRegularExpression gpuCountRe(QStringLiteral("^cairn:param .*\\bgpu_count=(\\d+)"));
        for (const QString& line : r.output.split('\n')) {
            const QString l = line.trimmed();
            if (const auto m = gpuCountRe.match(l); m.hasMatch())
                gpuCount = m.captured(1).toInt();
            if (!l.startsWith("cairn:metric "))
                continue;
            for (const QString& kv : l.mid(13).split(' ', Qt::SkipEmptyParts)) {
                const qsizetype eq = kv.indexOf('=');
                QVERIFY2(eq > 0, qPrintable(l));
                bool ok = false;
                const double v = kv.mid(eq + 1).toDouble(&ok);
                QVERIFY2(ok, qPrintable(l));
                metrics.insert(kv.left(eq), v);
            }
        }
        QVERIFY2(gpuCount >= 1, qPrintable(r.output));
        for (int d = 0; d < gpuCount; ++d) {
            for (const char* name : {"copy_gbps", "sgemm_tflops"}) {
                const QString key = QString("gpu%1/%2").arg(d).arg(name);
                QVERIFY2(metrics.contains(key), qPrintable("missing " + key));
                QVERIFY2(metrics[key] > 0, qPrintable(key + " = " + QString::number(metrics[key])));
            }
        }
        if (CAIRN_EXPECT_NCCL) {
            QVERIFY2(metrics.contains("nccl/allreduce_algbw_gbps"), qPrintable(r.output));
            QVERIFY(metrics["nccl/allreduce_algbw_gbps"] > 0);
            QVERIFY2(metrics.contains("nccl/allreduce_busbw_gbps"), qPrintable(r.output));
            // busbw = algbw * 2 (n - 1) / n: zero with a single GPU.
            if (gpuCount > 1)
                QVERIFY(metrics["nccl/allreduce_busbw_gbps"] > 0);
            else
                QCOMPARE(metrics["nccl/allreduce_busbw_gbps"], 0.0);
        }
    }
};

QTEST_GUILESS_MAIN(TestGpuCheck)
#include "tst_gpu_check.moc"
