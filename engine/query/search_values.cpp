#include "engine/query/search_values.h"

#include "engine/core/text.h"

#include <charconv>
#include <cmath>
#include <ctime>
#include <vector>

namespace cairn::query {
namespace {

const std::vector<std::string>& statusNames()
{
    static const std::vector<std::string> names = {"queued", "running", "finished", "failed", "killed"};
    return names;
}

// Reads exactly `n` digits at `pos`.
bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out)
{
    if (pos + n > s.size())
        return false;
    out = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

int daysInMonth(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

std::string quoted(const Literal& l) { return l.isNumber ? l.text + l.unit : "'" + l.text + "'"; }

} // namespace

std::optional<double> parseNumber(std::string_view text)
{
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
        if (!text.empty() && text.front() == '-')
            return std::nullopt;
    }
    double v = 0.0;
    auto res = std::from_chars(text.data(), text.data() + text.size(), v);
    if (res.ec != std::errc() || res.ptr != text.data() + text.size() || std::isnan(v))
        return std::nullopt;
    return v;
}

std::optional<std::int64_t> parseLocalDate(std::string_view s)
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!digits(s, 0, 4, year) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, month) || s[7] != '-'
        || !digits(s, 8, 2, day))
        return std::nullopt;
    if (s.size() > 10) {
        if ((s[10] != ' ' && s[10] != 'T') || !digits(s, 11, 2, hour) || s.size() < 16 || s[13] != ':'
            || !digits(s, 14, 2, minute))
            return std::nullopt;
        if (s.size() > 16 && (s[16] != ':' || !digits(s, 17, 2, second) || s.size() != 19))
            return std::nullopt;
    }
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    std::tm tm{};
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_min = minute;
    tm.tm_sec = second;
    tm.tm_isdst = -1;  // local time, with or without daylight saving as it was that day
    std::time_t t = std::mktime(&tm);
    if (t == static_cast<std::time_t>(-1) && !(year == 1969 && month == 12 && day == 31))
        return std::nullopt;
    return static_cast<std::int64_t>(t) * 1000;
}

std::optional<double> durationUnitMs(std::string_view unit)
{
    const std::string u = asciiLower(unit);
    if (u == "ms")
        return 1.0;
    if (u == "s" || u == "sec")
        return 1000.0;
    if (u == "m" || u == "min")
        return 60000.0;
    if (u == "h")
        return 3600000.0;
    if (u == "d")
        return 86400000.0;
    return std::nullopt;
}

std::optional<double> parseDurationMs(std::string_view text)
{
    if (auto seconds = parseNumber(text))
        return *seconds * 1000.0;
    // One or more NUMBER UNIT parts: 90s, 1h30m.
    double total = 0.0;
    std::size_t i = 0;
    if (text.empty())
        return std::nullopt;
    while (i < text.size()) {
        std::size_t numEnd = i;
        while (numEnd < text.size() && ((text[numEnd] >= '0' && text[numEnd] <= '9') || text[numEnd] == '.'
                                        || (numEnd == i && text[numEnd] == '-')))
            ++numEnd;
        std::size_t unitEnd = numEnd;
        while (unitEnd < text.size() && ((text[unitEnd] >= 'a' && text[unitEnd] <= 'z') || (text[unitEnd] >= 'A' && text[unitEnd] <= 'Z')))
            ++unitEnd;
        auto n = parseNumber(text.substr(i, numEnd - i));
        auto unit = durationUnitMs(text.substr(numEnd, unitEnd - numEnd));
        if (!n || !unit || unitEnd == numEnd)
            return std::nullopt;
        total += *n * *unit;
        i = unitEnd;
    }
    return total;
}

std::optional<std::string> checkValue(const Field& field, Op op, const Literal& literal, Value& out)
{
    const std::string name = fieldText(field);
    const bool isDuration = field.kind == FieldKind::Attribute && field.attribute == Attribute::Duration;
    if (literal.isNumber && !literal.unit.empty() && !isDuration)
        return "'" + literal.text + literal.unit + "' is not a number (units like 5m only apply to duration)";
    out = Value{};
    if (field.kind == FieldKind::Metric || (field.kind == FieldKind::Attribute && field.attribute == Attribute::ExitCode)) {
        if (!literal.isNumber)
            return name + " is a number: compare it with a number, not " + quoted(literal);
        out.isNumber = true;
        out.number = literal.number;
        out.text = literal.text;
        return std::nullopt;
    }
    if (field.kind == FieldKind::Param || field.kind == FieldKind::Tag || field.kind == FieldKind::Source) {
        out.isNumber = literal.isNumber;  // a number compares numerically
        out.number = literal.number;
        out.text = literal.text;
        return std::nullopt;
    }
    switch (field.attribute) {
    case Attribute::Start: {
        out.isNumber = true;
        out.text = literal.text;
        if (literal.isNumber) {
            out.number = literal.number;
            return std::nullopt;
        }
        if (auto ms = parseLocalDate(literal.text)) {
            out.number = static_cast<double>(*ms);
            return std::nullopt;
        }
        if (auto ms = parseNumber(literal.text)) {
            out.number = *ms;
            return std::nullopt;
        }
        return "expected a date 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM[:SS]' (local time) or epoch milliseconds for start, found "
               + quoted(literal);
    }
    case Attribute::Duration: {
        out.isNumber = true;
        out.text = literal.text + literal.unit;
        std::optional<double> ms;
        if (literal.isNumber) {
            auto unit = literal.unit.empty() ? std::optional<double>(1000.0) : durationUnitMs(literal.unit);
            if (unit)
                ms = literal.number * *unit;
        } else {
            ms = parseDurationMs(literal.text);
        }
        if (!ms)
            return "expected a duration in seconds (90) or with a unit (90s, 5m, 2h, '1h30m') for duration, found "
                   + quoted(literal);
        out.number = *ms;
        return std::nullopt;
    }
    case Attribute::Status: {
        out.text = literal.isNumber ? literal.text : asciiLower(literal.text);
        if (op == Op::Like || op == Op::NotLike)
            out.text = literal.text;
        if (op == Op::Eq || op == Op::Ne || op == Op::In || op == Op::NotIn) {
            bool known = false;
            for (const auto& s : statusNames())
                known = known || s == out.text;
            if (!known) {
                std::string hint = didYouMean(out.text, statusNames());
                return "unknown status " + quoted(literal) + (hint.empty() ? "" : " (did you mean '" + hint + "'?)")
                       + "; a status is queued, running, finished, failed or killed";
            }
        }
        return std::nullopt;
    }
    default:  // text attributes: a number is its text as written
        out.text = literal.text;
        return std::nullopt;
    }
}

} // namespace cairn::query
