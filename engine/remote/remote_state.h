// runs/<id>/remote.json: where a remote job is and what the far side says about it, written by
// its supervisor (atomically, on every change) and read by the engine for `queue` (the queue
// panel's PENDING/RUNNING and node names) and by a supervisor that re-attaches to the job.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace cairn::remote {

struct RemoteState {
    std::string executor;
    std::string type;            // "ssh" or "slurm"
    std::string where;           // "alice@gpu-box:22", "this machine"
    std::string phase;           // connecting, syncing, starting, running, reconnecting, fetching, ended
    std::string state;           // the far side's: PENDING, RUNNING, COMPLETED, TIMEOUT, ... (Slurm's names)
    std::string reason;          // Slurm's reason (Resources, Priority...) or the agent's ("waiting for free GPUs")
    std::vector<std::string> nodes;
    std::string slurmJob;        // the Slurm job id
    std::string rundir;          // the run's folder on the far side (absolute)
    std::string message;         // the latest problem ("connection lost: ..."), empty when fine
    bool started = false;        // the far side has the job (do not start it again)
    int attaches = 0;            // supervisors that have followed this job (re-attaches + 1)
    std::int64_t updatedMs = 0;

    nlohmann::json toJson() const;
    static RemoteState fromJson(const nlohmann::json& j);
};

std::filesystem::path remoteStatePath(const std::filesystem::path& runDir);
bool readRemoteState(const std::filesystem::path& runDir, RemoteState& out);
bool writeRemoteState(const std::filesystem::path& runDir, const RemoteState& state);

} // namespace cairn::remote
