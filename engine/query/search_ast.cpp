#include "engine/query/search_ast.h"

#include "engine/core/text.h"
#include "engine/query/search_lexer.h"

#include <array>

namespace cairn::query {
namespace {

constexpr std::array<std::pair<Attribute, const char*>, 10> kAttributes = {{
    {Attribute::Id, "id"},
    {Attribute::Name, "name"},
    {Attribute::Experiment, "experiment"},
    {Attribute::Status, "status"},
    {Attribute::User, "user"},
    {Attribute::Host, "host"},
    {Attribute::Command, "command"},
    {Attribute::ExitCode, "exit_code"},
    {Attribute::Start, "start"},
    {Attribute::Duration, "duration"},
}};

} // namespace

bool Field::numeric() const
{
    if (kind == FieldKind::Metric)
        return true;
    return kind == FieldKind::Attribute
           && (attribute == Attribute::ExitCode || attribute == Attribute::Start || attribute == Attribute::Duration);
}

const char* attributeName(Attribute a)
{
    for (const auto& [attr, name] : kAttributes)
        if (attr == a)
            return name;
    return "";
}

std::optional<Attribute> attributeFromName(std::string_view name)
{
    const std::string lowered = asciiLower(name);
    for (const auto& [attr, n] : kAttributes)
        if (lowered == n)
            return attr;
    return std::nullopt;
}

const std::vector<std::string>& attributeNames()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const auto& a : kAttributes)
            out.emplace_back(a.second);
        return out;
    }();
    return names;
}

std::string fieldText(const Field& f)
{
    if (f.kind == FieldKind::Attribute)
        return attributeName(f.attribute);
    std::string key = f.key;
    if (!isBareKey(key)) {
        std::string quoted = "`";
        for (char c : key)
            quoted += c == '`' ? std::string("``") : std::string(1, c);
        key = quoted + "`";
    }
    const std::string prefix = f.kind == FieldKind::Source ? f.source + "."
                             : f.kind == FieldKind::Param ? "params."
                             : f.kind == FieldKind::Tag  ? "tags."
                                                         : "metrics.";
    std::string path = prefix + key;
    switch (f.kind == FieldKind::Metric ? f.stat : MetricStat::Last) {
    case MetricStat::Min: return "min(" + path + ")";
    case MetricStat::Max: return "max(" + path + ")";
    case MetricStat::Count: return "count(" + path + ")";
    case MetricStat::Last: break;
    }
    return path;
}

} // namespace cairn::query
