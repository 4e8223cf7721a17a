#include "engine/registry/gate_sources.h"

#include "engine/registry/report_gate_sources.h"

#include <algorithm>

namespace cairn::registry {

Status GateSourceSet::add(std::shared_ptr<const GateSource> source)
{
    if (!source)
        return makeError("no gate source given");
    const std::string n = source->name();
    if (n.empty() || n.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos)
        return makeError("gate source name '" + n + "' must be lower-case letters, digits or '_'");
    if (n == "metrics" || n == "params" || n == "tags")
        return makeError("gate source name '" + n + "' is a run's own field prefix");
    if (find(n))
        return makeError("a gate source named '" + n + "' is registered already");
    m_sources.push_back(std::move(source));
    return Ok{};
}

const GateSource* GateSourceSet::find(const std::string& name) const
{
    for (const auto& s : m_sources)
        if (s->name() == name)
            return s.get();
    return nullptr;
}

std::vector<std::string> GateSourceSet::names() const
{
    std::vector<std::string> out;
    for (const auto& s : m_sources)
        out.push_back(s->name());
    std::sort(out.begin(), out.end());
    return out;
}

GateSourceSet& builtinGateSources()
{
    static GateSourceSet set = [] {
        GateSourceSet s;
        for (const char* kind : {"drift", "validation", "fairness"})
            (void)s.add(std::make_shared<ReportGateSource>(kind));
        return s;
    }();
    return set;
}

} // namespace cairn::registry
