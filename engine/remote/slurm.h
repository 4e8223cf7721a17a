// Slurm: the sbatch directives of a job, and what its final state means for the run.
// The agent writes the batch script from the directives (it knows the far side's paths) and
// starts the ranks with srun; see cairn_agent.py (start_slurm, cmd_batch, cmd_task).
#pragma once

#include "engine/remote/executor_config.h"
#include "engine/store/types.h"

#include <string>
#include <vector>

namespace cairn::remote {

struct SlurmRequest {
    std::string jobName;   // --job-name
    int nnodes = 1;
    int tasksPerNode = 1;  // --ntasks-per-node (the job's --nproc-per-node)
    int gpusPerNode = 0;   // --gpus N: replaces the executor's gres with gpu:N
};

// "--partition=gpu", "--nodes=2", ... one per #SBATCH line, the executor's `extra` last.
std::vector<std::string> sbatchDirectives(const ExecutorConfig& executor, const SlurmRequest& request);

struct SlurmEnd {
    RunStatus status = RunStatus::Failed;
    std::string message;   // empty for a plain success or an ordinary non-zero exit
};

// The run's end from the job's final Slurm state (COMPLETED, FAILED, TIMEOUT, OUT_OF_MEMORY,
// NODE_FAIL, CANCELLED, PREEMPTED...), the command's exit code and the state's reason.
// `cancelledByUs`: Cairn sent the scancel (cairn cancel).
SlurmEnd slurmEnd(const ExecutorConfig& executor, const std::string& state, int exitCode, const std::string& reason,
                  const std::vector<std::string>& nodes, bool cancelledByUs);

// True for states a job is still on its way through (PENDING, RUNNING, REQUEUED, ...).
bool slurmStateActive(const std::string& state);

} // namespace cairn::remote
