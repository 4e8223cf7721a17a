// Stored reports (engine/store/store_reports.cpp, docs/drift.md "Reports in the project"):
// drift, validation and fairness results, each with its summary values by name and the full
// JSON it was made from, optionally attached to a run.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace cairn {

struct StoredReport {
    std::int64_t id = 0;           // 1, 2, ... per project: `cairn reports show ID`
    std::string kind;              // drift, validation or fairness
    std::string runId;             // the run it is attached to; empty when none
    std::string runName;
    std::int64_t createdMs = 0;
    std::string title;             // e.g. "ref.csv vs cur.csv"
    bool passed = true;            // drift: not drifted; validation: every expectation met
    // Summary values by name, without the kind: drift "share", "dataset_drift" (0/1)...
    // Gates read them as KIND.NAME (docs/drift.md lists every name).
    std::map<std::string, double> values;
    std::string body;              // the full report as JSON (empty when listed without bodies)
};

inline bool isReportKind(const std::string& k) { return k == "drift" || k == "validation" || k == "fairness"; }

struct ReportFilter {
    std::string runId;   // only reports attached to this run (a full id)
    std::string kind;    // only this kind
    int limit = 0;       // 0: all
    bool withBody = false;
};

// An alert the engine fired (docs/alerts.md).
struct FiredAlert {
    std::int64_t id = 0;
    std::string key;        // what makes it once-only: "RULE|RUN|REPORT"
    std::string rule;       // the rule's name in cairn.yaml
    std::string condition;  // "metrics.loss > 5", "drift.share >= 0.3", "no new points for 10 min"
    std::string runId, runName;
    std::int64_t reportId = 0;
    double value = 0;       // the value that met the condition (NaN when none)
    std::string message;
    std::int64_t firedMs = 0;
};

} // namespace cairn
