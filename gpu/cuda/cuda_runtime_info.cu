// The CUDA runtime, statically linked: on a machine without the driver every call below fails
// cleanly and the failure is reported as text.
#include "gpu/cuda_runtime_info.h"

#include <cuda_runtime_api.h>

namespace cairn::gpu {

namespace {

std::string errorText(cudaError_t rc)
{
    return std::string(cudaGetErrorString(rc)) + " (" + cudaGetErrorName(rc) + ")";
}

__global__ void fillKernel(int* out, int n, int base)
{
    const int i = static_cast<int>(blockIdx.x * blockDim.x + threadIdx.x);
    if (i < n)
        out[i] = base + i;
}

} // namespace

CudaRuntimeInfo cudaRuntimeInfo()
{
    CudaRuntimeInfo info;
    info.builtWithCuda = true;
    int v = 0;
    if (cudaRuntimeGetVersion(&v) == cudaSuccess)
        info.runtimeVersion = v;
    v = 0;
    if (cudaDriverGetVersion(&v) == cudaSuccess)
        info.driverVersion = v;  // 0 when no driver is installed
    int count = 0;
    const cudaError_t rc = cudaGetDeviceCount(&count);
    if (rc == cudaSuccess) {
        info.deviceCount = count;
    } else {
        info.deviceCount = -1;
        info.error = errorText(rc);
        cudaGetLastError();  // reset the (non-sticky) error so later calls start clean
    }
    return info;
}

std::string cudaSmokeTest(int device)
{
    cudaError_t rc = cudaSetDevice(device);
    if (rc != cudaSuccess) {
        cudaGetLastError();
        return "cudaSetDevice(" + std::to_string(device) + "): " + errorText(rc);
    }
    constexpr int n = 1000;
    constexpr int base = 42;
    int* d = nullptr;
    if ((rc = cudaMalloc(&d, n * sizeof(int))) != cudaSuccess)
        return "cudaMalloc: " + errorText(rc);
    fillKernel<<<(n + 255) / 256, 256>>>(d, n, base);
    rc = cudaGetLastError();
    if (rc == cudaSuccess)
        rc = cudaDeviceSynchronize();
    int h[n] = {};
    if (rc == cudaSuccess)
        rc = cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);
    cudaFree(d);
    if (rc != cudaSuccess)
        return "kernel launch: " + errorText(rc);
    for (int i = 0; i < n; ++i)
        if (h[i] != base + i)
            return "kernel wrote " + std::to_string(h[i]) + " at " + std::to_string(i) + ", expected "
                + std::to_string(base + i);
    return {};
}

} // namespace cairn::gpu
