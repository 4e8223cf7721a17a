// HTML pages for validation and fairness reports (drift has writeDriftHtml in drift_json.h):
// self-contained, one table each, for `cairn reports show --format html` and the workbench's
// Export HTML.
#pragma once

#include "engine/analysis/fairness.h"
#include "engine/analysis/validation.h"
#include "engine/core/result.h"

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <string>

namespace cairn::analysis {

std::string htmlEscape(const std::string& s);
void writeValidationHtml(std::ostream& out, const ValidationReport& r, const std::string& expectationsFile);
void writeFairnessHtml(std::ostream& out, const FairnessReport& r);
// A stored report's body (drift, validation or fairness) as its HTML page.
Status writeReportHtml(std::ostream& out, const std::string& kind, const nlohmann::json& body);

} // namespace cairn::analysis
