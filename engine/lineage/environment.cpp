#include "engine/lineage/environment.h"

#include "engine/artifacts/sha256.h"
#include "gpu/cuda_runtime_info.h"
#include "gpu/gpu_inventory.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <poll.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace fs = std::filesystem;

namespace cairn::lineage {

const std::vector<std::string> kDefaultEnvAllowlist = {
    "CUDA_VISIBLE_DEVICES", "PYTHONHASHSEED", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "CUBLAS_WORKSPACE_CONFIG",
    "TF_DETERMINISTIC_OPS", "VIRTUAL_ENV",    "CONDA_DEFAULT_ENV", "LANG"};

bool isSecretName(std::string_view name)
{
    std::string upper(name);
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
    for (const char* word : {"TOKEN", "SECRET", "PASSWORD", "KEY"})
        if (upper.find(word) != std::string::npos)
            return true;
    return false;
}

std::vector<std::string> envAllowlist(const Project& project)
{
    try {
        YAML::Node root = YAML::LoadFile(project.configPath().string());
        if (!root || !root.IsMap() || !root["env_allowlist"])
            return kDefaultEnvAllowlist;
        const YAML::Node list = root["env_allowlist"];
        if (!list.IsSequence())
            return kDefaultEnvAllowlist;
        std::vector<std::string> out;
        for (const auto& item : list)
            if (item.IsScalar())
                out.push_back(item.as<std::string>());
        return out;
    } catch (const std::exception&) {
        return kDefaultEnvAllowlist;
    }
}

bool isPythonCommand(const std::vector<std::string>& argv)
{
    if (argv.empty())
        return false;
    const std::string base = fs::path(argv[0]).filename().string();
    if (base.rfind("python", 0) == 0)
        return true;
    return fs::path(argv[0]).extension() == ".py";
}

std::optional<std::string> runCapture(const std::vector<std::string>& argv, const fs::path& cwd, int timeoutMs)
{
    if (argv.empty())
        return std::nullopt;
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return std::nullopt;
    std::vector<char*> args;  // built before fork: the child only calls async-signal-safe functions
    for (const auto& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    const std::string dir = cwd.string();
    pid_t pid = ::fork();
    if (pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        return std::nullopt;
    }
    if (pid == 0) {
        ::setpgid(0, 0);
        int devnull = ::open("/dev/null", O_RDWR);
        ::dup2(devnull, 0);
        ::dup2(fds[1], 1);
        ::dup2(devnull, 2);
        if (!dir.empty() && ::chdir(dir.c_str()) != 0)
            ::_exit(127);
        ::execvp(args[0], args.data());
        ::_exit(127);
    }
    ::close(fds[1]);
    std::string out;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    bool timedOut = false;
    char buf[65536];
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
        if (left <= 0) {
            timedOut = true;
            break;
        }
        pollfd p{fds[0], POLLIN, 0};
        int r = ::poll(&p, 1, static_cast<int>(left));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            timedOut = r == 0;
            break;
        }
        ssize_t n = ::read(fds[0], buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        if (out.size() < (4u << 20))
            out.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fds[0]);
    if (timedOut)
        ::kill(-pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (timedOut || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return std::nullopt;
    return out;
}

namespace {

std::string trim(std::string s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])))
        ++i;
    return s.substr(i);
}

std::string cpuModel()
{
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("model name", 0) == 0)
            if (auto colon = line.find(':'); colon != std::string::npos)
                return trim(line.substr(colon + 1));
    return {};
}

bool allowed(const std::string& name, const std::vector<std::string>& allowlist)
{
    for (const auto& a : allowlist) {
        if (!a.empty() && a.back() == '*' ? name.rfind(a.substr(0, a.size() - 1), 0) == 0 : name == a)
            return true;
    }
    return false;
}

} // namespace

nlohmann::ordered_json capturePython(const EnvCaptureOptions& o)
{
    using ordered_json = nlohmann::ordered_json;
    const int t = o.commandTimeoutMs;
    if (isPythonCommand(o.argv)) {
        const std::string py = fs::path(o.argv[0]).extension() == ".py" ? std::string("python3") : o.argv[0];
        ordered_json python = ordered_json::object();
        python["executable"] = py;
        if (auto v = runCapture({py, "-c", "import platform; print(platform.python_version())"}, o.workdir, t))
            python["version"] = trim(*v);
        if (auto freeze = runCapture({py, "-m", "pip", "freeze", "--disable-pip-version-check"}, o.workdir, t)) {
            ordered_json pkgs = ordered_json::array();
            std::size_t start = 0;
            while (start < freeze->size()) {
                std::size_t end = freeze->find('\n', start);
                if (end == std::string::npos)
                    end = freeze->size();
                std::string line = trim(freeze->substr(start, end - start));
                if (!line.empty())
                    pkgs.push_back(line);
                start = end + 1;
            }
            python["packages"] = pkgs;
        }
        if (python.size() > 1)
            return python;
    }
    return nullptr;
}

nlohmann::ordered_json captureGpus()
{
    using ordered_json = nlohmann::ordered_json;
    auto inventory = gpu::makeSystemInventory();
    if (inventory->backend() != "nvml")
        return nullptr;
    ordered_json devices = ordered_json::array();
    for (const gpu::GpuInfo& g : inventory->devices())
        devices.push_back({{"index", g.index}, {"name", g.name}, {"uuid", g.uuid}, {"memory_bytes", g.memoryTotalBytes}});
    ordered_json out = ordered_json::object();
    out["driver"] = inventory->driverVersion();
    if (const int cuda = inventory->cudaDriverVersion(); cuda > 0)
        out["cuda"] = gpu::formatCudaVersion(cuda);
    out["devices"] = devices;
    return out;
}

nlohmann::ordered_json captureEnvironment(const EnvCaptureOptions& o)
{
    using ordered_json = nlohmann::ordered_json;
    ordered_json env = ordered_json::object();
    env["format"] = "cairn-env/1";
    env["cwd"] = o.workdir.string();
    env["argv"] = o.argv;

    const int t = o.commandTimeoutMs;
    if (auto top = runCapture({"git", "rev-parse", "--show-toplevel"}, o.workdir, t)) {
        ordered_json git = ordered_json::object();
        git["root"] = trim(*top);
        if (auto head = runCapture({"git", "rev-parse", "HEAD"}, o.workdir, t))
            git["commit"] = trim(*head);
        if (auto branch = runCapture({"git", "rev-parse", "--abbrev-ref", "HEAD"}, o.workdir, t))
            git["branch"] = trim(*branch);
        if (auto status = runCapture({"git", "status", "--porcelain", "--untracked-files=no"}, o.workdir, t))
            git["dirty"] = !trim(*status).empty();
        if (auto diff = runCapture({"git", "diff", "HEAD", "--no-color", "--no-ext-diff"}, o.workdir, t)) {
            git["diff_sha256"] = artifacts::sha256Hex(*diff);
            git["diff_bytes"] = diff->size();
        }
        env["git"] = git;
    }

    utsname u{};
    if (::uname(&u) == 0)
        env["os"] = {{"system", u.sysname}, {"release", u.release}, {"version", u.version}, {"machine", u.machine}};
    if (std::ifstream osr("/etc/os-release"); osr) {
        std::string line;
        while (std::getline(osr, line))
            if (line.rfind("PRETTY_NAME=", 0) == 0) {
                std::string v = line.substr(12);
                if (v.size() >= 2 && v.front() == '"' && v.back() == '"')
                    v = v.substr(1, v.size() - 2);
                env["os"]["distribution"] = v;
            }
    }
    env["cpu"] = {{"model", cpuModel()}, {"cores", static_cast<long>(::sysconf(_SC_NPROCESSORS_ONLN))}};
    if (o.gpu)
        if (auto g = captureGpus(); !g.is_null())
            env["gpu"] = g;

    if (o.python)
        if (auto py = capturePython(o); !py.is_null())
            env["python"] = py;

    ordered_json vars = ordered_json::object();
    std::map<std::string, std::string> all;
    for (char** e = environ; e && *e; ++e) {
        std::string kv(*e);
        if (auto eq = kv.find('='); eq != std::string::npos)
            all[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    for (const auto& [k, v] : o.extraEnv)
        all[k] = v;
    for (const auto& [k, v] : all)
        if (allowed(k, o.allowlist) && !isSecretName(k))
            vars[k] = v;
    env["env"] = vars;
    return env;
}

} // namespace cairn::lineage
