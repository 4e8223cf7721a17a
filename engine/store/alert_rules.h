// Alert rules from cairn.yaml (docs/alerts.md), evaluated by the engine:
//
//   alerts:
//     - name: loss exploded
//       when: metrics.loss > 5          # any search (docs/search.md) on a run with new points
//     - name: data drifted
//       when: drift.share >= 0.3        # a summary value of a new report: KIND.NAME OP NUMBER
//     - name: stalled
//       stale_minutes: 10               # a running run with no new point for 10 minutes
//
// Each rule fires at most once per run (per report for report rules); fired alerts are stored.
#pragma once

#include <map>
#include <string>

namespace cairn {

struct AlertRule {
    enum class Kind { Metric, Report, Stale };
    std::string name;
    Kind kind = Kind::Metric;
    std::string when;          // Metric: the search; Report: "drift.share >= 0.3"
    std::string reportKind;    // Report: drift, validation or fairness
    std::string valueName;     // Report: share, ...
    std::string op;            // Report: <, <=, >, >=, =, !=
    double threshold = 0;      // Report
    int staleMinutes = 0;      // Stale
    int line = 0, column = 0;  // where it is in cairn.yaml
};

// Report rules: does a report's value meet the rule? NaN never does.
bool reportRuleMatches(const AlertRule& rule, double value);

// A summary of the rule for messages: "metrics.loss > 5", "no new points for 10 min".
std::string describe(const AlertRule& rule);

} // namespace cairn
