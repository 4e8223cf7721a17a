// Runs N workers of one job on this node with the torchrun (torch.distributed.elastic) contract,
// and stops them all together: when one worker fails, or when asked to.
//
// Environment of each worker (see worker_env.h for the exact rules):
// - The torchrun variables (RANK, LOCAL_RANK, WORLD_SIZE, LOCAL_WORLD_SIZE, GROUP_RANK, ROLE_RANK,
//   ROLE_WORLD_SIZE, MASTER_ADDR, MASTER_PORT, TORCHELASTIC_RUN_ID, ...) are set only when the job
//   is distributed (nprocPerNode > 1 or nnodes > 1). A plain single process gets none of them, so
//   a script that checks `"RANK" in os.environ` to decide whether to init a process group keeps
//   behaving as it does under plain `python train.py`. (torchrun itself always sets them.)
// - CUDA_VISIBLE_DEVICES: see GpuBinding.
//
// Process handling:
// - Each worker is started in its own process group (setpgid) with stdin from /dev/null, so that
//   stopping it reaches background grandchildren even after the worker itself exited. Terminal
//   Ctrl-C therefore reaches the caller only: the caller owns signals and calls requestStop().
// - When a worker exits non-zero or by a signal, the others are stopped (SIGTERM to their trees and
//   process groups, SIGKILL after stopGraceMs); the outcome names that worker (first one seen).
// - Nothing outlives run(): after every worker ended, leftovers in their process groups get
//   SIGTERM, then SIGKILL after the grace. (A process that calls setsid() itself escapes both the
//   group and, once orphaned, the tree; only a cgroup would catch it.)
// - No signal handlers are installed; requestStop() writes to a self-pipe.
// - Workers are reaped with waitpid(pid): nothing else in the process may call waitpid(-1, ...)
//   while run() is in progress (a worker reaped elsewhere is reported as exit code 255).
// - If a leftover cannot be killed (stuck in D state), run() gives up 5 s after the SIGKILL.
#pragma once

#include <atomic>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cairn::exec {

// How the job's GPUs are shown to its workers (only when gpuIds is not empty).
enum class GpuBinding {
    // nproc == 1: CUDA_VISIBLE_DEVICES = all ids ("3,5"). nproc > 1 and gpuIds.size() == nproc:
    // worker i sees only gpuIds[i] (as cuda:0). Other sizes: every worker sees all of them.
    // Note: a script that selects `cuda:LOCAL_RANK` fails for LOCAL_RANK >= 1 under this binding.
    // Either way CUDA_DEVICE_ORDER=PCI_BUS_ID is set (unless given) so ids mean NVML indices.
    OnePerWorker,
    // Every worker sees all ids and picks one with LOCAL_RANK, exactly as under torchrun.
    AllToEach,
};

struct GroupSpec {
    std::vector<std::string> argv;
    std::filesystem::path workdir;                // empty: the current directory
    std::map<std::string, std::string> extraEnv;  // added to (or replacing in) our environment
    int nprocPerNode = 1;                         // workers to start on this node
    std::vector<int> gpuIds;                      // GPUs of the job; empty: CUDA_VISIBLE_DEVICES left as is
    GpuBinding gpuBinding = GpuBinding::AllToEach;  // torchrun-compatible: cuda:LOCAL_RANK works
    int nnodes = 1;
    int nodeRank = 0;
    std::string masterAddr = "127.0.0.1";
    int masterPort = 0;                           // 0: a free port on this machine
    int stopGraceMs = 10000;                      // SIGTERM -> SIGKILL
};

class GroupObserver {
public:
    virtual ~GroupObserver() = default;
    virtual void started(int rank, long pid) = 0;  // rank = global RANK
    // stream 1 = stdout, 2 = stderr; raw bytes as read (one rank's chunks are in order).
    virtual void output(int rank, int stream, std::string_view bytes) = 0;
    // Called at least every tickMs while workers run, and once at the end. May call requestStop().
    virtual void tick() = 0;
};

struct GroupOutcome {
    bool started = false;   // every worker was started
    std::string startError;
    int exitCode = 0;       // 0 when all exited 0; else the failed worker's (128+N for signal N); 127/126 start errors
    int signal = 0;         // the signal that ended the failed worker, 0 if it exited
    int failedRank = -1;    // global RANK of the first worker that failed, -1 if none
    bool stoppedByRequest = false;  // requestStop() ended the group (exitCode is then 128+SIGTERM or that worker's code)
    int masterPort = 0;     // the port handed out in MASTER_PORT (0 when not distributed)
};

// One ProcessGroup runs one job: construct, run() once, destroy.
class ProcessGroup {
public:
    ProcessGroup();
    ~ProcessGroup();
    ProcessGroup(const ProcessGroup&) = delete;
    ProcessGroup& operator=(const ProcessGroup&) = delete;

    // Starts the workers and returns when all of them (and their leftovers) are gone.
    GroupOutcome run(const GroupSpec& spec, GroupObserver& observer, int tickMs = 50);
    // Thread-safe and async-signal-safe (an atomic store and a write()). Before run(): run() then
    // starts nothing and returns stoppedByRequest.
    void requestStop();

private:
    std::atomic<bool> m_stopRequested{false};
    int m_wakePipe[2] = {-1, -1};
};

// Sends `sig` to `pid` and all its descendants (found through /proc ppid links), children first.
void signalProcessTree(long pid, int sig);

// A TCP port free on 127.0.0.1 right now (bind port 0, read it, close); 0 on failure.
int findFreeTcpPort();

} // namespace cairn::exec
