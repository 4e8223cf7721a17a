// Compiles a search tree to SQL over the store's schema. Every literal becomes a bound
// parameter: no text of the filter is ever spliced into the SQL.
//
// The fragments refer to the tables as the store's run query names them,
//   runs r JOIN experiments e ON e.id = r.experiment_id
// and call cairn_number(text) (parseNumber in search_values.h), which the store registers on
// each of its connections. A run lacking a key gives NULL, so it matches no comparison.
#pragma once

#include "engine/query/search_ast.h"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace cairn::query {

inline constexpr const char* kNumberFunction = "cairn_number";

using SqlParam = std::variant<double, std::string>;

struct SqlFragment {
    std::string sql;
    std::vector<SqlParam> params;  // in the order of the ?s in sql

    void append(const SqlFragment& other)
    {
        sql += other.sql;
        params.insert(params.end(), other.params.begin(), other.params.end());
    }
};

// A boolean SQL expression true exactly for the runs the filter matches. `nowMs` is the end
// of runs that have not ended, for duration.
SqlFragment whereSql(const Node& root, std::int64_t nowMs);

// The field's value for the run r: NULL when the run lacks it (and for NaN metrics).
SqlFragment valueSql(const Field& field, std::int64_t nowMs);

// Sorting by a field: a LEFT JOIN to add after the FROM clause (may be empty) and the ORDER
// BY terms. Runs lacking the field come last in both directions; params and tags sort
// numbers numerically before other text; ties keep the run's insertion order.
struct SqlOrder {
    SqlFragment join;
    SqlFragment terms;
};
SqlOrder orderSql(const Field& field, bool descending, std::int64_t nowMs);

} // namespace cairn::query
