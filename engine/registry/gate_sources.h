// Where a gate rule's values come from (docs/registry.md#gates). A rule reads the registered
// version's run: metrics.*, params.*, tags.* and run attributes (status, duration, ...), from
// the snapshot taken when the version was registered. Other sources plug in as GateSource
// objects named by their prefix: a rule `drift.share < 0.3` asks the source "drift" for the key
// "share". A rule that names a source nobody registered is refused with an error (never a pass).
//
// Wiring a new source (e.g. the stored drift, validation and fairness reports):
//   class DriftSource : public GateSource { ... name() returns "drift" ... };
//   registry::builtinGateSources().add(std::make_shared<DriftSource>());
// in registry/gate_sources.cpp's builtinGateSources(), so the CLI and the engine both see it.
#pragma once

#include "engine/core/result.h"
#include "engine/query/search_eval.h"
#include "engine/store/registry_rows.h"
#include "engine/store/types.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cairn {
class Store;
}

namespace cairn::registry {

// What the rules of a gate are evaluated against.
struct GateSubject {
    ModelVersion version;
    RunSummary run;                      // params, tags and metrics as snapshotted; attributes from the run
    Store* store = nullptr;              // for sources that read their own tables
    std::filesystem::path projectRoot;
};

class GateSource {
public:
    virtual ~GateSource() = default;
    // The prefix rules use: "drift" for drift.share. Lower case letters, digits and '_'.
    virtual std::string name() const = 0;
    // One line for `cairn gate sources` and error messages.
    virtual std::string description() const = 0;
    // The value of `key` for `subject`. nullopt when the source has none for this version (the
    // rule is then unknown, which fails the gate); an Error when it cannot be read at all.
    // Numbers should come back as numbers (isNumber), text as text.
    virtual Result<std::optional<query::FieldValue>> value(const std::string& key, const GateSubject& subject) const = 0;
};

class GateSourceSet {
public:
    // Refuses a name taken already (and the run's own prefixes metrics, params, tags).
    Status add(std::shared_ptr<const GateSource> source);
    const GateSource* find(const std::string& name) const;
    std::vector<std::string> names() const;
    const std::vector<std::shared_ptr<const GateSource>>& all() const { return m_sources; }

private:
    std::vector<std::shared_ptr<const GateSource>> m_sources;
};

// The sources every `cairn` command and the engine use beyond the run's own fields: drift.*,
// validation.* and fairness.* (report_gate_sources.h), the stored reports' summary values.
GateSourceSet& builtinGateSources();

} // namespace cairn::registry
