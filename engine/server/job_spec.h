// What a job runs: stored as JSON in the jobs table and in runs/<id>/job.json for its supervisor.
#pragma once

#include "engine/core/result.h"
#include "engine/server/protocol.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

namespace cairn::server {

struct JobSpec {
    std::vector<std::string> argv;
    std::string workdir;
    std::map<std::string, std::string> env;  // extra environment
    int gpuCount = 0;                        // --gpus N
    std::vector<int> gpuIds;                 // --gpu-ids 0,2 (explicit)
    int nprocPerNode = 1;
    std::string executor;                    // empty: this machine; else an executor of cairn.yaml (docs/executors.md)
    int nnodes = 1;                          // nodes for a Slurm executor
    bool attached = false;                   // supervised by a foreground `cairn run`
    std::vector<int> assignedGpus;           // filled by the scheduler
    // Paths the job reads and writes (docs/lineage.md): its supervisor stores and links the
    // inputs before the command starts and the outputs once it has succeeded.
    std::vector<std::string> inputs;
    std::vector<std::string> outputs;

    Json toJson() const;
    static Result<JobSpec> fromJson(const Json& j);
};

// "0,2" <-> {0, 2}. parseIdList returns nullopt on anything but comma-separated whole numbers.
std::optional<std::vector<int>> parseIdList(std::string_view text);
std::string joinIds(const std::vector<int>& ids);

Status writeJobFile(const std::filesystem::path& runDir, const JobSpec& spec);
Result<JobSpec> readJobFile(const std::filesystem::path& runDir);

} // namespace cairn::server
