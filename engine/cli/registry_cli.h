// Helpers shared by `cairn model`, `cairn gate`, `cairn audit` and `cairn card`
// (docs/registry.md): resolving NAME VERSION, calling the engine for writes, the --as hook.
#pragma once

#include "engine/cli/args.h"
#include "engine/cli/commands.h"
#include "engine/store/project.h"
#include "engine/store/store.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace cairn::cli::registry_cli {

// VERSION as the commands take it: a number, "latest", or an alias ("champion").
Result<ModelVersion> resolveVersion(Store& store, const std::string& model, const std::string& version);

// Adds `--as USER` (the test hook) to a writing command's options.
void addIdentityOption(Args& args);

// Sends a registry request to the engine (started when needed), with `as` when --as was given.
// On an error reply prints "cairn COMMAND: MESSAGE" and sets `exitCode`: 1 for a refusal
// (forbidden, gate_failed), 2 for bad input (not_found, bad_request, bad_config).
std::optional<nlohmann::json> engineCall(Context& ctx, const std::string& command, const Args& args, const std::string& method,
                                         nlohmann::json params, int& exitCode);

// The run's metric summaries as the version's snapshot holds them: key -> last value.
std::map<std::string, double> snapshotMetrics(const ModelVersion& v);

nlohmann::ordered_json versionJson(const ModelVersion& v, bool withSnapshot);

} // namespace cairn::cli::registry_cli
