// Builds Cairn projects for the GUI tests in-process, through the engine API (no CLI needed).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace cairn::testing {

struct FixtureOptions {
    int runs = 3;
    int points = 300;    // per metric key
    bool withNonFinite = true; // adds a 'grad_norm' key with NaN and inf values to the newest run
};

// Creates a project in `dir` with runs named run-0, run-1, ... (run-0 the oldest), params lr,
// batch_size and optimizer, metrics loss and acc, stdout/stderr logs. Returns the run ids,
// oldest first. Throws std::runtime_error on failure (tests only).
std::vector<std::string> makeFixtureProject(const std::filesystem::path& dir, const FixtureOptions& options = {});

// Adds one finished run (newest start time) to an existing project; returns its id.
std::string addFixtureRun(const std::filesystem::path& dir, const std::string& name, int points = 50);

} // namespace cairn::testing
