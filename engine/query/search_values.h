// Literal values of the search language: numbers in params, dates, durations, statuses.
#pragma once

#include "engine/query/search_ast.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cairn::query {

// A param or tag value read as a number: the whole text must be one ("0.01", "-3", "1e-4",
// "inf"); NaN and anything else is not a number. The store's SQL function cairn_number()
// and the in-memory evaluator both use this, so they agree on every value.
std::optional<double> parseNumber(std::string_view text);

// 'YYYY-MM-DD', 'YYYY-MM-DD HH:MM' or 'YYYY-MM-DD HH:MM:SS' (a 'T' may replace the space)
// in local time, as Unix epoch milliseconds.
std::optional<std::int64_t> parseLocalDate(std::string_view text);

// Milliseconds in one `unit` of a duration: ms, s, m, min, h, d; nullopt for another.
std::optional<double> durationUnitMs(std::string_view unit);
// '90' (seconds), '90s', '5m', '1.5h', '1h30m' as milliseconds.
std::optional<double> parseDurationMs(std::string_view text);

// A literal as the parser read it.
struct Literal {
    bool isNumber = false;
    double number = 0.0;
    std::string text;  // strings: decoded; numbers: the digits as written
    std::string unit;  // numbers: the letters after the digits
};

// Checks a literal against the field it is compared with and converts it (dates and durations
// to milliseconds, statuses to lower case). Returns the message of what is wrong instead.
std::optional<std::string> checkValue(const Field& field, Op op, const Literal& literal, Value& out);

} // namespace cairn::query
