// Parser for the stdout protocol of jobs (grammar: docs/logging.md):
//   cairn:metric [step=N] key=value [key=value...]
//   cairn:param key=value [key=value...]
//   cairn:tag key=value [key=value...]
//   cairn:input path=P [name=N] [type=dataset|model|file]      (docs/lineage.md)
//   cairn:output path=P [name=N] [type=dataset|model|file]
// A line that does not start with "cairn:" is ordinary output.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cairn::ingest {

enum class LineKind { Output, Metric, Param, Tag, Input, OutputArtifact, Malformed };

struct ParsedLine {
    LineKind kind = LineKind::Output;
    std::optional<std::int64_t> step;                          // metric lines only
    std::vector<std::pair<std::string, double>> metrics;       // metric lines
    std::vector<std::pair<std::string, std::string>> values;   // param, tag, input and output lines
    std::string error;                                         // Malformed: what is wrong
    void clear();
};

constexpr std::string_view kPrefix = "cairn:";
constexpr std::size_t kMaxKeyLength = 250;

// Parses one line (without its line terminator). Reuses `out`'s storage.
LineKind parseLine(std::string_view line, ParsedLine& out);

// Keys: letters, digits and _ . - / (at most kMaxKeyLength bytes).
bool isValidKey(std::string_view key);

// Parses a metric value: decimal or scientific notation with an optional sign, or
// nan, inf, infinity (any case, optional sign).
std::optional<double> parseMetricValue(std::string_view text);

} // namespace cairn::ingest
