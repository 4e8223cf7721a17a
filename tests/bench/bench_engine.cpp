// Engine load and crash benchmarks (programs, not tests):
//  1. 32 jobs logging at once while `cairn runs` loops: the engine's peak resident memory,
//     the readers' failures (must be 0) and points expected vs stored.
//  2. Crash: 4 jobs log 1,000,000 points in all while the engine is SIGKILLed 5 times;
//     points expected vs stored (must be equal), and none doubled.
#include "engine/store/store.h"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

static std::string run(const std::string& cmd)
{
    std::string out;
    FILE* p = ::popen(cmd.c_str(), "r");
    if (!p)
        return out;
    char buf[4096];
    while (std::fgets(buf, sizeof buf, p))
        out += buf;
    ::pclose(p);
    return out;
}

static std::string cli(const fs::path& project, const std::string& args)
{
    return run(std::string(CAIRN_BIN) + " --project " + project.string() + " " + args + " 2>/dev/null");
}

static long enginePid(const fs::path& project)
{
    std::string s = cli(project, "engine status");
    return s.rfind("pid ", 0) == 0 ? std::atol(s.c_str() + 4) : 0;
}

static long peakRssKb(long pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0)
            return std::atol(line.c_str() + 6);
    return 0;
}

static std::string lastLine(const std::string& s)
{
    std::istringstream in(s);
    std::string line, last;
    while (std::getline(in, line))
        if (!line.empty())
            last = line;
    return last;
}

static long storedPoints(const fs::path& project, const std::vector<std::string>& ids, const std::string& key, long& doubled)
{
    auto store = cairn::Store::open(project / "cairn.db", cairn::Store::Mode::ReadOnly);
    long total = 0;
    doubled = 0;
    for (const auto& id : ids) {
        auto points = (*store)->metrics(id, key);
        if (!points)
            continue;
        total += static_cast<long>(points->size());
        for (std::size_t i = 1; i < points->size(); ++i)
            doubled += (*points)[i].step == (*points)[i - 1].step;
    }
    return total;
}

int main()
{
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    fs::path dir = fs::temp_directory_path() / ("cairn-bench-engine-" + std::to_string(::getpid()));
    fs::path project = dir / "proj";
    ::setenv("CAIRN_ENGINE_IDLE_S", "30", 1);
    run(std::string(CAIRN_BIN) + " init " + project.string() + " >/dev/null");
    const std::string emit = EMIT_BIN;

    // 1. 32 jobs at once.
    const int jobs = 32, perJob = 50000;
    std::vector<std::string> ids;
    auto t0 = Clock::now();
    for (int i = 0; i < jobs; ++i)
        ids.push_back(lastLine(cli(project, "submit -- /bin/sh -c '" + emit + " " + std::to_string(perJob) + "; sleep 3'")));
    long pid = enginePid(project);
    std::printf("submitted %d jobs; engine pid %ld\n", jobs, pid);
    int readerRuns = 0, readerFailures = 0;
    long peakKb = 0;
    for (;;) {
        int rc = std::system((std::string(CAIRN_BIN) + " --project " + project.string() + " runs >/dev/null 2>&1").c_str());
        ++readerRuns;
        readerFailures += rc != 0;
        peakKb = std::max(peakKb, peakRssKb(pid));
        if (cli(project, "queue").find("no jobs") != std::string::npos)
            break;
    }
    for (const auto& id : ids)
        cli(project, "wait " + id);
    double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    peakKb = std::max(peakKb, peakRssKb(pid));
    long doubled = 0;
    long stored = storedPoints(project, ids, "loss", doubled);
    std::printf("engine with %d jobs logging at once (%d points each, then 3 s idle):\n", jobs, perJob);
    std::printf("  engine peak resident memory: %.1f MB (goal <= 100 MB)\n", peakKb / 1024.0);
    std::printf("  cairn runs while they ran: %d calls, %d failed\n", readerRuns, readerFailures);
    std::printf("  points expected %ld, stored %ld, doubled %ld; %.1f s in all\n", static_cast<long>(jobs) * perJob, stored, doubled, seconds);

    // 2. Crash test.
    const int crashJobs = 4, crashPoints = 250000;
    std::vector<std::string> crashIds;
    {
        std::ofstream script(dir / "steady.py");
        script << "import sys, time\nfor i in range(" << crashPoints << "):\n"
               << "    sys.stdout.write(f'cairn:metric step={i} v={i}\\n')\n"
               << "    if i % 25000 == 0:\n        sys.stdout.flush(); time.sleep(0.2)\n";
    }
    for (int i = 0; i < crashJobs; ++i)
        crashIds.push_back(lastLine(cli(project, "submit -- /usr/bin/python3 " + (dir / "steady.py").string())));
    int kills = 0;
    for (int k = 0; k < 5; ++k) {
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        if (long p = enginePid(project); p > 0 && ::kill(static_cast<pid_t>(p), SIGKILL) == 0)
            ++kills;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        cli(project, "engine start");
    }
    for (const auto& id : crashIds)
        cli(project, "wait " + id);
    stored = storedPoints(project, crashIds, "v", doubled);
    std::printf("crash test: %d jobs, engine SIGKILLed %d times during ingestion:\n", crashJobs, kills);
    std::printf("  points expected %ld, stored %ld, doubled %ld -> %s\n", static_cast<long>(crashJobs) * crashPoints, stored, doubled,
                stored == static_cast<long>(crashJobs) * crashPoints && doubled == 0 ? "equal" : "NOT EQUAL");
    cli(project, "engine stop");
    fs::remove_all(dir);
    return 0;
}
