// `cairn gpus` end to end, in process: against the fake NVML library (two devices), a missing
// library (zero devices, exit 0) and bad usage (exit 2).
#include "engine/cli/commands.h"

#include <QtTest/QtTest>

#include <nlohmann/json.hpp>

#include <sstream>

#ifndef FAKE_NVML_PATH
#error "FAKE_NVML_PATH must name the fake NVML library (tests/unit/gpu_tests.cmake)"
#endif

namespace {
struct CliResult {
    int rc;
    std::string out;
    std::string err;
};

CliResult runCairn(const std::vector<std::string>& argv)
{
    std::ostringstream out, err;
    const int rc = cairn::cli::runCli(argv, out, err);
    return {rc, out.str(), err.str()};
}
} // namespace

class TestCliGpus : public QObject {
    Q_OBJECT

private slots:
    void cleanup() { qunsetenv("CAIRN_NVML_LIBRARY"); }

    void jsonListsTheFakeDevices()
    {
        qputenv("CAIRN_NVML_LIBRARY", FAKE_NVML_PATH);
        const CliResult r = runCairn({"gpus", "--format", "json"});
        QCOMPARE(r.rc, 0);
        QVERIFY2(r.err.empty(), r.err.c_str());
        const auto j = nlohmann::json::parse(r.out);
        QCOMPARE(j.at("backend").get<std::string>(), std::string("nvml"));
        QCOMPARE(j.at("driver").get<std::string>(), std::string("999.99.99-fake"));
        QVERIFY(j.at("cuda").contains("built_with_cuda"));
        const auto& gpus = j.at("gpus");
        QCOMPARE(gpus.size(), std::size_t(2));
        QCOMPARE(gpus[0].at("index").get<int>(), 0);
        QCOMPARE(gpus[0].at("name").get<std::string>(), std::string("Fake NVML A100-SXM4-80GB"));
        QCOMPARE(gpus[0].at("uuid").get<std::string>(), std::string("GPU-00000000-1111-2222-3333-000000000000"));
        QCOMPARE(gpus[0].at("memory_total_bytes").get<std::uint64_t>(), 80ull << 30);
        QCOMPARE(gpus[0].at("memory_used_bytes").get<std::uint64_t>(), 10ull << 30);
        QCOMPARE(gpus[0].at("utilization_percent").get<int>(), 37);
        QCOMPARE(gpus[0].at("temperature_c").get<int>(), 45);
        QCOMPARE(gpus[0].at("power_watts").get<double>(), 123.456);
        QCOMPARE(gpus[1].at("name").get<std::string>(), std::string("Fake NVML H100 80GB HBM3"));
        QVERIFY(gpus[1].at("power_watts").is_null());  // the fake's power query fails on device 1
    }

    void textHasALinePerDevice()
    {
        qputenv("CAIRN_NVML_LIBRARY", FAKE_NVML_PATH);
        const CliResult r = runCairn({"gpus"});
        QCOMPARE(r.rc, 0);
        const QString out = QString::fromStdString(r.out);
        QVERIFY2(out.contains(QRegularExpression("\\n0 +Fake NVML A100-SXM4-80GB +10\\.0 / 80\\.0 GiB +37 % +45 C +123\\.5 W\\n")), qPrintable(out));
        QVERIFY2(out.contains(QRegularExpression("\\n1 +Fake NVML H100 80GB HBM3 +20\\.0 / 94\\.0 GiB +99 % +71 C +-\\n")), qPrintable(out));
        QVERIFY2(out.contains("backend: nvml, driver 999.99.99-fake\n"), qPrintable(out));
        QVERIFY2(out.contains("CUDA"), qPrintable(out));
    }

    void noLibraryMeansNoGpusAndSuccess()
    {
        qputenv("CAIRN_NVML_LIBRARY", "/nonexistent/cairn-test/libnvidia-ml.so.1");
        const CliResult r = runCairn({"gpus"});
        QCOMPARE(r.rc, 0);
        QVERIFY2(QString::fromStdString(r.out).startsWith("no GPUs found (/nonexistent/cairn-test/libnvidia-ml.so.1 not found: "),
                 r.out.c_str());

        const CliResult j = runCairn({"gpus", "--format=json"});
        QCOMPARE(j.rc, 0);
        const auto doc = nlohmann::json::parse(j.out);
        QVERIFY(doc.at("gpus").empty());
        QVERIFY(doc.at("driver").is_null());
        QVERIFY(doc.at("backend").get<std::string>().starts_with("none ("));
    }

    void badUsageExitsTwo()
    {
        const CliResult r = runCairn({"gpus", "--format", "xml"});
        QCOMPARE(r.rc, 2);
        QVERIFY(r.out.empty());
        QVERIFY2(r.err.starts_with("cairn gpus: option '--format' got 'xml'"), r.err.c_str());
        QVERIFY2(r.err.find("usage: cairn gpus") != std::string::npos, r.err.c_str());

        QCOMPARE(runCairn({"gpus", "extra"}).rc, 2);
    }

    void helpGoesToStdout()
    {
        const CliResult r = runCairn({"gpus", "--help"});
        QCOMPARE(r.rc, 0);
        QVERIFY2(r.out.find("usage: cairn gpus") != std::string::npos, r.out.c_str());
        QVERIFY(r.err.empty());
    }
};

QTEST_APPLESS_MAIN(TestCliGpus)
#include "tst_cli_gpus.moc"
