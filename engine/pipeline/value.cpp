#include "engine/pipeline/value.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace cairn::pipeline {

Value Value::null(SourcePos pos)
{
    Value v;
    v.m_pos = pos;
    return v;
}

Value Value::boolean(bool b, SourcePos pos)
{
    Value v;
    v.m_kind = Kind::Bool;
    v.m_bool = b;
    v.m_pos = pos;
    return v;
}

Value Value::integer(long long i, std::string text, SourcePos pos)
{
    Value v;
    v.m_kind = Kind::Int;
    v.m_int = i;
    v.m_text = std::move(text);
    v.m_pos = pos;
    return v;
}

Value Value::floating(double f, SourcePos pos)
{
    Value v;
    v.m_kind = Kind::Float;
    v.m_float = f;
    v.m_pos = pos;
    return v;
}

Value Value::string(std::string s, SourcePos pos, bool quoted)
{
    Value v;
    v.m_kind = Kind::String;
    v.m_text = std::move(s);
    v.m_pos = pos;
    v.m_quoted = quoted;
    return v;
}

Value Value::list(SourcePos pos)
{
    Value v;
    v.m_kind = Kind::List;
    v.m_pos = pos;
    return v;
}

Value Value::map(SourcePos pos)
{
    Value v;
    v.m_kind = Kind::Map;
    v.m_pos = pos;
    return v;
}

const Value* Value::find(std::string_view key) const
{
    for (const auto& [k, v] : m_entries)
        if (k.isScalar() && scalarText(k) == key)
            return &v;
    return nullptr;
}

Value* Value::find(std::string_view key)
{
    return const_cast<Value*>(static_cast<const Value*>(this)->find(key));
}

std::string Value::kindName(Kind k)
{
    switch (k) {
    case Kind::Null: return "null";
    case Kind::Bool: return "a boolean";
    case Kind::Int: return "an integer";
    case Kind::Float: return "a number";
    case Kind::String: return "a string";
    case Kind::List: return "a list";
    case Kind::Map: return "a mapping";
    }
    return "?";
}

std::string Value::kindName() const { return kindName(m_kind); }

std::string pythonFloat(double d)
{
    if (std::isnan(d))
        return "nan";
    if (std::isinf(d))
        return d < 0 ? "-inf" : "inf";
    if (d == 0)
        return std::signbit(d) ? "-0.0" : "0.0";
    // Shortest round-trip digits, then Python's layout: fixed for 1e-4 <= |d| < 1e16.
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    std::string sci(buf, res.ptr);
    std::string sign;
    if (sci[0] == '-') {
        sign = "-";
        sci.erase(0, 1);
    }
    const auto e = sci.find('e');
    std::string digits = sci.substr(0, e);
    const int exp = std::atoi(sci.c_str() + e + 1);
    digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
    if (exp >= -4 && exp < 16) {
        std::string out;
        if (exp < 0) {
            out = "0." + std::string(static_cast<std::size_t>(-exp - 1), '0') + digits;
        } else if (static_cast<std::size_t>(exp) + 1 >= digits.size()) {
            out = digits + std::string(static_cast<std::size_t>(exp) + 1 - digits.size(), '0') + ".0";
        } else {
            out = digits.substr(0, static_cast<std::size_t>(exp) + 1) + "." + digits.substr(static_cast<std::size_t>(exp) + 1);
        }
        return sign + out;
    }
    std::string mant = digits.substr(0, 1);
    if (digits.size() > 1)
        mant += "." + digits.substr(1);
    std::string ex = std::to_string(std::abs(exp));
    if (ex.size() < 2)
        ex = "0" + ex;
    return sign + mant + "e" + (exp < 0 ? "-" : "+") + ex;
}

std::string scalarText(const Value& v)
{
    switch (v.kind()) {
    case Value::Kind::Null: return "None";
    case Value::Kind::Bool: return v.asBool() ? "true" : "false";
    case Value::Kind::Int: return v.text();
    case Value::Kind::Float: return pythonFloat(v.asFloat());
    case Value::Kind::String: return v.text();
    default: return {};
    }
}

namespace {

bool allDigits(std::string_view s, int base)
{
    if (s.empty())
        return false;
    for (char c : s) {
        const bool ok = base == 16 ? std::isxdigit(static_cast<unsigned char>(c)) != 0
                        : base == 8 ? (c >= '0' && c <= '7')
                                    : (c >= '0' && c <= '9');
        if (!ok)
            return false;
    }
    return true;
}

Value makeInt(std::string_view digits, int base, bool negative, SourcePos pos)
{
    unsigned long long u = 0;
    auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), u, base);
    if (ec == std::errc() && p == digits.data() + digits.size() && u <= 9223372036854775807ULL) {
        long long i = negative ? -static_cast<long long>(u) : static_cast<long long>(u);
        return Value::integer(i, std::to_string(i), pos);
    }
    if (base == 10) {  // bigger than 64 bits: keep the digits, as Python's int would print them
        std::size_t nz = digits.find_first_not_of('0');
        std::string text = nz == std::string_view::npos ? "0" : std::string(digits.substr(nz));
        return Value::integer(0, (negative && text != "0" ? "-" : "") + text, pos);
    }
    return Value::floating(std::strtod(std::string(digits).c_str(), nullptr), pos);
}

bool isCoreFloat(std::string_view s)
{
    // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '-' || s[i] == '+'))
        ++i;
    std::size_t intDigits = 0, fracDigits = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
        ++i;
        ++intDigits;
    }
    bool dot = false;
    if (i < s.size() && s[i] == '.') {
        dot = true;
        ++i;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
            ++i;
            ++fracDigits;
        }
    }
    if (intDigits == 0 && fracDigits == 0)
        return false;
    if (intDigits == 0 && !dot)
        return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '-' || s[i] == '+'))
            ++i;
        std::size_t expDigits = 0;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
            ++i;
            ++expDigits;
        }
        if (expDigits == 0)
            return false;
    }
    return i == s.size();
}

} // namespace

Value typedPlainScalar(const std::string& text, SourcePos pos)
{
    const std::string_view s = text;
    if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL")
        return Value::null(pos);
    if (s == "true" || s == "True" || s == "TRUE")
        return Value::boolean(true, pos);
    if (s == "false" || s == "False" || s == "FALSE")
        return Value::boolean(false, pos);
    {
        std::string_view body = s;
        bool negative = false;
        if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
            negative = body[0] == '-';
            body.remove_prefix(1);
        }
        if (allDigits(body, 10))
            return makeInt(body, 10, negative, pos);
    }
    if (s.size() > 2 && s[0] == '0' && s[1] == 'o' && allDigits(s.substr(2), 8))
        return makeInt(s.substr(2), 8, false, pos);
    if (s.size() > 2 && s[0] == '0' && s[1] == 'x' && allDigits(s.substr(2), 16))
        return makeInt(s.substr(2), 16, false, pos);
    if (isCoreFloat(s))
        return Value::floating(std::strtod(text.c_str(), nullptr), pos);
    {
        std::string_view body = s;
        bool negative = false;
        if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
            negative = body[0] == '-';
            body.remove_prefix(1);
        }
        if (body == ".inf" || body == ".Inf" || body == ".INF")
            return Value::floating(negative ? -HUGE_VAL : HUGE_VAL, pos);
    }
    if (s == ".nan" || s == ".NaN" || s == ".NAN")
        return Value::floating(std::nan(""), pos);
    return Value::string(text, pos);
}

} // namespace cairn::pipeline
