// Helpers shared by the commands that make reports (drift, validate, fairness) and by
// `cairn reports`: where the data comes from (a CSV path or a dataset artifact) and storing the
// report in the project through the engine.
#pragma once

#include "engine/analysis/drift.h"
#include "engine/analysis/fairness.h"
#include "engine/analysis/validation.h"
#include "engine/cli/commands.h"
#include "engine/store/report_rows.h"

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <optional>
#include <string>

namespace cairn::cli::report_cli {

// A data input: the file to read and how to name it in the report.
struct DataInput {
    std::string path;   // a CSV file (an artifact's object file for artifacts)
    std::string label;  // the path as given, or "NAME:N" for an artifact version
};

// REF/CUR/DATA: an existing file is a CSV path; otherwise, inside a project, NAME, NAME:N or a
// hash of a dataset artifact (a file version, or a directory version holding one CSV file;
// NAME:N/FILE.csv picks one file of a directory version). Prints the error on failure.
std::optional<DataInput> resolveData(Context& ctx, const std::string& command, const std::string& reference);

// Stores `body` as a report of `kind` in the project found from --project, $CAIRN_PROJECT (a
// job's project) or the current folder, attached to `runOption` (or $CAIRN_RUN_ID inside a
// job). Without a project and without --run it does nothing. Prints "stored as report N" to
// stderr. Returns kExitOk, kExitUsage (--run outside a project, unknown run) or kExitFailure
// (the engine could not store it); a failure to store a report nobody asked to attach is only
// a warning (kExitOk).
int storeReport(Context& ctx, const std::string& command, const std::string& runOption, bool noStore, StoredReport report,
                const nlohmann::ordered_json& body);

// A stored report's body as text or HTML, by kind.
Status renderReport(std::ostream& out, const std::string& kind, const nlohmann::json& body, const std::string& format);

// The drift report as an aligned table and a closing verdict line.
void writeDriftText(std::ostream& out, const analysis::DriftReport& r);

// Each expectation with its verdict and a few offending rows, then a closing line.
void writeValidationText(std::ostream& out, const analysis::ValidationReport& r);

// The per-group table and the differences and ratios.
void writeFairnessText(std::ostream& out, const analysis::FairnessReport& r);

} // namespace cairn::cli::report_cli
