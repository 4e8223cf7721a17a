/* A stand-in for libnvidia-ml.so.1 with two fake devices, loaded by the tests through
 * CAIRN_NVML_LIBRARY so that the real dlopen/dlsym path of cairn_gpu runs without a GPU.
 * Only the entry points cairn_gpu uses are implemented; signatures follow nvml.h.
 * nvmlDeviceGetPowerUsage fails on device 1 to check that one failed query leaves only that
 * field unknown. With FAKE_NVML_INIT_FAIL set, nvmlInit_v2 fails as on a machine whose driver
 * is not loaded. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int nvmlReturn_t;
enum { NVML_SUCCESS = 0, NVML_ERROR_UNINITIALIZED = 1, NVML_ERROR_INVALID_ARGUMENT = 2,
       NVML_ERROR_NOT_SUPPORTED = 3, NVML_ERROR_INSUFFICIENT_SIZE = 7, NVML_ERROR_DRIVER_NOT_LOADED = 9 };
typedef struct nvmlDevice_st* nvmlDevice_t;
typedef struct { unsigned long long total, free, used; } nvmlMemory_t;
typedef struct { unsigned int gpu, memory; } nvmlUtilization_t;

#define EXPORT __attribute__((visibility("default")))
#define GIB (1024ull * 1024ull * 1024ull)

static int g_initCount = 0;
static unsigned int g_sample = 0;
/* Handles are addresses of these, as real NVML handles are opaque pointers. */
static char g_devices[2];

static int deviceIndex(nvmlDevice_t d)
{
    for (int i = 0; i < 2; ++i)
        if ((void*)d == (void*)&g_devices[i])
            return i;
    return -1;
}

static nvmlReturn_t copyString(char* out, unsigned int length, const char* s)
{
    if (!out)
        return NVML_ERROR_INVALID_ARGUMENT;
    if (strlen(s) + 1 > length)
        return NVML_ERROR_INSUFFICIENT_SIZE;
    memcpy(out, s, strlen(s) + 1);
    return NVML_SUCCESS;
}

EXPORT nvmlReturn_t nvmlInit_v2(void)
{
    if (getenv("FAKE_NVML_INIT_FAIL"))
        return NVML_ERROR_DRIVER_NOT_LOADED;
    ++g_initCount;
    return NVML_SUCCESS;
}
EXPORT nvmlReturn_t nvmlShutdown(void)
{
    if (g_initCount == 0)
        return NVML_ERROR_UNINITIALIZED;
    --g_initCount;
    return NVML_SUCCESS;
}

EXPORT nvmlReturn_t nvmlDeviceGetCount_v2(unsigned int* count)
{
    if (g_initCount == 0) return NVML_ERROR_UNINITIALIZED;
    if (!count) return NVML_ERROR_INVALID_ARGUMENT;
    *count = 2;
    ++g_sample;
    return NVML_SUCCESS;
}

EXPORT nvmlReturn_t nvmlDeviceGetHandleByIndex_v2(unsigned int index, nvmlDevice_t* device)
{
    if (g_initCount == 0) return NVML_ERROR_UNINITIALIZED;
    if (index >= 2 || !device) return NVML_ERROR_INVALID_ARGUMENT;
    *device = (nvmlDevice_t)(void*)&g_devices[index];
    return NVML_SUCCESS;
}

EXPORT nvmlReturn_t nvmlDeviceGetName(nvmlDevice_t device, char* name, unsigned int length)
{
    int i = deviceIndex(device);
    if (i < 0) return NVML_ERROR_INVALID_ARGUMENT;
    return copyString(name, length, i == 0 ? "Fake NVML A100-SXM4-80GB" : "Fake NVML H100 80GB HBM3");
}

EXPORT nvmlReturn_t nvmlDeviceGetUUID(nvmlDevice_t device, char* uuid, unsigned int length)
{
    int i = deviceIndex(device);
    if (i < 0) return NVML_ERROR_INVALID_ARGUMENT;
    char buf[64];
    snprintf(buf, sizeof buf, "GPU-00000000-1111-2222-3333-00000000000%d", i);
    return copyString(uuid, length, buf);
}

EXPORT nvmlReturn_t nvmlDeviceGetMemoryInfo(nvmlDevice_t device, nvmlMemory_t* memory)
{
    int i = deviceIndex(device);
    if (i < 0 || !memory) return NVML_ERROR_INVALID_ARGUMENT;
    memory->total = (i == 0 ? 80ull : 94ull) * GIB;
    memory->used = (unsigned long long)(i + 1) * 10ull * GIB;
    memory->free = memory->total - memory->used;
    return NVML_SUCCESS;
}

EXPORT nvmlReturn_t nvmlDeviceGetUtilizationRates(nvmlDevice_t device, nvmlUtilization_t* util)
{
    int i = deviceIndex(device);
    if (i < 0 || !util) return NVML_ERROR_INVALID_ARGUMENT;
    util->gpu = i == 0 ? 37u : 99u;
    util->memory = 12u;
    return NVML_SUCCESS;
}

EXPORT nvmlReturn_t nvmlDeviceGetTemperature(nvmlDevice_t device, int sensorType, unsigned int* temp)
{
    int i = deviceIndex(device);
    if (i < 0 || !temp || sensorType != 0) return NVML_ERROR_INVALID_ARGUMENT;
    *temp = i == 0 ? 45u : 71u;
    return NVML_SUCCESS;
}

EXPORT nvmlReturn_t nvmlDeviceGetPowerUsage(nvmlDevice_t device, unsigned int* milliwatts)
{
    int i = deviceIndex(device);
    if (i < 0 || !milliwatts) return NVML_ERROR_INVALID_ARGUMENT;
    if (i == 1) return NVML_ERROR_NOT_SUPPORTED;
    *milliwatts = 123456u;
    return NVML_SUCCESS;
}

EXPORT nvmlReturn_t nvmlSystemGetDriverVersion(char* version, unsigned int length)
{
    return copyString(version, length, "999.99.99-fake");
}

EXPORT nvmlReturn_t nvmlSystemGetCudaDriverVersion_v2(int* version)
{
    if (!version) return NVML_ERROR_INVALID_ARGUMENT;
    *version = 12040;
    return NVML_SUCCESS;
}

EXPORT const char* nvmlErrorString(nvmlReturn_t result)
{
    switch (result) {
    case NVML_SUCCESS: return "Success";
    case NVML_ERROR_UNINITIALIZED: return "Uninitialized";
    case NVML_ERROR_INVALID_ARGUMENT: return "Invalid Argument";
    case NVML_ERROR_NOT_SUPPORTED: return "Not Supported";
    case NVML_ERROR_INSUFFICIENT_SIZE: return "Insufficient Size";
    case NVML_ERROR_DRIVER_NOT_LOADED: return "Driver Not Loaded";
    default: return "Unknown Error";
    }
}

/* Test hook: how many nvmlInit_v2 calls are not yet matched by nvmlShutdown. */
EXPORT int fakeNvmlInitCount(void) { return g_initCount; }
