// A Cairn project folder: cairn.yaml, cairn.db, runs/, artifacts/.
#pragma once

#include "engine/core/result.h"
#include "engine/store/alert_rules.h"
#include "engine/remote/executor_config.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace cairn {

// One rule of `gates:` (docs/registry.md#gates): checked before a version gets the alias.
struct GateRule {
    std::string alias;
    std::string name;
    std::string rule;        // the run search language, plus the sources gates can read
    std::string message;     // shown when it fails; optional
    std::string file;        // where the rule text starts, for errors at file:line:col
    int line = 0;
    int column = 0;          // of the rule's first character (after an opening quote)
    bool exactColumns = true;  // false for block scalars, where a column inside the rule is not known
};

// `roles:` (user -> viewer, editor, approver or admin) and `protected_aliases:`.
struct GovernanceConfig {
    std::map<std::string, std::vector<GateRule>> gates;  // alias -> rules in file order
    std::map<std::string, std::string> roles;            // OS user (or "*" for everyone else) -> role
    std::vector<std::string> protectedAliases;           // promotion needs a second person's approval
};

struct ProjectConfig {
    std::string name;
    // Interpreter for Python steps (the demo, later pipeline stages). Empty: find one with numpy.
    std::string python;
    // GPUs Cairn may schedule jobs on (`gpus: [0, 1]`); empty: every GPU NVML reports.
    std::vector<int> gpus;
    // `engine: {idle_exit_s: N}`: seconds the engine waits, idle, before it exits.
    int engineIdleExitSeconds = 120;
    GovernanceConfig governance;
    // `alerts:` rules on metrics, report values and staleness (docs/alerts.md).
    std::vector<AlertRule> alerts;
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
