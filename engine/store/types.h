// Plain value types of the project store. No SQL, no Qt: shared by CLI, engine and widgets.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cairn {

enum class RunStatus { Queued, Running, Finished, Failed, Killed };

std::string_view toString(RunStatus status);
std::optional<RunStatus> runStatusFromString(std::string_view text);

struct Experiment {
    std::int64_t id = 0;
    std::string name;
    std::int64_t createdMs = 0;
    std::int64_t runCount = 0;
};

struct Run {
    std::string id;              // 32 hex digits
    std::string name;
    std::string experiment;
    RunStatus status = RunStatus::Queued;
    std::int64_t startMs = 0;    // Unix epoch milliseconds; 0 = not started
    std::int64_t endMs = 0;      // 0 = not ended
    std::optional<int> exitCode;
    std::string command;         // shell-quoted, for display and reproduction
    std::string workdir;
    std::string host;
    std::string user;
    std::int64_t pid = 0;
    std::map<std::string, std::string> params;
    std::map<std::string, std::string> tags;
};

struct MetricPoint {
    std::string key;
    std::int64_t step = 0;
    std::int64_t timestampMs = 0;
    double value = 0.0;          // NaN and +/-inf are kept
};

// Summary of one metric of one run: what a runs table shows.
struct MetricSummary {
    std::string key;
    std::int64_t lastStep = 0;
    std::int64_t lastTimestampMs = 0;
    double last = 0.0;
    double min = 0.0;            // over non-NaN values; NaN when there are none
    double max = 0.0;
    std::int64_t count = 0;
};

struct RunSummary {
    Run run;
    std::map<std::string, MetricSummary> metrics;
};

struct RunFilter {
    std::optional<std::string> experiment;
};

} // namespace cairn
