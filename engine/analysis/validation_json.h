// Validation reports as JSON (what `cairn validate --format json` prints and the project stores)
// and read back from it.
#pragma once

#include "engine/analysis/validation.h"

#include <nlohmann/json.hpp>

#include <map>

namespace cairn::analysis {

// {"kind": "validation", "data", "expectations_file", "rows", "passed", "failed", "expectations",
//  "results": [{column, expectation, expected, passed, checked, failed, observed,
//               examples: [{line, value}]}]}
nlohmann::ordered_json validationJson(const ValidationReport& r, const std::string& expectationsFile);
Result<ValidationReport> validationFromBody(const nlohmann::json& body, std::string* expectationsFile = nullptr);
// Stored by name (validation.NAME): passed (1/0), failed, expectations, rows.
std::map<std::string, double> validationSummary(const ValidationReport& r);

} // namespace cairn::analysis
