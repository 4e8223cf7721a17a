// Group fairness of a binary classifier's predictions, as Fairlearn defines the metrics
// (fairlearn.metrics 0.15: MetricFrame by group, demographic_parity_difference/ratio,
// equalized_odds_difference/ratio with method='between_groups', agg='worst_case'). The CSV
// file is streamed: memory follows the number of groups, not the rows (docs/fairness.md).
#pragma once

#include "engine/core/result.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace cairn::analysis {

struct FairnessOptions {
    std::string label, pred, sensitive;   // column names
    std::optional<std::string> posLabel;  // default: 1, when the values are 0/1 or -1/1
    std::size_t maxRowBytes = 64u << 20;
};

struct GroupMetrics {
    std::string group;  // the sensitive value; "(overall)" for everyone
    std::size_t count = 0;
    std::size_t tp = 0, fp = 0, tn = 0, fn = 0;
    // Fairlearn's (and scikit-learn's) values: a rate whose denominator is 0 is 0, as
    // confusion_matrix(normalize="true") gives it.
    double selectionRate = 0, accuracy = 0, tpr = 0, fpr = 0;
};

struct FairnessReport {
    std::string data, label, pred, sensitive, posLabel;
    std::vector<GroupMetrics> groups;  // sorted by value
    GroupMetrics overall;
    double demographicParityDifference = 0;  // max - min selection rate
    double demographicParityRatio = 0;       // min / max selection rate (NaN when none is selected)
    double equalizedOddsDifference = 0;      // max(TPR difference, FPR difference)
    double equalizedOddsRatio = 0;           // min(TPR ratio, FPR ratio), NaN rules as Python's min()
};

// Errors (bad input) name file, line and column: a missing column, an empty label, more than
// two label values, a pos label that never occurs.
Result<FairnessReport> computeFairness(const std::string& csvPath, const FairnessOptions& o);

} // namespace cairn::analysis
