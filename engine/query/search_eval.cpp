#include "engine/query/search_eval.h"

#include "engine/query/search_values.h"

#include <cmath>

namespace cairn::query {
namespace {

using Tri = Truth;

Tri tri(bool b) { return b ? Tri::True : Tri::False; }

struct Scalar {
    bool null = true;
    bool isNumber = false;
    double number = 0.0;
    std::string_view text;
};

Scalar number(double v)
{
    if (std::isnan(v))
        return {};  // SQLite stores NaN as NULL
    return {false, true, v, {}};
}

Scalar text(std::string_view v) { return {false, false, 0.0, v}; }

bool isPair(const Field& f) { return f.kind == FieldKind::Param || f.kind == FieldKind::Tag || f.kind == FieldKind::Source; }

FieldValue numberValue(double v) { return {true, true, v, {}}; }
FieldValue textValue(const std::string& v) { return {true, false, 0.0, v}; }

// What a comparison sees of a read value: a NaN number or a missing value is NULL.
Scalar scalarOf(const FieldValue& v)
{
    if (!v.present)
        return {};
    return v.isNumber ? number(v.number) : text(v.text);
}

} // namespace

FieldValue runFieldValue(const Field& f, const RunSummary& rs, std::int64_t nowMs)
{
    const Run& r = rs.run;
    switch (f.kind) {
    case FieldKind::Metric: {
        auto it = rs.metrics.find(f.key);
        if (it == rs.metrics.end())
            return {};
        const MetricSummary& m = it->second;
        switch (f.stat) {
        case MetricStat::Min: return numberValue(m.min);
        case MetricStat::Max: return numberValue(m.max);
        case MetricStat::Count: return numberValue(static_cast<double>(m.count));
        case MetricStat::Last: return numberValue(m.last);
        }
        return {};
    }
    case FieldKind::Param:
    case FieldKind::Tag: {
        const auto& map = f.kind == FieldKind::Param ? r.params : r.tags;
        auto it = map.find(f.key);
        return it == map.end() ? FieldValue{} : textValue(it->second);
    }
    case FieldKind::Source: return {};  // a run has none: gates read sources themselves
    case FieldKind::Attribute: break;
    }
    switch (f.attribute) {
    case Attribute::Id: return textValue(r.id);
    case Attribute::Name: return textValue(r.name);
    case Attribute::Experiment: return textValue(r.experiment);
    case Attribute::Status: return textValue(std::string(toString(r.status)));
    case Attribute::User: return textValue(r.user);
    case Attribute::Host: return textValue(r.host);
    case Attribute::Command: return textValue(r.command);
    case Attribute::ExitCode: return r.exitCode ? numberValue(*r.exitCode) : FieldValue{};
    case Attribute::Start: return r.startMs != 0 ? numberValue(static_cast<double>(r.startMs)) : FieldValue{};
    case Attribute::Duration:
        if (r.startMs <= 0)
            return {};
        if (r.endMs > 0)
            return numberValue(static_cast<double>(r.endMs - r.startMs));
        return numberValue(static_cast<double>(nowMs) - static_cast<double>(r.startMs));
    }
    return {};
}

namespace {
template <typename T>
Tri compare(const T& a, const T& b, Op op)
{
    switch (op) {
    case Op::Eq: return tri(a == b);
    case Op::Ne: return tri(a != b);
    case Op::Lt: return tri(a < b);
    case Op::Le: return tri(a <= b);
    case Op::Gt: return tri(a > b);
    case Op::Ge: return tri(a >= b);
    default: return Tri::Unknown;
    }
}

// The value as the comparison with `lit` sees it: params and tags read as numbers against a
// number literal (NULL when not one).
Scalar operand(const Field& f, const Scalar& v, const Value& lit)
{
    if (v.null || v.isNumber || !isPair(f) || !lit.isNumber)
        return v;
    auto n = parseNumber(v.text);
    return n ? number(*n) : Scalar{};
}

Tri equalsAny(const Field& f, const Scalar& v, const std::vector<Value>& values, bool numbers)
{
    Scalar x = v;
    if (numbers && isPair(f) && !v.isNumber) {
        auto n = parseNumber(v.text);
        if (!n)
            return Tri::Unknown;
        x = number(*n);
    }
    for (const Value& lit : values) {
        if (lit.isNumber != numbers)
            continue;
        if (numbers ? x.number == lit.number : x.text == lit.text)
            return Tri::True;
    }
    return Tri::False;
}

Tri inList(const Field& f, const Scalar& v, const std::vector<Value>& values)
{
    if (v.null)
        return Tri::Unknown;
    bool anyNumber = false, anyText = false;
    for (const Value& lit : values)
        (lit.isNumber ? anyNumber : anyText) = true;
    if (!isPair(f) || !anyText || !anyNumber)
        return equalsAny(f, v, values, anyNumber);
    // Mixed list: a non-number value just does not match the numbers.
    if (equalsAny(f, v, values, true) == Tri::True)
        return Tri::True;
    return equalsAny(f, v, values, false);
}

Tri negate(Tri t) { return t == Tri::Unknown ? t : tri(t == Tri::False); }

Tri predicate(const Node& n, const FieldReader& read)
{
    const Field& f = n.field;
    const FieldValue value = read(f);
    if (n.op == Op::IsNull || n.op == Op::IsNotNull)
        return tri(value.present == (n.op == Op::IsNotNull));
    const Scalar v = scalarOf(value);
    switch (n.op) {
    case Op::In: return inList(f, v, n.values);
    case Op::NotIn: return negate(inList(f, v, n.values));
    case Op::Like:
    case Op::NotLike: {
        if (v.null)
            return Tri::Unknown;
        bool m = likeMatch(n.values.front().text, v.text);
        return tri(n.op == Op::Like ? m : !m);
    }
    default: break;
    }
    const Value& lit = n.values.front();
    const Scalar x = operand(f, v, lit);
    if (x.null)
        return Tri::Unknown;
    if (x.isNumber)
        return compare(x.number, lit.number, n.op);
    return compare(x.text, std::string_view(lit.text), n.op);
}

Tri eval(const Node& n, const FieldReader& read)
{
    switch (n.kind) {
    case Node::Kind::Predicate: return predicate(n, read);
    case Node::Kind::Not: return negate(eval(n.children.front(), read));
    case Node::Kind::And: {
        Tri out = Tri::True;
        for (const Node& c : n.children) {
            Tri t = eval(c, read);
            if (t == Tri::False)
                return Tri::False;
            if (t == Tri::Unknown)
                out = Tri::Unknown;
        }
        return out;
    }
    case Node::Kind::Or: {
        Tri out = Tri::False;
        for (const Node& c : n.children) {
            Tri t = eval(c, read);
            if (t == Tri::True)
                return Tri::True;
            if (t == Tri::Unknown)
                out = Tri::Unknown;
        }
        return out;
    }
    }
    return Tri::Unknown;
}

// SQLite's patternCompare() for LIKE with ESCAPE '\': reads UTF-8 characters, folds ASCII case.
enum class Like { Match, NoMatch, NoWildcardMatch };

char32_t readChar(std::string_view s, std::size_t& i)
{
    if (i >= s.size() || s[i] == '\0')
        return 0;
    auto c = static_cast<unsigned char>(s[i++]);
    if (c < 0xC0)
        return c;
    char32_t v = c < 0xE0 ? c & 0x1F : c < 0xF0 ? c & 0x0F : c < 0xF8 ? c & 0x07 : c < 0xFC ? c & 0x03 : c & 0x01;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80)
        v = (v << 6) + (static_cast<unsigned char>(s[i++]) & 0x3F);
    if (v < 0x80 || (v & 0xFFFFF800) == 0xD800 || (v & 0xFFFFFFFE) == 0xFFFE)
        v = 0xFFFD;
    return v;
}

char32_t foldAscii(char32_t c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; }

Like pattern(std::string_view p, std::size_t pi, std::string_view s, std::size_t si)
{
    std::size_t escapedAt = std::string_view::npos;
    for (;;) {
        char32_t c = readChar(p, pi);
        if (c == 0)
            break;
        if (c == '%') {
            while ((c = readChar(p, pi)) == '%' || c == '_') {
                if (c == '_' && readChar(s, si) == 0)
                    return Like::NoWildcardMatch;
            }
            if (c == 0)
                return Like::Match;
            if (c == '\\') {
                c = readChar(p, pi);
                if (c == 0)
                    return Like::NoWildcardMatch;
            }
            // Try every place in the text where the next pattern character matches.
            for (;;) {
                char32_t c2 = readChar(s, si);
                if (c2 == 0)
                    break;
                if (!(c2 == c || (c < 0x80 && c2 < 0x80 && foldAscii(c) == foldAscii(c2))))
                    continue;
                Like m = pattern(p, pi, s, si);
                if (m != Like::NoMatch)
                    return m;
            }
            return Like::NoWildcardMatch;
        }
        if (c == '\\') {
            c = readChar(p, pi);
            if (c == 0)
                return Like::NoMatch;
            escapedAt = pi;
        }
        char32_t c2 = readChar(s, si);
        if (c == c2)
            continue;
        if (c < 0x80 && c2 < 0x80 && foldAscii(c) == foldAscii(c2))
            continue;
        if (c == '_' && pi != escapedAt && c2 != 0)
            continue;
        return Like::NoMatch;
    }
    return si >= s.size() || s[si] == '\0' ? Like::Match : Like::NoMatch;
}

} // namespace

bool likeMatch(std::string_view p, std::string_view text) { return pattern(p, 0, text, 0) == Like::Match; }

Truth evaluate(const Node& root, const FieldReader& read) { return eval(root, read); }

bool matches(const Node& root, const RunSummary& run, std::int64_t nowMs)
{
    return eval(root, [&](const Field& f) { return runFieldValue(f, run, nowMs); }) == Tri::True;
}

} // namespace cairn::query
