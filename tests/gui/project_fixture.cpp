#include "project_fixture.h"

#include "engine/core/text.h"
#include "engine/store/project.h"
#include "engine/store/store.h"

#include <chrono>
#include <cmath>
#include <fstream>
#include <limits>
#include <stdexcept>

namespace cairn::testing {
namespace {

template <typename T>
T check(Result<T> r, const char* what)
{
    if (!r)
        throw std::runtime_error(std::string(what) + ": " + r.message());
    return std::move(r.value());
}

std::int64_t nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// A training-looking curve: loss falls, accuracy rises, both with a little deterministic noise.
std::vector<MetricPoint> curves(int points, double lr, std::int64_t startMs, int seed)
{
    std::vector<MetricPoint> out;
    const double rate = 3.0 + 40.0 * lr;
    for (int i = 0; i < points; ++i) {
        double t = static_cast<double>(i) / std::max(1, points - 1);
        double noise = 0.03 * std::sin(i * 0.7 + seed) + 0.02 * std::sin(i * 2.3 + 3 * seed);
        std::int64_t ts = startMs + i * 1000;
        out.push_back({"loss", i, ts, 2.3 * std::exp(-rate * t) + 0.08 + noise});
        out.push_back({"acc", i, ts, 0.97 - 0.87 * std::exp(-rate * 1.2 * t) + noise * 0.5});
    }
    return out;
}

std::string createRun(Store& store, const std::filesystem::path& runsDir, const std::string& name,
                      RunStatus status, std::int64_t startMs, double lr, int batch, int points, int seed)
{
    Run run;
    run.name = name;
    run.experiment = seed % 2 ? "baseline" : "sweep-lr";
    run.status = RunStatus::Running;
    run.startMs = startMs;
    run.command = "python train.py --lr " + formatDouble(lr) + " --batch-size " + std::to_string(batch);
    run.workdir = "/home/ada/mnist";
    run.host = "gpu-box";
    run.user = "ada";
    run.params = {{"lr", formatDouble(lr)}, {"batch_size", std::to_string(batch)},
                  {"optimizer", seed % 2 ? "adam" : "sgd"}};
    run.tags = {{"dataset", "mnist"}, {"git.commit", "3f2c9d1"}};
    check(store.createRun(run), "createRun");
    auto points_ = curves(points, lr, startMs, seed);
    check(store.appendMetrics(run.id, points_), "appendMetrics");
    if (status != RunStatus::Running) {
        std::optional<int> exit = status == RunStatus::Finished ? 0 : (status == RunStatus::Failed ? 1 : 137);
        check(store.finishRun(run.id, status, exit, startMs + points * 1000), "finishRun");
    }
    auto dir = runsDir / run.id;
    std::filesystem::create_directories(dir);
    std::ofstream out(dir / "stdout.log");
    for (int i = 0; i < points; i += 25)
        out << "epoch " << i / 25 << " step " << i << " loss " << 2.3 * std::exp(-0.01 * i) << "\n";
    std::ofstream err(dir / "stderr.log");
    if (status == RunStatus::Failed)
        err << "Traceback (most recent call last):\n  File \"train.py\", line 42\nRuntimeError: CUDA out of memory\n";
    return run.id;
}

} // namespace

std::vector<std::string> makeFixtureProject(const std::filesystem::path& dir, const FixtureOptions& options)
{
    auto project = check(Project::init(dir, "fixture"), "Project::init");
    auto store = check(Store::open(project.databasePath(), Store::Mode::ReadWrite), "Store::open");
    const RunStatus statuses[] = {RunStatus::Finished, RunStatus::Failed, RunStatus::Running, RunStatus::Killed};
    const double lrs[] = {0.1, 0.01, 0.001, 0.0003};
    const int batches[] = {128, 16, 8, 64};
    std::vector<std::string> ids;
    const std::int64_t base = nowMs() - 3600 * 1000;
    for (int i = 0; i < options.runs; ++i) {
        int k = i % 4;
        ids.push_back(createRun(*store, project.runsDir(), "run-" + std::to_string(i), statuses[k],
                                base + i * 60000, lrs[k], batches[k], options.points, i));
    }
    if (options.withNonFinite && !ids.empty()) {
        std::vector<MetricPoint> g;
        for (int i = 0; i < 20; ++i) {
            double v = i == 5 ? std::numeric_limits<double>::quiet_NaN()
                     : i == 9 ? std::numeric_limits<double>::infinity() : 1.0 / (1 + i);
            g.push_back({"grad_norm", i, base, v});
        }
        check(store->appendMetrics(ids.back(), g), "appendMetrics");
    }
    return ids;
}

std::string addFixtureRun(const std::filesystem::path& dir, const std::string& name, int points)
{
    auto project = check(Project::open(dir), "Project::open");
    auto store = check(Store::open(project.databasePath(), Store::Mode::ReadWrite), "Store::open");
    return createRun(*store, project.runsDir(), name, RunStatus::Finished, nowMs(), 0.05, 32, points, 7);
}

} // namespace cairn::testing
