// The diff table of a comparison: rows = attributes, params, tags and metrics (last, min,
// max); columns = runs. Pure and Qt-free: `cairn compare` prints it, the workbench shows it.
#pragma once

#include "engine/store/types.h"

#include <optional>
#include <string>
#include <vector>

namespace cairn::analysis {

struct CompareRow {
    std::string field;                               // "name", "params.lr", "metrics.loss.last"...
    std::vector<std::optional<std::string>> values;  // one per run; nullopt: the run lacks it
    std::vector<std::optional<double>> numbers;      // metrics only: the value as a number
    bool differs = false;                            // not every run has the same value
};

std::vector<CompareRow> compareRuns(const std::vector<RunSummary>& runs);

} // namespace cairn::analysis
