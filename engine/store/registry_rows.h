// Plain value types of the model registry in the project store (engine/store/store_registry.cpp,
// docs/registry.md): models, their numbered versions, aliases and their history, promotion
// requests, model-card fields and the audit trail.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cairn {

struct ModelVersion {
    std::int64_t id = 0;             // model_versions.id
    std::string model;
    std::int64_t version = 0;        // 1, 2, 3... per model
    std::string runId;
    std::string artifact;            // "name:version" of the artifact version, empty when none
    std::string artifactHash;
    std::string snapshot;            // JSON: params, tags, metrics, inputs of the run when registered
    std::int64_t createdMs = 0;
    std::string createdBy;
    std::vector<std::string> aliases;  // the aliases that point at it now
};

struct ModelInfo {
    std::int64_t id = 0;
    std::string name;
    std::int64_t createdMs = 0;
    std::string createdBy;
    std::int64_t versionCount = 0;
    std::int64_t latestVersion = 0;
    std::map<std::string, std::int64_t> aliases;  // alias -> version number
};

// One change of an alias, newest last in aliasHistory().
struct AliasChange {
    std::int64_t id = 0;
    std::string alias;
    std::int64_t version = 0;                 // what it points at after the change
    std::optional<std::int64_t> previous;     // what it pointed at before (none: new alias)
    std::string action;                       // alias, promote or rollback
    std::int64_t atMs = 0;
    std::string actor;
};

struct PromotionRequest {
    std::int64_t id = 0;
    std::string model;
    std::int64_t version = 0;
    std::string alias;
    std::string status;                       // pending, approved, rejected
    std::string requestedBy;
    std::int64_t requestedMs = 0;
    std::string decidedBy;
    std::int64_t decidedMs = 0;
    std::string note;
    std::string gates;                        // JSON: the gate results when it was requested
};

// One row of audit_events. `version` 0 means none. `before` and `after` are JSON text (or empty).
struct AuditEvent {
    std::int64_t seq = 0;
    std::string at;                           // UTC, "2024-05-01T12:00:00.123Z"
    std::string actor;
    std::string action;                       // model.register, alias.set, gate.failed, ...
    std::string model;
    std::int64_t version = 0;
    std::string alias;
    std::string before;
    std::string after;
    std::string prevHash;
    std::string hash;
};

// What a write appends to the trail; the store fills seq, at and the hashes.
struct AuditEntry {
    std::string actor;
    std::string action;
    std::string model;
    std::int64_t version = 0;
    std::string alias;
    std::string before;
    std::string after;
};

struct AuditHead {
    std::int64_t seq = 0;
    std::string hash;
};

} // namespace cairn
