// Column-by-column drift detection that picks, runs and judges each test exactly as Evidently's
// defaults do (see docs/drift.md and shared/fixtures/evidently/default_drift_detection.txt).
#pragma once

#include "engine/analysis/csv_table.h"
#include "engine/core/result.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cairn::analysis {

enum class DriftTest { Auto, KS, ChiSquare, Z, Wasserstein, JensenShannon, PSI, KL, Hellinger };

const char* testName(DriftTest t);  // Evidently's names: ks, chisquare, z, wasserstein, jensenshannon, psi, kl_div, hellinger
std::optional<DriftTest> parseTest(std::string_view name);
bool isPValueTest(DriftTest t);      // ks, chisquare, z: score is a p-value, small means drift
double defaultThreshold(DriftTest t);
// Evidently's default choice: N = reference values (missing dropped), U = distinct values in both.
DriftTest defaultTest(ColumnType type, std::size_t n, std::size_t unique);
// Drift verdict in each test's own direction: ks p <= t; chisquare, z p < t; distances >= t.
bool isDrift(DriftTest t, double score, double threshold);

struct ColumnOverride {
    std::optional<DriftTest> test;
    std::optional<double> threshold;
    std::optional<ColumnType> type;
};

struct DriftOptions {
    double driftShare = 0.5;             // dataset drift when share of drifted columns >= this
    std::optional<double> threshold;     // for every column without its own
    std::map<std::string, ColumnOverride> columns;
    unsigned threads = 0;                // 0: hardware concurrency
};

struct ColumnDrift {
    std::string name;
    ColumnType type = ColumnType::Numeric;
    DriftTest test = DriftTest::Auto;
    double score = 0;
    double threshold = 0;
    bool drifted = false;
    std::size_t refRows = 0;  // values used (missing values dropped)
    std::size_t curRows = 0;
    std::vector<std::string> warnings;
    // A small histogram for reports: shares of each sample per bin (or per category).
    std::vector<std::string> binLabels;
    std::vector<double> refShares, curShares;
};

struct DriftReport {
    std::vector<ColumnDrift> columns;
    std::size_t driftedColumns = 0;
    double share = 0;
    double driftShare = 0.5;
    bool datasetDrift = false;
};

// One column; ref and cur must have the same storage (both numeric or both text).
Result<ColumnDrift> columnDrift(const Column& ref, const Column& cur, ColumnType type, const ColumnOverride& o,
                                std::optional<double> globalThreshold = {});
// Every named column, in parallel across columns.
Result<DriftReport> computeDrift(const Table& ref, const Table& cur, const std::vector<std::string>& columns,
                                 const DriftOptions& options);

// Reads both CSVs (only the named columns when given), checks that each column exists in both,
// reads a column as text in both files when either holds text, and applies type overrides.
struct DriftInputs {
    Table ref, cur;
    std::vector<std::string> columns;
};
Result<DriftInputs> loadDriftInputs(const std::string& refPath, const std::string& curPath,
                                    const std::vector<std::string>& columns, const DriftOptions& options);

// The YAML spec: drift_share, threshold, columns: {NAME: {type: num|cat, test: NAME, threshold: X}}.
Result<DriftOptions> loadDriftSpec(const std::string& path);

} // namespace cairn::analysis
