// NVML-backed inventory. libnvidia-ml is loaded with dlopen so that Cairn builds and runs on
// machines without the NVIDIA driver; nothing here includes nvml.h or links the library.
#include "gpu/gpu_inventory.h"

#include <dlfcn.h>

#include <cstdlib>
#include <mutex>

namespace cairn::gpu {
namespace {

// The few NVML types we use, declared to match nvml.h (ABI-stable since NVML's first release).
using nvmlReturn_t = int;               // enum nvmlReturn_t; NVML_SUCCESS == 0
constexpr nvmlReturn_t kNvmlSuccess = 0;
struct nvmlDevice_st;
using nvmlDevice_t = nvmlDevice_st*;
struct nvmlMemory_t {                    // nvmlDeviceGetMemoryInfo (v1 layout)
    unsigned long long total;
    unsigned long long free;
    unsigned long long used;
};
struct nvmlUtilization_t {
    unsigned int gpu;                    // percent of time a kernel was running
    unsigned int memory;
};
using nvmlTemperatureSensors_t = int;   // enum; NVML_TEMPERATURE_GPU == 0
constexpr nvmlTemperatureSensors_t kNvmlTemperatureGpu = 0;
constexpr unsigned int kNameBufferSize = 96;    // NVML_DEVICE_NAME_V2_BUFFER_SIZE
constexpr unsigned int kUuidBufferSize = 96;    // NVML_DEVICE_UUID_V2_BUFFER_SIZE
constexpr unsigned int kDriverBufferSize = 80;  // NVML_SYSTEM_DRIVER_VERSION_BUFFER_SIZE

struct NvmlApi {
    nvmlReturn_t (*init)() = nullptr;
    nvmlReturn_t (*shutdown)() = nullptr;
    nvmlReturn_t (*getCount)(unsigned int*) = nullptr;
    nvmlReturn_t (*getHandleByIndex)(unsigned int, nvmlDevice_t*) = nullptr;
    nvmlReturn_t (*getName)(nvmlDevice_t, char*, unsigned int) = nullptr;
    nvmlReturn_t (*getUuid)(nvmlDevice_t, char*, unsigned int) = nullptr;
    nvmlReturn_t (*getMemoryInfo)(nvmlDevice_t, nvmlMemory_t*) = nullptr;
    nvmlReturn_t (*getUtilizationRates)(nvmlDevice_t, nvmlUtilization_t*) = nullptr;
    nvmlReturn_t (*getTemperature)(nvmlDevice_t, nvmlTemperatureSensors_t, unsigned int*) = nullptr;
    nvmlReturn_t (*getPowerUsage)(nvmlDevice_t, unsigned int*) = nullptr;  // milliwatts
    nvmlReturn_t (*getDriverVersion)(char*, unsigned int) = nullptr;
    nvmlReturn_t (*getCudaDriverVersion)(int*) = nullptr;
    const char* (*errorString)(nvmlReturn_t) = nullptr;
};

// dlsym returns void*; converting it to a function pointer is conditionally supported and
// fine on every platform with dlopen.
template <typename Fn>
bool resolve(void* lib, Fn& fn, const char* name, const char* fallbackName = nullptr)
{
    void* sym = dlsym(lib, name);
    if (!sym && fallbackName)
        sym = dlsym(lib, fallbackName);
    fn = reinterpret_cast<Fn>(sym);
    return fn != nullptr;
}

class NvmlInventory final : public Inventory {
public:
    NvmlInventory()
    {
        const char* overridePath = std::getenv("CAIRN_NVML_LIBRARY");
        const std::string path = (overridePath && *overridePath) ? overridePath : "libnvidia-ml.so.1";

        dlerror();
        m_lib = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!m_lib) {
            const char* why = dlerror();
            m_reason = path + " not found: " + (why ? why : "dlopen failed");
            return;
        }

        // Required entry points: without them we can't enumerate anything.
        const char* missing = nullptr;
        if (!resolve(m_lib, m_api.init, "nvmlInit_v2", "nvmlInit"))
            missing = "nvmlInit_v2";
        else if (!resolve(m_lib, m_api.shutdown, "nvmlShutdown"))
            missing = "nvmlShutdown";
        else if (!resolve(m_lib, m_api.getCount, "nvmlDeviceGetCount_v2", "nvmlDeviceGetCount"))
            missing = "nvmlDeviceGetCount_v2";
        else if (!resolve(m_lib, m_api.getHandleByIndex, "nvmlDeviceGetHandleByIndex_v2", "nvmlDeviceGetHandleByIndex"))
            missing = "nvmlDeviceGetHandleByIndex_v2";
        if (missing) {
            m_reason = path + " lacks " + missing;
            closeLibrary();
            return;
        }
        // Optional ones: a missing query leaves that field unknown.
        resolve(m_lib, m_api.getName, "nvmlDeviceGetName");
        resolve(m_lib, m_api.getUuid, "nvmlDeviceGetUUID");
        resolve(m_lib, m_api.getMemoryInfo, "nvmlDeviceGetMemoryInfo");
        resolve(m_lib, m_api.getUtilizationRates, "nvmlDeviceGetUtilizationRates");
        resolve(m_lib, m_api.getTemperature, "nvmlDeviceGetTemperature");
        resolve(m_lib, m_api.getPowerUsage, "nvmlDeviceGetPowerUsage");
        resolve(m_lib, m_api.getDriverVersion, "nvmlSystemGetDriverVersion");
        resolve(m_lib, m_api.getCudaDriverVersion, "nvmlSystemGetCudaDriverVersion_v2", "nvmlSystemGetCudaDriverVersion");
        resolve(m_lib, m_api.errorString, "nvmlErrorString");

        if (nvmlReturn_t rc = m_api.init(); rc != kNvmlSuccess) {
            m_reason = "NVML initialisation failed: " + errorText(rc);
            closeLibrary();
            return;
        }
        m_initialised = true;

        if (m_api.getDriverVersion) {
            char buf[kDriverBufferSize] = {};
            if (m_api.getDriverVersion(buf, sizeof buf) == kNvmlSuccess)
                m_driver.assign(buf, strnlen(buf, sizeof buf));
        }
        if (m_api.getCudaDriverVersion) {
            int v = 0;
            if (m_api.getCudaDriverVersion(&v) == kNvmlSuccess)
                m_cudaDriver = v;
        }
    }

    ~NvmlInventory() override
    {
        std::lock_guard lock(m_mutex);
        if (m_initialised && m_api.shutdown)
            m_api.shutdown();
        m_initialised = false;
        closeLibrary();
    }

    NvmlInventory(const NvmlInventory&) = delete;
    NvmlInventory& operator=(const NvmlInventory&) = delete;

    std::vector<GpuInfo> devices() override
    {
        std::lock_guard lock(m_mutex);
        std::vector<GpuInfo> out;
        if (!m_initialised)
            return out;
        unsigned int count = 0;
        if (m_api.getCount(&count) != kNvmlSuccess)
            return out;
        out.reserve(count);
        for (unsigned int i = 0; i < count; ++i) {
            nvmlDevice_t dev = nullptr;
            if (m_api.getHandleByIndex(i, &dev) != kNvmlSuccess)
                continue;  // e.g. a device we have no permission for
            GpuInfo info;
            info.index = static_cast<int>(i);
            if (m_api.getName) {
                char buf[kNameBufferSize] = {};
                if (m_api.getName(dev, buf, sizeof buf) == kNvmlSuccess)
                    info.name.assign(buf, strnlen(buf, sizeof buf));
            }
            if (m_api.getUuid) {
                char buf[kUuidBufferSize] = {};
                if (m_api.getUuid(dev, buf, sizeof buf) == kNvmlSuccess)
                    info.uuid.assign(buf, strnlen(buf, sizeof buf));
            }
            if (m_api.getMemoryInfo) {
                nvmlMemory_t mem{};
                if (m_api.getMemoryInfo(dev, &mem) == kNvmlSuccess) {
                    info.memoryTotalBytes = mem.total;
                    info.memoryUsedBytes = mem.used;
                }
            }
            if (m_api.getUtilizationRates) {
                nvmlUtilization_t util{};
                if (m_api.getUtilizationRates(dev, &util) == kNvmlSuccess)
                    info.utilizationPercent = static_cast<int>(util.gpu);
            }
            if (m_api.getTemperature) {
                unsigned int t = 0;
                if (m_api.getTemperature(dev, kNvmlTemperatureGpu, &t) == kNvmlSuccess)
                    info.temperatureC = static_cast<int>(t);
            }
            if (m_api.getPowerUsage) {
                unsigned int mw = 0;
                if (m_api.getPowerUsage(dev, &mw) == kNvmlSuccess)
                    info.powerWatts = mw / 1000.0;
            }
            out.push_back(std::move(info));
        }
        return out;
    }

    std::string driverVersion() override
    {
        std::lock_guard lock(m_mutex);
        return m_driver;
    }

    int cudaDriverVersion() override
    {
        std::lock_guard lock(m_mutex);
        return m_cudaDriver;
    }

    std::string backend() override
    {
        std::lock_guard lock(m_mutex);
        return m_initialised ? std::string("nvml") : "none (" + m_reason + ")";
    }

private:
    std::string errorText(nvmlReturn_t rc) const
    {
        const char* s = m_api.errorString ? m_api.errorString(rc) : nullptr;
        return (s && *s) ? std::string(s) + " (code " + std::to_string(rc) + ")"
                         : "NVML error " + std::to_string(rc);
    }

    void closeLibrary()
    {
        if (m_lib)
            dlclose(m_lib);
        m_lib = nullptr;
        m_api = NvmlApi{};
    }

    static std::size_t strnlen(const char* s, std::size_t max)
    {
        std::size_t n = 0;
        while (n < max && s[n] != '\0')
            ++n;
        return n;
    }

    std::mutex m_mutex;
    void* m_lib = nullptr;
    NvmlApi m_api;
    bool m_initialised = false;
    std::string m_reason;
    std::string m_driver;
    int m_cudaDriver = 0;
};

} // namespace

std::unique_ptr<Inventory> makeSystemInventory()
{
    return std::make_unique<NvmlInventory>();
}

} // namespace cairn::gpu
