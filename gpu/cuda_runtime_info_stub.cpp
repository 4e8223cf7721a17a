// Built when Cairn has no CUDA sources (CAIRN_WITH_CUDA=OFF, or AUTO without nvcc).
#include "gpu/cuda_runtime_info.h"

namespace cairn::gpu {

CudaRuntimeInfo cudaRuntimeInfo()
{
    return CudaRuntimeInfo{};  // builtWithCuda = false
}

} // namespace cairn::gpu

namespace cairn::gpu {

std::string cudaSmokeTest(int)
{
    return "not built with CUDA sources";
}

} // namespace cairn::gpu
