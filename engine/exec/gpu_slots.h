// Whole-GPU allocation for jobs on this machine: which GPUs Cairn may use, which are busy, and
// which ones a job gets. Thread-safe. Indices are NVML indices (PCI bus order); the launcher
// sets CUDA_DEVICE_ORDER=PCI_BUS_ID so CUDA numbers them the same way.
#pragma once

#include "engine/core/result.h"

#include <mutex>
#include <optional>
#include <set>
#include <vector>

namespace cairn::gpu {
struct GpuInfo;
}

namespace cairn::exec {

// Either a count (any free GPUs) or explicit ids; both empty/0: the job needs no GPU.
struct GpuRequest {
    int count = 0;
    std::vector<int> ids;
};

class GpuSlots {
public:
    explicit GpuSlots(std::vector<int> usable);

    // The usable ids: the inventory's devices, restricted to `allowList` when one is given
    // (cairn.yaml `gpus:`). Allowed ids that the machine lacks are ignored.
    static std::vector<int> usableIds(const std::vector<gpu::GpuInfo>& devices,
                                      const std::optional<std::vector<int>>& allowList = std::nullopt);

    // Whether the request could ever be met here (ignores what is busy now).
    Status validate(const GpuRequest& request) const;
    // The GPUs for the request if free now (a count takes the lowest free ids), marked busy;
    // nullopt when invalid or not free now. A request for no GPU gets an empty list.
    std::optional<std::vector<int>> tryAcquire(const GpuRequest& request);
    void release(const std::vector<int>& ids);

    std::vector<int> usable() const { return m_usable; }
    std::vector<int> busy() const;
    int freeCount() const;

private:
    std::string usableText() const;

    std::vector<int> m_usable;  // sorted, unique
    mutable std::mutex m_mutex;
    std::set<int> m_busy;
};

} // namespace cairn::exec
