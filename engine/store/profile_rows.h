// A dataset profile (docs/artifacts.md): per column of a CSV file its inferred type, counts,
// numeric statistics and histogram, or its most frequent values. Computed when the file is
// added (engine/analysis/dataset_profile.h), stored per content hash (a profile is a function
// of the bytes, so every version with those bytes shares it) and read back typed: this is the
// API drift and validation build on. Plain values and their JSON form; no SQL here.
#pragma once

#include "engine/core/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cairn {

struct Histogram {
    std::vector<double> edges;          // bins + 1 ascending edges; the last bin includes its right edge
    std::vector<std::uint64_t> counts;  // one per bin
    bool sampled = false;               // built from a uniform sample of the values, not all of them
};

struct NumericSummary {
    double min = 0, max = 0, mean = 0, stddev = 0;  // over non-missing, finite values
    std::uint64_t infinite = 0;                     // +/-inf values (counted, kept out of the rest)
    Histogram histogram;
};

struct ValueCount {
    std::string value;
    std::uint64_t count = 0;
};

struct ColumnProfile {
    std::string name;
    std::string type;              // "int", "float", "bool", "datetime" or "string"
    std::uint64_t count = 0;       // non-missing values
    std::uint64_t nulls = 0;       // missing values (pandas' tokens: "", NA, null, ...)
    std::uint64_t distinct = 0;    // distinct non-missing values
    bool distinctExact = true;     // false: more than the tracked limit; `distinct` is a lower bound
    std::optional<NumericSummary> numeric;  // int and float columns
    std::vector<ValueCount> top;   // the most frequent values (non-numeric columns), most first
    std::uint64_t otherCount = 0;  // values not in `top`
    bool numericType() const { return type == "int" || type == "float"; }
};

struct DatasetProfile {
    std::string format = "csv";
    std::uint64_t rows = 0;        // data rows profiled
    bool truncated = false;        // the file was longer than the profiling limit: `rows` is a prefix
    std::uint64_t bytes = 0;       // bytes profiled
    std::vector<ColumnProfile> columns;
    const ColumnProfile* find(const std::string& name) const;
};

nlohmann::json profileToJson(const DatasetProfile& p);
Result<DatasetProfile> profileFromJson(const nlohmann::json& j);

} // namespace cairn
