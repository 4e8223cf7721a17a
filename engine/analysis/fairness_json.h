// Fairness reports as JSON (what `cairn fairness --format json` prints and the project stores).
#pragma once

#include "engine/analysis/fairness.h"

#include <nlohmann/json.hpp>

#include <map>

namespace cairn::analysis {

// {"kind": "fairness", "data", "label", "pred", "sensitive", "pos_label",
//  "groups": [{group, count, selection_rate, accuracy, tpr, fpr, tp, fp, tn, fn}], "overall": {...},
//  "demographic_parity_difference", "demographic_parity_ratio", "equalized_odds_difference",
//  "equalized_odds_ratio"}; NaN is null.
nlohmann::ordered_json fairnessJson(const FairnessReport& r);
Result<FairnessReport> fairnessFromBody(const nlohmann::json& body);
// Stored by name (fairness.NAME): the four differences and ratios, accuracy, selection_rate, groups.
std::map<std::string, double> fairnessSummary(const FairnessReport& r);

} // namespace cairn::analysis
