// The run search language's syntax tree (docs/search.md). Plain values: no SQL, no Qt.
// The parser (search_parser.h) builds it with every literal already checked and converted,
// so the SQL compiler (search_sql.h) and the in-memory evaluator (search_eval.h) never fail.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cairn::query {

enum class Attribute { Id, Name, Experiment, Status, User, Host, Command, ExitCode, Start, Duration };
// Source: a value from outside the run (e.g. drift.share), read by a gate's resolver
// (engine/registry/gate_sources.h); only parsed when SearchOptions names the source.
enum class FieldKind { Attribute, Param, Tag, Metric, Source };
enum class MetricStat { Last, Min, Max, Count };

// Something a run has: an attribute, a param, a tag, or a metric summary.
struct Field {
    FieldKind kind = FieldKind::Attribute;
    Attribute attribute = Attribute::Name;  // kind == Attribute
    std::string key;                        // params, tags, metrics and sources
    std::string source;                     // kind == Source: the prefix ("drift")
    MetricStat stat = MetricStat::Last;     // metrics: last(), min(), max(), count()

    // Compares as a number: metrics, exit_code, start (epoch ms), duration (ms).
    bool numeric() const;
    bool operator==(const Field&) const = default;
};

// A literal after checking: numbers for numeric fields (start in epoch ms, duration in ms),
// text for text fields. For params and tags a number means "compare numerically".
struct Value {
    bool isNumber = false;
    double number = 0.0;
    std::string text;  // strings; for numbers, the literal as written
};

enum class Op { Eq, Ne, Lt, Le, Gt, Ge, In, NotIn, Like, NotLike, IsNull, IsNotNull };

struct Node {
    enum class Kind { And, Or, Not, Predicate };
    Kind kind = Kind::Predicate;
    std::vector<Node> children;  // And, Or: two or more; Not: one
    Field field;                 // Predicate
    Op op = Op::Eq;
    std::vector<Value> values;   // comparisons and like: one; in: one or more; is null: none
};

// Where a filter is wrong: the 1-based column (in characters) and what is wrong there.
struct SearchError {
    int column = 1;
    std::string message;

    std::string text() const { return "column " + std::to_string(column) + ": " + message; }
};

// The attribute's name in the language ("exit_code").
const char* attributeName(Attribute a);
std::optional<Attribute> attributeFromName(std::string_view name);  // case-insensitive
const std::vector<std::string>& attributeNames();
// A field as the language spells it: "status", "params.lr", "min(metrics.loss)",
// "metrics.`my key`" (backquoted when the key has characters a bare key cannot hold).
std::string fieldText(const Field& f);

} // namespace cairn::query
