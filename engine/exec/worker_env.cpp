#include "engine/exec/worker_env.h"

namespace cairn::exec {
namespace {

std::string joinIds(const std::vector<int>& ids)
{
    std::string out;
    for (int id : ids) {
        if (!out.empty())
            out += ',';
        out += std::to_string(id);
    }
    return out;
}

} // namespace

bool isDistributed(const GroupSpec& spec)
{
    return spec.nprocPerNode > 1 || spec.nnodes > 1;
}

std::map<std::string, std::string> workerEnv(const GroupSpec& spec, int localRank, int masterPort,
                                             const std::map<std::string, std::string>& inherited)
{
    std::map<std::string, std::string> env = spec.extraEnv;
    const int nproc = std::max(spec.nprocPerNode, 1);
    if (isDistributed(spec)) {
        const int nnodes = std::max(spec.nnodes, 1);
        const int rank = spec.nodeRank * nproc + localRank;
        const int world = nnodes * nproc;
        env["RANK"] = std::to_string(rank);
        env["LOCAL_RANK"] = std::to_string(localRank);
        env["WORLD_SIZE"] = std::to_string(world);
        env["LOCAL_WORLD_SIZE"] = std::to_string(nproc);
        env["GROUP_RANK"] = std::to_string(spec.nodeRank);
        env["GROUP_WORLD_SIZE"] = std::to_string(nnodes);
        env["ROLE_NAME"] = "default";
        env["ROLE_RANK"] = std::to_string(rank);
        env["ROLE_WORLD_SIZE"] = std::to_string(world);
        env["MASTER_ADDR"] = spec.masterAddr;
        env["MASTER_PORT"] = std::to_string(masterPort);
        auto runId = spec.extraEnv.find("CAIRN_RUN_ID");
        env["TORCHELASTIC_RUN_ID"] = runId != spec.extraEnv.end() ? runId->second : "none";
        env["TORCHELASTIC_RESTART_COUNT"] = "0";
        env["TORCHELASTIC_MAX_RESTARTS"] = "0";
        // Workers create/join the c10d store at MASTER_ADDR:MASTER_PORT themselves (rank 0 hosts
        // it); there is no torchrun agent whose store they could use.
        env["TORCHELASTIC_USE_AGENT_STORE"] = "False";
        // torchrun: one OpenMP thread per worker unless the user chose otherwise.
        if (nproc > 1 && !spec.extraEnv.count("OMP_NUM_THREADS") && !inherited.count("OMP_NUM_THREADS"))
            env["OMP_NUM_THREADS"] = "1";
    }
    const auto& ids = spec.gpuIds;
    if (!ids.empty()) {
        const bool onePerWorker = spec.gpuBinding == GpuBinding::OnePerWorker && nproc > 1 &&
                                  ids.size() == static_cast<std::size_t>(nproc);
        env["CUDA_VISIBLE_DEVICES"] = onePerWorker ? std::to_string(ids[static_cast<std::size_t>(localRank)]) : joinIds(ids);
        // The ids are NVML indices (PCI bus order); CUDA's default order is fastest first.
        if (!spec.extraEnv.count("CUDA_DEVICE_ORDER") && !inherited.count("CUDA_DEVICE_ORDER"))
            env["CUDA_DEVICE_ORDER"] = "PCI_BUS_ID";
    }
    return env;
}

} // namespace cairn::exec
