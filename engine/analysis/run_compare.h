// The diff table of a comparison: rows = attributes, params, tags and metrics (last, min,
// max); columns = runs. Pure and Qt-free: `cairn compare` prints it, the workbench shows it.
#pragma once

#include "engine/store/types.h"

#include <optional>
#include <string>
#include <vector>

namespace cairn::analysis {

struct CompareRow {
    // Spelt as the search language spells fields (docs/search.md), so a row can be pasted into
    // a filter or a sort key: "status", "params.lr", "tags.`my key`", "metrics.loss" (the last
    // value), "min(metrics.loss)", "max(metrics.loss)".
    std::string field;
    std::vector<std::optional<std::string>> values;  // one per run, for display; nullopt: the run lacks it
    // Numeric rows (metrics, exit_code, duration in ms): the values as numbers; empty otherwise.
    std::vector<std::optional<double>> numbers;
    bool differs = false;  // not every run has the same value (one lacking it differs; NaN equals NaN)
};

// Rows in this order: name, experiment, status, exit_code, duration, command; params and tags
// by key; per metric key its last, min and max. A run that has not ended has no duration.
std::vector<CompareRow> compareRuns(const std::vector<RunSummary>& runs);

} // namespace cairn::analysis
