// Data validation: expectations on a CSV file, written in YAML (docs/validation.md), checked in
// one streaming pass (memory follows the columns checked for `unique`, not the file).
//
//   rows: {min: 100, max: 1000000}
//   columns:
//     id:    {unique: true, not_null: true, type: integer}
//     age:   {min: 0, max: 120, mean: {min: 30, max: 50}}
//     state: {allowed: [CA, NY, TX]}
//     zip:   {regex: "^[0-9]{5}$"}
//
// Every column named must exist. Each failure names the column, the expectation and a few
// offending rows (their line in the file and their value).
#pragma once

#include "engine/core/result.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace cairn::analysis {

enum class ValueType { Integer, Number, Boolean, Date };

struct ColumnExpectations {
    std::string column;
    std::string where;                       // "spec.yaml:4:3", for messages
    std::optional<ValueType> type;
    bool notNull = false;
    bool unique = false;
    std::optional<double> min, max;
    std::optional<std::vector<std::string>> allowed;
    std::optional<std::string> regex;
    std::optional<double> meanMin, meanMax;
};

struct Expectations {
    std::string path;
    std::optional<std::size_t> rowsMin, rowsMax;
    std::vector<ColumnExpectations> columns;
};

// The expectation names a spec may use under a column (for messages and did-you-mean).
const std::vector<std::string>& expectationNames();
const char* toString(ValueType t);

// Parses the YAML; errors name file:line:col, with a suggestion for a misspelt name.
Result<Expectations> parseExpectations(const std::string& text, const std::string& path);
Result<Expectations> loadExpectations(const std::string& path);

struct Offence {
    std::size_t line = 0;  // line in the file where the row begins (the header is line 1)
    std::string value;     // the value as written ("" when missing)
};

struct ExpectationResult {
    std::string column;       // empty for the row count
    std::string expectation;  // exists, type, not_null, unique, min, max, allowed, regex, mean, rows
    std::string expected;     // "integer", ">= 0", "in [CA, NY]", "between 30 and 50"...
    bool passed = true;
    std::size_t checked = 0;  // values (rows) it looked at
    std::size_t failed = 0;   // rows that break it
    std::string observed;     // what was found: "mean 41.2", "12 rows", "missing"
    std::vector<Offence> examples;  // the first few offending rows
};

struct ValidationReport {
    std::string data;  // the file as the user named it
    std::size_t rows = 0;
    std::vector<ExpectationResult> results;
    std::size_t failed = 0;
    bool passed() const { return failed == 0; }
};

struct ValidateOptions {
    std::size_t maxExamples = 5;
    std::size_t maxRowBytes = 64u << 20;
};

// Checks `csvPath` against the expectations in one pass. Errors only for input that cannot be
// read (missing or malformed file: file:line messages); broken expectations are results.
Result<ValidationReport> validateCsv(const std::string& csvPath, const Expectations& e, const ValidateOptions& o = {});

} // namespace cairn::analysis
