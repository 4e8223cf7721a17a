// The project the runs benches measure: RUNS runs (model-N named, ten experiments, five
// statuses) with PARAMS params (lr, batch, optimizer, model, seed, then hpN), two tags and
// METRICS metrics of three points each, built through Store. Shared by bench_runs_query and
// bench_runs_table so that both measure the same data.
#pragma once

#include "tests/common/test_rng.h"
#include "engine/store/store.h"

#include <string>
#include <vector>

namespace cairn::bench {

template <typename T>
const T& pick(testing::Rng& rng, const std::vector<T>& v) { return v[rng.below(v.size())]; }

inline bool buildRunsProject(Store& store, int runs, int params, int metrics)
{
    testing::Rng rng{7};
    const std::vector<std::string> lrs = {"0.1", "0.03", "0.01", "0.003", "0.001", "1e-4"};
    const std::vector<std::string> batches = {"32", "64", "128", "256"};
    const std::vector<std::string> optimizers = {"adam", "adamw", "sgd", "rmsprop"};
    const std::vector<std::string> models = {"resnet18", "resnet50", "vit-s", "vit-b", "mlp", "bert"};
    const std::vector<std::string> teams = {"cv", "nlp", "research", "platform"};
    std::vector<std::string> metricKeys = {"acc", "loss", "val_acc", "val_loss", "f1", "precision", "recall", "lr",
                                           "sys/gpu0/util", "sys/gpu0/mem", "throughput", "epoch_time"};
    while (static_cast<int>(metricKeys.size()) < metrics)
        metricKeys.push_back("extra/m" + std::to_string(metricKeys.size()));
    metricKeys.resize(static_cast<std::size_t>(metrics));
    const std::int64_t base = 1709280000000;  // 2024-03-01 UTC
    for (int i = 0; i < runs; ++i) {
        Run r;
        const std::string& model = pick(rng, models);
        r.name = model + "-" + std::to_string(i);
        r.experiment = "exp" + std::to_string(i % 10);
        const double u = rng.uniform();
        r.status = u < 0.8 ? RunStatus::Finished : u < 0.9 ? RunStatus::Failed : u < 0.95 ? RunStatus::Killed : RunStatus::Running;
        r.startMs = base + static_cast<std::int64_t>(i) * 60000;
        if (r.status != RunStatus::Running) {
            r.endMs = r.startMs + 1000 + static_cast<std::int64_t>(rng.below(3 * 3600)) * 1000;
            r.exitCode = r.status == RunStatus::Finished ? 0 : 1;
        }
        r.command = "python train.py --model " + model;
        r.user = "user" + std::to_string(rng.below(8));
        r.host = "gpu" + std::to_string(rng.below(16));
        r.params = {{"lr", pick(rng, lrs)}, {"batch", pick(rng, batches)}, {"optimizer", pick(rng, optimizers)},
                    {"model", model}, {"seed", std::to_string(rng.below(1000))}};
        for (int p = static_cast<int>(r.params.size()); p < params; ++p)
            r.params["hp" + std::to_string(p)] = p % 3 ? std::to_string(rng.uniform()) : "choice" + std::to_string(rng.below(5));
        r.tags = {{"team", pick(rng, teams)}, {"sweep", "s" + std::to_string(i / 100)}};
        if (!store.createRun(r))
            return false;
        std::vector<MetricPoint> points;
        const double quality = rng.uniform();
        for (std::size_t k = 0; k < metricKeys.size(); ++k)
            for (int step = 0; step < 3; ++step)
                points.push_back({metricKeys[k], step, r.startMs + step,
                                  k == 1 || k == 3 ? (1.0 - quality) * (3 - step) / 3 : quality * (step + 1) / 3 + rng.uniform() * 0.01});
        if (!store.appendMetrics(r.id, points))
            return false;
    }
    return true;
}

} // namespace cairn::bench
