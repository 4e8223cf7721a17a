// The expectations file (YAML): rows: {min, max} and columns: {NAME: {EXPECTATION: VALUE}}.
#include "engine/analysis/validation.h"
#include "engine/core/text.h"
#include "engine/pipeline/yaml_value.h"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <fstream>
#include <regex>
#include <sstream>

namespace cairn::analysis {
namespace {

struct SpecError {
    std::string message;
};

std::string at(const std::string& path, const YAML::Mark& m)
{
    return path + ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1);
}

[[noreturn]] void fail(const std::string& path, const YAML::Node& n, const std::string& message)
{
    throw SpecError{at(path, n.Mark()) + ": " + message};
}

double number(const std::string& path, const YAML::Node& n, const std::string& what)
{
    double v = 0;
    if (!n.IsScalar() || !YAML::convert<double>::decode(n, v) || std::isnan(v))
        fail(path, n, "'" + what + "' must be a number, not " + (n.IsScalar() ? "'" + n.Scalar() + "'" : std::string("a list or mapping")));
    return v;
}

bool boolean(const std::string& path, const YAML::Node& n, const std::string& what)
{
    bool v = false;
    if (!n.IsScalar() || !YAML::convert<bool>::decode(n, v))
        fail(path, n, "'" + what + "' must be true or false");
    return v;
}

std::string unknown(const std::string& key, const std::vector<std::string>& known)
{
    std::string hint = didYouMean(key, known);
    std::string list;
    for (const auto& k : known)
        list += (list.empty() ? "" : ", ") + k;
    return "unknown expectation '" + key + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)") + "; expected one of " + list;
}

// {min: A, max: B}, either optional, min <= max.
std::pair<std::optional<double>, std::optional<double>> range(const std::string& path, const YAML::Node& n, const std::string& what)
{
    if (!n.IsMap())
        fail(path, n, "'" + what + "' must be a mapping such as {min: 1, max: 10}");
    std::optional<double> lo, hi;
    for (const auto& kv : n) {
        const std::string k = kv.first.as<std::string>("");
        if (k == "min")
            lo = number(path, kv.second, what + ".min");
        else if (k == "max")
            hi = number(path, kv.second, what + ".max");
        else
            fail(path, kv.first, "unknown field '" + what + "." + k + "' (expected min or max)");
    }
    if (!lo && !hi)
        fail(path, n, "'" + what + "' needs min, max or both");
    if (lo && hi && *lo > *hi)
        fail(path, n, "'" + what + "': min " + formatDouble(*lo) + " is greater than max " + formatDouble(*hi));
    return {lo, hi};
}

ColumnExpectations column(const std::string& path, const std::string& name, const YAML::Node& n)
{
    ColumnExpectations c;
    c.column = name;
    c.where = at(path, n.Mark());
    if (n.IsNull())
        return c;  // `age:` alone: the column must exist
    if (!n.IsMap())
        fail(path, n, "column '" + name + "' needs a mapping of expectations, e.g. {not_null: true, min: 0}");
    for (const auto& kv : n) {
        const std::string k = kv.first.as<std::string>("");
        const YAML::Node& v = kv.second;
        if (k == "exists") {
            if (!boolean(path, v, k))
                fail(path, v, "'exists: false' is not supported: list only the columns that must exist");
        } else if (k == "type") {
            const std::string t = v.IsScalar() ? v.Scalar() : "";
            if (t == "integer" || t == "int")
                c.type = ValueType::Integer;
            else if (t == "number" || t == "float" || t == "numeric")
                c.type = ValueType::Number;
            else if (t == "boolean" || t == "bool")
                c.type = ValueType::Boolean;
            else if (t == "date")
                c.type = ValueType::Date;
            else {
                std::string hint = didYouMean(t, {"integer", "number", "boolean", "date"});
                fail(path, v, "unknown type '" + t + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)")
                                  + "; expected integer, number, boolean or date (any value is text: use regex for its form)");
            }
        } else if (k == "not_null") {
            c.notNull = boolean(path, v, k);
        } else if (k == "unique") {
            c.unique = boolean(path, v, k);
        } else if (k == "min") {
            c.min = number(path, v, k);
        } else if (k == "max") {
            c.max = number(path, v, k);
        } else if (k == "allowed") {
            if (!v.IsSequence() || v.size() == 0)
                fail(path, v, "'allowed' must be a non-empty list of values, e.g. [CA, NY, TX]");
            std::vector<std::string> values;
            for (const auto& item : v) {
                if (!item.IsScalar())
                    fail(path, item, "'allowed' values must be plain values, not lists or mappings");
                values.push_back(item.Scalar());
            }
            c.allowed = values;
        } else if (k == "regex") {
            if (!v.IsScalar())
                fail(path, v, "'regex' must be a pattern string");
            try {
                std::regex test(v.Scalar(), std::regex::ECMAScript);
            } catch (const std::regex_error& e) {
                fail(path, v, "'regex' is not a valid pattern: " + std::string(e.what()));
            }
            c.regex = v.Scalar();
        } else if (k == "mean") {
            auto [lo, hi] = range(path, v, "mean");
            c.meanMin = lo;
            c.meanMax = hi;
        } else {
            fail(path, kv.first, unknown(k, expectationNames()));
        }
    }
    if (c.min && c.max && *c.min > *c.max)
        fail(path, n, "column '" + name + "': min " + formatDouble(*c.min) + " is greater than max " + formatDouble(*c.max));
    return c;
}

} // namespace

const std::vector<std::string>& expectationNames()
{
    static const std::vector<std::string> names = {"exists", "type", "not_null", "unique", "min", "max", "allowed", "regex", "mean"};
    return names;
}

const char* toString(ValueType t)
{
    switch (t) {
    case ValueType::Integer: return "integer";
    case ValueType::Number: return "number";
    case ValueType::Boolean: return "boolean";
    case ValueType::Date: return "date";
    }
    return "?";
}

Result<Expectations> parseExpectations(const std::string& text, const std::string& path)
{
    Expectations e;
    e.path = path;
    // The pipeline's YAML reader first: it refuses what makes yaml-cpp 0.7 hang (a stray ',')
    // and bounds alias expansion.
    if (auto checked = pipeline::parseYaml(text); checked.error)
        return makeError(path + ":" + std::to_string(checked.error->pos.line) + ":" + std::to_string(checked.error->pos.column)
                         + ": " + checked.error->message);
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::Exception& ex) {
        return makeError(at(path, ex.mark) + ": " + ex.msg);
    }
    try {
        if (!root || root.IsNull())
            return makeError(path + ": no expectations (expected 'columns:' and/or 'rows:')");
        if (!root.IsMap())
            fail(path, root, "the expectations must be a mapping with 'columns' and/or 'rows'");
        for (const auto& kv : root) {
            const std::string k = kv.first.as<std::string>("");
            if (k == "rows" || k == "row_count") {
                auto [lo, hi] = range(path, kv.second, k);
                for (auto [x, out] : {std::pair{lo, &e.rowsMin}, std::pair{hi, &e.rowsMax}}) {
                    if (!x)
                        continue;
                    if (*x < 0 || *x != std::floor(*x) || *x > 1e18)
                        fail(path, kv.second, "'" + k + "' bounds must be whole numbers >= 0");
                    *out = static_cast<std::size_t>(*x);
                }
            } else if (k == "columns") {
                if (!kv.second.IsMap())
                    fail(path, kv.second, "'columns' must map column names to their expectations");
                for (const auto& col : kv.second)
                    e.columns.push_back(column(path, col.first.as<std::string>(""), col.second));
            } else {
                std::string hint = didYouMean(k, {"columns", "rows"});
                fail(path, kv.first, "unknown key '" + k + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)")
                                         + "; expected columns or rows");
            }
        }
    } catch (const SpecError& ex) {
        return makeError(ex.message);
    } catch (const YAML::Exception& ex) {
        return makeError(at(path, ex.mark) + ": " + ex.msg);
    }
    if (e.columns.empty() && !e.rowsMin && !e.rowsMax)
        return makeError(path + ": no expectations (expected 'columns:' and/or 'rows:')");
    return e;
}

Result<Expectations> loadExpectations(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(path + ": cannot open the expectations file");
    std::ostringstream ss;
    ss << in.rdbuf();
    return parseExpectations(ss.str(), path);
}

} // namespace cairn::analysis
