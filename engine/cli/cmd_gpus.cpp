// cairn gpus: the GPUs Cairn can see (NVML, loaded at run time) and the CUDA runtime it was built
// with. Needs no project. Zero GPUs is not an error: the reason is printed and the exit code is 0.
#include "engine/cli/args.h"
#include "engine/cli/commands.h"
#include "engine/cli/output.h"
#include "gpu/cuda_runtime_info.h"
#include "gpu/gpu_inventory.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <ostream>

using nlohmann::ordered_json;

namespace cairn::cli {
namespace {

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

std::string fixed(double v, int decimals)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string memoryText(const gpu::GpuInfo& g)
{
    if (g.memoryTotalBytes == 0)
        return "-";
    return fixed(g.memoryUsedBytes / kGiB, 1) + " / " + fixed(g.memoryTotalBytes / kGiB, 1) + " GiB";
}

// backend() is "none (why)" when NVML is unavailable; the text output shows just the why.
std::string whyNone(const std::string& backend)
{
    const std::string prefix = "none (";
    if (backend.starts_with(prefix) && backend.ends_with(")"))
        return backend.substr(prefix.size(), backend.size() - prefix.size() - 1);
    if (backend == "nvml")
        return "NVML reports no devices";
    return backend;
}

ordered_json cudaJson(const gpu::CudaRuntimeInfo& c)
{
    ordered_json j;
    j["built_with_cuda"] = c.builtWithCuda;
    if (!c.builtWithCuda)
        return j;
    j["runtime_version"] = gpu::formatCudaVersion(c.runtimeVersion);
    j["driver_version"] = c.driverVersion > 0 ? ordered_json(gpu::formatCudaVersion(c.driverVersion)) : ordered_json(nullptr);
    j["device_count"] = c.deviceCount >= 0 ? ordered_json(c.deviceCount) : ordered_json(nullptr);
    j["error"] = c.error.empty() ? ordered_json(nullptr) : ordered_json(c.error);
    return j;
}

ordered_json gpuJson(const gpu::GpuInfo& g)
{
    auto known = [](auto v, auto unknown) { return v == unknown ? ordered_json(nullptr) : ordered_json(v); };
    ordered_json j;
    j["index"] = g.index;
    j["name"] = g.name;
    j["uuid"] = g.uuid;
    j["memory_total_bytes"] = g.memoryTotalBytes;
    j["memory_used_bytes"] = g.memoryUsedBytes;
    j["utilization_percent"] = known(g.utilizationPercent, -1);
    j["temperature_c"] = known(g.temperatureC, -1);
    j["power_watts"] = g.powerWatts < 0 ? ordered_json(nullptr) : ordered_json(g.powerWatts);
    return j;
}

} // namespace

int cmdGpus(const std::vector<std::string>& argv, Context& ctx)
{
    Args args("gpus");
    args.option("format", "FORMAT", "text (default) or json")
        .choices("format", {"text", "json"});
    if (auto s = args.parse(argv); !s) {
        ctx.err << "cairn gpus: " << s.message() << "\n" << args.usage();
        return kExitUsage;
    }
    if (args.helpRequested()) {
        ctx.out << "List the NVIDIA GPUs Cairn can see (through NVML, when the driver is installed)\n"
                   "with memory, utilisation, temperature and power, and the CUDA runtime Cairn was\n"
                   "built with. Set CAIRN_NVML_LIBRARY to load another libnvidia-ml.\n"
                << args.usage();
        return kExitOk;
    }

    auto inventory = gpu::makeSystemInventory();
    const std::vector<gpu::GpuInfo> gpus = inventory->devices();
    const std::string backend = inventory->backend();
    const std::string driver = inventory->driverVersion();
    const gpu::CudaRuntimeInfo cuda = gpu::cudaRuntimeInfo();

    if (args.get("format", "text") == "json") {
        ordered_json j;
        j["backend"] = backend;
        j["driver"] = driver.empty() ? ordered_json(nullptr) : ordered_json(driver);
        j["cuda"] = cudaJson(cuda);
        ordered_json list = ordered_json::array();
        for (const auto& g : gpus)
            list.push_back(gpuJson(g));
        j["gpus"] = list;
        ctx.out << j.dump(2) << "\n";
        return kExitOk;
    }

    if (gpus.empty()) {
        ctx.out << "no GPUs found (" << whyNone(backend) << ")\n";
    } else {
        TextTable table({"index", "name", "memory used / total", "util", "temp", "power"});
        for (const auto& g : gpus) {
            table.add({std::to_string(g.index), g.name.empty() ? "-" : g.name, memoryText(g),
                       g.utilizationPercent < 0 ? "-" : std::to_string(g.utilizationPercent) + " %",
                       g.temperatureC < 0 ? "-" : std::to_string(g.temperatureC) + " C",
                       g.powerWatts < 0 ? "-" : fixed(g.powerWatts, 1) + " W"});
        }
        table.print(ctx.out);
        ctx.out << "\nbackend: " << backend;
        if (!driver.empty())
            ctx.out << ", driver " << driver;
        ctx.out << "\n";
    }
    ctx.out << gpu::describe(cuda) << "\n";
    return kExitOk;
}

} // namespace cairn::cli
