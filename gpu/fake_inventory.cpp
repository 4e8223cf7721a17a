// A deterministic fake inventory for tests of scheduling and display: N identical 80 GiB
// devices whose telemetry moves on a fixed cycle with every sample.
#include "gpu/gpu_inventory.h"

#include <algorithm>
#include <cstdio>
#include <mutex>

namespace cairn::gpu {
namespace {

constexpr std::uint64_t kGiB = 1024ull * 1024ull * 1024ull;

class FakeInventory final : public Inventory {
public:
    explicit FakeInventory(int count) : m_count(std::max(0, count)) {}

    std::vector<GpuInfo> devices() override
    {
        std::lock_guard lock(m_mutex);
        const std::uint64_t sample = m_sample++;
        std::vector<GpuInfo> out;
        out.reserve(static_cast<std::size_t>(m_count));
        for (int i = 0; i < m_count; ++i) {
            GpuInfo g;
            g.index = i;
            g.name = "Fake GPU " + std::to_string(i);
            char uuid[64];
            std::snprintf(uuid, sizeof uuid, "GPU-fa4e0000-0000-4000-8000-%012d", i);
            g.uuid = uuid;
            g.memoryTotalBytes = 80 * kGiB;
            // Utilisation cycles 0, 10, ..., 100 and repeats; devices are phase-shifted.
            const int step = static_cast<int>((sample + static_cast<std::uint64_t>(i) * 3) % 11);
            g.utilizationPercent = step * 10;
            g.memoryUsedBytes = g.memoryTotalBytes / 100 * static_cast<std::uint64_t>(g.utilizationPercent / 2 + 1);
            g.temperatureC = 35 + g.utilizationPercent / 2;
            g.powerWatts = 60.0 + 6.4 * g.utilizationPercent;
            out.push_back(std::move(g));
        }
        return out;
    }

    std::string driverVersion() override { return "fake"; }
    std::string backend() override { return "fake"; }

private:
    std::mutex m_mutex;
    const int m_count;
    std::uint64_t m_sample = 0;
};

} // namespace

std::unique_ptr<Inventory> makeFakeInventory(int count)
{
    return std::make_unique<FakeInventory>(count);
}

} // namespace cairn::gpu
