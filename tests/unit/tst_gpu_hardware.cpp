// Tests that need a real NVIDIA GPU (CTest label `gpu`). Each one QSKIPs when no device is
// found, so the suite passes on CI machines without a GPU.
#include "gpu/cuda_runtime_info.h"
#include "gpu/gpu_inventory.h"

#include <QtTest/QtTest>

using namespace cairn::gpu;

class TestGpuHardware : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Always the system's own NVML here, never a test override.
        qunsetenv("CAIRN_NVML_LIBRARY");
    }

    void nvmlListsRealDevices()
    {
        auto inv = makeSystemInventory();
        const auto gpus = inv->devices();
        if (gpus.empty())
            QSKIP(qPrintable("no GPU found: " + QString::fromStdString(inv->backend())));
        QCOMPARE(QString::fromStdString(inv->backend()), QString("nvml"));
        QVERIFY(!inv->driverVersion().empty());
        for (std::size_t i = 0; i < gpus.size(); ++i) {
            const GpuInfo& g = gpus[i];
            qInfo("GPU %d: %s %s, %.1f / %.1f GiB, %d%%, %d C, %.1f W", g.index, g.name.c_str(), g.uuid.c_str(),
                  g.memoryUsedBytes / 1073741824.0, g.memoryTotalBytes / 1073741824.0, g.utilizationPercent,
                  g.temperatureC, g.powerWatts);
            QCOMPARE(g.index, int(i));
            QVERIFY(!g.name.empty());
            QVERIFY(!g.uuid.empty());
            QVERIFY(g.memoryTotalBytes > 0);
            QVERIFY(g.memoryUsedBytes <= g.memoryTotalBytes);
            QVERIFY(g.utilizationPercent >= 0 && g.utilizationPercent <= 100);
        }
        const CudaRuntimeInfo cuda = cudaRuntimeInfo();
        if (cuda.builtWithCuda && !qEnvironmentVariableIsSet("CUDA_VISIBLE_DEVICES"))
            QCOMPARE(cuda.deviceCount, int(gpus.size()));
    }

    void cudaKernelRuns()
    {
        const CudaRuntimeInfo info = cudaRuntimeInfo();
        if (!info.builtWithCuda)
            QSKIP("built without CUDA sources");
        if (info.deviceCount <= 0)
            QSKIP(qPrintable("no CUDA device: " + QString::fromStdString(describe(info))));
        qInfo("%s", describe(info).c_str());
        QCOMPARE(QString::fromStdString(cudaSmokeTest(0)), QString());
    }
};

QTEST_APPLESS_MAIN(TestGpuHardware)
#include "tst_gpu_hardware.moc"
