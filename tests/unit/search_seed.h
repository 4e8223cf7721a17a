// Twenty runs with varied attributes, params, tags and metrics, for the search language's
// tests. Run i (1-based) has the id 0000...<i in hex, 32 digits>; times are local.
#pragma once

#include "engine/query/search_values.h"
#include "engine/store/store.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

namespace searchseed {

struct SeedRun {
    const char* name;
    const char* experiment;
    cairn::RunStatus status;
    int exitCode;         // -1: none
    const char* start;    // local date, nullptr: not started
    double durationS;     // -1: not ended
    const char* user;
    const char* host;
    std::map<std::string, std::string> params;
    std::map<std::string, std::string> tags;
    std::map<std::string, std::vector<double>> metrics;
};

inline const std::vector<SeedRun>& runs()
{
    using S = cairn::RunStatus;
    const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
    static const std::vector<SeedRun> r = {
        {"resnet-a", "vision", S::Finished, 0, "2024-03-01 10:00", 90, "alice", "gpu1",
         {{"lr", "0.01"}, {"batch", "32"}, {"optim.lr", "0.1"}, {"opt", "adam"}}, {{"team", "cv"}},
         {{"acc", {0.5, 0.91}}, {"loss", {1.0, 0.2}}}},
        {"resnet-b", "vision", S::Finished, 0, "2024-03-01 11:00", 300, "alice", "gpu1",
         {{"lr", "0.1"}, {"batch", "64"}, {"opt", "sgd"}}, {{"team", "cv"}, {"my key", "x"}},
         {{"acc", {0.6, 0.95}}, {"loss", {0.9, 0.1}}}},
        {"resnet-c", "vision", S::Failed, 1, "2024-03-01 12:00", 30, "bob", "gpu2",
         {{"lr", "0.001"}, {"batch", "32"}, {"opt", "adam"}}, {}, {{"acc", {0.3}}, {"loss", {2.5}}}},
        {"vit-small", "vision", S::Finished, 0, "2024-03-01 13:00", 7200, "bob", "gpu2",
         {{"lr", "1e-3"}, {"batch", "128"}, {"opt", "adamw"}}, {{"team", "research"}},
         {{"acc", {0.7, 0.88}}, {"sys/gpu0/util", {50, 80}}}},
        {"vit-large", "vision", S::Killed, 137, "2024-03-01 14:00", 600, "carol", "gpu3",
         {{"lr", "0.0001"}, {"batch", "128"}}, {{"team", "research"}, {"priority", "high"}}, {{"acc", {0.2, 0.4}}}},
        {"bert-base", "nlp", S::Finished, 0, "2024-03-01 15:00", 3600, "alice", "tpu1",
         {{"lr", "2e-5"}, {"warmup", "100"}, {"opt", "adamw"}}, {{"team", "nlp"}}, {{"f1", {0.8, 0.85}}, {"loss", {3, 0.5}}}},
        {"bert-large", "nlp", S::Running, -1, "2024-03-01 16:00", -1, "alice", "tpu1",
         {{"lr", "1e-5"}, {"opt", "adamw"}}, {{"team", "nlp"}}, {{"loss", {4, 1.5}}}},
        {"gpt-tiny", "nlp", S::Queued, -1, nullptr, -1, "bob", "", {{"lr", "3e-4"}}, {}, {}},
        {"gpt-small", "nlp", S::Failed, 2, "2024-03-01 17:00", 45, "carol", "gpu3", {{"lr", "auto"}, {"opt", "adam"}},
         {{"team", "nlp"}}, {{"loss", {nan}}}},
        {"baseline", "default", S::Finished, 0, "2024-03-01 18:00", 1, "dave", "laptop", {}, {}, {{"acc", {0.1}}}},
        {"Baseline 2", "default", S::Finished, 0, "2024-03-01 19:00", 2, "dave", "laptop", {{"lr", "0.01"}},
         {{"note", "it's"}}, {{"acc", {0.12}}}},
        {"sweep_001", "sweep", S::Finished, 0, "2024-03-01 20:00", 120, "erin", "gpu4", {{"lr", "0.01"}, {"seed", "1"}},
         {{"sweep", "s1"}}, {{"acc", {0.81}}, {"loss", {0.3}}}},
        {"sweep_002", "sweep", S::Finished, 0, "2024-03-01 21:00", 125, "erin", "gpu4", {{"lr", "0.02"}, {"seed", "2"}},
         {{"sweep", "s1"}}, {{"acc", {0.83}}, {"loss", {0.28}}}},
        {"sweep_003", "sweep", S::Finished, 0, "2024-03-01 22:00", 118, "erin", "gpu4", {{"lr", "0.05"}, {"seed", "3"}},
         {{"sweep", "s1"}}, {{"acc", {0.79}}, {"loss", {0.33}}}},
        {"sweep_010", "sweep", S::Failed, 1, "2024-03-01 23:00", 5, "erin", "gpu4", {{"lr", "0.5"}, {"seed", "10"}},
         {{"sweep", "s2"}}, {{"loss", {inf}}}},
        {"100%done", "default", S::Finished, 0, "2024-03-02 00:00", 60, "frank", "gpu1", {{"lr", "0.010"}}, {},
         {{"acc", {0.99, -0.5}}}},
        {"under_score", "default", S::Finished, 0, "2024-03-02 01:00", 61, "frank", "gpu1", {{"path", "/data/x"}}, {}, {}},
        {"\xC3\xBCn\xC3\xAF" "code", "default", S::Finished, 0, "2024-03-02 02:00", 10, "frank", "gpu1", {}, {},
         {{"acc", {0.5}}}},
        {"old-run", "archive", S::Finished, 0, "2023-12-31 23:00", 86400, "gina", "old", {{"lr", "0.01"}}, {},
         {{"acc", {0.9}}}},
        {"epoch-ms", "archive", S::Finished, 0, "2024-01-01 00:00:00", 3, "gina", "old", {}, {}, {}},
    };
    return r;
}

inline std::string runId(std::size_t i)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%032zx", i);
    return buf;
}

// Creates the runs in `store`; returns an empty string or what failed.
inline std::string seed(cairn::Store& store)
{
    for (std::size_t i = 0; i < runs().size(); ++i) {
        const SeedRun& s = runs()[i];
        cairn::Run r;
        r.id = runId(i + 1);
        r.name = s.name;
        r.experiment = s.experiment;
        r.status = s.status;
        r.startMs = s.start ? cairn::query::parseLocalDate(s.start).value_or(-1) : 0;
        r.endMs = s.start && s.durationS >= 0 ? r.startMs + static_cast<std::int64_t>(s.durationS * 1000) : 0;
        if (s.exitCode >= 0)
            r.exitCode = s.exitCode;
        r.command = std::string(s.experiment) == "nlp" ? "python lm.py" : "python train.py";
        r.user = s.user;
        r.host = s.host;
        r.params = s.params;
        r.tags = s.tags;
        if (auto st = store.createRun(r); !st)
            return st.message();
        std::vector<cairn::MetricPoint> points;
        for (const auto& [key, values] : s.metrics)
            for (std::size_t k = 0; k < values.size(); ++k)
                points.push_back({key, static_cast<std::int64_t>(k), r.startMs + static_cast<std::int64_t>(k), values[k]});
        if (auto st = store.appendMetrics(r.id, points); !st)
            return st.message();
    }
    return {};
}

} // namespace searchseed
