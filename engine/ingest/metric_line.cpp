#include "engine/ingest/metric_line.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

namespace cairn::ingest {
namespace {

bool isSpace(char c) { return c == ' ' || c == '\t'; }

std::string printable(std::string_view s, std::size_t max = 40)
{
    std::string out;
    for (char c : s.substr(0, max)) {
        auto u = static_cast<unsigned char>(c);
        out += (u < 0x20 || u == 0x7f) ? '?' : c;
    }
    if (s.size() > max)
        out += "...";
    return out;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

// Splits off the next token: key=value where value may be a double-quoted string.
// Returns false with `error` set on a malformed token.
bool nextPair(std::string_view& rest, std::string_view& key, std::string& value, bool& quoted, std::string& error)
{
    std::size_t eq = 0;
    while (eq < rest.size() && rest[eq] != '=' && !isSpace(rest[eq]))
        ++eq;
    if (eq == rest.size() || rest[eq] != '=') {
        error = "expected key=value, got '" + printable(rest.substr(0, eq)) + "'";
        return false;
    }
    key = rest.substr(0, eq);
    rest.remove_prefix(eq + 1);
    value.clear();
    quoted = !rest.empty() && rest[0] == '"';
    if (quoted) {
        std::size_t i = 1;
        for (; i < rest.size() && rest[i] != '"'; ++i) {
            if (rest[i] == '\\' && i + 1 < rest.size() && (rest[i + 1] == '"' || rest[i + 1] == '\\'))
                ++i;
            value += rest[i];
        }
        if (i == rest.size()) {
            error = "unterminated quoted value of '" + printable(key) + "'";
            return false;
        }
        rest.remove_prefix(i + 1);
        if (!rest.empty() && !isSpace(rest[0])) {
            error = "expected a space after the quoted value of '" + printable(key) + "'";
            return false;
        }
    } else {
        std::size_t end = 0;
        while (end < rest.size() && !isSpace(rest[end]))
            ++end;
        value.assign(rest.substr(0, end));
        rest.remove_prefix(end);
        if (value.empty()) {
            error = "empty value for '" + printable(key) + "'";
            return false;
        }
    }
    return true;
}

} // namespace

void ParsedLine::clear()
{
    kind = LineKind::Output;
    step.reset();
    metrics.clear();
    values.clear();
    error.clear();
}

bool isValidKey(std::string_view key)
{
    if (key.empty() || key.size() > kMaxKeyLength)
        return false;
    return std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
               || c == '-' || c == '/';
    });
}

std::optional<double> parseMetricValue(std::string_view text)
{
    if (text.empty())
        return std::nullopt;
    bool negative = false;
    std::string_view body = text;
    if (body[0] == '+' || body[0] == '-') {
        negative = body[0] == '-';
        body.remove_prefix(1);
    }
    if (body.empty())
        return std::nullopt;
    if (equalsIgnoreCase(body, "nan"))
        return std::numeric_limits<double>::quiet_NaN();
    if (equalsIgnoreCase(body, "inf") || equalsIgnoreCase(body, "infinity"))
        return negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    // from_chars accepts no sign and no hex here: only decimal and scientific notation.
    if (!(std::isdigit(static_cast<unsigned char>(body[0])) || body[0] == '.'))
        return std::nullopt;
    double v = 0;
    auto [ptr, ec] = std::from_chars(body.data(), body.data() + body.size(), v, std::chars_format::general);
    if (ptr != body.data() + body.size())
        return std::nullopt;
    if (ec == std::errc::result_out_of_range) {
        // Overflow to +/-inf would be a surprise: refuse it. Underflow to 0 (or a
        // subnormal) is harmless: accept what strtod makes of it.
        std::string copy(body);
        double d = std::strtod(copy.c_str(), nullptr);
        if (std::isinf(d))
            return std::nullopt;
        return negative ? -d : d;
    }
    if (ec != std::errc())
        return std::nullopt;
    return negative ? -v : v;
}

LineKind parseLine(std::string_view line, ParsedLine& out)
{
    out.clear();
    if (!line.starts_with(kPrefix))
        return out.kind = LineKind::Output;
    std::string_view rest = line.substr(kPrefix.size());
    std::size_t nameEnd = 0;
    while (nameEnd < rest.size() && !isSpace(rest[nameEnd]))
        ++nameEnd;
    std::string_view directive = rest.substr(0, nameEnd);
    rest.remove_prefix(nameEnd);
    auto fail = [&](std::string message) {
        out.error = std::move(message);
        return out.kind = LineKind::Malformed;
    };
    LineKind kind;
    if (directive == "metric")
        kind = LineKind::Metric;
    else if (directive == "param")
        kind = LineKind::Param;
    else if (directive == "tag")
        kind = LineKind::Tag;
    else if (directive == "input")
        kind = LineKind::Input;
    else if (directive == "output")
        kind = LineKind::OutputArtifact;
    else
        return fail("unknown directive 'cairn:" + printable(directive)
                    + "' (expected cairn:metric, cairn:param, cairn:tag, cairn:input or cairn:output)");
    const bool artifactLine = kind == LineKind::Input || kind == LineKind::OutputArtifact;

    std::string_view key;
    std::string value;
    bool quoted = false;
    for (;;) {
        while (!rest.empty() && isSpace(rest.front()))
            rest.remove_prefix(1);
        if (rest.empty())
            break;
        if (!nextPair(rest, key, value, quoted, out.error))
            return out.kind = LineKind::Malformed;
        if (kind == LineKind::Metric && key == "step") {
            if (out.step)
                return fail("step given twice");
            std::int64_t step = -1;
            auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), step);
            if (quoted || ec != std::errc() || ptr != value.data() + value.size() || step < 0)
                return fail("step must be a whole number >= 0, got '" + printable(value) + "'");
            out.step = step;
            continue;
        }
        if (artifactLine && key != "path" && key != "name" && key != "type")
            return fail("unknown field '" + printable(key) + "' (expected path=, name= or type=)");
        if (artifactLine && key == "type" && value != "dataset" && value != "model" && value != "file")
            return fail("type must be dataset, model or file, not '" + printable(value) + "'");
        if (!isValidKey(key)) {
            if (key.size() > kMaxKeyLength)
                return fail("key longer than " + std::to_string(kMaxKeyLength) + " characters");
            return fail("invalid key '" + printable(key) + "': keys use letters, digits and _ . - /");
        }
        if (kind == LineKind::Metric) {
            if (quoted)
                return fail("value of metric '" + std::string(key) + "' is quoted; metric values are numbers");
            auto v = parseMetricValue(value);
            if (!v)
                return fail("value of metric '" + std::string(key) + "' is not a number: '" + printable(value) + "'");
            for (const auto& m : out.metrics)
                if (m.first == key)
                    return fail("metric '" + std::string(key) + "' given twice on one line");
            out.metrics.emplace_back(std::string(key), *v);
        } else {
            for (const auto& m : out.values)
                if (m.first == key)
                    return fail("'" + std::string(key) + "' given twice on one line");
            out.values.emplace_back(std::string(key), value);
        }
    }
    if (kind == LineKind::Metric && out.metrics.empty())
        return fail(out.step ? "a step but no metric (expected key=value after step=N)"
                             : "no metric on the line (expected cairn:metric [step=N] key=value ...)");
    if (artifactLine && std::none_of(out.values.begin(), out.values.end(), [](const auto& kv) { return kv.first == "path"; }))
        return fail(std::string("cairn:") + std::string(directive) + " needs path=...");
    if (kind != LineKind::Metric && out.values.empty())
        return fail(std::string("nothing to record (expected cairn:") + std::string(directive) + " key=value ...)");
    return out.kind = kind;
}

} // namespace cairn::ingest
