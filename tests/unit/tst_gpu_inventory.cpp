// Unit tests of cairn_gpu that need no GPU: the real dlopen/dlsym NVML path against a fake
// libnvidia-ml (tests/unit/fake_nvml.c), the missing-library and failed-init paths, the fake
// inventory, and the CUDA runtime query (which must answer, not crash, on a machine without a
// driver). Tests that need real hardware are in tst_gpu_hardware.cpp (label `gpu`).
#include "gpu/cuda_runtime_info.h"
#include "gpu/gpu_inventory.h"

#include <QtTest/QtTest>

#include <dlfcn.h>

#include <atomic>
#include <set>
#include <thread>

#ifndef FAKE_NVML_PATH
#error "FAKE_NVML_PATH must name the fake NVML library (tests/unit/gpu_tests.cmake)"
#endif
#ifndef CAIRN_EXPECT_CUDA
#error "CAIRN_EXPECT_CUDA must say whether cairn_gpu has CUDA sources (tests/unit/gpu_tests.cmake)"
#endif

using namespace cairn::gpu;

namespace {
constexpr std::uint64_t kGiB = 1024ull * 1024ull * 1024ull;

// Sets an environment variable for the scope of a test and restores it afterwards.
class EnvGuard {
public:
    EnvGuard(const char* name, const QByteArray& value) : m_name(name), m_had(qEnvironmentVariableIsSet(name)), m_old(qgetenv(name))
    {
        qputenv(name, value);
    }
    ~EnvGuard()
    {
        if (m_had)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }
    EnvGuard(const EnvGuard&) = delete;
    EnvGuard& operator=(const EnvGuard&) = delete;

private:
    const char* m_name;
    bool m_had;
    QByteArray m_old;
};
} // namespace

class TestGpuInventory : public QObject {
    Q_OBJECT

private slots:
    void missingLibraryGivesZeroDevicesAndReason()
    {
        EnvGuard env("CAIRN_NVML_LIBRARY", "/nonexistent/cairn-test/libnvidia-ml.so.1");
        auto inv = makeSystemInventory();
        QVERIFY(inv);
        QVERIFY(inv->devices().empty());
        const QString backend = QString::fromStdString(inv->backend());
        QVERIFY2(backend.startsWith("none ("), qPrintable(backend));
        QVERIFY2(backend.contains("/nonexistent/cairn-test/libnvidia-ml.so.1 not found"), qPrintable(backend));
        // The dlerror() text is passed on.
        QVERIFY2(backend.contains("No such file"), qPrintable(backend));
        QVERIFY(inv->driverVersion().empty());
    }

    void libraryWithoutNvmlSymbolsIsRejected()
    {
        // A real shared object that is not NVML: libdl/libc resolve, but lack nvmlInit.
        EnvGuard env("CAIRN_NVML_LIBRARY", "libc.so.6");
        auto inv = makeSystemInventory();
        QVERIFY(inv->devices().empty());
        const QString backend = QString::fromStdString(inv->backend());
        QVERIFY2(backend.startsWith("none (libc.so.6 lacks nvmlInit"), qPrintable(backend));
    }

    void fakeNvmlReportsTwoDevices()
    {
        EnvGuard env("CAIRN_NVML_LIBRARY", FAKE_NVML_PATH);
        auto inv = makeSystemInventory();
        QCOMPARE(QString::fromStdString(inv->backend()), QString("nvml"));
        QCOMPARE(QString::fromStdString(inv->driverVersion()), QString("999.99.99-fake"));

        const auto gpus = inv->devices();
        QCOMPARE(gpus.size(), std::size_t(2));

        QCOMPARE(gpus[0].index, 0);
        QCOMPARE(QString::fromStdString(gpus[0].name), QString("Fake NVML A100-SXM4-80GB"));
        QCOMPARE(QString::fromStdString(gpus[0].uuid), QString("GPU-00000000-1111-2222-3333-000000000000"));
        QCOMPARE(gpus[0].memoryTotalBytes, 80 * kGiB);
        QCOMPARE(gpus[0].memoryUsedBytes, 10 * kGiB);
        QCOMPARE(gpus[0].utilizationPercent, 37);
        QCOMPARE(gpus[0].temperatureC, 45);
        QCOMPARE(gpus[0].powerWatts, 123.456);

        QCOMPARE(gpus[1].index, 1);
        QCOMPARE(QString::fromStdString(gpus[1].name), QString("Fake NVML H100 80GB HBM3"));
        QCOMPARE(QString::fromStdString(gpus[1].uuid), QString("GPU-00000000-1111-2222-3333-000000000001"));
        QCOMPARE(gpus[1].memoryTotalBytes, 94 * kGiB);
        QCOMPARE(gpus[1].memoryUsedBytes, 20 * kGiB);
        QCOMPARE(gpus[1].utilizationPercent, 99);
        QCOMPARE(gpus[1].temperatureC, 71);
        // The fake's power query fails on device 1: only that field is unknown.
        QCOMPARE(gpus[1].powerWatts, -1.0);
    }

    void fakeNvmlIsShutDownOnDestruction()
    {
        // Hold our own reference so the fake stays loaded and its counter can be read after the
        // inventory has dlclose'd it; dlopen of the same path shares one instance.
        void* lib = dlopen(FAKE_NVML_PATH, RTLD_NOW | RTLD_LOCAL);
        QVERIFY2(lib, dlerror());
        auto initCount = reinterpret_cast<int (*)()>(dlsym(lib, "fakeNvmlInitCount"));
        QVERIFY(initCount);
        const int before = initCount();
        {
            EnvGuard env("CAIRN_NVML_LIBRARY", FAKE_NVML_PATH);
            auto inv = makeSystemInventory();
            QCOMPARE(initCount(), before + 1);
            QCOMPARE(inv->devices().size(), std::size_t(2));
        }
        QCOMPARE(initCount(), before);
        dlclose(lib);
    }

    void failedInitGivesZeroDevicesAndNvmlError()
    {
        EnvGuard env("CAIRN_NVML_LIBRARY", FAKE_NVML_PATH);
        EnvGuard fail("FAKE_NVML_INIT_FAIL", "1");
        auto inv = makeSystemInventory();
        QVERIFY(inv->devices().empty());
        const QString backend = QString::fromStdString(inv->backend());
        QVERIFY2(backend.startsWith("none (NVML initialisation failed: Driver Not Loaded"), qPrintable(backend));
        QVERIFY(inv->driverVersion().empty());
    }

    void samplerThreadAndCallerShareOneInventory()
    {
        EnvGuard env("CAIRN_NVML_LIBRARY", FAKE_NVML_PATH);
        auto inv = makeSystemInventory();
        std::atomic<bool> stop{false};
        std::atomic<int> badSamples{0};
        std::thread sampler([&] {
            while (!stop.load())
                if (inv->devices().size() != 2)
                    ++badSamples;
        });
        for (int i = 0; i < 2000; ++i) {
            QCOMPARE(inv->devices().size(), std::size_t(2));
            QCOMPARE(QString::fromStdString(inv->backend()), QString("nvml"));
        }
        stop = true;
        sampler.join();
        QCOMPARE(badSamples.load(), 0);
    }

    void fakeInventoryHasFourDevices()
    {
        auto inv = makeFakeInventory(4);
        QCOMPARE(QString::fromStdString(inv->backend()), QString("fake"));
        const auto first = inv->devices();
        QCOMPARE(first.size(), std::size_t(4));
        std::set<std::string> uuids;
        for (int i = 0; i < 4; ++i) {
            const GpuInfo& g = first[static_cast<std::size_t>(i)];
            QCOMPARE(g.index, i);
            QCOMPARE(QString::fromStdString(g.name), QString("Fake GPU %1").arg(i));
            QCOMPARE(g.memoryTotalBytes, 80 * kGiB);
            QVERIFY(g.memoryUsedBytes <= g.memoryTotalBytes);
            QVERIFY(g.utilizationPercent >= 0 && g.utilizationPercent <= 100);
            QVERIFY(g.temperatureC > 0);
            QVERIFY(g.powerWatts > 0);
            uuids.insert(g.uuid);
        }
        QCOMPARE(uuids.size(), std::size_t(4));

        // Telemetry moves with every sample...
        const auto second = inv->devices();
        QVERIFY(second[0].utilizationPercent != first[0].utilizationPercent);
        // ...and is deterministic: a second inventory replays the same sequence.
        auto again = makeFakeInventory(4);
        const auto replay = again->devices();
        for (std::size_t i = 0; i < 4; ++i) {
            QCOMPARE(replay[i].utilizationPercent, first[i].utilizationPercent);
            QCOMPARE(replay[i].memoryUsedBytes, first[i].memoryUsedBytes);
        }
        // Cycles through the full range.
        std::set<int> seen;
        for (int s = 0; s < 11; ++s)
            seen.insert(inv->devices()[0].utilizationPercent);
        QCOMPARE(seen.size(), std::size_t(11));
        QCOMPARE(*seen.begin(), 0);
        QCOMPARE(*seen.rbegin(), 100);

        QVERIFY(makeFakeInventory(0)->devices().empty());
        QVERIFY(makeFakeInventory(-3)->devices().empty());
    }

    void cudaRuntimeInfoMatchesTheBuild()
    {
        const CudaRuntimeInfo info = cudaRuntimeInfo();
        QCOMPARE(info.builtWithCuda, bool(CAIRN_EXPECT_CUDA));
        const QString line = QString::fromStdString(describe(info));
        QVERIFY(!line.isEmpty());
        qInfo("%s", qPrintable(line));
        if (!info.builtWithCuda) {
            QCOMPARE(line, QString("CUDA: not built with CUDA sources"));
            QCOMPARE(QString::fromStdString(cudaSmokeTest()), QString("not built with CUDA sources"));
            return;
        }
        // The runtime is linked statically, so its version is known even without a driver.
        QVERIFY2(info.runtimeVersion >= 11000, qPrintable(line));
        // Either a device count, or why there is none.
        if (info.deviceCount < 0)
            QVERIFY2(!info.error.empty(), qPrintable(line));
        if (info.driverVersion == 0)
            QVERIFY2(info.deviceCount <= 0, qPrintable(line));
        // Asking twice gives the same answer (a failed first call must not poison the runtime).
        const CudaRuntimeInfo again = cudaRuntimeInfo();
        QCOMPARE(again.deviceCount, info.deviceCount);
        QCOMPARE(again.runtimeVersion, info.runtimeVersion);
    }

    void formatsCudaVersions()
    {
        QCOMPARE(QString::fromStdString(formatCudaVersion(13000)), QString("13.0"));
        QCOMPARE(QString::fromStdString(formatCudaVersion(12040)), QString("12.4"));
        QCOMPARE(QString::fromStdString(formatCudaVersion(0)), QString("unknown"));
        CudaRuntimeInfo noDriver;
        noDriver.builtWithCuda = true;
        noDriver.runtimeVersion = 13000;
        noDriver.error = "CUDA driver version is insufficient for CUDA runtime version";
        QCOMPARE(QString::fromStdString(describe(noDriver)),
                 QString("CUDA runtime 13.0, driver none, no devices (CUDA driver version is insufficient for CUDA runtime version)"));
        CudaRuntimeInfo two;
        two.builtWithCuda = true;
        two.runtimeVersion = 13000;
        two.driverVersion = 13000;
        two.deviceCount = 2;
        QCOMPARE(QString::fromStdString(describe(two)), QString("CUDA runtime 13.0, driver 13.0, 2 devices"));
    }
};

QTEST_APPLESS_MAIN(TestGpuInventory)
#include "tst_gpu_inventory.moc"
