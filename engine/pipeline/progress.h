// What the latest `cairn pipeline run` of a pipeline is doing, for whoever watches it (the
// workbench's canvas): `<project>/.cairn/pipelines/NAME.progress.jsonl`, one JSON object a
// line, appended as stages change state. The first line names the pipeline run, the
// scheduler's pid and the selected stages; each later line is one stage's new state
// (`running` with its run id once submitted, `done`, `cached`, `failed`, `skipped`, `not-run`);
// the last line, `end`, carries the exit code. A file without `end` whose pid is gone is a
// scheduler that was killed.
#pragma once

#include "engine/core/result.h"

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace cairn::pipeline {

struct StageProgress {
    std::string state;    // queued, running, done, cached, failed, skipped, not-run
    std::string run;      // the stage's run id, once it has one
    std::string message;  // why it failed
    double seconds = 0;
};

struct RunProgress {
    std::string id;  // empty: no run recorded
    std::string file;
    long pid = 0;
    long long startMs = 0;
    int jobs = 0;
    std::vector<std::string> selected;
    std::map<std::string, StageProgress> stages;  // selected stages start as `queued`
    bool ended = false;
    int exitCode = 0;
    long long endMs = 0;
};

std::filesystem::path progressPathFor(const std::filesystem::path& projectRoot, const std::string& pipelineFile);

// Lines that do not parse (a torn last line) are skipped.
RunProgress parseProgress(std::string_view text);
// A missing file is a RunProgress with an empty id.
RunProgress readProgress(const std::filesystem::path& path);

// True while the scheduler that wrote `p` runs (no `end` yet and its pid alive).
bool progressLive(const RunProgress& p);

// Appends lines; safe to call from the scheduler's worker threads.
class ProgressWriter {
public:
    ~ProgressWriter();
    // Starts a fresh file (written beside and renamed) with the header line.
    static Result<std::unique_ptr<ProgressWriter>> start(const std::filesystem::path& path, const std::string& runId,
                                                          const std::string& file, int jobs,
                                                          const std::vector<std::string>& selected);
    void stage(const std::string& name, const std::string& state, const std::string& run = {}, const std::string& message = {},
               double seconds = 0);
    void end(int exitCode);

private:
    explicit ProgressWriter(int fd) : m_fd(fd) {}
    void append(const std::string& line);
    int m_fd = -1;
    std::mutex m_mutex;
};

} // namespace cairn::pipeline
