// A Cairn project folder: cairn.yaml, cairn.db, runs/, artifacts/.
#pragma once

#include "engine/core/result.h"
#include "engine/remote/executor_config.h"

#include <filesystem>
#include <string>
#include <vector>

namespace cairn {

struct ProjectConfig {
    std::string name;
    // Interpreter for Python steps (the demo, later pipeline stages). Empty: find one with numpy.
    std::string python;
    // GPUs Cairn may schedule jobs on (`gpus: [0, 1]`); empty: every GPU NVML reports.
    std::vector<int> gpus;
    // `engine: {idle_exit_s: N}`: seconds the engine waits, idle, before it exits.
    int engineIdleExitSeconds = 120;
    // `executors:`: ssh hosts and Slurm clusters jobs can be submitted to (docs/executors.md).
    std::vector<remote::ExecutorConfig> executors;
};

class Project {
public:
    // Creates the folder layout and an empty, migrated database. Refuses a folder that already
    // holds a project.
    static Result<Project> init(const std::filesystem::path& dir, const std::string& name = {});
    // Opens the project whose root is `dir` (it must contain cairn.yaml).
    static Result<Project> open(const std::filesystem::path& dir);
    // Walks up from `start` to the first folder with a cairn.yaml, as git does with .git.
    static Result<Project> discover(const std::filesystem::path& start);
    // --project DIR when given, else discover from the current directory.
    static Result<Project> locate(const std::string& projectOption);

    const std::filesystem::path& root() const { return m_root; }
    const ProjectConfig& config() const { return m_config; }
    std::filesystem::path configPath() const { return m_root / "cairn.yaml"; }
    std::filesystem::path databasePath() const { return m_root / "cairn.db"; }
    std::filesystem::path runsDir() const { return m_root / "runs"; }
    std::filesystem::path runDir(const std::string& runId) const { return runsDir() / runId; }
    std::filesystem::path artifactsDir() const { return m_root / "artifacts"; }

private:
    std::filesystem::path m_root;
    ProjectConfig m_config;
};

// Parses cairn.yaml text; errors name the file, line, column and field.
Result<ProjectConfig> parseProjectConfig(const std::string& text, const std::string& fileName);

} // namespace cairn
