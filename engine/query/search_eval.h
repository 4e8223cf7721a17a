// Evaluates a search tree against a run held in memory, with exactly the semantics of the SQL
// that search_sql.h makes: three-valued logic where a missing key (or a NaN metric) is unknown,
// `not unknown` is unknown, and unknown never matches; SQLite's LIKE (ASCII case-insensitive,
// % and _, backslash escapes). The store filters with SQL; this serves runs already in memory
// and checks the SQL in tests and benchmarks.
#pragma once

#include "engine/query/search_ast.h"
#include "engine/store/types.h"

#include <cstdint>
#include <string_view>

namespace cairn::query {

bool matches(const Node& root, const RunSummary& run, std::int64_t nowMs);

// SQLite's `text LIKE pattern ESCAPE '\'`.
bool likeMatch(std::string_view pattern, std::string_view text);

} // namespace cairn::query
