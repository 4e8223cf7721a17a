// The environment variables one worker of a ProcessGroup gets on top of the caller's: the
// torchrun contract (when distributed) and CUDA_VISIBLE_DEVICES (when the job has GPUs).
#pragma once

#include "engine/exec/process_group.h"

#include <map>
#include <string>

namespace cairn::exec {

bool isDistributed(const GroupSpec& spec);

// Variables for the worker with local rank `localRank`, MASTER_PORT = `masterPort`; extraEnv is
// included. `inherited` is the caller's environment, used to keep an OMP_NUM_THREADS set there.
std::map<std::string, std::string> workerEnv(const GroupSpec& spec, int localRank, int masterPort,
                                             const std::map<std::string, std::string>& inherited = {});

} // namespace cairn::exec
