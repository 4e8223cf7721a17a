#include "gpu/cuda_runtime_info.h"

namespace cairn::gpu {

std::string formatCudaVersion(int version)
{
    if (version <= 0)
        return "unknown";
    return std::to_string(version / 1000) + "." + std::to_string((version % 1000) / 10);
}

std::string describe(const CudaRuntimeInfo& info)
{
    if (!info.builtWithCuda)
        return "CUDA: not built with CUDA sources";
    std::string s = "CUDA runtime " + formatCudaVersion(info.runtimeVersion) + ", driver "
        + (info.driverVersion > 0 ? formatCudaVersion(info.driverVersion) : std::string("none"));
    if (info.deviceCount >= 0)
        s += ", " + std::to_string(info.deviceCount) + (info.deviceCount == 1 ? " device" : " devices");
    else
        s += ", no devices (" + (info.error.empty() ? std::string("unknown error") : info.error) + ")";
    return s;
}

} // namespace cairn::gpu
