#include "engine/registry/report_gate_sources.h"

#include "engine/store/store.h"

namespace cairn::registry {

std::string ReportGateSource::description() const
{
    return "summary values of the run's newest " + m_kind + " report (" + m_kind +
           ".NAME; names in docs/drift.md#summary-values)";
}

Result<std::optional<query::FieldValue>> ReportGateSource::value(const std::string& key, const GateSubject& subject) const
{
    if (!subject.store)
        return makeError("the " + m_kind + " gate source needs the project's store");
    auto v = subject.store->reportValue(subject.run.run.id, m_kind + "." + key);
    if (!v)
        return v.error();
    if (!*v)
        return std::optional<query::FieldValue>{};
    query::FieldValue out;
    out.present = true;
    out.isNumber = true;
    out.number = **v;
    return std::optional<query::FieldValue>{out};
}

} // namespace cairn::registry
