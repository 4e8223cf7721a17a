// The run search language (docs/search.md): a filter such as
//   metrics.acc > 0.9 and params.lr = '0.01' and not status in ('failed', 'killed')
// parsed by recursive descent into a checked syntax tree. Shared by the CLI (cairn runs
// --filter), the store (RunFilter::where) and the workbench's filter box.
#pragma once

#include "engine/query/search_ast.h"

#include <optional>
#include <string>
#include <vector>
#include <string_view>

namespace cairn::query {

// Limits that keep a filter's SQL inside SQLite's own limits.
inline constexpr int kMaxNesting = 64;       // parentheses and nots inside each other
inline constexpr int kMaxConditions = 256;   // comparisons in one filter
inline constexpr int kMaxValues = 1000;      // literals in one filter

struct SearchParse {
    std::optional<Node> root;          // empty for a blank filter: every run matches
    std::optional<SearchError> error;  // set when the filter is wrong (root is then empty)
    bool ok() const { return !error.has_value(); }
};

// What a filter may name beyond a run's own fields. Gates (engine/registry) add the sources
// their resolvers serve, e.g. {"drift", "validation"}: `drift.share` then parses as a
// FieldKind::Source field. Run search passes none, so a source there is an unknown field.
struct SearchOptions {
    std::vector<std::string> sources;
};

SearchParse parseSearch(std::string_view text);
SearchParse parseSearch(std::string_view text, const SearchOptions& options);

// Only whether (and where) the filter is wrong: what a filter box underlines as one types.
// A blank filter is fine.
std::optional<SearchError> searchError(std::string_view text);

// One field alone, as a sort key or a column: "metrics.acc", "min(metrics.loss)", "start".
struct FieldParse {
    Field field;
    std::optional<SearchError> error;
    bool ok() const { return !error.has_value(); }
};
FieldParse parseField(std::string_view text);

} // namespace cairn::query
