// cairn-gpu-check: a quick health check of the visible NVIDIA GPUs (docs/gpu-check.md).
//
// For each device: its properties (cairn:param), a device-to-device copy bandwidth kernel and a
// tiled shared-memory SGEMM, both verified; then, when built with NCCL, an all-reduce across all
// visible GPUs in this process. Results go to stdout as cairn:metric lines (docs/logging.md).
//
// Exit status: 0 every check passed; 1 a check failed (wrong result or a failing CUDA/NCCL call);
// 2 no usable CUDA device or driver; 64 bad command line.
//
// The CUDA runtime is linked statically, so the program starts (and exits 2) without a driver.
#include <cuda_runtime_api.h>

#ifndef CAIRN_HAVE_NCCL
#define CAIRN_HAVE_NCCL 0
#endif
#if CAIRN_HAVE_NCCL
#include <nccl.h>
#endif

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

constexpr int kExitOk = 0;
constexpr int kExitCheckFailed = 1;
constexpr int kExitNoDevice = 2;
constexpr int kExitUsage = 64;

// A failing CUDA/NCCL call or a wrong result inside one check.
struct CheckError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::string cudaText(cudaError_t rc)
{
    return std::string(cudaGetErrorString(rc)) + " (" + cudaGetErrorName(rc) + ")";
}

void checkCuda(cudaError_t rc, const char* call, int line)
{
    if (rc != cudaSuccess)
        throw CheckError(std::string(call) + " failed: " + cudaText(rc) + " [line " + std::to_string(line) + "]");
}
#define CK(call) checkCuda((call), #call, __LINE__)
// After a kernel launch: launch-configuration errors are reported by cudaGetLastError.
#define CK_LAUNCH(what) checkCuda(cudaGetLastError(), "launch of " what, __LINE__)

#if CAIRN_HAVE_NCCL
void checkNccl(ncclResult_t rc, const char* call, int line)
{
    if (rc != ncclSuccess)
        throw CheckError(std::string(call) + " failed: " + ncclGetErrorString(rc) + " [line "
                         + std::to_string(line) + "]");
}
#define NK(call) checkNccl((call), #call, __LINE__)
#endif

// --- RAII holders (release errors are ignored: they happen only after an earlier failure) ------
struct DeviceBuffer {
    void* p = nullptr;
    DeviceBuffer() = default;
    explicit DeviceBuffer(std::size_t bytes) { CK(cudaMalloc(&p, bytes)); }
    DeviceBuffer(const DeviceBuffer&) = delete;
    DeviceBuffer& operator=(const DeviceBuffer&) = delete;
    DeviceBuffer(DeviceBuffer&& o) noexcept : p(o.p) { o.p = nullptr; }
    ~DeviceBuffer()
    {
        if (p)
            cudaFree(p);
    }
    template <class T> T* as() const { return static_cast<T*>(p); }
};

struct Event {
    cudaEvent_t e = nullptr;
    Event() { CK(cudaEventCreate(&e)); }
    Event(const Event&) = delete;
    Event& operator=(const Event&) = delete;
    ~Event()
    {
        if (e)
            cudaEventDestroy(e);
    }
};

float elapsedMs(const Event& start, const Event& stop)
{
    CK(cudaEventSynchronize(stop.e));
    float ms = 0.f;
    CK(cudaEventElapsedTime(&ms, start.e, stop.e));
    return ms;
}

// --- kernels ----------------------------------------------------------------------------------
__host__ __device__ inline std::uint32_t pattern(std::size_t i)
{
    return static_cast<std::uint32_t>(i) * 2654435761u + static_cast<std::uint32_t>(i >> 32);
}

__global__ void fillPattern(std::uint32_t* p, std::size_t n)
{
    for (std::size_t i = blockIdx.x * std::size_t(blockDim.x) + threadIdx.x; i < n;
         i += std::size_t(gridDim.x) * blockDim.x)
        p[i] = pattern(i);
}

// Grid-stride copy of 16-byte words.
__global__ void copyKernel(const uint4* __restrict__ src, uint4* __restrict__ dst, std::size_t n)
{
    for (std::size_t i = blockIdx.x * std::size_t(blockDim.x) + threadIdx.x; i < n;
         i += std::size_t(gridDim.x) * blockDim.x)
        dst[i] = src[i];
}

__global__ void countPatternMismatches(const std::uint32_t* p, std::size_t n, unsigned long long* bad)
{
    unsigned long long local = 0;
    for (std::size_t i = blockIdx.x * std::size_t(blockDim.x) + threadIdx.x; i < n;
         i += std::size_t(gridDim.x) * blockDim.x)
        local += p[i] != pattern(i);
    if (local)
        atomicAdd(bad, local);
}

#if CAIRN_HAVE_NCCL
// All-reduce input and verification.
__global__ void fillFloat(float* p, std::size_t n, float v)
{
    for (std::size_t i = blockIdx.x * std::size_t(blockDim.x) + threadIdx.x; i < n;
         i += std::size_t(gridDim.x) * blockDim.x)
        p[i] = v;
}

__global__ void countFloatMismatches(const float* p, std::size_t n, float expected, unsigned long long* bad)
{
    unsigned long long local = 0;
    for (std::size_t i = blockIdx.x * std::size_t(blockDim.x) + threadIdx.x; i < n;
         i += std::size_t(gridDim.x) * blockDim.x)
        local += p[i] != expected;
    if (local)
        atomicAdd(bad, local);
}
#endif

// C = A * B, all n x n row-major, n a multiple of 64. Each 256-thread block computes a 64x64 tile
// of C from 64x16 / 16x64 tiles of A and B staged in shared memory; each thread owns 4x4 of C.
constexpr int kBM = 64, kBN = 64, kBK = 16, kTM = 4, kTN = 4, kGemmThreads = 256;

__global__ void __launch_bounds__(kGemmThreads)
    sgemmTiled(int n, const float* __restrict__ A, const float* __restrict__ B, float* __restrict__ C)
{
    __shared__ float As[kBK][kBM + 1];  // A tile, transposed (k-major); +1 avoids bank conflicts
    __shared__ float Bs[kBK][kBN];
    const int tid = threadIdx.x;
    const int tx = tid % (kBN / kTN);  // 0..15: column group
    const int ty = tid / (kBN / kTN);  // 0..15: row group
    const std::size_t row0 = std::size_t(blockIdx.y) * kBM;
    const std::size_t col0 = std::size_t(blockIdx.x) * kBN;

    float acc[kTM][kTN] = {};
    for (int k0 = 0; k0 < n; k0 += kBK) {
#pragma unroll
        for (int l = 0; l < (kBM * kBK) / kGemmThreads; ++l) {
            const int idx = tid + l * kGemmThreads;
            const int r = idx / kBK, c = idx % kBK;
            As[c][r] = A[(row0 + r) * n + k0 + c];
        }
#pragma unroll
        for (int l = 0; l < (kBK * kBN) / kGemmThreads; ++l) {
            const int idx = tid + l * kGemmThreads;
            const int r = idx / kBN, c = idx % kBN;
            Bs[r][c] = B[(std::size_t(k0) + r) * n + col0 + c];
        }
        __syncthreads();
#pragma unroll
        for (int k = 0; k < kBK; ++k) {
            float a[kTM], b[kTN];
#pragma unroll
            for (int i = 0; i < kTM; ++i)
                a[i] = As[k][ty * kTM + i];
#pragma unroll
            for (int j = 0; j < kTN; ++j)
                b[j] = Bs[k][tx * kTN + j];
#pragma unroll
            for (int i = 0; i < kTM; ++i)
#pragma unroll
                for (int j = 0; j < kTN; ++j)
                    acc[i][j] = fmaf(a[i], b[j], acc[i][j]);
        }
        __syncthreads();
    }
#pragma unroll
    for (int i = 0; i < kTM; ++i)
#pragma unroll
        for (int j = 0; j < kTN; ++j)
            C[(row0 + ty * kTM + i) * n + col0 + tx * kTN + j] = acc[i][j];
}

// Inputs are multiples of 1/8 in [-1, 1]: every product is a multiple of 1/64 and every partial
// sum (|sum| <= n) fits a float's 24-bit mantissa exactly for n <= 2^18, so the GPU result must
// equal the CPU reference exactly, whatever the summation order.
inline float gemmA(std::size_t i, std::size_t k) { return float(int((i * 7 + k * 3) % 17) - 8) * 0.125f; }
inline float gemmB(std::size_t k, std::size_t j) { return float(int((k * 5 + j * 11) % 13) - 6) * 0.125f; }

// --- options / output -------------------------------------------------------------------------
struct Options {
    std::size_t sizeMb = 1024;
    bool skipNccl = false;
};

void usage(std::FILE* to)
{
    std::fprintf(to,
                 "usage: cairn-gpu-check [--size-mb N] [--skip-nccl]\n"
                 "  --size-mb N   bytes per buffer for the copy and all-reduce tests, in MiB (default 1024;\n"
                 "                reduced to what fits in free device memory)\n"
                 "  --skip-nccl   do not run the NCCL all-reduce\n"
                 "Exit status: 0 all checks passed, 1 a check failed, 2 no CUDA device, 64 bad usage.\n");
}

// A param value as docs/logging.md wants it: a bare word, or a double-quoted string.
std::string quoted(const std::string& s)
{
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += (c == '\n' || c == '\r') ? ' ' : c;
    }
    return out + "\"";
}

void metric(const std::string& key, double value)
{
    std::printf("cairn:metric %s=%.6g\n", key.c_str(), value);
}

unsigned launchBlocks(int device)
{
    int sms = 0;
    CK(cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, device));
    return unsigned(std::max(sms, 1) * 8);
}

std::size_t freeBytes()
{
    std::size_t freeB = 0, totalB = 0;
    CK(cudaMemGetInfo(&freeB, &totalB));
    return freeB;
}

// --- checks -----------------------------------------------------------------------------------
void copyCheck(int dev, std::size_t wantBytes)
{
    CK(cudaSetDevice(dev));
    // Two buffers must fit, with room left for the runtime: at most 40 % of free memory each.
    std::size_t bytes = std::min(wantBytes, freeBytes() * 2 / 5);
    bytes &= ~std::size_t(0xFFFFF);  // whole MiB, so a multiple of 16
    if (bytes == 0)
        throw CheckError("not enough free device memory for the copy test");
    const std::size_t words = bytes / sizeof(std::uint32_t), vecs = bytes / sizeof(uint4);
    DeviceBuffer src(bytes), dst(bytes), bad(sizeof(unsigned long long));
    const unsigned blocks = launchBlocks(dev);
    constexpr unsigned threads = 256;

    fillPattern<<<blocks, threads>>>(src.as<std::uint32_t>(), words);
    CK_LAUNCH("fillPattern");
    CK(cudaMemset(dst.p, 0, bytes));
    copyKernel<<<blocks, threads>>>(src.as<uint4>(), dst.as<uint4>(), vecs);  // warm-up
    CK_LAUNCH("copyKernel");
    CK(cudaDeviceSynchronize());

    constexpr int iters = 10;
    Event start, stop;
    CK(cudaEventRecord(start.e));
    for (int i = 0; i < iters; ++i)
        copyKernel<<<blocks, threads>>>(src.as<uint4>(), dst.as<uint4>(), vecs);
    CK_LAUNCH("copyKernel");
    CK(cudaEventRecord(stop.e));
    const float ms = elapsedMs(start, stop);

    CK(cudaMemset(bad.p, 0, sizeof(unsigned long long)));
    countPatternMismatches<<<blocks, threads>>>(dst.as<std::uint32_t>(), words, bad.as<unsigned long long>());
    CK_LAUNCH("countPatternMismatches");
    unsigned long long mismatches = 0;
    CK(cudaMemcpy(&mismatches, bad.p, sizeof mismatches, cudaMemcpyDeviceToHost));
    if (mismatches)
        throw CheckError("copy: " + std::to_string(mismatches) + " of " + std::to_string(words)
                         + " words differ from the source");

    // Bytes read plus bytes written, as STREAM/BabelStream count a copy.
    const double gbps = 2.0 * double(bytes) * iters / (double(ms) * 1e-3) / 1e9;
    std::printf("gpu%d: copy %zu MiB x %d: %.3f ms, %.1f GB/s (read + write), verified\n", dev, bytes >> 20,
                iters, double(ms), gbps);
    metric("gpu" + std::to_string(dev) + "/copy_gbps", gbps);
}

void sgemmCheck(int dev, int n)
{
    CK(cudaSetDevice(dev));
    const std::size_t elems = std::size_t(n) * n, bytes = elems * sizeof(float);
    std::vector<float> hA(elems), hB(elems);
    for (std::size_t i = 0; i < std::size_t(n); ++i)
        for (std::size_t k = 0; k < std::size_t(n); ++k) {
            hA[i * n + k] = gemmA(i, k);
            hB[i * n + k] = gemmB(i, k);
        }
    DeviceBuffer A(bytes), B(bytes), C(bytes);
    CK(cudaMemcpy(A.p, hA.data(), bytes, cudaMemcpyHostToDevice));
    CK(cudaMemcpy(B.p, hB.data(), bytes, cudaMemcpyHostToDevice));
    CK(cudaMemset(C.p, 0, bytes));

    const dim3 grid(unsigned(n / kBN), unsigned(n / kBM));
    sgemmTiled<<<grid, kGemmThreads>>>(n, A.as<float>(), B.as<float>(), C.as<float>());  // warm-up
    CK_LAUNCH("sgemmTiled");
    CK(cudaDeviceSynchronize());

    constexpr int iters = 5;
    Event start, stop;
    CK(cudaEventRecord(start.e));
    for (int i = 0; i < iters; ++i)
        sgemmTiled<<<grid, kGemmThreads>>>(n, A.as<float>(), B.as<float>(), C.as<float>());
    CK_LAUNCH("sgemmTiled");
    CK(cudaEventRecord(stop.e));
    const float ms = elapsedMs(start, stop);

    // Verify a spread of entries (corners, tile edges, the middle) against a CPU reference.
    std::vector<float> hC(elems);
    CK(cudaMemcpy(hC.data(), C.p, bytes, cudaMemcpyDeviceToHost));
    const std::size_t N = std::size_t(n);
    const std::size_t picks[] = {0, 1, 63, 64, 65, N / 2 - 1, N / 2 + 17, N - 64, N - 1};
    int checked = 0;
    for (std::size_t i : picks)
        for (std::size_t j : picks) {
            double ref = 0;
            for (std::size_t k = 0; k < N; ++k)
                ref += double(gemmA(i, k)) * double(gemmB(k, j));
            const float got = hC[i * N + j];
            if (double(got) != ref) {
                char msg[160];
                std::snprintf(msg, sizeof msg, "sgemm: C[%zu][%zu] = %.9g, expected %.9g", i, j, double(got), ref);
                throw CheckError(msg);
            }
            ++checked;
        }

    const double tflops = 2.0 * double(n) * n * n * iters / (double(ms) * 1e-3) / 1e12;
    std::printf("gpu%d: sgemm %dx%dx%d x %d: %.3f ms, %.2f TFLOP/s, %d entries verified\n", dev, n, n, n, iters,
                double(ms), tflops, checked);
    metric("gpu" + std::to_string(dev) + "/sgemm_tflops", tflops);
}

#if CAIRN_HAVE_NCCL
void ncclCheck(int ndev, std::size_t wantBytes)
{
    int version = 0;
    NK(ncclGetVersion(&version));
    std::printf("cairn:param nccl_version=%d\n", version);

    // Send and receive buffers on every device: at most 40 % of the smallest free memory each.
    std::size_t bytes = wantBytes;
    for (int d = 0; d < ndev; ++d) {
        CK(cudaSetDevice(d));
        bytes = std::min(bytes, freeBytes() * 2 / 5);
    }
    bytes &= ~std::size_t(0xFFFFF);
    if (bytes == 0)
        throw CheckError("not enough free device memory for the all-reduce test");
    const std::size_t count = bytes / sizeof(float);

    std::vector<ncclComm_t> comms(std::size_t(ndev), nullptr);
    struct Cleanup {
        std::vector<ncclComm_t>& comms;
        std::vector<cudaStream_t> streams;
        ~Cleanup()
        {
            for (ncclComm_t c : comms)
                if (c)
                    ncclCommDestroy(c);
            for (cudaStream_t s : streams)
                if (s)
                    cudaStreamDestroy(s);
        }
    } cleanup{comms, std::vector<cudaStream_t>(std::size_t(ndev), nullptr)};
    std::vector<DeviceBuffer> send, recv, bad;
    NK(ncclCommInitAll(comms.data(), ndev, nullptr));  // devices 0..ndev-1
    for (int d = 0; d < ndev; ++d) {
        CK(cudaSetDevice(d));
        CK(cudaStreamCreateWithFlags(&cleanup.streams[std::size_t(d)], cudaStreamNonBlocking));
        send.emplace_back(bytes);
        recv.emplace_back(bytes);
        bad.emplace_back(sizeof(unsigned long long));
        fillFloat<<<launchBlocks(d), 256>>>(send.back().as<float>(), count, float(d + 1));
        CK_LAUNCH("fillFloat");
        CK(cudaMemset(recv.back().p, 0, bytes));
        CK(cudaMemset(bad.back().p, 0, sizeof(unsigned long long)));
    }
    auto allReduce = [&] {
        NK(ncclGroupStart());
        for (int d = 0; d < ndev; ++d)
            NK(ncclAllReduce(send[std::size_t(d)].p, recv[std::size_t(d)].p, count, ncclFloat, ncclSum,
                             comms[std::size_t(d)], cleanup.streams[std::size_t(d)]));
        NK(ncclGroupEnd());
    };
    auto syncAll = [&] {
        for (int d = 0; d < ndev; ++d) {
            CK(cudaSetDevice(d));
            CK(cudaStreamSynchronize(cleanup.streams[std::size_t(d)]));
            ncclResult_t async = ncclSuccess;
            NK(ncclCommGetAsyncError(comms[std::size_t(d)], &async));
            NK(async);
        }
    };
    for (int d = 0; d < ndev; ++d) {  // the fills above ran on the legacy default stream
        CK(cudaSetDevice(d));
        CK(cudaDeviceSynchronize());
    }
    allReduce();  // warm-up
    syncAll();

    constexpr int iters = 5;
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < iters; ++i)
        allReduce();
    syncAll();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() / iters;

    const float expected = float(ndev) * float(ndev + 1) / 2.f;  // sum of 1..ndev, exact in float
    for (int d = 0; d < ndev; ++d) {
        CK(cudaSetDevice(d));
        countFloatMismatches<<<launchBlocks(d), 256>>>(recv[std::size_t(d)].as<float>(), count, expected,
                                                       bad[std::size_t(d)].as<unsigned long long>());
        CK_LAUNCH("countFloatMismatches");
        unsigned long long mismatches = 0;
        CK(cudaMemcpy(&mismatches, bad[std::size_t(d)].p, sizeof mismatches, cudaMemcpyDeviceToHost));
        if (mismatches)
            throw CheckError("all-reduce: " + std::to_string(mismatches) + " of " + std::to_string(count)
                             + " floats on gpu" + std::to_string(d) + " differ from the expected sum "
                             + std::to_string(expected));
    }

    // nccl-tests: algbw = bytes / time; busbw = algbw * 2 (n - 1) / n for all-reduce (0 for one GPU).
    const double algbw = double(bytes) / seconds / 1e9;
    const double busbw = algbw * 2.0 * (ndev - 1) / ndev;
    std::printf("nccl: all-reduce of %zu MiB float32 over %d GPU(s) x %d: %.3f ms, algbw %.1f GB/s, busbw %.1f GB/s, "
                "verified\n",
                bytes >> 20, ndev, iters, seconds * 1e3, algbw, busbw);
    metric("nccl/allreduce_algbw_gbps", algbw);
    metric("nccl/allreduce_busbw_gbps", busbw);
}
#endif

// Runs one check; a failure is printed and counted, and the remaining checks still run.
template <class F> bool runCheck(const char* name, F&& f)
{
    try {
        f();
        return true;
    } catch (const std::exception& e) {
        std::fflush(stdout);
        std::fprintf(stderr, "cairn-gpu-check: FAILED %s: %s\n", name, e.what());
        std::printf("cairn:tag failed_check=%s\n", name);
        return false;
    }
}

} // namespace

int main(int argc, char** argv)
{
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // metrics arrive as they are printed, even into a pipe

    Options opt;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--skip-nccl") {
            opt.skipNccl = true;
        } else if (a == "--size-mb" && i + 1 < argc) {
            char* end = nullptr;
            const unsigned long long v = std::strtoull(argv[++i], &end, 10);
            if (!*argv[i] || *end || v == 0 || v > (1ull << 24)) {
                std::fprintf(stderr, "cairn-gpu-check: --size-mb needs a whole number from 1 to %llu, not '%s'\n",
                             1ull << 24, argv[i]);
                return kExitUsage;
            }
            opt.sizeMb = std::size_t(v);
        } else if (a == "-h" || a == "--help") {
            usage(stdout);
            return kExitOk;
        } else {
            std::fprintf(stderr, "cairn-gpu-check: unknown or incomplete option '%s'\n", a.c_str());
            usage(stderr);
            return kExitUsage;
        }
    }

    int runtimeVersion = 0, driverVersion = 0;
    cudaRuntimeGetVersion(&runtimeVersion);
    cudaDriverGetVersion(&driverVersion);  // stays 0 without a driver
    int ndev = 0;
    const cudaError_t rc = cudaGetDeviceCount(&ndev);
    if (rc != cudaSuccess || ndev <= 0) {
        const std::string why = rc != cudaSuccess ? cudaText(rc) : "cudaGetDeviceCount found 0 devices";
        std::fprintf(stderr, "cairn-gpu-check: no CUDA device: %s\n", why.c_str());
        return kExitNoDevice;
    }

    std::printf("cairn:param cuda_runtime=%d cuda_driver=%d gpu_count=%d nccl=%s\n", runtimeVersion, driverVersion,
                ndev, CAIRN_HAVE_NCCL ? (opt.skipNccl ? "skipped" : "yes") : "not_built");
    int failed = 0;
    for (int d = 0; d < ndev; ++d) {
        cudaDeviceProp p{};
        const cudaError_t prc = cudaGetDeviceProperties(&p, d);
        if (prc != cudaSuccess) {
            std::fprintf(stderr, "cairn-gpu-check: FAILED gpu%d properties: cudaGetDeviceProperties failed: %s\n", d,
                         cudaText(prc).c_str());
            ++failed;
            continue;
        }
        std::printf("cairn:param gpu%d_name=%s gpu%d_sms=%d gpu%d_memory_gib=%.2f gpu%d_cc=%d.%d\n", d,
                    quoted(p.name).c_str(), d, p.multiProcessorCount, d, double(p.totalGlobalMem) / 1073741824.0, d,
                    p.major, p.minor);
    }

    const std::size_t wantBytes = opt.sizeMb << 20;
    constexpr int gemmN = 4096;
    static_assert(gemmN % kBM == 0 && gemmN % kBN == 0 && gemmN % kBK == 0, "sgemmTiled needs whole tiles");
    for (int d = 0; d < ndev; ++d) {
        const std::string dn = "gpu" + std::to_string(d);
        failed += !runCheck((dn + "/copy").c_str(), [&] { copyCheck(d, wantBytes); });
        failed += !runCheck((dn + "/sgemm").c_str(), [&] { sgemmCheck(d, gemmN); });
    }

#if CAIRN_HAVE_NCCL
    if (!opt.skipNccl)
        failed += !runCheck("nccl/allreduce", [&] { ncclCheck(ndev, wantBytes); });
    else
        std::printf("nccl: skipped (--skip-nccl)\n");
#else
    std::printf("nccl: not built (NCCL was not found when cairn-gpu-check was configured)\n");
#endif

    if (failed) {
        std::fprintf(stderr, "cairn-gpu-check: %d check(s) failed\n", failed);
        return kExitCheckFailed;
    }
    std::printf("cairn-gpu-check: all checks passed on %d GPU(s)\n", ndev);
    return kExitOk;
}
