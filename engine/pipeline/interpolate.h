// `${...}` as DVC defines it: `${a.b}`, `${list[0]}`, `\${` for a literal, a value alone
// in a string keeps its type, a mapping in `cmd` becomes `--key value` flags, anything
// else prints as DVC's to_str prints it.
#pragma once

#include "engine/pipeline/value.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cairn::pipeline {

// The variables a stage sees: the merged `vars`/params.yaml, plus `item` and `key` while
// foreach or matrix generate a stage.
struct Scope {
    const Value* vars = nullptr;  // a mapping
    const Value* item = nullptr;
    const Value* key = nullptr;
};

struct InterpolationError {
    std::size_t index = 0;  // byte index of the `${` in the string
    std::string message;
};

// One `${...}` found in a string.
struct Placeholder {
    std::size_t begin = 0;  // the `$`
    std::size_t end = 0;    // past the `}`
    std::string_view inner;
};

std::vector<Placeholder> findPlaceholders(std::string_view s);
bool hasPlaceholders(std::string_view s);

// "a.b[0]" -> {"a", "b", "0"}; false with a message for a malformed expression.
bool parseExpression(std::string_view inner, std::vector<std::string>& segments, std::string& error);

// The value at `segments`, or nullptr with a message naming what is missing.
const Value* select(const Scope& scope, const std::vector<std::string>& segments, std::string& error);

// Resolves every `${...}` in the strings of `v` (mapping keys too), as DVC does for the
// stage field `field` ("cmd", "deps"...; empty for foreach/matrix data, which may be lists
// and mappings). Errors are appended with the string value they come from.
struct ResolveProblem {
    SourcePos pos;           // of the string
    std::string text;        // the string
    InterpolationError error;
};
Value resolveValue(const Value& v, const Scope& scope, std::string_view field, std::vector<ResolveProblem>& problems);

// The variables: a mapping merged from params.yaml, `vars` files and `vars` mappings.
class VarContext {
public:
    VarContext() : m_root(Value::map()) {}
    const Value& root() const { return m_root; }
    // Merges mapping `m`; a key both define is an error, as in DVC ("cannot redefine ...").
    // Returns the message, empty when merged.
    std::string merge(const Value& m, const std::string& source);
    // Records a params file loaded into the context (whole or some keys); returns a message
    // when DVC would refuse the combination.
    std::string noteImport(const std::string& path, const std::vector<std::string>& keys, bool& alreadyLoaded);

private:
    Value m_root;
    std::map<std::string, std::string> m_sources;  // top-level key -> where it came from
    std::map<std::string, std::optional<std::vector<std::string>>> m_imports;
};

// shlex.quote.
std::string shellQuoteLikePython(const std::string& s);

} // namespace cairn::pipeline
