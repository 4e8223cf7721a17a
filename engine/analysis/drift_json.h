// Drift reports as JSON and HTML: what `cairn drift --format json|html` prints, what the project
// stores (engine/store report rows), and how a stored report is read back for `cairn reports
// show` and the workbench.
#pragma once

#include "engine/analysis/drift.h"

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <map>
#include <string>

namespace cairn::analysis {

// Exactly {"columns": [{name, type, test, score, threshold, drifted, ref_rows, cur_rows}],
// "drifted_columns", "share", "dataset_drift"}; a NaN score is null.
nlohmann::ordered_json driftJson(const DriftReport& r);
// The stored form: driftJson plus "kind", "reference", "current", "drift_share", and per column
// "warnings" and "histogram" {labels, ref, cur}. Histograms are left out (and
// "histograms_omitted" set) when the document would pass `maxBytes`.
nlohmann::ordered_json driftBody(const DriftReport& r, const std::string& reference, const std::string& current,
                                 std::size_t maxBytes = 900u << 10);
// Reads a stored body back (histograms included when stored).
Result<DriftReport> driftFromBody(const nlohmann::json& body, std::string* reference = nullptr, std::string* current = nullptr);
// The summary values stored by name (gates read them as drift.NAME): share, drifted_columns,
// columns, dataset_drift (1 or 0), drift_share.
std::map<std::string, double> driftSummary(const DriftReport& r);

// A self-contained HTML page: the table and a reference-vs-current SVG histogram per column.
void writeDriftHtml(std::ostream& out, const DriftReport& r, const std::string& reference, const std::string& current);

} // namespace cairn::analysis
