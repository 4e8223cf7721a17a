// Environment capture at run start (docs/lineage.md): what a run needs to be reproduced or
// explained later, written to runs/<id>/env.json by the supervisor and printed by `cairn show`.
#pragma once

#include "engine/store/project.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cairn::lineage {

// Env var names whose values are never stored: any containing TOKEN, SECRET, PASSWORD or KEY
// (case-insensitive), whatever the allowlist says.
bool isSecretName(std::string_view name);

// `env_allowlist:` in cairn.yaml (a list of names; `*` at the end matches a prefix), else the
// default list below. An unreadable or malformed list falls back to the default.
std::vector<std::string> envAllowlist(const Project& project);
extern const std::vector<std::string> kDefaultEnvAllowlist;

// Whether argv runs Python (python, python3.11, /usr/bin/python3, or a script ending in .py).
bool isPythonCommand(const std::vector<std::string>& argv);

struct EnvCaptureOptions {
    std::vector<std::string> argv;
    std::filesystem::path workdir;
    std::map<std::string, std::string> extraEnv;  // what the job gets on top of this process's env
    std::vector<std::string> allowlist;
    int commandTimeoutMs = 5000;                  // each git, python or pip call
    bool python = true;                           // include capturePython()
    bool gpu = true;                              // include captureGpus()
};

// {"executable", "version", "packages": [pip freeze lines]} when the command is Python, else null.
nlohmann::ordered_json capturePython(const EnvCaptureOptions& options);

// {"driver", "cuda", "devices": [{"index", "name", "uuid", "memory_bytes"}]} through NVML
// (CAIRN_NVML_LIBRARY names another library, as for `cairn gpus`); null without the driver.
nlohmann::ordered_json captureGpus();

// git (commit, branch, dirty, SHA-256 of `git diff HEAD`) when the workdir is in a repository;
// os (uname), cpu model, GPUs, cwd and argv; python version and `pip freeze` when the command is
// Python; allowed env vars. Anything that fails or times out is left out.
nlohmann::ordered_json captureEnvironment(const EnvCaptureOptions& options);

// Runs argv in `cwd` with stdin closed, stderr discarded; stdout (at most 4 MiB) when it exits
// 0 within `timeoutMs`, else nullopt (the process is killed on timeout).
std::optional<std::string> runCapture(const std::vector<std::string>& argv, const std::filesystem::path& cwd, int timeoutMs);

} // namespace cairn::lineage
