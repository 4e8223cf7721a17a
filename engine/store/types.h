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

// What a chart draws of one series in a step range: every stored point, or (when there are
// more than four per bucket) each bucket's first, lowest, highest and last point.
struct SeriesView {
    std::vector<MetricPoint> points;  // ordered by step
    std::int64_t storedCount = 0;     // points stored in the range (whole blocks at its edges)
    bool reduced = false;             // points is a reduction of storedCount points
};

struct StepRange {
    std::int64_t lo = 0;
    std::int64_t hi = 0;
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

// A run the engine runs: queued until its GPUs are free and its `after` run has finished.
struct Job {
    std::string runId;
    RunStatus status = RunStatus::Queued;
    std::string spec;             // JSON: argv, workdir, env, gpus, nproc (engine/server/job_spec.h)
    std::string afterRunId;       // empty: no dependency
    std::string gpus;             // assigned GPU ids, "0,2"
    std::int64_t supervisorPid = 0;
    std::int64_t supervisorStart = 0;  // start time from /proc, guards against pid reuse
    std::string message;          // why it failed before starting, etc.
};

// An entry of a run's history (remote jobs: connection lost and back, Slurm state changes,
// requeues after preemption). `kind` is a dotted name such as "slurm.requeued".
struct RunEvent {
    std::int64_t timestampMs = 0;
    std::string kind;
    std::string text;
};

// Everything one stretch of a run's journal adds, applied in one transaction with the offset.
struct IngestBatch {
    std::string runId;
    std::vector<MetricPoint> points;
    std::vector<std::pair<std::string, std::string>> params;
    std::vector<std::pair<std::string, std::string>> tags;
    std::uint64_t newOffset = 0;
    bool ended = false;
    RunStatus endStatus = RunStatus::Finished;
    int exitCode = 0;
    std::int64_t endMs = 0;
    std::int64_t startedPid = 0;  // 0: no start record in this stretch
    std::vector<RunEvent> events;
    std::optional<std::string> message;  // the job's message (why it ended), when the stretch sets one
};

// Which runs Store::runs() returns, in which order. `where` and `sortKey` use the search
// language (docs/search.md); a bad one makes the query fail with "filter, column N: ...".
struct RunFilter {
    std::optional<std::string> experiment;
    std::string where;            // empty: every run
    std::string sortKey;          // a field: "metrics.acc", "params.lr", "name"...; empty: start time
    bool descending = true;       // runs lacking the sort key come last either way
    std::int64_t limit = -1;      // -1: no limit
    std::int64_t offset = 0;
};

// One page of a filtered, sorted run list and how many runs match in all.
struct RunPage {
    std::vector<RunSummary> runs;
    std::int64_t total = 0;
};

// A row of Store::runKeys(): a run's id and, when asked for, its value of a grouping field.
struct RunKey {
    std::string id;
    std::optional<std::string> group;  // nullopt: the run lacks the field (or no field was asked for)
};

// The keys Store::keys() lists.
enum class KeyKind { Param, Tag, Metric };

} // namespace cairn
