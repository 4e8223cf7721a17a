// What the CUDA runtime linked into Cairn reports. Plain C++: no CUDA types, so any target can
// include it. When Cairn is built without CUDA sources (CAIRN_WITH_CUDA=OFF, or AUTO with no
// nvcc) builtWithCuda is false and nothing else is filled in.
#pragma once

#include <string>

namespace cairn::gpu {

struct CudaRuntimeInfo {
    bool builtWithCuda = false;
    int runtimeVersion = 0;   // cudaRuntimeGetVersion, e.g. 13000 for 13.0; 0 when unknown
    int driverVersion = 0;    // cudaDriverGetVersion; 0 when no driver is installed
    int deviceCount = -1;     // cudaGetDeviceCount; -1 when it failed (see error)
    std::string error;        // why deviceCount is unknown, e.g. "CUDA driver version is insufficient..."
};

// Queries the CUDA runtime (cheap; safe on machines without a driver or a GPU).
CudaRuntimeInfo cudaRuntimeInfo();

// Launches a tiny kernel on device `device` and checks its result: proof that the driver, the
// runtime and the compiled device code fit together. Returns an empty string on success,
// otherwise why it failed (including "not built with CUDA sources").
std::string cudaSmokeTest(int device = 0);

// 13000 -> "13.0", 12040 -> "12.4"; "unknown" for 0.
std::string formatCudaVersion(int version);
// One line for people, e.g. "CUDA runtime 13.0, driver 12.4, 2 devices" or
// "CUDA: not built with CUDA sources".
std::string describe(const CudaRuntimeInfo& info);

} // namespace cairn::gpu
