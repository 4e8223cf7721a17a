// Evaluates a search tree against a run held in memory, with exactly the semantics of the SQL
// that search_sql.h makes: three-valued logic where a missing key (or a NaN metric) is unknown,
// `not unknown` is unknown, and unknown never matches; SQLite's LIKE (ASCII case-insensitive,
// % and _, backslash escapes). The store filters with SQL; this serves runs already in memory
// and checks the SQL in tests and benchmarks.
#pragma once

#include "engine/query/search_ast.h"
#include "engine/store/types.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace cairn::query {

bool matches(const Node& root, const RunSummary& run, std::int64_t nowMs);

// The general form, for values that are not a run's (gates, engine/registry): `read` gives
// each field's value. `present` is what `is null` tests (a key that exists, a NaN metric
// included); a comparison treats a missing value or a NaN number as unknown. Param, tag and
// source values are text, read as numbers against a number literal, exactly as for runs.
struct FieldValue {
    bool present = false;
    bool isNumber = false;
    double number = 0.0;
    std::string text;
};
enum class Truth { False, True, Unknown };
using FieldReader = std::function<FieldValue(const Field&)>;
Truth evaluate(const Node& root, const FieldReader& read);

// A run's value of a field (what matches() reads).
FieldValue runFieldValue(const Field& field, const RunSummary& run, std::int64_t nowMs);

// SQLite's `text LIKE pattern ESCAPE '\'`.
bool likeMatch(std::string_view pattern, std::string_view text);

} // namespace cairn::query
