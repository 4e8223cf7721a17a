// GPU inventory and telemetry. NVML is loaded with dlopen at run time: a machine without the
// NVIDIA driver reports zero GPUs and everything else works. Tests use a fake inventory.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace cairn::gpu {

struct GpuInfo {
    int index = 0;
    std::string name;
    std::string uuid;
    std::uint64_t memoryTotalBytes = 0;
    std::uint64_t memoryUsedBytes = 0;
    int utilizationPercent = -1;   // -1 when unknown
    int temperatureC = -1;
    double powerWatts = -1.0;
};

class Inventory {
public:
    virtual ~Inventory() = default;
    // Current state of every device (a fresh telemetry sample each call).
    virtual std::vector<GpuInfo> devices() = 0;
    virtual std::string driverVersion() = 0;
    // The newest CUDA version the driver supports (nvmlSystemGetCudaDriverVersion_v2, e.g.
    // 12040 for 12.4); 0 when unknown.
    virtual int cudaDriverVersion() { return 0; }
    // "nvml", "fake" or "none", plus why when none (e.g. "libnvidia-ml.so.1 not found").
    virtual std::string backend() = 0;
};

// NVML when libnvidia-ml.so.1 loads and initialises; otherwise an inventory with zero devices.
std::unique_ptr<Inventory> makeSystemInventory();
// N identical fake devices, for tests of scheduling and display.
std::unique_ptr<Inventory> makeFakeInventory(int count);

} // namespace cairn::gpu
