// Gate sources over the stored reports (docs/drift.md#summary-values): `drift.share < 0.3`,
// `validation.passed = 1`, `fairness.demographic_parity_difference < 0.1` read the summary
// values of the newest report of that kind attached to the registered version's run.
#pragma once

#include "engine/registry/gate_sources.h"

namespace cairn::registry {

class ReportGateSource : public GateSource {
public:
    explicit ReportGateSource(std::string kind) : m_kind(std::move(kind)) {}
    std::string name() const override { return m_kind; }
    std::string description() const override;
    Result<std::optional<query::FieldValue>> value(const std::string& key, const GateSubject& subject) const override;

private:
    std::string m_kind;  // drift, validation, fairness
};

} // namespace cairn::registry
